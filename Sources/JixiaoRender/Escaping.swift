import Foundation
import JixiaoModel

/// Escaping for the Markdown twins (`{{% CONTENT_TYPE: MARKDOWN }}` in a template): a value can
/// neither become HTML markup nor Markdown syntax, and a `|` or line break cannot break a table.
package enum MarkdownText {
    /// One value as literal text on one line (inside a table cell or a heading): surrounding
    /// whitespace dropped, each run of line breaks made one `<br>`.
    @Sendable static func escape(_ text: String) -> String {
        let trimmed = Trim.whitespace(text)
        // On the bytes first: a byte of each character that needs work (the line breaks U+0085,
        // U+2028 and U+2029 start with 0xC2 and 0xE2), and of some that do not.
        guard ByteScan.contains(trimmed, where: mayNeedWork), trimmed.unicodeScalars.contains(where: needsWork) else { return trimmed }
        var out: [UInt8] = []
        out.reserveCapacity(trimmed.utf8.count + 16)
        var pendingBreak = false
        for scalar in trimmed.unicodeScalars {
            if isNewline(scalar) {
                pendingBreak = true
                continue
            }
            if pendingBreak {
                out.append(contentsOf: "<br>".utf8)
                pendingBreak = false
            }
            switch scalar {
            case "<": out.append(contentsOf: "&lt;".utf8)
            case ">": out.append(contentsOf: "&gt;".utf8)
            case "&": out.append(contentsOf: "&amp;".utf8)
            case "\\", "`", "*", "_", "[", "]", "|", "#", "~":
                out.append(UInt8(ascii: "\\"))
                out.append(UInt8(scalar.value))
            default: UTF8.encode(scalar) { out.append($0) }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func isNewline(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A ... 0x0D, 0x85, 0x2028, 0x2029: true
        default: false
        }
    }

    /// A byte of every character `needsWork` finds: the ASCII ones, and the first byte of the others.
    private static func mayNeedWork(_ byte: UInt8) -> Bool {
        switch byte {
        case 0x0A ... 0x0D, UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), UInt8(ascii: "\\"), UInt8(ascii: "`"), UInt8(ascii: "*"),
             UInt8(ascii: "_"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"), UInt8(ascii: "#"), UInt8(ascii: "~"), 0xC2, 0xE2: true
        default: false
        }
    }

    private static func needsWork(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "<", ">", "&", "\\", "`", "*", "_", "[", "]", "|", "#", "~": true
        default: isNewline(scalar)
        }
    }

    /// A Markdown field placed as a block of its own in a Markdown twin: kept as Markdown, with raw
    /// HTML neutralised unless the site allows it.
    static func block(_ markdown: String, unsafe: Bool) -> String {
        let trimmed = Trim.whitespace(markdown)
        guard !unsafe else { return trimmed }
        let text = ByteScan.contains(trimmed, UInt8(ascii: "<")) ? trimmed.replacingOccurrences(of: "<", with: "&lt;") : trimmed
        guard ByteScan.contains(text, UInt8(ascii: "(")) else { return text }
        let range = NSRange(text.startIndex..., in: text)
        return dangerousLink.stringByReplacingMatches(in: text, range: range, withTemplate: "](#")
    }

    /// A link destination with a scheme that runs code or reads local files.
    private static let dangerousLink = try! NSRegularExpression(
        pattern: #"\]\(\s*(?:javascript|vbscript|data|file):"#, options: [.caseInsensitive])
}

/// Escaping for text placed in a style sheet.
package enum CSSText {
    /// A quoted CSS string holding `text` literally. Every ASCII character other than a letter, digit
    /// or space, and every control character, becomes a hex escape (`\3c `), so that the string can
    /// neither end early, nor end its `<style>` element, nor hold a line break.
    static func string(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0:
                out += "\\fffd "
            case 0x30 ... 0x39, 0x41 ... 0x5A, 0x61 ... 0x7A, 0x20:
                out.unicodeScalars.append(scalar)
            case 0x01 ... 0x7F, 0x80 ... 0x9F, 0x2028, 0x2029:
                out += "\\" + String(scalar.value, radix: 16) + " "
            default:
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
