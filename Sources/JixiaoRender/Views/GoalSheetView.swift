import Foundation
import JixiaoModel
import JixiaoTemplates

/// A project's 绩效目标表 (seeds 001 and 003) in its form: funds, goal, spending plan and the indicator table.
struct GoalSheetView: TemplateView {
    struct Header: TemplateView {
        let common: ProjectHeader
        let layout: GoalTableLayout
        /// The line above the table naming the unit (`436001玉田县工业和信息化局本级`), when the form prints it.
        let unitLine: String?
        let amount: String
        /// The rows of the funds block the source gave (a goal table shows nothing it did not).
        let fiscal: String?
        let nonFiscal: String?
        let executionWeight: String?
        let purpose: RichText
        let spendingPlan: [(month: String, percent: String)]
        let selfEvaluationURL: String?

        var fields: TemplateFields {
            var fields = common.fields
            fields.flag("budgetScale", layout.budgetScale)
            fields.flag("showsUnits", layout.showsUnits)
            fields["goalLabel"] = .text(layout.goalLabel)
            fields.set("unitLine", unitLine)
            fields["amount"] = .text(amount)
            fields.set("fiscal", fiscal)
            fields.set("nonFiscal", nonFiscal)
            fields["otherFunds"] = .text(nonFiscal ?? "")
            fields.set("executionWeight", executionWeight)
            fields["fundsRows"] = TemplateValue(1 + [fiscal, nonFiscal, executionWeight].compactMap { $0 }.count)
            fields.set("purpose", purpose)
            if !spendingPlan.isEmpty {
                fields["hasSpendingPlan"] = true
                fields["spendingPlan"] = .list(spendingPlan.map { ["month": .text($0.month), "percent": .text($0.percent)] })
            }
            fields.set("selfEvaluationURL", selfEvaluationURL)
            return fields
        }
    }

    struct Row: TemplateRecord {
        let cells: IndicatorCells
        let columns: [(text: String, numeric: Bool)]

        static let names = RecordNames(IndicatorCells.names + ["cells"])

        func append(to values: inout [TemplateValue?]) {
            cells.append(to: &values)
            values.append(.cells(columns))
        }
    }

    let header: Header
    let title: String
    let subtitle: String?
    let notes: [String]
    let signatures: [String]
    let columns: [IndicatorColumn]
    let rows: [Row]
    let print: SheetPrint

    var fields: TemplateFields {
        var fields = TemplateFields()
        fields.set("project", header)
        fields["columns"] = .list(columns.map { ["heading": .text($0.heading), "num": .flag($0.isNumeric)] })
        fields["indicators"] = .records(rows)
        fields["print"] = print.fields
        fields.set("subtitle", subtitle)
        fields.setForm(title: title, notes: notes, signatures: signatures)
        return fields
    }
}

extension ProjectPages {
    /// The goal table's own fields, for its page and for the unit's booklet; `number` is its place in the unit
    /// and names its printed pages.
    func goalSheet(number: Int) -> GoalSheetView {
        let form = isOverall ? unit.forms.overallGoalTable : unit.forms.goalTable
        var layout = GoalTableLayout.named(form.name)
        // A department-wide sheet names the department only: no 主管部门 and 实施单位 rows.
        if isOverall { layout.showsUnits = false }
        let money = { (amount: Amount?) in Format.money(amount, grouped: layout.groupsThousands) }
        let funds = project.funds
        let nonFiscal = [funds.carryover?.amount, funds.other?.amount].compactMap { $0 }
        let header = GoalSheetView.Header(
            common: ProjectHeader(project, year: year, frame: frame, isOverall: isOverall), layout: layout,
            unitLine: layout.unitLines ? (unit.code ?? "") + project.implementer : nil, amount: money(project.amount),
            fiscal: funds.fiscal.map { money($0.amount ?? .zero) }, nonFiscal: nonFiscal.isEmpty ? nil : money(nonFiscal.sum()),
            executionWeight: project.statesExecutionWeight ? Format.points(project.executionWeight) : nil, purpose: frame.rich(project.purpose),
            spendingPlan: project.spendingPlan.map { ("\($0.month)月底", "\($0.percent.plain)%") },
            selfEvaluationURL: evaluation?.execution != nil ? frame.url(isOverall ? Paths.overall(year, unit) : Paths.selfEvaluation(year, unit, project)) : nil)
        let indicators = project.indicators
        let columns = layout.columns(for: indicators)
        let cells = IndicatorCells.rows(indicators)
        let rows = indicators.indices.map { index in
            GoalSheetView.Row(cells: cells[index], columns: zip(columns.texts(of: indicators[index]), columns).map { ($0, $1.isNumeric) })
        }
        let title = SheetForm.title(form.title ?? (isOverall ? "部门整体绩效目标表" : layout.title), project: project.name, number: number, year: year.year,
                                    unit: unit.name)
        // 一级, 二级, 三级 and the form's columns: more than eight print across the page.
        let landscape = 3 + columns.count > 8
        let print = isOverall ? SheetPrint(page: "overall-goal", title: goalTitle, landscape: landscape)
            : SheetPrint(number: number, title: goalTitle, landscape: landscape)
        return GoalSheetView(header: header, title: title, subtitle: layout.subtitle.map { SheetForm.title($0, project: project.name, number: number, year: year.year) },
                             notes: form.notes ?? [], signatures: form.signatures, columns: columns, rows: rows, print: print)
    }
}
