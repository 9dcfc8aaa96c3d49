import Foundation
import Testing
@testable import JixiaoModel

/// Qualitative (定性) indicators: matching text, ratings and their bands, explicit scores.
struct QualitativeScoringTests {
    @Test(arguments: ["按时完成", "有效提高", "2022年12月前", "7*24小时", "及时", "是"])
    func actualEqualToTargetScoresFullPoints(text: String) {
        let result = IndicatorScoring.score(indicator(text, actual: text), rules: rules())
        #expect(result.score == 10)
        #expect(result.findings.isEmpty)
    }

    @Test func matchIgnoresSurroundingWhitespace() {
        let result = IndicatorScoring.score(indicator("按时完成", actual: " 按时完成\n"), rules: rules())
        #expect(result.score == 10)
        #expect(result.findings.isEmpty)
    }

    @Test func declaredQualitativeWithANumericTarget() {
        let result = IndicatorScoring.score(indicator("≥90%", actual: "≥90%", nature: .qualitative), rules: rules())
        #expect(result.score == 10)
        #expect(result.findings.isEmpty)
    }

    /// A rating (or a score) says otherwise than the matching text.
    @Test func ratingOverridesMatchingText() {
        let rated = IndicatorScoring.score(indicator("按时完成", actual: "按时完成", rating: .partlyAchieved, score: "7", reason: "r"), rules: rules())
        #expect(rated.score == 7)
        #expect(rated.findings.isEmpty)
        let scored = IndicatorScoring.score(indicator("按时完成", actual: "按时完成", score: "9", reason: "r"), rules: rules())
        #expect(scored.score == 9)
        #expect(scored.findings.isEmpty)
    }

    // MARK: Bands, weight 10: 达成 [8, 10], 部分达成 [6, 8), 未达成 [0, 6).

    @Test(arguments: [
        (Rating.achieved, "8"), (.achieved, "9.5"), (.achieved, "10"),
        (.partlyAchieved, "6"), (.partlyAchieved, "7"), (.partlyAchieved, "7.99"),
        (.notAchieved, "0"), (.notAchieved, "3"), (.notAchieved, "5.99"),
    ])
    func explicitScoreInBand(rating: Rating, score: String) {
        let result = IndicatorScoring.score(indicator("有效提高", actual: "有所提高", rating: rating, score: score, reason: "r"), rules: rules())
        #expect(result.score == d(score))
        #expect(result.findings.isEmpty, "\(rating.rawValue) \(score): \(result.findings)")
    }

    @Test(arguments: [
        (Rating.achieved, "7.99"), (.achieved, "10.01"), (.achieved, "0"),
        (.partlyAchieved, "5.99"), (.partlyAchieved, "8"), (.partlyAchieved, "10"),
        (.notAchieved, "6"), (.notAchieved, "-0.01"), (.notAchieved, "8"),
    ])
    func explicitScoreOutOfBandIsAnError(rating: Rating, score: String) {
        let result = IndicatorScoring.score(indicator("有效提高", actual: "有所提高", rating: rating, score: score, reason: "r"), rules: rules())
        let errors = findings(result.findings, .error, on: "score")
        #expect(errors.count == 1, "\(rating.rawValue) \(score): \(result.findings)")
        #expect(errors.first?.message.contains(rating.rawValue) == true)
        if let score = result.score { #expect(score >= 0 && score <= 10) }
    }

    /// The fixture's case: weight 30, 部分达成 allows 18 to under 24.
    @Test func bandsScaleWithTheWeight() {
        func score(_ rating: Rating, _ score: String) -> IndicatorResult {
            IndicatorScoring.score(indicator("有效提高", actual: "有所提高", weight: "30", rating: rating, score: score, reason: "r"), rules: rules())
        }
        #expect(score(.partlyAchieved, "18").findings.isEmpty)
        #expect(score(.partlyAchieved, "23.99").findings.isEmpty)
        #expect(findings(score(.partlyAchieved, "24").findings, .error, on: "score").count == 1)
        #expect(findings(score(.partlyAchieved, "17.99").findings, .error, on: "score").count == 1)
        #expect(score(.achieved, "24").findings.isEmpty)
        #expect(findings(score(.notAchieved, "18").findings, .error, on: "score").count == 1)
    }

    @Test(arguments: [
        (Rating.achieved, "0.8", "1", true, true),
        (.achieved, "0.79", "1.01", false, false),
        (.partlyAchieved, "0.59", "0.79", false, true),
        (.notAchieved, "-0.01", "0.59", false, true),
        (.partlyAchieved, "0.6", "0.8", true, false),
        (.notAchieved, "0", "0.6", true, false),
    ])
    func bandEdges(rating: Rating, lower: String, upper: String, lowerIn: Bool, upperIn: Bool) {
        #expect(rating.contains(d(lower), weight: 1) == lowerIn)
        #expect(rating.contains(d(upper), weight: 1) == upperIn)
    }

    // MARK: Rating without a score: rules.qualitative_default floor (100%, 60%, 0%) and a warning.

    @Test(arguments: [
        (Rating.achieved, "10", "10"),
        (.partlyAchieved, "10", "6"),
        (.notAchieved, "10", "0"),
        (.partlyAchieved, "30", "18"),
        (.partlyAchieved, "15", "9"),
        (.partlyAchieved, "2.5", "1.5"),
    ])
    func ratingWithoutScoreGetsTheFloor(rating: Rating, weight: String, expected: String) {
        let result = IndicatorScoring.score(indicator("有效提高", actual: "有所提高", weight: weight, rating: rating, reason: "r"), rules: rules())
        #expect(result.score == d(expected))
        let warnings = findings(result.findings, .warning, on: "rating")
        #expect(warnings.count == 1)
        #expect(warnings.first?.message.contains(rating.rawValue) == true)
        #expect(!result.findings.contains { $0.severity == .error })
    }

    @Test func ratingFloors() {
        #expect(Rating.achieved.floor == 1)
        #expect(Rating.partlyAchieved.floor == d("0.6"))
        #expect(Rating.notAchieved.floor == 0)
    }

    // MARK: Unscorable and explicit scores without a rating

    @Test func noMatchNoRatingNoScoreIsAnError() {
        let result = IndicatorScoring.score(indicator("有效提高", actual: "部分提高"), rules: rules())
        #expect(result.score == nil)
        let errors = findings(result.findings, .error, on: "actual")
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("部分提高") == true)
        #expect(errors.first?.message.contains("有效提高") == true)
    }

    @Test func explicitScoreWithoutRating() {
        let result = IndicatorScoring.score(indicator("有效提高", actual: "部分提高", score: "7.5", reason: "r"), rules: rules())
        #expect(result.score == d("7.5"))
        #expect(result.findings.isEmpty)
    }

    @Test(arguments: ["-1", "10.01", "12"])
    func explicitScoreWithoutRatingOutsideTheWeightIsAnError(score: String) {
        let result = IndicatorScoring.score(indicator("有效提高", actual: "部分提高", score: score, reason: "r"), rules: rules())
        #expect(findings(result.findings, .error, on: "score").count == 1)
        if let score = result.score { #expect(score >= 0 && score <= 10) }
    }

    @Test func qualitativeScoresAreRounded() {
        let result = IndicatorScoring.score(indicator("有效提高", actual: "部分提高", score: "7.125", reason: "r"), rules: rules())
        #expect(result.score == d("7.13"))
        let whole = IndicatorScoring.score(indicator("有效提高", actual: "部分提高", weight: "15", rating: .partlyAchieved, reason: "r"), rules: rules(decimals: 0))
        #expect(whole.score == 9)
    }

    @Test func belowWeightWithoutReasonWarns() {
        let result = IndicatorScoring.score(indicator("有效提高", actual: "部分提高", rating: .partlyAchieved, score: "7"), rules: rules())
        #expect(findings(result.findings, .warning, on: "").count == 1)
        let full = IndicatorScoring.score(indicator("有效提高", actual: "有效提高"), rules: rules())
        #expect(full.findings.isEmpty)
    }
}
