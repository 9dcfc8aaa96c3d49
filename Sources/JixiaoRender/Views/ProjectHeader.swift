import Foundation
import JixiaoModel
import JixiaoTemplates

/// What both sheets of a project show at the top.
struct ProjectHeader: TemplateView {
    let name: String
    let department: String
    let implementer: String
    let moneyCaption: String
    let moneyUnit: String
    let year: Int
    let code: String?
    let category: String?
    let contact: String?
    let goal: RichText
    let body: RichText
    /// Whose sheet it is: 项目 (项目名称, 项目基本信息), or for a department-wide sheet 部门（单位）.
    let subject: String

    init(_ project: Project, year: Year, frame: PageFrame, isOverall: Bool = false) {
        subject = isOverall ? "部门（单位）" : "项目"
        name = project.name
        department = project.department
        implementer = project.implementer
        moneyCaption = Format.unitCaption(project.moneyUnit)
        moneyUnit = project.moneyUnit.rawValue
        self.year = year.year
        code = project.code
        category = project.category
        contact = project.contact
        goal = frame.rich(project.goal)
        body = frame.rich(project.body)
    }

    var fields: TemplateFields {
        var fields: TemplateFields = [
            "name": .text(name), "department": .text(department), "implementer": .text(implementer),
            "moneyCaption": .text(moneyCaption), "moneyUnit": .text(moneyUnit), "year": TemplateValue(year),
            "subject": .text(subject), "nameLabel": .text(nameLabel),
        ]
        fields.set("code", code)
        fields.set("category", category)
        fields.set("contact", contact)
        fields.set("goal", goal)
        fields.set("body", body)
        return fields
    }

    /// 项目名称, or 部门（单位）名称.
    var nameLabel: String { subject + "名称" }
}
