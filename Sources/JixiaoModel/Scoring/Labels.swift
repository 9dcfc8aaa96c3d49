import Foundation

/// How diagnostics name content fields: the Chinese label of the published sheets, then the key,
/// as the field table has them.
enum Label {
    static let weight = FieldSet.indicator.name("weight")
    static let level1 = FieldSet.indicator.name("level1")
    static let target = FieldSet.indicator.name("target")
    static let actual = FieldSet.indicator.name("actual")
    static let score = FieldSet.indicator.name("score")
    static let rating = FieldSet.indicator.name("rating")
    static let reason = FieldSet.indicator.name("reason")
    static let monitoringSpent = FieldSet.monitoring.name("spent")
    static let unit = FieldSet.indicator.name("unit")
    static let executionWeight = FieldSet.project.name("execution_weight")
    static let executionReason = FieldSet.project.name("execution_reason")
    static let budget = FieldSet.fundLine.name("budget")
    static let spent = FieldSet.fundLine.name("spent")
}

extension Decimal {
    /// A rate as a percentage, rounded half-up to two decimals, trailing zeros dropped: 0.826 → 82.6%.
    public var percent: String { (self * 100).roundedHalfUp(2).plain + "%" }
}
