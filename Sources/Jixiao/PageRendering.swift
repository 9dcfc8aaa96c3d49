import Foundation
import Synchronization
import JixiaoCheck
import JixiaoLoad
import JixiaoModel
import JixiaoRender
import JixiaoSystem
import JixiaoWrite

/// Rendering a build's pages: those a build must render, on all cores, the others kept as written.
extension BuildSession {
    /// Renders the pages `chosen` selects (all, when `nil`) in HTML and Markdown on all cores, keeps the others as
    /// written, then writes the site's data (when the home page was rendered), the sitemap and static files. Returns how many pages were rendered. Throws
    /// `BuildStopped` when `stopped()` turns true, checked before each page; the caller discards the writer. `store`: the projects' sheets and
    /// data made by earlier builds that still hold, used again instead of made (and those made, kept). `sameFiles`:
    /// the site has the files of the previous build (the same layout of pages, the same static files).
    /// `sitemap`: the sitemap's bytes, when known (the same pages as the last build's, and the same base address).
    static func render(_ pages: SitePages, with templates: TemplateSet, into writer: OutputWriter, parts store: PartStore? = nil,
                       unitData: UnitDataStore? = nil, sameFiles: Bool = false, sitemap: Data? = nil, stopped: @Sendable () -> Bool = { false },
                       progress: ProgressLine = .silent,
                       chosen: [Bool]? = nil) throws -> Int
    {
        let failure = FirstError()
        let count = AtomicCount()
        var chosen = chosen ?? Array(repeating: true, count: pages.references.count)
        // Each page's files, as the last build wrote them.
        let files = { @Sendable (reference: SitePages.Reference) -> [String] in
            let path = pages.path(reference)
            return PageFormat.allCases.map { path + $0.file } + pages.files(reference)
        }
        // The same files as the last build's: the pages not to render are kept as a whole, and only those
        // of their files the staging folder lacks are looked at.
        // (The sitemap and static files are staged each time.)
        let keptAll = sameFiles ? writer.keepAll(except: Set(chosen.indices.filter { chosen[$0] }.flatMap { files(pages.references[$0]) }
                + [Self.sitemapName] + templates.staticFiles.map(\.path))) : nil
        if let failed = keptAll, !failed.isEmpty {
            let lost = Set(failed), rendered = chosen
            let owners = Parallel.map(Array(pages.references.indices)) { !rendered[$0] && files(pages.references[$0]).contains(where: lost.contains) }
            for index in owners.indices where owners[index] { chosen[index] = true }
        }
        let must = chosen
        // The groups with pages to render first: a rebuild's few do not wait behind thousands kept.
        let rendering = pages.groups.indices.filter { must[pages.groups[$0]].contains(true) }
        let order = rendering + (keptAll != nil ? [] : pages.groups.indices.filter { !must[pages.groups[$0]].contains(true) })
        if keptAll != nil { progress.advance(by: must.count { !$0 }) }
        let units = pages.references.indices.count { index in
            if case .unit = pages.references[index] { must[index] } else { false }
        }
        let siteData = SiteDataFile(pages, writer: writer, store: unitData, writing: must[0], units: units)
        // A unit's data files, when the site writes them: its `data.json` (last line break included) and `data.csv`.
        let dataFiles = { @Sendable (reference: SitePages.Reference) throws -> Void in
            guard case let .unit(y, u) = reference, case let files = pages.dataFiles(reference), files.count == 2 else { return }
            let (text, csv) = unitOpenData(y, u, pages.checked, store: store)
            let json = Data((text + "\n").utf8)
            try writer.stage(files[0], json)
            try writer.stage(files[1], csv)
            siteData.made(UnitPlace(year: y, unit: u), files[0], json)
        }
        // A page in HTML and Markdown, and its data files; its other files are returned, to make.
        let render = { @Sendable (reference: SitePages.Reference, sheets: UnitSheets?, data: Bool) throws -> [PageFile] in
            guard let page = pages.page(reference, sheets: sheets) else { return [] }
            for format in PageFormat.allCases {
                try writer.stage(page.path + format.file, templates.render(page, as: format).bytes)
            }
            if data { try dataFiles(reference) }
            count.add()
            return page.files
        }
        if keptAll != nil, rendering.count <= 8 {
            // A rebuild's few groups, one a core, would leave cores idle: their work is done step by step, each on all.
            do {
                try renderFew(rendering.map { pages.groups[$0] }, of: pages, must: must, templates: templates, store: store, writer: writer,
                              stopped: stopped, progress: progress, render: render, dataFiles: dataFiles)
            } catch {
                failure.set(error)
            }
        } else {
            // A unit's pages are rendered together: each sheet is laid out once for its page and the booklet.
            DispatchQueue.concurrentPerform(iterations: order.count) { turn in
                guard !failure.isSet, !stopped() else { return }
                let group = pages.groups[order[turn]]
                let sheets = pages.sheets(of: group, templates: templates, store: store)
                // Kept only when every file of the page is still on disk as the last build left it.
                let references = Array(pages.references[group])
                let mayKeep = references.indices.filter { !must[group.lowerBound + $0] }
                var kept = [Bool](repeating: false, count: references.count)
                if keptAll != nil {
                    for index in mayKeep { kept[index] = true }
                } else {
                    for (index, isKept) in zip(mayKeep, writer.keep(pages: mayKeep.map { files(references[$0]) })) { kept[index] = isKept }
                    progress.advance(by: kept.count { $0 })
                }
                for (reference, isKept) in zip(references, kept) where !isKept {
                    guard !failure.isSet else { return }
                    if stopped() { return failure.set(BuildStopped()) }
                    progress.advance()
                    do {
                        for file in try render(reference, sheets, true) { try writer.stage(file.path, file.make()) }
                    } catch {
                        failure.set(error)
                    }
                }
            }
        }
        if stopped() { failure.set(BuildStopped()) }
        if let error = failure.error {
            siteData.abandon()
            throw error
        }
        try siteData.finish()
        for file in templates.staticFiles { try writer.stage(file.path, file.data) }
        try writer.stage(Self.sitemapName, sitemap ?? Data(Sitemap.xml(pages.htmlPaths, base: pages.checked.site.baseURL).utf8))
        return count.value
    }

    /// The pages of a rebuild's few `groups` (those `must` selects), each step on all cores: first the units'
    /// data and the sheets their pages show (laid out, or taken from the store), then the units' pages,
    /// then their office files beside the pages that show no unit's sheets (the home and year pages).
    private static func renderFew(_ groups: [Range<Int>], of pages: SitePages, must: [Bool], templates: TemplateSet, store: PartStore?,
                                  writer: OutputWriter, stopped: @Sendable () -> Bool, progress: ProgressLine,
                                  render: @Sendable (SitePages.Reference, UnitSheets?, Bool) throws -> [PageFile],
                                  dataFiles: @Sendable (SitePages.Reference) throws -> Void) throws
    {
        enum Step { case data(Int), sheet(group: Int, project: Int, kind: SheetKind) }
        enum Last { case page(Int), file(PageFile) }
        let sheets = ReadySheets(Dictionary(uniqueKeysWithValues: groups.indices.compactMap { index in
            pages.sheets(of: groups[index], templates: templates, store: store).map { (index, $0) }
        }))
        var first: [Step] = [], then: [(group: Int, reference: Int)] = [], alone: [Int] = []
        for (index, group) in groups.enumerated() {
            let chosen = group.filter { must[$0] }
            guard let unit = sheets.groups[index] else {
                alone += chosen
                continue
            }
            then += chosen.map { (index, $0) }
            first += chosen.filter { pages.references[$0].isUnit }.map(Step.data)
            // The sheets its chosen pages show: a booklet's, or a project's own.
            var wanted: [(project: Int, kind: SheetKind)] = []
            for reference in chosen {
                switch pages.references[reference] {
                case let .booklet(kind, y, u): wanted += pages.checked.site.years[y].units[u].projects.indices.map { ($0, kind.sheet) }
                case let .goal(_, _, p): wanted.append((p, .goal))
                case let .selfEvaluation(_, _, p): wanted.append((p, .selfEvaluation))
                case let .monitoring(_, _, p): wanted.append((p, .monitoring))
                default: break
                }
            }
            var seen = Set<String>()
            first += wanted.filter { unit.needs($0.project, $0.kind) && seen.insert("\($0.project) \($0.kind)").inserted }
                .map { Step.sheet(group: index, project: $0.project, kind: $0.kind) }
        }
        func step<T>(_ work: () throws -> T) -> Result<T, any Error> {
            if stopped() { return .failure(BuildStopped()) }
            return Result(catching: work)
        }
        let laidOut = Parallel.map(first) { item in
            step { () throws -> RenderedSheet?? in
                switch item {
                case let .data(reference):
                    try dataFiles(pages.references[reference])
                    return .none
                case let .sheet(group, project, kind):
                    return .some(sheets.groups[group]!.make(project, kind))
                }
            }
        }
        for (item, result) in zip(first, laidOut) {
            if case let .sheet(group, project, kind) = item, let sheet = try result.get() { sheets.groups[group]!.place(sheet, project, kind) }
        }
        var files: [PageFile] = []
        for result in Parallel.map(then, { group, reference in
            step { () throws -> [PageFile] in
                progress.advance()
                return try render(pages.references[reference], sheets.groups[group], false)
            }
        }) {
            files += try result.get()
        }
        // The pages alone first: the longest (a year's page) would otherwise come last.
        let last = alone.map(Last.page) + files.map(Last.file)
        for result in Parallel.map(last, { item in
            step {
                switch item {
                case let .page(reference):
                    progress.advance()
                    for file in try render(pages.references[reference], nil, true) { try writer.stage(file.path, file.make()) }
                case let .file(file):
                    try writer.stage(file.path, file.make())
                }
            }
        }) {
            try result.get()
        }
    }
}

extension BuildSession {
    /// The data files the build writes with a unit's page: its `data.json` text (compact: for programs, a
    /// third smaller than `check --json`'s indented text; without its last line break) and `data.csv`.
    /// Each project's part of them is taken from `store` where kept, and kept there where made.
    static func unitOpenData(_ y: Int, _ u: Int, _ checked: CheckedSite, store: PartStore? = nil) -> (json: String, csv: Data) {
        let year = checked.site.years[y], unit = year.units[u]
        let parts = unit.projects.indices.map { p -> (json: String, csv: String) in
            let key = PartStore.Key(unit: UnitKey(year: year.year, unit: unit.slug), project: unit.projects[p].slug, kind: .data)
            if case let .data(json, csv)? = store?.part(key) { return (json, csv) }
            let made = (OpenData.project(p, of: unit, in: year, checked), OpenData.csvLines(p, of: unit, in: year, checked))
            store?.store(key, file: unit.projects[p].locations.item.file, .data(json: made.0, csv: made.1))
            return made
        }
        return (OpenData.unit(unit, of: year, checked) { parts[$0].json }, OpenData.csv(unit) { parts[$0].csv })
    }
}

/// The sheets of the units of a rebuild's groups (by group index). Unchecked, and safe: they are read from
/// many threads only once every sheet their pages show is laid out (`UnitSheets.needs`), and changed
/// (`place`) on one thread between.
private struct ReadySheets: @unchecked Sendable {
    let groups: [Int: UnitSheets]

    init(_ groups: [Int: UnitSheets]) {
        self.groups = groups
    }
}
