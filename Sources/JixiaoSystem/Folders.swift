#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Folders read and made with one system call per entry.
package enum Folders {
    /// One visible entry of a folder.
    package struct Entry: Sendable {
        package let name: String
        /// A folder, or a link to one.
        package let isFolder: Bool
        /// A symbolic link (which `isFolder` has followed).
        package let isLink: Bool
    }

    /// Visible entries of a folder, sorted by name, telling links apart.
    package static func entries(_ path: String) -> [Entry] {
        guard let folder = opendir(path) else { return [] }
        defer { closedir(folder) }
        var found: [Entry] = []
        while let entry = readdir(folder) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { String(decoding: $0.prefix { $0 != 0 }, as: UTF8.self) }
            if name.hasPrefix(".") { continue }
            var type = Int32(entry.pointee.d_type)
            if type == Int32(DT_UNKNOWN) {
                var info = stat()
                if lstat(path + "/" + name, &info) == 0 {
                    type = (info.st_mode & S_IFMT) == S_IFLNK ? Int32(DT_LNK) : (info.st_mode & S_IFMT) == S_IFDIR ? Int32(DT_DIR) : Int32(DT_REG)
                }
            }
            let isLink = type == Int32(DT_LNK)
            found.append(Entry(name: name, isFolder: isLink ? isDirectory(path + "/" + name) : type == Int32(DT_DIR), isLink: isLink))
        }
        return found.sorted { $0.name < $1.name }
    }

    /// Whether `path` is a folder (following a link).
    package static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Whether there is anything at `path` (a link, even to nothing).
    package static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Whether `path` is there, neither a folder nor a link: what the walk of a folder takes for a file.
    package static func isPlainFile(_ path: String) -> Bool {
        var info = stat()
        guard lstat(path, &info) == 0 else { return false }
        let type = info.st_mode & S_IFMT
        return type != S_IFDIR && type != S_IFLNK
    }

    /// The path with every symbolic link and `..` resolved; `nil` when it does not exist.
    package static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// Sets a folder's or file's permission bits.
    package static func setMode(_ path: String, _ mode: UInt32) throws(SystemError) {
        guard chmod(path, mode_t(mode)) == 0 else { throw SystemError(path: path) }
    }

    /// Removes a folder when it is empty; `true` when it was removed.
    package static func removeIfEmpty(_ path: String) -> Bool { rmdir(path) == 0 }

    /// Creates one folder; `true` when it was made or exists already. `errno` tells why not.
    package static func make(_ path: String) -> Result<Void, SystemError> {
        if mkdir(path, 0o755) == 0 || errno == EEXIST { return .success(()) }
        return .failure(SystemError(path: path))
    }
}

/// A failed system call: the path it concerned and the reason, in the system's words.
package struct SystemError: Error, Sendable, CustomStringConvertible {
    package let path: String
    package let code: Int32

    package init(path: String, code: Int32 = errno) {
        self.path = path
        self.code = code
    }

    package var isMissing: Bool { code == ENOENT }
    package var isExisting: Bool { code == EEXIST }
    /// The system's words for a folder where a file was expected, and for the reverse.
    package static var isAFolder: String { String(cString: strerror(EISDIR)) }
    package static var notAFolder: String { String(cString: strerror(ENOTDIR)) }
    package var reason: String { String(cString: strerror(code)) }
    package var description: String { "\(path): \(reason)" }
}
