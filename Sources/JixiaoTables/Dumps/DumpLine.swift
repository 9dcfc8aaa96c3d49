import Foundation
import JixiaoModel


/// One cell of a dump line: its text without markup and surrounding spaces, and the column (1-based, in
/// characters) where it starts.
package struct DumpCell: Sendable {
    var text: String
    var column: Int
}

package struct DumpLine: Sendable {
    var number: Int
    var cells: [DumpCell]

    var isBlank: Bool { cells.allSatisfy { $0.text.isEmpty } }

    /// The line's text, cells separated by ` | `, for messages.
    var shown: String {
        let text = cells.map(\.text).filter { !$0.isEmpty }.joined(separator: " | ")
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }

    static func split(_ text: String) -> [DumpLine] {
        var text = Substring(text)
        if text.hasPrefix("\u{FEFF}") { text = text.dropFirst() }
        let raw = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" })
        return raw.enumerated().map { index, line in
            var cells: [DumpCell] = []
            var column = 1
            for piece in line.split(separator: "\t", omittingEmptySubsequences: false) {
                cells.append(DumpCell(text: clean(piece), column: column))
                column += piece.count + 1
            }
            return DumpLine(number: index + 1, cells: cells)
        }
    }

    /// Drops HTML tags (`<p>…</p>`) and decodes the entities that dumps of web pages keep.
    static func clean(_ piece: Substring) -> String {
        HTMLFragments.plainText(piece).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
