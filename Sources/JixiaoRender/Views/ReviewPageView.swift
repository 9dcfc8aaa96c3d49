import Foundation
import JixiaoModel
import JixiaoTemplates

/// A unit's review findings (审核意见) grouped by project, in the unit's order: for the department to
/// preview before the finance bureau reviews the goals.
struct ReviewPageView: TemplateView {
    let unitName: String
    let year: Int
    let unitURL: String
    let projects: [TemplateValue]
    let count: Int

    init(unit: JixiaoModel.Unit, year: Year, findings: [ReviewDiagnostic], frame: PageFrame) {
        unitName = unit.name
        self.year = year.year
        unitURL = frame.url(Paths.unit(year, unit))
        count = findings.count
        projects = unit.projects.compactMap { project -> TemplateValue? in
            let own = findings.filter { $0.project.project == project.slug }
            guard !own.isEmpty else { return nil }
            return [
                "name": .text(project.name), "url": .text(frame.url(Paths.project(year, unit, project))), "count": TemplateValue(own.count),
                "findings": .list(own.map { finding in
                    [
                        "rule": .text(finding.rule.rawValue), "summary": .text(finding.rule.chinese), "severity": .text(finding.severity.rawValue),
                        "severityText": .text(Self.severityText[finding.severity] ?? ""), "message": .text(finding.chinese),
                        "place": .text("\(finding.location.file):\(finding.location.line):\(finding.location.column)"),
                    ]
                }),
            ]
        }
    }

    static let severityText: [Diagnostic.Severity: String] = [.error: "错误", .warning: "警告", .note: "提示"]

    var fields: TemplateFields {
        [
            "unitName": .text(unitName), "year": TemplateValue(year), "unitURL": .text(unitURL), "count": TemplateValue(count),
            "projects": .list(projects), "projectCount": TemplateValue(projects.count),
        ]
    }
}
