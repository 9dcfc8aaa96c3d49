import Foundation
import JixiaoCheck
import JixiaoModel

/// What `jixiao review` asks: the site, and the years and units to judge (all when empty).
public struct ReviewRequest: Sendable {
    public var root: URL
    public var years: Set<Int>
    public var units: Set<String>

    public init(root: URL, years: Set<Int> = [], units: Set<String> = []) {
        self.root = root
        self.years = years
        self.units = units
    }
}

/// What `jixiao review` found: check's errors (a site that does not check is not reviewed), the
/// findings of the rules, and the projects linked across years.
public struct ReviewReport: Sendable {
    public var checked: CheckedSite
    public var findings: [ReviewDiagnostic]
    public var history: YearOverYear
    /// Projects reviewed.
    public var projects: Int

    /// No error from check, and no finding the site made an error.
    public var succeeded: Bool { checked.errors.isEmpty && !findings.contains { $0.severity == .error } }

    /// Every line to print: check's errors, then the findings, compiler-style, by place.
    public var lines: [String] { checked.errors.map(\.description) + findings.map(\.description) }

    public var summary: String {
        if !checked.errors.isEmpty {
            return "not reviewed: the content has \(counted(checked.errors.count, "error")) (listed above); fix them with `jixiao check`"
        }
        var counts: [ReviewRule: Int] = [:]
        for finding in findings { counts[finding.rule, default: 0] += 1 }
        let byRule = counts.keys.sorted().map { "\($0.rawValue) \(counts[$0]!)" }.joined(separator: ", ")
        let errors = findings.filter { $0.severity == .error }.count
        return "reviewed \(counted(projects, "project")): \(counted(findings.count, "finding"))" + (byRule.isEmpty ? "" : " (\(byRule))")
            + ", \(counted(errors, "error"))"
    }

    /// `--json`: `{"findings": [{"rule", "severity", "file", "line", "column", "message", "project"}], "history", "projects", "errors"}`.
    public var json: JSONValue {
        let findings = findings.map { finding in
            JSONValue.object([
                ("rule", .string(finding.rule.rawValue)), ("severity", .string(finding.severity.rawValue)),
                ("file", .string(finding.location.file)), ("line", .int(finding.location.line)), ("column", .int(finding.location.column)),
                ("message", .string(finding.message)),
                ("project", .object([("year", .int(finding.project.year)), ("unit", .string(finding.project.unit)), ("project", .string(finding.project.project))])),
            ])
        }
        let history = history.groups.keys.sorted().map { code in
            JSONValue.object([
                ("code", .string(code)),
                ("projects", .array(self.history.groups[code]!.map { address in
                    .object([("year", .int(address.year)), ("unit", .string(address.unit)), ("project", .string(address.project))])
                })),
            ])
        }
        return .object([
            ("findings", .array(findings)), ("history", .array(history)), ("projects", .int(projects)),
            ("errors", .array(checked.errors.map(CheckReport.json))),
        ])
    }
}

extension Pipeline {
    /// load → check → review: the goal-quality rules over every project the request names.
    public static func review(_ request: ReviewRequest) -> ReviewReport {
        let checked = check(root: request.root)
        let history = YearOverYear(checked.site)
        guard checked.errors.isEmpty else { return ReviewReport(checked: checked, findings: [], history: history, projects: 0) }
        let years = request.years.isEmpty ? nil : request.years, units = request.units.isEmpty ? nil : request.units
        let findings = SiteReview.review(checked.site, history: history, years: years, units: units)
        let projects = checked.site.years.filter { years?.contains($0.year) ?? true }.flatMap(\.units)
            .filter { units?.contains($0.slug) ?? true }.reduce(0) { $0 + $1.projects.count }
        return ReviewReport(checked: checked, findings: findings, history: history, projects: projects)
    }
}
