import Foundation

/// The scoring rules of content/site.yaml (`rules:`), with the national defaults.
public struct Rules: Sendable {
    public enum ReverseFormula: String, Sendable, Hashable, CaseIterable {
        /// w × t / a
        case ratio
        /// w × max(0, 1 − (a − t) / t)
        case linear
    }

    public enum QualitativeDefault: String, Sendable, Hashable, CaseIterable {
        /// The lowest score of the rating's band: 达成 100%, 部分达成 60%, 未达成 0%.
        case floor
    }

    /// 预算执行率 points.
    public var executionWeight: Decimal = 10
    /// Expected points of each first-level indicator group, in the order shown.
    public var level1Weights: [(name: String, weight: Decimal)] = [("产出指标", 50), ("效益指标", 30), ("满意度指标", 10)]
    public var reverseFormula: ReverseFormula = .ratio
    public var qualitativeDefault: QualitativeDefault = .floor
    /// Decimals every score is rounded to, half-up.
    public var decimals: Int = 2
    /// Lower bounds of the grades, inclusive, highest first; below the last is 差.
    public var grades: [(name: String, minimum: Decimal)] = [("优", 90), ("良", 80), ("中", 60)]
    public var lowestGrade = "差"
    /// On a ≥ indicator, actual ≥ overachieve × target wants an explanation.
    public var overachieve = Decimal(sign: .plus, exponent: -1, significand: 13)
    /// An execution rate below this wants `execution_reason`.
    public var executionExplainBelow = Decimal(sign: .plus, exponent: -1, significand: 9)
    /// Mid-year monitoring: execution lagging time by more than this many percentage points is red.
    public var monitoringRed: Decimal = 20
    /// … and by more than this many yellow.
    public var monitoringYellow: Decimal = 10

    public init() {}

    public func grade(for total: Decimal) -> String {
        grades.sorted { $0.minimum > $1.minimum }.first { total >= $0.minimum }?.name ?? lowestGrade
    }
}
