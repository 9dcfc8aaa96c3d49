import Foundation

/// A review finding placed in the content: the project it concerns, where, and how severe the site
/// made its rule.
public struct ReviewDiagnostic: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var rule: ReviewRule
    public var severity: Diagnostic.Severity
    public var location: SourceLocation
    public var message: String
    /// The message in Chinese, for the review page.
    public var chinese: String
    public var project: ProjectAddress

    /// Compiler style, the rule's id first: `content/2022/x/a.md:12:7: warning: R05 …`.
    public var description: String {
        "\(ControlCharacters.escaped(location.file)):\(location.line):\(location.column): \(severity.rawValue): \(rule.rawValue) \(ControlCharacters.escaped(message))"
    }

    public static func < (lhs: ReviewDiagnostic, rhs: ReviewDiagnostic) -> Bool {
        if lhs.location != rhs.location { return lhs.location < rhs.location }
        return (lhs.rule, lhs.message) < (rhs.rule, rhs.message)
    }
}

/// `jixiao review` over a site: each project's own rules, copies within a unit (R07) and targets
/// weaker than the year before (R08), at the severities the site gives them.
public enum SiteReview {
    public static func review(_ site: Site, history: YearOverYear? = nil, years: Set<Int>? = nil, units: Set<String>? = nil) -> [ReviewDiagnostic] {
        let settings = site.review
        let history = history ?? YearOverYear(site)
        var found: [ReviewDiagnostic] = []
        for year in site.years where years?.contains(year.year) ?? true {
            for unit in year.units where units?.contains(unit.slug) ?? true {
                for (index, project) in unit.projects.enumerated() {
                    let address = ProjectAddress(year: year.year, unit: unit.slug, project: project.slug)
                    var findings = ProjectReview.findings(project, settings: settings)
                    findings += copies(project, in: unit.projects[..<index])
                    if let (before, previous) = history.previous(of: project, at: address) {
                        findings += weakerTargets(project, than: previous, of: before.year)
                    }
                    for finding in findings {
                        guard let severity = settings.severity(finding.rule) else { continue }
                        found.append(ReviewDiagnostic(rule: finding.rule, severity: severity, location: project.locations[finding.field],
                                                      message: finding.message, chinese: finding.chinese, project: address))
                    }
                }
            }
        }
        return found.sorted()
    }

    // MARK: R07

    /// R07: the project's indicators, names and targets, are those of a project before it in the unit.
    public static func copies(_ project: Project, in earlier: ArraySlice<Project>) -> [ReviewFinding] {
        let signature = Self.signature(project)
        guard !signature.isEmpty, let original = earlier.first(where: { Self.signature($0) == signature }) else { return [] }
        return [ReviewFinding(.r07, "indicators", "the indicators (names and targets) are the same as those of \(original.name) (\(original.slug).md): "
            + "write the ones that measure what this project does",
            chinese: "绩效指标（名称和指标值）与“\(original.name)”完全相同，请设置反映本项目内容的指标")]
    }

    static func signature(_ project: Project) -> [String] {
        project.indicators.map { Trim.whitespace($0.name) + "\u{1F}" + Trim.whitespace($0.target.text) }.sorted()
    }

    // MARK: R08

    /// R08: a target lower (for ≥ and >) or higher (for ≤ and <) than the same indicator's target or actual
    /// value in the project's previous year (`year`), in the same unit of measure.
    public static func weakerTargets(_ project: Project, than previous: Project, of year: Int) -> [ReviewFinding] {
        var lastYear: [String: Indicator] = [:]
        for indicator in previous.indicators where lastYear[Trim.whitespace(indicator.name)] == nil {
            lastYear[Trim.whitespace(indicator.name)] = indicator
        }
        return project.indicators.enumerated().compactMap { index, indicator -> ReviewFinding? in
            guard let comparison = indicator.target.comparison, comparison != .equal, let value = indicator.target.value,
                  let before = lastYear[Trim.whitespace(indicator.name)]
            else { return nil }
            let unit = measure(indicator.target, indicator)
            let higherIsStronger = !comparison.isReverse
            func weaker(than other: Decimal) -> Bool { higherIsStronger ? value < other : value > other }
            let target = FieldSet.indicator.name("target")
            if let old = before.target.value, measure(before.target, before) == unit, before.target.comparison?.isReverse == comparison.isReverse, weaker(than: old) {
                return ReviewFinding(.r08, "indicators.\(index).target", "\(target) \(Excerpt.of(indicator.target.text)) of \(indicator.name) is \(higherIsStronger ? "lower" : "higher") "
                    + "than the \(year) target \(Excerpt.of(before.target.text)) (\(year)/\(previous.slug).md): keep it at least as demanding, or say why in a note",
                    chinese: "“\(indicator.name)”的指标值“\(indicator.target.text)”\(higherIsStronger ? "低于" : "高于")\(year)年的指标值“\(before.target.text)”，请保持不低于上年的要求，或说明原因")
            }
            if let actualText = before.actual, case let actual = Target(parsing: actualText), let done = actual.value, actual.comparison == .equal,
               (actual.unit ?? before.unit.map(Target.normalizedUnit)) == unit, weaker(than: done)
            {
                return ReviewFinding(.r08, "indicators.\(index).target", "\(target) \(Excerpt.of(indicator.target.text)) of \(indicator.name) is \(higherIsStronger ? "lower" : "higher") "
                    + "than the \(year) actual value \(Excerpt.of(actualText)) (\(year)/\(previous.slug).md): a target short of what was already reached asks for a reason",
                    chinese: "“\(indicator.name)”的指标值“\(indicator.target.text)”\(higherIsStronger ? "低于" : "高于")\(year)年的实际完成值“\(actualText)”，请说明原因")
            }
            return nil
        }
    }

    /// The unit a target is measured in: written after the number, else the indicator's 计量单位.
    static func measure(_ target: Target, _ indicator: Indicator) -> String? {
        target.unit ?? indicator.unit.map(Target.normalizedUnit)
    }
}
