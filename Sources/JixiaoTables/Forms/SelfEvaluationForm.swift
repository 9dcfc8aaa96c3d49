import Foundation
import JixiaoModel

/// The self-evaluation sheet (绩效自评表), one project a form: label cells (项目名称, 主管部门, 项目实施单位,
/// 联系电话), the funds table (`FundsTable`: 年初预算数, 全年预算数 (A), 全年执行数 (B), 分值, 执行率, 得分 for
/// 年度资金总额 and each source), 年度总体目标 (年初预期目标 beside 目标实际完成情况), the indicator block
/// (年度指标值 (A), 实际完成值 (B), 分值, 得分, 偏差原因分析及改进措施) and 总分.
///
/// The form's typed 得分 and 总分 are kept as published figures (`publishedScore`, `publishedTotal`,
/// `publishedExecutionScore`) for `jixiao import` to compare with its own; the 分值 of 年度资金总额 is the
/// execution weight.
enum SelfEvaluationForm {
    static func read(_ rows: ArraySlice<FormRow>, source: FormRows, file: String) -> FormResult {
        guard let first = rows.first?.filled.first else { return FormResult(draft: nil, notes: []) }
        func at(_ cell: FormCell) -> SourceLocation { SourceLocation(file: file, line: cell.line, column: cell.column) }
        let start = at(first)
        let header = FormIndicators.headerIndex(rows)
        let headEnd = header?.start ?? rows.endIndex
        var head = FormHead(file: file, wraps: source.wrapsCells)
        var notes: [Diagnostic] = []
        var funds: [String: (line: FundLineDraft, cell: FormCell)] = [:]
        var executionWeight: FormCell?, executionScore: FormCell?
        var goal: [FormCell] = [], outcome: [FormCell] = []

        var index = rows.startIndex
        while index < headEnd {
            let row = rows[index]
            index += 1
            if let table = FundsTable.header(row) {
                if index < headEnd, FundsTable.continuesHeader(rows[index]) { index += 1 }
                while index < headEnd, let found = FundsTable.source(rows[index]) {
                    let (key, label) = found
                    let line = rows[index]
                    index += 1
                    func amount(_ column: FundsTable.Column) -> String? {
                        let field = FieldSet.fundLine.name(column == .initial ? "initial" : column == .budget ? "budget" : "spent")
                        return FundsTable.amount(table.cell(column, in: line), named: field, of: label, file: file, notes: &notes)?.text
                    }
                    let figures = FundLineDraft(initial: amount(.initial), budget: amount(.budget), spent: amount(.spent))
                    if !figures.isEmpty, funds[key] == nil { funds[key] = (figures, label) }
                    if key == "total" {
                        executionWeight = table.cell(.weight, in: line).flatMap { FormText.isNumber($0.text) ? $0 : nil }
                        executionScore = table.cell(.score, in: line).flatMap { FormText.isNumber($0.text) ? $0 : nil }
                    }
                }
                continue
            }
            if let table = GoalTable.header(row) {
                while index < headEnd, rows[index].labelled.isEmpty, FundsTable.header(rows[index]) == nil {
                    let (goalCells, outcomeCells) = table.texts(rows[index])
                    goal += goalCells
                    outcome += outcomeCells
                    index += 1
                }
                continue
            }
            head.read(row)
        }
        guard var draft = head.draft(formStart: first) else { return FormResult(draft: nil, notes: head.notes + notes, budgetUnit: head.unit) }
        notes = head.notes + notes
        var text = head.cellText
        for (key, value) in funds {
            draft.fundLines[key] = value.line
            draft.fieldLocations["funds.\(key)"] = at(value.cell)
        }
        if let cell = executionWeight, draft.executionWeight == nil {
            draft.executionWeight = cell.text
            draft.fieldLocations["execution_weight"] = at(cell)
        }
        if let cell = executionScore {
            draft.publishedExecutionScore = cell.text
            draft.fieldLocations["execution.score"] = at(cell)
        }
        if !goal.isEmpty, draft.goal == nil {
            draft.goal = goal.map { text.text($0) }.joined(separator: "\n")
            draft.fieldLocations["goal"] = at(goal[0])
        }
        if !outcome.isEmpty {
            draft.outcome = outcome.map { text.text($0) }.joined(separator: "\n")
            draft.fieldLocations["outcome"] = at(outcome[0])
        }

        guard let header else {
            notes.append(.warning(.layoutIncomplete, "no indicator header (一级指标, 二级指标, 三级指标, 实际完成值 …) in the form of \(draft.name): no indicators read", at: start))
            return FormResult(draft: draft, notes: notes, budgetUnit: head.unit)
        }
        // The indicator rows end at 总分; what follows it (the explanation of a total below 80) is read
        // only for being empty.
        let blockRows = rows[(header.index + 1)...]
        let totalIndex = blockRows.firstIndex { row in row.filled.first.map { FormText.key($0.text) == "总分" } ?? false }
        let block = FormIndicators.read(blockRows[..<(totalIndex ?? blockRows.endIndex)], columns: header.columns, source: source, file: file)
        draft.indicators = block.indicators
        notes += block.notes + FormIndicators.pointsNotes(block)
        text.merge(block.cellText)
        if let totalIndex {
            if let score = blockRows[totalIndex].filled.last(where: { FormText.isNumber($0.text) }) {
                draft.publishedTotal = score.text
                draft.fieldLocations["total"] = at(score)
            }
            for row in blockRows[(totalIndex + 1)...] where row.filled.count > 1 {
                notes.append(.warning(.rowSkipped, "row not read: it follows 总分: \(row.shown)", at: at(row.filled[0])))
            }
        }
        if let note = FormIndicators.unwrapNote(text, at: start) { notes.append(note) }
        return FormResult(draft: draft, notes: notes, budgetUnit: head.unit)
    }
}
