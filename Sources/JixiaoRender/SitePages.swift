import Foundation
import JixiaoCheck
import JixiaoModel
import JixiaoOffice
import JixiaoTemplates

/// Every page of the site, in a fixed order. Pages are listed as references and built one by one,
/// so that no more than the pages being rendered are held in memory.
package struct SitePages: Sendable {
    package enum Reference: Hashable, Sendable {
        case home
        case year(Int)
        case unit(Int, Int)
        case goal(Int, Int, Int)
        case selfEvaluation(Int, Int, Int)
        case monitoring(Int, Int, Int)
        /// The unit's department-wide self-evaluation.
        case overall(Int, Int)
        case booklet(BookletKind, Int, Int)
        /// The unit's review findings (审核意见), when the site asks for them: not linked, not in the sitemap.
        case review(Int, Int)
        /// The search page (`search: true`).
        case search
    }

    package let checked: CheckedSite
    /// Projects linked across years by their 项目编码.
    package let history: YearOverYear
    package let references: [Reference]
    /// The references in groups rendered together: the home and each year page alone, and each
    /// unit's pages (its page, its projects' pages and its booklets), which share its sheets.
    package let groups: [Range<Int>]

    /// `history`: the links across years of an earlier build, reused where the projects are in the same places.
    package init(_ checked: CheckedSite, history earlier: YearOverYear? = nil) {
        self.checked = checked
        history = YearOverYear(checked.site, reusing: earlier)
        var references: [Reference] = [.home]
        var groups: [Range<Int>] = [0 ..< 1]
        if checked.site.search {
            groups.append(references.count ..< references.count + 1)
            references.append(.search)
        }
        for (y, year) in checked.site.years.enumerated() {
            groups.append(references.count ..< references.count + 1)
            references.append(.year(y))
            for (u, unit) in year.units.enumerated() {
                let first = references.count
                defer { groups.append(first ..< references.count) }
                references.append(.unit(y, u))
                var evaluated = false, monitored = false
                // By index: a loop over the projects would copy each.
                for p in unit.projects.indices {
                    references.append(.goal(y, u, p))
                    // In place: the evaluation is not copied.
                    let index = checked.evaluations.index(forKey: ProjectKey(year: year.year, unit: unit.slug, project: unit.projects[p].slug))
                    if let index, checked.evaluations.values[index].execution != nil {
                        references.append(.selfEvaluation(y, u, p))
                        evaluated = true
                    }
                    if let index, checked.evaluations.values[index].monitoring != nil {
                        references.append(.monitoring(y, u, p))
                        monitored = true
                    }
                }
                if !unit.projects.isEmpty { references.append(.booklet(.goals, y, u)) }
                if evaluated { references.append(.booklet(.selfEvaluations, y, u)) }
                if monitored { references.append(.booklet(.monitoring, y, u)) }
                if unit.overall != nil, checked.overallEvaluation(year, unit)?.execution != nil { references.append(.overall(y, u)) }
                if checked.site.review.page { references.append(.review(y, u)) }
            }
        }
        self.references = references
        self.groups = groups
    }

    /// The sheets of the unit a group belongs to (`nil` for the home and year pages), laid out with `templates`.
    package func sheets(of group: Range<Int>, templates: TemplateSet, store: PartStore? = nil) -> UnitSheets? {
        guard case let .unit(y, u) = references[group.lowerBound] else { return nil }
        return UnitSheets(checked: checked, year: checked.site.years[y], unit: checked.site.years[y].units[u], templates: templates, history: history,
                          store: store)
    }

    /// A page; those of a unit need its sheets.
    package func page(_ reference: Reference, sheets: UnitSheets?) -> Page? {
        let frame = PageFrame(site: checked.site)
        let years = checked.site.years
        switch reference {
        case .home:
            return Page(path: "", chrome: frame.chrome(title: checked.site.title, path: "", trail: [], kind: .home),
                        view: HomeView(checked, frame: frame), links: dataFiles(reference), frame: frame)
        case .search:
            return Page(path: "search/", chrome: frame.chrome(title: "站内搜索", path: "search/", trail: [("站内搜索", "search/")], kind: .search),
                        view: SearchPageView(base: checked.site.baseURL), frame: frame)
        case let .year(y):
            let path = Paths.year(years[y])
            let chrome = frame.chrome(title: "\(years[y].year)年度预算项目绩效信息", path: path, trail: [("\(years[y].year)年", path)], kind: .year)
            return Page(path: path, chrome: chrome, view: YearView(years[y], checked: checked, frame: frame))
        case let .unit(y, u):
            let year = years[y], unit = year.units[u]
            let path = Paths.unit(year, unit)
            let chrome = frame.chrome(title: "\(unit.name)\(year.year)年度项目支出绩效目标公开表", path: path,
                                      trail: [("\(year.year)年", Paths.year(year)), (unit.name, path)], kind: .unit, unit: unit,
                                      description: unit.goal ?? "\(unit.name)\(year.year)年度项目支出绩效目标公开表")
            // With the frame of the unit's sheets, which have rendered its projects' goals.
            let view = DisclosureView(unit, of: year, checked: checked, frame: sheets?.frame ?? frame)
            let overall = sheets?.overallGoal()
            var files = checked.site.officeFiles ? [PageFile(path: path + OfficeFiles.disclosureName + ".xlsx") { try XLSXWriter.workbook([view.office]) }] : []
            files += OfficeFiles.sheet(OfficeFiles.overallGoalName, in: path, overall?.office.map { [$0] } ?? [])
            // The unit's data, and its booklets' files.
            let evaluated = unit.projects.contains { checked.evaluation(year, unit, $0)?.execution != nil }
            let monitored = unit.projects.contains { checked.evaluation(year, unit, $0)?.monitoring != nil }
            let booklets = (unit.projects.isEmpty ? [] : self.files(.booklet(.goals, y, u))) + (evaluated ? self.files(.booklet(.selfEvaluations, y, u)) : [])
                + (monitored ? self.files(.booklet(.monitoring, y, u)) : [])
            let page = UnitPageView(disclosure: view, overallGoal: overall, metadata: unit.metadata,
                                    overallSelfEvaluationURL: references.contains { if case .overall(y, u) = $0 { true } else { false } }
                                        ? frame.url(Paths.overall(year, unit)) : nil,
                                    charts: SiteCharts.unit(unit, of: year, checked: checked))
            return Page(path: path, chrome: chrome, view: page, files: files, links: dataFiles(reference) + booklets, frame: frame)
        case let .goal(_, _, p):
            return sheets.map { $0.pages(p).goalPage($0.goal(p), history: $0.history(p)) }
        case let .selfEvaluation(_, _, p):
            return sheets.flatMap { sheets in sheets.selfEvaluation(p).map { sheets.pages(p).selfEvaluationPage($0, history: sheets.history(p)) } }
        case let .monitoring(_, _, p):
            return sheets.flatMap { sheets in sheets.monitoring(p).map { sheets.pages(p).monitoringPage($0) } }
        case .overall:
            return sheets?.overallSelfEvaluation()
        case let .booklet(kind, _, _):
            return sheets?.booklet(kind)
        case let .review(y, u):
            let year = years[y], unit = year.units[u]
            let path = Paths.review(year, unit)
            let chrome = frame.chrome(title: "\(unit.name)\(year.year)年度审核意见", path: path,
                                      trail: [("\(year.year)年", Paths.year(year)), (unit.name, Paths.unit(year, unit)), ("审核意见", path)], kind: .review, unit: unit)
            let findings = SiteReview.review(checked.site, history: history, years: [year.year], units: [unit.slug])
            return Page(path: path, chrome: chrome, view: ReviewPageView(unit: unit, year: year, findings: findings, frame: frame), frame: frame)
        }
    }

    /// Paths of every HTML page, for the sitemap.
    package var htmlPaths: [String] {
        references.filter { if case .review = $0 { false } else { true } }.map(path)
    }

    /// The page's folder relative to the output root (`""` for the home page).
    package func path(_ reference: Reference) -> String {
        let years = checked.site.years
        switch reference {
        case .home: return ""
        case .search: return "search/"
        case let .year(y): return Paths.year(years[y])
        case let .unit(y, u): return Paths.unit(years[y], years[y].units[u])
        // From the slugs: passing the project would copy it whole.
        case let .goal(y, u, p): return Paths.project(years[y].year, years[y].units[u].slug, years[y].units[u].projects[p].slug)
        case let .selfEvaluation(y, u, p):
            return Paths.project(years[y].year, years[y].units[u].slug, years[y].units[u].projects[p].slug) + "self-evaluation/"
        case let .monitoring(y, u, p):
            return Paths.project(years[y].year, years[y].units[u].slug, years[y].units[u].projects[p].slug) + "monitoring/"
        case let .booklet(kind, y, u): return Paths.booklet(kind, years[y], years[y].units[u])
        case let .review(y, u): return Paths.review(years[y], years[y].units[u])
        case let .overall(y, u): return Paths.overall(years[y], years[y].units[u])
        }
    }

    /// The kind of page, which names the templates that lay it out.
    package static func kind(_ reference: Reference) -> PageKind {
        switch reference {
        case .home: .home
        case .year: .year
        case .unit: .unit
        case .goal: .goal
        case .selfEvaluation: .selfEvaluation
        case .monitoring: .monitoring
        case .overall: .selfEvaluation
        case let .booklet(kind, _, _): kind.page
        case .review: .review
        case .search: .search
        }
    }

    /// What a page shows, for telling which pages a change touches.
    package enum Source: Hashable {
        /// The home page (figures of every year) and the review pages (a target against other years).
        case site
        /// A year's page: figures of that year's units (by its number).
        case year(Int)
        /// A unit's page and booklets: its settings and all its projects.
        case unit(UnitKey)
        /// A project's own pages: its file (its unit's name and settings reach it through the file's
        /// reading), and its unit's list of projects (a sheet is numbered by its place in the unit).
        case project(file: String, unit: UnitKey)
    }

    package func source(_ reference: Reference) -> Source {
        let years = checked.site.years
        switch reference {
        case .home, .review, .search: return .site
        case let .year(y): return .year(years[y].year)
        case let .unit(y, u), let .booklet(_, y, u), let .overall(y, u): return .unit(UnitKey(year: years[y].year, unit: years[y].units[u].slug))
        case let .goal(y, u, p), let .selfEvaluation(y, u, p), let .monitoring(y, u, p):
            return .project(file: years[y].units[u].projects[p].locations.item.file, unit: UnitKey(year: years[y].year, unit: years[y].units[u].slug))
        }
    }
}

extension SitePages.Reference {
    /// Whether the page's source is the whole site (`SitePages.Source.site`): the home page, the search
    /// page, and the review pages (a target judged against other years too).
    package var showsSite: Bool {
        switch self {
        case .home, .review, .search: true
        default: false
        }
    }

    package var isUnit: Bool { if case .unit = self { true } else { false } }
}
