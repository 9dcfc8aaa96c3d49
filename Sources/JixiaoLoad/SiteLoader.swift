import Foundation
import JixiaoModel
import JixiaoSystem
import JixiaoTables


/// load: the files under content/ → a typed `Site`, every value remembering where it was written.
///
/// Project files and tables of every unit are parsed together on all cores. With a `LoadCache`, a
/// file whose size, time and inode are unchanged (and whose unit and site settings are unchanged) is
/// not parsed again: the preview server keeps one between rebuilds.
public struct SiteLoader {
    public let root: URL
    let cache: LoadCache?
    /// The stamps of content's files taken just before (paths relative to the root), when a build
    /// took them for its own cache: those files are not stamped again.
    let stamps: [String: FileStamp]?
    /// The files changed since the cache took its entries, as a watch of content/ saw them (paths relative
    /// to the root), when it could tell: the others are taken from the cache without a look at the disk,
    /// unless reached through a link (its target may lie outside what is watched).
    let changed: Set<String>?

    public init(root: URL, cache: LoadCache? = nil) {
        self.init(root: root, cache: cache, stamps: nil)
    }

    package init(root: URL, cache: LoadCache?, stamps: [String: FileStamp]?, changed: Set<String>? = nil) {
        self.root = root
        self.cache = cache
        self.stamps = stamps
        self.changed = changed
    }

    /// What a load found, and which project files and tables it parsed anew (paths as diagnostics show them).
    public struct Result {
        public var site: Site
        public var diagnostics: [Diagnostic]
        public var parsed: Set<String>
        /// The settings each unit was read under.
        package var unitContexts: [UnitKey: UnitContext] = [:]
        /// What the load went through, for a session's next load (`patch(_:)`).
        var state: LoadState?
        /// The places (year index, unit index) of the units a patch put together again; `nil` for a whole load.
        package var patched: [(year: Int, unit: Int)]?
    }

    public func load() -> (Site, [Diagnostic]) {
        let result = loadAll()
        return (result.site, result.diagnostics)
    }

    public func loadAll() -> Result {
        let sink = DiagnosticSink()
        let content = root.appendingPathComponent("content")
        var site = Site()
        // Links in content/ are followed only when they stay inside the site.
        let links = SiteLinks(root: root.path)
        func refusedLink(_ path: String, shown: String) -> Bool { Self.refusedLink(path, shown: shown, links: links, sink: sink) }
        if refusedLink(content.path, shown: "content") { return Result(site: site, diagnostics: sink.diagnostics, parsed: []) }
        guard Folders.isDirectory(content.path) else {
            sink.error(.noContent, "no content folder: expected content/<year>/<unit>/<project>.md", at: SourceLocation(file: "content"))
            return Result(site: site, diagnostics: sink.diagnostics, parsed: [])
        }
        let settingsURL = content.appendingPathComponent("site.yaml")
        let siteStamp = refusedLink(settingsURL.path, shown: "content/site.yaml") ? nil : FileStamp(path: settingsURL.path)
        var limits = ReadLimits()
        if siteStamp != nil {
            let settings = Self.readSettings(settingsURL, sink: sink)
            site = Site(title: settings.title, publisher: settings.publisher, baseURL: settings.baseURL,
                        unsafeHTML: settings.unsafeHTML, rules: settings.rules, forms: settings.forms)
            site.officeFiles = settings.officeFiles
            site.search = settings.search
            site.review = settings.review
            site.metadata = settings.metadata
            limits = settings.limits
        }
        // Walk the folders: the years in order, then their unit folders on all cores, each listed and its
        // settings read (a site has hundreds).
        var found: [(year: Int, url: URL, path: String, entry: Folders.Entry, yearIsLink: Bool)] = []
        var years: [Int] = []
        for entry in Folders.entries(content.path) where entry.name != "site.yaml" {
            let name = entry.name
            let url = content.appendingPathComponent(name)
            let path = "content/\(name)"
            if entry.isLink, refusedLink(url.path, shown: path) { continue }
            guard entry.isFolder else { continue }
            guard Names.isYear(name), let year = Int(name) else {
                sink.error(.notAYear, "`\(name)` is not a year folder: folders in content/ are budget years of four digits, e.g. 2022",
                           at: SourceLocation(file: path))
                continue
            }
            years.append(year)
            found += Folders.entries(url.path).map { (year, url.appendingPathComponent($0.name), "\(path)/\($0.name)", $0, entry.isLink) }
        }
        let walked = Parallel.map(found) { [site, limits] year, url, path, entry, yearIsLink in
            let local = DiagnosticSink()
            let unit = walkUnit(url, path: path, entry: entry, year: year, throughLink: yearIsLink, site: site, siteStamp: siteStamp, limits: limits,
                                links: links, sink: local)
            return (unit, local.diagnostics)
        }
        var units: [WalkedUnit] = []
        var unitContexts: [UnitKey: UnitContext] = [:]
        var jobs: [Job] = []
        var owners: [Int] = []
        for (unit, diagnostics) in walked {
            diagnostics.forEach(sink.add)
            guard var unit else { continue }
            let first = jobs.count
            jobs += unit.jobs
            owners += Array(repeating: units.count, count: unit.jobs.count)
            unit.range = first ..< jobs.count
            unit.jobs = []
            unitContexts[UnitKey(year: unit.year, unit: unit.slug)] = unit.context
            units.append(unit)
        }
        // Parse every project file and table on all cores, or take it from the cache: its entries as they
        // are now, looked up without its lock; those parsed are stored after (the table is not copied).
        let read = read(jobs, changed: changed)
        cache?.keep(Set(jobs.map(\.path)))
        var parsed: Set<String> = []
        for (job, result) in zip(jobs, read) where result.parsed { parsed.insert(job.path) }
        let results = read.map { (projects: $0.projects, diagnostics: $0.diagnostics) }
        // Assemble each unit, on all cores; then the years, in folder order.
        let metadata = site.metadata
        let assembled = Parallel.map(units) { Self.assemble($0, results, metadata: metadata) }
        // The walk lists the units year by year, in the years' order.
        var places: [LoadState.Place] = []
        for year in years {
            var yearUnits: [JixiaoModel.Unit] = []
            for (unit, (loaded, _)) in zip(units, assembled) where unit.year == year {
                places.append(LoadState.Place(year: site.years.count, unit: yearUnits.count))
                yearUnits.append(loaded)
            }
            site.years.append(Year(year: year, units: yearUnits))
        }
        let state = LoadState(fixed: sink.diagnostics, units: units, places: places, jobs: jobs, owners: owners, results: results,
                              unitDiagnostics: assembled.map(\.1), linked: jobs.contains(where: \.throughLink))
        return Result(site: site, diagnostics: state.diagnostics, parsed: parsed, unitContexts: unitContexts, state: state)
    }

    /// What reading a project file or table gave: its projects and diagnostics, whether it was parsed (not
    /// taken from the cache), and what the cache is to keep of it.
    typealias Loaded = (projects: [Project], diagnostics: [Diagnostic], parsed: Bool, entry: LoadCache.Entry?)
    /// A file's projects and diagnostics.
    typealias Parsed = (projects: [Project], diagnostics: [Diagnostic])

    /// Reads `jobs` on all cores, or takes them from the cache (a file not in `changed`, when given, is not
    /// looked at on disk); the cache keeps those parsed.
    func read(_ jobs: [Job], changed: Set<String>?) -> [Loaded] {
        let results: [Loaded]
        do {
            let entries = cache?.snapshot() ?? [:]
            results = Parallel.map(jobs) { job -> Loaded in
                let cached = entries[job.path].flatMap { $0.context == job.context ? $0 : nil }
                if let cached, let changed, !job.throughLink, !changed.contains(job.path) {
                    return (cached.projects, cached.diagnostics, false, nil)
                }
                let stamp = stamps?[job.path] ?? FileStamp(path: job.file)
                if let stamp, let cached, cached.stamp == stamp {
                    return (cached.projects, cached.diagnostics, false, nil)
                }
                let local = DiagnosticSink()
                let projects = job.isTable ? readTable(job, sink: local) : readProject(job, sink: local).map { [$0] } ?? []
                // A file that could not be stamped is read each time.
                let entry = stamp.map { LoadCache.Entry(stamp: $0, context: job.context, projects: projects, diagnostics: local.diagnostics) }
                return (projects, local.diagnostics, true, entry)
            }
        }
        cache?.take(zip(jobs, results).compactMap { job, result in result.entry.map { (job.path, $0) } })
        return results
    }

    /// A unit from its settings and its files' projects (`results`, by the unit's `range` of jobs), with
    /// what its files and its list of projects say.
    static func assemble(_ unit: WalkedUnit, _ results: [Parsed], metadata: PageMetadata) -> (JixiaoModel.Unit, [Diagnostic]) {
        let local = DiagnosticSink()
        var projects: [Project] = []
        for index in unit.range {
            projects += results[index].projects
            results[index].diagnostics.forEach(local.add)
        }
        var seen: [String: String] = [:]
        // By index: a loop over the projects would copy each.
        for p in projects.indices {
            let slug = projects[p].slug
            if let earlier = seen[slug] {
                local.error(.sameAddress, "two projects would be published at the same address /\(slug)/: also \(earlier)", at: projects[p].locations.item)
            }
            seen[slug] = projects[p].locations.item.file
        }
        let settings = unit.settings
        projects = Self.ordered(projects, by: settings.order, sink: local)
        var loaded = JixiaoModel.Unit(slug: unit.slug, name: settings.name, code: settings.code, moneyUnit: settings.moneyUnit,
                                      total: settings.total, goal: settings.goal, targets: settings.targets,
                                      measures: settings.measures, body: settings.body, rules: settings.rules,
                                      forms: settings.forms, projects: projects, locations: settings.locations)
        loaded.overall = settings.overall
        loaded.metadata = metadata.overridden(by: settings.metadata)
        return (loaded, local.diagnostics)
    }

    /// Whether `path` is a link that leads out of the site (said, as `shown`).
    private static func refusedLink(_ path: String, shown: String, links: SiteLinks, sink: DiagnosticSink) -> Bool {
        guard let problem = links.problem(path) else { return false }
        sink.error(.symbolicLink, "`\(shown.split(separator: "/").last ?? "")` is \(problem.description)", at: SourceLocation(file: shown))
        return true
    }

    /// A unit folder as the walk found it: its settings and its project files and tables to read.
    struct WalkedUnit {
        let year: Int
        let slug: String
        let settings: UnitSettings
        let context: UnitContext
        /// Its files, until they join the list of all (`range`, there).
        var jobs: [Job]
        var range = 0 ..< 0
    }

    /// Lists a unit folder of content/<year>/ and reads its `_unit.md`; `nil` (with diagnostics) for an entry
    /// that is no unit folder.
    private func walkUnit(_ unitURL: URL, path unitPath: String, entry unitEntry: Folders.Entry, year: Int, throughLink: Bool, site: Site, siteStamp: FileStamp?,
                          limits: ReadLimits, links: SiteLinks, sink: DiagnosticSink) -> WalkedUnit? {
        func refusedLink(_ path: String, shown: String) -> Bool { Self.refusedLink(path, shown: shown, links: links, sink: sink) }
        let unitName = unitEntry.name
        if unitEntry.isLink, refusedLink(unitURL.path, shown: unitPath) { return nil }
        guard unitEntry.isFolder else {
            if unitName.hasSuffix(".md") {
                sink.error(.misplacedFile, "project files belong in a unit folder: content/<year>/<unit>/<project>.md", at: SourceLocation(file: unitPath))
            }
            return nil
        }
        if let problem = Names.problem(unitName) {
            sink.error(.unusableName, "unit folder name `\(unitName)` cannot be used in a URL: \(problem)", at: SourceLocation(file: unitPath))
            return nil
        }
        let unitFolder = unitURL.path
        // Links among the unit's files, _unit.md included, are checked before anything is read.
        let files = Folders.entries(unitFolder).filter { !$0.isLink || !refusedLink(unitFolder + "/" + $0.name, shown: "\(unitPath)/\($0.name)") }
        let unitFile = unitURL.appendingPathComponent("_unit.md")
        let unitStamp = files.contains { $0.name == "_unit.md" } ? FileStamp(path: unitFile.path) : nil
        var settings = UnitSettings(name: unitName, rules: site.rules, forms: site.forms, locations: FieldLocations(item: SourceLocation(file: unitPath)))
        if unitStamp != nil,
           let (reader, body) = readDocument(unitFile.path, path: "\(unitPath)/_unit.md", fields: .unit, what: "_unit.md", limits: limits, sink: sink)
        {
            settings = UnitSettings.read(reader, body: body, slug: unitName, siteRules: site.rules, siteForms: site.forms)
        }
        let defaults = ProjectReader.UnitDefaults(name: settings.name, moneyUnit: settings.moneyUnit, rules: settings.rules)
        let context = UnitContext(site: siteStamp, unit: unitStamp)
        var jobs: [Job] = []
        for file in files where file.name != "_unit.md" {
            let fileName = file.name
            let filePath = "\(unitPath)/\(fileName)"
            if file.isFolder {
                sink.warning(.ignoredFolder, "folder `\(fileName)` in a unit folder is ignored: projects are the .md files of the unit", at: SourceLocation(file: filePath))
                continue
            }
            let isTable = fileName.hasSuffix(".csv") || fileName.hasSuffix(".xlsx")
            guard isTable || fileName.hasSuffix(".md") else {
                if let advice = Self.lookalike(fileName) {
                    sink.warning(.ignoredFile, "`\(fileName)` is ignored: jixiao reads the files ending in `.md` (projects), `.csv` and `.xlsx` (tables) of a unit folder; \(advice)",
                                 at: SourceLocation(file: filePath))
                }
                continue
            }
            let slug = String(fileName[..<fileName.lastIndex(of: ".")!])
            if !isTable, let problem = Names.problem(slug) {
                sink.error(.unusableName, "file name `\(fileName)` cannot be used in a URL: \(problem)", at: SourceLocation(file: filePath))
                continue
            }
            jobs.append(Job(file: unitFolder + "/" + fileName, path: filePath, slug: slug, isTable: isTable, defaults: defaults,
                            context: context, limits: limits, throughLink: throughLink || unitEntry.isLink || file.isLink))
        }
        return WalkedUnit(year: year, slug: unitName, settings: settings, context: context, jobs: jobs)
    }

    /// One project file or table to read. A reference: a rebuild hands each of a site's files from one
    /// list to another, and a copy of a value had retained each of its texts and its unit's rules.
    final class Job: Sendable {
        /// The file's full path.
        let file: String
        /// Relative to the site root, as diagnostics show it.
        let path: String
        let slug: String
        let isTable: Bool
        let defaults: ProjectReader.UnitDefaults
        /// The settings the file is read under (site.yaml's and _unit.md's stamps): a cached result
        /// stands only under the same ones.
        let context: UnitContext
        /// site.yaml's limits (their changes change its stamp in `context`).
        let limits: ReadLimits
        /// The file, its unit folder or its year folder is a link.
        let throughLink: Bool

        init(file: String, path: String, slug: String, isTable: Bool, defaults: ProjectReader.UnitDefaults, context: UnitContext,
             limits: ReadLimits, throughLink: Bool)
        {
            self.file = file
            self.path = path
            self.slug = slug
            self.isTable = isTable
            self.defaults = defaults
            self.context = context
            self.limits = limits
            self.throughLink = throughLink
        }
    }

    private func readProject(_ job: Job, sink: DiagnosticSink) -> Project? {
        readDocument(job.file, path: job.path, fields: .project, what: "a project's front matter", limits: job.limits, sink: sink)
            .flatMap { ProjectReader(unit: job.defaults, sink: sink).read($0.0, slug: job.slug, body: $0.1) }
    }

    /// A table source: each project of the table becomes a project of the unit. Its address is its
    /// 项目编码 when that is a usable name, else the table's name and the project's number in it.
    private func readTable(_ job: Job, sink: DiagnosticSink) -> [Project] {
        let path = job.path, defaults = job.defaults
        let grid: XLSXSheet.Grid
        if job.file.hasSuffix(".xlsx") {
            if let refusal = job.limits.refusal(job.file, shown: path, kind: .table) {
                sink.add(refusal)
                return []
            }
            switch XLSXSheet.rows(URL(fileURLWithPath: job.file), shown: path) {
            case let .success(read): grid = read
            case let .failure(diagnostic):
                sink.add(diagnostic)
                return []
            }
        } else {
            let data: Data
            switch job.limits.bytes(job.file, shown: path, kind: .table) {
            case let .success(bytes): data = Data(bytes)
            case let .failure(diagnostic):
                sink.add(diagnostic)
                return []
            }
            switch LongTable.csvRows(data, file: path) {
            case let .success(read): grid = XLSXSheet.Grid(rows: read)
            case let .failure(diagnostic):
                sink.add(diagnostic)
                return []
            }
        }
        let set = LongTable.drafts(grid.rows, file: path, hidden: grid.hidden)
        set.notes.forEach(sink.add)
        let stem = job.slug
        return set.projects.enumerated().compactMap { index, draft in
            var draft = draft
            draft.moneyUnit = draft.moneyUnit ?? set.moneyUnit  // a `单位：万元` line or `（万元）` heading
            let slug = draft.code.flatMap { Names.problem($0) == nil ? $0 : nil } ?? "\(stem)-\(index + 1)"
            // Each project's diagnostics apart: an error in one leaves out that one only.
            let local = DiagnosticSink()
            defer { local.diagnostics.forEach(sink.add) }
            guard let root = MappingReader(draft.document, fields: .project, path: "", file: path, lineOffset: 0, sink: local,
                                           recorder: LocationRecorder(), what: "a project of the table")
            else { return nil }
            return ProjectReader(unit: defaults, sink: local).read(root, slug: slug, body: "")
        }
    }

    // MARK: Files

    /// The read limits site.yaml under `root` sets (the defaults when it sets none, or does not parse).
    package static func limits(root: URL) -> ReadLimits {
        let url = root.appendingPathComponent("content/site.yaml")
        guard FileStamp(path: url.path) != nil, SiteLinks(root: root.path).problem(url.path) == nil else { return ReadLimits() }
        return readSettings(url, sink: DiagnosticSink()).limits
    }

    private static func readSettings(_ url: URL, sink: DiagnosticSink) -> SiteSettings {
        let path = "content/site.yaml"
        guard case let .success(file) = SourceFile.read(url, as: path, limits: ReadLimits()).mapError({ sink.add($0); return $0 }) else { return SiteSettings() }
        let node: YAMLValue
        switch YAMLParser.parse(file.text, file: path, lineOffset: 0) {
        case let .success(parsed?): node = parsed
        case .success(nil):
            sink.error(.emptyFile, "site.yaml is empty: give at least `title`", at: SourceLocation(file: path))
            return SiteSettings()
        case let .failure(failure):
            failure.diagnostics.forEach(sink.add)
            return SiteSettings()
        }
        guard let reader = MappingReader(node, fields: .site, path: "", file: path, lineOffset: 0, sink: sink,
                                         recorder: LocationRecorder(), what: "site.yaml")
        else { return SiteSettings() }
        return SiteSettings.read(reader)
    }

    /// Reads a Markdown file with front matter; `nil` (with diagnostics) when it cannot be read.
    /// `location`: the file on disk; `path`: as the content's diagnostics name it.
    private func readDocument(_ location: String, path: String, fields: FieldSet, what: String, limits: ReadLimits,
                              sink: DiagnosticSink) -> (MappingReader, String)? {
        let file: SourceFile
        switch SourceFile.read(location, as: path, limits: limits) {
        case let .success(read): file = read
        case let .failure(diagnostic):
            sink.add(diagnostic)
            return nil
        }
        let start = SourceLocation(file: path)
        let document: FrontMatterFile
        switch FrontMatterFile.split(file.text) {
        case let .success(split): document = split
        case .failure(.empty):
            sink.error(.emptyFile, "the file is empty: it needs front matter between `---` lines", at: start)
            return nil
        case .failure(.missing):
            sink.error(.noFrontMatter, "front matter missing: the file must start with a line `---`, the YAML fields, and another `---`", at: start)
            return nil
        case .failure(.notClosed):
            sink.error(.frontMatterNotClosed, "front matter is not closed: no second `---` line after the opening one", at: start)
            return nil
        }
        let node: YAMLValue
        switch YAMLParser.parse(document.yaml, file: path, lineOffset: document.lineOffset) {
        case let .success(parsed?): node = parsed
        case .success(nil):
            sink.error(.emptyFile, "front matter is empty", at: start)
            return nil
        case let .failure(failure):
            failure.diagnostics.forEach(sink.add)
            return nil
        }
        guard let reader = MappingReader(node, fields: fields, path: "", file: path, lineOffset: document.lineOffset,
                                         sink: sink, recorder: LocationRecorder(), what: what)
        else { return nil }
        return (reader, document.body)
    }

    /// The projects in the order `_unit.md` states (项目顺序), those it does not name after them in
    /// file-name order; a name that is no project of the unit, or is named twice, is said.
    static func ordered(_ projects: [Project], by order: [(name: String, at: SourceLocation)], sink: DiagnosticSink) -> [Project] {
        guard !order.isEmpty else { return projects }
        var place: [String: Int] = [:]
        for (index, entry) in order.enumerated() {
            if place[entry.name] != nil {
                sink.warning(.badOrder, "`\(entry.name)` is named twice in \(FieldSet.unit.name("order")); the first place stands", at: entry.at)
            } else if !projects.contains(where: { $0.slug == entry.name }) {
                sink.warning(.badOrder, "`\(entry.name)` in \(FieldSet.unit.name("order")) is no project of the unit (the projects are its .md files and tables, by name without the ending)", at: entry.at)
            } else {
                place[entry.name] = index
            }
        }
        return projects.enumerated().sorted { a, b in
            (place[a.element.slug] ?? order.count + a.offset, a.offset) < (place[b.element.slug] ?? order.count + b.offset, b.offset)
        }.map(\.element)
    }

    /// What to do with a file that is not read but seems meant to be a project file or a table
    /// (`p.MD`, `p.md.txt`, `p.markdown`, `p.yaml`, `t.xlsx`); `nil` for other files (notes, images).
    static func lookalike(_ name: String) -> String? {
        let lower = name.lowercased()
        if [".md", ".markdown", ".mdown", ".md.txt", ".yaml", ".yml"].contains(where: lower.hasSuffix) {
            return "if it is a project, rename it to end in `.md`"
        }
        if [".csv.txt", ".xlsx.txt"].contains(where: lower.hasSuffix) { return "if it is a table, rename it to end in `.csv` or `.xlsx`" }
        if [".xls", ".et", ".ods"].contains(where: lower.hasSuffix) || (lower.hasSuffix(".xlsx") || lower.hasSuffix(".csv")) {
            return "save the workbook as .xlsx (or its sheet as .csv), with the ending in lower case"
        }
        return nil
    }
}
