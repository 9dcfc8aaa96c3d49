import Foundation
import JixiaoModel

/// The project goal table (绩效目标表), one project a form: a title, label cells (项目编码, 项目名称, 主管部门,
/// 实施单位 …), the funds (资金总额, 财政拨款, 其他资金 … beside 投入目标 or 预算规模及资金用途, with 资金用途),
/// 预算执行率权重, a spending plan (资金支出计划, months over percents), the goal (年度目标 or 绩效目标), then
/// the indicator block under its header (一级指标 … 三级指标, and the columns the form has: 指标性质,
/// 指标方向, 目标值 or 指标值, 计量单位, 分值, 备注, 绩效指标描述, 指标值确定依据).
enum GoalForm {
    static func read(_ rows: ArraySlice<FormRow>, source: FormRows, file: String) -> FormResult {
        guard let first = rows.first?.filled.first else { return FormResult(draft: nil, notes: []) }
        let start = SourceLocation(file: file, line: first.line, column: first.column)
        let header = FormIndicators.headerIndex(rows)
        var head = FormHead(file: file, wraps: source.wrapsCells)
        for row in rows[..<(header?.start ?? rows.endIndex)] { head.read(row) }
        guard var draft = head.draft(formStart: first) else { return FormResult(draft: nil, notes: head.notes, budgetUnit: head.unit) }
        var notes = head.notes
        var text = head.cellText
        if let header {
            let block = FormIndicators.read(rows[(header.index + 1)...], columns: header.columns, source: source, file: file)
            draft.indicators = block.indicators
            notes += block.notes + FormIndicators.pointsNotes(block)
            text.merge(block.cellText)
        } else {
            notes.append(.warning(.layoutIncomplete, "no indicator header (一级指标, 二级指标, 三级指标, 指标值 …) in the form of \(draft.name): no indicators read", at: start))
        }
        if let note = FormIndicators.unwrapNote(text, at: start) { notes.append(note) }
        return FormResult(draft: draft, notes: notes, budgetUnit: head.unit)
    }
}
