import Foundation
import Testing
@testable import JixiaoModel

/// 四舍五入: half-up, never banker's rounding, never through binary floating point.
struct RoundingTests {
    @Test(arguments: [
        // Binary floating point has 2.675 as 2.67499…, 1.005 as 1.00499…: exact decimals round up.
        ("2.675", 2, "2.68"),
        ("1.005", 2, "1.01"),
        // Banker's rounding would go to the even neighbour: 0.12, 2.66, 0.00, 8, 0, 2, 96.
        ("0.125", 2, "0.13"),
        ("2.665", 2, "2.67"),
        ("0.005", 2, "0.01"),
        ("8.5", 0, "9"),
        ("0.5", 0, "1"),
        ("2.5", 0, "3"),
        ("8.26", 0, "8"),
        ("96.5", 0, "97"),
        ("9.49999", 0, "9"),
        ("8.264", 2, "8.26"),
        ("8.2649999", 2, "8.26"),
        ("10", 2, "10"),
        ("0", 0, "0"),
    ])
    func roundedHalfUp(value: String, places: Int, expected: String) {
        #expect(d(value).roundedHalfUp(places) == d(expected))
    }

    @Test func roundsARepeatingQuotient() {
        let third = Decimal(10) / Decimal(3)  // 3.333…
        #expect(third.roundedHalfUp(2) == d("3.33"))
        let twoThirds = Decimal(20) / Decimal(3)  // 6.666…
        #expect(twoThirds.roundedHalfUp(2) == d("6.67"))
        #expect(twoThirds.roundedHalfUp(0) == d("7"))
    }

    @Test(arguments: [
        ("2.675", 2, "2.68"),
        ("8.5", 0, "9"),
        ("60", 2, "60.00"),
        ("0.5", 1, "0.5"),
        ("18150.89", 2, "18150.89"),
        ("0.125", 2, "0.13"),
    ])
    func fixed(value: String, places: Int, expected: String) {
        #expect(d(value).fixed(places) == expected)
    }

    @Test(arguments: [
        ("8.50", "8.5"),
        ("100.00", "100"),
        ("96.52", "96.52"),
        ("0", "0"),
        ("10", "10"),
    ])
    func plain(value: String, expected: String) {
        #expect(d(value).plain == expected)
    }

    /// Rates are shown as percentages rounded half-up to two decimals, trailing zeros dropped.
    @Test(arguments: [
        ("0.826", "82.6%"),
        ("1", "100%"),
        ("0.862", "86.2%"),
        ("0.9", "90%"),
        ("0.12345", "12.35%"),
        ("0.000125", "0.01%"),
        ("1.2", "120%"),
        ("0", "0%"),
    ])
    func percent(rate: String, expected: String) {
        #expect(d(rate).percent == expected)
    }

    @Test func percentOfARepeatingQuotient() {
        #expect((Decimal(2) / Decimal(3)).percent == "66.67%")
    }

    /// Scores ending in 5 at the third decimal, through the formulas themselves.
    @Test func scoringRoundsHalfUp() {
        // ≥40, actual 10.7, weight 10: 10 × 10.7 / 40 = 2.675 exactly → 2.68.
        #expect(IndicatorScoring.score(indicator("≥40", actual: "10.7", reason: "r"), rules: rules()).score == d("2.68"))
        // ≥8, actual 6.5, weight 10: 8.125 → 8.13 (banker's: 8.12).
        #expect(IndicatorScoring.score(indicator("≥8", actual: "6.5", reason: "r"), rules: rules()).score == d("8.13"))
        // ≥8, actual 0.1, weight 10: 0.125 → 0.13.
        #expect(IndicatorScoring.score(indicator("≥8", actual: "0.1", reason: "r"), rules: rules()).score == d("0.13"))
        // decimals 0: ≥4, actual 3.4, weight 10: 8.5 → 9 (banker's: 8).
        #expect(IndicatorScoring.score(indicator("≥4", actual: "3.4", reason: "r"), rules: rules(decimals: 0)).score == d("9"))
        // decimals 0: ≥20, actual 1, weight 10: 0.5 → 1.
        #expect(IndicatorScoring.score(indicator("≥20", actual: "1", reason: "r"), rules: rules(decimals: 0)).score == d("1"))
        // ≤ ratio: ≤60, actual 80, weight 10: 7.5 → 8 at 0 decimals.
        #expect(IndicatorScoring.score(indicator("≤60", actual: "80", reason: "r"), rules: rules(decimals: 0)).score == d("8"))
    }

    @Test func executionScoreRoundsHalfUp() {
        // A = 40, B = 10.7: rate 0.2675, 10 × 0.2675 = 2.675 → 2.68.
        let (result, _) = ExecutionScoring.score(project(budget: "40", spent: "10.7", executionReason: "r"))
        #expect(result.rate == d("0.2675"))
        #expect(result.score == d("2.68"))
        // decimals 0: A = 20, B = 17: 8.5 → 9.
        let (whole, _) = ExecutionScoring.score(project(budget: "20", spent: "17", executionReason: "r", rules: rules(decimals: 0)))
        #expect(whole.score == d("9"))
    }
}
