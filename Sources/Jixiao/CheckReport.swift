import Foundation
import JixiaoCheck
import JixiaoModel

/// `jixiao check --json`: errors, warnings and every project's figures, numbers as exact decimal strings.
public enum CheckReport {
    public static func json(_ checked: CheckedSite) -> JSONValue {
        var projects: [JSONValue] = []
        for year in checked.site.years {
            for unit in year.units {
                for project in unit.projects {
                    projects.append(json(project, year: year, unit: unit, evaluation: checked.evaluation(year, unit, project)))
                }
            }
        }
        var units: [JSONValue] = []
        for year in checked.site.years {
            for unit in year.units {
                let overall: JSONValue = unit.overall.map { sheet in
                    let project = json(sheet, year: year, unit: unit, evaluation: checked.overallEvaluation(year, unit))
                    guard case let .object(members) = project else { return .null }
                    let keep: Set<String> = ["funds", "execution", "indicators", "total", "grade"]
                    return .object([("name", .string(sheet.name))] + members.filter { keep.contains($0.0) })
                } ?? .null
                units.append(.object([
                    ("year", .int(year.year)), ("unit", .string(unit.slug)), ("name", .string(unit.name)),
                    ("total", .optional(unit.total?.text)), ("overall", overall),
                ]))
            }
        }
        return .object([
            ("errors", .array(checked.errors.map(json))),
            ("warnings", .array(checked.warnings.map(json))),
            ("projects", .array(projects)),
            ("units", .array(units)),
        ])
    }

    public static func json(_ diagnostic: Diagnostic) -> JSONValue {
        let location = diagnostic.location
        return .object([
            ("file", location.map { .string($0.file) } ?? .null),
            ("line", location.map { .int($0.line) } ?? .null),
            ("column", location.map { .int($0.column) } ?? .null),
            ("message", .string(diagnostic.message)),
            ("code", .string(diagnostic.code.description)),
        ])
    }

    static func json(_ project: Project, year: Year, unit: JixiaoModel.Unit, evaluation: ProjectEvaluation?) -> JSONValue {
        let funds = project.funds.overall
        let execution: JSONValue = evaluation?.execution.map { execution in
            .object([
                ("weight", .string(execution.weight.plain)),
                ("rate", .optional(execution.rate.map { $0.roundedHalfUp(4).plain })),
                ("score", .optional(execution.score.map(\.plain))),
            ])
        } ?? .null
        let indicators = project.indicators.enumerated().map { index, indicator in
            JSONValue.object([
                ("level1", .string(indicator.level1)),
                ("level2", .string(indicator.level2)),
                ("name", .string(indicator.name)),
                ("target", .string(indicator.target.text)),
                ("actual", .optional(indicator.actual)),
                ("weight", .optional(indicator.weight?.plain)),
                ("score", .optional(evaluation?.indicatorScores[index]?.plain)),
            ])
        }
        return .object([
            ("year", .int(year.year)),
            ("unit", .string(unit.slug)),
            ("slug", .string(project.slug)),
            ("name", .string(project.name)),
            ("code", .optional(project.code)),
            ("money_unit", .string(project.moneyUnit.rawValue)),
            ("funds", .object([
                ("initial", .optional(funds.initial?.text)),
                ("budget", .optional(funds.budget?.text)),
                ("spent", .optional(funds.spent?.text)),
            ])),
            ("execution", execution),
            ("indicators", .array(indicators)),
            ("total", .optional(evaluation?.total?.plain)),
            ("grade", .optional(evaluation?.grade)),
            ("monitoring", monitoring(project, evaluation?.monitoring)),
        ])
    }

    /// A monitored project's progress and light, rates as decimal strings to four places; `null` when not monitored.
    static func monitoring(_ project: Project, _ result: MonitoringResult?) -> JSONValue {
        guard let monitoring = project.monitoring, let result else { return .null }
        let indicators = zip(monitoring.indicators, result.indicatorLights).map { indicator, light in
            JSONValue.object([
                ("name", .string(indicator.name)),
                ("progress", .optional(indicator.progress)),
                ("expected", .optional(indicator.expected)),
                ("cause", .optional(indicator.cause?.rawValue)),
                ("likelihood", .optional(indicator.likelihood?.rawValue)),
                ("measure", .optional(indicator.measure)),
                ("light", .string(light.rawValue)),
            ])
        }
        return .object([
            ("month", .int(result.month)),
            ("spent", .string(monitoring.spent.text)),
            ("expected_spent", .optional(monitoring.expectedSpent?.text)),
            ("rate", .optional(result.rate.map { $0.roundedHalfUp(4).plain })),
            ("time_progress", .string(result.timeProgress.roundedHalfUp(4).plain)),
            ("light", .string(result.light.rawValue)),
            ("indicators", .array(indicators)),
        ])
    }
}
