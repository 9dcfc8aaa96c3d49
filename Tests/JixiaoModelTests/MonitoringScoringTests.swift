import Foundation
import Testing
@testable import JixiaoModel

/// Mid-year monitoring: execution progress = spent ÷ 全年预算数 (else 年初预算数), time progress = month ÷ 12;
/// red when execution lags time by more than 20 points, yellow by more than 10, green otherwise, and red
/// when an indicator can no longer be met.
struct MonitoringScoringTests {
    func monitored(budget: String? = "100", initial: String? = nil, spent: String, month: Int, likelihoods: [Likelihood?] = [],
                   rules: Rules = Rules()) -> Project
    {
        var project = project(budget: budget, initial: initial, indicators: [indicator("≥10")], rules: rules)
        project.monitoring = Monitoring(month: month, spent: Amount(spent)!, indicators: likelihoods.map { MonitoredIndicator(name: "指标", likelihood: $0) })
        return project
    }

    @Test(arguments: [
        // month 6: time 50%; the lag is 50 − execution, in points
        (6, "40", Light.green, "0.4"),  // lag 10: not more than 10
        (6, "39.99", Light.yellow, "0.3999"),  // 10.01
        (6, "30.01", Light.yellow, "0.3001"),  // 19.99
        (6, "30", Light.yellow, "0.3"),  // 20: not more than 20
        (6, "29.99", Light.red, "0.2999"),  // 20.01
        (6, "80", Light.green, "0.8"),  // ahead of time
        (12, "100", Light.green, "1"),
        (12, "80", Light.yellow, "0.8"),  // 20
        (12, "79", Light.red, "0.79"),  // 21
        (1, "0", Light.green, "0"),  // time 8.33%: a lag of 8.33 points
        (2, "0", Light.yellow, "0"),  // 16.67
        (3, "0", Light.red, "0"),  // 25
    ] as [(Int, String, Light, String)])
    func lightAtAndAroundEachThreshold(month: Int, spent: String, expected: Light, rate: String) throws {
        let result = try #require(MonitoringScoring.evaluate(monitored(spent: spent, month: month), rules: Rules()))
        #expect(result.rate == d(rate))
        #expect(result.timeProgress == Decimal(month) / 12)
        #expect(result.light == expected, "month \(month), spent \(spent)")
    }

    @Test func rulesMoveTheThresholds() throws {
        var rules = Rules()
        rules.monitoringRed = 30
        rules.monitoringYellow = 5
        let project = monitored(spent: "25", month: 6, rules: rules)  // lag 25
        #expect(try #require(MonitoringScoring.evaluate(project, rules: rules)).light == .yellow)
        #expect(try #require(MonitoringScoring.evaluate(monitored(spent: "46", month: 6), rules: rules)).light == .green)
        #expect(try #require(MonitoringScoring.evaluate(monitored(spent: "19", month: 6), rules: rules)).light == .red)
    }

    @Test func anIndicatorThatCannotBeMetIsRed() throws {
        let result = try #require(MonitoringScoring.evaluate(monitored(spent: "50", month: 6, likelihoods: [.certain, .impossible, nil]), rules: Rules()))
        #expect(result.light == .red && result.indicatorLights == [.green, .red, .green])
        let fine = try #require(MonitoringScoring.evaluate(monitored(spent: "50", month: 6, likelihoods: [.possible]), rules: Rules()))
        #expect(fine.light == .green)
    }

    @Test func initialBudgetWhenNoBudgetIsGiven() throws {
        let result = try #require(MonitoringScoring.evaluate(monitored(budget: nil, initial: "200", spent: "50", month: 6), rules: Rules()))
        #expect(result.rate == d("0.25") && result.light == .red)
    }

    /// No budget or a zero one: no rate, the light follows the indicators, and a warning says why.
    @Test(arguments: [(String?.none, String?.none), ("0", nil), (nil, "0")])
    func noBaseForTheRate(budget: String?, initial: String?) throws {
        var project = monitored(budget: budget, initial: initial, spent: "5", month: 6)
        project.funds = Funds(total: FundLine(initial: initial.flatMap { Amount($0) }, budget: budget.flatMap { Amount($0) }))
        let result = try #require(MonitoringScoring.evaluate(project, rules: Rules()))
        #expect(result.rate == nil && result.light == .green)
        #expect(MonitoringScoring.findings(project, result).map(\.code) == [.monitoringWithoutBase])
    }

    @Test func spentAboveBudgetIsWarned() throws {
        let project = monitored(spent: "120", month: 6)
        let result = try #require(MonitoringScoring.evaluate(project, rules: Rules()))
        #expect(result.rate == d("1.2") && result.light == .green)
        #expect(MonitoringScoring.findings(project, result).map(\.code) == [.monitoringSpentAboveBudget])
        let exact = monitored(spent: "100", month: 6)
        #expect(MonitoringScoring.findings(exact, MonitoringScoring.evaluate(exact, rules: Rules())).isEmpty)
    }

    @Test func notMonitoredHasNoResult() {
        #expect(MonitoringScoring.evaluate(project(budget: "1", indicators: [indicator("≥1")]), rules: Rules()) == nil)
        #expect(ProjectScoring.evaluate(project(budget: "1", indicators: [indicator("≥1")])).monitoring == nil)
    }
}
