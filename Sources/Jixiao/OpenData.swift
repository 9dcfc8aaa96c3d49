import Foundation
import JixiaoCheck
import JixiaoModel

/// The site's data as open data: each unit's projects as `jixiao check --json` gives them, with the
/// unit's name and published 合计 (`data.json`), and one row per indicator (`data.csv`); the whole site's
/// units in one `data.json`.
enum OpenData {
    /// A unit's `data.json` (compact, without its last line break): `project` gives each project's object,
    /// by index, as text.
    static func unit(_ unit: JixiaoModel.Unit, of year: Year, _ checked: CheckedSite, project: (Int) -> String) -> String {
        var text = JSONValue.object([
            ("year", .int(year.year)),
            ("unit", .string(unit.slug)),
            ("name", .string(unit.name)),
            ("code", .optional(unit.code)),
            ("money_unit", .string(unit.moneyUnit.rawValue)),
            ("total", .optional(unit.total?.text)),
            ("projects_total", .string(checked.projectsTotal(year, unit).text)),
            ("projects", .array([])),
        ]).serialized(pretty: false)
        // `…"projects":[]}`: the projects go between the brackets.
        text.removeLast(2)
        text += unit.projects.indices.map(project).joined(separator: ",") + "]}"
        return text
    }

    /// A project's object in its unit's `data.json`, as `jixiao check --json` gives it (compact).
    static func project(_ p: Int, of unit: JixiaoModel.Unit, in year: Year, _ checked: CheckedSite) -> String {
        CheckReport.json(unit.projects[p], year: year, unit: unit, evaluation: checked.evaluation(year, unit, unit.projects[p])).serialized(pretty: false)
    }

    /// The site's `data.json`, written with the home page: every unit's data, the bytes of its `data.json`
    /// where `units` has them, made again where not. As parts to lay end to end: at 10,000 projects it is
    /// tens of megabytes, which are hashed and written without being put together in memory.
    static func site(_ checked: CheckedSite, units: (Int, Int) -> Data?) -> [Data] {
        // `{"title":…,"units":[]}`: the units go between the brackets.
        var head = JSONValue.object([("title", .string(checked.site.title)), ("units", .array([]))]).serialized(pretty: false)
        head.removeLast(2)
        var parts = [Data(head.utf8)]
        let comma = Data([0x2C])
        for (y, year) in checked.site.years.enumerated() {
            for (u, unit) in year.units.enumerated() {
                if parts.count > 1 { parts.append(comma) }
                parts.append(units(y, u) ?? Data(self.unit(unit, of: year, checked) { project($0, of: unit, in: year, checked) }.utf8))
            }
        }
        parts.append(Data("]}\n".utf8))
        return parts
    }

    /// The columns a long table of the content uses, so that the file reads back as one.
    static let columns = ["项目名称", "项目编码", "主管部门", "实施单位", "项目类别", "资金总额", "全年预算数", "全年执行数", "年度目标",
                          "一级指标", "二级指标", "三级指标", "指标性质", "指标值", "计量单位", "分值", "实际完成值", "得分", "偏差原因分析及改进措施", "备注"]

    /// UTF-8 with a byte order mark, so that Excel reads the Chinese text; amounts in the unit's money unit.
    /// `project` gives each project's lines, by index, as text.
    static func csv(_ unit: JixiaoModel.Unit, project: (Int) -> String) -> Data {
        let heading = columns.map { $0 == "资金总额" ? "资金总额（\(unit.moneyUnit.rawValue)）" : $0 }.map(field).joined(separator: ",") + "\r\n"
        return Data([0xEF, 0xBB, 0xBF]) + Data((heading + unit.projects.indices.map(project).joined()).utf8)
    }

    /// A project's lines of its unit's `data.csv`, one per indicator, each ending in a line break.
    static func csvLines(_ p: Int, of unit: JixiaoModel.Unit, in year: Year, _ checked: CheckedSite) -> String {
        let project = unit.projects[p]
        let evaluation = checked.evaluation(year, unit, project)
        let funds = project.funds.overall
        let amount = { (amount: Amount?) in amount.map { $0.converted(from: project.moneyUnit, to: unit.moneyUnit).text } ?? "" }
        return project.indicators.enumerated().map { index, indicator in
            [
                project.name, project.code ?? "", project.department, project.implementer, project.category ?? "",
                amount(project.amount), amount(funds.budget), amount(funds.spent), Trim.whitespace(project.goal),
                indicator.level1, indicator.level2, indicator.name, indicator.nature?.rawValue ?? "", indicator.target.text,
                indicator.unit ?? "", indicator.weightText ?? "", indicator.actual ?? "", evaluation?.indicatorScores[index]?.plain ?? "",
                indicator.reason ?? "", indicator.note ?? "",
            ].map(field).joined(separator: ",") + "\r\n"
        }.joined()
    }

    private static func field(_ text: String) -> String {
        // A comma, a quote or a line break asks for quotes: looked for in the bytes.
        guard text.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return text }
        return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
