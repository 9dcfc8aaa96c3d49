import Foundation
import JixiaoModel
import JixiaoTables

/// Turns drafts read from a table into projects, with diagnostics at the table's row and column.
package struct DraftConversion {
    let unit: ProjectReader.UnitDefaults
    let sink: DiagnosticSink

    func project(_ draft: ProjectDraft, slug: String) -> Project? {
        let before = sink.diagnostics.count
        func at(_ field: String) -> SourceLocation { draft.fieldLocations[field] ?? draft.location }
        func amount(_ text: String?, _ field: String, _ label: String) -> Amount? {
            guard let text else { return nil }
            guard let amount = Amount(text.replacingOccurrences(of: ",", with: "")), amount.value >= 0 else {
                sink.error(.notAnAmount, "\(label) must be an amount of money that is not negative, not \"\(text)\"", at: at(field))
                return nil
            }
            return amount
        }
        var funds = Funds()
        if let fiscal = amount(draft.fiscal, "funds.fiscal", "财政拨款 (fiscal)") { funds.fiscal = FundLine(initial: fiscal) }
        if let other = amount(draft.other, "funds.other", "其他资金 (other)") { funds.other = FundLine(initial: other) }
        let total = FundLine(initial: amount(draft.total, "funds.total", "资金总额 (total)"),
                             budget: amount(draft.budget, "funds.total.budget", "全年预算数 (budget)"),
                             spent: amount(draft.spent, "funds.total.spent", "全年执行数 (spent)"))
        if !total.isEmpty { funds.total = total }
        if funds.total == nil && funds.sumOfSources == nil {
            sink.error(.noFunds, "项目资金 (funds): the project has no amount (资金总额, 财政拨款 or 其他资金)", at: draft.location)
        }
        if let stated = funds.total?.initial, let sum = funds.sumOfSources?.initial, stated != sum {
            sink.error(.fundsDoNotAdd, "资金总额 (total) is \(stated.text), but 财政拨款 and 其他资金 add up to \(sum.text)", at: at("funds.total"))
        }
        if draft.goal == nil { sink.error(.missingField, "年度目标 (goal) is missing", at: draft.location) }
        if draft.indicators.isEmpty { sink.error(.noIndicators, "绩效指标 (indicators): the project has no indicator rows", at: draft.location) }
        let indicators = draft.indicators.compactMap(indicator)
        let project = Project(
            slug: slug, name: draft.name, code: draft.code, department: draft.department ?? unit.name,
            implementer: draft.implementer ?? unit.name, category: draft.category,
            moneyUnit: draft.moneyUnit.flatMap(MoneyUnit.init(rawValue:)) ?? unit.moneyUnit, funds: funds,
            goal: draft.goal ?? "", indicators: indicators, rules: unit.rules,
            locations: FieldLocations(item: draft.location, fields: locations(draft)))
        return sink.diagnostics[before...].contains { $0.severity == .error } ? nil : project
    }

    /// Field locations under the paths scoring findings use (`indicators.3.weight`).
    private func locations(_ draft: ProjectDraft) -> [String: SourceLocation] {
        var fields = draft.fieldLocations
        for (index, indicator) in draft.indicators.enumerated() {
            fields["indicators.\(index)"] = indicator.location
            for (field, location) in indicator.fieldLocations { fields["indicators.\(index).\(field)"] = location }
        }
        fields["indicators"] = draft.indicators.first?.location ?? draft.location
        return fields
    }

    private func indicator(_ draft: IndicatorDraft) -> Indicator? {
        func at(_ field: String) -> SourceLocation { draft.fieldLocations[field] ?? draft.location }
        func number(_ text: String?, _ field: String, _ label: String) -> Decimal? {
            guard let text else { return nil }
            guard let value = Decimal.exact(text), value >= 0 else {
                sink.error(.notANumber, "\(label) must be a number that is not negative, not \"\(text)\"", at: at(field))
                return nil
            }
            return value
        }
        for (field, label, value) in [("level1", "一级指标 (level1)", draft.level1), ("level2", "二级指标 (level2)", draft.level2),
                                      ("target", "指标值 (target)", draft.target)] where value.isEmpty
        {
            sink.error(.missingField, "\(label) is missing", at: at(field))
        }
        let target = Target(parsing: draft.target)
        if let unit = draft.unit, let written = target.unit, Target.normalizedUnit(unit) != written {
            sink.error(.targetUnitMismatch, "指标值 (target) \"\(draft.target)\" is in \(written), but 计量单位 (unit) is \(unit)", at: at("target"))
        }
        var nature: Nature?
        if let text = draft.nature {
            nature = Nature(rawValue: text)
            if nature == nil { sink.error(.notAChoice, "指标性质 (nature) must be 正向, 反向 or 定性, not \"\(text)\"", at: at("nature")) }
        }
        return Indicator(level1: draft.level1, level2: draft.level2, name: draft.name, target: target, unit: draft.unit,
                         weight: number(draft.weight, "weight", "分值 (weight)"), nature: nature, actual: draft.actual,
                         score: number(draft.score, "score", "得分 (score)"), reason: draft.reason)
    }
}
