/// 偏差原因类别: why an indicator lags at mid-year.
public enum DeviationCause: String, Sendable, Hashable, CaseIterable {
    case funding = "经费保障"
    case rules = "制度保障"
    case staff = "人员保障"
    case facilities = "硬件条件保障"
    case other = "其他"
}

/// 完成目标可能性: whether the year's target can still be met.
public enum Likelihood: String, Sendable, Hashable, CaseIterable {
    case certain = "确定能"
    case possible = "有可能"
    case impossible = "完全不可能"
}

/// One indicator's line of a mid-year monitoring sheet (绩效运行监控表), by its 三级指标 name.
public struct MonitoredIndicator: Sendable {
    public var name: String
    /// 1–N月执行情况, as written.
    public var progress: String?
    /// 全年预计完成情况, as written.
    public var expected: String?
    public var cause: DeviationCause?
    public var likelihood: Likelihood?
    /// 纠偏措施.
    public var measure: String?

    public init(name: String, progress: String? = nil, expected: String? = nil, cause: DeviationCause? = nil, likelihood: Likelihood? = nil,
                measure: String? = nil)
    {
        self.name = name
        self.progress = progress
        self.expected = expected
        self.cause = cause
        self.likelihood = likelihood
        self.measure = measure
    }
}

/// A project's mid-year monitoring (`monitoring:`): how much was spent by the end of `month`, what the
/// year will spend, and each indicator's progress.
public struct Monitoring: Sendable {
    /// 监控截至月份, 1–12.
    public var month: Int
    /// 1–N月执行数, over all sources, in the project's money unit.
    public var spent: Amount
    /// 全年预计执行数.
    public var expectedSpent: Amount?
    /// The 年度总体目标's 1-N月执行情况, as written.
    public var outcome: String?
    public var indicators: [MonitoredIndicator]

    public init(month: Int, spent: Amount, expectedSpent: Amount? = nil, outcome: String? = nil, indicators: [MonitoredIndicator] = []) {
        self.month = month
        self.spent = spent
        self.expectedSpent = expectedSpent
        self.outcome = outcome
        self.indicators = indicators
    }
}
