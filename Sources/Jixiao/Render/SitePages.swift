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
    var htmlPaths: [String] { references.map(path) }

    /// The page's folder relative to the output root (`""` for the home page).
    func path(_ reference: Reference) -> String {
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

    /// The template that lays the page out (`project` for `project.html` and `project.md`).
    static func template(_ reference: Reference) -> String {
        switch reference {
        case .home: "home"
        case .year: "year"
        case .unit: "unit"
        case .goal: "project"
        case .selfEvaluation: "self-evaluation"
        case let .booklet(kind, _, _): kind.template
        }
    }

    /// What a page shows, for telling which pages a change touches.
    enum Source: Hashable {
        /// The home and year pages: figures of many units.
        case site
        /// A unit's page and booklets: its settings and all its projects.
        case unit(year: Int, unit: String)
        /// A project's own pages: its file (its unit's name and settings reach it through the file's reading).
        case project(file: String)
    }

    func source(_ reference: Reference) -> Source {
        let years = checked.site.years
        switch reference {
        case .home, .year: return .site
        case let .unit(y, u), let .booklet(_, y, u): return .unit(year: years[y].year, unit: years[y].units[u].slug)
        case let .goal(y, u, p), let .selfEvaluation(y, u, p): return .project(file: years[y].units[u].projects[p].locations.item.file)
        }
    }
}
