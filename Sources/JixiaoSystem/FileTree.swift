#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole trees of files: listed and removed without following symbolic links, so that a link in a
/// folder never takes jixiao outside it.
package enum FileTree {
    package struct Entry: Sendable {
        /// Relative to the root, `/` between names.
        package let path: String
        package let kind: FileStatus.Kind
        /// For a folder: whether it holds nothing.
        package let isEmpty: Bool

        package init(path: String, kind: FileStatus.Kind, isEmpty: Bool) {
            self.path = path
            self.kind = kind
            self.isEmpty = isEmpty
        }
    }

    /// Every entry below `root`, hidden ones included, each folder before what it holds. The folders of
    /// the first level are walked on all cores: an output folder holds tens of thousands of entries.
    package static func entries(_ root: String) -> [Entry] {
        let top = children(root) ?? []
        let subtrees = Parallel.map(top) { name, kind in kind == .folder ? entries(root, below: name) : [] }
        var found: [Entry] = []
        for ((name, kind), subtree) in zip(top, subtrees) {
            found.append(Entry(path: name, kind: kind, isEmpty: kind == .folder && subtree.isEmpty))
            found += subtree
        }
        return found
    }

    /// The entries below `relative` (a folder of `root`), by their paths from `root`.
    package static func entries(_ root: String, below relative: String) -> [Entry] {
        var found: [Entry] = []
        func walk(_ relative: String) {
            for (name, kind) in children(root + "/" + relative) ?? [] {
                let path = relative + "/" + name
                if kind == .folder {
                    let start = found.count
                    found.append(Entry(path: path, kind: kind, isEmpty: true))
                    walk(path)
                    if found.count > start + 1 { found[start] = Entry(path: path, kind: kind, isEmpty: false) }
                } else {
                    found.append(Entry(path: path, kind: kind, isEmpty: false))
                }
            }
        }
        walk(relative)
        return found
    }

    /// Removes a file, a link, or a folder and everything in it; nothing when the path does not exist.
    /// The folders of the first two levels are removed on all cores: a site's old tree holds thousands.
    package static func remove(_ path: String) throws(SystemError) {
        guard let status = FileStatus(path: path) else {
            if errno == ENOENT { return }
            throw SystemError(path: path)
        }
        guard status.kind == .folder else {
            guard unlink(path) == 0 || errno == ENOENT else { throw SystemError(path: path) }
            return
        }
        var subtrees: [String] = []
        for (name, kind) in children(path) ?? [] {
            let child = path + "/" + name
            guard kind == .folder else {
                guard unlink(child) == 0 || errno == ENOENT else { throw SystemError(path: child) }
                continue
            }
            let grandchildren = children(child) ?? []
            if grandchildren.count < 2 { subtrees.append(child); continue }
            subtrees += grandchildren.map { child + "/" + $0.name }
        }
        let failures = Parallel.map(subtrees) { subtree -> SystemError? in
            do throws(SystemError) {
                if FileStatus(path: subtree)?.kind == .folder { try removeFolder(subtree) } else if unlink(subtree) != 0, errno != ENOENT {
                    throw SystemError(path: subtree)
                }
            } catch { return error }
            return nil
        }
        if let failure = failures.lazy.compactMap({ $0 }).first { throw failure }
        try removeFolder(path)
    }

    /// Removes a folder known to be one (from its listing), and all it holds.
    private static func removeFolder(_ path: String) throws(SystemError) {
        for (name, kind) in children(path) ?? [] {
            let child = path + "/" + name
            if kind == .folder {
                try removeFolder(child)
            } else if unlink(child) != 0, errno != ENOENT {
                throw SystemError(path: child)
            }
        }
        guard rmdir(path) == 0 || errno == ENOENT else { throw SystemError(path: path) }
    }

    /// The entries of one folder (all but `.` and `..`), sorted by name, with their kinds; `nil` when
    /// it cannot be read.
    package static func children(_ path: String) -> [(name: String, kind: FileStatus.Kind)]? {
        guard let folder = opendir(path) else { return nil }
        defer { closedir(folder) }
        var found: [(name: String, kind: FileStatus.Kind)] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name == "." || name == ".." { continue }
            let kind: FileStatus.Kind
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): kind = .folder
            case Int32(DT_REG): kind = .file
            case Int32(DT_LNK): kind = .link
            case Int32(DT_UNKNOWN): kind = FileStatus(path: path + "/" + name)?.kind ?? .other
            default: kind = .other
            }
            found.append((name, kind))
        }
        return found.sorted { $0.name < $1.name }
    }
}
