import Foundation
import JixiaoCheck
import JixiaoModel
import JixiaoTemplates

/// A unit's page: 部门整体绩效目标 when given, then the 公开表 of every project with its indicators and the 合计.
struct DisclosureView: TemplateView {
    struct Header: TemplateView {
        let name: String
        let moneyCaption: String
        let moneyUnit: String
        let year: Int
        let code: String?
        let goal: RichText
        let measures: RichText
        let body: RichText
        let targets: [Target]
        let hasOverallGoals: Bool

        struct Target: TemplateView {
            let number: String
            let name: String
            let indicators: [String]
            let goal: String?

            var fields: TemplateFields {
                var fields: TemplateFields = ["number": .text(number), "name": .text(name)]
                fields.set("goal", goal.map(Trim.whitespace))
                if !indicators.isEmpty {
                    fields["hasIndicators"] = true
                    fields["indicators"] = .list(indicators.enumerated().map { ["text": .text($1), "first": .flag($0 == 0)] })
                }
                return fields
            }
        }

        var fields: TemplateFields {
            var fields: TemplateFields = ["name": .text(name), "moneyCaption": .text(moneyCaption), "moneyUnit": .text(moneyUnit),
                                          "year": TemplateValue(year)]
            fields.set("code", code)
            fields.set("goal", goal)
            fields.set("measures", measures)
            fields.set("body", body)
            if !targets.isEmpty {
                fields["hasTargets"] = true
                fields.set("targets", targets)
            }
            fields.flag("hasOverallGoals", hasOverallGoals)
            // The parts present, numbered 一、二、三 as the published documents number them.
            let parts = [("goalHeading", goal.html == nil ? nil : "总体绩效目标"), ("targetsHeading", targets.isEmpty ? nil : "分项绩效目标"),
                         ("measuresHeading", measures.html == nil ? nil : "工作保障措施")]
            var number = 0
            for (key, title) in parts {
                guard let title else { continue }
                number += 1
                fields[key] = .text("\(DisclosureView.chineseOrdinal(number))、\(title)")
            }
            return fields
        }
    }

    /// The project cells of a project's first row, merged down its rows.
    struct ProjectCells: TemplateView {
        let name: String
        let url: String
        let amount: String
        let goal: String
        let goalText: RichText
        let span: Int
        let code: String?
        let category: String?
        /// For an evaluated project: its self-evaluation's address, total and grade.
        let evaluated: (url: String, score: String, grade: String)?

        var fields: TemplateFields {
            var fields: TemplateFields = ["name": .text(name), "url": .text(url), "amount": .text(amount), "goal": .text(goal),
                                          "span": TemplateValue(span)]
            fields.set("goal", goalText)
            fields.set("code", code)
            fields.set("category", category)
            if let evaluated {
                fields["selfEvaluationURL"] = .text(evaluated.url)
                fields["score"] = .text(evaluated.score)
                fields["grade"] = .text(evaluated.grade)
            }
            return fields
        }
    }

    /// One row of the table: an indicator (or none, for a project without any), the project's cells on its first row.
    struct Row: TemplateView {
        let cells: IndicatorCells?
        let target: String?
        let project: ProjectCells?

        var fields: TemplateFields {
            var fields = cells?.fields ?? [:]
            fields.set("target", target)
            if let project { fields.set("project", project) }
            return fields
        }
    }

    let header: Header
    let rows: [Row]
    /// The 合计 as published, or the projects' sum when none is.
    let total: String
    /// The projects' sum and the difference to the published 合计, when they differ.
    let mismatch: (sum: String, difference: String)?
    let showsCode: Bool
    let showsCategory: Bool
    let projectCount: Int
    let booklets: [Link]

    init(_ unit: JixiaoModel.Unit, of year: Year, checked: CheckedSite, frame: PageFrame) {
        header = Header(
            name: unit.name, moneyCaption: Format.unitCaption(unit.moneyUnit), moneyUnit: unit.moneyUnit.rawValue, year: year.year,
            code: unit.code, goal: frame.rich(unit.goal), measures: frame.rich(unit.measures), body: frame.rich(unit.body),
            targets: unit.targets.enumerated().map { index, target in
                Header.Target(number: Self.chineseOrdinal(index + 1), name: target.name, indicators: target.indicators, goal: target.goal)
            },
            hasOverallGoals: unit.goal != nil || !unit.targets.isEmpty || unit.measures != nil)
        var rows: [Row] = []
        var evaluatedCount = 0
        for project in unit.projects {
            let indicatorRows = IndicatorCells.rows(project.indicators)
            var evaluated: (String, String, String)?
            if let evaluation = checked.evaluation(year, unit, project), evaluation.execution != nil {
                evaluated = (frame.url(Paths.selfEvaluation(year, unit, project)), Format.points(evaluation.total), evaluation.grade ?? "")
                evaluatedCount += 1
            }
            let cells = ProjectCells(
                name: project.name, url: frame.url(Paths.project(year, unit, project)),
                amount: Format.money(project.amount.converted(from: project.moneyUnit, to: unit.moneyUnit)),
                goal: Trim.whitespace(project.goal), goalText: frame.rich(project.goal), span: max(1, indicatorRows.count),
                code: project.code, category: project.category, evaluated: evaluated)
            if indicatorRows.isEmpty {
                rows.append(Row(cells: nil, target: nil, project: cells))
            }
            for (index, row) in indicatorRows.enumerated() {
                rows.append(Row(cells: row, target: project.indicators[index].targetCell, project: index == 0 ? cells : nil))
            }
        }
        self.rows = rows
        let sum = unit.projectsTotal
        total = Format.money(unit.total ?? sum)
        if let published = unit.total, published != sum {
            mismatch = (Format.money(sum), (published.value - sum.value).grouped(max(published.places, sum.places)))
        } else {
            mismatch = nil
        }
        showsCode = unit.projects.contains { $0.code != nil }
        showsCategory = unit.projects.contains { $0.category != nil }
        projectCount = unit.projects.count
        // The booklets SitePages lists for the unit: all goal tables, and all self-evaluations when there are any.
        var booklets: [Link] = []
        if !unit.projects.isEmpty {
            booklets.append(Link(title: BookletKind.goals.crumb, url: frame.url(Paths.booklet(.goals, year, unit)), count: unit.projects.count))
        }
        if evaluatedCount > 0 {
            booklets.append(Link(title: BookletKind.selfEvaluations.crumb, url: frame.url(Paths.booklet(.selfEvaluations, year, unit)),
                                 count: evaluatedCount))
        }
        self.booklets = booklets
    }

    var fields: TemplateFields {
        var fields = TemplateFields()
        fields.set("unit", header)
        fields.set("rows", rows)
        var totals: TemplateFields = ["amount": .text(total)]
        if let mismatch {
            totals["mismatch"] = true
            totals["sum"] = .text(mismatch.sum)
            totals["difference"] = .text(mismatch.difference)
        }
        fields["total"] = .object(totals)
        fields["columns"] = ["code": .flag(showsCode), "category": .flag(showsCategory)]
        fields["projectCount"] = TemplateValue(projectCount)
        fields.set("booklets", booklets)
        return fields
    }

    static func chineseOrdinal(_ number: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch number {
        case 1 ... 9: return digits[number]
        case 10: return "十"
        case 11 ... 19: return "十" + digits[number - 10]
        case 20 ... 99: return digits[number / 10] + "十" + digits[number % 10]
        default: return String(number)
        }
    }
}
