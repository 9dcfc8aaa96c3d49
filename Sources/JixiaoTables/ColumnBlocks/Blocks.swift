import Foundation
import JixiaoModel

extension LegacyDumpReader {
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
                    warn("column `\(Excerpt.of(line.cells[index].text))` is not one jixiao reads; its values are ignored", at(line, line.cells[index]))
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
}
