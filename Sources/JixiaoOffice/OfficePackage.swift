import Foundation
import ZIPFoundation

/// The ZIP package of an office file, written in memory with the same bytes every time: its parts in
/// the order given, each dated 1980-01-01 (the earliest date a ZIP holds).
enum OfficePackage {
    static let fixedDate = Date(timeIntervalSince1970: 315_532_800 + 86_400)

    static func zip(_ parts: [(path: String, text: String)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for part in parts {
            let data = Data(part.text.utf8)
            try archive.addEntry(with: part.path, type: .file, uncompressedSize: Int64(data.count), modificationDate: fixedDate,
                                 permissions: 0o644, compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position) ..< Int(position) + size)
            }
        }
        guard let data = archive.data else { throw CocoaError(.fileWriteUnknown) }
        return data
    }
}

/// Text as XML writes it in element content and attribute values.
enum XMLText {
    static func escaped(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
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

/// How wide text is in a spreadsheet column: a CJK character about two digits, wrapped text at most
/// `limit` wide.
enum TextWidth {
    static func of(_ text: String) -> Double {
        let longestLine = text.split(separator: "\n").map { line in
            line.unicodeScalars.reduce(0.0) { width, scalar in width + (scalar.value >= 0x2E80 ? 2.1 : 1.1) }
        }.max() ?? 0
        return longestLine
    }
}
