import Foundation
import JixiaoModel

/// Projects read from files, kept between loads (by `jixiao serve`) so that only changed files are
/// read again. Safe to use from many threads.
public final class LoadCache: @unchecked Sendable {
    struct Entry {
        let stamp: FileStamp
        let context: String
        let projects: [Project]
        let diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    func entry(_ path: String, stamp: FileStamp, context: String) -> Entry? {
        lock.withLock {
            guard let entry = entries[path], entry.stamp == stamp, entry.context == context else { return nil }
            return entry
        }
    }

    func store(_ path: String, _ entry: Entry) {
        lock.withLock { entries[path] = entry }
    }

    /// Forgets the files that are gone.
    func keep(_ paths: Set<String>) {
        lock.withLock { entries = entries.filter { paths.contains($0.key) } }
    }
}

/// What tells a file's contents changed without reading it: inode, size and modification time
/// (editors that save by renaming give a new inode).
struct FileStamp: Hashable, CustomStringConvertible {
    let inode: UInt64
    let size: Int64
    let seconds: Int
    let nanoseconds: Int

    init?(_ url: URL) { self.init(path: url.path) }

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
    }

    var description: String { "\(inode):\(size):\(seconds).\(nanoseconds)" }
}
