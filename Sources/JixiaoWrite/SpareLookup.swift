import Foundation
import JixiaoSystem
import Synchronization

/// The spare's files looked up ahead of the build that takes the spare over: started when the build
/// starts, it runs on another core while the content is read and checked, or, in a session that waits
/// between builds, after the last build (watching both trees from then on); the writer then finds each
/// kept file's size and time there instead of asking the file system again (tens of thousands of `stat`
/// calls at 10,000 projects). Looking up only reads (but for making a first spare): the spare is taken
/// over by the writer.
package final class SpareLookup: Sendable {
    package struct Found: Sendable {
        /// The spare's manifest, as read (or as the session knew it).
        let manifest: Manifest
        /// Its files that are not plainly as it records them, with what was found (`nil`: gone): changed,
        /// or modified in the tick the manifest was written (their bytes tell). The others are.
        let exceptions: [String: FileStatus?]
    }

    private let lookup: Lookahead<Result>
    /// Whether the lookup stands only while nothing changed in the output folder or the spare since.
    private let watched: Bool
    /// Set when the lookup is of no use (`abandon()`).
    private let abandoned: Flag

    private final class Flag: Sendable {
        private let value = Atomic(false)
        var isSet: Bool { value.load(ordering: .relaxed) }
        func set() { value.store(true, ordering: .relaxed) }
    }

    private struct Result: Sendable {
        var found: Found?
        /// The spare's folders and the output folder's, watched apart: the build takes the spare over
        /// (and writes into it) before it asks after the output folder.
        var spareWatch: FolderWatch?
        var liveWatch: FolderWatch?
        /// What the output folder held besides the files of its manifest (`OutputWriter.foreignEntries`),
        /// and the manifest's time: only where all of it lies in watched folders.
        var foreign: (entries: [FileTree.Entry], manifest: FileTime?)?
        /// The output folder's files (of the manifest written at `live`) that the spare does not hold as
        /// recorded there (`differing(from:)`).
        var differing: (paths: Set<String>, live: FileTime?)?
        /// The output folder's table of files less those `differing` and the spare's exceptions name: the
        /// table a build that keeps every file it does not render starts from, made here rather than
        /// copied while a save waits (60,000 entries at 10,000 projects).
        var kept: [String: Manifest.Entry]?
    }

    /// Starts looking up the spare beside `output`; `known`: its manifest as the session wrote it. With
    /// `live`, the output folder's manifest as it is being read, the files the spare does not hold as it
    /// records them are found too (`differing(from:)`).
    package init(output: URL, known: Manifest?, live: Lookahead<Manifest>? = nil) {
        let spare = OutputWriter.spare(beside: OutputWriter.live(output))
        let abandoned = Flag()
        self.abandoned = abandoned
        lookup = Lookahead {
            let found = Self.look(spare, known: known, stop: { abandoned.isSet })
            guard !abandoned.isSet else { return Result() }
            guard let found, let manifest = live?.value else { return Result(found: found) }
            return Self.compared(Result(found: found), manifest)
        }
        watched = false
    }

    /// Starts looking up the spare beside `output` between two builds of a session (`jixiao serve`), once
    /// every folder of the spare (`spare`: its manifest) and of the output folder (`live`: its manifest)
    /// is watched: a file of the spare may be a link of one of the output folder's, changed through
    /// either. The next build takes the lookup only while nothing changed in them (`isUndisturbed`).
    /// Where there is no spare yet (after a session's first build), one is made first (`makeSpare`).
    /// The output folder's own entries are found then too (`foreignEntries(of:)`).
    package init(output: URL, spare known: Manifest?, live manifest: Manifest) {
        let live = OutputWriter.live(output), spare = OutputWriter.spare(beside: live)
        abandoned = Flag()
        lookup = Lookahead {
            let known = known ?? OutputWriter.makeSpare(spare, from: live, manifest) ?? Manifest.read(spare + "/" + OutputWriter.manifestName)
            let folders = [known, manifest].map { OutputWriter.folders(of: $0) }
            let watches = zip([spare, live], folders).map { root, folders in FolderWatch([root] + folders.map { root + "/" + $0 }) }
            guard let spareWatch = watches[0], let liveWatch = watches[1] else { return Result() }
            let foreign = OutputWriter.foreignEntries(live, previous: manifest)
            // Only files in the folders of the site, which are watched: a folder of one's own may change unseen.
            let watchedForeign = foreign.allSatisfy { entry in
                entry.kind != .folder && entry.path.utf8.lastIndex(of: UInt8(ascii: "/")).map { folders[1].contains(entry.path[..<$0]) } ?? true
            } ? (foreign, manifest.written) : nil
            return Self.compared(Result(found: Self.look(spare, known: known), spareWatch: spareWatch, liveWatch: liveWatch, foreign: watchedForeign),
                                 manifest)
        }
        watched = true
    }

    /// `result` with the files of the output folder's manifest `live` that its spare does not hold as recorded,
    /// and the table of the others.
    private static func compared(_ result: Result, _ live: Manifest) -> Result {
        guard let found = result.found else { return result }
        var result = result
        let differing = Self.differing(live, from: found.manifest)
        result.differing = (differing, live.written)
        var kept = live.entries
        for path in differing.union(found.exceptions.keys) { kept.removeValue(forKey: path) }
        result.kept = kept
        return result
    }

    /// Whether the lookup still holds: one made between builds holds while nothing changed since it
    /// began (and it found a spare to look up).
    package var isUndisturbed: Bool {
        guard watched else { return true }
        let result = lookup.value
        return result.found != nil && result.spareWatch?.isQuiet == true && result.liveWatch?.isQuiet == true
    }

    /// What was found, once the lookup is done; `nil` when there is no spare or its manifest cannot be read.
    var found: Found? { lookup.value.found }

    /// The entries of the output folder that are not files of `previous`, its manifest, as found between
    /// builds, while nothing changed there since; `nil` when they must be looked for now.
    func foreignEntries(of previous: Manifest) -> [FileTree.Entry]? {
        let result = lookup.value
        guard let foreign = result.foreign, let written = foreign.manifest, previous.written == written,
              result.liveWatch?.isQuiet == true else { return nil }
        return foreign.entries
    }

    /// The files of the output folder's manifest `previous` that the spare's manifest does not record as
    /// the same file (the same hash, size and time), or records without a time, as found between builds;
    /// `nil` when that was not looked for. The spare holds every other file of `previous` as it was
    /// written, unless the lookup found it changed (`Found.exceptions`).
    func differing(from previous: Manifest) -> Set<String>? {
        let result = lookup.value
        guard let differing = result.differing, differing.live != nil, differing.live == previous.written else { return nil }
        return differing.paths
    }

    /// The table of files of the output folder's manifest `previous` less those `differing(from:)` gives
    /// and the spare's exceptions, made between builds; given once (`nil` after, or when it was not made).
    func kept(from previous: Manifest) -> [String: Manifest.Entry]? {
        lookup.take { result in
            guard let live = result.differing?.live, live == previous.written else { return nil }
            return result.kept.take()
        }
    }

    static func differing(_ live: Manifest, from spare: Manifest) -> Set<String> {
        // Same: the spare records the file with the same hash, size and time.
        func same(_ entry: Manifest.Entry, _ recorded: Manifest.Entry?) -> Bool { recorded.map { $0 == entry && $0.modified != nil } == true }
        if let paths = live.ordered, let entries = live.orderedEntries, let sparePaths = spare.ordered, let spareEntries = spare.orderedEntries {
            // Both in the order of their paths' bytes: walked in step.
            var found: Set<String> = []
            var next = 0
            for (path, entry) in zip(paths, entries) {
                while next < sparePaths.count, ByteOrder.precedes(sparePaths[next], path) { next += 1 }
                let recorded = next < sparePaths.count && ByteOrder.equal(sparePaths[next], path) ? spareEntries[next] : nil
                if !same(entry, recorded) { found.insert(path) }
            }
            return found
        }
        let all = Array(live.entries)
        let spareEntries = spare.entries
        let found = Parallel.map(Parallel.chunks(all.count)) { chunk in
            all[chunk].compactMap { path, entry in same(entry, spareEntries[path]) ? nil : path }
        }
        return Set(found.joined())
    }

    /// Ends the lookup early, when the build it was begun for does not need it: what it found is not used.
    package func abandon() {
        abandoned.set()
    }

    /// Whether `abandon()` was called.
    package var isAbandoned: Bool { abandoned.isSet }

    private static func look(_ spare: String, known: Manifest?, stop: (@Sendable () -> Bool)? = nil) -> Found? {
        guard let folder = OpenFolder(spare) else { return nil }
        let file = spare + "/" + OutputWriter.manifestName
        if let known, known.written != nil, FileStatus(path: file)?.modified == known.written {
            return found(known, exceptions: look(known, in: folder))
        }
        // Read and looked up in one pass, on all cores.
        let (manifest, exceptions) = Manifest.read(file, lookingUpIn: folder, stop: stop)
        return found(manifest, exceptions: exceptions)
    }

    private static func found(_ manifest: Manifest, exceptions: [String: FileStatus?]) -> Found? {
        guard manifest.written != nil, !manifest.entries.isEmpty else { return nil }
        return Found(manifest: manifest, exceptions: exceptions)
    }

    /// The files of a manifest already read that are not plainly as it records them (`Manifest.read(_:lookingUpIn:)`).
    private static func look(_ manifest: Manifest, in folder: OpenFolder) -> [String: FileStatus?] {
        let all = Array(manifest.entries)
        let written = manifest.written
        let exceptions = Parallel.map(Parallel.chunks(all.count)) { chunk in
            all[chunk].compactMap { path, entry -> (String, FileStatus?)? in
                let status = FileStatus(path, in: folder)
                return Manifest.isAsRecorded(status, entry, written: written) ? nil : (path, status)
            }
        }
        var byPath: [String: FileStatus?] = [:]
        for (path, status) in exceptions.joined() { byPath[path] = status }
        return byPath
    }
}
