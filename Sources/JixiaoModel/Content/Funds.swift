/// One line of a project's funds: 年初预算数, 全年预算数 (A) and 全年执行数 (B), each optional.
public struct FundLine: Sendable, Hashable {
    public var initial: Amount?
    public var budget: Amount?
    public var spent: Amount?

    public init(initial: Amount? = nil, budget: Amount? = nil, spent: Amount? = nil) {
        self.initial = initial
        self.budget = budget
        self.spent = spent
    }

    /// Adds component by component; a component missing on both sides stays missing.
    public static func + (lhs: FundLine, rhs: FundLine) -> FundLine {
        func add(_ a: Amount?, _ b: Amount?) -> Amount? {
            switch (a, b) {
            case (nil, nil): nil
            default: (a ?? .zero) + (b ?? .zero)
            }
        }
        return FundLine(initial: add(lhs.initial, rhs.initial), budget: add(lhs.budget, rhs.budget),
                        spent: add(lhs.spent, rhs.spent))
    }

    /// The amount a goal table and the 公开表 show: 年初预算数, or the budget where no initial is given.
    public var amount: Amount? { initial ?? budget }
    /// A for the execution rate: the adjusted budget, or the initial one where it was not adjusted.
    public var budgetForExecution: Amount? { budget ?? initial }
    public var isEmpty: Bool { initial == nil && budget == nil && spent == nil }
}

/// 项目资金 by source: 当年财政拨款, 上年结转资金, 其他资金, or only a total.
public struct Funds: Sendable, Hashable {
    public enum Source: String, Sendable, CaseIterable {
        case fiscal, carryover, other
    }

    public var fiscal: FundLine?
    public var carryover: FundLine?
    public var other: FundLine?
    public var total: FundLine?

    public init(fiscal: FundLine? = nil, carryover: FundLine? = nil, other: FundLine? = nil, total: FundLine? = nil) {
        self.fiscal = fiscal
        self.carryover = carryover
        self.other = other
        self.total = total
    }

    public subscript(source: Source) -> FundLine? {
        switch source {
        case .fiscal: fiscal
        case .carryover: carryover
        case .other: other
        }
    }

    /// The sum of the sources given, `nil` when none is.
    public var sumOfSources: FundLine? {
        let lines = Source.allCases.compactMap { self[$0] }
        return lines.isEmpty ? nil : lines.dropFirst().reduce(lines[0], +)
    }

    /// 年度资金总额: the stated total, or else the sum of the sources.
    public var overall: FundLine { total ?? sumOfSources ?? FundLine() }

    /// A and B of the execution rate: from `total` when it carries them, else over every source,
    /// each source's A being its budget or, where it was not adjusted, its initial amount.
    public var execution: (budget: Amount?, spent: Amount?) {
        if let total, total.budget != nil || total.spent != nil { return (total.budgetForExecution, total.spent) }
        let lines = Source.allCases.compactMap { self[$0] }
        guard !lines.isEmpty else { return (total?.budgetForExecution, nil) }
        let budgets = lines.compactMap(\.budgetForExecution)
        let spent = lines.compactMap(\.spent)
        return (budgets.isEmpty ? nil : budgets.sum(), spent.isEmpty ? nil : spent.sum())
    }
}
