import Foundation
import JixiaoSystem

/// Finding what the output folder holds besides the files the last build wrote (a README.md or CNAME put
/// there by hand, what a killed older build left) without listing each of its thousands of folders.
///
/// A folder's status change time moves whenever an entry is created in it, removed or renamed, and when the
/// folder itself is renamed. The last build put every file in place before it wrote its manifest, so a
/// folder whose time is still before the manifest's holds just what that build left there: the files of the manifest, and those it carried over
/// (kept as `.jixiao-carried`). Only the folders changed since are listed, and anything new in them is
/// walked whole. A `stat` costs a quarter of a listing, and a site's output has one folder for every four files.
/// Without the list of what was carried, or the manifest's time, the whole folder is walked as before.
extension OutputWriter {
    /// In the output folder: what the build that wrote it carried over from the folder before (a line
    /// each; folders end in `/`).
    static let carriedName = ".jixiao-carried"

    /// Every entry of the output folder `live` (paths relative to it, as `FileTree.entries` gives them)
    /// that is not a file of `previous`, its manifest; such files may be listed too. Each folder comes
    /// before what it holds.
    static func foreignEntries(_ live: String, previous: Manifest) -> [FileTree.Entry] {
        guard let written = previous.written, !previous.entries.isEmpty,
              let list = FileManager.default.contents(atPath: live + "/" + carriedName)
        else { return FileTree.entries(live) }
        let carried = String(decoding: list, as: UTF8.self).split(separator: "\n").compactMap { line -> (path: String, isFolder: Bool)? in
            let isFolder = line.hasSuffix("/")
            let path = String(isFolder ? line.dropLast() : line)
            return isPlainRelative(path) ? (path, isFolder) : nil
        }
        // Every folder holding a file of the manifest or one carried over, and the folders carried empty.
        var folders = Self.folders(of: previous)
        for (path, isFolder) in carried {
            Self.addFolders(above: path, to: &folders)
            if isFolder { folders.insert(Substring(path)) }
        }
        let carriedEmpty = Set(carried.filter(\.isFolder).map { Substring($0.path) })
        // On all cores: a site's output has thousands of folders. `nil`: gone, or no longer a folder (its
        // folder changed, and is listed).
        let known = Array(folders)
        guard let root = OpenFolder(live) else { return FileTree.entries(live) }
        let changed = Parallel.map(Parallel.chunks(known.count)) { chunk in
            known[chunk].map { folder -> Bool? in
                guard let status = FileStatus(folder, in: root), status.kind == .folder else { return nil }
                // The status change time, not the modification time: it also moves when a folder is renamed
                // into place, and cannot be set back.
                return !(status.statusChanged < written)
            }
        }.flatMap { $0 }
        var listed: Set<Substring> = [""]
        var found: [FileTree.Entry] = []
        for (folder, change) in zip(known, changed) {
            switch change {
            case true?: listed.insert(folder)
            case false? where carriedEmpty.contains(folder): found.append(FileTree.Entry(path: String(folder), kind: .folder, isEmpty: true))
            default: continue
            }
        }
        // What was carried into a folder that did not change is still there.
        for (path, isFolder) in carried where !isFolder {
            let folder = path.utf8.lastIndex(of: UInt8(ascii: "/")).map { path[..<$0] } ?? ""
            guard !listed.contains(folder), let status = FileStatus(path: live + "/" + path), status.kind == .file || status.kind == .link
            else { continue }
            found.append(FileTree.Entry(path: path, kind: status.kind, isEmpty: false))
        }
        let listings = Parallel.map(listed.map(String.init)) { folder -> [FileTree.Entry] in
            var entries: [FileTree.Entry] = []
            let children = FileTree.children(folder.isEmpty ? live : live + "/" + folder) ?? []
            if children.isEmpty, !folder.isEmpty { return [FileTree.Entry(path: folder, kind: .folder, isEmpty: true)] }
            for (name, kind) in children {
                let path = folder.isEmpty ? name : folder + "/" + name
                if kind == .folder {
                    // A folder the last build knew answers for itself; a new one is walked whole.
                    if folders.contains(Substring(path)) { continue }
                    let below = FileTree.entries(live, below: path)
                    entries.append(FileTree.Entry(path: path, kind: .folder, isEmpty: below.isEmpty))
                    entries += below
                } else if previous.entries[path] == nil {
                    entries.append(FileTree.Entry(path: path, kind: kind, isEmpty: false))
                }
            }
            return entries
        }
        found += listings.joined()
        // Folders before what they hold, in one order whatever the cores did.
        return found.sorted { ByteOrder.precedes($0.path, $1.path) }
    }

    /// Every folder holding a file of `manifest` (relative paths, as slices of its paths), found on all cores.
    static func folders(of manifest: Manifest) -> Set<Substring> {
        if let found = manifest.folders.value.withLock({ $0 }) { return found }
        let found = findFolders(of: manifest)
        manifest.folders.value.withLock { $0 = found }
        return found
    }

    private static func findFolders(of manifest: Manifest) -> Set<Substring> {
        if let ordered = manifest.ordered {
            // In two halves, side by side: a folder at the cut is found in both.
            let halves = Parallel.map([0 ..< ordered.count / 2, ordered.count / 2 ..< ordered.count]) { Self.folders(ofOrdered: ordered[$0]) }
            return halves[0].union(halves[1])
        }
        let paths = Array(manifest.entries.keys)
        let halves = Parallel.map([0 ..< paths.count / 2, paths.count / 2 ..< paths.count]) { half in
            var folders: Set<Substring> = []
            for path in paths[half] { addFolders(above: path, to: &folders) }
            return folders
        }
        return halves[0].union(halves[1])
    }

    /// Adds the folders above `path` to `folders`, byte by byte, stopping at the first already there.
    static func addFolders(above path: String, to folders: inout Set<Substring>) {
        var path = Substring(path)
        while let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            path = path[..<slash]
            if !folders.insert(path).inserted { return }
        }
    }

    /// The folders above paths given in the order of their bytes: the paths below a folder are next to one
    /// another in that order, so each folder is new where a path's folders stop being the previous path's.
    /// Nothing is hashed but the folders found.
    static func folders(ofOrdered paths: ArraySlice<String>) -> Set<Substring> {
        var folders: Set<Substring> = []
        var previous = ""
        // Where the path's folders new to it end, as byte offsets: found over the bytes in place.
        var ends: [Int] = []
        for var path in paths {
            ends.removeAll(keepingCapacity: true)
            path.withUTF8 { bytes in
                previous.withUTF8 { before in
                    // The length of the longest folder both paths lie in (0: none).
                    var shared = 0, index = 0
                    let common = min(bytes.count, before.count)
                    while index < common, bytes[index] == before[index] {
                        if bytes[index] == UInt8(ascii: "/") { shared = index }
                        index += 1
                    }
                    index = shared + 1
                    while index < bytes.count {
                        if bytes[index] == UInt8(ascii: "/") { ends.append(index) }
                        index += 1
                    }
                }
            }
            for end in ends { folders.insert(path[..<path.utf8.index(path.startIndex, offsetBy: end)]) }
            previous = path
        }
        return folders
    }
}
