import Foundation
import JixiaoModel
import JixiaoSystem

/// The load cache as a file, so that `jixiao build` (a new process each time) parses only the files that
/// changed since the last build: the output folder keeps it beside its manifest as `.jixiao-model`.
///
/// Each project file or table is one entry: its path, a hash of its path and bytes, and the bytes of its
/// stamp, the settings it was read under, what reading it said, the projects it holds and their scores.
/// A file is only read back by the jixiao that wrote it (`binary`); an entry stands only where the file's
/// stamp and settings are the same (`LoadCache.entry`), and anything cut short or damaged throws the whole
/// file away: the build then parses every file, as the first one did.
extension LoadCache {
    public static let fileName = ".jixiao-model"
    private static let magic = Array("jixiao-model 1\n".utf8)

    /// Every entry as the file holds it, the entries read from a file as they were read, the others
    /// encoded on all cores.
    public func encoded(binary: String) -> Data {
        let entries = Array(snapshot())
        let all = ByteOrder.order(entries.map(\.key)).map { entries[$0] }
        // Each entry's bytes and hash: those read from a file as they were, the others made on all cores.
        let blobs = Parallel.map(Parallel.chunks(all.count)) { chunk in
            all[chunk].map { path, entry in
                entry.stored ?? { bytes in (bytes, Self.hash(path, bytes)) }(ArraySlice(Self.encode(entry)))
            }
        }.joined()
        // Written straight into the file's bytes: a site's entries are tens of megabytes.
        var data = Data(capacity: blobs.reduce(64) { $0 + $1.bytes.count + 64 })
        var head = BinaryWriter(capacity: 256)
        head.write(bytes: Self.magic)
        head.write(binary)
        head.write(UInt64(all.count))
        data.append(contentsOf: head.bytes)
        for (path, blob) in zip(all.map(\.key), blobs) {
            var head = BinaryWriter(capacity: 128)
            head.write(path)
            head.write(blob.hash)
            head.write(UInt64(blob.bytes.count))
            data.append(contentsOf: head.bytes)
            data.append(contentsOf: blob.bytes)
        }
        return data
    }

    /// Takes the entries of a file `encoded` wrote; `false` (and nothing taken) when the file is not one
    /// this jixiao wrote, or is damaged.
    @discardableResult
    public func read(_ data: Data, binary: String) -> Bool {
        read([UInt8](data), binary: binary)
    }

    /// Takes the entries of the file at `path`, when there is one (see `read(_:binary:)`).
    @discardableResult
    public func read(file path: String, binary: String) -> Bool {
        guard case let .success(bytes) = FileRead.bytes(path) else { return false }
        return read(bytes, binary: binary)
    }

    private func read(_ bytes: [UInt8], binary: String) -> Bool {
        var input = BinaryReader(bytes)
        var index: [(path: String, hash: UInt64, range: Range<Int>)] = []
        do {
            for byte in Self.magic where try input.byte() != byte { return false }
            guard try input.string() == binary else { return false }
            let count = try input.count()
            index.reserveCapacity(count)
            for _ in 0 ..< count {
                let path = try input.string()
                let hash = try input.unsigned()
                let length = try input.count()
                index.append((path, hash, input.offset ..< input.offset + length))
                try input.skip(length)
            }
            guard input.isAtEnd else { return false }
        } catch {
            return false
        }
        let entries = Parallel.map(Parallel.chunks(index.count)) { chunk in
            index[chunk].map { path, hash, range -> (String, Entry)? in
                guard Self.hash(path, bytes[range]) == hash else { return nil }
                var reader = BinaryReader(bytes, from: range.lowerBound, to: range.upperBound)
                guard var entry = try? Self.decode(&reader), reader.isAtEnd else { return nil }
                entry.stored = (bytes[range], hash)
                return (path, entry)
            }
        }.joined()
        guard !entries.contains(where: { $0 == nil }) else { return false }
        take(entries.compactMap { $0 })
        return true
    }

    /// What tells a damaged entry: a hash of its path and its bytes.
    private static func hash(_ path: String, _ blob: ArraySlice<UInt8>) -> UInt64 {
        ContentHash.of(blob) ^ (ContentHash.of(path.utf8) &* 0x9E37_79B9_7F4A_7C15)
    }


    private static func encode(_ entry: Entry) -> [UInt8] {
        var out = BinaryWriter(capacity: 4096)
        write(entry.stamp, &out)
        out.write(entry.context.site) { write($1, &$0) }
        out.write(entry.context.unit) { write($1, &$0) }
        out.write(entry.diagnostics) { $1.encode(into: &$0) }
        out.write(entry.projects) { $1.encode(into: &$0) }
        out.write(entry.evaluations) { $0.write($1) { $1.encode(into: &$0) } }
        return out.bytes
    }

    private static func decode(_ input: inout BinaryReader) throws -> Entry {
        let stamp = try Self.stamp(&input)
        let context = UnitContext(site: try input.optional(Self.stamp), unit: try input.optional(Self.stamp))
        let diagnostics = try input.array { try Diagnostic(from: &$0) }
        let projects = try input.array { try Project(from: &$0) }
        let evaluations = try input.optional { try $0.array { try ProjectEvaluation(from: &$0) } }
        guard evaluations == nil || evaluations?.count == projects.count else { throw BinaryDamage() }
        return Entry(stamp: stamp, context: context, projects: projects, diagnostics: diagnostics, evaluations: evaluations)
    }

    private static func write(_ stamp: FileStamp, _ out: inout BinaryWriter) {
        out.write(stamp.inode)
        out.write(Int(stamp.size))
        out.write(stamp.seconds)
        out.write(stamp.nanoseconds)
    }

    private static func stamp(_ input: inout BinaryReader) throws -> FileStamp {
        FileStamp(inode: try input.unsigned(), size: Int64(try input.int()), seconds: try input.int(), nanoseconds: try input.int())
    }
}
