#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Hard links, which put a file into a second folder without writing it again, and copies of
/// symbolic links (which are copied as links, never followed).
package enum FileLinks {
    /// Gives the file at `existing` a second name, `new`.
    package static func link(_ existing: String, as new: String) throws(SystemError) {
        #if canImport(Glibc)
        guard Glibc.link(existing, new) == 0 else { throw SystemError(path: new) }
        #else
        guard Darwin.link(existing, new) == 0 else { throw SystemError(path: new) }
        #endif
    }

    /// Makes `new` a symbolic link with the same target as the link at `existing`.
    package static func copyLink(_ existing: String, as new: String) throws(SystemError) {
        var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink(existing, &buffer, buffer.count - 1)
        guard length >= 0 else { throw SystemError(path: existing) }
        buffer[length] = 0
        guard symlink(buffer, new) == 0 else { throw SystemError(path: new) }
    }

    /// Whether a failed `link` means the file system cannot link these two paths (another device, no
    /// hard links, or a file the user may not link), so that the file must be copied instead.
    package static func cannotLink(_ error: SystemError) -> Bool {
        [EXDEV, EPERM, EMLINK, ENOTSUP, EOPNOTSUPP, EACCES].contains(error.code)
    }
}
