import Foundation

/// 预算执行率 and its points.
public struct ExecutionResult: Sendable, Hashable {
    public var weight: Decimal
    /// A: 全年预算数 over all sources.
    public var budget: Amount?
    /// B: 全年执行数 over all sources.
    public var spent: Amount?
    /// B ÷ A, unrounded; `nil` when A is zero or missing.
    public var rate: Decimal?
    /// weight × min(rate, 1), rounded; `nil` when there is no rate.
    public var score: Decimal?
}

public enum ExecutionScoring {
    public static func score(_ project: Project) -> (ExecutionResult, [Finding]) {
        let rules = project.rules
        let line = project.funds.execution
        let weight = project.executionWeight
        var result = ExecutionResult(weight: weight, budget: line.budget, spent: line.spent)
        guard let spent = line.spent else {
            return (result, [Finding(.spentMissing, .error, "funds", "\(Label.spent) is missing: a self-evaluation needs funds with `spent` (全年执行数)")])
        }
        let budget = line.budget ?? .zero
        if budget.value == 0 {
            if spent.value > 0 {
                return (result, [Finding(.zeroBudget, .error, "funds", "\(Label.spent) is \(spent.text) but \(Label.budget) is 0: the execution rate cannot be computed")])
            }
            return (result, [Finding(.nothingBudgeted, .warning, "funds", "\(Label.budget) and \(Label.spent) are both 0: no 预算执行率 score; the total is the indicators' alone")])
        }
        let rate = spent.value / budget.value
        result.rate = rate
        result.score = (weight * min(rate, 1)).roundedHalfUp(rules.decimals)
        var findings: [Finding] = []
        if rate > 1 {
            findings.append(Finding(.overspent, .warning, "funds",
                                    "\(Label.spent) \(spent.text) is more than \(Label.budget) \(budget.text): 预算执行率 \(rate.percent); its score is capped at \(Label.executionWeight) \(weight.plain)"))
        }
        if rate < rules.executionExplainBelow, project.executionReason?.isEmpty ?? true {
            findings.append(Finding(.lowExecution, .warning, "funds", "预算执行率 \(rate.percent) is below \(rules.executionExplainBelow.percent): explain it in \(Label.executionReason)"))
        }
        return (result, findings)
    }
}
