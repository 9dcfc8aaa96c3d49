import Foundation

/// `review:` in site.yaml: each rule's severity (or off), the thresholds the rules judge by, and whether
/// `build` writes the internal report page.
public struct ReviewSettings: Sendable, Hashable {
    /// Each rule's severity; a rule missing here is off. Every rule is a warning unless a site says otherwise.
    public var severities: [ReviewRule: Diagnostic.Severity] = Dictionary(uniqueKeysWithValues: ReviewRule.allCases.map { ($0, .warning) })
    /// R04: the largest share of qualitative indicators that is not a finding (a third by default).
    public var qualitativeShare: Decimal = Decimal(1) / Decimal(3)
    /// R06: the lowest satisfaction target, in percent.
    public var satisfactionFloor: Decimal = 80
    /// R10: the fewest characters a 年度目标 may have.
    public var goalMinLength = 10
    /// `build` writes `/<year>/<unit>/review/`, the findings for internal preview.
    public var page = false

    public init() {}

    /// The severity a rule's findings get, `nil` when the site turned it off.
    public func severity(_ rule: ReviewRule) -> Diagnostic.Severity? { severities[rule] }
}
