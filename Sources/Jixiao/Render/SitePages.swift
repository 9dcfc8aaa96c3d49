import Foundation
import JixiaoModel

/// Every page of the site, in a fixed order. Pages are listed as references and built one by one,
/// so that no more than the pages being rendered are held in memory.
struct SitePages: Sendable {
    enum Reference: Sendable {
        case home
        case year(Int)
        case unit(Int, Int)
        case goal(Int, Int, Int)
        case selfEvaluation(Int, Int, Int)
        case booklet(BookletKind, Int, Int)
    }

    let checked: CheckedSite
    let references: [Reference]

    init(_ checked: CheckedSite) {
        self.checked = checked
        var references: [Reference] = [.home]
        for (y, year) in checked.site.years.enumerated() {
            references.append(.year(y))
            for (u, unit) in year.units.enumerated() {
                references.append(.unit(y, u))
                var evaluated = false
                for (p, project) in unit.projects.enumerated() {
                    references.append(.goal(y, u, p))
                    if checked.evaluation(year, unit, project)?.execution != nil {
                        references.append(.selfEvaluation(y, u, p))
                        evaluated = true
                    }
                }
                if !unit.projects.isEmpty { references.append(.booklet(.goals, y, u)) }
                if evaluated { references.append(.booklet(.selfEvaluations, y, u)) }
            }
        }
        self.references = references
    }

    func page(_ reference: Reference) -> Page? {
        let frame = PageFrame(site: checked.site)
        let lists = ListPages(frame: frame, checked: checked)
        let years = checked.site.years
        switch reference {
        case .home:
            return lists.home()
        case let .year(y):
            return lists.year(years[y])
        case let .unit(y, u):
            return lists.unit(years[y].units[u], of: years[y])
        case let .goal(y, u, p):
            return projectPages(y, u, p, frame).goalPage()
        case let .selfEvaluation(y, u, p):
            return projectPages(y, u, p, frame).selfEvaluationPage()
        case let .booklet(kind, y, u):
            return Booklets(frame: frame, checked: checked).page(kind, years[y].units[u], of: years[y])
        }
    }

    private func projectPages(_ y: Int, _ u: Int, _ p: Int, _ frame: PageFrame) -> ProjectPages {
        let year = checked.site.years[y], unit = year.units[u], project = unit.projects[p]
        return ProjectPages(frame: frame, year: year, unit: unit, project: project,
                            evaluation: checked.evaluation(year, unit, project))
    }

    /// Paths of every HTML page, for the sitemap.
    var htmlPaths: [String] {
        references.compactMap { reference in
            let years = checked.site.years
            switch reference {
            case .home: return ""
            case let .year(y): return Paths.year(years[y])
            case let .unit(y, u): return Paths.unit(years[y], years[y].units[u])
            case let .goal(y, u, p): return Paths.project(years[y], years[y].units[u], years[y].units[u].projects[p])
            case let .selfEvaluation(y, u, p):
                return Paths.selfEvaluation(years[y], years[y].units[u], years[y].units[u].projects[p])
            case let .booklet(kind, y, u): return Paths.booklet(kind, years[y], years[y].units[u])
            }
        }
    }
}
