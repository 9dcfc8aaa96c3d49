import Foundation
import JixiaoModel
import JixiaoTemplates

/// A project's 绩效目标表 (seeds 001 and 003): funds, goal, spending plan and the indicator table.
struct GoalSheetView: TemplateView {
    struct Header: TemplateView {
        let common: ProjectHeader
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
            fields["amount"] = .text(amount)
            fields.set("fiscal", fiscal)
            fields.set("nonFiscal", nonFiscal)
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

    struct Row: TemplateView {
        let cells: IndicatorCells
        let direction: String
        let value: String
        let nature: String
        let unit: String
        let weight: String
        let note: String
        let description: String
        let basis: String

        var fields: TemplateFields {
            var fields = cells.fields
            for (key, text) in [("direction", direction), ("value", value), ("nature", nature), ("unit", unit), ("weight", weight),
                                ("note", note), ("description", description), ("basis", basis)]
            {
                fields[key] = .text(text)
            }
            return fields
        }
    }

    /// The optional columns, shown when any indicator fills them.
    struct Columns {
        var nature = false, direction = false, unit = false, weight = false, note = false, description = false, basis = false

        var shown: Int { [nature, direction, unit, weight, note, description, basis].filter { $0 }.count }

        var fields: TemplateFields {
            ["nature": .flag(nature), "direction": .flag(direction), "unit": .flag(unit), "weight": .flag(weight),
             "note": .flag(note), "description": .flag(description), "basis": .flag(basis)]
        }
    }

    let header: Header
    /// The form's title and the rows it prints below the table.
    let form: SheetForm
    let title: String
    let columns: Columns
    let rows: [Row]
    let print: SheetPrint

    var fields: TemplateFields {
        var fields = TemplateFields()
        fields.set("project", header)
        fields["columns"] = .object(columns.fields)
        fields.set("indicators", rows)
        fields["print"] = print.fields
        fields.setForm(title: form.title ?? title, notes: form.notes)
        return fields
    }
}

extension ProjectPages {
    /// The goal table's own fields, for its page and for the unit's booklet; `number` names its printed pages.
    func goalSheet(number: Int) -> GoalSheetView {
        let funds = project.funds
        let nonFiscal = [funds.carryover?.amount, funds.other?.amount].compactMap { $0 }
        let header = GoalSheetView.Header(
            common: ProjectHeader(project, year: year, frame: frame), amount: Format.money(project.amount),
            fiscal: funds.fiscal.map { Format.money($0.amount ?? .zero) },
            nonFiscal: nonFiscal.isEmpty ? nil : Format.money(nonFiscal.sum()),
            executionWeight: project.statesExecutionWeight ? Format.points(project.executionWeight) : nil, purpose: frame.rich(project.purpose),
            spendingPlan: project.spendingPlan.map { ("\($0.month)月底", "\($0.percent.plain)%") },
            selfEvaluationURL: evaluation?.execution != nil ? frame.url(Paths.selfEvaluation(year, unit, project)) : nil)
        let indicators = project.indicators
        let columns = GoalSheetView.Columns(
            nature: indicators.contains { $0.nature != nil }, direction: indicators.contains { $0.target.writesComparison },
            unit: indicators.contains { $0.unit != nil }, weight: indicators.contains { $0.weight != nil },
            note: indicators.contains { $0.note != nil }, description: indicators.contains { $0.description != nil },
            basis: indicators.contains { $0.basis != nil })
        let rows = zip(IndicatorCells.rows(indicators), indicators).map { cells, indicator in
            let parts = Format.targetParts(indicator.target)
            return GoalSheetView.Row(
                cells: cells, direction: indicator.target.writesComparison ? parts.direction : "",
                value: indicator.isQualitative ? indicator.target.text : parts.value, nature: indicator.nature?.rawValue ?? "",
                unit: indicator.unit ?? "", weight: Format.points(indicator.weight), note: indicator.note ?? "",
                description: indicator.description ?? "", basis: indicator.basis ?? "")
        }
        // 一级, 二级, 三级 and 目标值, and the optional columns: more than eight print across the page.
        let print = SheetPrint(number: number, title: goalTitle, landscape: 4 + columns.shown > 8)
        return GoalSheetView(header: header, form: unit.forms.goalTable, title: goalTitle, columns: columns, rows: rows, print: print)
    }
}
