import Foundation
import Synchronization
import JixiaoModel
import JixiaoSystem

/// write: puts the rendered files into the output folder so that a failed or interrupted build
/// leaves the previous site as it was, and unchanged files are not touched.
///
/// Files are first staged beside their final place under hidden names; only when every file has been
/// staged does `commit()` rename them into place (a quick metadata change each), remove the files of the
/// previous build that are gone, and record what was written in a manifest. A file whose contents and
/// size match the manifest is left alone: rewriting tens of thousands of identical files is the slow part
/// of a build on most disks.
///
/// When the output folder does not exist yet, there is nothing to protect: the files are written
/// straight into a hidden folder beside it, which `commit()` renames into place in one step.
package final class OutputWriter: Sendable {
    static let manifestName = ".jixiao-manifest"

    let folder: URL
    /// Where files are written: the output folder, or the hidden new folder of a first build.
    private let target: URL
    private let targetPath: String
    private var isFresh: Bool { target != folder }
    private let previous: [String: Manifest.Entry]
    /// What this build has written so far; pages are staged from many threads.
    private let state = Mutex(State())

    private struct State {
        var current: [String: Manifest.Entry] = [:]
        var staged: [(temporary: String, final: String)] = []
        var createdFolders: Set<String> = []
        var stats = WriteStats()
    }

    package var stats: WriteStats { state.withLock { $0.stats } }

    /// `known`: the manifest the same session wrote last, instead of reading it again.
    package init(folder: URL, known: [String: Manifest.Entry]? = nil) throws {
        self.folder = folder
        if FileManager.default.fileExists(atPath: folder.path) {
            target = folder
            targetPath = folder.path
            previous = known ?? Manifest.read(folder.appendingPathComponent(Self.manifestName))
        } else {
            let parent = folder.deletingLastPathComponent()
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
            target = parent.appendingPathComponent(".\(folder.lastPathComponent).jixiao-new-\(getpid())")
            targetPath = target.path
            try? FileManager.default.removeItem(at: target)
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
            previous = [:]
        }
    }

    /// Counts a file of the previous build as written by this one without rendering it again;
    /// `false` when the previous build did not write it. (A session keeps only files it wrote itself.)
    package func keep(_ path: String) -> Bool {
        guard !isFresh, let entry = previous[path] else { return false }
        state.withLock {
            $0.current[path] = entry
            $0.stats.unchanged += 1
        }
        return true
    }

    /// Stages one file (path relative to the output folder). Safe to call from many threads.
    package func stage(_ path: String, _ data: Data) throws {
        try data.withUnsafeBytes { try stage(path, UnsafeRawBufferPointer($0)) }
    }

    package func stage(_ path: String, _ text: String) throws {
        var text = text
        try text.withUTF8 { try stage(path, UnsafeRawBufferPointer($0)) }
    }

    private func stage(_ path: String, _ bytes: UnsafeRawBufferPointer) throws {
        let entry = Manifest.Entry(hash: Manifest.hash(bytes), size: bytes.count)
        // Paths as strings: building a URL per file costs more than writing a small one.
        let final = targetPath + "/" + path
        let unchanged = !isFresh && previous[path] == entry && Folders.size(of: final) == bytes.count
        state.withLock {
            $0.current[path] = entry
            if unchanged { $0.stats.unchanged += 1 }
        }
        if unchanged { return }
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { targetPath + "/" + path[..<$0] } ?? targetPath
        try ensureFolder(directory)
        if isFresh {
            try Self.write(bytes, to: final)
            state.withLock { $0.stats.written += 1 }
            return
        }
        let name = slash.map { path[path.index(after: $0)...] } ?? Substring(path)
        let temporary = directory + "/." + name + ".jixiao-staged"
        try Self.write(bytes, to: temporary)
        state.withLock {
            $0.staged.append((temporary, final))
            $0.stats.written += 1
        }
    }

    private static func write(_ bytes: UnsafeRawBufferPointer, to path: String) throws {
        do { try FileWrite.write(bytes, to: path) } catch { throw Self.error(error) }
    }

    private static func error(_ error: SystemError) -> Error {
        CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: error.path, NSLocalizedDescriptionKey: error.description])
    }

    private static func error(_ path: String) -> Error { error(SystemError(path: path)) }

    /// Moves every staged file into place and removes what the previous build wrote and this one did not.
    package func commit() throws {
        let (current, staged) = state.withLock { ($0.current, $0.staged) }
        if isFresh {
            try Manifest.write(current, to: target.appendingPathComponent(Self.manifestName))
            guard rename(target.path, folder.path) == 0 else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: folder.path])
            }
            return
        }
        for (temporary, final) in staged.sorted(by: { $0.final < $1.final }) {
            if rename(temporary, final) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: final])
            }
        }
        state.withLock { $0.staged = [] }
        for path in previous.keys.sorted() where current[path] == nil {
            let url = folder.appendingPathComponent(path)
            if (try? FileManager.default.removeItem(at: url)) != nil { state.withLock { $0.stats.removed += 1 } }
            removeEmptyFolders(from: url.deletingLastPathComponent())
        }
        try Manifest.write(current, to: folder.appendingPathComponent(Self.manifestName))
    }

    /// What the committed build wrote: the manifest.
    package var written: [String: Manifest.Entry] { state.withLock { $0.current } }

    /// Removes the staged files of a build that will not be committed.
    package func discard() {
        if isFresh { try? FileManager.default.removeItem(at: target) }
        let staged = state.withLock { state in
            defer { state.staged = [] }
            return state.staged
        }
        for (temporary, _) in staged { FileWrite.remove(temporary) }
    }

    /// Creates a folder and the folders above it, with one `mkdir` each where they are missing.
    private func ensureFolder(_ path: String) throws {
        if state.withLock({ $0.createdFolders.contains(path) }) { return }
        if mkdir(path, 0o755) != 0 {
            switch errno {
            case EEXIST: break
            case ENOENT:
                guard let slash = path.lastIndex(of: "/"), slash > path.startIndex else { throw Self.error(path) }
                try ensureFolder(String(path[..<slash]))
                if mkdir(path, 0o755) != 0, errno != EEXIST { throw Self.error(path) }
            default: throw Self.error(path)
            }
        }
        state.withLock { _ = $0.createdFolders.insert(path) }
    }

    private func removeEmptyFolders(from url: URL) {
        var url = url.standardizedFileURL
        let root = folder.standardizedFileURL.path
        while url.path.hasPrefix(root + "/"),
              (try? FileManager.default.contentsOfDirectory(atPath: url.path))?.isEmpty == true
        {
            try? FileManager.default.removeItem(at: url)
            url.deleteLastPathComponent()
        }
    }
}

/// How many files a build wrote, left alone and removed.
public struct WriteStats: Sendable {
    public var written = 0
    public var unchanged = 0
    public var removed = 0

    public init() {}
}

/// What the last build wrote: a line per file, `<hash> <size> <path>`, sorted by path.
package enum Manifest {
    package struct Entry: Equatable, Sendable {
        var hash: UInt64
        var size: Int
    }

    static func read(_ url: URL) -> [String: Entry] {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [:] }
        var entries: [String: Entry] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 2)
            guard parts.count == 3, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]) else { continue }
            entries[String(parts[2])] = Entry(hash: hash, size: size)
        }
        return entries
    }

    static func write(_ entries: [String: Entry], to url: URL) throws {
        var text: [UInt8] = []
        text.reserveCapacity(entries.count * 64)
        for (path, entry) in entries.sorted(by: { $0.key < $1.key }) {
            text += String(entry.hash, radix: 16).utf8
            text.append(0x20)
            text += String(entry.size).utf8
            text.append(0x20)
            text += path.utf8
            text.append(0x0A)
        }
        try Data(text).write(to: url, options: .atomic)
    }

    /// A 64-bit hash of the bytes, stable across runs and machines: eight bytes a step, each mixed
    /// in by a multiply and a shift (the size is compared apart, so short tails need no length).
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ word: UInt64) {
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        let words = bytes.count / 8
        for index in 0 ..< words { mix(bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
        var tail: UInt64 = 0
        for (shift, byte) in bytes[(words * 8)...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
        mix(tail)
        return hash
    }
}
