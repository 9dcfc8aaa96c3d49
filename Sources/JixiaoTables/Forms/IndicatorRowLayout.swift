import Foundation
import JixiaoModel

/// Where the cells of one indicator row are. Dumps of published forms shift cells out of their columns:
/// merged cells dropped or printed in the wrong column, a row moved one or two columns left or right,
/// a value one column further than its header. So a row is read from an anchor that says what it is,
/// wherever it was printed: the 指标性质 cell (正向, 反向, 定性) on goal tables, the 分值 and 得分 numbers on
/// self-evaluations. The 三级指标 is the nearest cell before what follows it, the level cells are those
/// before the 三级指标, and the cells after the anchor are taken under their headers where they fit
/// there, else in order by what they hold.
struct IndicatorRowLayout {
    /// The 三级指标's cell; nil when the row has none.
    var name: Int?
    /// The non-empty cells before the 三级指标 (一级指标, 二级指标), in order.
    var levels: [Int] = []
    /// Every other field read, by the index of its cell.
    var fields: [IndicatorColumns.Field: Int] = [:]
    /// Non-empty cells no field took.
    var leftovers: [Int] = []
    /// The non-empty cells under tick columns (`IndicatorColumns.ticks`).
    var ticks: [Int] = []

    static let natures: Set<String> = Set(Nature.allCases.map(\.rawValue))

    static func isNature(_ text: String?) -> Bool { text.map { natures.contains($0) } ?? false }

    static func isDirection(_ text: String?) -> Bool { text.flatMap(TargetDirection.comparison) != nil }

    static func isNumber(_ text: String?) -> Bool { text.map(FormText.isNumber) ?? false }

    /// The layout of `cells` (already aligned to the header's columns) under `columns`.
    static func of(_ cells: [FormCell], _ columns: IndicatorColumns) -> IndicatorRowLayout {
        func text(_ index: Int) -> String? {
            index >= 0 && index < cells.count && !cells[index].isEmpty ? cells[index].text : nil
        }
        var layout = IndicatorRowLayout()
        let column = columns.index
        if let natureColumn = column[.nature] {
            guard let anchor = isNature(text(natureColumn)) ? natureColumn : cells.indices.first(where: { isNature(text($0)) }) else {
                return positional(cells, columns)
            }
            layout.fields[.nature] = anchor
            layout.name = (0 ..< anchor).last { text($0) != nil }
            layout.readTail(after: .nature, at: anchor, cells: cells, columns: columns)
        } else if let weightColumn = column[.weight], column[.score] != nil {
            guard let anchor = scoreAnchor(cells, columns) else { return positional(cells, columns) }
            let shift = anchor - weightColumn
            for (field, index) in column where field != .name && field != .level1 && field != .level2 {
                if text(index + shift) != nil { layout.fields[field] = index + shift }
            }
            // The 三级指标 is the nearest cell before the first field printed after it (年度指标值).
            let after = column.filter { $0.value > (column[.name] ?? 0) }.map(\.value).min() ?? weightColumn
            layout.name = (0 ..< after + shift).last { text($0) != nil }
            let used = Set(layout.fields.values)
            layout.leftovers = cells.indices.filter { $0 >= after + shift && text($0) != nil && !used.contains($0) }
        } else {
            return positional(cells, columns)
        }
        if let name = layout.name {
            layout.levels = (0 ..< name).filter { text($0) != nil && FormText.key(cells[$0].text) != "绩效指标" }
        }
        return layout
    }

    /// Every cell under its header: layouts without an anchor, and rows without one.
    static func positional(_ cells: [FormCell], _ columns: IndicatorColumns) -> IndicatorRowLayout {
        var layout = IndicatorRowLayout()
        for (field, index) in columns.index where index < cells.count && !cells[index].isEmpty {
            switch field {
            case .name: layout.name = index
            case .level1, .level2: layout.levels.append(index)
            default: layout.fields[field] = index
            }
        }
        layout.levels.sort()
        layout.ticks = columns.ticks.keys.filter { $0 < cells.count && !cells[$0].isEmpty }.sorted()
        let used = Set(layout.fields.values).union(layout.levels).union(layout.name.map { [$0] } ?? []).union(layout.ticks)
        layout.leftovers = cells.indices.filter { !cells[$0].isEmpty && !used.contains($0) && columns.titles[$0] != "绩效指标" }
        return layout
    }

    /// The 分值 cell of a self-evaluation row: under its header when the row is where its header says
    /// (a 三级指标 that is no number, a number under 分值, 得分 a number or empty), else the first of the
    /// last two adjacent numbers (分值, 得分).
    static func scoreAnchor(_ cells: [FormCell], _ columns: IndicatorColumns) -> Int? {
        func text(_ index: Int) -> String? {
            index >= 0 && index < cells.count && !cells[index].isEmpty ? cells[index].text : nil
        }
        guard let weight = columns.index[.weight], let score = columns.index[.score] else { return nil }
        if let name = columns.index[.name], let nameText = text(name), !isNumber(nameText),
           isNumber(text(weight)), text(score) == nil || isNumber(text(score))
        {
            return weight
        }
        return stride(from: cells.count - 2, through: 0, by: -1).first { isNumber(text($0)) && isNumber(text($0 + 1)) }
    }

    /// The fields after the anchor: under their headers (moved as the anchor moved) when each holds what
    /// its column does, else the non-empty cells in order, each to the next field it fits.
    mutating func readTail(after anchorField: IndicatorColumns.Field, at anchor: Int, cells: [FormCell], columns: IndicatorColumns) {
        func text(_ index: Int) -> String? {
            index >= 0 && index < cells.count && !cells[index].isEmpty ? cells[index].text : nil
        }
        let shift = anchor - (columns.index[anchorField] ?? anchor)
        let tail = columns.fields(after: anchorField)
        var placed: [IndicatorColumns.Field: Int] = [:]
        for field in tail {
            if let index = columns.index[field], text(index + shift) != nil { placed[field] = index + shift }
        }
        func fits(_ field: IndicatorColumns.Field, _ value: String) -> Bool {
            switch field {
            case .direction: Self.isDirection(value)
            case .target: !Self.isDirection(value) && !Self.isNature(value)
            case .unit: !Self.isNumber(value) && value.count <= 8 && !value.contains(where: Chars.isDigit)
            case .weight, .score: Self.isNumber(value)
            default: true
            }
        }
        // A 指标方向 that names no comparison does not move a row: it is kept, and noted when the target is read.
        let fitsWhereItIs = placed.allSatisfy { $0.key == .direction || fits($0.key, text($0.value)!) }
            && (!tail.contains(.target) || placed[.target] != nil)
        let filled = (anchor + 1 ..< max(anchor + 1, cells.count)).filter { text($0) != nil }
        if fitsWhereItIs {
            fields.merge(placed) { first, _ in first }
            let used = Set(placed.values)
            leftovers = filled.filter { !used.contains($0) }
            return
        }
        // In order: before the target only a 指标方向 or the target itself; after it each cell goes to the
        // next field it fits.
        var remaining = tail[...]
        for index in filled {
            let value = text(index)!
            let candidates = fields[.target] == nil && tail.contains(.target)
                ? remaining.filter { $0 == .direction || $0 == .target }
                : Array(remaining)
            guard let field = candidates.first(where: { fits($0, value) }), let position = remaining.firstIndex(of: field) else {
                leftovers.append(index)
                continue
            }
            fields[field] = index
            remaining = remaining[(position + 1)...]
        }
    }
}
