#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A modification time, to the nanosecond the file system keeps.
package struct FileTime: Hashable, Comparable, Sendable, CustomStringConvertible {
    package let seconds: Int
    package let nanoseconds: Int

    package init(seconds: Int, nanoseconds: Int) {
        self.seconds = seconds
        self.nanoseconds = nanoseconds
    }

    init(_ time: timespec) {
        self.init(seconds: Int(time.tv_sec), nanoseconds: Int(time.tv_nsec))
    }

    /// `1732442112.045120311`, as the output folder's manifest writes it.
    package var description: String {
        let digits = String(nanoseconds)
        return "\(seconds)." + String(repeating: "0", count: max(0, 9 - digits.count)) + digits
    }

    /// Reads `description` back.
    package init?(_ text: Substring) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[1].count == 9, let seconds = Int(parts[0]), let nanoseconds = Int(parts[1]),
              nanoseconds >= 0 else { return nil }
        self.init(seconds: seconds, nanoseconds: nanoseconds)
    }

    package static func < (lhs: FileTime, rhs: FileTime) -> Bool {
        (lhs.seconds, lhs.nanoseconds) < (rhs.seconds, rhs.nanoseconds)
    }
}

/// What `lstat` says of a path: a symbolic link is described, not followed, so that nothing in the
/// output folder leads jixiao elsewhere.
package struct FileStatus: Sendable {
    package enum Kind: Sendable {
        case file, folder, link, other
    }

    package let kind: Kind
    package let size: Int
    package let modified: FileTime
    /// When the entry itself last changed (`FileStamp.statusChanged`).
    package let statusChanged: FileTime
    /// The permission bits (and set-group-ID and the like).
    package let mode: UInt32

    package init?(path: String) {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// Of `path` relative to an open folder, not following a link at its end.
    package init?(_ path: some StringProtocol, in folder: OpenFolder) {
        var info = stat()
        guard path.withCString({ fstatat(folder.descriptor, $0, &info, AT_SYMLINK_NOFOLLOW) }) == 0 else { return nil }
        self.init(info)
    }

    private init(_ info: stat) {
        switch info.st_mode & S_IFMT {
        case S_IFREG: kind = .file
        case S_IFDIR: kind = .folder
        case S_IFLNK: kind = .link
        default: kind = .other
        }
        size = Int(info.st_size)
        modified = FileTime(FileStamp.modified(info))
        statusChanged = FileTime(FileStamp.statusChanged(info))
        mode = UInt32(info.st_mode & 0o7777)
    }

    /// Of an open file.
    init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        kind = (info.st_mode & S_IFMT) == S_IFREG ? .file : .other
        size = Int(info.st_size)
        modified = FileTime(FileStamp.modified(info))
        statusChanged = FileTime(FileStamp.statusChanged(info))
        mode = UInt32(info.st_mode & 0o7777)
    }
}

/// A folder held open, so that the paths below it are looked up from it rather than from the root of
/// the file system each time: tens of thousands of `stat` calls go a fifth faster.
package final class OpenFolder: Sendable {
    let descriptor: Int32

    package init?(_ path: String) {
        #if os(Linux)
        // O_PATH (Glibc does not export it): a handle to look up from, without read permission.
        descriptor = open(path, 0o10000000 | O_DIRECTORY | O_CLOEXEC)
        #else
        descriptor = open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        #endif
        if descriptor < 0 { return nil }
    }

    deinit { close(descriptor) }
}
