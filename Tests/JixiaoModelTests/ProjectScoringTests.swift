import Foundation
import Testing
@testable import JixiaoModel

/// A project's self-evaluation sheet: totals, grades, and the checks of weights and deviations.
struct ProjectScoringTests {
    /// The worked example at the end of scoring.md: A = 50, B = 41.3, execution weight 10, nine
    /// indicators of weight 10, one of them ≥50 with actual 41.3 and the others met.
    static func workedExample(decimals: Int, reasons: Bool = true) -> Project {
        let rows = [
            indicator("≥50", actual: "41.3", level1: "产出指标", reason: reasons ? "部分设备未到货" : nil),
            indicator("≥10", actual: "10", level1: "产出指标", unit: "个"),
            indicator("≥95%", actual: "98%", level1: "产出指标"),
            indicator("按时完成", actual: "按时完成", level1: "产出指标"),
            indicator("≤60", actual: "55", level1: "产出指标"),
            indicator("有效提高", actual: "有效提高", level1: "效益指标"),
            indicator("=100", actual: "100", level1: "效益指标"),
            indicator("<100000", actual: "80000", level1: "效益指标"),
            indicator("≥90%", actual: "95%", level1: "满意度指标"),
        ]
        return project(budget: "50", spent: "41.3", indicators: rows,
                       executionReason: reasons ? "项目采购延期" : nil, rules: rules(decimals: decimals))
    }

    @Test func workedExampleTwoDecimals() throws {
        let evaluation = ProjectScoring.evaluate(Self.workedExample(decimals: 2))
        let execution = try #require(evaluation.execution)
        #expect(execution.rate == d("0.826"))
        #expect(execution.rate?.percent == "82.6%")
        #expect(execution.score == d("8.26"))
        #expect(evaluation.indicatorScores.first == d("8.26"))
        #expect(evaluation.indicatorScores.dropFirst().allSatisfy { $0 == 10 })
        #expect(evaluation.indicatorScores.count == 9)
        #expect(evaluation.total == d("96.52"))
        #expect(evaluation.grade == "优")
        #expect(evaluation.findings.isEmpty, "\(evaluation.findings)")
    }

    @Test func workedExampleZeroDecimals() throws {
        let evaluation = ProjectScoring.evaluate(Self.workedExample(decimals: 0))
        let execution = try #require(evaluation.execution)
        #expect(execution.rate == d("0.826"))
        #expect(execution.score == 8)
        #expect(evaluation.indicatorScores.first == 8)
        #expect(evaluation.total == 96)
        #expect(evaluation.grade == "优")
    }

    @Test func workedExampleWithoutReasonsWarns() {
        let evaluation = ProjectScoring.evaluate(Self.workedExample(decimals: 2, reasons: false))
        #expect(evaluation.total == d("96.52"))
        #expect(evaluation.findings.allSatisfy { $0.severity == .warning })
        #expect(findings(evaluation.findings, .warning, on: "indicators.0").count == 1)
        #expect(findings(evaluation.findings, .warning, on: "funds").count == 1)
        #expect(evaluation.findings.count == 2)
    }

    @Test func level1Points() {
        let evaluation = ProjectScoring.evaluate(Self.workedExample(decimals: 2))
        #expect(evaluation.level1Points.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(evaluation.level1Points.map(\.weight) == [50, 30, 10])
    }

    /// The total is the sum of the rounded scores, not the rounded sum.
    @Test func totalIsTheSumOfRoundedScores() {
        // Two indicators of 8.125 each (≥8, actual 6.5, weight 10) → 8.13 + 8.13, not round(16.25).
        var p = Self.workedExample(decimals: 2)
        p.indicators[1] = indicator("≥8", actual: "6.5", level1: "产出指标", reason: "r")
        p.indicators[2] = indicator("≥8", actual: "6.5", level1: "产出指标", reason: "r")
        let evaluation = ProjectScoring.evaluate(p)
        #expect(evaluation.indicatorScores[1] == d("8.13"))
        #expect(evaluation.total == d("8.26") + d("8.26") + d("8.13") + d("8.13") + 60)
        // decimals 0: ≥4, actual 3.4 → 8.5 → 9 twice: 18, where the unrounded sum 17 would round to 17.
        var whole = Self.workedExample(decimals: 0)
        whole.indicators[1] = indicator("≥4", actual: "3.4", level1: "产出指标", reason: "r")
        whole.indicators[2] = indicator("≥4", actual: "3.4", level1: "产出指标", reason: "r")
        #expect(ProjectScoring.evaluate(whole).total == d("94"))  // 8 + 8 + 9 + 9 + 60
    }

    @Test func zeroBudgetAndSpendingTotalsTheIndicatorsAlone() {
        var p = Self.workedExample(decimals: 2)
        p.funds = Funds(total: FundLine(budget: Amount("0"), spent: Amount("0")))
        let evaluation = ProjectScoring.evaluate(p)
        #expect(evaluation.execution?.score == nil)
        #expect(evaluation.total == d("88.26"))
        #expect(evaluation.grade == "良")
        #expect(findings(evaluation.findings, .warning, on: "funds").count == 1)
    }

    @Test func unscorableIndicatorLeavesNoTotal() {
        var p = Self.workedExample(decimals: 2)
        p.indicators[3] = indicator("按时完成", actual: "基本完成", level1: "产出指标")
        let evaluation = ProjectScoring.evaluate(p)
        #expect(evaluation.indicatorScores[3] == nil)
        #expect(evaluation.total == nil)
        #expect(evaluation.grade == nil)
        #expect(findings(evaluation.findings, .error, on: "indicators.3.actual").count == 1)
    }

    @Test func missingActualInASelfEvaluationIsAnError() {
        var p = Self.workedExample(decimals: 2)
        p.indicators[4].actual = nil
        let evaluation = ProjectScoring.evaluate(p)
        #expect(findings(evaluation.findings, .error, on: "indicators.4").count == 1)
        #expect(evaluation.total == nil)
    }

    @Test func indicatorFindingsArePlacedUnderTheirRow() {
        var p = Self.workedExample(decimals: 2)
        p.indicators[5] = indicator("有效提高", actual: "有所提高", level1: "效益指标", rating: .partlyAchieved, score: "9")
        let evaluation = ProjectScoring.evaluate(p)
        #expect(findings(evaluation.findings, .error, on: "indicators.5.score").count == 1)
        #expect(findings(evaluation.findings, .warning, on: "indicators.5").count == 1)  // below weight, no reason
    }

    // MARK: Goal tables

    @Test func goalTableHasNoScores() {
        var p = Self.workedExample(decimals: 2)
        p.funds = Funds(total: FundLine(initial: Amount("50")))
        for index in p.indicators.indices { p.indicators[index].actual = nil }
        #expect(!p.isSelfEvaluation)
        let evaluation = ProjectScoring.evaluate(p)
        #expect(evaluation.execution == nil)
        #expect(evaluation.total == nil)
        #expect(evaluation.grade == nil)
        #expect(evaluation.indicatorScores.allSatisfy { $0 == nil })
        #expect(evaluation.findings.isEmpty)
    }

    @Test func selfEvaluationBySpentOrByActual() {
        #expect(project(budget: "50", spent: "0").isSelfEvaluation)
        #expect(project(budget: "50", indicators: [indicator("≥10", actual: "10")]).isSelfEvaluation)
        #expect(!project(budget: "50", indicators: [indicator("≥10")]).isSelfEvaluation)
    }

    // MARK: Weights

    static func goalTable(weights: [String], executionWeight: Decimal? = nil) -> Project {
        let level1 = ["产出指标", "效益指标", "满意度指标"]
        let rows = weights.enumerated().map { indicator("≥10", weight: $0.element, level1: level1[$0.offset % 3]) }
        return project(initial: "50", indicators: rows, executionWeight: executionWeight)
    }

    @Test func weightsNotAddingUpTo100WarnOnAGoalTable() {
        let evaluation = ProjectScoring.evaluate(Self.goalTable(weights: ["50", "30", "5"]))
        let warnings = findings(evaluation.findings, .warning, on: "indicators")
        #expect(warnings.contains { $0.message.contains("95") })
        #expect(!evaluation.findings.contains { $0.severity == .error })
    }

    @Test func weightsNotAddingUpTo100AreAnErrorOnASelfEvaluation() {
        var p = Self.workedExample(decimals: 2)
        p.indicators[8].weight = 5
        p.indicators[8].actual = "95%"
        let evaluation = ProjectScoring.evaluate(p)
        let errors = findings(evaluation.findings, .error, on: "indicators")
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("95") == true)
    }

    @Test func weightsOf100AreQuiet() {
        #expect(ProjectScoring.evaluate(Self.goalTable(weights: ["50", "30", "10"])).findings.isEmpty)
        // The execution weight counts: a project with execution_weight 20 needs indicators of 80.
        let twenty = ProjectScoring.evaluate(Self.goalTable(weights: ["50", "30", "10"], executionWeight: 20))
        #expect(findings(twenty.findings, .warning, on: "indicators").contains { $0.message.contains("110") })
    }

    @Test func level1SplitDifferingWarns() {
        // 40 + 40 + 10 + 10 (execution) = 100, but the split is not 50/30/10.
        let evaluation = ProjectScoring.evaluate(Self.goalTable(weights: ["40", "40", "10"]))
        let warnings = findings(evaluation.findings, .warning, on: "indicators")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("产出指标 40") == true)
        #expect(!evaluation.findings.contains { $0.severity == .error })
    }

    @Test func level1SplitDifferingIsOnlyAWarningOnASelfEvaluation() {
        var p = Self.workedExample(decimals: 2)
        p.indicators[4].level1 = "效益指标"  // 产出 40, 效益 40, 满意度 10
        let evaluation = ProjectScoring.evaluate(p)
        #expect(findings(evaluation.findings, .warning, on: "indicators").count == 1)
        #expect(!evaluation.findings.contains { $0.severity == .error })
        #expect(evaluation.total == d("96.52"))
    }

    @Test func level1SplitFollowsTheRule() {
        var p = Self.goalTable(weights: ["40", "40", "10"])
        p.rules.level1Weights = [("产出指标", 40), ("效益指标", 40), ("满意度指标", 10)]
        #expect(ProjectScoring.evaluate(p).findings.isEmpty)
    }

    @Test func missingWeightOnAGoalTableWarnsPerRow() {
        let evaluation = ProjectScoring.evaluate(Self.goalTable(weights: ["50", "30"]).with { $0.indicators.append(indicator("≥10", weight: nil)) })
        #expect(findings(evaluation.findings, .warning, on: "indicators.2").count == 1)
    }

    @Test func goalTableWithoutAnyWeightIsQuiet() {
        let p = project(initial: "50", indicators: [indicator("≥10", weight: nil), indicator("按时完成", weight: nil)])
        #expect(ProjectScoring.evaluate(p).findings.isEmpty)
    }

    // MARK: Grades through the sheet

    @Test func customGradesApplyToTheTotal() {
        var p = Self.workedExample(decimals: 2)
        p.rules.grades = [("A", 97), ("B", 90)]
        p.rules.lowestGrade = "C"
        #expect(ProjectScoring.evaluate(p).grade == "B")
        p.rules.grades = [("A", d("96.52"))]
        #expect(ProjectScoring.evaluate(p).grade == "A")
    }
}

extension Project {
    func with(_ change: (inout Project) -> Void) -> Project {
        var copy = self
        change(&copy)
        return copy
    }
}
