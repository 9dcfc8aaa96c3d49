import Foundation

/// How diagnostics name content fields: the Chinese label of the published sheets, then the key.
package enum Label {
    static let weight = "分值 (weight)"
    static let actual = "实际完成值 (actual)"
    static let target = "指标值 (target)"
    static let score = "得分 (score)"
    static let rating = "评级 (rating)"
    static let reason = "偏差原因分析及改进措施 (reason)"
    static let nature = "指标性质 (nature)"
    static let unit = "计量单位 (unit)"
    static let executionWeight = "预算执行率权重 (execution_weight)"
    static let executionReason = "执行率偏低原因 (execution_reason)"
    static let budget = "全年预算数 (budget)"
    static let spent = "全年执行数 (spent)"
}

extension Decimal {
    /// A rate as a percentage, rounded half-up to two decimals, trailing zeros dropped: 0.826 → 82.6%.
    public var percent: String { (self * 100).roundedHalfUp(2).plain + "%" }
}
