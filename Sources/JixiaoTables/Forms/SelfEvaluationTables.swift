import Foundation
import JixiaoModel

/// The funds table of a self-evaluation (项目资金): a header naming 年初预算数, 全年预算数 (A), 全年执行数 (B),
/// 分值, 执行率 and 得分 (printed over two rows in some dumps), then one row per source: 年度资金总额,
/// 其中：当年财政拨款, 上年结转资金, 其他资金. Headers and sources are told by what their text holds, so that
/// a header cut over two rows (`年初预算` / `数`) or a cut label (`上年结转资`) is still read.
struct FundsTable {
    enum Column: CaseIterable {
        case initial, budget, spent, weight, rate, score

        var words: [String] {
            switch self {
            case .initial: ["年初预算"]
            case .budget: ["全年预算"]
            case .spent: ["全年执行", "执行数"]
            case .weight: ["分值"]
            case .rate: ["执行率"]
            case .score: ["得分"]
            }
        }
    }

    var columns: [Column: Int]

    /// A source's figure read from its cell: the cell when it holds an amount; other text than a dash is
    /// noted as not read (`field`: how messages name the figure).
    static func amount(_ cell: FormCell?, named field: String, of label: FormCell, file: String, notes: inout [Diagnostic]) -> FormCell? {
        guard let cell else { return nil }
        if Amount(parsing: cell.text) != nil { return cell }
        if !FormHead.isDash(cell.text) {
            notes.append(.warning(.rowSkipped, "\(field) \"\(cell.text)\" of \(label.text) not read: it is no amount",
                                  at: SourceLocation(file: file, line: cell.line, column: cell.column)))
        }
        return nil
    }

    /// A row naming at least two of 年初预算数, 全年预算数 and 全年执行数.
    static func header(_ row: FormRow) -> FundsTable? {
        var columns: [Column: Int] = [:]
        for (index, cell) in row.cells.enumerated() where !cell.isEmpty {
            let key = FormText.key(cell.text)
            if let column = Column.allCases.first(where: { column in column.words.contains { key.contains($0) } }), columns[column] == nil {
                columns[column] = index
            }
        }
        let figures = [Column.initial, .budget, .spent].filter { columns[$0] != nil }.count
        return figures >= 2 ? FundsTable(columns: columns) : nil
    }

    /// The funds key of a row's source label (`total` for 年度资金总额), with its cell.
    static func source(_ row: FormRow) -> (key: String, cell: FormCell)? {
        for cell in row.cells where !cell.isEmpty {
            let key = FormText.key(cell.text)
            if key.contains("资金总额") || key == "合计" { return ("total", cell) }
            if key.contains("财政拨款") { return ("fiscal", cell) }
            if key.contains("结转") { return ("carryover", cell) }
            if key.contains("其他资金") || key.contains("非财政") { return ("other", cell) }
        }
        return nil
    }

    /// A row after the header that holds no source and no number: the header's second line.
    static func continuesHeader(_ row: FormRow) -> Bool {
        source(row) == nil && !row.filled.contains { FormText.isNumber($0.text) }
    }

    /// The cell under a column, when it holds something.
    func cell(_ column: Column, in row: FormRow) -> FormCell? {
        columns[column].flatMap { row.cell($0) }
    }
}

/// The goal and outcome of a self-evaluation: a header naming 年初预期目标 and 目标实际完成情况 (beside
/// 年度总体目标), the texts on the rows below it, each under its header. A monitoring sheet names
/// 全年预期目标 and 1-N月执行情况.
struct GoalTable {
    var outcome: Int?

    static func header(_ row: FormRow) -> GoalTable? {
        var table = GoalTable()
        var found = false
        for (index, cell) in row.cells.enumerated() where !cell.isEmpty {
            let key = FormText.key(cell.text)
            // The first column of a merged header, which a workbook's reader repeats to its right.
            // A monitoring sheet's goal: 全年预期目标 beside its 1-N月执行情况.
            if table.outcome == nil, key.hasPrefix("目标实际完成情况") || key == "实际完成情况" || IndicatorColumns.Field.named(key) == .progress {
                table.outcome = index
            }
            if key.hasPrefix("年初预期目标") || key.hasPrefix("全年预期目标") { found = true }
        }
        return found || table.outcome != nil || row.has(.goalTable) ? table : nil
    }

    /// The goal and outcome cells of a row below the header: cells before the outcome's column are the
    /// goal's (the first column holds the 年度总体目标 label, merged), the others the outcome's.
    /// A workbook's merged cell, which the sheet reader repeats across its columns, counts once.
    func texts(_ row: FormRow) -> (goal: [FormCell], outcome: [FormCell]) {
        let split = outcome ?? Int.max
        let cells = row.cells.enumerated().filter { !$0.element.isEmpty && FormLabel.of($0.element.text) != .goalTable }
        func once(_ cells: [FormCell]) -> [FormCell] {
            cells.enumerated().filter { $0.offset == 0 || cells[$0.offset - 1].text != $0.element.text }.map(\.element)
        }
        return (once(cells.filter { $0.offset < split }.map(\.element)), once(cells.filter { $0.offset >= split }.map(\.element)))
    }
}
