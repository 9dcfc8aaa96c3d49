import Foundation
import JixiaoCheck
import JixiaoModel
import JixiaoTemplates

/// The charts of the year and unit pages, from the figures `check` computed.
enum SiteCharts {
    /// A unit's charts: each evaluated project's execution rate (with the 90% and 100% marks) and score,
    /// and the lights of its monitored projects.
    static func unit(_ unit: JixiaoModel.Unit, of year: Year, checked: CheckedSite) -> [BarChart] {
        let evaluated = unit.projects.compactMap { project in checked.evaluation(year, unit, project).map { (project, $0) } }
        var charts: [BarChart] = []
        let rates = evaluated.compactMap { project, evaluation in evaluation.execution?.rate.map { (project.name, $0) } }
        if !rates.isEmpty {
            let reached = rates.filter { $0.1 >= Decimal(string: "0.9")! }.count
            let lowest = rates.min { $0.1 < $1.1 }!, highest = rates.max { $0.1 < $1.1 }!
            charts.append(BarChart(
                id: "chart-execution", title: "各项目预算执行率",
                description: "\(rates.count)个项目的预算执行率，\(reached)个达到90%。"
                    + (lowest.1 == highest.1 ? "均为\(Format.rate(lowest.1))。" : "最低为\(lowest.0)的\(Format.rate(lowest.1))，最高为\(highest.0)的\(Format.rate(highest.1))。"),
                headings: ("项目", "预算执行率", nil), rows: rates.map { BarChart.Row(label: $0.0, value: $0.1, text: Format.rate($0.1)) },
                scale: max(1, highest.1), marks: [(Decimal(string: "0.9")!, "90%"), (1, "100%")]))
        }
        let totals = evaluated.compactMap { project, evaluation in evaluation.total.map { (project.name, $0, evaluation.grade) } }
        if !totals.isEmpty {
            let average = (totals.map(\.1).reduce(0, +) / Decimal(totals.count)).roundedHalfUp(2)
            charts.append(BarChart(
                id: "chart-scores", title: "各项目自评得分",
                description: "\(totals.count)个项目的自评得分，平均\(Format.points(average))分；\(gradeCounts(totals.map { $0.2 ?? "" }, rules: unit.rules))。",
                headings: ("项目", "总分", "等级"), rows: totals.map { BarChart.Row(label: $0.0, value: $0.1, text: Format.points($0.1), note: $0.2) },
                scale: 100, marks: unit.rules.grades.map { ($0.minimum, "\($0.name) \($0.minimum.plain)") }))
        }
        let lights = unit.projects.compactMap { checked.evaluation(year, unit, $0)?.monitoring?.light }
        if !lights.isEmpty {
            let counts = [Light.red, .yellow, .green].map { light in (light, lights.filter { $0 == light }.count) }
            charts.append(BarChart(
                id: "chart-lights", title: "绩效运行监控亮灯情况",
                description: "\(lights.count)个项目监控：" + counts.map { "\($0.0.chinese)\($0.1)个" }.joined(separator: "，") + "。",
                headings: ("监控结果", "项目数", nil), rows: counts.map { BarChart.Row(label: $0.0.chinese, value: Decimal($0.1), text: "\($0.1)个") },
                scale: Decimal(lights.count), marks: []))
        }
        return charts
    }

    /// A year's chart: each unit's average score, its grade counts beside it.
    static func year(_ year: Year, checked: CheckedSite) -> [BarChart] {
        let units = year.units.compactMap { unit -> BarChart.Row? in
            let scored = checked.scores(year, unit).map { ($0.total, $0.grade ?? "") }
            guard !scored.isEmpty else { return nil }
            let average = (scored.map(\.0).reduce(0, +) / Decimal(scored.count)).roundedHalfUp(2)
            return BarChart.Row(label: unit.name, value: average, text: Format.points(average), note: gradeCounts(scored.map(\.1), rules: unit.rules))
        }
        guard !units.isEmpty else { return [] }
        return [BarChart(
            id: "chart-units", title: "\(year.year)年度各单位平均自评得分",
            description: "\(units.count)个单位有自评项目：" + units.map { "\($0.label)平均\($0.text)分（\($0.note ?? "")）" }.joined(separator: "；") + "。",
            headings: ("单位", "平均得分", "等级分布"), rows: units, scale: 100, marks: [])]
    }

    /// `优 10 · 良 2`: how many of each grade, the grades with none left out.
    static func gradeCounts(_ grades: [String], rules: Rules) -> String {
        (rules.grades.map(\.name) + [rules.lowestGrade]).compactMap { name in
            let count = grades.filter { $0 == name }.count
            return count > 0 ? "\(name) \(count)" : nil
        }.joined(separator: " · ")
    }
}

extension TemplateFields {
    /// `chartsHTML` (figures with their SVG and data tables) and `chartsMD` (their tables), when there are charts.
    mutating func setCharts(_ charts: [BarChart]) {
        guard !charts.isEmpty else { return }
        self["chartsHTML"] = .text(charts.map(\.html).joined(separator: "\n"))
        self["chartsMD"] = .text(charts.map(\.markdown).joined(separator: "\n"))
    }
}
