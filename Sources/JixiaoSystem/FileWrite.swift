#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file with one `open`, `write` and `close`: Foundation's `Data.write` does more for each of
/// thousands of files. Files are always created anew, never written into: a file of the output folder
/// may be a hard link shared with the live site.
package enum FileWrite {
    /// Creates a new file with these bytes and returns its modification time. A file already at `path`
    /// is unlinked first, never written through: it may be a hard link to a file of the live site.
    package static func create(_ bytes: UnsafeRawBufferPointer, at path: String) throws(SystemError) -> FileTime {
        try create(parts: [bytes], at: path)
    }

    /// A new file of parts laid end to end.
    package static func create(parts: [UnsafeRawBufferPointer], at path: String) throws(SystemError) -> FileTime {
        var descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        if descriptor < 0, errno == EEXIST, unlink(path) == 0 {
            descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        }
        guard descriptor >= 0 else { throw SystemError(path: path) }
        for bytes in parts {
            var offset = 0
            while offset < bytes.count {
                let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    let error = SystemError(path: path)
                    close(descriptor)
                    throw error
                }
                offset += written
            }
        }
        let status = FileStatus(descriptor: descriptor)
        // Some file systems report a failed write only when the file is closed.
        guard close(descriptor) == 0, let status else { throw SystemError(path: path) }
        return status.modified
    }

    /// Renames a file or folder in one step.
    package static func rename(_ from: String, to: String) throws(SystemError) {
        #if canImport(Glibc)
        guard Glibc.rename(from, to) == 0 else { throw SystemError(path: to) }
        #else
        guard Darwin.rename(from, to) == 0 else { throw SystemError(path: to) }
        #endif
    }

    /// Removes a file; `true` when it was there.
    @discardableResult
    package static func remove(_ path: String) -> Bool { unlink(path) == 0 }

    private static func systemWrite(_ descriptor: Int32, _ buffer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.write(descriptor, buffer, count)
        #else
        Darwin.write(descriptor, buffer, count)
        #endif
    }
}
