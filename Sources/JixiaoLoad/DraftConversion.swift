import Foundation
import JixiaoModel
import JixiaoTables

/// Turns drafts read from a table into projects, with diagnostics at the table's row and column.
package struct DraftConversion {
    let unit: ProjectReader.UnitDefaults

    /// The project, unless an error stops it, and what there is to say about the draft.
    func project(_ draft: ProjectDraft, slug: String) -> (project: Project?, diagnostics: [Diagnostic]) {
        let sink = DiagnosticSink()
        func at(_ field: String) -> SourceLocation { draft.fieldLocations[field] ?? draft.location }
        func amount(_ text: String?, _ field: String, _ label: String) -> Amount? {
            guard let text else { return nil }
            guard let amount = Amount(parsing: text), amount.value >= 0 else {
                if Amount.exceedsPrecision(parsing: text) {
                    sink.error(.tooManyDigits, "\(label) \(Excerpt.of(text)) has more digits than can be held exactly: \(Decimal.digitsLimit)", at: at(field))
                    return nil
                }
                sink.error(.notAnAmount, "\(label) must be an amount of money that is not negative, not \"\(Excerpt.of(text))\"", at: at(field))
                return nil
            }
            return amount
        }
        let sources = FieldSet.funds, line = FieldSet.fundLine
        var funds = Funds()
        if let fiscal = amount(draft.fiscal, "funds.fiscal", sources.name("fiscal")) { funds.fiscal = FundLine(initial: fiscal) }
        if let other = amount(draft.other, "funds.other", sources.name("other")) { funds.other = FundLine(initial: other) }
        let total = FundLine(initial: amount(draft.total, "funds.total", sources.name("total")),
                             budget: amount(draft.budget, "funds.total.budget", line.name("budget")),
                             spent: amount(draft.spent, "funds.total.spent", line.name("spent")))
        if !total.isEmpty { funds.total = total }
        if funds.total == nil && funds.sumOfSources == nil {
            sink.error(.noFunds, "\(FieldSet.project.name("funds")): the project has no amount (\(sources.label("total")!), \(sources.label("fiscal")!) or \(sources.label("other")!))", at: draft.location)
        }
        if let stated = funds.total?.initial, let sum = funds.sumOfSources?.initial, stated != sum {
            sink.error(.fundsDoNotAdd, "\(sources.name("total")) is \(stated.text), but \(sources.label("fiscal")!) and \(sources.label("other")!) add up to \(sum.text)", at: at("funds.total"))
        }
        if draft.goal == nil { sink.error(.missingField, "\(FieldSet.project.name("goal")) is missing", at: draft.location) }
        if draft.indicators.isEmpty { sink.error(.noIndicators, "\(FieldSet.project.name("indicators")): the project has no indicator rows", at: draft.location) }
        let indicators = draft.indicators.compactMap { indicator($0, sink: sink) }
        let project = Project(
            slug: slug, name: draft.name, code: draft.code, department: draft.department ?? unit.name,
            implementer: draft.implementer ?? unit.name, category: draft.category,
            moneyUnit: draft.moneyUnit.flatMap(MoneyUnit.init(rawValue:)) ?? unit.moneyUnit, funds: funds,
            goal: draft.goal ?? "", indicators: indicators, rules: unit.rules,
            locations: FieldLocations(item: draft.location, fields: locations(draft)))
        return (sink.hasErrors ? nil : project, sink.diagnostics)
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

    private func indicator(_ draft: IndicatorDraft, sink: DiagnosticSink) -> Indicator? {
        func at(_ field: String) -> SourceLocation { draft.fieldLocations[field] ?? draft.location }
        func number(_ text: String?, _ field: String, _ label: String) -> Decimal? {
            guard let text else { return nil }
            guard let value = Decimal.exact(text), value >= 0 else {
                if Decimal.isNumeral(text), Decimal.exceedsPrecision(text) {
                    sink.error(.tooManyDigits, "\(label) \(Excerpt.of(text)) has more digits than can be held exactly: \(Decimal.digitsLimit)", at: at(field))
                    return nil
                }
                sink.error(.notANumber, "\(label) must be a number that is not negative, not \"\(Excerpt.of(text))\"", at: at(field))
                return nil
            }
            return value
        }
        let fields = FieldSet.indicator
        for (field, value) in [("level1", draft.level1), ("level2", draft.level2), ("target", draft.target)] where value.isEmpty {
            sink.error(.missingField, "\(fields.name(field)) is missing", at: at(field))
        }
        let target = Target(parsing: draft.target)
        if let problem = Target.problem(of: draft.target) { sink.add(problem.diagnostic(draft.target, at: at("target"))) }
        if let unit = draft.unit, let written = target.unit, Target.normalizedUnit(unit) != written {
            sink.error(.targetUnitMismatch, "\(fields.name("target")) \"\(Excerpt.of(draft.target))\" is in \(written), but \(fields.name("unit")) is \(Excerpt.of(unit))", at: at("target"))
        }
        var nature: Nature?
        if let text = draft.nature {
            nature = Nature(rawValue: text)
            if nature == nil { sink.error(.notAChoice, "\(fields.name("nature")) must be 正向, 反向 or 定性, not \"\(Excerpt.of(text))\"", at: at("nature")) }
        }
        return Indicator(level1: draft.level1, level2: draft.level2, name: draft.name, target: target, unit: draft.unit,
                         weight: number(draft.weight, "weight", fields.name("weight")), nature: nature, actual: draft.actual,
                         score: number(draft.score, "score", fields.name("score")), reason: draft.reason)
    }
}
