import Foundation
import JixiaoCheck
import JixiaoModel
import JixiaoTemplates

/// 历年对比: the same project (by 项目编码) in other years, linked, and on the goal page its indicators
/// of the same name compared by year (target, actual value, score). Shown on screen beside the sheet,
/// not printed: the printed page is the form.
struct HistoryView {
    struct Link {
        let year: Int
        let goalURL: String
        let selfEvaluationURL: String?
        let current: Bool
    }

    struct Line {
        let year: Int
        let target: String
        let actual: String
        let score: String
        let current: Bool
    }

    let links: [Link]
    /// By indicator name (the current project's, in its order), the years that have it.
    let indicators: [(name: String, lines: [Line])]

    /// The history of the project at `address`; `nil` when no other year has its code.
    init?(_ project: Project, at address: ProjectAddress, history: YearOverYear, checked: CheckedSite, frame: PageFrame) {
        let others = history.others(of: project, at: address)
        guard !others.isEmpty else { return nil }
        var links: [Link] = []
        var sheets: [(year: Int, project: Project, evaluation: ProjectEvaluation?)] = []
        for each in (others + [address]).sorted() {
            guard let year = checked.site.years.first(where: { $0.year == each.year }), let unit = year.units.first(where: { $0.slug == each.unit }),
                  let found = each == address ? project : history.project(each)
            else { continue }
            let evaluation = checked.evaluation(year, unit, found)
            links.append(Link(year: each.year, goalURL: frame.url(Paths.project(year, unit, found)),
                              selfEvaluationURL: evaluation?.execution != nil ? frame.url(Paths.selfEvaluation(year, unit, found)) : nil,
                              current: each == address))
            sheets.append((each.year, found, evaluation))
        }
        self.links = links
        var indicators: [(name: String, lines: [Line])] = []
        for indicator in project.indicators {
            let name = Trim.whitespace(indicator.name)
            guard !indicators.contains(where: { $0.name == name }) else { continue }
            let lines = sheets.compactMap { sheet -> Line? in
                guard let index = sheet.project.indicators.firstIndex(where: { Trim.whitespace($0.name) == name }) else { return nil }
                let found = sheet.project.indicators[index]
                return Line(year: sheet.year, target: found.target.text, actual: found.actual ?? "",
                            score: Format.points(sheet.evaluation?.indicatorScores[index]), current: sheet.year == address.year)
            }
            if lines.count > 1 { indicators.append((name, lines)) }
        }
        self.indicators = indicators
    }

    /// `hasHistory`, `historyLinks` (each `{year, goalURL, selfEvaluationURL, current}`) and, with `comparison`,
    /// `hasHistoryRows` and `historyRows` (each `{first, span, name, year, target, actual, score, current}`).
    func fields(comparison: Bool) -> TemplateFields {
        var fields: TemplateFields = ["hasHistory": true]
        fields["historyLinks"] = .list(links.map { link in
            var item: TemplateFields = ["year": TemplateValue(link.year), "goalURL": .text(link.goalURL), "current": .flag(link.current)]
            item.set("selfEvaluationURL", link.selfEvaluationURL)
            return .object(item)
        })
        if comparison, !indicators.isEmpty {
            fields["hasHistoryRows"] = true
            fields["historyRows"] = .list(indicators.flatMap { indicator in
                indicator.lines.enumerated().map { index, line in
                    [
                        "first": .flag(index == 0), "span": TemplateValue(indicator.lines.count), "name": .text(indicator.name), "year": TemplateValue(line.year),
                        "target": .text(line.target), "actual": .text(line.actual), "score": .text(line.score), "current": .flag(line.current),
                    ]
                }
            })
        }
        return fields
    }
}

/// A project's goal or self-evaluation page: its sheet, and its history when other years have its code.
struct ProjectPageView: TemplateView {
    let sheet: RenderedSheet
    let history: HistoryView?
    /// The goal page compares the indicators; the self-evaluation page links the years only.
    let comparison: Bool

    var fields: TemplateFields {
        var fields = sheet.fields
        if let history { fields.merge(history.fields(comparison: comparison)) }
        return fields
    }
}
