import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation
import JixiaoModel

/// Why an .xlsx file could not be read. The descriptions are for people: they name the sheet, part
/// or cell at fault, not the file, which the caller knows.
package enum XLSXError: Error, CustomStringConvertible, Equatable {
    /// The file itself could not be opened.
    case unreadable(String)
    /// Not a ZIP archive, or a ZIP archive without a workbook; the text says which.
    case notWorkbook(String)
    /// A part the workbook refers to is not in the archive.
    case missingPart(String)
    /// A part is not well-formed XML. The reason is given when it is known: FoundationXML's error
    /// codes are too unreliable to report.
    case malformedXML(part: String, line: Int, column: Int, reason: String?)
    /// A part is well-formed XML but not what SpreadsheetML allows (a bad cell reference, an unknown
    /// shared string, …).
    case malformed(part: String, reason: String)
    /// The workbook lists no worksheets.
    case noSheets
    /// No sheet has the requested name.
    case noSuchSheet(String, available: [String])
    /// The named sheet is a chart sheet or another kind of sheet without cells.
    case notAWorksheet(String)
    /// A part or the sheet's grid is beyond the sizes this reader accepts.
    case tooLarge(String)

    package var description: String {
        switch self {
        case .unreadable(let reason): "cannot read the file: \(reason)"
        case .notWorkbook(let reason): "not an .xlsx workbook (\(reason))"
        case .missingPart(let part): "the workbook refers to \(part), which is not in the file"
        case let .malformedXML(part, line, column, reason): "\(part):\(line):\(column): not well-formed XML" + (reason.map { ": \($0)" } ?? "")
        case let .malformed(part, reason): "\(part): \(reason)"
        case .noSheets: "the workbook has no worksheets"
        case let .noSuchSheet(name, available):
            "no sheet named '\(name)' (sheets: \(available.joined(separator: ", ")))"
        case .notAWorksheet(let name): "sheet '\(name)' is not a worksheet (a chart or dialog sheet has no cells)"
        case .tooLarge(let what): "too large: \(what)"
        }
    }
}

/// One worksheet of an Office Open XML workbook (.xlsx), read as a grid of strings.
///
/// - Text: shared strings (plain or rich-text runs; phonetic runs are left out) and inline strings,
///   with the `_xHHHH_` escapes of SpreadsheetML decoded.
/// - Numbers, dates and errors: the stored `<v>` text exactly as written, never through `Double`, so
///   `150600230000000001` and `18150.89` stay as they are. Number formats are not applied: a cell
///   shown as 95% reads "0.95", a date reads as its serial number.
/// - Booleans: "TRUE" or "FALSE". Formulas: the cached result.
/// - Row and column positions are kept (row 1 is index 0, column A is index 0); missing cells are "";
///   every row has the width of the widest non-empty column; trailing empty rows are dropped.
/// - Merged ranges: the top-left value is spread over every cell of the range.
///
/// Malformed input throws an `XLSXError`.
package struct XLSXSheet {
    /// The largest part (unpacked) that is read, against ZIP bombs.
    static let maxPartBytes = 256 << 20
    /// The most cells a grid may have (rows × columns, after merges are spread).
    static let maxCells = 20_000_000
    /// SpreadsheetML's own limits.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    package static func read(_ url: URL, sheet: String? = nil) throws -> [[String]] {
        let package = try Package(url)
        let workbookPart = try package.workbookPart()
        let relationships = try package.relationships(of: workbookPart)
        let sheets = try Workbook.sheets(try package.xml(workbookPart), part: workbookPart)
        guard !sheets.isEmpty else { throw XLSXError.noSheets }

        func isWorksheet(_ entry: Workbook.Sheet) -> Bool {
            relationships[entry.relationship]?.type.hasSuffix("/worksheet") ?? false
        }
        let chosen: Workbook.Sheet
        if let sheet {
            guard let found = sheets.first(where: { $0.name == sheet }) else {
                throw XLSXError.noSuchSheet(sheet, available: sheets.map(\.name))
            }
            chosen = found
        } else {
            // The first sheet that has cells: a leading chart sheet is passed over.
            guard let first = sheets.first(where: isWorksheet) ?? sheets.first else { throw XLSXError.noSheets }
            chosen = first
        }
        guard let relationship = relationships[chosen.relationship] else {
            throw XLSXError.malformed(part: workbookPart, reason: "sheet '\(chosen.name)' refers to relationship '\(chosen.relationship)', which \(Package.relationshipsPart(of: workbookPart)) does not define")
        }
        guard isWorksheet(chosen) else { throw XLSXError.notAWorksheet(chosen.name) }
        guard !relationship.external else {
            throw XLSXError.malformed(part: workbookPart, reason: "sheet '\(chosen.name)' is stored outside the workbook")
        }
        let sheetPart = try Package.resolve(relationship.target, from: workbookPart)

        var sharedStrings: [String] = []
        if let shared = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") && !$0.external }) {
            let part = try Package.resolve(shared.target, from: workbookPart)
            sharedStrings = try SharedStrings.read(try package.xml(part), part: part)
        }

        guard let sheetData = try package.data(sheetPart) else { throw XLSXError.missingPart(sheetPart) }
        return try Worksheet.grid(sheetData, part: sheetPart, sharedStrings: sharedStrings)
    }

    /// A cell reference such as `A1` or `AB12` as zero-based indices; `nil` unless it is a valid
    /// reference within SpreadsheetML's limits (no `$`, upper-case letters, no leading zeros).
    static func cellIndex(_ reference: some StringProtocol) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7, !(digits == 0 && byte == UInt8(ascii: "0")) else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, column <= maxColumns, row <= maxRows else { return nil }
        return (row - 1, column - 1)
    }

    /// A range such as `A2:A5` (or a single cell) as zero-based, ordered corners.
    static func rangeIndices(_ reference: String) -> (top: Int, left: Int, bottom: Int, right: Int)? {
        let corners = reference.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(corners.count),
              let first = cellIndex(corners[0]), let last = cellIndex(corners[corners.count - 1]) else { return nil }
        return (min(first.row, last.row), min(first.column, last.column), max(first.row, last.row), max(first.column, last.column))
    }

    /// The `_xHHHH_` escapes SpreadsheetML uses for characters XML cannot carry (`_x000D_` is a
    /// carriage return, `_x005F_` a literal underscore).
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               scalars[(index + 2)..<(index + 6)].allSatisfy({ $0.properties.isASCIIHexDigit }),
               let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}

// MARK: - The ZIP package

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
            let file: Data
            do {
                file = try Data(contentsOf: url, options: .mappedIfSafe)
            } catch {
                throw XLSXError.unreadable(FileManager.default.fileExists(atPath: url.path) ? error.localizedDescription : "no such file")
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
                guard result[id] == nil else { throw XLSXError.malformed(part: part, reason: "relationship '\(id)' is defined twice") }
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
                        throw XLSXError.malformed(part: relationshipsPart(of: source), reason: "target '\(target)' points outside the package")
                    }
                    components.removeLast()
                default: components.append(piece)
                }
            }
            guard !components.isEmpty else {
                throw XLSXError.malformed(part: relationshipsPart(of: source), reason: "target '\(target)' names no part")
            }
            return components.joined(separator: "/")
        }
    }
}

// MARK: - The parts

extension XLSXSheet {
    enum Workbook {
        struct Sheet {
            var name: String
            var relationship: String
        }

        static func sheets(_ data: Data, part: String) throws -> [Sheet] {
            var sheets: [Sheet] = []
            try XMLEvents.parse(data, part: part, root: "workbook") { path, attributes in
                guard path.count == 3, path[1] == "sheets", path[2] == "sheet" else { return }
                // r:id, whatever the prefix of the relationships namespace is.
                let id = attributes.first { key, _ in
                    let pieces = key.split(separator: ":")
                    return pieces.count == 2 && pieces[1] == "id" && pieces[0] != "xml"
                }?.value
                guard let name = attributes["name"], let id else {
                    throw XLSXError.malformed(part: part, reason: "a <sheet> lacks its name or r:id")
                }
                guard !sheets.contains(where: { $0.name == name }) else {
                    throw XLSXError.malformed(part: part, reason: "two sheets are named '\(name)'")
                }
                sheets.append(Sheet(name: name, relationship: id))
            }
            return sheets
        }
    }

    /// The shared-string table: each `<si>`'s text, from its `<t>` or its runs' `<t>`s; phonetic
    /// guides (`<rPh>`) are not part of the text.
    enum SharedStrings {
        static func read(_ data: Data, part: String) throws -> [String] {
            var strings: [String] = []
            var current = "", inText = false
            try XMLEvents.parse(data, part: part, root: "sst", start: { path, _ in
                if path.count == 2, path[1] == "si" { current = "" }
                inText = path.count >= 3 && path[1] == "si" && path.last == "t" && !path.contains("rPh")
            }, end: { path in
                if path.count == 2, path[1] == "si" { strings.append(XLSXSheet.unescape(current)) }
                inText = false
            }, text: { text in
                if inText { current += text }
            })
            return strings
        }
    }

    enum Worksheet {
        /// The cells of `<sheetData>` and the ranges of `<mergeCells>`, as a grid.
        static func grid(_ data: Data, part: String, sharedStrings: [String]) throws -> [[String]] {
            var cells: [Int: [Int: String]] = [:]
            var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []

            var row = -1, nextColumn = 0
            var cell: (reference: String, row: Int, column: Int, type: String)?
            var value: String?, inlineText: String?
            var inValue = false, inInlineText = false

            func fail(_ reason: String) -> XLSXError { .malformed(part: part, reason: reason) }

            try XMLEvents.parse(data, part: part, root: "worksheet", start: { path, attributes in
                inValue = false
                inInlineText = false
                guard path.count >= 3 else { return }
                switch (path[1], path.count, path[2], path.last!) {
                case ("sheetData", 3, "row", _):
                    let previous = row
                    if let r = attributes["r"] {
                        guard let number = Int(r), (1...XLSXSheet.maxRows).contains(number) else { throw fail("row number '\(r)' is not valid") }
                        row = number - 1
                    } else {
                        row += 1
                    }
                    guard row > previous else { throw fail("row \(row + 1) comes after row \(previous + 1): rows must be in order") }
                    guard row < XLSXSheet.maxRows else { throw fail("more than \(XLSXSheet.maxRows) rows") }
                    nextColumn = 0
                case ("mergeCells", 3, "mergeCell", _):
                    guard let ref = attributes["ref"], let range = XLSXSheet.rangeIndices(ref) else {
                        throw fail("merged range '\(attributes["ref"] ?? "")' is not a valid range")
                    }
                    merges.append(range)
                case ("sheetData", 4, "row", "c"):
                    let column: Int
                    let reference: String
                    if let r = attributes["r"] {
                        guard let index = XLSXSheet.cellIndex(r) else { throw fail("cell reference '\(r)' is not valid") }
                        guard index.row == row else { throw fail("cell \(r) is inside row \(row + 1)") }
                        guard index.column >= nextColumn else { throw fail("cell \(r) comes after a cell to its right: cells must be in order") }
                        column = index.column
                        reference = r
                    } else {
                        guard nextColumn < XLSXSheet.maxColumns else { throw fail("row \(row + 1) has more than \(XLSXSheet.maxColumns) cells") }
                        column = nextColumn
                        reference = Worksheet.reference(row: row, column: column)
                    }
                    nextColumn = column + 1
                    cell = (reference, row, column, attributes["t"] ?? "n")
                    value = nil
                    inlineText = nil
                case ("sheetData", 5, "row", "v"):
                    guard value == nil else { throw fail("cell \(cell?.reference ?? "") has more than one value") }
                    value = ""
                    inValue = true
                case ("sheetData", 5, "row", "is"):
                    inlineText = ""
                case ("sheetData", _, "row", "t") where path.count >= 6 && path[4] == "is" && !path.contains("rPh"):
                    inInlineText = true
                default:
                    break
                }
            }, end: { path in
                inValue = false
                inInlineText = false
                guard path.count == 4, path[1] == "sheetData", path[3] == "c", let current = cell else { return }
                cell = nil
                let text: String
                switch current.type {
                case "s":
                    guard let value else { text = ""; break }
                    guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                        throw fail("cell \(current.reference) refers to shared string '\(value)', but there are \(sharedStrings.count)")
                    }
                    text = sharedStrings[index]
                case "inlineStr":
                    text = XLSXSheet.unescape(inlineText ?? value ?? "")
                case "b":
                    switch value?.trimmingCharacters(in: .whitespaces) {
                    case nil, "": text = ""
                    case "1": text = "TRUE"
                    case "0": text = "FALSE"
                    case let other?: throw fail("cell \(current.reference) has boolean value '\(other)'")
                    }
                case "str":
                    text = XLSXSheet.unescape(value ?? "")
                case "n", "d", "e":
                    text = value ?? ""
                default:
                    throw fail("cell \(current.reference) has unknown type '\(current.type)'")
                }
                if !text.isEmpty { cells[current.row, default: [:]][current.column] = text }
            }, text: { text in
                if inValue { value! += text }
                if inInlineText { inlineText! += text }
            })

            // Merged ranges: the top-left value over the whole range. Excel forbids overlaps.
            var spread = 0
            var covered: Set<Int> = []
            let topLeft = merges.map { cells[$0.top]?[$0.left] }
            for (merge, top) in zip(merges, topLeft) {
                guard let top else { continue }
                let area = (merge.bottom - merge.top + 1) * (merge.right - merge.left + 1)
                spread += area
                guard spread <= XLSXSheet.maxCells else { throw XLSXError.tooLarge("the merged ranges cover more than \(XLSXSheet.maxCells) cells") }
                for r in merge.top...merge.bottom {
                    for c in merge.left...merge.right {
                        guard covered.insert(r * XLSXSheet.maxColumns + c).inserted else {
                            throw fail("merged ranges overlap at \(reference(row: r, column: c))")
                        }
                        cells[r, default: [:]][c] = top
                    }
                }
            }

            guard let lastRow = cells.keys.max() else { return [] }
            let width = (cells.values.compactMap { $0.keys.max() }.max() ?? -1) + 1
            guard (lastRow + 1) * width <= XLSXSheet.maxCells else {
                throw XLSXError.tooLarge("the sheet spans \(lastRow + 1) rows × \(width) columns, more than \(XLSXSheet.maxCells) cells")
            }
            var grid = [[String]](repeating: [String](repeating: "", count: width), count: lastRow + 1)
            for (r, columns) in cells {
                for (c, text) in columns { grid[r][c] = text }
            }
            return grid
        }

        /// `A1`-style name of zero-based indices, for messages.
        static func reference(row: Int, column: Int) -> String {
            var letters = "", n = column + 1
            while n > 0 {
                let remainder = (n - 1) % 26
                letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
                n = (n - 1) / 26
            }
            return "\(letters)\(row + 1)"
        }
    }
}

// MARK: - XML

/// Streams an XML part to closures that see the path of local element names (prefixes dropped)
/// from the root to the current element. Errors thrown by the closures stop the parse and are
/// rethrown; XML that is not well-formed throws `XLSXError.malformedXML`.
private final class XMLEvents: NSObject, XMLParserDelegate {
    typealias Start = (_ path: [String], _ attributes: [String: String]) throws -> Void
    typealias End = (_ path: [String]) throws -> Void

    let part: String
    let root: String
    let start: Start
    let end: End
    let text: (String) -> Void
    var path: [String] = []
    var failure: Error?

    private init(part: String, root: String, start: @escaping Start, end: @escaping End, text: @escaping (String) -> Void) {
        self.part = part
        self.root = root
        self.start = start
        self.end = end
        self.text = text
    }

    static func parse(_ data: Data, part: String, root: String, start: @escaping Start,
                      end: @escaping End = { _ in }, text: @escaping (String) -> Void = { _ in }) throws {
        let data = try utf8(data, part: part)
        if let problem = forbiddenMarkup(data) { throw XLSXError.malformed(part: part, reason: problem) }
        let events = XMLEvents(part: part, root: root, start: start, end: end, text: text)
        let parser = XMLParser(data: data)
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        let parsed = parser.parse()
        if let failure = events.failure { throw failure }
        // FoundationXML on Linux returns true for some broken documents (and records the error).
        guard parsed, parser.parserError == nil else {
            throw XLSXError.malformedXML(part: part, line: parser.lineNumber, column: parser.columnNumber, reason: nil)
        }
        guard events.sawRoot else {
            throw XLSXError.malformedXML(part: part, line: parser.lineNumber, column: parser.columnNumber, reason: "no root element")
        }
        if let open = events.path.last {
            throw XLSXError.malformedXML(part: part, line: parser.lineNumber, column: parser.columnNumber, reason: "<\(open)> is not closed")
        }
    }

    private var sawRoot = false

    /// The part as UTF-8 without a byte order mark. SpreadsheetML parts are UTF-8 or UTF-16; UTF-16
    /// is converted (and its XML declaration dropped). Invalid UTF-8 is refused here, before
    /// the parser sees it: FoundationXML on Linux traps on names and attributes that are not UTF-8.
    static func utf8(_ data: Data, part: String) throws -> Data {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard bytes.count % 2 == 0, var text = String(data: data, encoding: .utf16), !text.contains("\u{FFFD}") else {
                throw XLSXError.malformed(part: part, reason: "it is not valid UTF-16 text")
            }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            if text.hasPrefix("<?xml"), let close = text.range(of: "?>") { text.removeSubrange(..<close.upperBound) }
            return Data(text.utf8)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0x0A { line += 1 }
            case .emptyInput:
                return body.count == bytes.count ? data : Data(body)
            case .error:
                throw XLSXError.malformed(part: part, reason: "line \(line) is not UTF-8 text")
            }
        }
    }

    /// Markup that SpreadsheetML parts never contain and that is refused before parsing: document
    /// type declarations (entity expansion can make a small part huge) and processing instructions
    /// other than the XML declaration (FoundationXML on Linux crashes on `<?x?>`). Comments and
    /// CDATA sections are skipped over.
    static func forbiddenMarkup(_ data: Data) -> String? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            func starts(_ prefix: StaticString, at index: Int) -> Bool {
                let count = prefix.utf8CodeUnitCount
                guard index + count <= bytes.count else { return false }
                return (0..<count).allSatisfy { bytes[index + $0] == prefix.utf8Start[$0] }
            }
            func skip(to end: StaticString, from index: Int) -> Int {
                var index = index
                while index < bytes.count, !starts(end, at: index) { index += 1 }
                return index + end.utf8CodeUnitCount
            }
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else { index += 1; continue }
                switch bytes[index + 1] {
                case UInt8(ascii: "!"):
                    if starts("<!--", at: index) {
                        index = skip(to: "-->", from: index + 4)
                    } else if starts("<![CDATA[", at: index) {
                        index = skip(to: "]]>", from: index + 9)
                    } else {
                        return "it has a document type or entity declaration, which .xlsx parts never have"
                    }
                case UInt8(ascii: "?"):
                    let isDeclaration = index == 0 && starts("<?xml", at: 0) && bytes.count > 5
                        && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[5])
                    guard isDeclaration else { return "it has a processing instruction, which .xlsx parts never have" }
                    index = skip(to: "?>", from: index + 5)
                default:
                    index += 1
                }
            }
            return nil
        }
    }

    private func stop(_ parser: XMLParser, _ error: Error) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    private static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard failure == nil else { return }
        let name = Self.local(elementName)
        if path.isEmpty {
            guard !sawRoot else { return stop(parser, XLSXError.malformedXML(part: part, line: parser.lineNumber, column: parser.columnNumber, reason: "more than one root element")) }
            guard name == root else {
                return stop(parser, XLSXError.malformed(part: part, reason: "expected a <\(root)> element, found <\(elementName)>"))
            }
            sawRoot = true
        }
        path.append(name)
        do { try start(path, attributeDict) } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil, !path.isEmpty else { return }
        do { try end(path) } catch { stop(parser, error) }
        path.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil else { return }
        guard let string = String(data: CDATABlock, encoding: .utf8) else {
            return stop(parser, XLSXError.malformed(part: part, reason: "a CDATA section is not UTF-8"))
        }
        text(string)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {}
}
