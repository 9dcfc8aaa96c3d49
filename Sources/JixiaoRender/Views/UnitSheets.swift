import Foundation
import JixiaoCheck
import JixiaoModel
import JixiaoOffice
import JixiaoTemplates

/// A sheet laid out by its partial (`goal-sheet` or `self-evaluation-sheet`) in both formats, placed
/// as it is on the project's own page and in the unit's booklet.
package struct RenderedSheet: TemplateView, Sendable {
    /// The sheet's own fields (for a booklet's contents list and print styles).
    let sheetFields: TemplateFields
    let text: SheetText

    var html: Rendered { text.html }
    var markdown: Rendered { text.markdown }
    var office: PreparedSheet? { text.office }

    init(fields: TemplateFields, html: consuming Rendered, markdown: consuming Rendered, office: PreparedSheet? = nil) {
        html.dropLastLineBreak()
        markdown.dropLastLineBreak()
        self.init(fields: fields, text: SheetText(html: html, markdown: markdown, office: office))
    }

    init(fields: TemplateFields, text: SheetText) {
        sheetFields = fields
        self.text = text
    }

    /// As placed on its page and in a booklet: the sheet's fields, and the laid-out sheet as `sheetHTML`
    /// and `sheetMD`.
    var fields: TemplateFields {
        var placed = sheetFields
        placed["sheetHTML"] = .rendered(html)
        placed["sheetMD"] = .rendered(markdown)
        return placed
    }
}

/// What a sheet's partial made of it: what a session keeps of a sheet between builds. Its fields are not
/// kept: they take several times the memory of the text and are worked out again in a fraction of the
/// time the sheet takes to lay out.
package struct SheetText: Sendable {
    /// The laid-out sheet without its last line break: `{{{sheetHTML}}}` on a line of its own places it
    /// as `{{> goal-sheet.html}}` would.
    let html: Rendered
    let markdown: Rendered
    /// The sheet for office files, when the site writes them, written once for its own files and its booklet's.
    let office: PreparedSheet?

    /// The text in arrays of its own length, to keep.
    func compacted() -> SheetText {
        SheetText(html: html.compacted(), markdown: markdown.compacted(), office: office)
    }

    /// The bytes it takes in memory.
    var bytes: Int { html.capacity + markdown.capacity + (office?.bytes ?? 0) }
}

/// The sheets of one unit, each built and laid out once however many pages show it. A sheet is
/// numbered by its place in the unit's booklet (`sheet-7`), on its own page as well, so that both
/// show the same text.
package final class UnitSheets {
    let frame: PageFrame
    let checked: CheckedSite
    let year: Year
    let unit: JixiaoModel.Unit
    private let templates: TemplateSet
    /// Projects linked across years by their code, for the goal and self-evaluation pages.
    private let history: YearOverYear?
    /// Sheets laid out by the session's earlier builds, still as they would be laid out now.
    private let store: PartStore?
    /// The sheets laid out so far, by kind and project index (`nil`: the project has none of the kind).
    private var laidOut: [SheetKind: [Int: RenderedSheet?]] = [:]
    /// Each monitored project's place among the unit's monitoring sheets.
    private lazy var monitoredNumbers: [Int: Int] = {
        var numbers: [Int: Int] = [:]
        for (index, project) in unit.projects.enumerated() where checked.evaluation(year, unit, project)?.monitoring != nil {
            numbers[index] = numbers.count + 1
        }
        return numbers
    }()
    /// Each evaluated project's place among the unit's self-evaluations.
    private lazy var evaluatedNumbers: [Int: Int] = {
        var numbers: [Int: Int] = [:]
        for (index, project) in unit.projects.enumerated() where checked.evaluation(year, unit, project)?.execution != nil {
            numbers[index] = numbers.count + 1
        }
        return numbers
    }()

    /// The sheets are laid out with `templates`' sheet partials.
    package init(checked: CheckedSite, year: Year, unit: JixiaoModel.Unit, templates: TemplateSet, history: YearOverYear? = nil,
                 store: PartStore? = nil)
    {
        frame = PageFrame(site: checked.site, renderedMarkdown: RenderedMarkdown())
        self.history = history
        self.store = store
        self.checked = checked
        self.year = year
        self.unit = unit
        self.templates = templates
    }

    /// The sheet laid out by its partial in both formats, with its office files' sheet when the site writes
    /// them and `office` makes one.
    private func rendered(_ fields: TemplateFields, _ sheet: SheetKind, office: (() -> OfficeSheet)? = nil) -> RenderedSheet {
        RenderedSheet(fields: fields, html: templates.render(fields, sheet: sheet, as: .html),
                      markdown: templates.render(fields, sheet: sheet, as: .md),
                      office: checked.site.officeFiles ? office.map { PreparedSheet($0()) } : nil)
    }

    func pages(_ index: Int) -> ProjectPages {
        let project = unit.projects[index]
        return ProjectPages(frame: frame, year: year, unit: unit, project: project, evaluation: checked.evaluation(year, unit, project))
    }

    /// The history of project `index` across years, when another year has its code.
    func history(_ index: Int) -> HistoryView? {
        guard let history else { return nil }
        let project = unit.projects[index]
        return HistoryView(project, at: ProjectAddress(year: year.year, unit: unit.slug, project: project.slug), history: history, checked: checked, frame: frame)
    }

    func goal(_ index: Int) -> RenderedSheet {
        // Every project has a goal table.
        sheet(index, .goal)!
    }

    /// `nil` when the project is not monitored.
    func monitoring(_ index: Int) -> RenderedSheet? { sheet(index, .monitoring) }

    /// `nil` when the project has no self-evaluation.
    func selfEvaluation(_ index: Int) -> RenderedSheet? { sheet(index, .selfEvaluation) }

    /// Sheet `kind` of project `index`, laid out the first time it is asked for (or taken from the store).
    func sheet(_ index: Int, _ kind: SheetKind) -> RenderedSheet? {
        if let sheet = laidOut[kind]?[index] { return sheet }
        let sheet = stored(index, kind)
        laidOut[kind, default: [:]][index] = .some(sheet)
        return sheet
    }

    /// Whether sheet `kind` of project `index` is still to lay out (or to take from the store). Asked before
    /// `make` is called from many threads: what the sheets' numbers need is worked out here.
    package func needs(_ index: Int, _ kind: SheetKind) -> Bool {
        _ = (evaluatedNumbers, monitoredNumbers)
        return laidOut[kind]?[index] == nil
    }

    /// Sheet `kind` of project `index`, laid out or taken from the store, not kept here (`place` keeps it):
    /// safe to call from many threads at once for sheets that `needs` was asked about.
    package func make(_ index: Int, _ kind: SheetKind) -> RenderedSheet? { stored(index, kind) }

    /// Keeps a sheet `make` gave, for the pages that show it.
    package func place(_ sheet: RenderedSheet?, _ index: Int, _ kind: SheetKind) {
        laidOut[kind, default: [:]][index] = .some(sheet)
    }

    /// Sheet `kind` of project `index` with the text the store keeps, else laid out (and its text kept).
    private func stored(_ index: Int, _ kind: SheetKind) -> RenderedSheet? {
        let project = unit.projects[index]
        let key = PartStore.Key(unit: UnitKey(year: year.year, unit: unit.slug), project: project.slug, kind: .sheet(kind))
        if case let .sheet(kept)? = store?.part(key) {
            return kept.flatMap { text in source(index, kind).map { RenderedSheet(fields: $0.fields, text: text) } }
        }
        let sheet = source(index, kind).map { rendered($0.fields, kind, office: $0.office) }
        store?.store(key, file: project.locations.item.file, .sheet(sheet?.text.compacted()))
        return sheet
    }

    /// The fields sheet `kind` of project `index` gives its partial, and how its office sheet is made
    /// (`nil` when the project has none of the kind).
    private func source(_ index: Int, _ kind: SheetKind) -> (fields: TemplateFields, office: () -> OfficeSheet)? {
        let pages = pages(index)
        switch kind {
        case .goal:
            let view = pages.goalSheet(number: index + 1)
            return (view.fields, { pages.office(view) })
        case .selfEvaluation:
            return evaluatedNumbers[index].flatMap { pages.selfEvaluationSheet(number: $0) }.map { view in (view.fields, { pages.office(view) }) }
        case .monitoring:
            return monitoredNumbers[index].flatMap { pages.monitoringSheet(number: $0) }.map { view in (view.fields, { pages.office(view) }) }
        }
    }

    /// The unit's department-wide sheet, as its own pages lay it out (`nil` without `overall:`).
    private func overallPages() -> ProjectPages? {
        guard let overall = unit.overall else { return nil }
        var pages = ProjectPages(frame: frame, year: year, unit: unit, project: overall, evaluation: checked.overallEvaluation(year, unit))
        pages.isOverall = true
        return pages
    }

    /// The department-wide goal table, shown on the unit's page.
    func overallGoal() -> RenderedSheet? {
        guard let pages = overallPages() else { return nil }
        let view = pages.goalSheet(number: 0)
        return rendered(view.fields, .goal) { pages.office(view) }
    }

    /// The department-wide self-evaluation laid out (`nil` before the year's figures are given).
    private func overallSelfEvaluationSheet() -> (pages: ProjectPages, sheet: RenderedSheet)? {
        guard let pages = overallPages(), let view = pages.selfEvaluationSheet(number: 0) else { return nil }
        return (pages, rendered(view.fields, .selfEvaluation) { pages.office(view) })
    }

    /// The department-wide sheets printed together (`jixiao pdf --overall`): the goal table, then the
    /// self-evaluation when there is one; `nil` without `overall:`.
    package func overallBooklet() -> (page: Page, sheets: Int)? {
        guard let goal = overallGoal() else { return nil }
        let sheets = [goal] + (overallSelfEvaluationSheet().map { [$0.sheet] } ?? [])
        let path = Paths.overall(year, unit)
        let chrome = frame.chrome(title: "\(unit.name)\(year.year)年度部门整体绩效", path: path,
                                  trail: [("\(year.year)年", Paths.year(year)), (unit.name, Paths.unit(year, unit))], kind: .goalBooklet, unit: unit)
        let view = BookletView(unitName: unit.name, unitURL: frame.url(Paths.unit(year, unit)), sheets: sheets)
        return (Page(path: path, chrome: chrome, view: view, frame: frame), sheets.count)
    }

    /// The department-wide self-evaluation, on its own page (`nil` before the year's figures are given).
    func overallSelfEvaluation() -> Page? {
        guard let (pages, sheet) = overallSelfEvaluationSheet() else { return nil }
        let path = Paths.overall(year, unit)
        let chrome = frame.chrome(title: pages.selfEvaluationTitle, path: path,
                                  trail: [("\(year.year)年", Paths.year(year)), (unit.name, Paths.unit(year, unit)), ("部门整体支出绩效自评表", path)],
                                  kind: .selfEvaluation, unit: unit)
        return Page(path: path, chrome: chrome, view: sheet,
                    files: OfficeFiles.sheet(OfficeFiles.selfEvaluationName, in: path, sheet.office.map { [$0] } ?? []), frame: frame)
    }
}
