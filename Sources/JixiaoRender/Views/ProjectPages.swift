import Foundation
import JixiaoModel
import JixiaoTemplates

/// The 绩效目标表 (seeds 001 and 003) and the 绩效自评表 (seed 004) of one project.
package struct ProjectPages {
    let frame: PageFrame
    let year: Year
    let unit: JixiaoModel.Unit
    let project: Project
    let evaluation: ProjectEvaluation?

    var trail: [(title: String, path: String)] {
        [("\(year.year)年", Paths.year(year)), (unit.name, Paths.unit(year, unit)), (project.name, Paths.project(year, unit, project))]
    }

    /// Fields both sheets show at the top.
    private func header() -> TemplateFields {
        var header: TemplateFields = [
            "name": .text(project.name), "department": .text(project.department), "implementer": .text(project.implementer),
            "moneyCaption": .text(Format.unitCaption(project.moneyUnit)), "moneyUnit": .text(project.moneyUnit.rawValue),
            "year": TemplateValue(year.year),
        ]
        header["code"] = TemplateValue(project.code)
        header["category"] = TemplateValue(project.category)
        header["contact"] = TemplateValue(project.contact)
        frame.markdown("goal", project.goal, into: &header)
        frame.markdown("body", project.body, into: &header)
        return header
    }

    // MARK: 绩效目标表

    var goalTitle: String { "\(project.name)项目绩效目标表" }

    /// The goal table's page, around the sheet laid out once (`UnitSheets`).
    func goalPage(_ sheet: RenderedSheet) -> Page {
        let path = Paths.project(year, unit, project)
        var context = frame.context(title: goalTitle, path: path, trail: trail, kind: .goal)
        context.merge(sheet.placed)
        return Page(path: path, kind: .goal, context: context)
    }

    /// The sheet's own fields, for its page and for the unit's booklet; `number` names its printed pages.
    func goalSheet(number: Int) -> TemplateFields {
        var header = header()
        let funds = project.funds
        header["amount"] = .text(Format.money(project.amount))
        header["fiscal"] = .text(Format.money(funds.fiscal?.amount ?? (funds.sumOfSources == nil ? project.amount : .zero)))
        let nonFiscal = [funds.carryover?.amount, funds.other?.amount].compactMap { $0 }
        header["nonFiscal"] = .text(Format.money(nonFiscal.isEmpty ? Amount(0, places: project.amount.places) : nonFiscal.sum()))
        header["executionWeight"] = .text(Format.points(project.executionWeight))
        frame.markdown("purpose", project.purpose, into: &header)
        if !project.spendingPlan.isEmpty {
            header["hasSpendingPlan"] = true
            header["spendingPlan"] = .list(project.spendingPlan.map { ["month": "\($0.month)月底", "percent": "\($0.percent.plain)%"] })
        }
        if evaluation?.execution != nil {
            header["selfEvaluationURL"] = .text(frame.url(Paths.selfEvaluation(year, unit, project)))
        }
        let indicators = project.indicators
        let columns: KeyValuePairs<String, Bool> = [
            "nature": indicators.contains { $0.nature != nil },
            "direction": indicators.contains { !$0.isQualitative },
            "unit": indicators.contains { $0.unit != nil },
            "weight": indicators.contains { $0.weight != nil },
            "note": indicators.contains { $0.note != nil },
            "description": indicators.contains { $0.description != nil },
            "basis": indicators.contains { $0.basis != nil },
        ]
        var rows = IndicatorRows.base(indicators)
        for (index, indicator) in indicators.enumerated() {
            let parts = Format.targetParts(indicator.target)
            rows[index]["direction"] = .text(indicator.isQualitative ? "" : parts.direction)
            rows[index]["value"] = .text(indicator.isQualitative ? indicator.target.text : parts.value)
            rows[index]["nature"] = .text(indicator.nature?.rawValue ?? "")
            rows[index]["unit"] = .text(indicator.unit ?? "")
            rows[index]["weight"] = .text(Format.points(indicator.weight))
            rows[index]["note"] = .text(indicator.note ?? "")
            rows[index]["description"] = .text(indicator.description ?? "")
            rows[index]["basis"] = .text(indicator.basis ?? "")
        }
        var sheet: TemplateFields = [:]
        sheet["project"] = .object(header)
        var shown = TemplateFields()
        for (name, used) in columns { shown[name] = .flag(used) }
        sheet["columns"] = .object(shown)
        sheet["indicators"] = .list(rows.map(TemplateValue.object))
        // 一级, 二级, 三级 and 目标值, and the optional columns: more than eight print across the page.
        let indicatorColumns = 4 + columns.filter(\.value).count
        sheet["print"] = SheetPrint(number: number, title: goalTitle, landscape: indicatorColumns > 8).fields
        return sheet
    }

    // MARK: 绩效自评表

    var selfEvaluationTitle: String { "\(project.name)项目支出绩效自评表" }

    /// The self-evaluation's page, around the sheet laid out once (`UnitSheets`).
    func selfEvaluationPage(_ sheet: RenderedSheet) -> Page {
        let path = Paths.selfEvaluation(year, unit, project)
        var context = frame.context(title: selfEvaluationTitle, path: path, trail: trail + [("绩效自评表", path)], kind: .selfEvaluation)
        context.merge(sheet.placed)
        return Page(path: path, kind: .selfEvaluation, context: context)
    }

    /// The sheet's own fields, for its page and for the unit's booklet; `nil` when the project has no
    /// self-evaluation. `number` names its printed pages.
    func selfEvaluationSheet(number: Int) -> TemplateFields? {
        guard let evaluation, let execution = evaluation.execution else { return nil }
        var header = header()
        frame.markdown("outcome", project.outcome, into: &header)
        header["executionReason"] = TemplateValue(project.executionReason)
        header["goalURL"] = .text(frame.url(Paths.project(year, unit, project)))

        let overall = project.funds.overall
        var fundRows: [TemplateValue] = [[
            "label": "年度资金总额", "total": true,
            "initial": .text(Format.money(overall.initial)), "budget": .text(Format.money(execution.budget)),
            "spent": .text(Format.money(execution.spent)), "weight": .text(Format.points(execution.weight)),
            "rate": .text(execution.rate.map(Format.rate) ?? "—"), "score": .text(execution.score.map(Format.points) ?? "—"),
        ]]
        let sources: [(String, Funds.Source)] = [("其中：当年财政拨款", .fiscal), ("上年结转资金", .carryover), ("其他资金", .other)]
        for (label, source) in sources {
            let line = project.funds[source]
            fundRows.append([
                "label": .text(label), "total": false,
                "initial": .text(Format.money(line?.initial)), "budget": .text(Format.money(line?.budget)),
                "spent": .text(Format.money(line?.spent)), "weight": "—", "rate": "", "score": "—",
            ])
        }

        let points = Dictionary(evaluation.level1Points.map { ($0.name, $0.weight) }, uniquingKeysWith: +)
        var rows = IndicatorRows.base(project.indicators) { "\($0)（\(points[$0]?.plain ?? "0")分）" }
        for (index, indicator) in project.indicators.enumerated() {
            let score = evaluation.indicatorScores[index]
            rows[index]["target"] = .text(indicator.target.text + (indicator.target.unit == nil ? (indicator.unit ?? "") : ""))
            rows[index]["actual"] = .text(indicator.actual ?? "")
            rows[index]["weight"] = .text(Format.points(indicator.weight))
            rows[index]["score"] = .text(Format.points(score))
            rows[index]["reason"] = .text(indicator.reason ?? "")
            if let score, let weight = indicator.weight, score < weight { rows[index]["deviation"] = true }
        }
        let weights = project.indicators.compactMap(\.weight).reduce(execution.weight, +)
        var sheet: TemplateFields = [:]
        sheet["project"] = .object(header)
        sheet["funds"] = .list(fundRows)
        sheet["indicators"] = .list(rows.map(TemplateValue.object))
        sheet["total"] = ["weight": .text(Format.points(weights)), "score": .text(Format.points(evaluation.total)),
                          "grade": .text(evaluation.grade ?? "")]
        // Eight columns, upright like the published sheet (seed 004).
        sheet["print"] = SheetPrint(number: number, title: selfEvaluationTitle, landscape: false).fields
        return sheet
    }
}
