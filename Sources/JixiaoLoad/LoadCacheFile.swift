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
    /// Beside the model file: the entries changed since it was written, and those gone.
    public static let deltaName = ".jixiao-model-delta"
    private static let magic = Array("jixiao-model 1\n".utf8)
    private static let deltaMagic = Array("jixiao-model-delta 1\n".utf8)

    /// The model as the next build reads it back.
    public enum Files: Sendable {
        /// The whole model, to write as the model file (and no delta).
        case whole(Data)
        /// What changed since the model file the entries were read from, to write as the delta beside
        /// that same file (linked into the new output folder as it is).
        case delta(Data)
    }

    /// The model to write: only what changed since the model file the cache was read from, while that is
    /// at most an eighth of it (a delta grows with each build until the whole model is written again).
    public func files(binary: String) -> Files {
        let entries = snapshot()
        guard let base = base.withLock({ $0 }) else { return .whole(encoded(binary: binary)) }
        let changed = entries.filter { path, entry in entry.stored.map { base.hashes[path] != $0.hash } ?? true }
        let removed = ByteOrder.sorted(base.hashes.keys.filter { entries[$0] == nil })
        guard changed.count + removed.count <= max(16, base.hashes.count / 8) else {
            // Written whole, the model file is no longer the one read: a later build of this cache writes it whole too.
            self.base.withLock { $0 = nil }
            return .whole(encoded(binary: binary))
        }
        var head = BinaryWriter(capacity: 256)
        head.write(bytes: Self.deltaMagic)
        head.write(binary)
        head.write(base.identity)
        var data = Self.body(changed, after: head.bytes)
        var tail = BinaryWriter(capacity: 64 + removed.count * 64)
        tail.write(removed) { $0.write($1) }
        data.append(contentsOf: tail.bytes)
        return .delta(data)
    }

    /// Every entry as the file holds it, the entries read from a file as they were read, the others
    /// encoded on all cores.
    public func encoded(binary: String) -> Data {
        var head = BinaryWriter(capacity: 256)
        head.write(bytes: Self.magic)
        head.write(binary)
        return Self.body(snapshot(), after: head.bytes)
    }

    /// `head`, then the entries' count, then each entry's path, hash, length and bytes, in the order of the paths.
    private static func body(_ entries: [String: Entry], after head: [UInt8]) -> Data {
        let entries = Array(entries)
        let all = ByteOrder.order(entries.map(\.key)).map { entries[$0] }
        // Each entry's bytes and hash: those read from a file as they were, the others made on all cores.
        let blobs = Parallel.map(Parallel.chunks(all.count)) { chunk in
            all[chunk].map { path, entry -> (bytes: Blob, hash: UInt64) in
                if let stored = entry.stored { return (.stored(stored.store, stored.range), stored.hash) }
                let bytes = Self.encode(entry)
                return (.made(bytes), bytes.withUnsafeBufferPointer { Self.hash(path, $0) })
            }
        }.joined()
        // Written straight into the file's bytes: a site's entries are tens of megabytes.
        var data = Data(capacity: blobs.reduce(head.count + 64) { $0 + $1.bytes.count + 64 })
        data.append(contentsOf: head)
        var count = BinaryWriter(capacity: 16)
        count.write(UInt64(all.count))
        data.append(contentsOf: count.bytes)
        for (path, blob) in zip(all.map(\.key), blobs) {
            var head = BinaryWriter(capacity: 128)
            head.write(path)
            head.write(blob.hash)
            head.write(UInt64(blob.bytes.count))
            data.append(contentsOf: head.bytes)
            switch blob.bytes {
            case let .stored(store, range): store.withBytes(range) { data.append($0) }
            case let .made(bytes): data.append(contentsOf: bytes)
            }
        }
        return data
    }

    /// An entry's bytes: as a model file held them, or encoded now.
    private enum Blob {
        case stored(ByteStore, Range<Int>)
        case made([UInt8])

        var count: Int {
            switch self {
            case let .stored(_, range): range.count
            case let .made(bytes): bytes.count
            }
        }
    }

    /// Takes the entries of a file `encoded` wrote; `false` (and nothing taken) when the file is not one
    /// this jixiao wrote, or is damaged.
    @discardableResult
    public func read(_ data: Data, binary: String) -> Bool {
        guard let read = Self.read(ByteStore([UInt8](data)), magic: Self.magic, binary: binary, damage: damage) else { return false }
        take(read.entries)
        return true
    }

    /// Takes the entries of the model file at `path`, when there is one (see `read(_:binary:)`), and of
    /// the delta beside it (`deltaName`) when that was written over this same file. A delta that is
    /// damaged, or was written over another model file, is left out: every entry stands for itself (its
    /// file's stamp), so the model file alone is still true of what it holds.
    @discardableResult
    public func read(file path: String, binary: String) -> Bool {
        guard let store = Self.mapped(path), let read = Self.read(store, magic: Self.magic, binary: binary, damage: damage) else { return false }
        take(read.entries)
        let folder = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        if let delta = Self.mapped(folder + Self.deltaName),
           let changes = Self.read(delta, magic: Self.deltaMagic, binary: binary, base: read.identity, damage: damage)
        {
            take(changes.entries)
            forget(changes.removed)
        }
        base.withLock { $0 = ModelBase(identity: read.identity, hashes: read.hashes) }
        return true
    }

    /// The file at `path`, mapped (a model file is replaced by the next build, never written in place).
    private static func mapped(_ path: String) -> ByteStore? {
        guard case let .success(file) = FileRead.mapped(path) else { return nil }
        return ByteStore(unchangingBuffer: file.bytes, release: file.release)
    }

    /// A model file's entries, or a delta's (its head names `base`, the identity of the model file it was
    /// written over); `nil` when anything is amiss.
    private static func read(_ bytes: ByteStore, magic: [UInt8], binary: String, base: UInt64? = nil, damage: ModelDamage)
        -> (entries: [(String, Entry)], identity: UInt64, hashes: [String: UInt64], removed: [String])?
    {
        var input = BinaryReader(bytes)
        var index: [(path: String, hash: UInt64, range: Range<Int>)] = []
        var removed: [String] = []
        do {
            for byte in magic where try input.byte() != byte { return nil }
            guard try input.string() == binary else { return nil }
            if let base, try input.unsigned() != base { return nil }
            let count = try input.count()
            index.reserveCapacity(count)
            for _ in 0 ..< count {
                let path = try input.string()
                let hash = try input.unsigned()
                let length = try input.count()
                index.append((path, hash, input.offset ..< input.offset + length))
                try input.skip(length)
            }
            if base != nil { removed = try input.array { try $0.string() } }
            guard input.isAtEnd else { return nil }
        } catch {
            return nil
        }
        let entries = Parallel.map(Parallel.chunks(index.count)) { chunk in
            index[chunk].map { path, hash, range -> (String, Entry)? in
                guard bytes.withBytes(range, { Self.hash(path, $0) }) == hash else { return nil }
                var reader = BinaryReader(bytes, from: range.lowerBound, to: range.upperBound, damage: damage)
                guard let entry = try? Self.decode(&reader, stored: (bytes, range, hash)), reader.isAtEnd else { return nil }
                return (path, entry)
            }
        }.joined()
        guard !entries.contains(where: { $0 == nil }) else { return nil }
        // The file's identity: its entries' hashes (each of its path and bytes), in its order.
        let identity = index.reduce(UInt64(index.count)) { ($0 ^ $1.hash) &* 0x100_0000_01B3 }
        return (entries.compactMap { $0 }, identity, Dictionary(index.map { ($0.path, $0.hash) }) { first, _ in first }, removed)
    }

    /// What tells a damaged entry: a hash of its path and its bytes.
    private static func hash(_ path: String, _ blob: UnsafeBufferPointer<UInt8>) -> UInt64 {
        ContentHash.of(UnsafeRawBufferPointer(blob)) ^ (ContentHash.of(path.utf8) &* 0x9E37_79B9_7F4A_7C15)
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

    private static func decode(_ input: inout BinaryReader, stored: (store: ByteStore, range: Range<Int>, hash: UInt64)) throws -> Entry {
        let stamp = try Self.stamp(&input)
        let context = UnitContext(site: try input.optional(Self.stamp), unit: try input.optional(Self.stamp))
        let diagnostics = try input.array { try Diagnostic(from: &$0) }
        let projects = try input.array { try Project(from: &$0) }
        let evaluations = try input.optional { try $0.array { try ProjectEvaluation(from: &$0) } }
        guard evaluations == nil || evaluations?.count == projects.count else { throw BinaryDamage() }
        return Entry(stamp: stamp, context: context, projects: projects, diagnostics: diagnostics, evaluations: evaluations, stored: stored)
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

/// The model file a load cache was read from: its identity (`LoadCache.read(file:binary:)`) and each
/// entry's hash, for telling what changed since.
struct ModelBase: Sendable {
    let identity: UInt64
    let hashes: [String: UInt64]
}
