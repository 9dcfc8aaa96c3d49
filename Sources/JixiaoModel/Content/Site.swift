/// 分项绩效目标 of a unit (seed 003): a goal and the indicators that measure it.
public struct UnitTarget: Sendable, Hashable {
    public var name: String
    public var goal: String
    public var indicators: [String]

    public init(name: String, goal: String, indicators: [String]) {
        self.name = name
        self.goal = goal
        self.indicators = indicators
    }
}

/// One 部门/单位 of a year, with its projects.
public struct Unit: Sendable {
    public var slug: String
    public var name: String
    public var code: String?
    public var moneyUnit: MoneyUnit
    /// 合计 as published, checked against the sum of the projects.
    public var total: Amount?
    /// 部门整体绩效目标 (Markdown).
    public var goal: String?
    public var targets: [UnitTarget]
    /// 工作保障措施 (Markdown).
    public var measures: String?
    public var body: String
    public var rules: Rules
    /// The forms the unit's sheets follow (its own over the site's).
    public var forms: SheetForms
    public var projects: [Project]
    /// The department-wide sheet (部门整体绩效目标表, and after the year its 部门整体支出绩效自评表), when
    /// `_unit.md` gives `overall:`; scored like a project.
    public var overall: Project?
    /// The site's metadata with the unit's own written over it.
    public var metadata = PageMetadata()
    public var locations: FieldLocations

    public init(slug: String, name: String, code: String? = nil, moneyUnit: MoneyUnit = .wanYuan, total: Amount? = nil,
                goal: String? = nil, targets: [UnitTarget] = [], measures: String? = nil, body: String = "",
                rules: Rules = Rules(), forms: SheetForms = SheetForms(), projects: [Project] = [],
                locations: FieldLocations = FieldLocations(item: SourceLocation(file: "")))
    {
        self.forms = forms
        self.slug = slug
        self.name = name
        self.code = code
        self.moneyUnit = moneyUnit
        self.total = total
        self.goal = goal
        self.targets = targets
        self.measures = measures
        self.body = body
        self.rules = rules
        self.projects = projects
        self.locations = locations
    }

    /// 资金合计 of the unit's projects, in the unit's money unit.
    /// Whether project `index` has a self-evaluation (`Project.isSelfEvaluation`), asked without copying it.
    public func isSelfEvaluation(_ index: Int) -> Bool {
        Project.isSelfEvaluation(funds: projects[index].funds, indicators: projects[index].indicatorStore)
    }

    public var projectsTotal: Amount {
        // From the stored funds: asking each project for its `amount` copies the project whole.
        var total = Amount.zero
        for index in projects.indices {
            total = total + (projects[index].funds.overall.amount ?? .zero).converted(from: projects[index].moneyUnit, to: moneyUnit)
        }
        return total
    }
}

/// One budget year: its four-digit folder.
public struct Year: Sendable {
    public var year: Int
    public var units: [Unit]

    public init(year: Int, units: [Unit]) {
        self.year = year
        self.units = units
    }
}

/// The whole site as loaded from content/.
public struct Site: Sendable {
    public var title: String
    public var publisher: String?
    public var baseURL: String
    public var unsafeHTML: Bool
    public var rules: Rules
    /// The forms the site's sheets follow, where they differ from the national layouts.
    public var forms: SheetForms
    /// Whether every sheet is written as .xlsx and .docx too, and every unit's data as JSON and CSV.
    public var officeFiles = true
    /// How `jixiao review` judges the goals.
    public var review = ReviewSettings()
    /// What each page tells government-site inspections (a unit's override it).
    public var metadata = PageMetadata()
    /// A search page and a search box on every page, over an index Pagefind builds (`search: true`).
    public var search = false
    public var years: [Year]

    public init(title: String = "预算项目支出绩效信息公开", publisher: String? = nil, baseURL: String = "/",
                unsafeHTML: Bool = false, rules: Rules = Rules(), forms: SheetForms = SheetForms(), years: [Year] = [])
    {
        self.forms = forms
        self.title = title
        self.publisher = publisher
        self.baseURL = baseURL
        self.unsafeHTML = unsafeHTML
        self.rules = rules
        self.years = years
    }
}
