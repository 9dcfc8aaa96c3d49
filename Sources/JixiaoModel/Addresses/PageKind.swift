/// Every kind of page the site has (the raw value names it in the page, e.g. as a class). Each is laid
/// out by its templates (`project.html.mustache` and `project.md.mustache` for `.goal`).
public enum PageKind: String, CaseIterable, Sendable {
    case home
    case year
    case unit
    /// A project's 绩效目标表.
    case goal
    /// A project's 绩效自评表.
    case selfEvaluation = "self-evaluation"
    case goalBooklet = "goal-booklet"
    case selfEvaluationBooklet = "self-evaluation-booklet"
    /// A project's 绩效运行监控表 (mid-year monitoring).
    case monitoring
    case monitoringBooklet = "monitoring-booklet"
    /// A unit's review findings (审核意见), for internal preview: written only when asked for, never linked.
    case review
    /// The site's search page (`search: true`).
    case search

    /// The name of the templates that lay the page out.
    public var template: String { self == .goal ? "project" : rawValue }

    /// The page kind whose templates are named `name` (`project` → `.goal`); `nil` for partials and layouts.
    public init?(template name: String) {
        guard let kind = PageKind.allCases.first(where: { $0.template == name }) else { return nil }
        self = kind
    }
}

/// The booklets of a unit: every goal table (绩效目标表), every self-evaluation sheet (绩效自评表) or every
/// monitoring sheet (绩效运行监控表), one after another on one page, to print in one go.
public enum BookletKind: String, CaseIterable, Sendable {
    case goals = "goal-tables"
    case selfEvaluations = "self-evaluations"
    case monitoring

    /// The booklet's folder below the unit's; a project file of this name would take its address.
    public var folder: String { rawValue + "/" }

    /// The sheet it holds, as the published forms name it.
    public var sheet: String {
        switch self {
        case .goals: "绩效目标表"
        case .selfEvaluations: "绩效自评表"
        case .monitoring: "绩效运行监控表"
        }
    }

    public var page: PageKind {
        switch self {
        case .goals: .goalBooklet
        case .selfEvaluations: .selfEvaluationBooklet
        case .monitoring: .monitoringBooklet
        }
    }
}

/// A unit across the site: its year and its folder's name.
public struct UnitKey: Hashable, Sendable {
    public var year: Int
    public var unit: String

    public init(year: Int, unit: String) {
        self.year = year
        self.unit = unit
    }
}
