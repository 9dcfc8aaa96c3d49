import Foundation
import JixiaoCheck
import JixiaoModel
import JixiaoTemplates

/// The site home, the year pages and the unit disclosure (公开表) pages.
package struct ListPages {
    let frame: PageFrame
    let checked: CheckedSite

    // MARK: Home

    func home() -> Page {
        let years = checked.site.years.sorted { $0.year > $1.year }.map { year -> TemplateValue in
            [
                "year": TemplateValue(year.year), "url": .text(frame.url(Paths.year(year))),
                "projects": TemplateValue(year.units.map(\.projects.count).reduce(0, +)),
                "units": .list(year.units.map { unit -> TemplateValue in
                    ["name": .text(unit.name), "url": .text(frame.url(Paths.unit(year, unit))), "projects": TemplateValue(unit.projects.count),
                     "total": .text(Format.money(unit.projectsTotal)), "moneyUnit": .text(unit.moneyUnit.rawValue)]
                }),
            ]
        }
        var context = frame.context(title: checked.site.title, path: "", trail: [], kind: .home)
        context["years"] = .list(years)
        return Page(path: "", kind: .home, context: context)
    }

    // MARK: Year

    func year(_ year: Year) -> Page {
        let path = Paths.year(year)
        var anyEvaluated = false
        let units = year.units.map { unit -> TemplateValue in
            let totals = unit.projects.compactMap { checked.evaluation(year, unit, $0)?.total }
            var row: TemplateFields = [
                "name": .text(unit.name), "url": .text(frame.url(Paths.unit(year, unit))), "projects": TemplateValue(unit.projects.count),
                "total": .text(Format.money(unit.projectsTotal)), "moneyUnit": .text(unit.moneyUnit.rawValue),
                "evaluated": TemplateValue(totals.count),
            ]
            if !totals.isEmpty {
                anyEvaluated = true
                row["average"] = .text(Format.points((totals.reduce(0, +) / Decimal(totals.count)).roundedHalfUp(2)))
                let grades = totals.map(unit.rules.grade(for:))
                let names = unit.rules.grades.map(\.name) + [unit.rules.lowestGrade]
                row["grades"] = .list(names.map { name in ["grade": .text(name), "count": TemplateValue(grades.filter { $0 == name }.count)] })
            }
            return .object(row)
        }
        var context = frame.context(title: "\(year.year)年度预算项目绩效信息", path: path, trail: [("\(year.year)年", path)], kind: .year)
        context["year"] = TemplateValue(year.year)
        context["units"] = .list(units)
        context["anyEvaluated"] = .flag(anyEvaluated)
        return Page(path: path, kind: .year, context: context)
    }

    // MARK: Unit disclosure (公开表)

    func unit(_ unit: JixiaoModel.Unit, of year: Year) -> Page {
        let path = Paths.unit(year, unit)
        var header: TemplateFields = [
            "name": .text(unit.name), "moneyCaption": .text(Format.unitCaption(unit.moneyUnit)),
            "moneyUnit": .text(unit.moneyUnit.rawValue), "year": TemplateValue(year.year),
        ]
        header["code"] = TemplateValue(unit.code)
        frame.markdown("goal", unit.goal, into: &header)
        frame.markdown("measures", unit.measures, into: &header)
        frame.markdown("body", unit.body, into: &header)
        if !unit.targets.isEmpty {
            header["hasTargets"] = true
            header["targets"] = .list(unit.targets.enumerated().map { index, target -> TemplateValue in
                var item: TemplateFields = ["number": .text(chineseOrdinal(index + 1)), "name": .text(target.name),
                                            "indicators": .text(target.indicators.joined(separator: "、"))]
                frame.markdown("goal", target.goal, into: &item)
                return .object(item)
            })
        }
        if unit.goal != nil || !unit.targets.isEmpty || unit.measures != nil { header["hasOverallGoals"] = true }

        var rows: [TemplateValue] = []
        var evaluated = 0
        for project in unit.projects {
            var projectRows = IndicatorRows.base(project.indicators)
            for (index, indicator) in project.indicators.enumerated() {
                projectRows[index]["target"] = .text(indicator.target.text + (indicator.target.unit == nil ? (indicator.unit ?? "") : ""))
            }
            let amount = project.amount.converted(from: project.moneyUnit, to: unit.moneyUnit)
            var cells: TemplateFields = [
                "name": .text(project.name), "url": .text(frame.url(Paths.project(year, unit, project))),
                "amount": .text(Format.money(amount)), "goal": .text(Trim.whitespace(project.goal)),
                "span": TemplateValue(max(1, projectRows.count)),
            ]
            frame.markdown("goal", project.goal, into: &cells)
            cells["code"] = TemplateValue(project.code)
            cells["category"] = TemplateValue(project.category)
            if let evaluation = checked.evaluation(year, unit, project), evaluation.execution != nil {
                cells["selfEvaluationURL"] = .text(frame.url(Paths.selfEvaluation(year, unit, project)))
                cells["score"] = .text(Format.points(evaluation.total))
                cells["grade"] = .text(evaluation.grade ?? "")
                evaluated += 1
            }
            if projectRows.isEmpty { projectRows = [[:]] }
            projectRows[0]["project"] = .object(cells)
            rows += projectRows.map(TemplateValue.object)
        }
        let sum = unit.projectsTotal
        var total: TemplateFields = ["amount": .text(Format.money(sum))]
        if let stated = unit.total, stated != sum {
            total["stated"] = .text(Format.money(stated))
            total["difference"] = .text((stated.value - sum.value).grouped(max(stated.places, sum.places)))
        }
        let columns: TemplateValue = [
            "code": .flag(unit.projects.contains { $0.code != nil }),
            "category": .flag(unit.projects.contains { $0.category != nil }),
        ]
        var context = frame.context(title: "\(unit.name)\(year.year)年度项目支出绩效目标公开表", path: path,
                                    trail: [("\(year.year)年", Paths.year(year)), (unit.name, path)], kind: .unit)
        context["unit"] = .object(header)
        context["rows"] = .list(rows)
        context["total"] = .object(total)
        context["columns"] = columns
        context["projectCount"] = TemplateValue(unit.projects.count)
        // The booklets SitePages lists for the unit: all goal tables, and all self-evaluations when there are any.
        var booklets: [TemplateValue] = []
        if !unit.projects.isEmpty {
            booklets.append(["title": .text(BookletKind.goals.crumb), "url": .text(frame.url(Paths.booklet(.goals, year, unit))),
                             "count": TemplateValue(unit.projects.count)])
        }
        if evaluated > 0 {
            booklets.append(["title": .text(BookletKind.selfEvaluations.crumb), "url": .text(frame.url(Paths.booklet(.selfEvaluations, year, unit))),
                             "count": TemplateValue(evaluated)])
        }
        context["booklets"] = .list(booklets)
        return Page(path: path, kind: .unit, context: context)
    }

    private func chineseOrdinal(_ number: Int) -> String {
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
