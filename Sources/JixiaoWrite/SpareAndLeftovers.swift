import Foundation
import JixiaoModel
import JixiaoSystem

/// What lies beside the output folder: the spare (the site before last, which the next build takes over
/// and patches) and what killed builds left.
extension OutputWriter {
    /// The folder holding the output folder `live` (links resolved) and the output folder's name: the
    /// names beside it are `.<name>.jixiao-…`.
    static func parentAndName(_ live: String) -> (parent: String, name: String) {
        let slash = live.lastIndex(of: "/") ?? live.startIndex
        return (slash == live.startIndex ? "/" : String(live[..<slash]), String(live[live.index(after: slash)...]))
    }

    /// The output folder at `url` as a path with its links resolved: the folder that is swapped.
    static func live(_ url: URL) -> String {
        let folder = url.standardizedFileURL.path
        return Folders.realPath(folder) ?? folder
    }

    /// The spare beside the output folder `live` (links resolved).
    static func spare(beside live: String) -> String {
        let (parent, name) = parentAndName(live)
        return parent + "/." + name + ".jixiao-spare"
    }

    /// Moves the spare (the site before the previous one) to `staging` and reads its manifest and its list
    /// of files jixiao did not write; its own files (manifest, cache) are removed, since this build writes
    /// its own. Without a previous site the spare is of no use and is removed; so is a spare without a
    /// readable manifest.
    static func takeOverSpare(_ spare: String, as staging: String, known: Manifest?, replacing: Bool) -> (Manifest, [String]) {
        guard replacing else {
            if FileStatus(path: spare) != nil { try? FileTree.remove(spare) }
            return (Manifest(), [])
        }
        guard FileStatus(path: spare)?.kind == .folder, (try? FileWrite.rename(spare, to: staging)) != nil else { return (Manifest(), []) }
        let file = staging + "/" + manifestName
        var manifest = known.flatMap { known in known.written != nil && FileStatus(path: file)?.modified == known.written ? known : nil }
            ?? Manifest.read(file)
        guard !manifest.entries.isEmpty, manifest.ignored == 0,
              let foreign = FileManager.default.contents(atPath: staging + "/" + foreignName).map({ String(decoding: $0, as: UTF8.self) })
        else {
            try? FileTree.remove(staging)
            return (Manifest(), [])
        }
        for (entry, kind) in FileTree.children(staging) ?? [] where entry.hasPrefix(ownPrefix) && kind == .file {
            FileWrite.remove(staging + "/" + entry)
        }
        manifest.ignored = 0
        return (manifest, foreign.split(separator: "\n").map(String.init))
    }

    /// The staged tree of a stopped build as the next build's spare, under the spare's name, with a manifest
    /// of what it holds: the files it took over from the spare and those this build placed, each with the
    /// hash, size and time recorded when it was placed (one changed since, or removed, shows as such when
    /// the spare is looked up); and the list of files jixiao did not write: the spare's and those carried
    /// over. `false`, and nothing renamed, where there is no site beside it (a spare is of no use), something
    /// has the spare's name, or a file could not be written (the tree may hold part of it).
    func keepAsSpare() -> Bool {
        let (current, carried, damaged) = state.withLock { ($0.current, $0.carried, $0.damaged) }
        let spareName = Self.spare(beside: live)
        guard replacing, !damaged, FileStatus(path: live)?.kind == .folder, FileStatus(path: spareName) == nil else { return false }
        let foreign = ByteOrder.sorted(Array(Set(spareForeign).union(carried))).map { $0 + "\n" }.joined()
        do throws(SystemError) {
            _ = try Self.create(Data(foreign.utf8), at: staging + "/" + Self.foreignName)
            _ = try Manifest.write(spare.entries.merging(current) { $1 }, to: staging + "/" + Self.manifestName)
            try FileWrite.rename(staging, to: spareName)
            return true
        } catch {
            return false
        }
    }

    /// Makes a spare beside an output folder that has none, for the next build to take over: every file of
    /// the output folder's `manifest` linked into it (so the pages the next build keeps are there already,
    /// not linked one by one while it runs), an empty list of files jixiao did not write, and its manifest,
    /// written last (a spare without one is removed). A file that cannot be linked is left out of it; a
    /// file changed by hand since `manifest` shows when the spare is looked up. Returns the spare's
    /// manifest; `nil`, and nothing left, when there is something at `spare` already or a folder cannot be made.
    static func makeSpare(_ spare: String, from live: String, _ manifest: Manifest) -> Manifest? {
        guard FileStatus(path: spare) == nil, !manifest.entries.isEmpty else { return nil }
        do throws(SystemError) {
            try Folders.make(spare).get()
            // Each folder after the one holding it.
            for folder in folders(of: manifest).sorted(by: { $0.utf8.count < $1.utf8.count }) { try Folders.make(spare + "/" + folder).get() }
            let paths = manifest.ordered ?? Array(manifest.entries.keys)
            let linked = Parallel.map(Parallel.chunks(paths.count)) { chunk in
                paths[chunk].filter { path in (try? FileLinks.link(live + "/" + path, as: spare + "/" + path)) != nil }
            }.joined()
            let entries = Dictionary(uniqueKeysWithValues: linked.map { ($0, manifest.entries[$0]!) })
            _ = try FileWrite.create(UnsafeRawBufferPointer(start: nil, count: 0), at: spare + "/" + foreignName)
            return try Manifest.write(entries, ordered: entries.count == paths.count ? manifest.ordered : nil, to: spare + "/" + manifestName)
        } catch {
            try? FileTree.remove(spare)
            return nil
        }
    }

    /// Removes what the spare held that the new site does not: files of the earlier site, files it carried
    /// over that are gone from the output folder, and the folders these leave empty. `allKept`: every file of
    /// the spare's manifest is a file of the new site, so only what it carried over is looked at.
    func removeSpareLeftovers(current: [String: Manifest.Entry], carried: Set<String>, allKept: Bool) {
        guard !spare.entries.isEmpty else { return }
        var emptied: Set<String> = []
        func remove(_ path: String) {
            if FileWrite.remove(staging + "/" + path), let slash = path.lastIndex(of: "/") { emptied.insert(String(path[..<slash])) }
        }
        // Looked for on all cores (the spare has tens of thousands of files), removed in turn.
        if !allKept {
            let paths = Array(spare.entries.keys)
            let gone = Parallel.map(Parallel.chunks(paths.count)) { chunk in paths[chunk].filter { current[$0] == nil && !carried.contains($0) } }
            for path in gone.joined() { remove(path) }
        }
        for line in spareForeign where !carried.contains(line) {
            let isFolder = line.hasSuffix("/")
            let path = isFolder ? String(line.dropLast()) : line
            guard Self.isPlainRelative(path), current[path] == nil else { continue }
            if isFolder { emptied.insert(path) } else { remove(path) }
        }
        // Deepest first, each folder and those above it while they are empty and not carried empty.
        for folder in emptied.sorted(by: { $0.count > $1.count }) {
            var path = Substring(folder)
            while !path.isEmpty, !carried.contains(path + "/"), Folders.removeIfEmpty(staging + "/" + path) {
                path = path.lastIndex(of: "/").map { path[..<$0] } ?? ""
            }
        }
    }

    /// A relative path of plain names (no empty part, `.` or `..`): what the spare's list may name.
    static func isPlainRelative(_ path: String) -> Bool {
        !path.isEmpty && path.split(separator: "/", omittingEmptySubsequences: false).allSatisfy { !$0.isEmpty && $0 != "." && $0 != ".." }
    }

    /// Whether the output folder, written with `manifest`, holds what older versions of jixiao left when
    /// killed (files staged in place, a half-written manifest), which a build removes.
    package static func holdsLeftovers(_ output: URL, manifest: Manifest) -> Bool {
        foreignEntries(output.standardizedFileURL.path, previous: manifest).contains { entry in
            entry.path.hasPrefix(".dat.nosync") || entry.path.hasSuffix(".jixiao-staged")
        }
    }

    /// Removes what builds that are gone left beside `output` (a build that writes nothing does it too).
    package static func removeLeftovers(beside output: URL) {
        removeLeftovers(beside: live(output), staging: "")
    }

    /// Removes what builds that are gone left beside the output folder: staged trees and old trees
    /// (`.<name>.jixiao-new-<pid>`, `.<name>.jixiao-old-<pid>-<n>`), and moves back a previous site that
    /// a build killed between two renames left aside (`.<name>.jixiao-previous-<pid>`).
    static func removeLeftovers(beside live: String, staging: String) {
        let (parent, name) = parentAndName(live)
        let prefix = "." + name + ".jixiao-"
        for (entry, _) in FileTree.children(parent) ?? [] where entry.hasPrefix(prefix) {
            let rest = entry.dropFirst(prefix.count)
            // `new-<pid>`, `old-<pid>-<n>`, `previous-<pid>`.
            guard let dash = rest.firstIndex(of: "-"), let process = Int32(rest[rest.index(after: dash)...].prefix { $0.isASCII && $0.isNumber })
            else { continue }
            let path = parent + "/" + entry
            let inUse = process == Processes.current ? path != staging && staged.withLock { $0.contains(path) }
                : Processes.isRunning(process)
            if inUse { continue }
            switch rest[..<dash] {
            case "previous" where FileStatus(path: live) == nil:
                try? FileWrite.rename(path, to: live)
            case "new", "old", "previous":
                try? FileTree.remove(path)
            default:
                continue
            }
        }
    }
}
