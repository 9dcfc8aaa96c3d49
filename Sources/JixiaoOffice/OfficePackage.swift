import Foundation
#if canImport(CZlib)
import CZlib
#else
import ZIPFoundation
#endif

/// The ZIP package of an office file, written in memory with the same bytes every time: its parts in
/// the order given, each compressed (deflate, fast) and dated 1980-01-01, the earliest date a ZIP holds.
enum OfficePackage {
    /// What a part holds: its text, or (with zlib) its bytes compressed once for several packages.
    enum Content: Sendable {
        case text(String)
        #if canImport(CZlib)
        case deflated(DeflatedPart)
        #endif

        /// Text compressed here, once, where zlib is at hand. `piece`: a piece to join with others
        /// (`joined`): the text of a sheet that goes into several documents, or what holds them together.
        static func compressed(_ text: String, piece: Bool = false) -> Content {
            #if canImport(CZlib)
            if let deflated = try? DeflatedPart(text, final: !piece) { return .deflated(deflated) }
            #endif
            return .text(text)
        }

        /// The bytes it holds (compressed, where it is).
        var bytes: Int {
            switch self {
            case let .text(text): text.utf8.count
            #if canImport(CZlib)
            case let .deflated(deflated): deflated.compressed.count
            #endif
            }
        }

        /// One part made of pieces in order: with zlib, their compressed bytes joined (a text piece is
        /// compressed on the way), so that no piece is compressed again; without, their texts.
        static func joined(_ pieces: [Content]) throws -> Content {
            #if canImport(CZlib)
            return try .deflated(DeflatedPart(joining: pieces.map { piece in
                switch piece {
                case let .text(text): try DeflatedPart(text, final: false)
                case let .deflated(deflated): deflated
                }
            }))
            #else
            return .text(pieces.map { piece in
                guard case let .text(text) = piece else { fatalError("only text parts without zlib") }
                return text
            }.joined())
            #endif
        }
    }

    static func zip(_ parts: [(path: String, content: Content)]) throws -> Data {
        #if canImport(CZlib)
        var archive = ZipWriter()
        for part in parts {
            switch part.content {
            case let .text(text): try archive.add(part.path, DeflatedPart(text))
            case let .deflated(deflated): try archive.add(part.path, deflated)
            }
        }
        return archive.finish()
        #else
        let parts = parts.map { part -> (path: String, text: String) in
            guard case let .text(text) = part.content else { fatalError("only text parts without zlib") }
            return (part.path, text)
        }
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.text.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count),
                                 modificationDate: Date(timeIntervalSince1970: 315_619_200), permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
        #endif
    }
}

#if canImport(CZlib)
/// A part's bytes compressed once, to put into any number of packages (a sheet's worksheet goes into its
/// own workbook and its booklet's).
///
/// A piece (not `final`) ends on a byte boundary without closing the stream: pieces compressed apart join
/// into one stream (`init(joining:)`), as a booklet's document joins its sheets' sections.
struct DeflatedPart: Sendable {
    let compressed: [UInt8]
    let crc: UInt32
    let size: Int
    /// Whether the bytes close the stream (its last block is marked final).
    let final: Bool

    init(_ text: String, final: Bool = true) throws {
        let data = Array(text.utf8)
        compressed = try ZipWriter.deflate(data, final: final)
        crc = data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        size = data.count
        self.final = final
    }

    /// The pieces as one stream, closed: each piece but the last must be open (not `final`).
    init(joining pieces: [DeflatedPart]) throws {
        precondition(pieces.dropLast().allSatisfy { !$0.final }, "only the last piece may close the stream")
        var compressed: [UInt8] = []
        compressed.reserveCapacity(pieces.reduce(2) { $0 + $1.compressed.count })
        var crc: uLong = 0, size = 0
        for piece in pieces {
            compressed += piece.compressed
            crc = crc32_combine(crc, uLong(piece.crc), off_t(piece.size))
            size += piece.size
        }
        // An empty final block (fixed codes) closes a stream whose last piece left it open.
        if pieces.last?.final != true { compressed += [0x03, 0x00] }
        self.compressed = compressed
        self.crc = UInt32(crc)
        self.size = size
        final = true
    }
}

/// A ZIP archive written straight into memory with zlib: local headers and data, then the central
/// directory. Sizes stay below 4 GB (no ZIP64), which office files do.
struct ZipWriter {
    private var bytes: [UInt8] = []
    private var directory: [UInt8] = []
    private var count: UInt16 = 0

    /// DOS date of 1980-01-01, time 00:00.
    private static let date: UInt16 = (0 << 9) | (1 << 5) | 1

    mutating func add(_ path: String, _ part: DeflatedPart) throws {
        let part = part.final ? part : try DeflatedPart(joining: [part])
        let (compressed, crc, size) = (part.compressed, part.crc, part.size)
        let name = Array(path.utf8)
        let offset = UInt32(bytes.count)
        func header(_ out: inout [UInt8], central: Bool) {
            out.append(u32: central ? 0x0201_4B50 : 0x0403_4B50)
            if central { out.append(u16: 20) }  // made by
            out.append(u16: 20)  // needed
            out.append(u16: 0x0800)  // UTF-8 names
            out.append(u16: 8)  // deflate
            out.append(u16: 0)
            out.append(u16: Self.date)
            out.append(u32: crc)
            out.append(u32: UInt32(compressed.count))
            out.append(u32: UInt32(size))
            out.append(u16: UInt16(name.count))
            out.append(u16: 0)  // extra
            if central {
                out.append(u16: 0)  // comment
                out.append(u16: 0)  // disk
                out.append(u16: 0)  // internal attributes
                out.append(u32: 0o100644 << 16)  // a regular file, rw-r--r--
                out.append(u32: offset)
            }
            out += name
        }
        header(&bytes, central: false)
        bytes += compressed
        header(&directory, central: true)
        count += 1
    }

    mutating func finish() -> Data {
        let start = UInt32(bytes.count)
        bytes += directory
        bytes.append(u32: 0x0605_4B50)
        bytes.append(u16: 0)
        bytes.append(u16: 0)
        bytes.append(u16: count)
        bytes.append(u16: count)
        bytes.append(u32: UInt32(directory.count))
        bytes.append(u32: start)
        bytes.append(u16: 0)
        return Data(bytes)
    }

    /// Raw deflate at zlib's fastest level: office files are small, and written many at a time. Not
    /// `final`: flushed to a byte boundary, the stream left open for more pieces.
    static func deflate(_ data: [UInt8], final: Bool = true) throws -> [UInt8] {
        var stream = z_stream()
        guard deflateInit2_(&stream, 1, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw CocoaError(.fileWriteUnknown)
        }
        defer { deflateEnd(&stream) }
        // A flush to a byte boundary adds an empty stored block of 5 bytes at most.
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(data.count))) + 8)
        var input = data
        let status = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = source.baseAddress
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return CZlib.deflate(&stream, final ? Z_FINISH : Z_SYNC_FLUSH)
            }
        }
        guard final ? status == Z_STREAM_END : status == Z_OK && stream.avail_in == 0 && stream.avail_out > 0 else { throw CocoaError(.fileWriteUnknown) }
        output.removeLast(output.count - Int(stream.total_out))
        return output
    }
}

private extension [UInt8] {
    mutating func append(u16 value: UInt16) {
        append(UInt8(value & 0xFF))
        append(UInt8(value >> 8))
    }

    mutating func append(u32 value: UInt32) {
        for shift in stride(from: 0, to: 32, by: 8) { append(UInt8((value >> UInt32(shift)) & 0xFF)) }
    }
}
#endif

/// Text as XML writes it in element content and attribute values.
enum XMLText {
    /// Whether the text holds `&<>"`, a control character or U+FFFE/U+FFFF (`EF BF BE`, `EF BF BF`).
    private static func needsEscaping(_ text: String) -> Bool {
        var previous: UInt8 = 0, beforeThat: UInt8 = 0
        for byte in text.utf8 {
            if byte < 0x20 || byte == 0x26 || byte == 0x3C || byte == 0x3E || byte == 0x22 { return true }
            if beforeThat == 0xEF, previous == 0xBF, byte >= 0xBE { return true }
            beforeThat = previous
            previous = byte
        }
        return false
    }

    static func escaped(_ text: String) -> String {
        // Most cells need nothing escaped: look at the bytes once.
        guard needsEscaping(text) else { return text }
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            // Characters XML 1.0 does not allow are left out (tabs and line breaks stay).
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || (0xFFFE ... 0xFFFF).contains(scalar.value) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}

/// How wide text is in a spreadsheet column, in digits: a CJK character about two, its longest line.
enum TextWidth {
    static func of(_ text: String) -> Double {
        var longest = 0.0, line = 0.0
        for byte in text.utf8 {
            switch byte {
            case 0x0A:
                longest = max(longest, line)
                line = 0
            case 0x80 ..< 0xC0: continue  // a continuation byte
            case 0xE2...: line += 2.1  // a character of three bytes or more: CJK, full-width signs
            default: line += 1.1
            }
        }
        return max(longest, line)
    }

    /// The lines of text, counted by its line breaks.
    static func breaks(_ text: String) -> Int { text.utf8.reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) } }
}
