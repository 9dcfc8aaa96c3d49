import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import JixiaoModel
import JixiaoSystem
import ZIPFoundation

extension XLSXSheet {
    struct Relationship {
        var type: String
        var target: String
        var external: Bool
    }

    /// The ZIP archive and its parts, by name.
    ///
    /// ZIPFoundation lists the entries and inflates them. On Linux, not through `Archive.extract`:
    /// there ZIPFoundation 0.9.x inflates with a loop that spins forever when a damaged deflate
    /// stream runs past the end of the file (weichsel/ZIPFoundation#389), and it lets zlib read past
    /// a short last chunk. So each entry's compressed bytes are located here and handed to
    /// `Data.decompress` by a provider that always fills the chunk asked for and throws once the
    /// entry's bytes are used up. Sizes and CRC-32s are checked on every platform.
    struct Package {
        struct Part {
            let entry: Entry
            /// Where the entry's local header and its (compressed) bytes start in the file.
            let header: Int
            let dataStart: Int
        }

        let archive: Archive
        let file: Data
        let parts: [String: Part]
        let partsIgnoringCase: [String: Part]

        /// The largest file that is read.
        static let maxFileBytes = 512 << 20

        init(_ url: URL) throws {
            // Foundation's error says only "NSCocoaErrorDomain error 256" on Linux: the system says why.
            if let problem = FileRead.problem(url.path) { throw XLSXError.unreadable(problem.reason) }
            let file: Data
            do {
                file = try Data(contentsOf: url, options: .mappedIfSafe)
            } catch {
                throw XLSXError.unreadable(error.localizedDescription)
            }
            if file.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
                throw XLSXError.notWorkbook("an old .xls file or a password-protected workbook; save it as .xlsx without a password")
            }
            guard file.starts(with: [0x50, 0x4B]) else { throw XLSXError.notWorkbook("not a ZIP archive") }
            guard file.count <= Package.maxFileBytes else { throw XLSXError.tooLarge("the file is over \(Package.maxFileBytes >> 20) MB") }
            do {
                archive = try Archive(url: url, accessMode: .read)
            } catch {
                throw XLSXError.notWorkbook("a damaged ZIP archive")
            }
            let entries = Array(archive)
            guard let offsets = Package.localHeaderOffsets(file), offsets.count == entries.count else {
                throw XLSXError.notWorkbook("a damaged ZIP archive: its central directory cannot be read")
            }
            var parts: [String: Part] = [:], ignoringCase: [String: Part] = [:]
            for (entry, offset) in zip(entries, offsets) where entry.type == .file {
                let path = entry.path.hasPrefix("/") ? String(entry.path.dropFirst()) : entry.path
                guard let header = Int(exactly: offset), let dataStart = Package.dataStart(file, localHeader: header) else {
                    throw XLSXError.notWorkbook("a damaged ZIP archive: the entry \(path) cannot be found")
                }
                let part = Part(entry: entry, header: header, dataStart: dataStart)
                if parts[path] == nil { parts[path] = part }
                if ignoringCase[path.lowercased()] == nil { ignoringCase[path.lowercased()] = part }
            }
            self.file = file
            self.parts = parts
            self.partsIgnoringCase = ignoringCase
        }

        /// A part's bytes, or `nil` when the archive has no such part. Part names are compared
        /// exactly first, then ignoring case, as the package format says.
        func data(_ name: String) throws -> Data? {
            guard let part = parts[name] ?? partsIgnoringCase[name.lowercased()] else { return nil }
            let entry = part.entry
            let damaged = XLSXError.notWorkbook("\(name) cannot be unpacked: the ZIP archive is damaged")
            let tooLarge = XLSXError.tooLarge("\(name) unpacks to more than \(XLSXSheet.maxPartBytes >> 20) MB")
            guard entry.uncompressedSize <= UInt64(XLSXSheet.maxPartBytes) else { throw tooLarge }
            guard entry.compressedSize <= UInt64(file.count - part.dataStart) else { throw damaged }
            let method = Package.uint16(file, part.header + 8)
            guard method == 0 || method == 8 else {
                throw XLSXError.notWorkbook("\(name) uses ZIP compression method \(method.map(String.init) ?? "?"); only stored and deflated parts can be read")
            }
            var data = Data()
            func append(_ chunk: Data) throws {
                guard data.count + chunk.count <= Int(entry.uncompressedSize) else { throw damaged }
                data.append(chunk)
            }
            do {
                #if canImport(Compression)
                // Apple platforms: ZIPFoundation inflates with the Compression framework, which stops
                // at the entry's end.
                _ = try archive.extract(entry, skipCRC32: true, consumer: append)
                #else
                let start = file.startIndex + part.dataStart
                let end = start + Int(entry.compressedSize)
                if method == 0 {
                    try append(file.subdata(in: start..<end))
                } else {
                    _ = try Data.decompress(size: Int64(entry.compressedSize), bufferSize: 64 << 10, skipCRC32: true,
                                            provider: { position, size in
                        // Always the full chunk (zlib is told it has `size` bytes), padded with zeros
                        // past the entry's end; asked again after that, the stream is bad.
                        guard size > 0 else { return Data() }
                        guard position >= 0, position < Int64(entry.compressedSize) else { throw damaged }
                        let from = start + Int(position)
                        var chunk = file.subdata(in: from..<min(end, from + size))
                        if chunk.count < size { chunk.append(Data(count: size - chunk.count)) }
                        return chunk
                    }, consumer: append)
                }
                #endif
            } catch let error as XLSXError {
                throw error
            } catch {
                throw damaged
            }
            guard data.count == Int(entry.uncompressedSize), data.crc32(checksum: 0) == entry.checksum else { throw damaged }
            return data
        }

        /// Each entry's local header offset, in central directory order (the order ZIPFoundation
        /// lists entries in); `nil` when the directory cannot be read. ZIP64 is understood.
        static func localHeaderOffsets(_ file: Data) -> [UInt64]? {
            // The end of central directory record: the last one, within a comment's length of the end.
            guard file.count >= 22 else { return nil }
            var eocd = file.count - 22
            let lowest = max(0, file.count - 22 - 0xFFFF)
            while uint32(file, eocd) != 0x0605_4B50 {
                guard eocd > lowest else { return nil }
                eocd -= 1
            }
            guard var count = uint16(file, eocd + 10).map(UInt64.init),
                  var directory = uint32(file, eocd + 16).map(UInt64.init) else { return nil }
            // ZIP64: a locator just before the record points to the ZIP64 end of central directory.
            if eocd >= 20, uint32(file, eocd - 20) == 0x0706_4B50 {
                guard let zip64 = uint64(file, eocd - 20 + 8).flatMap({ Int(exactly: $0) }), uint32(file, zip64) == 0x0606_4B50,
                      let zip64Count = uint64(file, zip64 + 32), let zip64Directory = uint64(file, zip64 + 48) else { return nil }
                count = zip64Count
                directory = zip64Directory
            }
            guard var position = Int(exactly: directory), count <= UInt64(file.count / 46) else { return nil }
            var offsets: [UInt64] = []
            for _ in 0..<count {
                guard uint32(file, position) == 0x0201_4B50,
                      let nameLength = uint16(file, position + 28), let extraLength = uint16(file, position + 30),
                      let commentLength = uint16(file, position + 32), let offset = uint32(file, position + 42),
                      let compressed = uint32(file, position + 20), let uncompressed = uint32(file, position + 24) else { return nil }
                var headerOffset = UInt64(offset)
                if offset == 0xFFFF_FFFF {
                    // The ZIP64 extra field (id 1) holds the 64-bit values, in this order, for the
                    // 32-bit fields that are all ones.
                    var extra = position + 46 + nameLength
                    let extraEnd = extra + extraLength
                    var found: UInt64?
                    while extra + 4 <= extraEnd, found == nil {
                        guard let id = uint16(file, extra), let size = uint16(file, extra + 2) else { return nil }
                        if id == 1 {
                            var field = extra + 4
                            if uncompressed == 0xFFFF_FFFF { field += 8 }
                            if compressed == 0xFFFF_FFFF { field += 8 }
                            guard field + 8 <= extra + 4 + size, let value = uint64(file, field) else { return nil }
                            found = value
                        }
                        extra += 4 + size
                    }
                    guard let found else { return nil }
                    headerOffset = found
                }
                offsets.append(headerOffset)
                position += 46 + nameLength + extraLength + commentLength
            }
            return offsets
        }

        /// Where an entry's bytes start, after its local header; `nil` unless there is a local
        /// header at `localHeader`.
        static func dataStart(_ file: Data, localHeader: Int) -> Int? {
            guard uint32(file, localHeader) == 0x0403_4B50,
                  let nameLength = uint16(file, localHeader + 26), let extraLength = uint16(file, localHeader + 28) else { return nil }
            let start = localHeader + 30 + nameLength + extraLength
            return start <= file.count ? start : nil
        }

        /// Little-endian integers at an offset from the start of the file; `nil` past its end.
        static func uint16(_ file: Data, _ offset: Int) -> Int? {
            guard offset >= 0, offset <= file.count - 2 else { return nil }
            let base = file.startIndex + offset
            return Int(file[base]) | Int(file[base + 1]) << 8
        }

        static func uint32(_ file: Data, _ offset: Int) -> UInt32? {
            guard offset >= 0, offset <= file.count - 4 else { return nil }
            let base = file.startIndex + offset
            return (0..<4).reduce(UInt32(0)) { $0 | UInt32(file[base + $1]) << (8 * $1) }
        }

        static func uint64(_ file: Data, _ offset: Int) -> UInt64? {
            guard offset >= 0, offset <= file.count - 8 else { return nil }
            let base = file.startIndex + offset
            return (0..<8).reduce(UInt64(0)) { $0 | UInt64(file[base + $1]) << (8 * $1) }
        }

        /// A part that must exist.
        func xml(_ part: String) throws -> Data {
            guard let data = try data(part) else { throw XLSXError.missingPart(part) }
            return data
        }

        /// The workbook part: where the package relationships say, else `xl/workbook.xml`.
        func workbookPart() throws -> String {
            if let rootData = try data("_rels/.rels") {
                let root = try Package.readRelationships(rootData, part: "_rels/.rels")
                if let office = root.values.first(where: { $0.type.hasSuffix("/officeDocument") && !$0.external }) {
                    let part = try Package.resolve(office.target, from: "")
                    guard try data(part) != nil else { throw XLSXError.notWorkbook("it has no \(part)") }
                    return part
                }
            }
            guard parts["xl/workbook.xml"] ?? partsIgnoringCase["xl/workbook.xml"] != nil else {
                throw XLSXError.notWorkbook("it has no xl/workbook.xml")
            }
            return "xl/workbook.xml"
        }

        /// The relationships of a part, by Id; empty when it has none.
        func relationships(of part: String) throws -> [String: Relationship] {
            let relsPart = Package.relationshipsPart(of: part)
            guard let data = try data(relsPart) else { return [:] }
            return try Package.readRelationships(data, part: relsPart)
        }

        static func relationshipsPart(of part: String) -> String {
            var folder = part.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
            let name = folder.removeLast()
            return (folder + ["_rels", name + ".rels"]).joined(separator: "/")
        }

        static func readRelationships(_ data: Data, part: String) throws -> [String: Relationship] {
            var result: [String: Relationship] = [:]
            try XMLEvents.parse(data, part: part, root: "Relationships") { path, attributes in
                guard path.count == 2, path[1] == "Relationship" else { return }
                guard let id = attributes["Id"], let type = attributes["Type"], let target = attributes["Target"] else {
                    throw XLSXError.malformed(part: part, reason: "a <Relationship> lacks Id, Type or Target")
                }
                guard result[id] == nil else { throw XLSXError.malformed(part: part, reason: "relationship '\(Excerpt.of(id))' is defined twice") }
                result[id] = Relationship(type: type, target: target, external: attributes["TargetMode"] == "External")
            }
            return result
        }

        /// A relationship target as a part name: relative to the source part's folder, or from the
        /// package root when it starts with `/`.
        static func resolve(_ target: String, from source: String) throws -> String {
            let decoded = target.removingPercentEncoding ?? target
            var components: [Substring] = decoded.hasPrefix("/") ? [] : source.split(separator: "/").dropLast()
            for piece in decoded.split(separator: "/") {
                switch piece {
                case ".": continue
                case "..":
                    guard !components.isEmpty else {
                        throw XLSXError.malformed(part: relationshipsPart(of: source), reason: "target '\(Excerpt.of(target))' points outside the package")
                    }
                    components.removeLast()
                default: components.append(piece)
                }
            }
            guard !components.isEmpty else {
                throw XLSXError.malformed(part: relationshipsPart(of: source), reason: "target '\(Excerpt.of(target))' names no part")
            }
            return components.joined(separator: "/")
        }
    }
}
