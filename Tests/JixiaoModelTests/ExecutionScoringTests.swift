import Foundation
import Testing
@testable import JixiaoModel

/// 预算执行率: rate = B ÷ A, score = execution_weight × min(rate, 1).
struct ExecutionScoringTests {
    @Test(arguments: [
        ("50", "41.3", "0.826", "8.26"),
        ("100", "100", "1", "10"),
        ("100", "120", "1.2", "10"),  // never above the weight
        ("100", "0", "0", "0"),
        ("18150.89", "18150.89", "1", "10"),
        ("3", "1", nil, "3.33"),
        ("3", "2", nil, "6.67"),
    ] as [(String, String, String?, String)])
    func rateAndScore(budget: String, spent: String, rate: String?, score: String) {
        let (result, findings) = ExecutionScoring.score(project(budget: budget, spent: spent, executionReason: "r"))
        if let rate { #expect(result.rate == d(rate)) }
        #expect(result.rate == d(spent) / d(budget))
        #expect(result.score == d(score))
        #expect(result.weight == 10)
        #expect(result.budget == Amount(budget))
        #expect(result.spent == Amount(spent))
        #expect(findings.map(\.code) == (d(spent) > d(budget) ? [.overspent] : []))
    }

    /// Spending above the budget is said, with the rate; the score stays at the weight.
    @Test(arguments: [("1000", "1000", false), ("1000", "1000.01", true), ("1000", "1200", true), ("0.5", "0.51", true)])
    func overspendingIsWarnedAtTheFunds(budget: String, spent: String, warned: Bool) {
        let (result, found) = ExecutionScoring.score(project(budget: budget, spent: spent, executionReason: "r"))
        let over = found.filter { $0.code == .overspent }
        #expect(over.count == (warned ? 1 : 0))
        #expect(result.score == 10)
        if warned {
            #expect(over[0].field == "funds" && over[0].severity == .warning)
            #expect(over[0].message.contains("预算执行率 \((d(spent) / d(budget)).percent)"))
        }
    }

    @Test func rateIsShownAsAPercentage() {
        let (result, _) = ExecutionScoring.score(project(budget: "50", spent: "41.3", executionReason: "r"))
        #expect(result.rate?.percent == "82.6%")
    }

    @Test func decimalsZero() {
        let (result, _) = ExecutionScoring.score(project(budget: "50", spent: "41.3", executionReason: "r", rules: rules(decimals: 0)))
        #expect(result.rate == d("0.826"))
        #expect(result.score == 8)
    }

    @Test func projectExecutionWeight() {
        let (result, _) = ExecutionScoring.score(project(budget: "50", spent: "41.3", executionReason: "r", executionWeight: 20))
        #expect(result.weight == 20)
        #expect(result.score == d("16.52"))
        let (byRules, _) = ExecutionScoring.score(project(budget: "50", spent: "41.3", executionReason: "r", rules: rules(executionWeight: 5)))
        #expect(byRules.weight == 5)
        #expect(byRules.score == d("4.13"))
    }

    @Test func zeroBudgetWithSpendingIsAnError() {
        let (result, found) = ExecutionScoring.score(project(budget: "0", spent: "5"))
        #expect(result.rate == nil)
        #expect(result.score == nil)
        #expect(findings(found, .error, on: "funds").count == 1)
    }

    @Test func missingBudgetWithSpendingIsAnError() {
        let (result, found) = ExecutionScoring.score(project(spent: "5"))
        #expect(result.score == nil)
        #expect(findings(found, .error, on: "funds").count == 1)
    }

    @Test func zeroBudgetAndZeroSpendingHasNoScoreAndWarns() {
        let (result, found) = ExecutionScoring.score(project(budget: "0", spent: "0"))
        #expect(result.rate == nil)
        #expect(result.score == nil)
        #expect(findings(found, .warning, on: "funds").count == 1)
        #expect(!found.contains { $0.severity == .error })
    }

    @Test func missingSpentIsAnError() {
        let (result, found) = ExecutionScoring.score(project(budget: "50"))
        #expect(result.score == nil)
        #expect(findings(found, .error, on: "funds").count == 1)
    }

    @Test(arguments: [
        ("0.826", true),
        ("0.8999", true),
        ("0", true),
        ("0.9", false),
        ("1", false),
        ("1.1", false),
    ])
    func lowRateWithoutReasonWarns(rate: String, warns: Bool) {
        let spent = (d(rate) * 100).plain
        let (_, without) = ExecutionScoring.score(project(budget: "100", spent: spent))
        #expect(without.filter { $0.code == .lowExecution }.count == (warns ? 1 : 0))
        #expect(without.allSatisfy { $0.severity == .warning })
        let (_, with) = ExecutionScoring.score(project(budget: "100", spent: spent, executionReason: "项目延期"))
        #expect(!with.contains { $0.code == .lowExecution })
    }

    @Test func lowRateWarningShowsTheRate() {
        let (_, found) = ExecutionScoring.score(project(budget: "50", spent: "41.3"))
        #expect(found.count == 1)
        #expect(found.first?.message.contains("82.6%") == true)
    }

    @Test func emptyExecutionReasonCountsAsMissing() {
        let (_, found) = ExecutionScoring.score(project(budget: "50", spent: "41.3", executionReason: ""))
        #expect(findings(found, .warning, on: "funds").count == 1)
    }

    @Test func explainThresholdFollowsTheRule() {
        var custom = rules()
        custom.executionExplainBelow = d("0.8")
        let (_, found) = ExecutionScoring.score(project(budget: "50", spent: "41.3", rules: custom))
        #expect(found.isEmpty)
    }

    /// A is the adjusted budget (全年预算数), or the initial one (年初预算数) where it was not adjusted.
    @Test func budgetFallsBackToInitial() {
        let (fallback, _) = ExecutionScoring.score(project(initial: "40", spent: "36"))
        #expect(fallback.budget == Amount("40"))
        #expect(fallback.rate == d("0.9"))
        #expect(fallback.score == 9)
        let (adjusted, _) = ExecutionScoring.score(project(budget: "50", initial: "40", spent: "36", executionReason: "r"))
        #expect(adjusted.budget == Amount("50"))
        #expect(adjusted.rate == d("0.72"))
        #expect(adjusted.score == d("7.2"))
    }

    /// Over all sources of the project.
    @Test func sourcesAreSummed() {
        var p = project()
        p.funds = Funds(fiscal: FundLine(budget: Amount("30"), spent: Amount("30")),
                        other: FundLine(budget: Amount("20"), spent: Amount("11.3")))
        p.executionReason = "r"
        let (result, found) = ExecutionScoring.score(p)
        #expect(result.budget == Amount("50"))
        #expect(result.spent == Amount("41.3"))
        #expect(result.rate == d("0.826"))
        #expect(result.score == d("8.26"))
        #expect(found.isEmpty)
    }

    @Test func statedTotalWinsOverSources() {
        let funds = Funds(fiscal: FundLine(budget: Amount("30"), spent: Amount("30")),
                          total: FundLine(budget: Amount("50"), spent: Amount("41.3")))
        #expect(funds.overall.budget == Amount("50"))
        #expect(funds.sumOfSources?.budget == Amount("30"))
    }

    /// A source written as a bare number is its initial amount, and counts in A when not adjusted.
    @Test func everySourceCountsInTheBudget() {
        var subject = project(indicators: [], executionReason: "r")
        subject.funds = Funds(fiscal: FundLine(initial: Amount("100"), budget: Amount("120"), spent: Amount("110")),
                              carryover: FundLine(initial: Amount("20")))
        let (result, _) = ExecutionScoring.score(subject)
        #expect(result.budget?.value == d("140"))
        #expect(result.spent?.value == d("110"))
        #expect(result.rate == d("110") / d("140"))
        #expect(result.score == d("7.86"))
    }

    /// A total without year-end figures does not hide the sources' figures.
    @Test func sourcesCarryTheFiguresWhenTheTotalDoesNot() {
        var subject = project(indicators: [], executionReason: "r")
        subject.funds = Funds(fiscal: FundLine(initial: Amount("10"), budget: Amount("10"), spent: Amount("9")),
                              total: FundLine(initial: Amount("10")))
        let (result, findings) = ExecutionScoring.score(subject)
        #expect(result.rate == d("0.9"))
        #expect(findings.isEmpty)
    }
}
