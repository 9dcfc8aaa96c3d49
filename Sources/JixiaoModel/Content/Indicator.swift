import Foundation

/// 指标性质 as published.
public enum Nature: String, Sendable, Hashable, CaseIterable {
    case positive = "正向"
    case reverse = "反向"
    case qualitative = "定性"
}

/// The three tiers of a qualitative (定性) indicator's result.
public enum Rating: String, Sendable, Hashable, CaseIterable {
    case achieved = "达成"
    case partlyAchieved = "部分达成"
    case notAchieved = "未达成"

    /// The band of the weight this rating allows, as fractions: lower bound inclusive,
    /// upper bound inclusive only for 达成.
    public var band: (lower: Decimal, upper: Decimal, upperInclusive: Bool) {
        switch self {
        case .achieved: (Decimal(string: "0.8")!, 1, true)
        case .partlyAchieved: (Decimal(string: "0.6")!, Decimal(string: "0.8")!, false)
        case .notAchieved: (0, Decimal(string: "0.6")!, false)
        }
    }

    /// The lowest score of the band (rules.qualitative_default `floor`): 100%, 60%, 0%.
    /// 达成 counts as fully achieved.
    public var floor: Decimal {
        switch self {
        case .achieved: 1
        case .partlyAchieved: Decimal(string: "0.6")!
        case .notAchieved: 0
        }
    }

    public func contains(_ score: Decimal, weight: Decimal) -> Bool {
        let band = band
        let lower = band.lower * weight
        let upper = band.upper * weight
        return score >= lower && (band.upperInclusive ? score <= upper : score < upper)
    }
}

/// One 绩效指标 row.
public struct Indicator: Sendable {
    /// 一级指标, 二级指标, 三级指标.
    public var level1: String
    public var level2: String
    public var name: String
    public var target: Target
    /// 计量单位, from `unit:` or else from the target.
    public var unit: String?
    /// 分值.
    public var weight: Decimal?
    /// The decimals 分值 was written with (`10.00`), to show it as published.
    public var weightPlaces = 0
    public var nature: Nature?
    public var description: String?
    public var basis: String?
    public var note: String?
    /// 实际完成值 as written: a number, or text for 定性.
    public var actual: String?
    public var rating: Rating?
    /// An explicit 得分.
    public var score: Decimal?
    /// 偏差原因分析及改进措施.
    public var reason: String?

    /// 分值 as written: `10.00` stays `10.00`.
    public var weightText: String? { weight.map { Amount($0, places: weightPlaces).text } }

    public init(level1: String, level2: String, name: String, target: Target, unit: String? = nil,
                weight: Decimal? = nil, nature: Nature? = nil, description: String? = nil, basis: String? = nil,
                note: String? = nil, actual: String? = nil, rating: Rating? = nil, score: Decimal? = nil,
                reason: String? = nil)
    {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.target = target
        self.unit = unit ?? target.unit
        self.weight = weight
        self.nature = nature
        self.description = description
        self.basis = basis
        self.note = note
        self.actual = actual
        self.rating = rating
        self.score = score
        self.reason = reason
    }

    /// Scored by rating (定性): its target is no comparison and number, or it is declared 定性.
    public var isQualitative: Bool { target.isQualitative || nature == .qualitative }
}
