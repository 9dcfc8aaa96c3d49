import Foundation
@testable import JixiaoModel

/// An exact Decimal from its written digits (never through a Double literal).
func d(_ text: String) -> Decimal {
    guard let value = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else {
        fatalError("not a decimal: \(text)")
    }
    return value
}

/// Rules with the national defaults, changed where asked.
func rules(decimals: Int = 2, reverse: Rules.ReverseFormula = .ratio, executionWeight: Decimal = 10) -> Rules {
    var rules = Rules()
    rules.decimals = decimals
    rules.reverseFormula = reverse
    rules.executionWeight = executionWeight
    return rules
}

/// One indicator row, quantitative or qualitative by its target.
func indicator(_ target: String, actual: String? = nil, weight: String? = "10", level1: String = "产出指标",
               unit: String? = nil, nature: Nature? = nil, rating: Rating? = nil, score: String? = nil,
               reason: String? = nil) -> Indicator
{
    Indicator(level1: level1, level2: "数量指标", name: "指标", target: Target(parsing: target), unit: unit,
              weight: weight.map(d), nature: nature, actual: actual, rating: rating, score: score.map(d),
              reason: reason)
}

/// A project whose funds are only a total line.
func project(budget: String? = nil, initial: String? = nil, spent: String? = nil, indicators: [Indicator] = [],
             executionReason: String? = nil, executionWeight: Decimal? = nil, rules: Rules = Rules(),
             moneyUnit: MoneyUnit = .wanYuan) -> Project
{
    let line = FundLine(initial: initial.flatMap { Amount($0) }, budget: budget.flatMap { Amount($0) },
                        spent: spent.flatMap { Amount($0) })
    return Project(slug: "p", name: "项目", department: "部门", implementer: "单位", moneyUnit: moneyUnit,
                   funds: Funds(total: line.isEmpty ? nil : line), executionWeight: executionWeight,
                   executionReason: executionReason, indicators: indicators, rules: rules)
}

/// Findings of one severity on one field.
func findings(_ list: [Finding], _ severity: Diagnostic.Severity, on field: String) -> [Finding] {
    list.filter { $0.severity == severity && $0.field == field }
}
