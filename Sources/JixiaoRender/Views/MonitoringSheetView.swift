import Foundation
import JixiaoModel
import JixiaoTemplates

/// A project's 绩效运行监控表 (mid-year monitoring): funds spent against time, the light, and each
/// indicator's progress with its cause, likelihood and measure.
struct MonitoringSheetView: TemplateView {
    struct Row: TemplateRecord {
        let cells: IndicatorCells
        let target: String
        let line: MonitoredIndicator?
        let light: Light?

        static let names = RecordNames(IndicatorCells.names + ["target", "progress", "expected", "cause", "likelihood", "measure",
                                                               "indicatorLight", "causeTicks", "likelihoodTicks"])

        func append(to values: inout [TemplateValue?]) {
            cells.append(to: &values)
            for text in [target, line?.progress, line?.expected, line?.cause?.rawValue, line?.likelihood?.rawValue, line?.measure] {
                values.append(.text(text ?? ""))
            }
            values.append(light.map(MonitoringSheetView.light))
            values.append(.list(DeviationCause.allCases.map { ["mark": .text(line?.cause == $0 ? "√" : "")] }))
            values.append(.list(Likelihood.allCases.map { ["mark": .text(line?.likelihood == $0 ? "√" : "")] }))
        }
    }

    let header: ProjectHeader
    let title: String
    let subtitle: String
    let funds: (initial: String, budget: String, spent: String, rate: String, expected: String, time: String, lag: String)
    let result: MonitoringResult
    let rows: [Row]
    let print: SheetPrint
    /// The 年度总体目标's 1-N月执行情况, as written.
    let outcome: String
    /// The form prints the cause and the likelihood as a column per category, ticked.
    let ticked: Bool
    let notes: [String]
    let signatures: [String]

    /// A light as a mark and in words (红灯, never by colour alone).
    static func light(_ light: Light) -> TemplateValue {
        ["name": .text(light.rawValue), "text": .text(light.chinese)]
    }

    var fields: TemplateFields {
        var fields = TemplateFields()
        fields.set("project", header)
        fields["subtitle"] = .text(subtitle)
        fields["funds"] = ["initial": .text(funds.initial), "budget": .text(funds.budget), "spent": .text(funds.spent), "rate": .text(funds.rate),
                           "expected": .text(funds.expected), "time": .text(funds.time), "lag": .text(funds.lag)]
        fields["light"] = Self.light(result.light)
        fields["month"] = TemplateValue(result.month)
        fields["indicators"] = .records(rows)
        fields["print"] = print.fields
        if !outcome.isEmpty { fields["outcome"] = .text(outcome) }
        fields["ticked"] = .flag(ticked)
        fields["causes"] = .list(DeviationCause.allCases.map { ["text": .text($0.rawValue)] })
        fields["likelihoods"] = .list(Likelihood.allCases.map { ["text": .text($0.rawValue)] })
        fields.setForm(title: title, notes: notes, signatures: signatures)
        return fields
    }
}

extension ProjectPages {
    var monitoringTitle: String { "\(project.name)项目绩效运行监控表" }

    /// The monitoring sheet's own fields, for its page and the unit's booklet; `nil` when the project is
    /// not monitored. `number` names its printed pages.
    func monitoringSheet(number: Int) -> MonitoringSheetView? {
        guard let monitoring = project.monitoring, let result = evaluation?.monitoring else { return nil }
        let overall = project.funds.overall
        let lag = result.rate.map { ((result.timeProgress - $0) * 100).roundedHalfUp(1).plain }
        let funds = (Format.money(overall.initial), Format.money(overall.budget), Format.money(monitoring.spent), Format.rate(result.rate),
                     Format.money(monitoring.expectedSpent), Format.rate(result.timeProgress.roundedHalfUp(4)), lag ?? "")
        let lines = Dictionary(zip(monitoring.indicators, result.indicatorLights).map { ($0.name, ($0, $1)) }, uniquingKeysWith: { first, _ in first })
        let rows = zip(IndicatorCells.rows(project.indicators), project.indicators).map { cells, indicator in
            MonitoringSheetView.Row(cells: cells, target: indicator.targetCell, line: lines[indicator.name]?.0, light: lines[indicator.name]?.1)
        }
        let form = unit.forms.monitoring
        let title = SheetForm.title(form.title ?? "项目支出绩效运行监控表", project: project.name, number: number, year: year.year)
        return MonitoringSheetView(
            header: ProjectHeader(project, year: year, frame: frame), title: title, subtitle: "（\(year.year)年1-\(result.month)月）",
            funds: funds, result: result, rows: rows, print: SheetPrint(number: number, title: monitoringTitle, landscape: true),
            outcome: monitoring.outcome ?? "", ticked: form.name == "ticked", notes: form.notes ?? [], signatures: form.signatures)
    }

    func monitoringPage(_ sheet: RenderedSheet) -> Page {
        let path = Paths.monitoring(year, unit, project)
        let chrome = frame.chrome(title: monitoringTitle, path: path, trail: trail + [("绩效运行监控表", path)], kind: .monitoring, unit: unit,
                                  description: project.goal)
        return Page(path: path, chrome: chrome, view: sheet,
                    files: OfficeFiles.sheet(OfficeFiles.monitoringName, in: path, sheet.office.map { [$0] } ?? []), frame: frame)
    }
}
