import Foundation

/// The score of one indicator, by scoring.md.
public struct IndicatorResult: Sendable, Hashable {
    /// Rounded to rules.decimals; `nil` when there is nothing to score or it cannot be scored.
    public var score: Decimal?
    /// Fields relative to the indicator (`actual`, `score` …); empty for the indicator itself.
    public var findings: [Finding]
}

public enum IndicatorScoring {
    /// Scores an indicator that has an actual value (a goal table's indicators have none: `nil`).
    public static func score(_ indicator: Indicator, rules: Rules) -> IndicatorResult {
        guard let actual = indicator.actual else { return IndicatorResult(score: nil, findings: []) }
        guard let weight = indicator.weight else {
            return IndicatorResult(score: nil, findings: [Finding(.weightMissing, .error, "", "\(Label.weight) is missing: the indicator cannot be scored")])
        }
        var result = indicator.isQualitative
            ? qualitative(indicator, actual: actual, weight: weight, rules: rules)
            : quantitative(indicator, actual: actual, weight: weight, rules: rules)
        if let score = result.score {
            let rounded = score.roundedHalfUp(rules.decimals)
            result.score = rounded
            // Below its weight as scored on the sheet: a score that rounds to the weight is full points.
            if rounded < weight, indicator.reason?.isEmpty ?? true {
                result.findings.append(Finding(.belowWeight, .warning, "", "\(Label.score) \(rounded.plain) is below its \(Label.weight) \(weight.plain): give 偏差原因分析及改进措施 (reason)"))
            }
        }
        return result
    }

    /// The formula's score of a quantitative indicator, unrounded, within [0, w].
    public static func formula(_ comparison: Comparison, target t: Decimal, actual a: Decimal, weight w: Decimal,
                               reverse: Rules.ReverseFormula) -> Decimal
    {
        let raw: Decimal
        switch comparison {
        case .atLeast, .greater:
            let met = comparison == .atLeast ? a >= t : a > t
            raw = met ? w : (t == 0 ? 0 : w * a / t)
        case .equal:
            if t == 0 { raw = a == 0 ? w : 0 } else { raw = a == t ? w : w * min(a / t, 1) }
        case .atMost, .less:
            let met = comparison == .atMost ? a <= t : a < t
            if met {
                raw = w
            } else if t == 0 {
                raw = 0
            } else {
                switch reverse {
                case .ratio: raw = w * t / a
                case .linear: raw = w * max(0, 1 - (a - t) / t)
                }
            }
        }
        return min(max(raw, 0), w)
    }

    private static func quantitative(_ indicator: Indicator, actual: String, weight: Decimal, rules: Rules) -> IndicatorResult {
        let target = indicator.target
        guard let comparison = target.comparison, let t = target.value else {
            // Declared 定性 handled elsewhere; a quantitative target always has both.
            return IndicatorResult(score: nil, findings: [])
        }
        var findings: [Finding] = []
        if indicator.rating != nil {
            findings.append(Finding(.ratingOnNumber, .error, "rating", "\(Label.rating) is for 定性 (qualitative) indicators only; the target \"\(Excerpt.of(target.text))\" is a number"))
        }
        let read = Target(parsing: actual)
        guard case let .quantitative(.equal, a, actualUnit) = read.meaning else {
            findings.append(Finding(.actualNotANumber, .error, "actual", "\(Label.actual) \"\(Excerpt.of(actual))\" is not a number, but the target \"\(Excerpt.of(target.text))\" is; write the number, or mark the indicator 定性 (nature: 定性)"))
            return IndicatorResult(score: nil, findings: findings)
        }
        if let actualUnit, let unit = indicator.unit, Target.normalizedUnit(unit) != actualUnit {
            findings.append(Finding(.actualUnitMismatch, .error, "actual", "\(Label.actual) \"\(Excerpt.of(actual))\" is in \(actualUnit), but the indicator's \(Label.unit) is \(unit)"))
        }
        if let fraction = fractionOfAPercentage(indicator, actual: a, actualUnit: actualUnit) {
            findings.append(fraction)
        }
        let computed = formula(comparison, target: t, actual: a, weight: weight, reverse: rules.reverseFormula)
        var score = computed
        if let explicit = indicator.score {
            if explicit < 0 || explicit > weight {
                // An explicit score overrides the formula only within [0, w]; outside it the formula stands.
                findings.append(Finding(.scoreOutOfRange, .error, "score", "\(Label.score) \(explicit.plain) is outside 0 to its \(Label.weight) \(weight.plain)"))
            } else {
                score = explicit
                let rounded = computed.roundedHalfUp(rules.decimals)
                if abs(explicit - rounded) > Decimal(string: "0.01")! {
                    findings.append(Finding(.scoreDiffers, .warning, "score", "\(Label.score) \(explicit.plain) differs from the formula's \(rounded.plain) (\(target.text) with actual \(a.plain), \(Label.weight) \(weight.plain))"))
                }
            }
        }
        if comparison == .atLeast || comparison == .greater, t > 0, a >= rules.overachieve * t,
           indicator.reason?.isEmpty ?? true
        {
            findings.append(Finding(.overachieved, .warning, "actual", "\(Label.actual) \(a.plain) is at least \(rules.overachieve.plain) × the target \(t.plain): the target may have been set too low; explain it in \(Label.reason)"))
        }
        return IndicatorResult(score: score, findings: findings)
    }

    /// An actual value copied from a cell formatted as a percentage (0.96 for 96%) against a target in %:
    /// the number is scored as written, and the warning says what was probably meant.
    static func fractionOfAPercentage(_ indicator: Indicator, actual a: Decimal, actualUnit: String?) -> Finding? {
        let target = indicator.target
        let inPercent = target.unit == "%" || (target.unit == nil && indicator.unit.map(Target.normalizedUnit) == "%")
        guard inPercent, actualUnit == nil, let t = target.value, t > 1, a > 0, a <= 1 else { return nil }
        return Finding(.fractionForPercent, .warning, "actual",
                       "\(Label.actual) \(a.plain) looks like a fraction, but the target \"\(target.text)\" is a percentage: write \((a * 100).plain)% (it is scored as \(a.plain))")
    }

    private static func qualitative(_ indicator: Indicator, actual: String, weight: Decimal, rules: Rules) -> IndicatorResult {
        let clean = Trim.whitespace
        if let rating = indicator.rating {
            guard let explicit = indicator.score else {
                let score = weight * rating.floor
                let finding = Finding(.ratingWithoutScore, .warning, "rating", "\(Label.rating) \(rating.rawValue) without \(Label.score): scored \(score.roundedHalfUp(rules.decimals).plain) of \(weight.plain), the floor of its band (rules.qualitative_default: floor)")
                return IndicatorResult(score: score, findings: [finding])
            }
            guard rating.contains(explicit, weight: weight) else {
                let band = rating.band
                let upper = band.upperInclusive ? "\((band.upper * weight).plain)" : "under \((band.upper * weight).plain)"
                let message = "\(Label.score) \(explicit.plain) is outside the band of \(rating.rawValue): \((band.lower * weight).plain) to \(upper) (\(band.lower.percent)–\(band.upper.percent) of \(Label.weight) \(weight.plain))"
                return IndicatorResult(score: min(max(explicit, 0), weight), findings: [Finding(.scoreOutOfRange, .error, "score", message)])
            }
            return IndicatorResult(score: explicit, findings: [])
        }
        if let explicit = indicator.score {
            guard explicit >= 0, explicit <= weight else {
                return IndicatorResult(score: min(max(explicit, 0), weight), findings: [Finding(.scoreOutOfRange, .error, "score", "\(Label.score) \(explicit.plain) is outside 0 to its \(Label.weight) \(weight.plain)")])
            }
            return IndicatorResult(score: explicit, findings: [])
        }
        if clean(actual) == clean(indicator.target.text) {
            return IndicatorResult(score: weight, findings: [])
        }
        let message = "定性 indicator cannot be scored: \(Label.actual) \"\(Excerpt.of(actual))\" is not the target \"\(Excerpt.of(indicator.target.text))\", and there is no \(Label.rating) (达成 / 部分达成 / 未达成) or \(Label.score)"
        return IndicatorResult(score: nil, findings: [Finding(.unscorable, .error, "actual", message)])
    }
}
