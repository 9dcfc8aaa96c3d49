import Foundation
import JixiaoModel
import JixiaoTemplates

/// A project's 绩效自评表 (seed 004): funds and execution, every indicator's actual value and score, the totals.
struct SelfEvaluationSheetView: TemplateView {
    struct Header: TemplateView {
        let common: ProjectHeader
        let outcome: RichText
        let executionReason: String?
        let goalURL: String

        var fields: TemplateFields {
            var fields = common.fields
            fields.set("outcome", outcome)
            fields.set("executionReason", executionReason)
            fields["goalURL"] = .text(goalURL)
            return fields
        }
    }

    /// A line of the funds block: the total (with the execution rate and its score) or one source.
    struct FundRow: TemplateView {
        let label: String
        let isTotal: Bool
        let initial: String
        let budget: String
        let spent: String
        let weight: String
        let rate: String
        let score: String

        var fields: TemplateFields {
            ["label": .text(label), "total": .flag(isTotal), "initial": .text(initial), "budget": .text(budget), "spent": .text(spent),
             "weight": .text(weight), "rate": .text(rate), "score": .text(score)]
        }
    }

    struct Row: TemplateRecord {
        let cells: IndicatorCells
        let target: String
        let actual: String
        let weight: String
        let score: String
        let reason: String
        /// Scored below its weight.
        let deviation: Bool

        static let names = RecordNames(IndicatorCells.names + ["target", "actual", "weight", "score", "reason", "deviation"])

        func append(to values: inout [TemplateValue?]) {
            cells.append(to: &values)
            values.append(.text(target))
            values.append(.text(actual))
            values.append(.text(weight))
            values.append(.text(score))
            values.append(.text(reason))
            values.append(.flag(when: deviation))
        }
    }

    let header: Header
    let title: String
    let subtitle: String
    let notes: [String]
    let signatures: [String]
    let layout: SelfEvaluationLayout
    let funds: [FundRow]
    let rows: [Row]
    let total: (weight: String, score: String, grade: String)
    let print: SheetPrint

    var fields: TemplateFields {
        var fields = TemplateFields()
        fields.set("project", header)
        fields.set("funds", funds)
        fields["indicators"] = .records(rows)
        fields["total"] = ["weight": .text(total.weight), "score": .text(total.score), "grade": .text(total.grade)]
        fields.flag("showsGrade", layout.showsGrade)
        fields["print"] = print.fields
        fields["subtitle"] = .text(subtitle)
        fields.flag("unitLine", layout.unitLine)
        let project = header.common
        let values: [SelfEvaluationLayout.Fact: String] = [
            .name: project.name, .department: project.department, .implementer: project.implementer, .contact: project.contact ?? "",
        ]
        // A row of one pair spans the table's four columns.
        fields["facts"] = .list(layout.facts.map { row in
            ["pairs": .list(row.map { ["label": .text($0.label(project)), "value": .text(values[$0] ?? ""), "wide": .flag(row.count == 1)] })]
        })
        fields.setForm(title: title, notes: notes, signatures: signatures)
        return fields
    }
}

extension ProjectPages {
    /// The self-evaluation's own fields, for its page and for the unit's booklet; `nil` when the project has
    /// no self-evaluation. `number` names its printed pages.
    func selfEvaluationSheet(number: Int) -> SelfEvaluationSheetView? {
        guard let evaluation, let execution = evaluation.execution else { return nil }
        let form = isOverall ? unit.forms.overallSelfEvaluation : unit.forms.selfEvaluation
        var layout = SelfEvaluationLayout.named(form.name)
        if isOverall { layout.facts = [[.name]] }
        let money = { (amount: Amount?) in Format.money(amount, grouped: layout.groupsThousands) }
        let header = SelfEvaluationSheetView.Header(
            common: ProjectHeader(project, year: year, frame: frame, isOverall: isOverall), outcome: frame.rich(project.outcome),
            executionReason: project.executionReason, goalURL: frame.url(isOverall ? Paths.unit(year, unit) : Paths.project(year, unit, project)))
        let overall = project.funds.overall
        var funds = [SelfEvaluationSheetView.FundRow(
            label: "年度资金总额", isTotal: true, initial: money(overall.initial), budget: money(execution.budget),
            spent: money(execution.spent), weight: Format.points(execution.weight),
            rate: execution.rate.map(Format.rate) ?? "—", score: execution.score.map(Format.points) ?? "—")]
        for (label, source) in [("其中：当年财政拨款", Funds.Source.fiscal), ("上年结转资金", .carryover), ("其他资金", .other)] {
            let line = project.funds[source]
            funds.append(SelfEvaluationSheetView.FundRow(
                label: label, isTotal: false, initial: money(line?.initial), budget: money(line?.budget),
                spent: money(line?.spent), weight: "—", rate: "", score: "—"))
        }
        let points = Dictionary(evaluation.level1Points.map { ($0.name, $0.weight) }, uniquingKeysWith: +)
        let cells = IndicatorCells.rows(project.indicators) { "\($0)（\(points[$0]?.plain ?? "0")分）" }
        let rows = project.indicators.enumerated().map { index, indicator in
            let score = evaluation.indicatorScores[index]
            var below = false
            if let score, let weight = indicator.weight, score < weight { below = true }
            return SelfEvaluationSheetView.Row(
                cells: cells[index], target: indicator.targetCell, actual: indicator.actual ?? "", weight: indicator.weightText ?? "",
                score: Format.points(score), reason: indicator.reason ?? "", deviation: below)
        }
        let weights = project.indicators.compactMap(\.weight).reduce(execution.weight, +)
        // Eight columns, upright like the published sheet (seed 004).
        return SelfEvaluationSheetView(
            header: header, title: SheetForm.title(form.title ?? (isOverall ? "部门整体支出绩效自评表" : layout.title), project: project.name, number: number,
                                                  year: year.year, unit: unit.name),
            subtitle: SheetForm.title(layout.subtitle, project: project.name, number: number, year: year.year),
            notes: form.notes ?? layout.notes, signatures: form.signatures, layout: layout, funds: funds, rows: rows,
            total: (Format.points(weights), Format.points(evaluation.total), evaluation.grade ?? ""),
            print: isOverall ? SheetPrint(page: "overall-self-evaluation", title: selfEvaluationTitle, landscape: false)
                : SheetPrint(number: number, title: selfEvaluationTitle, landscape: false))
    }
}
