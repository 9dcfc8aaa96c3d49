#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What tells a file's contents changed without reading it: inode, size and modification time
/// (editors that save by renaming give a new inode).
package struct FileStamp: Hashable, Sendable, CustomStringConvertible {
    package let inode: UInt64
    package let size: Int64
    package let seconds: Int
    package let nanoseconds: Int

    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        let time = FileStamp.modified(info)
        seconds = Int(time.tv_sec)
        nanoseconds = Int(time.tv_nsec)
    }

    /// A stamp as recorded before (by a build's cache).
    package init(inode: UInt64, size: Int64, seconds: Int, nanoseconds: Int) {
        self.inode = inode
        self.size = size
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    package var description: String { "\(inode):\(size):\(seconds).\(nanoseconds)" }

    /// The modification time: `st_mtim` on Linux, `st_mtimespec` on Darwin.
    static func modified(_ info: stat) -> timespec {
        #if canImport(Darwin)
        info.st_mtimespec
        #else
        info.st_mtim
        #endif
    }

    /// The status change time (`st_ctim`, `st_ctimespec`): it moves whenever the modification time does,
    /// and also when the entry itself is renamed or its mode changed, and no program can set it back.
    static func statusChanged(_ info: stat) -> timespec {
        #if canImport(Darwin)
        info.st_ctimespec
        #else
        info.st_ctim
        #endif
    }
}
