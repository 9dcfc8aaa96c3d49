import Foundation
import JixiaoModel
import JixiaoSystem

/// What a load went through: the units the walk found, their files and what each gave. A session keeps
/// the last one, so that a rebuild after a change to project files alone reads those files and puts
/// their units together again, and takes the rest of the site as it was (`SiteLoader.patch(_:)`).
final class LoadState: Sendable {
    /// Where a unit is in the site: its year's index and its index among the year's units.
    struct Place: Hashable, Sendable {
        let year: Int
        let unit: Int
    }

    /// What site.yaml and the walk of the folders said.
    let fixed: [Diagnostic]
    /// The units as walked, in the site's order, and their places (one for one).
    let units: [SiteLoader.WalkedUnit]
    let places: [Place]
    /// Every project file and table, and the unit (index in `units`) of each.
    let jobs: [SiteLoader.Job]
    let owners: [Int]
    /// What each file gave.
    let results: [SiteLoader.Parsed]
    /// What each unit's files and list of projects said.
    let unitDiagnostics: [[Diagnostic]]
    /// A file, unit folder or year folder is a link: its target may change unseen by a watch of content/.
    let linked: Bool
    /// Each file's index in `jobs`, by its path relative to the root.
    let jobIndex: [String: Int]

    init(fixed: [Diagnostic], units: [SiteLoader.WalkedUnit], places: [Place], jobs: [SiteLoader.Job], owners: [Int],
         results: [SiteLoader.Parsed], unitDiagnostics: [[Diagnostic]], linked: Bool, jobIndex: [String: Int]? = nil)
    {
        self.fixed = fixed
        self.units = units
        self.places = places
        self.jobs = jobs
        self.owners = owners
        self.results = results
        self.unitDiagnostics = unitDiagnostics
        self.linked = linked
        self.jobIndex = jobIndex ?? Dictionary(jobs.indices.map { (jobs[$0].path, $0) }) { first, _ in first }
    }

    /// Whether a whole load would neither see nor have seen the file `path` (relative to the root), which is no
    /// project file or table: outside content/ (a template), or in content/ gone or ignored without a word.
    /// (A watch tells of folders created or removed otherwise: `path` is a file's.)
    func unseen(_ path: String, root: URL) -> Bool {
        let parts = path.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.first == "content" else { return true }
        // Beyond a unit folder's files: inside a folder the walk does not go into.
        if parts.count > 4 { return true }
        let name = parts.last ?? ""
        if name == "site.yaml" || name == "_unit.md" || fixed.contains(where: { $0.location?.file == path }) { return false }
        let file = root.appendingPathComponent(path).path
        guard Folders.exists(file) else { return true }
        // There: a file of a unit folder the walk passes over without a word.
        guard parts.count == 4, Folders.isPlainFile(file) else { return false }
        let unitPath = parts.dropLast().joined(separator: "/")
        guard units.contains(where: { "content/\($0.year)/\($0.slug)" == unitPath }) else { return true }
        let fileName = String(name)
        return !(fileName.hasSuffix(".md") || fileName.hasSuffix(".csv") || fileName.hasSuffix(".xlsx")) && SiteLoader.lookalike(fileName) == nil
    }

    /// Every diagnostic of the load, in the order a whole load gives them.
    var diagnostics: [Diagnostic] { fixed + unitDiagnostics.joined() }
}

extension SiteLoader {
    /// The site of `previous` with the files of `changed` read again and their units put together again;
    /// `nil` when that would not be the site a whole load finds: something else changed (a file added or
    /// removed, a unit's or the site's settings, a folder), a file is no longer a plain file, or the site
    /// reaches files through links.
    package func patch(_ previous: Result) -> Result? {
        guard let state = previous.state, !state.linked, let changed else { return nil }
        var indices: [Int] = []
        for path in changed {
            if let index = state.jobIndex[path] {
                guard Folders.isPlainFile(state.jobs[index].file) else { return nil }
                indices.append(index)
            } else if !state.unseen(path, root: root) {
                return nil
            }
        }
        indices.sort()
        let read = read(indices.map { state.jobs[$0] }, changed: changed)
        var results = state.results
        var parsed: Set<String> = []
        for (index, result) in zip(indices, read) {
            results[index] = (result.projects, result.diagnostics)
            if result.parsed { parsed.insert(state.jobs[index].path) }
        }
        var site = previous.site
        var unitDiagnostics = state.unitDiagnostics
        let units = Set(indices.map { state.owners[$0] }).sorted()
        for unit in units {
            let (assembled, diagnostics) = Self.assemble(state.units[unit], results, metadata: site.metadata)
            let place = state.places[unit]
            site.years[place.year].units[place.unit] = assembled
            unitDiagnostics[unit] = diagnostics
        }
        let patched = LoadState(fixed: state.fixed, units: state.units, places: state.places, jobs: state.jobs, owners: state.owners,
                                results: results, unitDiagnostics: unitDiagnostics, linked: false, jobIndex: state.jobIndex)
        var result = Result(site: site, diagnostics: patched.diagnostics, parsed: parsed, unitContexts: previous.unitContexts, state: patched)
        result.patched = units.map { (state.places[$0].year, state.places[$0].unit) }
        return result
    }
}
