import JixiaoModel
import JixiaoRender
import JixiaoSystem

/// Which pages a rebuild renders, from what changed since the last good build.
struct RenderPlan: Sendable {
    /// Every page: the first build, or a change to a layout or partial that any page may use.
    let everything: Bool
    /// Kinds of page whose HTML or Markdown template changed.
    let kinds: Set<PageKind>
    /// Units whose settings or list of projects changed: every page of theirs shows it.
    let units: Set<UnitKey>
    /// Those units, and the units with a project file read again: their page and booklets show it.
    let touchedUnits: Set<UnitKey>
    /// The years of those units and of the units gone since: their year's page shows them.
    let touchedYears: Set<Int>
    let readAgain: Set<String>
    /// Project files whose pages compare them with other years, where one of those changed or the
    /// years linked are not the same.
    let historyChanged: Set<String>

    init(previous: (templates: [String: UInt64], units: [UnitKey: UInt64], history: [String: [String]])?, templates current: [String: UInt64],
         units: [UnitKey: UInt64], history: [String: [String]], readAgain: Set<String>)
    {
        self.readAgain = readAgain
        guard let previous else {
            everything = true
            kinds = []
            self.units = []
            touchedUnits = []
            touchedYears = []
            historyChanged = []
            return
        }
        var historyChanged: Set<String> = []
        for code in Set(previous.history.keys).union(history.keys) {
            let before = previous.history[code] ?? [], now = history[code] ?? []
            // The same list in the same order (as nearly always) is the same set.
            if (before != now && Set(before) != Set(now)) || now.contains(where: readAgain.contains) {
                historyChanged.formUnion(before)
                historyChanged.formUnion(now)
            }
        }
        self.historyChanged = historyChanged
        let names = Set(previous.templates.keys).union(current.keys)
        let changed = names.filter { previous.templates[$0] != current[$0] }
        // `project.html` → .goal; a partial or layout (`base.html`, `goal-sheet.md`) has no page kind.
        let changedKinds = changed.map { name -> PageKind? in
            PageFormat.allCases.lazy.compactMap { format in
                name.hasSuffix("." + format.rawValue) ? PageKind(template: String(name.dropLast(format.rawValue.count + 1))) : nil
            }.first
        }
        everything = changedKinds.contains(nil)
        kinds = Set(changedKinds.compactMap { $0 })
        self.units = Set(units.keys.filter { previous.units[$0] != units[$0] })
        // The units of the files read again, by their folders (content/<year>/<unit>/<file>).
        touchedUnits = self.units.union(readAgain.compactMap(Self.unit(of:)))
        touchedYears = Set(touchedUnits.map(\.year)).union(previous.units.keys.filter { units[$0] == nil }.map(\.year))
    }

    /// Whether each page of `pages` must be rendered, in their order. A unit whose settings, projects and
    /// projects' history are as before has only the pages that show the whole site rendered (its review):
    /// the others' pages are not looked at one by one.
    func chosen(in pages: SitePages) -> [Bool] {
        let narrow = !everything && kinds.isEmpty
        // The units of the files whose pages compare them with other years.
        let historyUnits = Set(historyChanged.compactMap(Self.unit(of:)))
        let years = pages.checked.site.years
        return Parallel.map(pages.groups) { group -> [Bool] in
            if narrow, case let .unit(y, u) = pages.references[group.lowerBound] {
                let unit = UnitKey(year: years[y].year, unit: years[y].units[u].slug)
                if !touchedUnits.contains(unit), !historyUnits.contains(unit) {
                    return group.map { pages.references[$0].showsSite }
                }
            }
            return group.map { mustRender(pages.references[$0], in: pages) }
        }.flatMap { $0 }
    }

    /// The unit of a project file or table, by its folders (content/<year>/<unit>/<file>).
    static func unit(of file: String) -> UnitKey? {
        let parts = file.split(separator: "/")
        guard parts.count == 4, parts[0] == "content", let year = Int(parts[1]) else { return nil }
        return UnitKey(year: year, unit: String(parts[2]))
    }

    func mustRender(_ reference: SitePages.Reference, in pages: SitePages) -> Bool {
        if everything || kinds.contains(SitePages.kind(reference)) { return true }
        switch pages.source(reference) {
        case .site: return true
        case let .year(year): return touchedYears.contains(year)
        case let .project(file, unit): return readAgain.contains(file) || historyChanged.contains(file) || units.contains(unit)
        case let .unit(unit): return touchedUnits.contains(unit)
        }
    }
}
