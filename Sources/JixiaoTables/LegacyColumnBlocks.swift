import Foundation
import JixiaoModel

/// Reads a legacy published layout of the project goal table (表15, 项目绩效目标表) from a text dump:
///
/// 1. a project list: a header line naming 项目名称, 项目单位 (`982001-单位名称`) and 项目类别, then one project a
///    line (cells separated by tabs, sometimes wrapped in `<p>` tags, blank lines anywhere), ending with a
///    `合 计` line;
/// 2. the goal table dumped as column blocks one after another, each a header line then its rows: the first
///    block holds the project columns (预算数, 年度绩效目标) beside 一级指标 and 二级指标, the others the remaining
///    indicator columns (三级指标, 指标性质, 指标方向, 目标值, 计量单位, 分值 …). A line such as `单位：万元` between
///    blocks gives the money unit; the last row of the first block that holds only a number is the 合计.
///
/// Row i of every block is one row of the table, so the blocks are joined row by row, and the projects of the
/// first block are those of the list, in the same order. A project's merged cells (预算数, 年度绩效目标) are
/// printed on one of its rows, usually its first. Dumps of this layout are not clean, and this reader repairs
/// what it can without hiding anything; every repair and every row it cannot place is a warning in `notes`:
///
/// - cells shifted out of their columns (leading empty cells dropped, 预算数 printed over 一级指标/二级指标, a
///   number and a goal separated by a space instead of a tab) are found by what they hold;
/// - a merged cell printed in the middle of its project: rows that follow a project's 满意度指标 rows and start
///   again at the 一级指标 the project opened with (产出指标), before the next 预算数, are the next project's
///   first rows;
/// - a goal wrapped over several lines is joined;
/// - blocks of different lengths are paired by content (二级指标 against 三级指标 and 目标值, 目标值 against
///   计量单位) instead of by position, so that one missing row does not shift every row after it; each row
///   left without a partner is noted, and indicators that lack a block's columns are kept without them.
package enum LegacyColumnBlocks {
    package static func read(_ text: String, file: String) -> DraftSet {
        var reader = LegacyDumpReader(file: file, lines: DumpLine.split(text))
        return reader.read()
    }

    /// Whether a text dump has this layout: a project list header (项目名称 beside 项目单位 or 项目类别),
    /// then a column block header naming 预算数 or 年度绩效目标.
    package static func recognizes(_ text: String) -> Bool {
        let lines = DumpLine.split(text)
        guard let list = lines.firstIndex(where: { line in
            LegacyDumpReader.listColumns(line).map { $0.unit != nil || $0.category != nil } ?? false
        }) else { return false }
        return lines[(list + 1)...].contains { line in
            guard let columns = LegacyDumpReader.blockColumns(line)?.columns else { return false }
            return columns.contains(.total) || columns.contains(.goal)
        }
    }
}

// MARK: - Lines and cells

/// One cell of a dump line: its text without markup and surrounding spaces, and the column (1-based, in
/// characters) where it starts.
package struct DumpCell: Sendable {
    var text: String
    var column: Int
}

package struct DumpLine: Sendable {
    var number: Int
    var cells: [DumpCell]

    var isBlank: Bool { cells.allSatisfy { $0.text.isEmpty } }

    /// The line's text, cells separated by ` | `, for messages.
    var shown: String {
        let text = cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " | ")
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    static func split(_ text: String) -> [DumpLine] {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let raw = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        return raw.enumerated().map { index, line in
            var cells: [DumpCell] = []
            var column = 1
            for piece in line.split(separator: "\t", omittingEmptySubsequences: false) {
                cells.append(DumpCell(text: clean(piece), column: column))
                column += piece.count + 1
            }
            return DumpLine(number: index + 1, cells: cells)
        }
    }

    /// Drops HTML tags (`<p>…</p>`) and the common entities that dumps of web pages keep.
    static func clean(_ piece: Substring) -> String {
        var text = String(piece)
        if text.contains("<") { text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression) }
        if text.contains("&") {
            for (entity, character) in [("&nbsp;", " "), ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&amp;", "&")] {
                text = text.replacingOccurrences(of: entity, with: character)
            }
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}

// MARK: - Reading

private struct LegacyDumpReader {
    let file: String
    let lines: [DumpLine]
    var set = DraftSet()

    init(file: String, lines: [DumpLine]) {
        self.file = file
        self.lines = lines
    }

    /// A project as the list gives it.
    struct ListEntry {
        var line: DumpLine
        var name: DumpCell
        var unit: DumpCell?
        var category: DumpCell?
        var code: DumpCell?
    }

    /// A column block: its header line, the column each header cell names, and its rows.
    struct Block {
        var header: DumpLine
        var columns: [LongTable.Column?]
        var rows: [DumpLine] = []

        func index(of column: LongTable.Column) -> Int? { columns.firstIndex(of: column) }

        /// `line 241 (三级指标, 指标性质 …)`, for messages.
        var shown: String {
            let names = header.cells.map(\.text).filter { !$0.isEmpty }
            return "line \(header.number) (\(names.prefix(2).joined(separator: ", "))\(names.count > 2 ? " …" : ""))"
        }
    }

    /// A row of the first block, with what was found in it.
    struct TableRow {
        enum Kind {
            /// 一级指标 and 二级指标 (maybe beside 预算数 and 年度绩效目标).
            case indicator
            /// Only 预算数 and/or 年度绩效目标 in their own columns: the text of merged cells, on a line of its own.
            case label
            /// No 一级指标/二级指标, but text where they belong: a row whose cells were overwritten.
            case displaced
        }

        var line: DumpLine
        var kind: Kind
        var budget: DumpCell?
        var goal: [DumpCell] = []
        var level1: DumpCell?
        var level2: DumpCell?
        /// Other columns of the first block, by column.
        var values: [LongTable.Column: DumpCell] = [:]
        /// How the row was repaired, for the notes (rows with the same repair side by side share a note).
        var repair: String?
    }

    func at(_ line: Int, _ column: Int = 1) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
    func at(_ line: DumpLine, _ cell: DumpCell) -> SourceLocation { at(line.number, cell.column) }

    mutating func warn(_ message: String, _ location: SourceLocation) {
        set.notes.append(.warning(.readWithChange, message, at: location))
    }

    mutating func read() -> DraftSet {
        guard let listHeader = lines.firstIndex(where: { Self.listColumns($0) != nil }) else {
            set.notes.append(.error(.layoutIncomplete, "no project list: no line names the column 项目名称", at: at(1)))
            return set
        }
        let (entries, next, listTotal) = readList(header: listHeader)
        let blocks = readBlocks(from: next)
        unit(of: entries)
        guard let first = blocks.firstIndex(where: { $0.index(of: .total) != nil || $0.index(of: .goal) != nil }) else {
            set.notes.append(.error(.layoutIncomplete, "no column block with 预算数 or 年度绩效目标 follows the project list", at: at(lines[listHeader].number)))
            return set
        }
        var others = blocks
        let anchorBlock = others.remove(at: first)

        var rows = anchorBlock.rows.map { parseFirstBlockRow($0, block: anchorBlock) }
        noteRepairs(rows)
        // 合计: the last row holding only a number.
        if let last = rows.last, last.kind == .label, last.budget != nil, last.goal.isEmpty {
            set.unitTotal = Self.amount(last.budget!.text)
            rows.removeLast()
        } else if let listTotal {
            set.unitTotal = listTotal
        }

        let owners = assign(rows, to: entries, block: anchorBlock)
        let partners = join(rows, anchorBlock: anchorBlock, others: others)
        build(rows, owners: owners, partners: partners, entries: entries, others: others)
        set.notes.sort()
        return set
    }

    // MARK: The project list

    static let unitHeaders = ["项目单位", "单位名称", "实施单位", "项目实施单位", "预算单位", "单位"]

    /// The columns of the list's header: name, unit, category, code.
    static func listColumns(_ line: DumpLine) -> (name: Int, unit: Int?, category: Int?, code: Int?)? {
        let names = line.cells.map { $0.text.filter { !$0.isWhitespace } }
        guard let name = names.firstIndex(of: "项目名称") else { return nil }
        return (name, names.firstIndex(where: unitHeaders.contains), names.firstIndex(of: "项目类别"), names.firstIndex(of: "项目编码"))
    }

    /// Reads the list; returns its projects, the index of the line after it, and a 合计 if its line has one.
    mutating func readList(header: Int) -> ([ListEntry], Int, String?) {
        let columns = Self.listColumns(lines[header])!
        let width = lines[header].cells.count
        var entries: [ListEntry] = []
        var index = header + 1
        while index < lines.count {
            let line = lines[index]
            if line.isBlank { index += 1; continue }
            if Self.isHeading(line) || Self.blockColumns(line) != nil { return (entries, index, nil) }
            func cell(_ column: Int?) -> DumpCell? {
                guard let column, column < line.cells.count, !line.cells[column].text.isEmpty else { return nil }
                return line.cells[column]
            }
            let firstText = line.cells.first(where: { !$0.text.isEmpty })?.text.filter { !$0.isWhitespace } ?? ""
            if firstText == "合计" || firstText == "总计" {
                let total = line.cells.lazy.compactMap { Self.amount($0.text) }.first
                return (entries, index + 1, total)
            }
            guard let name = cell(columns.name) else {
                warn("row of the project list skipped: it has no 项目名称 (\(line.shown))", at(line.number))
                index += 1
                continue
            }
            if line.cells.count < width {
                warn("row of the project list has \(line.cells.count) cells, the header \(width); read by position", at(line.number))
            }
            entries.append(ListEntry(line: line, name: name, unit: cell(columns.unit), category: cell(columns.category), code: cell(columns.code)))
            index += 1
        }
        return (entries, index, nil)
    }

    /// 单位名称 and 单位编码 from the list's 项目单位 cells (`982001-鄂尔多斯市工业和信息化局`): the one most
    /// projects name.
    mutating func unit(of entries: [ListEntry]) {
        var counts: [String: Int] = [:]
        for entry in entries { if let unit = entry.unit { counts[unit.text, default: 0] += 1 } }
        guard let text = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return }
        let (code, name) = Self.splitUnit(text)
        set.unitName = name
        set.unitCode = code
    }

    static func splitUnit(_ text: String) -> (code: String?, name: String) {
        guard let match = text.range(of: #"^[0-9A-Za-z]+\s*[-－—–]\s*"#, options: .regularExpression) else { return (nil, text) }
        let code = text[match].prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber) })
        return (String(code), String(text[match.upperBound...]))
    }

    // MARK: Column blocks

    static func isHeading(_ line: DumpLine) -> Bool {
        line.cells.first(where: { !$0.text.isEmpty })?.text.hasPrefix("#") ?? false
    }

    /// `单位：万元` (the money unit of the amounts).
    static func moneyUnitStatement(_ line: DumpLine) -> String? {
        let text = line.cells.map(\.text).joined().filter { !$0.isWhitespace }
        guard let match = text.range(of: #"^(金额)?单位[:：](万元|元)$"#, options: .regularExpression) else { return nil }
        return text[match].hasSuffix("万元") ? "万元" : "元"
    }

    /// The columns a block header names (as the long-table reader knows them), with a money unit written in
    /// one of them (`预算数（万元）`); nil when the line is no header.
    static func blockColumns(_ line: DumpLine) -> (columns: [LongTable.Column?], moneyUnit: String?)? {
        var columns: [LongTable.Column?] = []
        var known = 0, written = 0
        var moneyUnit: String?
        for cell in line.cells {
            var name = cell.text.filter { !$0.isWhitespace }
            if let range = name.range(of: #"[（(][^）)]*[)）]"#, options: .regularExpression) {
                let inner = name[range].dropFirst().dropLast()
                if inner == "万元" || inner == "元" { moneyUnit = String(inner) }
                name.removeSubrange(range)
            }
            if !name.isEmpty { written += 1 }
            let column = LongTable.Column.allCases.first { $0.headers.contains(name) }
            if column != nil { known += 1 }
            columns.append(column)
        }
        guard known >= 2, known * 2 > written, !columns.contains(.name) else { return nil }
        return (columns, moneyUnit)
    }

    mutating func readBlocks(from start: Int) -> [Block] {
        var blocks: [Block] = []
        var inBlock = false
        for line in lines[start...] where !line.isBlank {
            if let (columns, moneyUnit) = Self.blockColumns(line) {
                blocks.append(Block(header: line, columns: columns))
                inBlock = true
                if let moneyUnit { set.moneyUnit = set.moneyUnit ?? moneyUnit }
                for (index, column) in columns.enumerated() where column == nil && !line.cells[index].text.isEmpty {
                    warn("column `\(line.cells[index].text)` is not one jixiao reads; its values are ignored", at(line, line.cells[index]))
                }
            } else if let moneyUnit = Self.moneyUnitStatement(line) {
                set.moneyUnit = moneyUnit
            } else if Self.isHeading(line) {
                inBlock = false
            } else if inBlock {
                blocks[blocks.count - 1].rows.append(line)
            } else {
                warn("line ignored: it is outside the project list and every column block (\(line.shown))", at(line.number))
            }
        }
        return blocks
    }

    // MARK: The first block

    /// A numeral as money is published (`1,334.06`, `8.00`), without thousands separators.
    static func amount(_ text: String) -> String? {
        let bare = text.replacingOccurrences(of: ",", with: "").replacingOccurrences(of: "，", with: "")
        guard Decimal.isNumeral(bare), !bare.hasPrefix("-"), !bare.hasPrefix("+") else { return nil }
        if bare != text, text.range(of: #"^[0-9]{1,3}([,，][0-9]{3})*(\.[0-9]+)?$"#, options: .regularExpression) == nil { return nil }
        return bare
    }

    /// 产出指标, 效益指标, 满意度指标, 成本指标 …: short, and ending in 指标.
    static func isLevel1(_ text: String) -> Bool {
        text.hasSuffix("指标") && text.count <= 6 && text != "指标"
    }

    func parseFirstBlockRow(_ line: DumpLine, block: Block) -> TableRow {
        let cells = line.cells
        let budgetColumn = block.index(of: .total), level1Column = block.index(of: .level1)
        var repairs: [String] = []

        // 一级指标 where the header puts it, else the first cell that looks like one.
        var levelAt: Int?
        if let level1Column {
            if level1Column < cells.count, Self.isLevel1(cells[level1Column].text) {
                levelAt = level1Column
            } else if let found = cells.indices.first(where: { Self.isLevel1(cells[$0].text) }) {
                levelAt = found
                repairs.append("一级指标/二级指标 stand in fields \(found + 1)–\(found + 2), not \(level1Column + 1)–\(level1Column + 2) (cells shifted); read where they are")
            }
        }

        var row = TableRow(line: line, kind: .indicator)
        let front = levelAt ?? cells.count
        var budgetAt: Int?
        for index in 0..<front where !cells[index].text.isEmpty {
            let cell = cells[index]
            if row.budget == nil, row.goal.isEmpty, budgetColumn != nil {
                if Self.amount(cell.text) != nil {
                    row.budget = cell
                    budgetAt = index
                    continue
                }
                // `50.00 确保……`: the number and the goal in one cell, separated by a space.
                if let space = cell.text.firstIndex(where: \.isWhitespace), Self.amount(String(cell.text[..<space])) != nil {
                    let number = String(cell.text[..<space])
                    let rest = cell.text[space...].trimmingCharacters(in: .whitespaces)
                    row.budget = DumpCell(text: number, column: cell.column)
                    budgetAt = index
                    if !rest.isEmpty { row.goal.append(DumpCell(text: rest, column: cell.column + cell.text.distance(from: cell.text.startIndex, to: space) + 1)) }
                    repairs.append("预算数 and 年度绩效目标 are separated by a space, not a tab; split after the number")
                    continue
                }
            }
            row.goal.append(cell)
        }

        if let levelAt {
            row.level1 = cells[levelAt]
            if levelAt + 1 < cells.count, !cells[levelAt + 1].text.isEmpty { row.level2 = cells[levelAt + 1] }
            // Any further columns of this block, shifted as the levels are.
            let shift = levelAt - (level1Column ?? levelAt)
            for (index, column) in block.columns.enumerated() {
                guard let column, ![.total, .goal, .level1, .level2].contains(column) else { continue }
                let position = index + shift
                if position >= 0, position < cells.count, !cells[position].text.isEmpty { row.values[column] = cells[position] }
            }
            if let budgetAt, let budgetColumn, budgetAt != budgetColumn, repairs.isEmpty {
                repairs.append("预算数 stands in field \(budgetAt + 1), not \(budgetColumn + 1); read where it is")
            }
        } else {
            let used = cells.indices.filter { !cells[$0].text.isEmpty }
            if let level1Column, let last = used.last, last >= level1Column {
                row.kind = .displaced
                let fields = used.map { String($0 + 1) }.joined(separator: ", ")
                if let budget = row.budget {
                    repairs.append("预算数 \(budget.text) and 年度绩效目标 stand in field\(used.count > 1 ? "s" : "") \(fields), over 一级指标/二级指标, and the row has no 一级指标/二级指标")
                } else {
                    repairs.append("text stands in field\(used.count > 1 ? "s" : "") \(fields) (一级指标/二级指标) but is no 一级指标: read as part of 年度绩效目标")
                }
            } else {
                row.kind = .label
            }
        }
        row.repair = repairs.isEmpty ? nil : repairs.joined(separator: "; ")
        return row
    }

    /// One note for each run of neighbouring rows repaired the same way.
    mutating func noteRepairs(_ rows: [TableRow]) {
        var index = 0
        while index < rows.count {
            guard let repair = rows[index].repair else { index += 1; continue }
            var end = index
            while end + 1 < rows.count, rows[end + 1].repair == repair { end += 1 }
            let first = rows[index].line.number, last = rows[end].line.number
            warn("\(first == last ? "line \(first)" : "lines \(first)–\(last)"): \(repair)", at(first))
            index = end + 1
        }
    }

    // MARK: Projects

    static func isSatisfaction(_ row: TableRow) -> Bool { row.level1?.text.contains("满意") ?? false }

    /// The project (index into the list) each row belongs to; nil when the row belongs to none.
    mutating func assign(_ rows: [TableRow], to entries: [ListEntry], block: Block) -> [Int?] {
        let anchors = rows.indices.filter { rows[$0].budget != nil }
        if anchors.count != entries.count {
            let location = anchors.count < entries.count ? (entries.last.map { at($0.line.number) } ?? at(block.header.number))
                : at(rows[anchors[entries.count]].line.number)
            warn("the project list has \(entries.count) projects, but the 预算数 column of the block at \(block.shown) has \(anchors.count) amounts; they are paired in order", location)
        }
        var owners = [Int?](repeating: nil, count: rows.count)
        guard let firstAnchor = anchors.first else { return owners }
        if firstAnchor > 0, !entries.isEmpty {
            warn("lines \(rows[0].line.number)–\(rows[firstAnchor - 1].line.number) come before the first 预算数; taken as rows of \(entries[0].name.text)", at(rows[0].line.number))
            for index in 0..<firstAnchor { owners[index] = 0 }
        }
        for (k, anchor) in anchors.enumerated() {
            let end = k + 1 < anchors.count ? anchors[k + 1] : rows.count
            let owner: Int? = k < entries.count ? k : nil
            for index in anchor..<end { owners[index] = owner }
            guard owner != nil else { continue }
            // The project's merged cells may be printed in the middle of its rows: rows after the previous project's
            // 满意度指标 rows that go back to another 一级指标 are the next project's first rows.
            guard let opening = (anchor..<end).first(where: { rows[$0].level1 != nil }).flatMap({ rows[$0].level1?.text }),
                  let lastSatisfaction = (anchor..<end).last(where: { Self.isSatisfaction(rows[$0]) }),
                  let restart = (lastSatisfaction + 1..<end).first(where: { rows[$0].level1 != nil }),
                  rows[restart].level1?.text == opening
            else { continue }
            let moved = lastSatisfaction + 1..<end
            let from = rows[moved.lowerBound].line.number, to = rows[moved.upperBound - 1].line.number
            if k + 1 < min(anchors.count, entries.count) {
                for index in moved { owners[index] = k + 1 }
                let next = entries[k + 1].name.text, nextLine = rows[anchors[k + 1]].line.number
                warn("lines \(from)–\(to) follow the 满意度指标 rows of \(entries[k].name.text) and start again at \(rows[restart].level1!.text) before the next 预算数 (line \(nextLine)): taken as the first rows of \(next), whose 预算数 and 年度绩效目标 are printed in the middle of its rows", at(from))
            } else {
                warn("lines \(from)–\(to) follow the 满意度指标 rows of \(entries[k].name.text), the last project, and start again at \(rows[restart].level1!.text); kept in it", at(from))
            }
        }
        return owners
    }

    // MARK: Joining the blocks

    /// What a row (or rows joined so far) says, for pairing rows of different blocks by content. A field is nil
    /// when no block joined so far has that column, and empty when the column is there but the cell is empty.
    struct Signals {
        var level: String?
        var level2: String?
        var name: String?
        var target: String?
        var direction: String?
        var nature: String?
        var unit: String?

        func merged(_ other: Signals) -> Signals {
            Signals(level: level ?? other.level, level2: level2 ?? other.level2, name: name ?? other.name,
                    target: target ?? other.target, direction: direction ?? other.direction,
                    nature: nature ?? other.nature, unit: unit ?? other.unit)
        }
    }

    static func signals(_ row: TableRow) -> Signals {
        var result = Signals()
        if row.level1 != nil || row.level2 != nil {
            result.level = (row.level1?.text ?? "") + (row.level2?.text ?? "")
            result.level2 = row.level2?.text ?? ""
        }
        return result.merged(signals(row.values.mapValues(\.text)))
    }

    static func signals(_ values: [LongTable.Column: String]) -> Signals {
        Signals(level: nil, level2: nil, name: values[.indicator], target: values[.target], direction: values[.direction],
                nature: values[.nature], unit: values[.unit])
    }

    static func values(_ line: DumpLine, _ block: Block) -> [LongTable.Column: DumpCell] {
        var values: [LongTable.Column: DumpCell] = [:]
        for (index, column) in block.columns.enumerated() {
            guard let column, values[column] == nil else { continue }
            values[column] = index < line.cells.count ? line.cells[index] : DumpCell(text: "", column: line.cells.last.map { $0.column + $0.text.count + 1 } ?? 1)
        }
        return values
    }

    static let countUnits: Set<String> = ["次", "个", "人", "人次", "家", "部", "项", "件", "场", "期", "户", "台", "套", "篇", "条", "名", "所", "批", "旗区", "天", "小时"]

    static func containsAny(_ text: String, _ words: [String]) -> Bool { words.contains { text.contains($0) } }

    static func isQualitative(_ signals: Signals) -> Bool? {
        if let nature = signals.nature, !nature.isEmpty { return nature == "定性" }
        if let direction = signals.direction, !direction.isEmpty { return false }
        guard let target = signals.target, !target.isEmpty else { return nil }
        return Target(parsing: target).isQualitative
    }

    /// How well the fields agree with each other: 二级指标 with 三级指标/目标值/计量单位, and whether a target
    /// is qualitative with whether it has a 计量单位.
    static func agreement(_ s: Signals) -> Int {
        var score = 0
        let name = s.name ?? "", target = s.target ?? "", unit = s.unit ?? ""
        if let level = s.level, s.name != nil || s.target != nil || s.unit != nil {
            let level2 = s.level2 ?? level
            if name.contains("满意") { score += level.contains("满意") ? 2 : -1 }
            if level2.contains("时效") {
                if s.name != nil || s.target != nil {
                    score += containsAny(name + target, ["时间", "及时", "时效", "进度", "期限", "周期", "年", "月", "日", "前"]) ? 2 : -1
                }
            } else if target.range(of: #"[0-9]{4}年|[0-9]{1,2}月"#, options: .regularExpression) != nil {
                score -= 1
            }
            if level2.contains("成本"), s.name != nil || s.unit != nil {
                score += containsAny(name, ["费", "成本", "经费", "资金", "金额", "补助", "补贴", "价", "支出", "预算"]) || unit.hasSuffix("元") ? 2 : -1
            }
            if level2.contains("数量"), countUnits.contains(unit) || containsAny(name, ["数", "次", "量"]) { score += 1 }
            if level2.contains("质量"), containsAny(name, ["率", "质量", "合格", "效果", "达标", "准确"]) { score += 1 }
            if level2.contains("可持续"), containsAny(name + target, ["长期", "持续"]) { score += 1 }
        }
        if let unitColumn = s.unit, let qualitative = isQualitative(s) {
            score += qualitative == unitColumn.isEmpty ? 2 : -2
            if unit.hasSuffix("元"), containsAny(name, ["费", "成本", "经费", "资金", "金额", "补助", "补贴"]) { score += 1 }
            if unit == "%" || unit == "％", containsAny(name, ["率", "满意"]) { score += 1 }
        }
        return score
    }

    static let gap = -3

    /// Pairs the rows of two blocks: for each row of `a`, the row of `b` it is joined with. Rows pair in order;
    /// where the counts differ (or content disagrees), rows are left unpaired where the fields agree best, and
    /// as late as possible when nothing tells.
    static func align(_ a: [Signals], priors: [Int], _ b: [Signals]) -> [Int?] {
        let n = a.count, m = b.count
        let band = abs(n - m) + 32
        let width = 2 * band + 1
        let never = Int.min / 4
        let ownA = a.map(agreement), ownB = b.map(agreement)
        func centre(_ i: Int) -> Int { n == 0 ? 0 : i * m / n }
        // best[i][j]: the best score of pairing a[i...] with b[j...].
        var best = [Int](repeating: never, count: (n + 1) * width)
        func slot(_ i: Int, _ j: Int) -> Int? {
            let offset = j - centre(i) + band
            return offset >= 0 && offset < width && j >= 0 && j <= m ? i * width + offset : nil
        }
        func value(_ i: Int, _ j: Int) -> Int { slot(i, j).map { best[$0] } ?? never }
        func pair(_ i: Int, _ j: Int) -> Int { priors[i] + agreement(a[i].merged(b[j])) - ownA[i] - ownB[j] }
        for i in stride(from: n, through: 0, by: -1) {
            let low = max(0, centre(i) - band), high = min(m, centre(i) + band)
            guard low <= high else { continue }
            for j in stride(from: high, through: low, by: -1) {
                let here: Int
                if i == n { here = gap * (m - j) } else if j == m { here = gap * (n - i) } else {
                    var options = [value(i + 1, j), value(i, j + 1)].map { $0 == never ? never : $0 + gap }
                    let diagonal = value(i + 1, j + 1)
                    if diagonal != never { options.append(diagonal + pair(i, j)) }
                    here = options.max()!
                }
                best[slot(i, j)!] = here
            }
        }
        var result = [Int?](repeating: nil, count: n)
        var i = 0, j = 0
        while i < n, j < m {
            let here = value(i, j)
            if value(i + 1, j + 1) != never, here == value(i + 1, j + 1) + pair(i, j) {
                result[i] = j
                i += 1
                j += 1
            } else if value(i + 1, j) != never, here == value(i + 1, j) + gap {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    /// For each other block, the row joined with each row of the first block.
    mutating func join(_ rows: [TableRow], anchorBlock: Block, others: [Block]) -> [[Int?]] {
        let counts = [rows.count] + others.map(\.rows.count)
        if Set(counts).count > 1 {
            let listed = ([anchorBlock] + others).enumerated().map { index, block in
                "\(block.shown): \(counts[index]) rows"
            }.joined(separator: "; ")
            warn("the column blocks differ in length (\(listed), not counting 合计); rows were paired by content where the counts differ, and every row left without a partner is noted", at(anchorBlock.header.number))
        }
        var signals = rows.map(Self.signals)
        let priors = rows.map { $0.kind == .label ? -1 : 0 }
        var partners: [[Int?]] = []
        for block in others {
            let theirs = block.rows.map { Self.signals(Self.values($0, block).mapValues(\.text)) }
            var pairing: [Int?]
            if counts.allSatisfy({ $0 == rows.count }) {
                pairing = rows.indices.map { $0 }
            } else {
                // A heading line that no block so far joined stays a heading.
                let candidates = rows.indices.filter { index in
                    rows[index].kind != .label || partners.isEmpty || partners.contains { $0[index] != nil }
                }
                let subset = Self.align(candidates.map { signals[$0] }, priors: candidates.map { priors[$0] }, theirs)
                pairing = [Int?](repeating: nil, count: rows.count)
                for (position, index) in candidates.enumerated() { pairing[index] = subset[position] }
            }
            for (index, partner) in pairing.enumerated() {
                if let partner { signals[index] = signals[index].merged(theirs[partner]) }
            }
            let paired = Set(pairing.compactMap { $0 })
            for (index, line) in block.rows.enumerated() where !paired.contains(index) {
                warn("row of the block at \(block.shown) skipped: no row of the first block (\(anchorBlock.shown)) matches it (\(line.shown))", at(line.number))
            }
            partners.append(pairing)
        }
        return partners
    }

    // MARK: Drafts

    static func joinGoal(_ parts: [String]) -> String {
        parts.reduce("") { text, part in
            guard let last = text.last, let first = part.first else { return text + part }
            return text + (last.isASCII && last.isLetter && first.isASCII && first.isLetter ? " " : "") + part
        }
    }

    mutating func build(_ rows: [TableRow], owners: [Int?], partners: [[Int?]], entries: [ListEntry], others: [Block]) {
        var drafts = entries.map { entry -> ProjectDraft in
            var draft = ProjectDraft(name: entry.name.text, location: at(entry.line, entry.name))
            draft.fieldLocations["name"] = at(entry.line, entry.name)
            if let category = entry.category {
                draft.category = category.text
                draft.fieldLocations["category"] = at(entry.line, category)
            }
            if let code = entry.code {
                draft.code = code.text
                draft.fieldLocations["code"] = at(entry.line, code)
            }
            if let unit = entry.unit {
                let name = Self.splitUnit(unit.text).name
                if name != set.unitName {
                    draft.implementer = name
                    draft.fieldLocations["implementer"] = at(entry.line, unit)
                }
            }
            return draft
        }
        var goals = [[DumpCell]](repeating: [], count: entries.count)
        var goalLines = [[Int]](repeating: [], count: entries.count)

        for (index, row) in rows.enumerated() {
            guard let owner = owners[index] else {
                warn("row skipped: it belongs to no project of the list (\(row.line.shown))", at(row.line.number))
                continue
            }
            let project = entries[owner].name.text
            if let budget = row.budget {
                drafts[owner].total = Self.amount(budget.text)
                drafts[owner].fieldLocations["funds.total"] = at(row.line, budget)
            }
            if !row.goal.isEmpty {
                goals[owner] += row.goal
                goalLines[owner].append(row.line.number)
                if drafts[owner].fieldLocations["goal"] == nil { drafts[owner].fieldLocations["goal"] = at(row.line, row.goal[0]) }
            }

            // The row's cells in every block.
            var values = row.values
            var lineOf: [LongTable.Column: Int] = [:]
            var missing: [Block] = []
            for (b, block) in others.enumerated() {
                if let partner = partners[b][index] {
                    for (column, cell) in Self.values(block.rows[partner], block) where values[column] == nil || values[column]!.text.isEmpty {
                        values[column] = cell
                        lineOf[column] = block.rows[partner].number
                    }
                } else {
                    missing.append(block)
                }
            }
            func text(_ column: LongTable.Column) -> String? {
                guard let value = values[column]?.text, !value.isEmpty else { return nil }
                return value
            }
            func location(_ column: LongTable.Column) -> SourceLocation? {
                guard let cell = values[column] else { return nil }
                return at(lineOf[column] ?? row.line.number, cell.column)
            }

            let hasIndicatorCells = [LongTable.Column.indicator, .target, .direction, .nature, .unit, .weight].contains { text($0) != nil }
            guard hasIndicatorCells else {
                if row.kind == .indicator {
                    let names = missing.map(\.shown).joined(separator: ", ")
                    warn("row of \(project) skipped: its 一级指标/二级指标 (\(row.level1?.text ?? "")/\(row.level2?.text ?? "")) match no row of the block at \(names)", at(row.line.number))
                } else if row.kind == .label {
                    warn("line \(row.line.number) holds only 预算数/年度绩效目标 of \(project), on a line of its own: taken as the project's heading, not as an indicator row (no row of the other blocks matches it)", at(row.line.number))
                }
                continue
            }
            guard let name = text(.indicator) else {
                warn("row of \(project) skipped: it has no 三级指标 (\(row.line.shown))", location(.target) ?? at(row.line.number))
                continue
            }
            let target = Self.target(direction: text(.direction), value: text(.target))
            guard !target.isEmpty else {
                warn("indicator \(name) of \(project) skipped: it has no 目标值", location(.indicator) ?? at(row.line.number))
                continue
            }
            if let direction = text(.direction), let value = text(.target), Target(parsing: value).isQualitative {
                warn("指标方向 \(direction) of \(name) (\(project)) is ignored: its 目标值 \(value) is no number", location(.direction) ?? at(row.line.number))
            }

            var level1 = row.level1, level2 = row.level2
            var levelLine = row.line.number
            if level1 == nil || level2 == nil {
                let sameProject = rows.indices.filter { owners[$0] == owner && $0 != index && rows[$0].level1 != nil && rows[$0].level2 != nil }
                if let donor = sameProject.first(where: { $0 > index }) ?? sameProject.last(where: { $0 < index }) {
                    level1 = level1 ?? rows[donor].level1
                    level2 = level2 ?? rows[donor].level2
                    levelLine = rows[donor].line.number
                    warn("line \(row.line.number) (\(project), 三级指标 \(name)) has no 一级指标/二级指标: assumed \(level1!.text)/\(level2!.text) from line \(levelLine), the nearest row of the same project", at(row.line.number))
                } else {
                    warn("indicator \(name) of \(project) skipped: it has no 一级指标/二级指标 and no other row of the project has them", location(.indicator) ?? at(row.line.number))
                    continue
                }
            }
            for block in missing {
                let names = block.columns.compactMap { $0?.headers.first }.joined(separator: ", ")
                warn("indicator \(name) of \(project) (line \(row.line.number)) has no row in the block at \(block.shown): kept without \(names)", location(.indicator) ?? at(row.line.number))
            }

            var unit = text(.unit)
            if let written = unit, Self.targetHasUnit(target, written) { unit = nil }
            var indicator = IndicatorDraft(
                level1: level1!.text, level2: level2!.text, name: name, target: target,
                location: location(.indicator) ?? at(row.line.number), unit: unit, nature: text(.nature),
                weight: text(.weight).map { Self.amount($0) ?? $0 }, actual: text(.actual), score: text(.score), reason: text(.reason))
            indicator.fieldLocations["level1"] = at(levelLine, level1!.column)
            indicator.fieldLocations["level2"] = at(levelLine, level2!.column)
            for (column, field) in [(LongTable.Column.target, "target"), (.nature, "nature"), (.weight, "weight"), (.actual, "actual"),
                                    (.score, "score"), (.reason, "reason")] where text(column) != nil
            {
                indicator.fieldLocations[field] = location(column)
            }
            if unit != nil { indicator.fieldLocations["unit"] = location(.unit) }
            drafts[owner].indicators.append(indicator)
        }

        for (owner, parts) in goals.enumerated() where !parts.isEmpty {
            drafts[owner].goal = Self.joinGoal(parts.map(\.text))
            if goalLines[owner].count > 1 {
                let shown = goalLines[owner].map(String.init).joined(separator: ", ")
                warn("年度绩效目标 of \(entries[owner].name.text) is split over lines \(shown); joined", at(goalLines[owner][0]))
            }
        }
        for (owner, draft) in drafts.enumerated() where draft.total == nil {
            warn("\(draft.name) has no 预算数 in the column blocks", at(entries[owner].line.number))
        }
        set.projects = drafts
    }

    /// 指标方向 and 目标值 as one target: `大于等于` + `10` → `≥10`; qualitative values as written.
    static func target(direction: String?, value: String?) -> String {
        guard let value else { return "" }
        guard let direction, let comparison = Comparison.allCases.first(where: { $0.chinese == direction || $0.rawValue == direction }),
              Target(parsing: value).comparison == .equal, !value.hasPrefix("=") && !value.hasPrefix("等于")
        else { return value }
        return comparison.rawValue + value
    }

    /// Whether the target already says its unit (`4次` with 计量单位 `次`).
    static func targetHasUnit(_ target: String, _ unit: String) -> Bool {
        if let written = Target(parsing: target).unit { return written == Target.normalizedUnit(unit) }
        return target.hasSuffix(unit)
    }
}
