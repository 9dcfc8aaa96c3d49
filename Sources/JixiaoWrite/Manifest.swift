import Foundation
import Synchronization
import JixiaoSystem

/// What a build wrote into the output folder, kept there as `.jixiao-manifest`: a line per file,
/// `<hash> <size> <modified> <path>`, sorted by path.
///
/// The next build links a file from the output folder instead of writing it again only when its new
/// bytes have the recorded hash and size and the file on disk still has the recorded size and
/// modification time: a page edited by hand gets a new time and is written again. Manifests of older
/// versions have no times; their files are compared by their bytes.
///
/// The manifest lives in a folder anyone can write to, so it is not trusted: a line whose path is not a
/// plain relative path inside the folder (`..`, absolute, empty or hidden parts) is ignored and counted.
package struct Manifest: Sendable {
    package struct Entry: Equatable, Sendable {
        var hash: UInt64
        var size: Int
        /// The file's modification time when it was written or linked; `nil` from older manifests.
        var modified: FileTime?
    }

    package internal(set) var entries: [String: Entry] = [:]
    /// When the manifest was written. A file modified at that time or later may have been changed
    /// within the same tick of the clock after it was recorded, so its bytes are compared.
    package internal(set) var written: FileTime?
    /// Lines that were not trusted.
    package internal(set) var ignored = 0
    /// Its paths in the order of their bytes, when known: written by this build, or read from a file whose
    /// lines all were in that order. The folders they lie in then follow from them in one pass.
    package internal(set) var ordered: [String]?
    /// The entries of `ordered`, in its order, when the manifest was read from a file: two manifests are
    /// compared by walking both in step (`SpareLookup`), without looking each path up.
    private(set) var orderedEntries: [Entry]?
    /// Its file as this process wrote it, a line for each path of `ordered`: a manifest of the same paths is
    /// written from it, only the lines of changed entries made again.
    private(set) var text: Text?
    /// The folders its files lie in, once found (`OutputWriter.folders(of:)`); shared with a manifest of the
    /// same paths written from this one. Set before the paths are, never changed after.
    private(set) var folders = FolderCache()

    /// Holds a manifest's folders once they are found.
    final class FolderCache: Sendable {
        let value = Mutex<Set<Substring>?>(nil)
    }

    /// The bytes of a manifest's file, and where each of its lines starts (and, last, where the file ends).
    struct Text: Sendable {
        let bytes: [UInt8]
        let lineStarts: [Int]
    }

    /// An empty manifest: nothing written yet.
    package init() {}

    init(entries: [String: Entry], written: FileTime?, ordered: [String]? = nil, text: Text? = nil, folders: FolderCache? = nil) {
        self.entries = entries
        self.written = written
        self.ordered = ordered
        self.text = text
        if let folders { self.folders = folders }
    }

    package static func read(_ path: String) -> Manifest {
        read(path, lookingUpIn: nil).manifest
    }

    /// Reads the manifest at `path` and, line by line on the same cores, looks its files up in `folder`
    /// (the folder it describes, held open): the files not plainly as it records them, with what was found
    /// (`nil`: gone). Those are the ones changed, or modified in the tick the manifest was written (their
    /// bytes tell); the others are as recorded. Once `stop` says so, no more are looked up (and what is
    /// returned is not to be used).
    package static func read(_ path: String, lookingUpIn folder: OpenFolder?, stop: (@Sendable () -> Bool)? = nil)
        -> (manifest: Manifest, exceptions: [String: FileStatus?])
    {
        let written = FileStatus(path: path)?.modified
        var manifest = Manifest(entries: [:], written: written)
        guard let data = FileManager.default.contents(atPath: path) else { return (manifest, [:]) }
        // Lines parsed on all cores, in chunks that end at a line break: a site's manifest has tens of thousands.
        let parsed = data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            var bounds = [0]
            for part in 1 ..< 16 {
                var end = max(bounds[bounds.count - 1], bytes.count * part / 16)
                while end < bytes.count, bytes[end] != 0x0A { end += 1 }
                bounds.append(min(bytes.count, end + 1))
            }
            bounds.append(bytes.count)
            let chunks = zip(bounds, bounds.dropFirst()).map { $0 ..< $1 }.filter { !$0.isEmpty }
            return Parallel.map(chunks) { chunk in
                var lines: [(String, Entry)] = []
                var exceptions: [(String, FileStatus?)] = []
                var starts: [Int] = []
                var ignored = 0, blank = false
                var inOrder = true
                var start = chunk.lowerBound
                starts.reserveCapacity((chunk.upperBound - chunk.lowerBound) / 80)
                while start < chunk.upperBound {
                    let end = bytes[start ..< chunk.upperBound].firstIndex(of: 0x0A) ?? chunk.upperBound
                    defer { start = end + 1 }
                    if end == start {
                        blank = true
                        continue
                    }
                    if let line = fastParse(UnsafeRawBufferPointer(rebasing: bytes[start ..< end]))
                        ?? parse(Substring(String(decoding: bytes[start ..< end], as: UTF8.self)))
                    {
                        if let last = lines.last, !ByteOrder.precedes(last.0, line.0) { inOrder = false }
                        if let folder, stop?() != true {
                            let status = FileStatus(line.0, in: folder)
                            if !isAsRecorded(status, line.1, written: written) { exceptions.append((line.0, status)) }
                        }
                        lines.append(line)
                        starts.append(start)
                    } else {
                        ignored += 1
                    }
                }
                return (lines, ignored, inOrder, exceptions, blank ? nil : starts)
            }
        }
        manifest.entries.reserveCapacity(parsed.reduce(0) { $0 + $1.0.count })
        var ordered: [String]? = [], orderedEntries: [Entry] = []
        ordered?.reserveCapacity(manifest.entries.capacity)
        orderedEntries.reserveCapacity(manifest.entries.capacity)
        var exceptions: [String: FileStatus?] = [:]
        var starts: [Int]? = []
        starts?.reserveCapacity(manifest.entries.capacity + 1)
        for (lines, ignored, inOrder, found, lineStarts) in parsed {
            for (path, status) in found { exceptions[path] = status }
            for (path, entry) in lines { manifest.entries[path] = entry }
            manifest.ignored += ignored
            if !inOrder || ignored > 0 || (lines.first.map { first in ordered?.last.map { !ByteOrder.precedes($0, first.0) } ?? false } ?? false) {
                ordered = nil
            }
            ordered?.append(contentsOf: lines.lazy.map(\.0))
            if ordered != nil { orderedEntries.append(contentsOf: lines.lazy.map(\.1)) }
            if let lineStarts { starts?.append(contentsOf: lineStarts) } else { starts = nil }
        }
        manifest.ordered = ordered
        if ordered != nil { manifest.orderedEntries = orderedEntries }
        // Every line in order, each a path of its own, and a line break at the end: the file is kept as its
        // text, so that the next one is written from it with only the changed lines made again.
        if let ordered, var starts, ordered.count == manifest.entries.count, data.last == 0x0A {
            starts.append(data.count)
            manifest.text = Text(bytes: [UInt8](data), lineStarts: starts)
        }
        return (manifest, exceptions)
    }

    /// Whether a file found (`status`) is plainly as its entry records it: a file of the same size and
    /// modification time, modified before the manifest was `written`.
    static func isAsRecorded(_ status: FileStatus?, _ entry: Entry, written: FileTime?) -> Bool {
        guard let status, status.kind == .file, status.size == entry.size, let modified = entry.modified, let written else { return false }
        return modified == status.modified && modified < written
    }

    /// `<hash> <size> <seconds>.<nanoseconds> <path>` read from its bytes, as this version writes it; `nil`
    /// for any other line (then read by `parse`, which also takes older lines, or refused).
    static func fastParse(_ line: UnsafeRawBufferPointer) -> (String, Entry)? {
        var index = 0
        func number(radix: UInt64, until stop: UInt8) -> UInt64? {
            var value: UInt64 = 0
            let first = index
            while index < line.count, line[index] != stop {
                let byte = line[index]
                let digit: UInt64
                switch byte {
                case 0x30 ... 0x39: digit = UInt64(byte - 0x30)
                case 0x61 ... 0x66 where radix == 16: digit = UInt64(byte - 0x61 + 10)
                default: return nil
                }
                let (times, overflow) = value.multipliedReportingOverflow(by: radix)
                guard !overflow else { return nil }
                value = times + digit
                index += 1
            }
            guard index > first, index < line.count, index - first <= 20 else { return nil }
            index += 1
            return value
        }
        guard let hash = number(radix: 16, until: 0x20), let size = number(radix: 10, until: 0x20), size <= UInt64(Int.max),
              let seconds = number(radix: 10, until: 0x2E)
        else { return nil }
        let nanosecondsStart = index
        guard let nanoseconds = number(radix: 10, until: 0x20), index - nanosecondsStart == 10, seconds <= UInt64(Int.max) else { return nil }
        let path = UnsafeRawBufferPointer(rebasing: line[index...])
        guard isInside(path) else { return nil }
        return (String(decoding: path, as: UTF8.self), Entry(hash: hash, size: Int(size), modified: FileTime(seconds: Int(seconds), nanoseconds: Int(nanoseconds))))
    }

    /// `<hash> <size> <modified> <path>`, or `<hash> <size> <path>` as older versions wrote.
    static func parse(_ line: Substring) -> (String, Entry)? {
        let parts = line.split(separator: " ", maxSplits: 3, omittingEmptySubsequences: false)
        guard parts.count >= 3, let hash = UInt64(parts[0], radix: 16), let size = Int(parts[1]), size >= 0 else { return nil }
        if parts.count == 4, let modified = FileTime(parts[2]) {
            return isInside(parts[3]) ? (String(parts[3]), Entry(hash: hash, size: size, modified: modified)) : nil
        }
        let path = line.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: false)[2]
        return isInside(path) ? (String(path), Entry(hash: hash, size: size, modified: nil)) : nil
    }

    /// Whether a path stays inside the folder it is relative to and names a file jixiao could have
    /// written: no leading `/`, no empty, `.`, `..` or hidden parts.
    static func isInside(_ path: Substring) -> Bool {
        var path = path
        return path.withUTF8 { isInside(UnsafeRawBufferPointer($0)) }
    }

    static func isInside(_ path: UnsafeRawBufferPointer) -> Bool {
        // Byte by byte: every segment between `/` is non-empty and does not start with `.`; no NUL, no `\`.
        var segmentStart = true
        for byte in path {
            switch byte {
            case 0, 0x5C: return false
            case 0x2F:
                if segmentStart { return false }
                segmentStart = true
            case 0x2E where segmentStart: return false
            default: segmentStart = false
            }
        }
        return !segmentStart
    }

    /// Whether every file the manifest lists is in `folder` as it was written: the recorded size and
    /// modification time, and for a file modified in the same tick as the manifest was written (which a
    /// later change in that tick would not show), the recorded hash of its bytes.
    package func intact(in folder: String) -> Bool {
        guard let written, let open = OpenFolder(folder) else { return false }
        let all = Array(entries)
        // On all cores: tens of thousands of `lstat` calls, each from the folder held open.
        return Parallel.map(Parallel.chunks(all.count)) { chunk in
            for (path, entry) in all[chunk] {
                let file = folder + "/" + path
                guard let modified = entry.modified, let status = FileStatus(path, in: open), status.kind == .file, status.size == entry.size,
                      status.modified == modified
                else { return false }
                if modified < written { continue }
                guard let data = FileManager.default.contents(atPath: file), Self.hash(data) == entry.hash else { return false }
            }
            return true
        }.allSatisfy { $0 }
    }

    /// Writes the manifest as a new file and returns it as written. Lines sorted by the bytes of their
    /// paths and written byte by byte, on all cores: a site's manifest has tens of thousands.
    /// `ordered`: the paths of `entries` in their order, when known (the same paths as the last build's).
    /// `patching`: a manifest written by this process with the same paths (`ordered` are its), and those
    /// of its paths whose entries may differ in `entries` (the others are the same): its lines are taken
    /// as written, only those made again.
    static func write(_ entries: [String: Entry], ordered: [String]? = nil, patching: (previous: Manifest, changed: [String])? = nil,
                      to path: String) throws(SystemError) -> Manifest
    {
        let ordered = ordered ?? {
            let paths = Array(entries.keys)
            return ByteOrder.order(paths).map { paths[$0] }
        }()
        let patchedText = patching.flatMap { patched($0.previous, changed: $0.changed, ordered: ordered, entries: entries) }
        let text = patchedText ?? lines(ordered, entries)
        let written = try text.bytes.withUnsafeBytes { bytes in Result { () throws(SystemError) in try FileWrite.create(bytes, at: path) } }.get()
        // The same paths: the same folders.
        let folders = patchedText == nil ? nil : patching?.previous.folders
        return Manifest(entries: entries, written: written, ordered: ordered, text: text, folders: folders)
    }

    /// Every line made, on all cores.
    private static func lines(_ ordered: [String], _ entries: [String: Entry]) -> Text {
        let parts = Parallel.map(Parallel.chunks(ordered.count)) { chunk in
            var text: [UInt8] = []
            var starts: [Int] = []
            text.reserveCapacity(chunk.count * 100)
            starts.reserveCapacity(chunk.count)
            for path in ordered[chunk] {
                starts.append(text.count)
                line(path, entries[path]!, into: &text)
            }
            return (text, starts)
        }
        var text: [UInt8] = []
        var starts: [Int] = []
        text.reserveCapacity(parts.reduce(0) { $0 + $1.0.count })
        starts.reserveCapacity(ordered.count + 1)
        for (part, partStarts) in parts {
            let offset = text.count
            starts.append(contentsOf: partStarts.lazy.map { $0 + offset })
            text.append(contentsOf: part)
        }
        starts.append(text.count)
        return Text(bytes: text, lineStarts: starts)
    }

    /// `previous`'s text with the lines of `changed` made again from `entries`; `nil` when it has no text
    /// or other paths.
    private static func patched(_ previous: Manifest, changed: [String], ordered: [String], entries: [String: Entry]) -> Text? {
        guard let old = previous.text, let paths = previous.ordered, paths.count == ordered.count, old.lineStarts.count == paths.count + 1
        else { return nil }
        var indices: [Int] = []
        indices.reserveCapacity(changed.count)
        for path in changed {
            guard let index = ByteOrder.index(of: path, inOrdered: paths) else { return nil }
            indices.append(index)
        }
        var bytes: [UInt8] = []
        var starts: [Int] = []
        bytes.reserveCapacity(old.bytes.count + 64 * indices.count)
        starts.reserveCapacity(old.lineStarts.count)
        var next = 0
        func copy(upTo end: Int) {
            let shift = bytes.count - old.lineStarts[next]
            old.lineStarts.withUnsafeBufferPointer { old in
                for index in next ..< end { starts.append(old[index] &+ shift) }
            }
            bytes.append(contentsOf: old.bytes[old.lineStarts[next] ..< old.lineStarts[end]])
            next = end
        }
        for index in Set(indices).sorted() {
            guard let entry = entries[paths[index]] else { return nil }
            copy(upTo: index)
            starts.append(bytes.count)
            line(paths[index], entry, into: &bytes)
            next = index + 1
        }
        copy(upTo: paths.count)
        starts.append(bytes.count)
        return Text(bytes: bytes, lineStarts: starts)
    }

    /// `<hash> <size> <seconds>.<nanoseconds> <path>` and a line break. Digits by shifts and by division
    /// by a constant ten (a multiplication): tens of thousands of lines, each written at every build.
    static func line(_ path: String, _ entry: Entry, into text: inout [UInt8]) {
        let modified = entry.modified ?? FileTime(seconds: 0, nanoseconds: 0)
        hexadecimal(entry.hash, into: &text)
        text.append(0x20)
        decimal(UInt64(entry.size), into: &text)
        text.append(0x20)
        if modified.seconds >= 0, modified.nanoseconds >= 0 {
            decimal(UInt64(modified.seconds), into: &text)
            text.append(0x2E)
            decimal(UInt64(modified.nanoseconds), width: 9, into: &text)
        } else {
            text.append(contentsOf: modified.description.utf8)
        }
        text.append(0x20)
        text.append(contentsOf: path.utf8)
        text.append(0x0A)
    }

    /// Lower-case hexadecimal digits, no leading zeros.
    private static func hexadecimal(_ value: UInt64, into text: inout [UInt8]) {
        var shift = max(0, (63 - value.leadingZeroBitCount) / 4 * 4)
        while shift >= 0 {
            let digit = UInt8(truncatingIfNeeded: value >> UInt64(shift)) & 0x0F
            text.append(digit < 10 ? 0x30 + digit : 0x57 + digit)
            shift -= 4
        }
    }

    /// Decimal digits, at least `width` of them (leading zeros).
    private static func decimal(_ value: UInt64, width: Int = 1, into text: inout [UInt8]) {
        var buffer: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &buffer) { buffer in
            var value = value, count = 0
            repeat {
                let (quotient, digit) = value.quotientAndRemainder(dividingBy: 10)
                buffer[23 - count] = 0x30 + UInt8(truncatingIfNeeded: digit)
                value = quotient
                count += 1
            } while value > 0 || count < width
            text.append(contentsOf: buffer[(24 - count)...])
        }
    }

    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 { ContentHash.of(bytes) }

    package static func hash(_ data: Data) -> UInt64 {
        data.withUnsafeBytes { hash($0) }
    }
}
