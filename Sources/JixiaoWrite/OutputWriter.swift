import Foundation
import Synchronization
import JixiaoModel
import JixiaoSystem

/// write: puts a build's files into the output folder so that whatever happens to the build (an error,
/// a full disk, `kill -9` at any moment) the folder holds exactly the previous site or exactly the new one.
///
/// The new site is staged whole in a hidden folder beside the output, `.<name>.jixiao-new-<pid>`. A file
/// whose new bytes are those the previous build wrote, and which nobody changed since (the size and
/// modification time the manifest recorded), is hard-linked from the output folder rather than written
/// again: rewriting tens of thousands of identical files is the slow part of a build on most disks.
/// Other files are written; files that jixiao did not write (a placeholder README.md) are linked across.
/// `commit()` then swaps the two folders in one step. A first build renames its new folder into place.
///
/// The site swapped out is kept beside the output as `.<name>.jixiao-spare`, with its manifest, and the
/// next build starts from it: it takes the spare over as its staging folder and changes only what differs
/// from the new site (each kept file verified against the spare's manifest first), so that a rebuild costs
/// in proportion to what changed since the build before last, not to the size of the site. Where the
/// site swapped out cannot become the spare (something else has that name), `removeOldTree()` removes it
/// instead. What a killed build leaves beside the output is removed by the next one.
package final class OutputWriter: Sendable {
    package static let manifestName = ".jixiao-manifest"
    /// The names of jixiao's own files in the output folder (the manifest, the build cache): never carried
    /// over from one build to the next.
    static let ownPrefix = ".jixiao-"
    /// In the spare: the files and empty folders of its tree that jixiao did not write, as the build that
    /// swapped it out found them (a line each; folders end in `/`): what it holds besides its manifest's files.
    static let foreignName = ".jixiao-foreign"

    /// The output folder as it was given, for messages.
    let folder: String
    /// The output folder with links resolved: what is swapped.
    let live: String
    let parent: String
    let name: String
    /// The hidden folder beside it where the new site is staged (a search index is built over it).
    package let staging: String
    /// Whether the output folder exists; otherwise this is a first build.
    let replacing: Bool
    /// Whether to swap the folders in one step; `false` moves them by two renames, as on file systems
    /// that cannot swap (and in the tests of that way).
    private let swapping: Bool
    let previous: Manifest
    /// What the staging folder held when this build took it over from the spare (empty: it started empty).
    let spare: Manifest
    /// The files and empty folders of the spare that jixiao did not write (`foreignName`).
    let spareForeign: [String]
    /// The staging folder held open, to look up the spare's files from…
    private let stagingFolder: OpenFolder?
    /// …unless they were looked up already (`SpareLookup`): then only the files not as recorded are listed
    /// (a file missing then counts as missing).
    private let spareExceptions: [String: FileStatus?]?
    /// The lookup made between builds, which may already know what the output folder holds of others.
    let spareLookup: SpareLookup?
    /// What this build has placed so far; pages are staged from many threads.
    let state = Mutex(State())

    struct State {
        var current: [String: Manifest.Entry] = [:]
        /// How many paths of `current` the previous manifest has, and how many the spare's: when they are
        /// all, nothing of either is missing from the new site, and no pass over them is needed.
        var inPrevious = 0
        var inSpare = 0
        /// Paths recorded with an entry other than the previous manifest's (or none there): the lines of the
        /// new manifest that are not the previous one's.
        var changed: [String] = []
        var folders: Set<String> = []
        var stats = WriteStats()
        var warnings: [Diagnostic] = []
        /// Files and empty folders of the output folder that jixiao did not write (folders end in `/`)…
        var foreign: [String] = []
        /// …and those of them carried over into the new tree.
        var carried: Set<String> = []
        var committed: Manifest?
        /// A file could not be written: the staged tree may hold part of it.
        var damaged = false
        var finished = false
        /// The previous site, swapped out, still to remove.
        var oldTree: String?

        /// Puts a file in the new site's manifest; `previous`: its entry in the previous manifest; `inSpare`:
        /// whether the spare's manifest has its path.
        mutating func record(_ path: String, _ entry: Manifest.Entry, previous: Manifest.Entry?, inSpare: Bool) {
            if entry != previous { changed.append(path) }
            guard current.updateValue(entry, forKey: path) == nil else { return }
            if previous != nil { inPrevious += 1 }
            if inSpare { self.inSpare += 1 }
        }
    }

    /// Staging folders and old trees of this process in use: the leftovers of other builds are
    /// removed, not these.
    static let staged = Mutex<Set<String>>([])
    private static let oldTrees = Atomic(0)

    package var stats: WriteStats { state.withLock { $0.stats } }

    /// Warnings about the output folder: manifest lines not trusted, an old tree that could not be removed.
    package var warnings: [Diagnostic] { state.withLock { $0.warnings } }

    /// What the committed build wrote: the manifest.
    package var written: Manifest { state.withLock { $0.committed ?? Manifest() } }

    /// `known`: the manifest the same session wrote last, instead of reading it again.
    /// `knownSpare`: the manifest of the site the same session swapped out last, used when the spare's
    /// manifest is still the file written with it.
    /// `spareLookup`: the spare's files, looked up while the build read and checked the content.
    package init(folder url: URL, known: Manifest? = nil, knownSpare: Manifest? = nil, spareLookup: SpareLookup? = nil,
                 swapping: Bool = true) throws(OutputFailure)
    {
        // Every check and folder before the stored properties are set: a throw then runs no deinit,
        // which would release the staging folder of the build that holds it.
        let folder = url.standardizedFileURL.path
        let live = Self.live(url)
        let (parent, name) = Self.parentAndName(live)
        let staging = parent + "/." + name + ".jixiao-new-\(Processes.current)"
        do { try Self.makeFolders(parent) } catch {
            throw Self.failure("cannot create \(error.path): \(error.reason)", replacing: FileStatus(path: live) != nil)
        }
        if Self.staged.withLock({ !$0.insert(staging).inserted }) {
            throw Self.failure("another build in this process is writing \(folder)", replacing: FileStatus(path: live) != nil)
        }
        Self.removeLeftovers(beside: live, staging: staging)
        let before = FileStatus(path: live)
        if let before, before.kind != .folder {
            Self.staged.withLock { _ = $0.remove(staging) }
            throw Self.failure("\(folder): \(SystemError.notAFolder)", replacing: true)
        }
        let found = spareLookup?.found
        let (spare, spareForeign) = Self.takeOverSpare(Self.spare(beside: live), as: staging, known: found?.manifest ?? knownSpare,
                                                       replacing: before != nil)
        do throws(SystemError) {
            try Folders.make(staging).get()
            if let before { try Folders.setMode(staging, before.mode) }
        } catch {
            Self.staged.withLock { _ = $0.remove(staging) }
            throw Self.failure("cannot create \(error.path): \(error.reason)", replacing: before != nil)
        }
        var previous = before != nil ? known ?? Manifest.read(live + "/" + Self.manifestName) : Manifest()
        let ignored = previous.ignored
        previous.ignored = 0
        (self.folder, self.live, self.parent, self.name, self.staging) = (folder, live, parent, name, staging)
        (replacing, self.previous, self.swapping) = (before != nil, previous, swapping)
        (self.spare, self.spareForeign, self.spareLookup) = (spare, spareForeign, spareLookup)
        stagingFolder = spare.entries.isEmpty ? nil : OpenFolder(staging)
        // Looked up in the spare before it was moved here: the same files.
        spareExceptions = found.flatMap { found in spare.written != nil && found.manifest.written == spare.written ? found.exceptions : nil }
        state.withLock { state in
            state.current.reserveCapacity(previous.entries.count)
            state.folders.insert(staging)
            if ignored > 0 {
                let lines = ignored == 1 ? "1 line of \(folder)/\(Self.manifestName) does" : "\(ignored) lines of \(folder)/\(Self.manifestName) do"
                state.warnings.append(.warning(.manifestLineIgnored, "\(lines) not name a file inside the folder and "
                    + "\(ignored == 1 ? "was" : "were") ignored; nothing outside it is touched", at: nil))
            }
        }
    }

    deinit { Self.staged.withLock { _ = $0.remove(staging) } }

    /// The manifest of the output folder at `url` (empty when there is none), for `init(folder:known:)`.
    package static func manifest(of url: URL) -> Manifest {
        Manifest.read(live(url) + "/" + manifestName)
    }

    /// A failure that left the output folder as it was.
    func failure(_ description: String) -> OutputFailure {
        Self.failure(description, replacing: replacing)
    }

    private static func failure(_ description: String, replacing: Bool) -> OutputFailure {
        OutputFailure(description, outcome: replacing ? "the previous site is untouched" : "nothing was written there", untouched: true)
    }

    // MARK: Staging

    /// Counts the files of pages (a list a page) of the previous build as written by this one without
    /// rendering them again, each page's all or none: `false` for a page any of whose files is not as the
    /// previous build left it (gone, or changed by hand), which must be rendered.
    package func keep(pages: [[String]]) -> [Bool] {
        guard replacing else { return pages.map { _ in false } }
        // Looked up tens of thousands of times: taken out of the manifests once.
        let previousEntries = previous.entries, spareEntries = spare.entries
        var kept: [Bool] = []
        var placed: [(path: String, entry: Manifest.Entry, previous: Manifest.Entry, inSpare: Bool)] = []
        for paths in pages {
            // Every file checked before any is placed.
            var found: [(entry: Manifest.Entry, previous: Manifest.Entry, inSpare: Bool)] = []
            for path in paths {
                guard let entry = previousEntries[path], let (kept, inSpare) = keptEntry(path, entry, inSpare: spareEntries[path]) else { break }
                found.append((kept, entry, inSpare))
            }
            guard found.count == paths.count else {
                kept.append(false)
                continue
            }
            let start = placed.count
            for (path, (entry, previous, inSpare)) in zip(paths, found) {
                guard let entry = inSpare ? entry : try? place(path, entry) else { break }
                placed.append((path, entry, previous, inSpare || spareEntries[path] != nil))
            }
            kept.append(placed.count - start == paths.count)
            if placed.count - start < paths.count { placed.removeSubrange(start...) }
        }
        // One lock for them all: pages are kept on every core at once.
        state.withLock {
            for (path, entry, previous, inSpare) in placed { $0.record(path, entry, previous: previous, inSpare: inSpare) }
            $0.stats.unchanged += placed.count
        }
        return kept
    }

    /// Counts every file of the previous build but `except` (files about to be staged again) as written by
    /// this one, before anything is staged, looking only at the few that the spare does not hold as the
    /// previous build left them: where the spare was looked up between builds, each of the others is in the
    /// staging folder already. For a site with the same files as the previous build's: what it counts is
    /// not checked against the new site. Returns the files not as the previous build left them (gone, or
    /// changed by hand), whose pages must be rendered; `nil` when it cannot tell without looking at each
    /// (call `keep(pages:)` then).
    package func keepAll(except: Set<String>) -> [String]? {
        guard replacing, let spareExceptions, let differing = spareLookup?.differing(from: previous),
              state.withLock({ $0.current.isEmpty }) else { return nil }
        let previousEntries = previous.entries, spareEntries = spare.entries
        let looked = differing.union(spareExceptions.keys)
        var placed: [(path: String, entry: Manifest.Entry, previous: Manifest.Entry, inSpare: Bool)] = []
        var failed: [String] = []
        for path in looked where !except.contains(path) {
            guard let entry = previousEntries[path] else { continue }
            guard let (kept, inSpare) = keptEntry(path, entry, inSpare: spareEntries[path]), let placedEntry = inSpare ? kept : try? place(path, kept)
            else {
                failed.append(path)
                continue
            }
            placed.append((path, placedEntry, entry, inSpare || spareEntries[path] != nil))
        }
        // The table made between builds where there is one: copying the previous one here is most of this.
        var current = spareLookup?.kept(from: previous) ?? previousEntries
        for path in looked.union(except) { current.removeValue(forKey: path) }
        state.withLock { state in
            // Each file left is the spare's, as the previous manifest records it.
            (state.inPrevious, state.inSpare, state.stats.unchanged) = (current.count, current.count, current.count + placed.count)
            // Moved, not shared: the records below would copy a table still held here.
            swap(&state.current, &current)
            for (path, entry, previous, inSpare) in placed { state.record(path, entry, previous: previous, inSpare: inSpare) }
        }
        return failed
    }

    /// A file of the previous build (`entry`, its line in the previous manifest) still as it left it: in
    /// the spare with the same bytes (left where it is; `recorded`: the spare manifest's line), or in the
    /// output folder (to place in the new tree).
    private func keptEntry(_ path: String, _ entry: Manifest.Entry, inSpare recorded: Manifest.Entry?) -> (Manifest.Entry, inSpare: Bool)? {
        if let kept = spareEntry(path, recorded, hash: entry.hash, size: entry.size) { return (kept, true) }
        guard let modified = unchangedTime(live + "/" + path, entry, since: previous.written) else { return nil }
        return (Manifest.Entry(hash: entry.hash, size: entry.size, modified: modified), false)
    }

    /// The bytes of a file this build kept from the previous one (`keep`), read from the new tree: for a
    /// file made of others, to reuse the unchanged ones. `nil` when the file was not kept or its size is not
    /// the one recorded.
    package func keptBytes(_ path: String) -> Data? {
        guard let entry = state.withLock({ $0.current[path] }), let data = FileManager.default.contents(atPath: staging + "/" + path),
              data.count == entry.size else { return nil }
        return data
    }

    /// The hash of the bytes this build recorded for a file so far (staged or kept), if any.
    package func recordedHash(_ path: String) -> UInt64? {
        state.withLock { $0.current[path]?.hash }
    }

    /// Stages one file (path relative to the output folder). Safe to call from many threads.
    package func stage(_ path: String, _ data: Data) throws(OutputFailure) {
        try data.withUnsafeBytes { bytes in Result { () throws(OutputFailure) in try stage(path, bytes) } }.get()
    }

    package func stage(_ path: String, _ bytes: [UInt8]) throws(OutputFailure) {
        try bytes.withUnsafeBytes { bytes in Result { () throws(OutputFailure) in try stage(path, bytes) } }.get()
    }

    package func stage(_ path: String, _ text: String) throws(OutputFailure) {
        var text = text
        try text.withUTF8 { bytes in Result { () throws(OutputFailure) in try stage(path, UnsafeRawBufferPointer(bytes)) } }.get()
    }

    /// Stages one file made of parts laid end to end (the site's `data.json`, of its units'), without
    /// putting them together in memory.
    package func stage(_ path: String, parts: [Data]) throws(OutputFailure) {
        func withBytes(_ index: Int, _ pointers: [UnsafeRawBufferPointer]) throws(OutputFailure) {
            guard index < parts.count else { return try stage(path, parts: pointers) }
            try parts[index].withUnsafeBytes { bytes in
                Result { () throws(OutputFailure) in try withBytes(index + 1, pointers + [bytes]) }
            }.get()
        }
        try withBytes(0, [])
    }

    private func stage(_ path: String, _ bytes: UnsafeRawBufferPointer) throws(OutputFailure) {
        try stage(path, parts: [bytes])
    }

    private func stage(_ path: String, parts: [UnsafeRawBufferPointer]) throws(OutputFailure) {
        let size = parts.reduce(0) { $0 + $1.count }
        let hash = parts.count == 1 ? Manifest.hash(parts[0]) : ContentHash.of(parts: parts)
        if let kept = spareEntry(path, spare.entries[path], hash: hash, size: size) {
            let previousEntry = replacing ? previous.entries[path] : nil
            state.withLock {
                $0.record(path, kept, previous: previousEntry, inSpare: true)
                $0.stats.unchanged += 1
            }
            return
        }
        let previousEntry = replacing ? previous.entries[path] : nil
        let inSpare = spare.entries[path] != nil
        if let entry = previousEntry, entry.hash == hash, entry.size == size,
           let modified = unchangedTime(live + "/" + path, entry, since: previous.written),
           let placed = try? place(path, Manifest.Entry(hash: hash, size: size, modified: modified))
        {
            state.withLock {
                $0.record(path, placed, previous: entry, inSpare: inSpare)
                $0.stats.unchanged += 1
            }
            return
        }
        // Paths as strings: building a URL per file costs more than writing a small one.
        let target = staging + "/" + path
        do {
            let modified = try pastSpareObstacles(target) { () throws(SystemError) in
                try ensureFolder(of: target)
                return try FileWrite.create(parts: parts, at: target)
            }
            state.withLock {
                $0.record(path, Manifest.Entry(hash: hash, size: size, modified: modified), previous: previousEntry, inSpare: inSpare)
                $0.stats.written += 1
            }
        } catch {
            state.withLock { $0.damaged = true }
            throw failure("\(error.path): \(error.reason)")
        }
    }

    /// The spare's file at `path` as its manifest recorded it (`recorded`), when that has these bytes and is
    /// unchanged: left where it is.
    private func spareEntry(_ path: String, _ recorded: Manifest.Entry?, hash: UInt64, size: Int) -> Manifest.Entry? {
        guard let entry = recorded, entry.hash == hash, entry.size == size else { return nil }
        if let spareExceptions, entry.modified != nil, spareExceptions.isEmpty || spareExceptions[path] == nil { return entry }
        let status = spareExceptions.map { $0[path] ?? nil } ?? stagingFolder.flatMap { FileStatus(path, in: $0) }
        guard let modified = unchangedTime(staging + "/" + path, entry, since: spare.written, status: status) else { return nil }
        return Manifest.Entry(hash: hash, size: size, modified: modified)
    }

    /// The modification time of a file (of the output folder, or of the spare) when it is still as its
    /// manifest, written at `written`, says: its size and time as recorded, or, when the time cannot tell
    /// (an older manifest without times, a file modified in the same tick as the manifest was written), its bytes.
    /// `status`: the file's, when it was looked up already.
    private func unchangedTime(_ file: String, _ entry: Manifest.Entry, since written: FileTime?, status: FileStatus?? = nil) -> FileTime? {
        guard let status = status ?? FileStatus(path: file), status.kind == .file, status.size == entry.size else { return nil }
        if let modified = entry.modified {
            guard modified == status.modified else { return nil }
            if let written, modified < written { return modified }
        }
        guard let data = FileManager.default.contents(atPath: file), Manifest.hash(data) == entry.hash else { return nil }
        return status.modified
    }

    /// Puts the output folder's file into the new tree, replacing whatever an earlier attempt put there.
    private func place(_ path: String, _ entry: Manifest.Entry) throws(SystemError) -> Manifest.Entry {
        let source = live + "/" + path, target = staging + "/" + path
        let copied = try pastSpareObstacles(target) { () throws(SystemError) in
            try ensureFolder(of: target)
            do throws(SystemError) {
                return try Self.linkOrCopy(source, target)
            } catch where error.isExisting {
                FileWrite.remove(target)
                return try Self.linkOrCopy(source, target)
            }
        }
        return copied.map { Manifest.Entry(hash: entry.hash, size: entry.size, modified: $0) } ?? entry
    }

    /// A hard link to a file of the output folder, or a copy where the file system cannot link (then
    /// the copy's modification time).
    static func linkOrCopy(_ source: String, _ target: String) throws(SystemError) -> FileTime? {
        do {
            try FileLinks.link(source, as: target)
            return nil
        } catch where FileLinks.cannotLink(error) {
            guard let data = FileManager.default.contents(atPath: source) else { throw SystemError(path: source) }
            return try create(data, at: target)
        }
    }

    static func create(_ data: Data, at path: String) throws(SystemError) -> FileTime {
        try data.withUnsafeBytes { bytes in Result { () throws(SystemError) in try FileWrite.create(bytes, at: path) } }.get()
    }

    /// Runs `body`, which puts a file at `target`; where it fails because the spare has a folder at
    /// `target`, or a file where the path needs a folder, removes those and runs it again. The spare's
    /// entries in the way are of an earlier site: nothing of this build's is there.
    private func pastSpareObstacles<T>(_ target: String, _ body: () throws(SystemError) -> T) throws(SystemError) -> T {
        do {
            return try body()
        } catch where !spare.entries.isEmpty && [EEXIST, EISDIR, ENOTDIR].contains(error.code) {
            var folder = staging
            for part in target.dropFirst(staging.count + 1).split(separator: "/").dropLast() {
                folder += "/" + part
                if let status = FileStatus(path: folder), status.kind != .folder {
                    FileWrite.remove(folder)
                    state.withLock { _ = $0.folders.remove(folder) }
                }
            }
            if FileStatus(path: target)?.kind == .folder { try FileTree.remove(target) }
            return try body()
        }
    }

    /// Creates the folder holding `file`, and those above it, with one `mkdir` each where they are missing.
    private func ensureFolder(of file: String) throws(SystemError) {
        guard let slash = file.lastIndex(of: "/") else { return }
        let path = String(file[..<slash])
        if state.withLock({ $0.folders.contains(path) }) { return }
        if case let .failure(error) = Folders.make(path) {
            guard error.isMissing else { throw error }
            try ensureFolder(of: path)
            try Folders.make(path).get()
        }
        state.withLock { _ = $0.folders.insert(path) }
    }

    private static func makeFolders(_ path: String) throws(SystemError) {
        if Folders.isDirectory(path) { return }
        if case let .failure(error) = Folders.make(path) {
            guard error.isMissing, let slash = path.lastIndex(of: "/"), slash > path.startIndex else { throw error }
            try makeFolders(String(path[..<slash]))
            try Folders.make(path).get()
        }
    }

    // MARK: Committing

    /// Puts the new site in place in one step, unless `stopped()` says otherwise just before: then
    /// nothing is changed and it returns `false` (call `discard()`).
    /// `hidden`: files of jixiao's own to put beside the manifest (`.jixiao-cache`), by name, given the
    /// manifest's modification time.
    package func commit(unless stopped: () -> Bool = { false }, hidden: (FileTime) -> [String: OwnFile] = { _ in [:] }) throws(OutputFailure) -> Bool {
        if replacing { try carryOver() }
        let (current, carried, inPrevious, inSpare, changed) = state.withLock { ($0.current, $0.carried, $0.inPrevious, $0.inSpare, $0.changed) }
        removeSpareLeftovers(current: current, carried: carried, allKept: inSpare == spare.entries.count)
        let manifest: Manifest
        do {
            // Before the manifest: the next build trusts what was carried into a folder older than the manifest.
            let list = ByteOrder.sorted(Array(carried)).map { $0 + "\n" }.joined()
            _ = try Self.create(Data(list.utf8), at: staging + "/" + Self.carriedName)
            // The same paths as the previous build's (as nearly always): in the same order.
            let same = inPrevious == current.count && current.count == previous.entries.count
            manifest = try Manifest.write(current, ordered: same ? previous.ordered : nil, patching: same ? (previous, changed) : nil,
                                          to: staging + "/" + Self.manifestName)
            for (name, file) in hidden(manifest.written!) where name.hasPrefix(Self.ownPrefix) {
                switch file {
                case let .bytes(data):
                    _ = try Self.create(data, at: staging + "/" + name)
                case .kept:
                    // Without it, what was written to go with it is of no use, and the next build does without.
                    if replacing { _ = try? Self.linkOrCopy(live + "/" + name, staging + "/" + name) }
                }
            }
        } catch {
            throw failure("\(error.path): \(error.reason)")
        }
        if stopped() { return false }
        if replacing {
            try swapIn()
        } else {
            do { try FileWrite.rename(staging, to: live) } catch {
                throw failure("cannot move the new site from \(staging) to \(folder): \(error.reason)")
            }
        }
        Self.staged.withLock { _ = $0.remove(staging) }
        state.withLock {
            $0.committed = manifest
            $0.stats.removed = previous.entries.count - inPrevious
            $0.finished = true
        }
        return true
    }

    /// Swaps the staged folder and the output folder, then sets the old tree aside.
    private func swapIn() throws(OutputFailure) {
        guard swapping else { return try swapByRenaming() }
        do {
            try FolderExchange.swap(staging, live)
        } catch where FolderExchange.isUnsupported(error) {
            try swapByRenaming()
            return
        } catch {
            throw failure("cannot swap the new site (\(staging)) with \(folder): \(error.reason)")
        }
        // `staging` now holds the previous site. Renamed, so that a build killed while it is being
        // removed leaves a name the next build recognises.
        setAside(staging)
    }

    /// Keeps the swapped-out previous site as the next build's spare, with the list of the files jixiao
    /// did not write in it; where it cannot, names it as one to remove, and keeps other builds of this
    /// process from removing it as a leftover while `removeOldTree()` has yet to.
    private func setAside(_ path: String) {
        let spare = Self.spare(beside: live)
        // The list of what jixiao did not write in it: those this build found there, a moment before.
        let foreign = Data(state.withLock { $0.foreign }.map { $0 + "\n" }.joined().utf8)
        if FileStatus(path: spare) == nil, (try? Self.create(foreign, at: path + "/" + Self.foreignName)) != nil,
           (try? FileWrite.rename(path, to: spare)) != nil {
            return
        }
        // Numbered: the previous one may still be being removed.
        let number = Self.oldTrees.add(1, ordering: .relaxed).newValue
        let old = parent + "/." + name + ".jixiao-old-\(Processes.current)-\(number)"
        let tree = (try? FileWrite.rename(path, to: old)) != nil ? old : path
        Self.staged.withLock { _ = $0.insert(tree) }
        state.withLock { $0.oldTree = tree }
    }

    /// For file systems that cannot swap two folders (some network file systems): the output folder is
    /// moved aside whole, then the new one is moved into place. A build killed between the two leaves no
    /// output folder, and the previous site whole beside it, under a name the next build moves back.
    private func swapByRenaming() throws(OutputFailure) {
        let aside = parent + "/." + name + ".jixiao-previous-\(Processes.current)"
        do { try FileWrite.rename(live, to: aside) } catch {
            throw failure("cannot move the previous site aside to \(aside): \(error.reason)")
        }
        do { try FileWrite.rename(staging, to: live) } catch {
            if (try? FileWrite.rename(aside, to: live)) != nil {
                throw failure("cannot move the new site from \(staging) to \(folder): \(error.reason)")
            }
            throw OutputFailure("cannot move the new site from \(staging) to \(folder): \(error.reason)",
                                outcome: "the output folder is missing now; the previous site is whole in \(aside), and the next build moves it back",
                                untouched: false)
        }
        setAside(aside)
    }

    /// Removes the previous site that `commit()` swapped out. A failure is a warning: the new site is in
    /// place, and the next build removes what is left.
    package func removeOldTree() {
        guard let path = state.withLock({ $0.oldTree }) else { return }
        do { try FileTree.remove(path) } catch {
            state.withLock {
                $0.warnings.append(.warning(.previousSiteNotRemoved, "the new site is in place, but the previous one could not be "
                    + "removed from \(path): \(error.path): \(error.reason); the next build removes it", at: nil))
            }
        }
        Self.staged.withLock { _ = $0.remove(path) }
        state.withLock { $0.oldTree = nil }
    }

    /// Ends a build that will not be committed. A stopped one's staged tree (`keepingWork`) becomes the
    /// next build's spare where it can (`keepAsSpare()`): a rename and a manifest, where removing tens of
    /// thousands of files would keep whoever stopped it waiting. Otherwise it is removed.
    package func discard(keepingWork: Bool = false) {
        guard !state.withLock({ $0.finished }) else { return }
        if !(keepingWork && keepAsSpare()) { try? FileTree.remove(staging) }
        Self.staged.withLock { _ = $0.remove(staging) }
        state.withLock { $0.finished = true }
    }

}

/// Why the output folder could not be written, and what it holds now.
package struct OutputFailure: Error, Sendable, CustomStringConvertible {
    /// What failed, with the path and the system's reason.
    package let description: String
    /// What the output folder holds now, in words.
    package let outcome: String
    /// Whether the output folder is exactly as it was (on a first build: still missing).
    package let untouched: Bool

    init(_ description: String, outcome: String, untouched: Bool) {
        self.description = description
        self.outcome = outcome
        self.untouched = untouched
    }
}

/// How many files a build wrote, left alone and removed.
public struct WriteStats: Sendable {
    public var written = 0
    public var unchanged = 0
    public var removed = 0

    public init() {}
}

/// A file of jixiao's own that a build puts into the output folder beside the manifest.
package enum OwnFile: Sendable {
    case bytes(Data)
    /// The output folder's file of that name, as it is (linked into the new tree).
    case kept
}
