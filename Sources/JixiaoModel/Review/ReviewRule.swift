/// The goal-quality rules of `jixiao review` (审核): what a finance bureau checks in goal tables before
/// they are published, each with the id findings name it by.
public enum ReviewRule: String, Sendable, Hashable, CaseIterable, Comparable {
    case r01 = "R01", r02 = "R02", r03 = "R03", r04 = "R04", r05 = "R05"
    case r06 = "R06", r07 = "R07", r08 = "R08", r09 = "R09", r10 = "R10"

    /// What the rule finds, for the docs, the CLI's help and the report page.
    public var summary: String {
        switch self {
        case .r01: "a 一级指标 is missing (产出指标, 效益指标, 满意度指标)"
        case .r02: "产出指标 lacks one of 数量指标, 质量指标, 时效指标, 成本指标"
        case .r03: "a vague target (有所提升, 进一步 …) where the indicator's name asks for a number"
        case .r04: "too many qualitative (定性) indicators"
        case .r05: "a cost indicator's target exceeds the project's budget"
        case .r06: "a satisfaction target below the floor"
        case .r07: "the indicators are the same as another project's of the unit (copied)"
        case .r08: "a target weaker than last year's target or actual (same 项目编码)"
        case .r09: "一级指标 points differ from the split the rules expect"
        case .r10: "the 年度目标 is missing, too short, or only the project's name"
        }
    }

    /// What the rule finds, in Chinese, for the review page.
    public var chinese: String {
        switch self {
        case .r01: "一级指标不全"
        case .r02: "产出指标不全"
        case .r03: "指标值表述模糊"
        case .r04: "定性指标过多"
        case .r05: "成本指标超过预算"
        case .r06: "满意度目标偏低"
        case .r07: "指标与其他项目雷同"
        case .r08: "指标值低于上年"
        case .r09: "一级指标分值不符"
        case .r10: "年度目标不具体"
        }
    }

    public static func < (lhs: ReviewRule, rhs: ReviewRule) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// One finding of a review rule about a project, placed by the field it concerns (a path as in
/// `Finding`: `indicators.3.target`, `goal`).
public struct ReviewFinding: Sendable, Hashable {
    public var rule: ReviewRule
    public var field: String
    /// For the command line, in English with the fields' Chinese labels.
    public var message: String
    /// The same in Chinese, for the review page.
    public var chinese: String

    public init(_ rule: ReviewRule, _ field: String, _ message: String, chinese: String) {
        self.rule = rule
        self.field = field
        self.message = message
        self.chinese = chinese
    }
}
