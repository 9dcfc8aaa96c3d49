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
    public var indicators: [IndicatorDraft]
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
    /// 备注.
    public var note: String?
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
    public var projects: [ProjectDraft] = []
    /// Rows or items skipped, or taken with a change (e.g. kept as a qualitative indicator).
    public var notes: [Diagnostic] = []

    public init() {}
}
