import Foundation
import JixiaoModel
import JixiaoSystem
import JixiaoWrite

/// What the last build of an output folder was made from, kept in it beside the manifest as
/// `.jixiao-cache`, so that the next `jixiao build` (a new process) redoes only what changed:
///
/// - every input file of content/ and templates/ with its stamp (inode, size, modification time) and, once
///   its stamp changed, the hash of its bytes (a file saved again unchanged is then no change);
/// - the templates' texts and each unit's settings and projects as hashes, and the projects linked across
///   years: what decides which pages a change touches (`RenderPlan`);
/// - what check said, and how many pages there were, to report a build that found nothing changed.
///
/// The cache is not trusted beyond what it can prove: one written by another jixiao (another version, or
/// the same version built again), for another site root, or that cannot be read means a full build; the
/// output files themselves are verified against the manifest before any is kept.
struct BuildCache: Codable {
    static let name = ".jixiao-cache"

    struct Input: Codable, Equatable {
        var stamp: String
        /// The hash of the bytes, when known (0: not read since its stamp was recorded).
        var hash: UInt64
    }

    struct Message: Codable {
        var code: Int
        var severity: String
        var message: String
        var file: String?
        var line: Int
        var column: Int
    }

    var binary: String
    var root: String
    var reviewPages: Bool
    /// The Pagefind the build would run (or `none`): a search index built with none is built once one is installed.
    var pagefind: String
    /// The modification time of the manifest written with this cache: a manifest written since (by another
    /// jixiao, which kept this file as one it did not write) means the cache does not describe the folder.
    var manifest = ""
    /// Kept as one text of records (`InputsText`).
    @InputsText var inputs: [String: Input]
    var templates: [String: UInt64]
    var units: [String: UInt64]
    var history: [String: [String]]
    var diagnostics: [Message]
    var baseURL: String
    var pages: Int
    /// The pages' layout (`SitePages.Layout.fingerprint`) and the templates' static files: the same in the
    /// next build, its pages have the same files, and those it does not render are kept as a whole.
    var layout: UInt64?
    var staticFiles: [String]?

    /// The inputs as one text (tens of thousands of them, as many objects, are slow to code): a record a
    /// file, `<stamp> <hash in hex> <length of the path in bytes> <path>`, sorted by path, one space between
    /// records. Nothing in it needs escaping in JSON (but what a path holds), so that it is read back at once.
    static func text(_ inputs: [String: Input]) -> String {
        var text = ""
        text.reserveCapacity(inputs.count * 96)
        let all = Array(inputs)
        for (path, input) in ByteOrder.order(all.map(\.key)).map({ all[$0] }) {
            if !text.isEmpty { text += " " }
            text += input.stamp
            text += " "
            text += String(input.hash, radix: 16)
            text += " "
            text += String(path.utf8.count)
            text += " "
            text += path
        }
        return text
    }

    /// The inputs `text` wrote; `nil` when a record is not one.
    static func inputs(text: String) -> [String: Input]? {
        var text = text
        return text.withUTF8 { bytes -> [String: Input]? in
            var inputs: [String: Input] = [:]
            var index = 0
            // The bytes up to the next space (not empty), and past it.
            func field() -> UnsafeBufferPointer<UInt8>? {
                let start = index
                while index < bytes.count, bytes[index] != UInt8(ascii: " ") { index += 1 }
                guard index > start, index < bytes.count else { return nil }
                defer { index += 1 }
                return UnsafeBufferPointer(rebasing: bytes[start ..< index])
            }
            while index < bytes.count {
                guard let stamp = field(), let hex = field(), let hash = UInt64(String(decoding: hex, as: UTF8.self), radix: 16),
                      let digits = field(), let length = Int(String(decoding: digits, as: UTF8.self)), length > 0, length <= bytes.count - index
                else { return nil }
                let path = String(decoding: UnsafeBufferPointer(rebasing: bytes[index ..< index + length]), as: UTF8.self)
                index += length
                guard index == bytes.count || bytes[index] == UInt8(ascii: " ") else { return nil }
                index += 1
                inputs[path] = Input(stamp: String(decoding: stamp, as: UTF8.self), hash: hash)
            }
            return inputs
        }
    }

    /// This jixiao: its version and its executable's size and modification time, so that a cache written
    /// by a jixiao built from other sources is not read.
    static let binary: String = {
        let executable = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        let stamp = FileStamp(path: executable)
        return "\(JixiaoVersion.current) \(stamp.map { "\($0.size):\($0.seconds).\($0.nanoseconds)" } ?? "unknown")"
    }()

    /// The cache of `output` for the site at `root`, when it was written by this jixiao for this site.
    static func read(output: URL, root: URL, reviewPages: Bool) -> BuildCache? {
        guard let data = FileManager.default.contents(atPath: output.appendingPathComponent(name).path),
              let cache = try? JSONDecoder().decode(BuildCache.self, from: data),
              cache.binary == binary, cache.root == realRoot(root), cache.reviewPages == reviewPages, cache.pagefind == pagefind(root),
              FileStatus(path: output.appendingPathComponent(OutputWriter.manifestName).path)?.modified.description == cache.manifest
        else { return nil }
        return cache
    }

    func encoded() -> Data? {
        let encoder = JSONEncoder()
        // Paths unescaped: the inputs' text is then read back without a byte changed.
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return try? encoder.encode(self)
    }

    static func pagefind(_ root: URL) -> String { SearchIndex.locate(root: root) ?? "none" }

    static func realRoot(_ root: URL) -> String { Folders.realPath(root.standardizedFileURL.path) ?? root.standardizedFileURL.path }

    // MARK: Inputs

    /// Every file of content/ and templates/, relative to the root, with its stamp; the hash carried over
    /// from `previous` where the stamp is the same, and computed where it is not (`hashing`). The stamps
    /// themselves too, for loading the site: a file is stamped before it is read.
    static func inputs(root: URL, previous: [String: Input] = [:], hashing: Bool) -> (inputs: [String: Input], stamps: [String: FileStamp]) {
        let files = ["content", "templates"].flatMap { folder in
            FileTree.entries(root.appendingPathComponent(folder).path).filter { $0.kind == .file || $0.kind == .link }.map { (folder, $0.path) }
        }
        // Stamped on all cores: a site has tens of thousands of files.
        let found = Parallel.map(Parallel.chunks(files.count)) { chunk in
            files[chunk].compactMap { folder, relative -> (String, Input, FileStamp)? in
                let file = root.path + "/" + folder + "/" + relative, path = folder + "/" + relative
                guard let stamp = FileStamp(path: file) else { return nil }
                let text = stamp.description
                if let before = previous[path], before.stamp == text { return (path, before, stamp) }
                let hash = hashing ? FileManager.default.contents(atPath: file).map(Manifest.hash) ?? 0 : 0
                return (path, Input(stamp: text, hash: hash), stamp)
            }
        }
        var inputs: [String: Input] = [:], stamps: [String: FileStamp] = [:]
        inputs.reserveCapacity(files.count)
        stamps.reserveCapacity(files.count)
        for (path, input, stamp) in found.joined() {
            inputs[path] = input
            stamps[path] = stamp
        }
        return (inputs, stamps)
    }

    /// The input files whose contents are not those of `previous`: new, removed, or with other bytes (a
    /// changed stamp with the same known hash is no change).
    static func changes(_ inputs: [String: Input], since previous: [String: Input]) -> Set<String> {
        var changed: Set<String> = []
        for (path, input) in inputs {
            guard let before = previous[path] else {
                changed.insert(path)
                continue
            }
            if before.stamp != input.stamp, before.hash == 0 || input.hash == 0 || before.hash != input.hash { changed.insert(path) }
        }
        for path in previous.keys where inputs[path] == nil { changed.insert(path) }
        return changed
    }

    // MARK: Units

    static func unitNames(_ units: [UnitKey: UInt64]) -> [String: UInt64] {
        Dictionary(uniqueKeysWithValues: units.map { ("\($0.key.year)/\($0.key.unit)", $0.value) })
    }

    static func unitKeys(_ units: [String: UInt64]) -> [UnitKey: UInt64] {
        var keys: [UnitKey: UInt64] = [:]
        for (name, hash) in units {
            guard let slash = name.firstIndex(of: "/"), let year = Int(name[..<slash]) else { continue }
            keys[UnitKey(year: year, unit: String(name[name.index(after: slash)...]))] = hash
        }
        return keys
    }

    // MARK: Diagnostics

    static func messages(_ diagnostics: [Diagnostic]) -> [Message] {
        diagnostics.map { diagnostic in
            Message(code: diagnostic.code.number, severity: diagnostic.severity.rawValue, message: diagnostic.message,
                    file: diagnostic.location?.file, line: diagnostic.location?.line ?? 0, column: diagnostic.location?.column ?? 0)
        }
    }

    var restoredDiagnostics: [Diagnostic] {
        diagnostics.map { message in
            let code = DiagnosticCode.all.first { $0.number == message.code } ?? DiagnosticCode(message.code, "")
            return Diagnostic(code, Diagnostic.Severity(rawValue: message.severity) ?? .warning, message.message,
                              at: message.file.map { SourceLocation(file: $0, line: message.line, column: message.column) })
        }
    }
}

/// The inputs of a build cache as one text (tens of thousands of them, as many objects, are slow to read
/// and write): see `BuildCache.text(_:)`.
@propertyWrapper
struct InputsText: Codable {
    var wrappedValue: [String: BuildCache.Input]

    init(wrappedValue: [String: BuildCache.Input]) {
        self.wrappedValue = wrappedValue
    }

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        guard let inputs = BuildCache.inputs(text: try container.decode(String.self)) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not the input records of a build cache")
        }
        wrappedValue = inputs
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(BuildCache.text(wrappedValue))
    }
}
