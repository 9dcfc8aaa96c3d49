import Foundation
import JixiaoModel

extension FormHead {
    /// The project the head describes: its labels' values, the funds as sources with their 年初 amounts,
    /// the spending plan. The 项目名称 comes from the title (`1.维稳经费绩效目标表`) when no label gives it;
    /// without either the form is skipped.
    mutating func draft(formStart: FormCell) -> ProjectDraft? {
        let nameCell: FormCell, name: String
        if let value = values[.name] ?? values[.unitName] {
            (name, nameCell) = value
        } else if let title, let fromTitle = Self.projectName(fromTitle: title.text) {
            (name, nameCell) = (fromTitle, title.cell)
            notes.append(.warning(.readWithChange, "\(FormLabel.name.shown) taken from the form's title: the form has no 项目名称 cell", at: at(title.cell)))
        } else {
            notes.append(.warning(.layoutIncomplete, "form skipped: it has no 项目名称 and no title that names the project", at: at(formStart)))
            return nil
        }
        var draft = ProjectDraft(name: name, location: at(nameCell))
        draft.fieldLocations["name"] = at(nameCell)
        func text(_ label: FormLabel) -> String? {
            guard let value = values[label], let field = label.field else { return nil }
            draft.fieldLocations[field] = at(value.cell)
            return value.text
        }
        draft.code = text(.code)
        draft.department = text(.department)
        draft.implementer = text(.implementer) ?? budgetUnit?.name
        draft.contact = text(.contact)
        draft.category = text(.category)
        draft.goal = text(.goal)
        draft.purpose = text(.purpose)
        draft.moneyUnit = moneyUnit
        if let weight = text(.executionWeight) {
            if FormText.isNumber(weight) {
                draft.executionWeight = weight
            } else {
                notes.append(.warning(.rowSkipped, "\(FormLabel.executionWeight.shown) \"\(weight)\" not read: it is no number", at: at(values[.executionWeight]!.cell)))
            }
        }
        for label in [FormLabel.total, .fiscal, .other, .carryover] {
            guard let key = label.fundsKey, let amount = text(label) else { continue }
            if Amount(parsing: amount) != nil {
                draft.fundLines[key] = FundLineDraft(initial: amount)
            } else if !Self.isDash(amount) {
                notes.append(.warning(.rowSkipped, "\(label.shown) \"\(amount)\" not read: it is no amount", at: at(values[label]!.cell)))
            }
        }
        draft.spendingPlan = spendingPlan
        if let cell = spendingPlanCell, !spendingPlan.isEmpty { draft.fieldLocations["spending_plan"] = at(cell) }
        return draft
    }

    /// `—`, `-`, `/`: a cell printed as not applicable.
    static func isDash(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        return !compact.isEmpty && compact.allSatisfy { "—－-–/／、".contains($0) }
    }

    /// The project a title names: `1.维稳经费绩效目标表` → `维稳经费`, `党建工作经费项目绩效目标表` → `党建工作经费`;
    /// nil for a title that names a kind of form only (`市级预算项目支出绩效自评表`).
    static func projectName(fromTitle title: String) -> String? {
        var text = FormText.plain(title)
        if let range = text.range(of: #"^[0-9]+[.、．]\s*"#, options: .regularExpression) { text.removeSubrange(range) }
        for suffix in FormSections.titleEndings where text.hasSuffix(suffix) {
            text.removeLast(suffix.count)
            break
        }
        text = Trim.whitespace(text)
        if text.hasSuffix("项目支出") || text.hasSuffix("整体支出") || text.hasSuffix("整体") { return nil }
        if text.hasSuffix("项目") { text.removeLast(2) }
        return text.isEmpty ? nil : text
    }
}
