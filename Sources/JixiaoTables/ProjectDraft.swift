import JixiaoModel

/// A project as read from a table or a published page, before it becomes content: every value is
/// the text found, untouched, with where it was found. Table sources (.csv in content/) turn drafts
/// into projects; `jixiao import` writes them as project files.
public struct ProjectDraft: Sendable, Equatable {
    public var name: String
    public var code: String?
    public var department: String?
    public var implementer: String?
    public var category: String?
    /// 万元 or 元, when the source says.
    public var moneyUnit: String?
    /// 资金总额 / 预算数 (年初预算数 of the whole project).
    public var total: String?
    /// 财政拨款.
    public var fiscal: String?
    /// 其他资金 / 非财政拨款.
    public var other: String?
    /// 全年预算数 (A).
    public var budget: String?
    /// 全年执行数 (B).
    public var spent: String?
    /// 年度目标 (Markdown).
    public var goal: String?
    /// 联系电话.
    public var contact: String?
    /// 资金用途.
    public var purpose: String?
    /// Every source's figures as a form gives them, by funds key (`fiscal`, `carryover`, `other`, and
    /// `total` for 资金总额 / 年度资金总额). When any is given it is what the writer writes, instead of
    /// `total`, `fiscal`, `other`, `budget` and `spent` above, which the long-table readers fill.
    public var fundLines: [String: FundLineDraft] = [:]
    /// 预算执行率权重 (the points of the execution rate), as published.
    public var executionWeight: String?
    /// 资金支出计划（%）, in the published order.
    public var spendingPlan: [MonthPercent] = []
    /// 目标实际完成情况.
    public var outcome: String?
    /// The execution rate's 得分 and the 总分 as the source types them: compared with what jixiao
    /// computes, never written (jixiao's own scores stand).
    public var publishedExecutionScore: String?
    public var publishedTotal: String?
    public var indicators: [IndicatorDraft]
    /// The 绩效指标 cell as published, a line per item, when the source writes them as text.
    public var indicatorsText: String?
    /// A monitoring sheet's month and figures (绩效运行监控表); the indicators' lines are on `indicators`.
    public var monitoring: MonitoringDraft?
    /// Where the project's first row or item is.
    public var location: SourceLocation
    /// Where each field was found (keys as in content files: `name`, `funds.fiscal` …).
    public var fieldLocations: [String: SourceLocation]

    public init(name: String, location: SourceLocation, code: String? = nil, department: String? = nil,
                implementer: String? = nil, category: String? = nil, moneyUnit: String? = nil, total: String? = nil,
                fiscal: String? = nil, other: String? = nil, budget: String? = nil, spent: String? = nil,
                goal: String? = nil, indicators: [IndicatorDraft] = [], fieldLocations: [String: SourceLocation] = [:])
    {
        self.name = name
        self.location = location
        self.code = code
        self.department = department
        self.implementer = implementer
        self.category = category
        self.moneyUnit = moneyUnit
        self.total = total
        self.fiscal = fiscal
        self.other = other
        self.budget = budget
        self.spent = spent
        self.goal = goal
        self.indicators = indicators
        self.fieldLocations = fieldLocations
    }
}

/// One indicator row or item as found.
public struct IndicatorDraft: Sendable, Equatable {
    public var level1: String
    public var level2: String
    public var name: String
    /// The target as written, comparison included (`≥10`, `有效提高`).
    public var target: String
    public var unit: String?
    public var nature: String?
    public var weight: String?
    public var actual: String?
    public var score: String?
    public var reason: String?
    /// 指标方向 as published (大于等于 …); the reader has already written it into `target` as its sign.
    public var direction: String?
    /// 绩效指标描述, 指标值确定依据, 备注.
    public var description: String?
    public var basis: String?
    public var note: String?
    /// 得分 as the source types it: compared with the score jixiao computes, never written. (`score`
    /// is an explicit score, written as `score:`.)
    public var publishedScore: String?
    /// A monitoring sheet's line: 1-N月执行情况, 全年预计完成情况, 偏差原因 (one of the categories),
    /// 完成目标可能性 and 纠偏措施.
    public var progress: String?
    public var expected: String?
    public var cause: String?
    public var likelihood: String?
    public var measure: String?
    /// Whether any monitoring line is given.
    public var isMonitored: Bool { [progress, expected, cause, likelihood, measure].contains { $0 != nil } }
    public var location: SourceLocation
    public var fieldLocations: [String: SourceLocation]

    public init(level1: String, level2: String, name: String, target: String, location: SourceLocation,
                unit: String? = nil, nature: String? = nil, weight: String? = nil, actual: String? = nil,
                score: String? = nil, reason: String? = nil, fieldLocations: [String: SourceLocation] = [:])
    {
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.target = target
        self.location = location
        self.unit = unit
        self.nature = nature
        self.weight = weight
        self.actual = actual
        self.score = score
        self.reason = reason
        self.fieldLocations = fieldLocations
    }
}

/// What a monitoring sheet (绩效运行监控表) gives beside the indicators' lines.
public struct MonitoringDraft: Sendable, Equatable {
    /// 监控截至月份, from the headers (`1-6月执行数`) or the title.
    public var month: Int?
    /// 1-N月执行数 and 全年预计执行数 of 年度资金总额, as printed.
    public var spent: String?
    public var expectedSpent: String?
    /// The 年度总体目标's 1-N月执行情况.
    public var outcome: String?
    public var location: SourceLocation

    public init(location: SourceLocation) { self.location = location }
}

/// One source of funds as a self-evaluation gives it; a goal table gives only `initial`.
public struct FundLineDraft: Sendable, Equatable {
    /// 年初预算数 (资金总额 on a goal table).
    public var initial: String?
    /// 全年预算数 (A).
    public var budget: String?
    /// 全年执行数 (B).
    public var spent: String?

    public init(initial: String? = nil, budget: String? = nil, spent: String? = nil) {
        self.initial = initial
        self.budget = budget
        self.spent = spent
    }

    public var isEmpty: Bool { initial == nil && budget == nil && spent == nil }
}

/// One step of a spending plan: by the end of `month`, `percent` of the funds spent (as published,
/// without the `%`).
public struct MonthPercent: Sendable, Equatable {
    public var month: Int
    public var percent: String

    public init(month: Int, percent: String) {
        self.month = month
        self.percent = percent
    }
}

/// An item goal of a department (分项绩效目标): its name, goal and the names of its indicators.
public struct UnitTargetDraft: Sendable, Equatable {
    public var name: String
    public var goal: String?
    public var indicators: [String]
    public var location: SourceLocation

    public init(name: String, goal: String? = nil, indicators: [String] = [], location: SourceLocation) {
        self.name = name
        self.goal = goal
        self.indicators = indicators
        self.location = location
    }
}

/// What a source yielded: projects, the unit if the source names it, and every row or item that
/// could not be taken as it is, with why. Nothing read disappears silently.
public struct DraftSet: Sendable {
    public var unitName: String?
    public var unitCode: String?
    /// 合计 as published, when the source has one.
    public var unitTotal: String?
    /// Notes printed below the table (注：…), kept as the unit's text.
    public var unitNote: String?
    public var moneyUnit: String?
    /// The department's own goals, when the source publishes them: 总体绩效目标, 分项绩效目标, 工作保障措施.
    public var unitGoal: String?
    public var unitTargets: [UnitTargetDraft] = []
    public var unitMeasures: String?
    public var projects: [ProjectDraft] = []
    /// The department-wide sheet (部门整体支出绩效目标表 or 自评表), written as the unit's `overall:`.
    public var overall: ProjectDraft?
    /// Rows or items skipped, or taken with a change (e.g. kept as a qualitative indicator).
    public var notes: [Diagnostic] = []

    public init() {}
}
