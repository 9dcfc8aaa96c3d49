import Foundation
import JixiaoModel

/// The site home, the year pages and the unit disclosure (公开表) pages.
struct ListPages {
    let frame: PageFrame
    let checked: CheckedSite

    // MARK: Home

    func home() -> Page {
        let years = checked.site.years.sorted { $0.year > $1.year }.map { year -> [String: Any] in
            [
                "year": year.year, "url": frame.url(Paths.year(year)),
                "projects": year.units.map(\.projects.count).reduce(0, +),
                "units": year.units.map { unit -> [String: Any] in
                    ["name": unit.name, "url": frame.url(Paths.unit(year, unit)), "projects": unit.projects.count,
                     "total": Format.money(unit.projectsTotal), "moneyUnit": unit.moneyUnit.rawValue]
                },
            ]
        }
        var context = frame.context(title: checked.site.title, path: "", trail: [], kind: "home")
        context["years"] = years
        return Page(path: "", template: "home", context: context)
    }

    // MARK: Year

    func year(_ year: Year) -> Page {
        let path = Paths.year(year)
        let units = year.units.map { unit -> [String: Any] in
            let totals = unit.projects.compactMap { checked.evaluation(year, unit, $0)?.total }
            var row: [String: Any] = [
                "name": unit.name, "url": frame.url(Paths.unit(year, unit)), "projects": unit.projects.count,
                "total": Format.money(unit.projectsTotal), "moneyUnit": unit.moneyUnit.rawValue, "evaluated": totals.count,
            ]
            if !totals.isEmpty {
                row["average"] = Format.points((totals.reduce(0, +) / Decimal(totals.count)).roundedHalfUp(2))
                let grades = totals.map(unit.rules.grade(for:))
                let names = unit.rules.grades.map(\.name) + [unit.rules.lowestGrade]
                row["grades"] = names.map { name in ["grade": name, "count": grades.filter { $0 == name }.count] }
            }
            return row
        }
        var context = frame.context(title: "\(year.year)年度预算项目绩效信息", path: path, trail: [("\(year.year)年", path)], kind: "year")
        context["year"] = year.year
        context["units"] = units
        context["anyEvaluated"] = units.contains { ($0["evaluated"] as? Int ?? 0) > 0 }
        return Page(path: path, template: "year", context: context)
    }

    // MARK: Unit disclosure (公开表)

    func unit(_ unit: JixiaoModel.Unit, of year: Year) -> Page {
        let path = Paths.unit(year, unit)
        var header: [String: Any] = [
            "name": unit.name, "moneyCaption": Format.unitCaption(unit.moneyUnit), "moneyUnit": unit.moneyUnit.rawValue,
            "year": year.year,
        ]
        if let code = unit.code { header["code"] = code }
        frame.markdown("goal", unit.goal, into: &header)
        frame.markdown("measures", unit.measures, into: &header)
        frame.markdown("body", unit.body, into: &header)
        if !unit.targets.isEmpty {
            header["hasTargets"] = true
            header["targets"] = unit.targets.enumerated().map { index, target -> [String: Any] in
                var item: [String: Any] = ["number": chineseOrdinal(index + 1), "name": target.name,
                                           "indicators": target.indicators.joined(separator: "、")]
                frame.markdown("goal", target.goal, into: &item)
                return item
            }
        }
        if unit.goal != nil || !unit.targets.isEmpty || unit.measures != nil { header["hasOverallGoals"] = true }

        var rows: [[String: Any]] = []
        for project in unit.projects {
            var projectRows = IndicatorRows.base(project.indicators)
            for (index, indicator) in project.indicators.enumerated() {
                projectRows[index]["target"] = indicator.target.text + (indicator.target.unit == nil ? (indicator.unit ?? "") : "")
            }
            let amount = project.amount.converted(from: project.moneyUnit, to: unit.moneyUnit)
            var cells: [String: Any] = [
                "name": project.name, "url": frame.url(Paths.project(year, unit, project)), "amount": Format.money(amount),
                "goal": project.goal.trimmingCharacters(in: .whitespacesAndNewlines), "span": max(1, projectRows.count),
            ]
            frame.markdown("goal", project.goal, into: &cells)
            if let code = project.code { cells["code"] = code }
            if let category = project.category { cells["category"] = category }
            if let evaluation = checked.evaluation(year, unit, project), evaluation.execution != nil {
                cells["selfEvaluationURL"] = frame.url(Paths.selfEvaluation(year, unit, project))
                cells["score"] = Format.points(evaluation.total)
                cells["grade"] = evaluation.grade ?? ""
            }
            if projectRows.isEmpty { projectRows = [[:]] }
            projectRows[0]["project"] = cells
            rows += projectRows
        }
        let sum = unit.projectsTotal
        var total: [String: Any] = ["amount": Format.money(sum)]
        if let stated = unit.total, stated != sum {
            total["stated"] = Format.money(stated)
            total["difference"] = (stated.value - sum.value).grouped(max(stated.places, sum.places))
        }
        let columns: [String: Bool] = [
            "code": unit.projects.contains { $0.code != nil },
            "category": unit.projects.contains { $0.category != nil },
        ]
        var context = frame.context(title: "\(unit.name)\(year.year)年度项目支出绩效目标公开表", path: path,
                                    trail: [("\(year.year)年", Paths.year(year)), (unit.name, path)], kind: "unit")
        context["unit"] = header
        context["rows"] = rows
        context["total"] = total
        context["columns"] = columns
        context["projectCount"] = unit.projects.count
        return Page(path: path, template: "unit", context: context)
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
