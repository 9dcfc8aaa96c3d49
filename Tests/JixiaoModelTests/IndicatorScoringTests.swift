import Foundation
import Testing
@testable import JixiaoModel

/// Quantitative (定量) indicators: the formulas of scoring.md, and what the check says about them.
struct IndicatorScoringTests {
    // MARK: The formula, row by row (t target, a actual, w weight = 10), rounded to 2 decimals.

    @Test(arguments: [
        // ≥ (正向): met when a ≥ t, else w × a / t.
        (Comparison.atLeast, "50", "50", "10"),
        (.atLeast, "50", "60", "10"),
        (.atLeast, "50", "1000", "10"),  // never above w
        (.atLeast, "50", "41.3", "8.26"),
        (.atLeast, "50", "25", "5"),
        (.atLeast, "50", "0", "0"),
        (.atLeast, "50", "-5", "0"),  // never below 0
        (.atLeast, "0", "0", "10"),
        (.atLeast, "3", "2", "6.67"),
        // > : met when a > t, else w × a / t.
        (.greater, "10", "11", "10"),
        (.greater, "10", "10.5", "10"),
        (.greater, "10", "5", "5"),
        (.greater, "10", "10", "10"),  // missed, but w × 10 / 10 is still w
        (.greater, "10", "0", "0"),
        (.greater, "0", "0", "0"),
        (.greater, "0", "1", "10"),
        // = : met when a = t, else w × min(a / t, 1); t = 0: a = 0 scores w, anything else 0.
        (.equal, "100", "100", "10"),
        (.equal, "100", "90", "9"),
        (.equal, "100", "110", "10"),
        (.equal, "100", "0", "0"),
        (.equal, "2.4", "1.2", "5"),
        (.equal, "0", "0", "10"),
        (.equal, "0", "1", "0"),
        (.equal, "0", "-1", "0"),
        (.equal, "0", "0.01", "0"),
    ])
    func forward(comparison: Comparison, target: String, actual: String, expected: String) {
        for reverse in Rules.ReverseFormula.allCases {
            let raw = IndicatorScoring.formula(comparison, target: d(target), actual: d(actual), weight: 10, reverse: reverse)
            #expect(raw.roundedHalfUp(2) == d(expected))
        }
    }

    @Test(arguments: [
        // ≤ (反向): met when a ≤ t.
        (Comparison.atMost, "60", "60", "10", "10"),
        (.atMost, "60", "30", "10", "10"),
        (.atMost, "60", "0", "10", "10"),
        (.atMost, "60", "80", "7.5", "6.67"),  // ratio 10 × 60/80; linear 10 × (1 − 20/60)
        (.atMost, "60", "90", "6.67", "5"),
        (.atMost, "60", "120", "5", "0"),  // linear: 0 at 2 × target
        (.atMost, "60", "180", "3.33", "0"),  // and beyond
        (.atMost, "60", "60.6", "9.9", "9.9"),
        (.atMost, "5", "6", "8.33", "8"),
        (.atMost, "0", "0", "10", "10"),
        (.atMost, "0", "3", "0", "0"),  // t = 0 and a > 0
        // < : met when a < t.
        (.less, "100000", "99999", "10", "10"),
        (.less, "100000", "0", "10", "10"),
        (.less, "100000", "100000", "10", "10"),  // missed at a = t, but both formulas give w
        (.less, "100000", "125000", "8", "7.5"),
        (.less, "100000", "200000", "5", "0"),
        (.less, "100000", "250000", "4", "0"),
        (.less, "0", "2", "0", "0"),
    ])
    func reverse(comparison: Comparison, target: String, actual: String, ratio: String, linear: String) {
        let t = d(target), a = d(actual)
        #expect(IndicatorScoring.formula(comparison, target: t, actual: a, weight: 10, reverse: .ratio).roundedHalfUp(2) == d(ratio))
        #expect(IndicatorScoring.formula(comparison, target: t, actual: a, weight: 10, reverse: .linear).roundedHalfUp(2) == d(linear))
    }

    @Test func linearIsExactlyZeroAtTwiceTheTarget() {
        #expect(IndicatorScoring.formula(.atMost, target: 60, actual: 120, weight: 10, reverse: .linear) == 0)
        #expect(IndicatorScoring.formula(.less, target: d("2.5"), actual: 5, weight: 10, reverse: .linear) == 0)
    }

    @Test(arguments: Comparison.allCases)
    func neverAboveWeightNorBelowZero(comparison: Comparison) {
        let values = ["-10", "0", "0.5", "1", "7", "10", "60", "99.99", "1000"]
        for reverse in Rules.ReverseFormula.allCases {
            for t in values where d(t) >= 0 {
                for a in values {
                    let score = IndicatorScoring.formula(comparison, target: d(t), actual: d(a), weight: d("15"), reverse: reverse)
                    #expect(score >= 0 && score <= 15, "\(comparison.rawValue)\(t), actual \(a), \(reverse): \(score)")
                }
            }
        }
    }

    // MARK: Through IndicatorScoring.score: rounding, rules and findings.

    @Test func scoreUsesTheRulesReverseFormula() {
        let row = indicator("≤60", actual: "80", reason: "r")
        #expect(IndicatorScoring.score(row, rules: rules(reverse: .ratio)).score == d("7.5"))
        #expect(IndicatorScoring.score(row, rules: rules(reverse: .linear)).score == d("6.67"))
        #expect(IndicatorScoring.score(row, rules: rules(decimals: 0, reverse: .linear)).score == d("7"))
    }

    @Test func metScoresTheWeightWithoutFindings() {
        for (target, actual) in [("≥10", "10"), (">10", "11"), ("=100", "100"), ("≤60", "60"), ("<100000", "99999"), ("≥95%", "95%"), ("≤5起", "5")] {
            let result = IndicatorScoring.score(indicator(target, actual: actual), rules: rules())
            #expect(result.score == 10, "\(target) / \(actual)")
            #expect(result.findings.isEmpty, "\(target) / \(actual): \(result.findings)")
        }
    }

    @Test func actualMayRepeatTheUnit() {
        #expect(IndicatorScoring.score(indicator("≥95%", actual: "95%"), rules: rules()).score == 10)
        #expect(IndicatorScoring.score(indicator("≥80百分比", actual: "90"), rules: rules()).score == 10)
        #expect(IndicatorScoring.score(indicator("2.4万元", actual: "2.4万元"), rules: rules()).score == 10)
    }

    @Test func actualInAnotherUnitIsAnError() {
        let result = IndicatorScoring.score(indicator("≥95%", actual: "95个"), rules: rules())
        #expect(findings(result.findings, .error, on: "actual").count == 1)
    }

    @Test func actualThatIsNoNumberIsAnError() {
        let result = IndicatorScoring.score(indicator("≥10", actual: "很多"), rules: rules())
        #expect(result.score == nil)
        #expect(findings(result.findings, .error, on: "actual").count == 1)
    }

    @Test func ratingOnAQuantitativeIndicatorIsAnError() {
        let result = IndicatorScoring.score(indicator("≥10", actual: "10", rating: .achieved), rules: rules())
        #expect(findings(result.findings, .error, on: "rating").count == 1)
    }

    @Test func noActualMeansNoScore() {
        let result = IndicatorScoring.score(indicator("≥10"), rules: rules())
        #expect(result.score == nil)
        #expect(result.findings.isEmpty)
    }

    @Test func missingWeightIsAnError() {
        let result = IndicatorScoring.score(indicator("≥10", actual: "10", weight: nil), rules: rules())
        #expect(result.score == nil)
        #expect(findings(result.findings, .error, on: "").count == 1)
    }

    // MARK: Explicit scores

    @Test func explicitScoreEqualToTheFormulaIsQuiet() {
        let result = IndicatorScoring.score(indicator("≥50", actual: "41.3", score: "8.26", reason: "r"), rules: rules())
        #expect(result.score == d("8.26"))
        #expect(result.findings.isEmpty)
    }

    @Test func explicitScoreWithinOneHundredthIsQuiet() {
        for written in ["8.27", "8.25"] {
            let result = IndicatorScoring.score(indicator("≥50", actual: "41.3", score: written, reason: "r"), rules: rules())
            #expect(result.score == d(written))
            #expect(result.findings.isEmpty, "\(written): \(result.findings)")
        }
    }

    @Test func explicitScoreOverridesAndWarnsNamingBoth() {
        let result = IndicatorScoring.score(indicator("≥50", actual: "41.3", score: "9", reason: "r"), rules: rules())
        #expect(result.score == d("9"))
        let warnings = findings(result.findings, .warning, on: "score")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("9") == true)
        #expect(warnings.first?.message.contains("8.26") == true)
        #expect(result.findings.allSatisfy { $0.severity == .warning })
    }

    @Test func explicitScoreJustOverOneHundredthWarns() {
        let result = IndicatorScoring.score(indicator("≥50", actual: "41.3", score: "8.28", reason: "r"), rules: rules())
        #expect(result.score == d("8.28"))
        let warnings = findings(result.findings, .warning, on: "score")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("8.28") == true)
        #expect(warnings.first?.message.contains("8.26") == true)
    }

    @Test func explicitScoreAtTheEdgesOfTheWeightOverrides() {
        let zero = IndicatorScoring.score(indicator("≥10", actual: "10", score: "0", reason: "r"), rules: rules())
        #expect(zero.score == 0)
        #expect(findings(zero.findings, .error, on: "score").isEmpty)
        let full = IndicatorScoring.score(indicator("≥10", actual: "5", score: "10", reason: "r"), rules: rules())
        #expect(full.score == 10)
        #expect(findings(full.findings, .error, on: "score").isEmpty)
    }

    @Test(arguments: ["10.5", "-1", "100"])
    func explicitScoreOutsideTheWeightIsAnErrorAndDoesNotOverride(written: String) {
        let result = IndicatorScoring.score(indicator("≥50", actual: "41.3", score: written, reason: "r"), rules: rules())
        #expect(findings(result.findings, .error, on: "score").count == 1)
        // "overrides the formula only within [0, w]": outside it, the formula stands.
        #expect(result.score == d("8.26"))
    }

    // MARK: Deviations and overachievement

    @Test func belowWeightWithoutReasonWarns() {
        let result = IndicatorScoring.score(indicator("≥50", actual: "41.3"), rules: rules())
        #expect(result.score == d("8.26"))
        let warnings = findings(result.findings, .warning, on: "")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains("8.26") == true)
    }

    @Test func belowWeightWithReasonIsQuiet() {
        let result = IndicatorScoring.score(indicator("≥50", actual: "41.3", reason: "资金拨付延迟"), rules: rules())
        #expect(result.findings.isEmpty)
    }

    @Test func emptyReasonCountsAsMissing() {
        let result = IndicatorScoring.score(indicator("≥50", actual: "41.3", reason: ""), rules: rules())
        #expect(findings(result.findings, .warning, on: "").count == 1)
    }

    @Test func reverseMissedBelowWeightWarns() {
        let result = IndicatorScoring.score(indicator("≤60", actual: "80"), rules: rules())
        #expect(findings(result.findings, .warning, on: "").count == 1)
    }

    /// A score that rounds to its weight is not "scored below its weight": the sheet shows full points.
    @Test func roundedToTheWeightIsNotBelowIt() {
        // ≥100, actual 96, weight 10: 9.6 → 10 at 0 decimals.
        let result = IndicatorScoring.score(indicator("≥100", actual: "96"), rules: rules(decimals: 0))
        #expect(result.score == 10)
        #expect(findings(result.findings, .warning, on: "").isEmpty)
    }

    @Test(arguments: [
        ("≥10", "13", true),  // exactly 1.3 × t
        ("≥10", "20", true),
        ("≥10", "12.99", false),
        (">10", "13", true),
        ("≥95%", "123.5%", true),
        ("≥95%", "123.4%", false),
        ("≤10", "1", false),
        ("=10", "13", false),
        ("≥0", "5", false),
    ])
    func overachievementWithoutReasonWarns(target: String, actual: String, warns: Bool) {
        let result = IndicatorScoring.score(indicator(target, actual: actual), rules: rules())
        #expect(result.score == 10)
        #expect(findings(result.findings, .warning, on: "actual").count == (warns ? 1 : 0))
    }

    @Test func overachievementWithReasonIsQuiet() {
        let result = IndicatorScoring.score(indicator("≥10", actual: "13", reason: "目标设定偏低"), rules: rules())
        #expect(result.findings.isEmpty)
    }

    @Test func overachievementFollowsTheRule() {
        var custom = rules()
        custom.overachieve = d("1.5")
        #expect(IndicatorScoring.score(indicator("≥10", actual: "13"), rules: custom).findings.isEmpty)
        #expect(findings(IndicatorScoring.score(indicator("≥10", actual: "15"), rules: custom).findings, .warning, on: "actual").count == 1)
    }

    /// A fraction typed for a percentage (0.96 for 96%) against a target in %: warned at the actual value,
    /// scored as written.
    @Test(arguments: [
        ("≥95%", nil, "0.96", true), ("≥95", "%", "0.96", true), ("≥95", "百分比", "1", true), ("≥95%", nil, "0.5", true),
        ("≥95%", nil, "96", false), ("≥95%", nil, "0.96%", false), ("≥0.9", "%", "0.95", false), ("≥95", "个", "0.96", false),
        ("≥95%", nil, "0", false), ("≥95%", nil, "1.5", false),
    ] as [(String, String?, String, Bool)])
    func fractionForAPercentage(target: String, unit: String?, actual: String, warned: Bool) {
        let result = IndicatorScoring.score(indicator(target, actual: actual, weight: "10", unit: unit, reason: "r"), rules: Rules())
        let found = result.findings.filter { $0.code == .fractionForPercent }
        #expect(found.count == (warned ? 1 : 0), "\(target) \(actual)")
        if warned {
            #expect(found[0].field == "actual" && found[0].severity == .warning)
            #expect(found[0].message.contains("write \((d(actual) * 100).plain)%"))
        }
    }
}
