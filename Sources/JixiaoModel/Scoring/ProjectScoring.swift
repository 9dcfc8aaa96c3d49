import Foundation

/// Everything the self-evaluation sheet computes for a project.
public struct ProjectEvaluation: Sendable {
    /// `nil` on a goal table (no self-evaluation data).
    public var execution: ExecutionResult?
    /// Each indicator's rounded score, in order; `nil` where it has none.
    public var indicatorScores: [Decimal?]
    /// The sum of the rounded scores; `nil` on a goal table or where an indicator cannot be scored.
    public var total: Decimal?
    public var grade: String?
    public var findings: [Finding]

    /// The points of each first-level group, in order of first appearance (weights, not scores).
    public var level1Points: [(name: String, weight: Decimal)]
    /// Mid-year monitoring's progress and light, when the project is monitored.
    public var monitoring: MonitoringResult?
}

public enum ProjectScoring {
    public static func evaluate(_ project: Project) -> ProjectEvaluation {
        let rules = project.rules
        let evaluated = project.isSelfEvaluation
        let indicators = project.indicators
        let level1 = level1Points(indicators)
        var findings = weightFindings(project, evaluated: evaluated, level1: level1)
        var scores: [Decimal?] = []
        // By index: iterating would copy each indicator, every one of its texts retained.
        for index in indicators.indices {
            if evaluated, indicators[index].actual == nil {
                findings.append(Finding(.actualMissing, .error, "indicators.\(index)", "\(Label.actual) is missing: a self-evaluation needs the actual value of every indicator"))
            }
            let result = IndicatorScoring.score(indicators[index], rules: rules)
            scores.append(result.score)
            findings += result.findings.map { $0.under("indicators.\(index)") }
        }
        let monitoring = MonitoringScoring.evaluate(project, rules: rules)
        findings += MonitoringScoring.findings(project, monitoring)
        guard evaluated else {
            return ProjectEvaluation(execution: nil, indicatorScores: scores, total: nil, grade: nil,
                                     findings: findings, level1Points: level1, monitoring: monitoring)
        }
        let (execution, executionFindings) = ExecutionScoring.score(project)
        findings += executionFindings
        var total: Decimal?
        if !scores.contains(where: { $0 == nil }) {
            total = scores.compactMap { $0 }.reduce(execution.score ?? 0, +)
        }
        return ProjectEvaluation(execution: execution, indicatorScores: scores, total: total,
                                 grade: total.map(rules.grade(for:)), findings: findings, level1Points: level1, monitoring: monitoring)
    }

    static func level1Points(_ indicators: [Indicator]) -> [(name: String, weight: Decimal)] {
        var points: [(name: String, weight: Decimal)] = []
        for indicator in indicators.indices {
            let weight = indicators[indicator].weight ?? 0
            if let index = points.firstIndex(where: { $0.name == indicators[indicator].level1 }) {
                points[index].weight += weight
            } else {
                points.append((indicators[indicator].level1, weight))
            }
        }
        return points
    }

    /// Weights plus the execution weight make 100; the first-level split is the expected one.
    /// `level1`: the project's `level1Points`.
    static func weightFindings(_ project: Project, evaluated: Bool, level1 actual: [(name: String, weight: Decimal)]) -> [Finding] {
        let weights = project.indicators.map(\.weight)
        let given = weights.compactMap { $0 }
        if given.isEmpty && !evaluated { return [] }  // a goal table without points
        if given.count < weights.count {
            if evaluated { return [] }  // each missing weight is an error of its own
            return weights.enumerated().filter { $0.element == nil }.map {
                Finding(.weightMissing, .warning, "indicators.\($0.offset)", "\(Label.weight) is missing while other indicators of the project have one")
            }
        }
        var findings: [Finding] = []
        // Every indicator has its weight here: the first-level groups hold them all, in fewer sums.
        let sum = actual.reduce(0) { $0 + $1.weight }
        let all = sum + project.executionWeight
        if all != 100 {
            findings.append(Finding(.weightsDoNotAdd, evaluated ? .error : .warning, "indicators",
                                    "\(Label.weight) of the indicators add up to \(sum.plain) and \(Label.executionWeight) is \(project.executionWeight.plain): \(all.plain) in all, not 100"))
        }
        let expected = project.rules.level1Weights
        let matches = actual.count == expected.count && expected.allSatisfy { group in
            actual.contains { $0.name == group.name && $0.weight == group.weight }
        }
        if !matches {
            let show = { (groups: [(name: String, weight: Decimal)]) in
                groups.map { "\($0.name) \($0.weight.plain)" }.joined(separator: ", ")
            }
            findings.append(Finding(.level1Split, .warning, "indicators",
                                    "一级指标 (level1) points are \(show(actual)); the national split (rules.level1_weights) is \(show(expected))"))
        }
        return findings
    }
}
