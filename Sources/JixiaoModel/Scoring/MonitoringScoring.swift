import Foundation

/// The finance bureau's light on a monitored project.
public enum Light: String, Sendable, Hashable, CaseIterable {
    case green, yellow, red

    /// 绿灯 / 黄灯 / 红灯, as the sheets write it.
    public var chinese: String {
        switch self {
        case .green: "绿灯"
        case .yellow: "黄灯"
        case .red: "红灯"
        }
    }
}

/// What mid-year monitoring computes for a project.
public struct MonitoringResult: Sendable, Equatable {
    public var month: Int
    /// 执行进度: spent ÷ 全年预算数 (年初预算数 when no budget is given); `nil` without a base or with a zero one.
    public var rate: Decimal?
    /// 时间进度: month ÷ 12.
    public var timeProgress: Decimal
    public var light: Light
    /// Each monitored indicator's light: red when its goal can no longer be met.
    public var indicatorLights: [Light]
}

public enum MonitoringScoring {
    /// Execution lagging time by more than `rules.monitoringRed` percentage points is red, by more than
    /// `rules.monitoringYellow` yellow, else green; an indicator that can no longer be met (完全不可能) makes
    /// the project red too. Without a base for the execution rate the light follows the indicators alone.
    public static func evaluate(_ project: Project, rules: Rules) -> MonitoringResult? {
        guard let monitoring = project.monitoring else { return nil }
        let overall = project.funds.overall
        let base = overall.budget ?? overall.initial
        let rate: Decimal? = if let base, base.value > 0 { monitoring.spent.value / base.value } else { nil }
        let time = Decimal(monitoring.month) / 12
        var light = Light.green
        if let rate {
            let lag = (time - rate) * 100
            if lag > rules.monitoringRed { light = .red } else if lag > rules.monitoringYellow { light = .yellow }
        }
        let indicatorLights = monitoring.indicators.map { $0.likelihood == .impossible ? Light.red : .green }
        if indicatorLights.contains(.red) { light = .red }
        return MonitoringResult(month: monitoring.month, rate: rate, timeProgress: time, light: light, indicatorLights: indicatorLights)
    }

    /// Spent above the year's budget, or no budget to measure against.
    static func findings(_ project: Project, _ result: MonitoringResult?) -> [Finding] {
        guard let monitoring = project.monitoring, let result else { return [] }
        let overall = project.funds.overall
        guard let base = overall.budget ?? overall.initial, base.value > 0 else {
            return [Finding(.monitoringWithoutBase, .warning, "monitoring.spent",
                            "执行进度 (execution progress) cannot be computed: the project gives no 全年预算数 or 年初预算数 above 0, so its light follows its indicators alone")]
        }
        guard result.rate.map({ $0 > 1 }) == true else { return [] }
        return [Finding(.monitoringSpentAboveBudget, .warning, "monitoring.spent",
                        "\(Label.monitoringSpent) \(monitoring.spent.text) is above the year's budget \(base.text)")]
    }
}
