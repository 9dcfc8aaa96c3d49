import Foundation
import Synchronization
import JixiaoCheck
import JixiaoLoad
import JixiaoModel
import JixiaoRender
import JixiaoSystem
import JixiaoWrite

/// Builds a site again and again, redoing only what changed: `jixiao serve` keeps one between
/// rebuilds; `jixiao build` uses a new one, which renders everything.
///
/// It keeps the parsed project files (a `LoadCache`), the last scores, and what the last good build
/// rendered from: the templates' texts and each unit's settings and projects. A rebuild reads again
/// only the files that changed, scores only their projects, and renders only the pages that show
/// them (a project's own pages, its unit's page and booklets, the home page and their year's page) or that a
/// changed template lays out; the other pages are kept as the last build wrote them.
///
/// One build runs at a time: a build called while another runs waits for it. `stop()` ends the build
/// under way between two pages or steps, and every later one, leaving the output folder as it was.
public final class BuildSession: Sendable {
    public let root: URL
    public let output: URL
    /// Whether the previous site, swapped out by a build, is removed after the build has reported.
    private let removesLater: Bool
    /// Write each unit's review page (`build --review`), whatever site.yaml says.
    private let reviewPages: Bool
    /// Show how far rendering has come on the terminal (`jixiao build` without `--quiet`).
    private let showsProgress: Bool
    /// Keep the build cache in the output folder, and take a build that finds nothing changed from it
    /// (`jixiao build`, one build a process). A session that builds again and again keeps its own memory.
    private let persistent: Bool
    private let removals = DispatchGroup()
    private static let removing = DispatchQueue(label: "jixiao.build.remove-previous-site")
    private let loadCache = LoadCache()
    /// The projects' sheets and data made by earlier builds, for a session that builds again and again (`jixiao serve`).
    private let parts: PartStore?
    /// The units' `data.json` files as the last builds wrote them, for such a session too.
    private let unitData: UnitDataStore?
    private let memory = Mutex(Memory())
    private let stopping = Atomic(false)
    /// What the last good build wrote; apart from `memory`, which a build holds while it runs.
    private let published = Mutex(Manifest())

    /// What the session remembers between builds.
    private struct Memory {
        /// The last check, good or not: its scores stand for projects whose files were not read again.
        var lastChecked: CheckedSite?
        /// The load that check was of, and each unit's `UnitFingerprint` hash then: the next load of a
        /// session that is told what changed starts from it (`SiteLoader.patch`).
        var lastLoad: (loaded: SiteLoader.Result, units: [UnitKey: UInt64])?
        /// What the pages on disk were rendered from; `nil` until a build succeeds.
        var rendered: RenderedState?
        /// Files read since the last good build: their pages are still to render.
        var pending: Set<String> = []
        /// The templates of the last build, parsed: those whose text is the same are not parsed again.
        var templates: TemplateSet?
        /// The manifest of the site the last build swapped out: the next build's spare, unless another
        /// build changed it since (the writer checks).
        var spare: Manifest?
        /// The spare looked up after the last good build, while the session waits for a change: the next
        /// build takes it while nothing changed in the spare or the output folder since.
        var nextLookup: SpareLookup?
        /// What only the last build held (the writer's tables, the manifest replaced, the pages' list), to
        /// free on another thread once the build has reported (`settle()`).
        var retired: Retired?
    }

    private struct RenderedState {
        /// Each template's text, as a hash.
        var templates: [String: UInt64]
        /// Each unit's `UnitFingerprint`, as a hash.
        var units: [UnitKey: UInt64]
        /// The files of the projects linked across years, by code: their pages show one another.
        var history: [String: [String]]
        /// What the build wrote; `nil` when restored from the output folder's cache (the writer reads it).
        var manifest: Manifest?
        /// What the paths of its files followed from, and its templates' static files; `nil` when restored
        /// from the cache.
        var layout: SitePages.Layout?
        /// The layout's fingerprint, when restored from the cache.
        var layoutFingerprint: UInt64?
        var staticFiles: [String] = []
        /// The sitemap it wrote, and the base address of its links.
        var sitemap: (data: Data, base: String)?
        /// Its projects linked across years.
        var links: YearOverYear?
    }

    /// `removingPreviousSitesLater`: remove the site each build swaps out after the build, not in it
    /// (the preview server reloads pages sooner); `removedPreviousSites()` waits until they are gone.
    /// `persistent`: keep `.jixiao-cache` in the output folder (see `BuildCache`).
    public init(root: URL, output: URL? = nil, removingPreviousSitesLater: Bool = false, reviewPages: Bool = false, persistent: Bool = false,
                showsProgress: Bool = false)
    {
        self.root = root
        self.showsProgress = showsProgress
        self.reviewPages = reviewPages
        self.persistent = persistent
        parts = persistent ? nil : PartStore()
        unitData = persistent ? nil : UnitDataStore()
        self.output = output ?? root.appendingPathComponent("public")
        removesLater = removingPreviousSitesLater
    }

    /// Returns once the previous sites that builds swapped out are removed.
    public func removedPreviousSites() async {
        await withCheckedContinuation { continuation in
            removals.notify(queue: Self.removing) { continuation.resume() }
        }
    }

    /// load → check → render → write. Nothing is written when check or the templates report errors,
    /// or when the output folder is not one jixiao may write into.
    /// `changed`: the content files changed since the last build, as a watch of the folders saw them
    /// (paths relative to the root), when it can tell (the preview server's): the others are not looked at again.
    public func build(changed: Set<String>? = nil) -> BuildReport {
        memory.withLock { build(remembering: &$0, changed: changed) }
    }

    /// Ends the build under way, if any, at the next page or step, and every later build at once: they
    /// report that they stopped and leave the output folder as it was.
    public func stop() {
        stopping.store(true, ordering: .relaxed)
    }

    public var isStopped: Bool { stopping.load(ordering: .relaxed) }

    /// For a session between builds (the preview server, once the pages were told to reload): frees what
    /// only the last build held, and looks up the spare for the next build now, watching it and the output
    /// folder, so that the next build need not while nothing changed in them.
    public func settle() {
        memory.withLock { memory in
            Self.release(&memory.retired)
            guard !persistent, memory.nextLookup == nil, let live = memory.rendered?.manifest else { return }
            memory.nextLookup = SpareLookup(output: output, spare: memory.spare, live: live)
        }
    }

    /// Frees `retired` on another thread, leaving `nil`. Handed over in a box, so that the last
    /// reference is dropped there: a copy captured by the closure left the last one here, as often as not.
    private static func release(_ retired: inout Retired?) {
        guard let taken = retired else { return }
        retired = nil
        let handover = Retired.Handover(consume taken)
        removing.async { handover.drop() }
    }

    /// Whether the spare looked up after the last build still holds (once that lookup is done), for tests.
    package var lookedUpAhead: Bool { memory.withLock { $0.nextLookup?.isUndisturbed ?? false } }

    /// Whether the last good build wrote this file (a path relative to the output folder), so that the
    /// preview server can tell a page deleted from the output folder from one the site does not have.
    public func wrote(_ path: String) -> Bool {
        published.withLock { $0.entries[path] != nil }
    }

    /// `readingModel`: take the parsed projects from the output folder's model file (`LoadCache`).
    private func build(remembering memory: inout Memory, readingModel: Bool = true, changed: Set<String>? = nil) -> BuildReport {
        var clock = StepClock()
        if isStopped { return .stopped(BuildReport(diagnostics: [])) }
        let damage = loadCache.damage.count.load(ordering: .relaxed)
        // The files' stamps before they are read: a file saved during the build counts as changed next time.
        var inputs: [String: BuildCache.Input]?
        var stamps: [String: FileStamp]?
        var restored = false
        // Without an earlier build in memory: the output folder's manifest, and the spare's files looked up and
        // compared with it, on other cores from the start, while the cache is read and the content stamped and
        // read. A site found unchanged needs the manifest alone, and the lookup is abandoned.
        let previousManifest = memory.rendered == nil ? Lookahead { [output] in OutputWriter.manifest(of: output) } : nil
        var spareLookup = previousManifest.map { SpareLookup(output: output, known: memory.spare, live: $0) }
        if let manifest = previousManifest, let lookup = spareLookup, let cache = BuildCache.read(output: output, root: root, reviewPages: reviewPages) {
            clock.lap("cache")
            let current: [String: BuildCache.Input]
            (current, stamps) = BuildCache.inputs(root: root, previous: cache.inputs, hashing: true)
            let changed = BuildCache.changes(current, since: cache.inputs)
            clock.lap("inputs")
            if persistent, changed.isEmpty {
                lookup.abandon()
                if let report = unchanged(cache, manifest: manifest.value, clock: &clock) { return report }
                spareLookup = SpareLookup(output: output, known: memory.spare, live: manifest)
            }
            // The files parsed by the last build, as it kept them: only those that changed are parsed again.
            if persistent, readingModel { loadCache.read(file: output.appendingPathComponent(LoadCache.fileName).path, binary: BuildCache.binary) }
            inputs = current
            memory.rendered = RenderedState(templates: cache.templates, units: BuildCache.unitKeys(cache.units), history: cache.history, manifest: nil,
                                            layoutFingerprint: cache.layout, staticFiles: cache.staticFiles ?? [])
            memory.pending = changed
            restored = true
        } else if persistent {
            (inputs, stamps) = BuildCache.inputs(root: root, hashing: false)
        }
        let lookup = spareLookup ?? memory.nextLookup.flatMap { $0.isUndisturbed ? $0 : nil } ?? SpareLookup(output: output, known: memory.spare)
        memory.nextLookup = nil
        let loader = SiteLoader(root: root, cache: loadCache, stamps: stamps, changed: changed)
        // What the last check was of stands only until this load is checked.
        let lastLoad = memory.lastLoad
        memory.lastLoad = nil
        var loaded = lastLoad.flatMap { loader.patch($0.loaded) } ?? loader.loadAll()
        if reviewPages { loaded.site.review.page = true }
        // Restored from the cache, the files read anew are all of them; those that changed are known.
        if !restored { memory.pending.formUnion(loaded.parsed) }
        clock.lap("load")
        if isStopped { return .stopped(BuildReport(diagnostics: [])) }
        // The output folder's manifest, when this session has none in memory: read on the other core while
        // the site is checked.
        let previous = previousManifest ?? (memory.rendered?.manifest == nil ? Lookahead { OutputWriter.manifest(of: self.output) } : nil)
        // On other cores while the site is checked (neither needs the check): the templates, and the projects
        // linked across years when the session holds no earlier links to reuse.
        let lastTemplates = memory.templates
        let templateLoad = Lookahead { [root] in TemplateSet.load(root: root, reusing: lastTemplates) }
        let site = loaded.site
        let links = memory.rendered?.links == nil ? Lookahead { YearOverYear(site) } : nil
        let checked = recheck(loaded, memory.lastChecked)
            ?? Checker.check(loaded.site, loadDiagnostics: loaded.diagnostics, reuse: reusableScores(loaded.site, memory))
        // The last check is freed with the rest, on another thread: it holds the whole site as it was.
        let replacedCheck = memory.lastChecked
        memory.lastChecked = checked
        let units = Self.unitFingerprints(loaded, last: lastLoad?.units)
        memory.lastLoad = (loaded, units)
        // The scores kept with the parsed files, on another core while the pages are listed.
        let keptScores = persistent ? Lookahead { [self] in keepScores(checked) } : nil
        clock.lap("check")
        var report = BuildReport(diagnostics: checked.diagnostics, baseURL: loaded.site.baseURL)
        report.parsed = loaded.parsed.count
        guard report.succeeded else { return report }
        if isStopped { return .stopped(report) }

        let (loadedTemplates, templateDiagnostics) = templateLoad.value
        memory.templates = loadedTemplates ?? memory.templates
        guard let templates = loadedTemplates else {
            report.diagnostics += templateDiagnostics
            return report
        }
        // Before anything is written: a build replaces the whole output folder.
        if let refusal = OutputFolder.refusal(output, siteRoot: root) {
            report.diagnostics.append(refusal)
            return report
        }
        let pages = SitePages(checked, history: links?.value ?? memory.rendered?.links)
        let history = pages.history.files
        let templateHashes = templates.texts.mapValues { Manifest.hash(Data($0.utf8)) }
        let plan = RenderPlan(previous: memory.rendered.map { ($0.templates, $0.units, $0.history) }, templates: templateHashes, units: units,
                              history: history, readAgain: memory.pending)
        if let parts {
            parts.beginBuild()
            if plan.everything || !plan.kinds.isEmpty {
                parts.removeAll()
            } else {
                parts.retain(units: { units[$0] != nil && !plan.units.contains($0) }, dropping: plan.readAgain)
            }
        }
        // The model file's bytes, put together on another core while the pages are rendered (it needs
        // the projects and their scores alone): it was most of the build's last, half-idle tenth.
        let loadCache = loadCache
        keptScores?.value
        let modelFiles = inputs == nil ? nil : Lookahead { loadCache.files(binary: BuildCache.binary) }
        // The same files as the last build's: those of the pages kept are counted as a whole.
        let layout = pages.layout, staticFiles = templates.staticFiles.map(\.path)
        let fingerprint = persistent ? layout.fingerprint : nil
        // The last layout as the session holds it, or as the cache recorded it.
        let sameLayout = memory.rendered.map { last in last.layout.map { $0 == layout } ?? last.layoutFingerprint.map { $0 == fingerprint } ?? false } ?? false
        let sameFiles = !plan.everything && !loaded.site.search && sameLayout && memory.rendered?.staticFiles == staticFiles
        let sitemap = memory.rendered?.sitemap.flatMap { sameFiles && $0.base == loaded.site.baseURL ? $0.data : nil }
            ?? Data(Sitemap.xml(pages.htmlPaths, base: loaded.site.baseURL).utf8)
        var written: OutputWriter?
        do {
            let writer = try OutputWriter(folder: output, known: memory.rendered?.manifest ?? previous?.value, knownSpare: memory.spare, spareLookup: lookup)
            written = writer
            let progress = ProgressLine("pages done", total: pages.references.count, quiet: !showsProgress)
            defer { progress.finish() }
            report.rendered = try Self.render(pages, with: templates, into: writer, parts: parts, unitData: unitData, sameFiles: sameFiles,
                                              sitemap: sitemap, stopped: { self.isStopped }, progress: progress, chosen: plan.chosen(in: pages))
            report.pages = pages.references.count
            clock.lap("render")
            if loaded.site.search, let problem = SearchIndex.build(over: writer, root: root) {
                report.diagnostics.append(problem)
                if problem.isError {
                    writer.discard()
                    return report
                }
            }
            if loaded.site.search { clock.lap("search") }
            let cache = inputs.map { inputs in
                BuildCache(binary: BuildCache.binary, root: BuildCache.realRoot(root), reviewPages: reviewPages, pagefind: BuildCache.pagefind(root),
                           inputs: inputs, templates: templateHashes,
                           units: BuildCache.unitNames(units), history: history, diagnostics: BuildCache.messages(report.diagnostics),
                           baseURL: loaded.site.baseURL, pages: pages.references.count, layout: fingerprint, staticFiles: staticFiles)
            }
            // The model: what changed since the model file read back, beside that same file, or whole.
            let model = modelFiles?.value
            let hidden = { (manifest: FileTime) -> [String: OwnFile] in
                guard var cache, let model else { return [:] }
                cache.manifest = manifest.description
                guard let encoded = cache.encoded() else { return [:] }
                switch model {
                case let .whole(data): return [BuildCache.name: .bytes(encoded), LoadCache.fileName: .bytes(data)]
                case let .delta(data): return [BuildCache.name: .bytes(encoded), LoadCache.fileName: .kept, LoadCache.deltaName: .bytes(data)]
                }
            }
            // Part of the model file would not decode: nothing of this build is kept; it is built again
            // from the content alone.
            if readingModel, loadCache.damage.count.load(ordering: .relaxed) != damage {
                writer.discard()
                loadCache.removeAll()
                (memory.rendered, memory.pending, memory.lastChecked, memory.lastLoad) = (nil, [], nil, nil)
                return build(remembering: &memory, readingModel: false)
            }
            guard !isStopped, try writer.commit(unless: { self.isStopped }, hidden: hidden) else { throw BuildStopped() }
            if removesLater {
                Self.removing.async(group: removals) { writer.removeOldTree() }
            } else {
                writer.removeOldTree()
            }
            clock.lap("write")
        } catch let failure as OutputFailure {
            written?.discard()
            report.diagnostics.append(.error(.cannotWriteSite, "cannot write the site into \(output.path): \(failure.description); \(failure.outcome)", at: nil))
            report.outputUntouched = failure.untouched
            return report
        } catch {
            // BuildStopped: rendering and the writer throw nothing else. What was staged is kept for the
            // next build, which starts from it.
            written?.discard(keepingWork: true)
            return .stopped(report)
        }
        let manifest = written?.written ?? Manifest()
        let replaced = memory.spare
        memory.spare = memory.rendered?.manifest
        memory.rendered = RenderedState(templates: templateHashes, units: units, history: history, manifest: manifest, layout: layout,
                                        staticFiles: staticFiles, sitemap: (sitemap, loaded.site.baseURL), links: pages.history)
        memory.pending = []
        published.withLock { $0 = manifest }
        report.diagnostics += written?.warnings ?? []
        report.files = written?.stats ?? WriteStats()
        report.timings = clock.laps
        // Freed later, on another thread: tens of thousands of objects, freed one by one, would delay the report.
        Self.release(&memory.retired)
        memory.retired = Retired(values: (consume written, consume replaced, consume lookup, consume pages, consume lastLoad, consume replacedCheck))
        return report
    }

    /// The last check taken again for a load that patched the last one: only the units it put together
    /// again are checked (their projects whose files were not read again keep their scores). `nil` for a
    /// whole load, or when the last check was not of the load patched.
    private func recheck(_ loaded: SiteLoader.Result, _ last: CheckedSite?) -> CheckedSite? {
        guard let places = loaded.patched, let last else { return nil }
        var reuse: [ProjectKey: ProjectEvaluation] = [:]
        for (y, u) in places {
            let year = loaded.site.years[y].year, unit = loaded.site.years[y].units[u]
            for p in unit.projects.indices where !loaded.parsed.contains(unit.projects[p].locations.item.file) {
                let key = ProjectKey(year: year, unit: unit.slug, project: unit.projects[p].slug)
                reuse[key] = last.evaluations[key]
            }
        }
        return Checker.recheck(last, site: loaded.site, changed: places, loadDiagnostics: loaded.diagnostics, reuse: reuse)
    }

    /// The last scores of projects whose files were not read again: the same project, the same score. A
    /// session that has not checked yet takes those the load cache kept with the projects it read back.
    private func reusableScores(_ site: Site, _ memory: Memory) -> [ProjectKey: ProjectEvaluation] {
        // The last check's, less those of the projects read again (a project gone is not asked for).
        if let lastChecked = memory.lastChecked {
            var scores = lastChecked.evaluations
            guard !memory.pending.isEmpty else { return scores }
            for year in site.years {
                for unit in year.units {
                    for p in unit.projects.indices where memory.pending.contains(unit.projects[p].locations.item.file) {
                        scores[ProjectKey(year: year.year, unit: unit.slug, project: unit.projects[p].slug)] = nil
                    }
                }
            }
            return scores
        }
        var scores: [ProjectKey: ProjectEvaluation] = [:]
        scores.reserveCapacity(site.years.reduce(0) { $0 + $1.units.reduce(0) { $0 + $1.projects.count } })
        for year in site.years {
            for unit in year.units {
                // A file's scores in its order, which is the unit's: each project's is nearly always the
                // next one (looked for from the start where an address is written twice, the first standing).
                var file: String?
                var kept: [(slug: String, evaluation: ProjectEvaluation)] = []
                var inOrder = true
                var next = 0
                for p in unit.projects.indices {
                    let slug = unit.projects[p].slug, path = unit.projects[p].locations.item.file
                    if file != path {
                        file = path
                        kept = loadCache.evaluations(path)
                        inOrder = kept.count < 2 || Set(kept.map(\.slug)).count == kept.count
                        next = 0
                    }
                    let place = inOrder && next < kept.count && kept[next].slug == slug ? next : kept.firstIndex { $0.slug == slug }
                    scores[ProjectKey(year: year.year, unit: unit.slug, project: slug)] = place.map { kept[$0].evaluation }
                    if let place { next = place + 1 }
                }
            }
        }
        return scores
    }

    /// Keeps each project's scores with its file in the load cache, for the next `jixiao build`: those of
    /// the files parsed by this build (the others keep theirs).
    private func keepScores(_ checked: CheckedSite) {
        let files = loadCache.filesWithoutScores()
        guard !files.isEmpty else { return }
        var byFile: [String: [String: ProjectEvaluation]] = [:]
        for year in checked.site.years {
            for unit in year.units {
                for p in unit.projects.indices where files.contains(unit.projects[p].locations.item.file) {
                    let slug = unit.projects[p].slug
                    byFile[unit.projects[p].locations.item.file, default: [:]][slug] = checked.evaluations[ProjectKey(year: year.year, unit: unit.slug, project: slug)]
                }
            }
        }
        loadCache.keep(evaluations: byFile)
    }

    /// Each unit's settings (as stamped by the loader) and its projects' addresses, evaluated and monitored
    /// ones marked, as a hash. `last`: those of the load `loaded` patched, which stand for the units it
    /// did not put together again.
    private static func unitFingerprints(_ loaded: SiteLoader.Result, last: [UnitKey: UInt64]?) -> [UnitKey: UInt64] {
        let site = loaded.site
        let places: [(Int, Int)]
        var hashes: [UnitKey: UInt64]
        if let patched = loaded.patched, let last {
            (places, hashes) = (patched, last)
        } else {
            (places, hashes) = (site.years.indices.flatMap { y in site.years[y].units.indices.map { (y, $0) } }, [:])
        }
        // On all cores: every project of the site is looked at.
        for (key, hash) in Parallel.map(places, { y, u -> (UnitKey, UInt64) in
            let unit = site.years[y].units[u]
            let key = UnitKey(year: site.years[y].year, unit: unit.slug)
            let context = loaded.unitContexts[key]
            var text = "\(context?.site?.description ?? "-") \(context?.unit?.description ?? "-")"
            // A sheet is numbered by its place among the unit's sheets of its kind: which projects are
            // evaluated or monitored numbers the others.
            for p in unit.projects.indices {
                let evaluated = unit.isSelfEvaluation(p)
                text += "\n\(unit.projects[p].slug) \(evaluated) \(unit.projects[p].monitoring != nil)"
            }
            return (key, Manifest.hash(Data(text.utf8)))
        }) {
            hashes[key] = hash
        }
        return hashes
    }

    /// A build that finds nothing changed since the cache was written, when the output folder is still
    /// as that build left it: what it reported, and nothing written. `nil` when a file of the output folder
    /// was changed or removed (the build then renders what it must).
    private func unchanged(_ cache: BuildCache, manifest: Manifest, clock: inout StepClock) -> BuildReport? {
        if OutputFolder.refusal(output, siteRoot: root) != nil { return nil }
        // The files as the manifest recorded them, and none that a build would remove: checked side by side.
        let checks = Parallel.map([0, 1]) { check in
            check == 0 ? manifest.intact(in: output.path) : !OutputWriter.holdsLeftovers(output, manifest: manifest)
        }
        guard manifest.ignored == 0, !checks.contains(false) else { return nil }
        OutputWriter.removeLeftovers(beside: output)
        published.withLock { $0 = manifest }
        clock.lap("verify")
        var report = BuildReport(diagnostics: cache.restoredDiagnostics, baseURL: cache.baseURL)
        report.pages = cache.pages
        report.files.unchanged = manifest.entries.count
        report.timings = clock.laps
        return report
    }
}

extension BuildSession {
    static let sitemapName = "sitemap.xml"
}

/// What a build no longer needs, handed to another thread only to be released there: never read, so
/// sharing it is safe.
struct Retired: @unchecked Sendable {
    let values: Any

    /// Holds one until `drop()`, on the thread that frees it.
    final class Handover: @unchecked Sendable {
        private var retired: Retired?

        init(_ retired: consuming Retired) {
            self.retired = retired
        }

        func drop() { retired = nil }
    }
}

/// A build ended by `BuildSession.stop()`.
struct BuildStopped: Error {}

/// A counter for parallel loops.
package final class AtomicCount: Sendable {
    private let count = Atomic(0)

    func add() { count.add(1, ordering: .relaxed) }
    var value: Int { count.load(ordering: .relaxed) }
}
