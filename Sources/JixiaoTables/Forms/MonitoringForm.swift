import Foundation
import JixiaoModel

/// The mid-year monitoring sheet (绩效运行监控表), one project a form: label cells (项目名称, 主管部门,
/// 实施单位), the funds table (`MonitoringFunds`: 年初预算数, 全年预算数 or 调整后预算数, 1-N月执行数,
/// 1-N月执行率, 全年预计执行数 for 年度资金总额 and each source), 年度总体目标 (全年预期目标 beside its
/// 1-N月执行情况), then the indicator block (年度指标值, 1-N月执行情况, 全年预计完成情况, 偏差原因分析,
/// 完成目标可能性, 纠偏措施), where a form may tick the cause and the likelihood in a column per category.
///
/// The month is the one the headers name (`1-6月执行数`), else the title's (`（2025年1-6月）`).
enum MonitoringForm {
    /// Whether a form's rows are a monitoring sheet: its indicator header has a monitoring column, or its
    /// funds table a 全年预计执行数.
    static func recognizes(_ rows: ArraySlice<FormRow>, header: IndicatorColumns?) -> Bool {
        if let header, header.has(.progress) || header.has(.expected) || header.has(.likelihood) || !header.ticks.isEmpty { return true }
        return rows.contains { MonitoringFunds.header($0)?.columns[.expected] != nil }
    }

    static func read(_ rows: ArraySlice<FormRow>, source: FormRows, file: String) -> FormResult {
        guard let first = rows.first?.filled.first else { return FormResult(draft: nil, notes: []) }
        func at(_ cell: FormCell) -> SourceLocation { SourceLocation(file: file, line: cell.line, column: cell.column) }
        let start = at(first)
        let header = FormIndicators.headerIndex(rows)
        let headEnd = header?.start ?? rows.endIndex
        var head = FormHead(file: file, wraps: source.wrapsCells)
        var notes: [Diagnostic] = []
        var funds: [String: (line: FundLineDraft, cell: FormCell)] = [:]
        var monitoring = MonitoringDraft(location: start)
        var months: [(month: Int, cell: FormCell)] = []
        var goal: [FormCell] = [], outcome: [FormCell] = []
        var locations: [String: SourceLocation] = [:]

        var index = rows.startIndex
        while index < headEnd {
            let row = rows[index]
            index += 1
            if let table = MonitoringFunds.header(row) {
                if let month = table.month { months.append(month) }
                if index < headEnd, FundsTable.continuesHeader(rows[index]) { index += 1 }
                while index < headEnd, let (key, label) = FundsTable.source(rows[index]) ?? MonitoringFunds.unlabelled(rows[index], table) {
                    let line = rows[index]
                    index += 1
                    func amount(_ column: MonitoringFunds.Column) -> FormCell? {
                        FundsTable.amount(table.cell(column, in: line), named: column.label, of: label, file: file, notes: &notes)
                    }
                    let figures = FundLineDraft(initial: amount(.initial)?.text, budget: amount(.budget)?.text)
                    if !figures.isEmpty, funds[key] == nil { funds[key] = (figures, label) }
                    let spent = amount(.spent), expected = amount(.expected)
                    if key == "total" {
                        monitoring.spent = spent?.text
                        monitoring.expectedSpent = expected?.text
                        if let spent { locations["monitoring.spent"] = at(spent) }
                        if let expected { locations["monitoring.expected_spent"] = at(expected) }
                    } else if let cell = spent ?? expected {
                        notes.append(.warning(.rowSkipped, "\(MonitoringFunds.Column.spent.label) and \(MonitoringFunds.Column.expected.label) of \(label.text) "
                            + "not read: a monitoring sheet gives them for 年度资金总额 only", at: at(cell)))
                    }
                }
                continue
            }
            if let table = GoalTable.header(row) {
                while index < headEnd, rows[index].labelled.isEmpty, MonitoringFunds.header(rows[index]) == nil {
                    let (goalCells, outcomeCells) = table.texts(rows[index])
                    goal += goalCells
                    outcome += outcomeCells
                    index += 1
                }
                continue
            }
            if let cell = row.single, let month = Self.titleMonth(cell.text) {
                months.append((month, cell))
                continue
            }
            head.read(row)
        }
        guard var draft = head.draft(formStart: first) else { return FormResult(draft: nil, notes: head.notes + notes, budgetUnit: head.unit) }
        notes = head.notes + notes
        var text = head.cellText
        draft.fieldLocations.merge(locations) { first, _ in first }
        for (key, value) in funds {
            draft.fundLines[key] = value.line
            draft.fieldLocations["funds.\(key)"] = at(value.cell)
        }
        if !goal.isEmpty, draft.goal == nil {
            draft.goal = goal.map { text.text($0) }.joined(separator: "\n")
            draft.fieldLocations["goal"] = at(goal[0])
        }
        if !outcome.isEmpty {
            monitoring.outcome = outcome.map { text.text($0) }.joined(separator: "\n")
            draft.fieldLocations["monitoring.outcome"] = at(outcome[0])
        }

        if let header {
            if let month = header.columns.index[.progress].flatMap({ Self.headerMonth(header.columns.titles[$0] ?? "") }) {
                months.append((month, FormCell(text: "", line: header.columns.line, column: header.columns.index[.progress]! + 1)))
            }
            let block = FormIndicators.read(rows[(header.index + 1)...], columns: header.columns, source: source, file: file)
            draft.indicators = block.indicators.map { Self.monitored($0, hasMeasure: header.columns.has(.measure), notes: &notes) }
            notes += block.notes
            text.merge(block.cellText)
        } else {
            notes.append(.warning(.layoutIncomplete, "no indicator header (一级指标, 二级指标, 三级指标, 年度指标值, 1-N月执行情况 …) in the monitoring sheet of \(draft.name): no indicators read", at: start))
        }
        monitoring.month = months.first?.month
        if let cell = months.first?.cell { draft.fieldLocations["monitoring.month"] = at(cell) }
        for other in months.dropFirst() where other.month != months[0].month {
            notes.append(.warning(.cellDiffers, "\(FieldSet.monitoring.name("month")) \(other.month) not read: the form names month \(months[0].month) above", at: at(other.cell)))
        }
        if monitoring.month == nil {
            notes.append(.warning(.layoutIncomplete, "\(FieldSet.monitoring.name("month")) of \(draft.name) not found: no header names it (1-6月执行数); write it in the project file", at: start))
        }
        if monitoring.spent == nil {
            notes.append(.warning(.layoutIncomplete, "\(FieldSet.monitoring.name("spent")) of \(draft.name) not found: the funds table gives no 1-N月执行数 for 年度资金总额", at: start))
        }
        draft.monitoring = monitoring
        if let note = FormIndicators.unwrapNote(text, at: start) { notes.append(note) }
        return FormResult(draft: draft, notes: notes, budgetUnit: head.unit)
    }

    /// An indicator's monitoring line in the words content takes: 偏差原因分析 is one of the categories
    /// (the text that names one, else noted), and a 备注 column is the 纠偏措施 when the form has none.
    static func monitored(_ draft: IndicatorDraft, hasMeasure: Bool, notes: inout [Diagnostic]) -> IndicatorDraft {
        var indicator = draft
        if let reason = indicator.reason {
            indicator.reason = nil
            let named = DeviationCause.allCases.filter { reason.contains($0.rawValue) }
            if named.count == 1 {
                indicator.cause = named[0].rawValue
                indicator.fieldLocations["cause"] = indicator.fieldLocations["reason"]
            } else if !FormHead.isDash(reason), !["无", "不涉及"].contains(Trim.whitespace(reason)) {
                notes.append(.warning(.rowSkipped, "\(FieldSet.monitoredIndicator.name("cause")) \"\(FormText.short(reason))\" of \(indicator.name) not read: "
                    + "it names \(named.isEmpty ? "none" : "more than one") of \(DeviationCause.allCases.map(\.rawValue).joined(separator: ", "))",
                    at: indicator.fieldLocations["reason"] ?? indicator.location))
            }
        }
        if let likelihood = indicator.likelihood, let stated = Self.likelihood(likelihood) {
            indicator.likelihood = stated.rawValue
        } else if let likelihood = indicator.likelihood {
            notes.append(.warning(.rowSkipped, "\(FieldSet.monitoredIndicator.name("likelihood")) \"\(FormText.short(likelihood))\" of \(indicator.name) not read: "
                + "it is none of \(Likelihood.allCases.map(\.rawValue).joined(separator: ", "))", at: indicator.fieldLocations["likelihood"] ?? indicator.location))
            indicator.likelihood = nil
        }
        if !hasMeasure, let note = indicator.note {
            indicator.measure = note
            indicator.note = nil
            notes.append(.warning(.readWithChange, "\(FieldSet.indicator.name("note")) of \(indicator.name) read as \(FieldSet.monitoredIndicator.name("measure")): "
                + "the form has no 纠偏措施 column", at: indicator.fieldLocations["note"] ?? indicator.location))
        }
        for field in ["progress", "expected"] {
            if let value = field == "progress" ? indicator.progress : indicator.expected, FormHead.isDash(value) {
                if field == "progress" { indicator.progress = nil } else { indicator.expected = nil }
            }
        }
        return indicator
    }

    /// The likelihood a cell writes, with the light a sheet may print after it (`有可能 绿灯`).
    static func likelihood(_ text: String) -> Likelihood? {
        var compact = text.filter { !$0.isWhitespace }
        for light in Light.allCases where compact.hasSuffix(light.chinese) { compact.removeLast(light.chinese.count) }
        return Likelihood(rawValue: compact)
    }

    /// The month a header names: `1-6月执行数`, `1-6月执行情况`, `截至6月底执行情况` → 6.
    static func headerMonth(_ text: String) -> Int? {
        // The last month named: `1-6月` → 6.
        guard let month = FormText.key(text).matches(of: /([0-9]{1,2})月/).last.flatMap({ Int($0.1) }) else { return nil }
        return (1 ... 12).contains(month) ? month : nil
    }

    /// The period a title line names: `（2025年1-6月）`, `(1-6月)` → 6.
    static func titleMonth(_ text: String) -> Int? {
        let compact = text.filter { !$0.isWhitespace }
        guard compact.range(of: #"^[（(]([0-9]{4}年(度)?)?([0-9]{1,2}[-－—–~～至到])?[0-9]{1,2}月(底|末)?[)）]$"#, options: .regularExpression) != nil else { return nil }
        return headerMonth(compact)
    }
}

/// A monitoring sheet's funds table: a header naming at least two of 年初预算数, 全年预算数 (调整后预算数),
/// 1-N月执行数 and 全年预计执行数, then one row per source.
struct MonitoringFunds {
    enum Column: CaseIterable {
        case initial, budget, spent, rate, expected

        /// How messages name the column.
        var label: String {
            switch self {
            case .initial: FieldSet.fundLine.name("initial")
            case .budget: FieldSet.fundLine.name("budget")
            case .spent: "1-N月执行数 (monitoring.spent)"
            case .rate: "1-N月执行率"
            case .expected: FieldSet.monitoring.name("expected_spent")
            }
        }

        /// Whether a header key names this column.
        func names(_ key: String) -> Bool {
            switch self {
            case .initial: key.contains("年初预算")
            case .budget: key.contains("全年预算") || key.contains("调整后预算") || key.contains("调整预算")
            case .spent: key.hasSuffix("执行数") && !key.contains("预计") && !key.contains("全年")
            case .rate: key.contains("执行率") && !key.contains("预计")
            case .expected: key.contains("预计执行") || key.contains("预计支出")
            }
        }
    }

    var columns: [Column: Int]
    /// The month the 1-N月执行数 header names, with its cell.
    var month: (month: Int, cell: FormCell)?

    static func header(_ row: FormRow) -> MonitoringFunds? {
        var columns: [Column: Int] = [:]
        var month: (Int, FormCell)?
        for (index, cell) in row.cells.enumerated() where !cell.isEmpty {
            let key = FormText.key(cell.text)
            guard let column = Column.allCases.first(where: { $0.names(key) }), columns[column] == nil else { continue }
            columns[column] = index
            if column == .spent || column == .rate, month == nil, let found = MonitoringForm.headerMonth(key) { month = (found, cell) }
        }
        let figures = [Column.initial, .budget, .spent, .expected].filter { columns[$0] != nil }.count
        guard figures >= 2, columns[.spent] != nil || columns[.expected] != nil else { return nil }
        return MonitoringFunds(columns: columns, month: month)
    }

    func cell(_ column: Column, in row: FormRow) -> FormCell? {
        columns[column].flatMap { row.cell($0) }
    }

    /// A row of figures right under the header, without a source label (a sheet that gives the total
    /// only): read as 年度资金总额.
    static func unlabelled(_ row: FormRow, _ table: MonitoringFunds) -> (key: String, cell: FormCell)? {
        guard let spent = table.cell(.spent, in: row) ?? table.cell(.expected, in: row), FormText.isNumber(spent.text),
              let first = row.filled.first, FormText.isNumber(first.text)
        else { return nil }
        return ("total", first)
    }
}
