import Foundation
import JixiaoModel

/// The 绩效目标表 (seeds 001 and 003) and the 绩效自评表 (seed 004) of one project.
struct ProjectPages {
    let frame: PageFrame
    let year: Year
    let unit: JixiaoModel.Unit
    let project: Project
    let evaluation: ProjectEvaluation?

    var trail: [(title: String, path: String)] {
        [("\(year.year)年", Paths.year(year)), (unit.name, Paths.unit(year, unit)), (project.name, Paths.project(year, unit, project))]
    }

    /// Fields both sheets show at the top.
    private func header() -> [String: Any] {
        var header: [String: Any] = [
            "name": project.name, "department": project.department, "implementer": project.implementer,
            "moneyCaption": Format.unitCaption(project.moneyUnit), "moneyUnit": project.moneyUnit.rawValue,
            "year": year.year,
        ]
        if let code = project.code { header["code"] = code }
        if let category = project.category { header["category"] = category }
        if let contact = project.contact { header["contact"] = contact }
        frame.markdown("goal", project.goal, into: &header)
        frame.markdown("body", project.body, into: &header)
        return header
    }

    // MARK: 绩效目标表

    func goalPage() -> Page {
        let path = Paths.project(year, unit, project)
        var header = header()
        let funds = project.funds
        header["amount"] = Format.money(project.amount)
        header["fiscal"] = Format.money(funds.fiscal?.amount ?? (funds.sumOfSources == nil ? project.amount : .zero))
        let nonFiscal = [funds.carryover?.amount, funds.other?.amount].compactMap { $0 }
        header["nonFiscal"] = Format.money(nonFiscal.isEmpty ? Amount(0, places: project.amount.places) : nonFiscal.sum())
        header["executionWeight"] = Format.points(project.executionWeight)
        frame.markdown("purpose", project.purpose, into: &header)
        if !project.spendingPlan.isEmpty {
            header["hasSpendingPlan"] = true
            header["spendingPlan"] = project.spendingPlan.map { ["month": "\($0.month)月底", "percent": "\($0.percent.plain)%"] }
        }
        if evaluation?.execution != nil {
            header["selfEvaluationURL"] = frame.url(Paths.selfEvaluation(year, unit, project))
        }
        let indicators = project.indicators
        let columns: [String: Bool] = [
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
            rows[index]["direction"] = indicator.isQualitative ? "" : parts.direction
            rows[index]["value"] = indicator.isQualitative ? indicator.target.text : parts.value
            rows[index]["nature"] = indicator.nature?.rawValue ?? ""
            rows[index]["unit"] = indicator.unit ?? ""
            rows[index]["weight"] = Format.points(indicator.weight)
            rows[index]["note"] = indicator.note ?? ""
            rows[index]["description"] = indicator.description ?? ""
            rows[index]["basis"] = indicator.basis ?? ""
        }
        var context = frame.context(title: "\(project.name)项目绩效目标表", path: path, trail: trail, kind: "goal")
        context["project"] = header
        context["columns"] = columns
        context["columnCount"] = 3 + columns.values.filter { $0 }.count + (columns["direction"]! ? 1 : 0)
        context["indicators"] = rows
        return Page(path: path, template: "project", context: context)
    }

    // MARK: 绩效自评表

    /// `nil` when the project has no self-evaluation.
    func selfEvaluationPage() -> Page? {
        guard let evaluation, let execution = evaluation.execution else { return nil }
        let path = Paths.selfEvaluation(year, unit, project)
        var header = header()
        frame.markdown("outcome", project.outcome, into: &header)
        if let reason = project.executionReason { header["executionReason"] = reason }
        header["goalURL"] = frame.url(Paths.project(year, unit, project))

        let overall = project.funds.overall
        var fundRows: [[String: Any]] = [[
            "label": "年度资金总额", "total": true,
            "initial": Format.money(overall.initial), "budget": Format.money(execution.budget), "spent": Format.money(execution.spent),
            "weight": Format.points(execution.weight), "rate": execution.rate.map(Format.rate) ?? "—",
            "score": execution.score.map(Format.points) ?? "—",
        ]]
        let sources: [(String, Funds.Source)] = [("其中：当年财政拨款", .fiscal), ("上年结转资金", .carryover), ("其他资金", .other)]
        for (label, source) in sources {
            let line = project.funds[source]
            fundRows.append([
                "label": label, "total": false,
                "initial": Format.money(line?.initial), "budget": Format.money(line?.budget),
                "spent": Format.money(line?.spent), "weight": "—", "rate": "", "score": "—",
            ])
        }

        let points = Dictionary(evaluation.level1Points.map { ($0.name, $0.weight) }, uniquingKeysWith: +)
        var rows = IndicatorRows.base(project.indicators) { "\($0)（\(points[$0]?.plain ?? "0")分）" }
        for (index, indicator) in project.indicators.enumerated() {
            let score = evaluation.indicatorScores[index]
            rows[index]["target"] = indicator.target.text + (indicator.target.unit == nil ? (indicator.unit ?? "") : "")
            rows[index]["actual"] = indicator.actual ?? ""
            rows[index]["weight"] = Format.points(indicator.weight)
            rows[index]["score"] = Format.points(score)
            rows[index]["reason"] = indicator.reason ?? ""
            if let score, let weight = indicator.weight, score < weight { rows[index]["deviation"] = true }
        }
        let weights = project.indicators.compactMap(\.weight).reduce(execution.weight, +)
        var context = frame.context(title: "\(project.name)项目支出绩效自评表", path: path,
                                    trail: trail + [("绩效自评表", path)], kind: "self-evaluation")
        context["project"] = header
        context["funds"] = fundRows
        context["indicators"] = rows
        context["total"] = ["weight": Format.points(weights), "score": Format.points(evaluation.total), "grade": evaluation.grade ?? ""]
        return Page(path: path, template: "self-evaluation", context: context)
    }
}
