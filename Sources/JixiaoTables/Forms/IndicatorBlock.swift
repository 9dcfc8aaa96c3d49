import Foundation
import JixiaoModel

/// The indicator rows of one form, read against its header (`IndicatorColumns`) into drafts. Merged
/// level cells are empty on the rows they cover, so a row without a level cell continues the levels
/// above. Beyond reading each row where its cells are (`IndicatorRowLayout`), the block repairs what
/// dumps of published forms garble, and notes every repair at its row:
///
/// - a level cell in another column is taken by what it says: a word of the national framework
///   (`IndicatorLevels`) is a 一级指标 or a 二级指标 wherever it is printed;
/// - a 二级指标 printed without its 一级指标, under a 一级指标 the framework does not put it under, takes
///   the framework's (the merged 一级指标 label was printed further down);
/// - a group that holds only the placeholder 无 ends there: a row after it without a level of its own
///   belongs to the 二级指标 printed next (a merged label the dump prints in the middle of its rows);
/// - 指标方向 is written into the target as its sign; a 三级指标 that ends in a comparison (股权投资总额小于)
///   gives it to a bare number target, when there is no 指标方向;
/// - a 一级指标 label missing its 指标 (满意度) is the framework's; one printed with its points
///   (产出指标（50分）) keeps the points for a check of the group's weights.
struct IndicatorBlock {
    let columns: IndicatorColumns
    let file: String
    let omitsMergedCells: Bool
    var cellText: CellText
    var indicators: [IndicatorDraft] = []
    var notes: [Diagnostic] = []
    /// The points a 一级指标 label prints, by 一级指标, with where.
    var points: [(level1: String, points: String, location: SourceLocation)] = []

    private var level1: String?
    private var level2: String?
    /// The current 二级指标 group holds only the placeholder 无 so far.
    private var placeholderGroup = false

    init(columns: IndicatorColumns, file: String, omitsMergedCells: Bool, wraps: Bool) {
        self.columns = columns
        self.file = file
        self.omitsMergedCells = omitsMergedCells
        cellText = CellText(wraps: wraps)
    }

    func at(_ cell: FormCell) -> SourceLocation { SourceLocation(file: file, line: cell.line, column: cell.column) }

    mutating func note(_ message: String, at cell: FormCell) {
        notes.append(.warning(.readWithChange, message, at: at(cell)))
    }

    /// Reads every row of the block, in order.
    mutating func read(_ rows: ArraySlice<FormRow>) {
        for index in rows.indices {
            read(rows[index], following: rows[(index + 1)...])
        }
    }

    /// The row's cells aligned to the header: rows of sources that leave merged cells out lack them at their start.
    func aligned(_ row: FormRow) -> [FormCell] {
        guard omitsMergedCells, row.cells.count < columns.count else { return row.cells }
        let padding = FormCell(text: "", line: row.line, column: 1)
        return Array(repeating: padding, count: columns.count - row.cells.count) + row.cells
    }

    mutating func read(_ row: FormRow, following: ArraySlice<FormRow>) {
        let cells = aligned(row)
        let layout = IndicatorRowLayout.of(cells, columns)
        if continuesName(layout, cells) { return }
        guard let nameIndex = layout.name else {
            notes.append(.warning(.rowSkipped, "row skipped: no \(IndicatorColumns.Field.name.label) in it: \(row.shown)",
                                  at: at(row.filled.first ?? row.cells[0])))
            return
        }
        let nameCell = cells[nameIndex]
        let name = cellText.text(nameCell)
        if nameIndex != columns.index[.name], IndicatorLevels.classify(name, under: level1) != .unknown {
            notes.append(.warning(.rowSkipped, "row skipped: no \(IndicatorColumns.Field.name.label) in it (\(name) is a level): \(row.shown)", at: at(nameCell)))
            return
        }
        var moved: [(field: IndicatorColumns.Field, index: Int, offset: Int, value: String?)] = []
        func place(_ field: IndicatorColumns.Field, _ index: Int, _ value: String? = nil) {
            if let header = columns.index[field], header != index { moved.append((field, index, index - header, value)) }
        }

        // Levels: what the cells before the 三级指标 say, else the rows above.
        let (own1, own2) = levelCells(layout.levels, cells)
        for extra in layout.levels where extra != own1 && extra != own2 {
            note("\(cells[extra].text) not read: a third level cell before \(IndicatorColumns.Field.name.label) \(name)", at: cells[extra])
        }
        var newLevel1: String? = nil
        if let own1 {
            let label = readLevel1(cells[own1])
            newLevel1 = label
            place(.level1, own1, label)
        }
        var newLevel2: String? = nil
        if let own2 {
            newLevel2 = cellText.text(cells[own2])
            place(.level2, own2, newLevel2)
        }
        place(.name, nameIndex, name)
        let (resolved1, resolved2) = resolve(newLevel1, newLevel2, at: own2.map { cells[$0] }, name: name, nameCell: nameCell, following: following)

        var indicator = IndicatorDraft(level1: resolved1, level2: resolved2, name: name, target: "", location: at(nameCell))
        if let own1 { indicator.fieldLocations["level1"] = at(cells[own1]) }
        if let own2 { indicator.fieldLocations["level2"] = at(cells[own2]) }
        for (field, index) in layout.fields.sorted(by: { $0.value < $1.value }) {
            let value = cellText.text(cells[index])
            place(field, index)
            indicator.fieldLocations[field.key] = at(cells[index])
            switch field {
            case .target: indicator.target = value
            case .direction: indicator.direction = value
            case .unit: indicator.unit = value
            case .nature: indicator.nature = value
            case .weight: indicator.weight = value
            case .description: indicator.description = value
            case .basis: indicator.basis = value
            case .note: indicator.note = value
            case .actual: indicator.actual = value
            case .score: indicator.publishedScore = value
            case .reason: indicator.reason = value
            case .progress: indicator.progress = value
            case .expected: indicator.expected = value
            case .likelihood: indicator.likelihood = value
            case .measure: indicator.measure = value
            case .level1, .level2, .name: break
            }
        }
        readTicks(layout.ticks, cells, into: &indicator)
        if !moved.isEmpty {
            note("row of \(IndicatorColumns.Field.name.label) \(FormText.short(name)) read with its cells out of their columns: \(Self.describe(moved, columns, fieldsRead: layout.fields.count))", at: nameCell)
        }
        for index in layout.leftovers {
            note("\(FormText.short(cells[index].text)) not read: no column of the row's is left for it (row of \(IndicatorColumns.Field.name.label) \(FormText.short(name)))", at: cells[index])
        }
        signTarget(&indicator, at: nameCell)
        if let description = indicator.description, description.count > name.count, description.hasPrefix(name) {
            notes.append(.warning(.looksCutOff, "\(IndicatorColumns.Field.name.label) \(name) is the beginning of its \(FieldSet.indicator.name("description")) "
                + "\(description): it may be cut off in the source; kept as published", at: at(nameCell)))
        }
        indicators.append(indicator)
    }

    /// The categories a row ticks (偏差原因分析 and 完成目标可能性 printed as a column per category): the
    /// ticked one of each, the others noted.
    private mutating func readTicks(_ ticks: [Int], _ cells: [FormCell], into indicator: inout IndicatorDraft) {
        for index in ticks {
            guard let (field, value) = columns.ticks[index] else { continue }
            let cell = cells[index]
            guard IndicatorColumns.isTick(cell.text) else {
                note("\(FormText.short(cell.text)) not read: a cell under \(value) holds a tick (√) or nothing (row of \(IndicatorColumns.Field.name.label) \(FormText.short(indicator.name)))", at: cell)
                continue
            }
            let current = field == .likelihood ? indicator.likelihood : indicator.reason
            if let current {
                note("\(value) not read: \(current) is ticked before it (row of \(IndicatorColumns.Field.name.label) \(FormText.short(indicator.name)))", at: cell)
                continue
            }
            if field == .likelihood { indicator.likelihood = value } else { indicator.reason = value }
            indicator.fieldLocations[field.key] = at(cell)
        }
    }

    /// A row that holds nothing but text under 三级指标 continues the 三级指标 of the row above (a cell printed
    /// over two lines): joined to it, and noted.
    private mutating func continuesName(_ layout: IndicatorRowLayout, _ cells: [FormCell]) -> Bool {
        guard let name = layout.name, name == columns.index[.name], layout.levels.isEmpty, layout.fields.isEmpty, layout.leftovers.isEmpty,
              let last = indicators.indices.last
        else { return false }
        let part = cellText.text(cells[name])
        let joined = indicators[last].name + part
        note("\(IndicatorColumns.Field.name.label) \(indicators[last].name) continued by \(part) on the row below: read as \(joined)", at: cells[name])
        indicators[last].name = joined
        return true
    }

    /// The row's levels: its own, else those of the rows above, repaired as the framework and the
    /// placeholder 无 tell (see the type's comment); the levels the next rows continue.
    private mutating func resolve(_ newLevel1: String?, _ newLevel2: String?, at level2Cell: FormCell?, name: String, nameCell: FormCell,
                                  following: ArraySlice<FormRow>) -> (String, String)
    {
        var resolved1 = newLevel1 ?? level1 ?? ""
        var resolved2: String
        if let newLevel2, let level2Cell {
            resolved2 = newLevel2
            if newLevel1 == nil, let parent = IndicatorLevels.parent(ofLevel2: newLevel2), parent != resolved1,
               resolved1.isEmpty || IndicatorLevels.level1Name(resolved1) != nil
            {
                note("\(FieldSet.indicator.name("level1")) \(parent) taken from the national framework for \(FieldSet.indicator.name("level2")) \(newLevel2), "
                    + "printed without its 一级指标 after the rows of \(resolved1.isEmpty ? "no 一级指标" : resolved1)", at: level2Cell)
                resolved1 = parent
            }
            placeholderGroup = true
        } else if newLevel1 != nil, newLevel1 != level1 {
            resolved2 = ""
            note("row of \(IndicatorColumns.Field.name.label) \(name) starts 一级指标 \(resolved1) without a 二级指标", at: nameCell)
            placeholderGroup = true
        } else {
            resolved2 = level2 ?? ""
            if placeholderGroup, let next = nextLevel2(following, under: resolved1) {
                note("row of \(IndicatorColumns.Field.name.label) \(name) placed under \(FieldSet.indicator.name("level2")) \(next.level2), printed on a later row: "
                    + "the rows above hold only the placeholder 无 of \(resolved2)", at: nameCell)
                resolved2 = next.level2
                resolved1 = next.parent ?? resolved1
            }
        }
        placeholderGroup = placeholderGroup && name == "无"
        level1 = resolved1
        level2 = resolved2
        return (resolved1, resolved2)
    }

    /// Where the cells of a row were: the levels and the 三级指标 each by its column, the cells after the
    /// 三级指标 together when they moved alike (`the cells after it one column left`).
    static func describe(_ moved: [(field: IndicatorColumns.Field, index: Int, offset: Int, value: String?)], _ columns: IndicatorColumns,
                         fieldsRead: Int) -> String
    {
        let heads = moved.filter { [.level1, .level2, .name].contains($0.field) }
        let rest = moved.filter { ![.level1, .level2, .name].contains($0.field) }
        var parts = heads.map { "\($0.field.headers[0])\($0.field == .name ? "" : $0.value.map { " " + FormText.short($0) } ?? "") under \(columns.title($0.index))" }
        if rest.count == fieldsRead, let offset = rest.first?.offset, rest.allSatisfy({ $0.offset == offset }) {
            let distance = abs(offset) == 1 ? "one column" : abs(offset) == 2 ? "two columns" : "\(abs(offset)) columns"
            parts.append("the cells after it \(distance) \(offset < 0 ? "left" : "right")")
        } else {
            parts += rest.map { "\($0.field.headers[0]) under \(columns.title($0.index))" }
        }
        return parts.joined(separator: ", ")
    }

    /// The cells of a row's 一级指标 and 二级指标 among those before its 三级指标: two in order, the one there
    /// is by what it says (by its column when it is no word of the framework), or of more the words of the
    /// framework.
    private func levelCells(_ levels: [Int], _ cells: [FormCell]) -> (Int?, Int?) {
        switch levels.count {
        case 0: return (nil, nil)
        case 1:
            let index = levels[0]
            switch IndicatorLevels.classify(FormText.key(cells[index].text), under: level1) {
            case .level1: return (index, nil)
            case .level2: return (nil, index)
            case .unknown:
                let level2Column = columns.index[.level2] ?? Int.max
                return index < level2Column && columns.index[.level1] != nil ? (index, nil) : (nil, index)
            }
        case 2:
            return (levels[0], levels[1])
        default:
            // More cells than levels: the words of the framework, else the first two.
            let words = levels.map { IndicatorLevels.classify(FormText.key(cells[$0].text), under: level1) }
            let first = levels.indices.first { words[$0].isLevel1 } ?? 0
            let second = levels.indices.first { $0 > first && words[$0].isLevel2 } ?? first + 1
            return (levels[first], levels[second])
        }
    }

    /// A 一级指标 label: the framework's name when it names one (a label without its 指标 is noted), its
    /// printed points kept for `points`.
    private mutating func readLevel1(_ cell: FormCell) -> String {
        let (label, points) = IndicatorLevels.points(cellText.text(cell))
        var name = label
        if let framework = IndicatorLevels.level1Name(label) {
            if framework != label {
                note("\(FieldSet.indicator.name("level1")) \(label) read as \(framework)", at: cell)
            }
            name = framework
        }
        if let points { self.points.append((name, points, at(cell))) }
        return name
    }

    /// The first 二级指标 of the framework printed on the rows that follow, with its 一级指标.
    private func nextLevel2(_ rows: ArraySlice<FormRow>, under level1: String) -> (level2: String, parent: String?)? {
        for row in rows {
            for cell in row.cells where !cell.isEmpty {
                let text = cellText.wraps ? FormText.unwrapped(cell.text) : cell.text
                if case let .level2(parent) = IndicatorLevels.classify(text, under: level1) { return (text, parent) }
            }
        }
        return nil
    }

    /// 指标方向 written into the target as its sign; else the comparison a 三级指标 ends with, for a target
    /// that is a bare number.
    private mutating func signTarget(_ indicator: inout IndicatorDraft, at cell: FormCell) {
        let (target, message) = Self.signed(indicator)
        indicator.target = target
        if let message { note(message, at: cell) }
    }

    /// The target with its sign, and what to say about it. (A function of its own, without `inout`:
    /// the optimizer of Swift 6.3 fails on the same logic written in place.)
    private static func signed(_ indicator: IndicatorDraft) -> (target: String, note: String?) {
        let target = indicator.target
        let written = Target(parsing: target).comparison
        if let direction = indicator.direction {
            if let signed = TargetDirection.signed(target, direction: direction) { return (signed, nil) }
            let names = TargetDirection.comparison(direction) != nil
            if names, written == nil || written == .equal { return (target, nil) }
            let why = names ? "the target has a comparison of its own" : "it names no comparison"
            return (target, "指标方向 \(direction) not written into \(FieldSet.indicator.name("target")) \(target): \(why)")
        }
        guard !target.isEmpty, !target.hasPrefix("="), written == .equal, let word = endingComparison(indicator.name) else { return (target, nil) }
        let signed = word.comparison.rawValue + target
        return (signed, "\(FieldSet.indicator.name("target")) \(target) read as \(signed): the \(FieldSet.indicator.name("name")) \(indicator.name) ends in \(word.spelling)")
    }

    /// The comparison word (not a verb, not 等于) a name ends with: `股权投资总额小于`.
    private static func endingComparison(_ name: String) -> ComparisonWords.Spelling? {
        for word in ComparisonWords.before where !word.isVerb && word.comparison != .equal && name.hasSuffix(word.spelling) {
            return word
        }
        return nil
    }
}
