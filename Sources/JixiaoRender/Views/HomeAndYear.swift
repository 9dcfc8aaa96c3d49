import Foundation
import JixiaoCheck
import JixiaoModel
import JixiaoTemplates

/// A unit as the home and year pages list it.
struct UnitSummary: TemplateView {
    let name: String
    let url: String
    let projects: Int
    let total: String
    let moneyUnit: String

    init(_ unit: JixiaoModel.Unit, of year: Year, checked: CheckedSite, frame: PageFrame) {
        name = unit.name
        url = frame.url(Paths.unit(year, unit))
        projects = unit.projects.count
        total = Format.money(checked.projectsTotal(year, unit))
        moneyUnit = unit.moneyUnit.rawValue
    }

    var fields: TemplateFields {
        ["name": .text(name), "url": .text(url), "projects": TemplateValue(projects), "total": .text(total), "moneyUnit": .text(moneyUnit)]
    }
}

/// The home page: the years, newest first, each with its units.
struct HomeView: TemplateView {
    struct YearEntry: TemplateView {
        let year: Int
        let url: String
        let projects: Int
        let units: [UnitSummary]

        var fields: TemplateFields {
            var fields: TemplateFields = ["year": TemplateValue(year), "url": .text(url), "projects": TemplateValue(projects)]
            fields.set("units", units)
            return fields
        }
    }

    let years: [YearEntry]

    init(_ checked: CheckedSite, frame: PageFrame) {
        years = checked.site.years.sorted { $0.year > $1.year }.map { year in
            YearEntry(year: year.year, url: frame.url(Paths.year(year)), projects: year.units.map(\.projects.count).reduce(0, +),
                      units: year.units.map { UnitSummary($0, of: year, checked: checked, frame: frame) })
        }
    }

    var fields: TemplateFields {
        var fields = TemplateFields()
        fields.set("years", years)
        return fields
    }
}

/// A year's page: its units, with the average score and grade counts of those evaluated.
struct YearView: TemplateView {
    struct UnitRow: TemplateView {
        let summary: UnitSummary
        let evaluated: Int
        /// The average score, when any project is evaluated.
        let average: String?
        let grades: [(grade: String, count: Int)]

        var fields: TemplateFields {
            var fields = summary.fields
            fields["evaluated"] = TemplateValue(evaluated)
            if let average {
                fields["average"] = .text(average)
                fields["grades"] = .list(grades.map { ["grade": .text($0.grade), "count": TemplateValue($0.count)] })
            }
            return fields
        }
    }

    let year: Int
    let units: [UnitRow]
    let charts: [BarChart]
    var anyEvaluated: Bool { units.contains { $0.average != nil } }

    init(_ year: Year, checked: CheckedSite, frame: PageFrame) {
        self.year = year.year
        charts = SiteCharts.year(year, checked: checked)
        units = year.units.map { unit in
            let totals = checked.scores(year, unit).map(\.total)
            var average: String?
            var grades: [(String, Int)] = []
            if !totals.isEmpty {
                average = Format.points((totals.reduce(0, +) / Decimal(totals.count)).roundedHalfUp(2))
                let given = totals.map(unit.rules.grade(for:))
                grades = (unit.rules.grades.map(\.name) + [unit.rules.lowestGrade]).map { name in (name, given.filter { $0 == name }.count) }
            }
            return UnitRow(summary: UnitSummary(unit, of: year, checked: checked, frame: frame), evaluated: totals.count, average: average, grades: grades)
        }
    }

    var fields: TemplateFields {
        var fields: TemplateFields = ["year": TemplateValue(year), "anyEvaluated": .flag(anyEvaluated)]
        fields.set("units", units)
        fields.setCharts(charts)
        return fields
    }
}
