import Foundation
import JixiaoModel

/// Reads `rules:` (site.yaml or a unit's `_unit.md`) over the rules it overrides.
package enum RulesReader {
    static func read(_ reader: MappingReader, over base: Rules) -> Rules {
        var rules = base
        if let value = reader.nonNegative("execution_weight") { rules.executionWeight = value }
        if let value = reader.choice("reverse_formula", Rules.ReverseFormula.self) { rules.reverseFormula = value }
        if let value = reader.choice("qualitative_default", Rules.QualitativeDefault.self) { rules.qualitativeDefault = value }
        if let value = reader.integer("decimals", in: 0 ... 6) { rules.decimals = value }
        if let value = reader.number("overachieve") {
            // 1 would ask for a reason on every met target, below 1 even on missed ones.
            if value > 1 {
                rules.overachieve = value
            } else {
                outOfRange(reader, "overachieve", "a number greater than 1 (1.3: an actual value of 130% of the target)")
            }
        }
        if let value = fraction(reader, "execution_explain_below") { rules.executionExplainBelow = value }
        if let value = reader.nonNegative("monitoring_red") { rules.monitoringRed = value }
        if let value = reader.nonNegative("monitoring_yellow") { rules.monitoringYellow = value }
        // Yellow comes before red: the key written here is the one named.
        if rules.monitoringYellow > rules.monitoringRed {
            if reader.has("monitoring_yellow") {
                outOfRange(reader, "monitoring_yellow", "points of lag no greater than monitoring_red (\(rules.monitoringRed.plain))")
            } else {
                outOfRange(reader, "monitoring_red", "points of lag no fewer than monitoring_yellow (\(rules.monitoringYellow.plain))")
            }
        }
        if let weights = namedNumbers(reader, "level1_weights") { rules.level1Weights = weights }
        if let grades = namedNumbers(reader, "grades") {
            let outside = grades.filter { $0.weight > 100 }
            for grade in outside {
                let pair = reader.pairs("grades")?.first { $0.key == grade.name }
                reader.sink.error(.ruleOutOfRange, "\(reader.fields.name("grades")): `\(Excerpt.of(grade.name))` must be a total from 0 to 100, not \(grade.weight.plain)",
                                  at: pair.map { reader.location(of: $0.value) } ?? reader.locationOf("grades"))
            }
            if grades.isEmpty, reader.pairs("grades")?.isEmpty == true {
                reader.sink.error(.ruleOutOfRange, "\(reader.fields.name("grades")) needs at least one grade with its lowest total (0 to 100), e.g. {优: 90, 良: 80, 中: 60}",
                                  at: reader.locationOf("grades"))
            } else if outside.isEmpty, !grades.isEmpty {
                rules.grades = grades.map { (name: $0.name, minimum: $0.weight) }.sorted { $0.minimum > $1.minimum }
            }
        }
        return rules
    }

    private static func outOfRange(_ reader: MappingReader, _ key: String, _ allowed: String) {
        reader.sink.error(.ruleOutOfRange, "\(reader.fields.name(key)) must be \(allowed), not \"\(Excerpt.of(reader.text(key) ?? ""))\"", at: reader.locationOf(key))
    }

    /// A fraction from 0 to 1 (`0.9`), or a percent written with `%` (`90%`).
    static func fraction(_ reader: MappingReader, _ key: String) -> Decimal? {
        guard let raw = reader.text(key) else { return nil }
        var text = Trim.whitespace(raw)
        let isPercent = text.hasSuffix("%") || text.hasSuffix("％")
        if isPercent { text = Trim.whitespace(String(text.dropLast())) }
        guard let number = Decimal.exact(text), number >= 0, number <= (isPercent ? 100 : 1) else {
            outOfRange(reader, key, "a fraction from 0 to 1 (0.9) or a percent written with % (90%)")
            return nil
        }
        return isPercent ? number / 100 : number
    }

    /// A mapping of names to numbers, in the order written (`{产出指标: 50, 效益指标: 30}`).
    private static func namedNumbers(_ reader: MappingReader, _ key: String) -> [(name: String, weight: Decimal)]? {
        guard let pairs = reader.pairs(key) else { return nil }
        var result: [(name: String, weight: Decimal)] = []
        for pair in pairs {
            guard let text = pair.value.string, let value = Decimal.exact(text), value >= 0 else {
                reader.sink.error(.negative, "\(reader.fields.name(key)): `\(Excerpt.of(pair.key))` must be a number that is not negative", at: reader.location(of: pair.value))
                continue
            }
            result.append((pair.key, value))
        }
        return result
    }
}
