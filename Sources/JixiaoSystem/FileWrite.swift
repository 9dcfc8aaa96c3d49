#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file with one `open`, `write` and `close`: Foundation's `Data.write` does more for each of
/// thousands of files.
package enum FileWrite {
    package static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws(SystemError) {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw SystemError(path: path) }
        defer { close(descriptor) }
        var offset = 0
        while offset < bytes.count {
            let written = systemWrite(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw SystemError(path: path)
            }
            offset += written
        }
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
