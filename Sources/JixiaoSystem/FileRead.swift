#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a whole file with `open`, `fstat` and `read`, so that a failure says why in the system's words
/// (Foundation's `contents(atPath:)` says only "nil"), a file over a limit is refused before any of it is
/// read, and a pipe or device never blocks a load.
package enum FileRead {
    package enum Failure: Error, Sendable, Equatable {
        /// The system refused: no such file, permission denied …
        case system(code: Int32)
        case folder
        /// A pipe, socket or device.
        case notARegularFile
        /// Larger than the limit, with the file's size.
        case tooLarge(bytes: Int)

        /// Why, in a few words for a message (`permission denied`, `it is a folder`).
        package var reason: String {
            switch self {
            case let .system(code):
                let text = String(cString: strerror(code))
                return text.prefix(1).lowercased() + text.dropFirst()
            case .folder: return "it is a folder"
            case .notARegularFile: return "it is not a regular file (a pipe, socket or device)"
            case let .tooLarge(bytes): return "it has \(bytes) bytes"
            }
        }
    }

    /// Why the file at `path` cannot be read, without reading it; `nil` when it is a regular file that opens.
    package static func problem(_ path: String) -> Failure? {
        if case let .failure(failure) = withRegularFile(path, { _, _ in .success(()) }) { return failure }
        return nil
    }

    private static func kind(_ info: stat) -> Failure? {
        switch info.st_mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: .folder
        default: .notARegularFile
        }
    }

    /// `body` of the regular file at `path` opened for reading (its descriptor and size), closed after.
    private static func withRegularFile<T>(_ path: String, _ body: (Int32, Int) -> Result<T, Failure>) -> Result<T, Failure> {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard descriptor >= 0 else { return .failure(.system(code: errno)) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return .failure(.system(code: errno)) }
        if let problem = kind(info) { return .failure(problem) }
        return body(descriptor, Int(info.st_size))
    }

    /// The bytes of the regular file at `path` mapped into memory, not copied, and what gives them back:
    /// reading tens of megabytes into a new buffer costs as much in page faults as decoding them, mapping
    /// them a few milliseconds. Only for a file that is replaced, never changed in place (what jixiao keeps
    /// in the output folder): a mapped file cut short while it is mapped faults where it is read. Where the
    /// file cannot be mapped (an empty file, a file system without mappings), its bytes are read into a
    /// buffer of their own.
    package static func mapped(_ path: String) -> Result<(bytes: UnsafeBufferPointer<UInt8>, release: @Sendable (UnsafeBufferPointer<UInt8>) -> Void), Failure> {
        withRegularFile(path) { descriptor, size in
            if size > 0, let address = mmap(nil, size, PROT_READ, MAP_PRIVATE, descriptor, 0), address != MAP_FAILED {
                let bytes = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: size)
                return .success((bytes, { munmap(UnsafeMutableRawPointer(mutating: $0.baseAddress), $0.count) }))
            }
            return read(descriptor, size: size).map { array in
                let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, array.count))
                _ = copy.initialize(from: array)
                return (UnsafeBufferPointer(rebasing: copy[..<array.count]), { UnsafeMutableBufferPointer(mutating: $0).deallocate() })
            }
        }
    }

    /// The bytes of the regular file at `path`; with `limit`, a larger file is refused unread.
    package static func bytes(_ path: String, limit: Int? = nil) -> Result<[UInt8], Failure> {
        withRegularFile(path) { descriptor, size in
            if let limit, size > limit { return .failure(.tooLarge(bytes: size)) }
            return read(descriptor, size: size)
        }
    }

    /// Up to `size` bytes from `descriptor` (fewer where the file shrank while it was read).
    private static func read(_ descriptor: Int32, size: Int) -> Result<[UInt8], Failure> {
        // Read straight into the array's storage: filling tens of megabytes with zeros first costs as much
        // as reading them.
        var failure: Int32?
        let bytes = [UInt8](unsafeUninitializedCapacity: size) { buffer, initialized in
            var offset = 0
            while offset < size {
                let count = systemRead(descriptor, buffer.baseAddress! + offset, size - offset)
                if count < 0 {
                    if errno == EINTR || errno == EAGAIN { continue }
                    failure = errno
                    break
                }
                if count == 0 { break }  // the file shrank while it was read
                offset += count
            }
            initialized = offset
        }
        if let failure { return .failure(.system(code: failure)) }
        return .success(bytes)
    }

    private static func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        Glibc.read(descriptor, buffer, count)
        #else
        Darwin.read(descriptor, buffer, count)
        #endif
    }
}
