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
        if let value = reader.nonNegative("overachieve") { rules.overachieve = value }
        if let value = reader.nonNegative("execution_explain_below") { rules.executionExplainBelow = value }
        if let weights = namedNumbers(reader, "level1_weights") { rules.level1Weights = weights }
        if let grades = namedNumbers(reader, "grades") {
            rules.grades = grades.map { (name: $0.name, minimum: $0.weight) }.sorted { $0.minimum > $1.minimum }
        }
        return rules
    }

    /// A mapping of names to numbers, in the order written (`{产出指标: 50, 效益指标: 30}`).
    private static func namedNumbers(_ reader: MappingReader, _ key: String) -> [(name: String, weight: Decimal)]? {
        guard let pairs = reader.pairs(key) else { return nil }
        var result: [(name: String, weight: Decimal)] = []
        for pair in pairs {
            guard let text = pair.value.string, let value = Decimal.exact(text), value >= 0 else {
                reader.sink.error(.negative, "\(reader.fields.name(key)): `\(pair.key)` must be a number that is not negative", at: reader.location(of: pair.value))
                continue
            }
            result.append((pair.key, value))
        }
        return result
    }
}
