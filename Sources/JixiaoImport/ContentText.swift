import Foundation
import JixiaoModel
import JixiaoTables

/// The text of the files `jixiao import` writes: keys in the order of the field table
/// (JixiaoModel/Fields/FieldTable.swift), each value written as its field's type wants.
extension ContentWriter {
    func unitText(_ set: DraftSet, name: String, order: [String] = []) -> String {
        let unit = FieldSet.unit
        var text = "---\n"
        for field in unit.fields {
            switch field.key {
            case "name": text += YAMLText.field("name", name, of: unit)
            case "code": if let code = set.unitCode { text += YAMLText.field("code", code, of: unit) }
            case "money_unit": if let money = set.moneyUnit { text += YAMLText.field("money_unit", money, of: unit) }
            case "total": if let total = set.unitTotal { text += "# 合计 as published\n" + YAMLText.field("total", total, of: unit) }
            case "goal": if let goal = set.unitGoal { text += YAMLText.field("goal", goal, of: unit) }
            case "targets": text += targetsText(set.unitTargets)
            case "measures": if let measures = set.unitMeasures { text += YAMLText.field("measures", measures, of: unit) }
            case "overall": if let overall = set.overall { text += overallText(overall, unitName: name, moneyUnit: set.moneyUnit) }
            case "order":
                if !order.isEmpty {
                    text += "# the projects in the order of the source\norder:\n" + order.map { "  - " + YAMLText.scalar($0) + "\n" }.joined()
                }
            default: break
            }
        }
        // The notes printed below a table become the unit's text, after the front matter.
        return text + "---\n" + (set.unitNote.map { $0 + "\n" } ?? "")
    }

    private func targetsText(_ targets: [UnitTargetDraft]) -> String {
        guard !targets.isEmpty else { return "" }
        let item = FieldSet.unitTarget
        var text = "targets:\n"
        for target in targets {
            text += "  - " + YAMLText.field("name", target.name, of: item, indent: 4).dropFirst(4)
            if let goal = target.goal { text += YAMLText.field("goal", goal, of: item, indent: 4) }
            if !target.indicators.isEmpty {
                text += "    indicators:\n" + target.indicators.map { "      - \(YAMLText.scalar($0))\n" }.joined()
            }
        }
        return text
    }

    func projectText(_ draft: ProjectDraft, moneyUnit: String?) -> String {
        "---\n# imported from \(draft.location.file):\(draft.location.line)\n" + sheetFields(draft, moneyUnit: moneyUnit, of: .project) + "---\n"
    }

    /// The department-wide sheet as `overall:`, its keys indented under it; its name only where it is not the unit's.
    private func overallText(_ draft: ProjectDraft, unitName: String, moneyUnit: String?) -> String {
        var draft = draft
        if draft.moneyUnit == moneyUnit { draft.moneyUnit = nil }
        let named = draft.name != unitName
        let fields = sheetFields(draft, moneyUnit: nil, of: .overall).split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            .filter { named || !$0.hasPrefix("name:") }
        return "# imported from \(draft.location.file):\(draft.location.line)\noverall:\n" + fields.map { "  \($0)\n" }.joined()
    }

    /// A sheet's keys in the order of `fields`, for a project file or the unit's `overall:`.
    private func sheetFields(_ draft: ProjectDraft, moneyUnit: String?, of project: FieldSet) -> String {
        var text = ""
        let values: [String: String?] = [
            "name": draft.name, "code": draft.code, "department": draft.department, "implementer": draft.implementer,
            "category": draft.category, "contact": draft.contact, "money_unit": draft.moneyUnit ?? moneyUnit,
            "purpose": draft.purpose, "execution_weight": draft.executionWeight, "goal": draft.goal, "outcome": draft.outcome,
            "indicators_text": draft.indicatorsText,
        ]
        for field in project.fields {
            switch field.key {
            case "funds": text += fundsText(draft)
            case "spending_plan":
                if !draft.spendingPlan.isEmpty {
                    text += "spending_plan: {" + draft.spendingPlan.map { "\($0.month): \($0.percent)" }.joined(separator: ", ") + "}\n"
                }
            case "indicators": text += indicatorsText(draft.indicators)
            case "monitoring": if let monitoring = draft.monitoring { text += monitoringText(monitoring, draft.indicators) }
            default:
                if let value = values[field.key] ?? nil { text += YAMLText.field(field.key, value, of: project) }
            }
        }
        return text
    }

    /// `monitoring:`: the month and figures the sheet gives, and the line of each indicator it fills in.
    private func monitoringText(_ monitoring: MonitoringDraft, _ indicators: [IndicatorDraft]) -> String {
        let fields = FieldSet.monitoring, row = FieldSet.monitoredIndicator
        var text = "monitoring:\n"
        let values: [String: String?] = [
            "month": monitoring.month.map(String.init), "spent": monitoring.spent, "expected_spent": monitoring.expectedSpent, "outcome": monitoring.outcome,
        ]
        for field in fields.fields {
            if field.key == "indicators" {
                let lines = indicators.filter(\.isMonitored)
                guard !lines.isEmpty else { continue }
                text += "  indicators:\n"
                for indicator in lines {
                    let values: [String: String?] = [
                        "name": indicator.name, "progress": indicator.progress, "expected": indicator.expected, "cause": indicator.cause,
                        "likelihood": indicator.likelihood, "measure": indicator.measure,
                    ]
                    text += Self.item(values, of: row, indent: 6)
                }
            } else if let value = values[field.key] ?? nil {
                text += YAMLText.field(field.key, value, of: fields, indent: 2)
            }
        }
        return text
    }

    /// The funds as the draft has them. Sources of a form are written as they are (a bare amount when only
    /// 年初 is known, else a mapping); the total only where the sources do not make it up, so that a total
    /// that disagrees with them is written and `check` names both.
    private func fundsText(_ draft: ProjectDraft) -> String {
        let funds = FieldSet.funds, line = FieldSet.fundLine
        var text = "funds:\n"
        guard !draft.fundLines.isEmpty else {
            if let fiscal = draft.fiscal { text += YAMLText.field("fiscal", fiscal, of: funds, indent: 2) }
            if let other = draft.other { text += YAMLText.field("other", other, of: funds, indent: 2) }
            if draft.budget != nil || draft.spent != nil {
                text += "  total:\n"
                if let total = draft.total { text += YAMLText.field("initial", total, of: line, indent: 4) }
                if let budget = draft.budget { text += YAMLText.field("budget", budget, of: line, indent: 4) }
                if let spent = draft.spent { text += YAMLText.field("spent", spent, of: line, indent: 4) }
            } else if let total = draft.total {
                text += YAMLText.field("total", total, of: funds, indent: 2)
            }
            return text
        }
        let sources = funds.keys.filter { $0 != "total" }.compactMap { key in draft.fundLines[key].map { (key, $0) } }.filter { !$0.1.isEmpty }
        var written = sources
        if let total = draft.fundLines["total"], !total.isEmpty, !Self.adds(sources.map(\.1), up: total) {
            written.append(("total", total))
        }
        for (key, figures) in written {
            if let initial = figures.initial, figures.budget == nil, figures.spent == nil {
                text += YAMLText.field(key, initial, of: funds, indent: 2)
                continue
            }
            text += "  \(key):\n"
            for (name, value) in [("initial", figures.initial), ("budget", figures.budget), ("spent", figures.spent)] {
                if let value { text += YAMLText.field(name, value, of: line, indent: 4) }
            }
        }
        return text
    }

    /// Whether the sources add up to the total in every figure the total gives.
    static func adds(_ sources: [FundLineDraft], up total: FundLineDraft) -> Bool {
        guard !sources.isEmpty else { return false }
        func sum(_ figure: KeyPath<FundLineDraft, String?>) -> Decimal? {
            let values = sources.compactMap { $0[keyPath: figure] }
            guard !values.isEmpty else { return nil }
            var sum: Decimal = 0
            for value in values {
                guard let amount = Amount(parsing: value) else { return nil }
                sum += amount.value
            }
            return sum
        }
        return [\FundLineDraft.initial, \.budget, \.spent].allSatisfy { figure in
            guard let stated = total[keyPath: figure] else { return true }
            return Amount(parsing: stated).map { $0.value == sum(figure) } ?? false
        }
    }

    private func indicatorsText(_ indicators: [IndicatorDraft]) -> String {
        let row = FieldSet.indicator
        var text = "indicators:\n"
        for indicator in indicators {
            let values: [String: String?] = [
                "level1": indicator.level1, "level2": indicator.level2, "name": indicator.name, "target": indicator.target,
                "unit": indicator.unit, "weight": indicator.weight, "nature": indicator.nature, "description": indicator.description,
                "basis": indicator.basis, "note": indicator.note, "actual": indicator.actual, "score": indicator.score,
                "reason": indicator.reason,
            ]
            text += Self.item(values, of: row, indent: 4)
        }
        return text
    }

    /// One item of a list of mappings: its keys in the field table's order at `indent` spaces, the
    /// first after the item's `- `.
    static func item(_ values: [String: String?], of fields: FieldSet, indent: Int) -> String {
        var text = "", first = true
        for field in fields.fields {
            guard let value = values[field.key] ?? nil else { continue }
            let line = YAMLText.field(field.key, value, of: fields, indent: indent)
            text += first ? String(repeating: " ", count: indent - 2) + "- " + line.dropFirst(indent) : line
            first = false
        }
        return text
    }
}
