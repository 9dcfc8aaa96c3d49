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

    init(_ project: Project, year: Year, frame: PageFrame) {
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
        ]
        fields.set("code", code)
        fields.set("category", category)
        fields.set("contact", contact)
        fields.set("goal", goal)
        fields.set("body", body)
        return fields
    }
}
