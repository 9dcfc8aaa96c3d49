import Foundation

/// One 项目: its goal table, and its self-evaluation when the year-end figures are in.
///
/// Its fields (`Project.Fields`) are held in a box shared by its copies until one of them is changed: a
/// site's projects are copied into their units, from the build's cache and into the pages' views, and
/// copying some thirty fields retained each of them every time.
@dynamicMemberLookup
public struct Project: Sendable {
    public struct Fields: Sendable {
        /// The file name without `.md`: the last part of the project's URL.
        public var slug: String
        public var name: String
        public var code: String?
        public var department: String
        public var implementer: String
        public var category: String?
        public var contact: String?
        public var moneyUnit: MoneyUnit
        /// 资金用途 (Markdown).
        public var purpose: String?
        public var funds: Funds
        public var executionWeight: Decimal
        /// Whether the project states its 预算执行率权重 (else it is the rules' default): a goal table shows
        /// only what its source gave.
        public var statesExecutionWeight: Bool
        /// 资金支出计划（%）: month → cumulative percent, by month.
        public var spendingPlan: [(month: Int, percent: Decimal)]
        /// 年度目标 (Markdown).
        public var goal: String
        /// 目标实际完成情况 (Markdown).
        public var outcome: String?
        public var executionReason: String?
        public var indicators: [Indicator] {
            get { indicatorStore.value }
            set { indicatorStore = .decoded(newValue) }
            _modify {
                var indicators = indicatorStore.value
                // Held once only, so that changing an indicator does not copy them all.
                indicatorStore = .decoded([])
                defer { indicatorStore = .decoded(indicators) }
                yield &indicators
            }
        }

        var indicatorStore: IndicatorStore
        /// The 绩效指标 as a summary table publishes them, in one cell of numbered lines: shown by forms
        /// that print that cell (门源), while the indicators above are scored.
        public var indicatorsText: String?

        /// `indicatorsText`'s lines, trimmed, the empty ones left out.
        public var indicatorsLines: [String] {
            (indicatorsText ?? "").split(separator: "\n").map { Trim.whitespace(String($0)) }.filter { !$0.isEmpty }
        }
        /// Why the project has no 满意度指标 (满意度不适用原因), when it says so: `jixiao review` then does not ask for one.
        public var satisfactionNotApplicable: String?
        /// Mid-year monitoring, when the project is monitored.
        public var monitoring: Monitoring?
        /// The Markdown body after the front matter.
        public var body: String
        /// The rules this project is scored by (the site's, the unit's overrides, its own).
        public var rules: Rules
        public var locations: FieldLocations
    }

    @usableFromInline
    final class Box: @unchecked Sendable {
        @usableFromInline var fields: Fields

        @usableFromInline
        init(_ fields: Fields) {
            self.fields = fields
        }
    }

    @usableFromInline var box: Box

    @inlinable
    public subscript<Value>(dynamicMember field: WritableKeyPath<Fields, Value>) -> Value {
        get { box.fields[keyPath: field] }
        set {
            makeUnique()
            box.fields[keyPath: field] = newValue
        }
        _modify {
            makeUnique()
            yield &box.fields[keyPath: field]
        }
    }

    @inlinable
    public subscript<Value>(dynamicMember field: KeyPath<Fields, Value>) -> Value {
        box.fields[keyPath: field]
    }

    /// The box, copied first when another copy of the project shares it.
    @inlinable
    mutating func makeUnique() {
        if !isKnownUniquelyReferenced(&box) { box = Box(box.fields) }
    }

    public init(slug: String, name: String, code: String? = nil, department: String, implementer: String,
                category: String? = nil, contact: String? = nil, moneyUnit: MoneyUnit = .wanYuan,
                purpose: String? = nil, funds: Funds = Funds(), executionWeight: Decimal? = nil,
                spendingPlan: [(month: Int, percent: Decimal)] = [], goal: String = "", outcome: String? = nil,
                executionReason: String? = nil, indicators: [Indicator] = [], body: String = "",
                rules: Rules = Rules(), locations: FieldLocations = FieldLocations(item: SourceLocation(file: "")))
    {
        box = Box(Fields(slug: slug, name: name, code: code, department: department, implementer: implementer, category: category,
                         contact: contact, moneyUnit: moneyUnit, purpose: purpose, funds: funds,
                         executionWeight: executionWeight ?? rules.executionWeight, statesExecutionWeight: executionWeight != nil,
                         spendingPlan: spendingPlan, goal: goal, outcome: outcome, executionReason: executionReason,
                         indicatorStore: .decoded(indicators), body: body, rules: rules, locations: locations))
    }

    /// A project has a self-evaluation when its funds carry `spent` or its indicators carry actual values.
    /// (Asked without decoding indicators read back from a model file.)
    public var isSelfEvaluation: Bool { Self.isSelfEvaluation(funds: self.funds, indicators: self.indicatorStore) }

    static func isSelfEvaluation(funds: Funds, indicators: IndicatorStore) -> Bool {
        [funds.fiscal, funds.carryover, funds.other, funds.total].contains { $0?.spent != nil } || indicators.anyActual
    }

    /// The amount the 公开表 lists: 年初预算数 (资金总额).
    public var amount: Amount { self.funds.overall.amount ?? .zero }
}
