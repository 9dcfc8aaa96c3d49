import Foundation
import Mustache

/// Escaping for the Markdown twins (`{{% CONTENT_TYPE: MARKDOWN }}` in a template): a value can
/// neither become HTML markup nor Markdown syntax, and a `|` or line break cannot break a table.
struct MarkdownContentType: MustacheContentType {
    func escapeText(_ text: String) -> String { MarkdownText.escape(text) }
}

enum MarkdownText {
    private static let escaped: [Character: String] = [
        "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_", "[": "\\[", "]": "\\]", "|": "\\|",
        "<": "&lt;", ">": "&gt;", "&": "&amp;", "#": "\\#", "~": "\\~",
    ]

    /// One value as literal text on one line (inside a table cell or a heading).
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var pendingBreak = false
        for character in text.trimmingCharacters(in: .whitespacesAndNewlines) {
            if character.isNewline {
                pendingBreak = true
                continue
            }
            if pendingBreak {
                out += "<br>"
                pendingBreak = false
            }
            if let replacement = escaped[character] { out += replacement } else { out.append(character) }
        }
        return out
    }

    /// A Markdown field placed as a block of its own in a Markdown twin: kept as Markdown, with raw
    /// HTML neutralised unless the site allows it.
    static func block(_ markdown: String, unsafe: Bool) -> String {
        let trimmed = markdown.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !unsafe else { return trimmed }
        let text = trimmed.replacingOccurrences(of: "<", with: "&lt;")
        let range = NSRange(text.startIndex..., in: text)
        return dangerousLink.stringByReplacingMatches(in: text, range: range, withTemplate: "](#")
    }

    /// A link destination with a scheme that runs code or reads local files.
    private static let dangerousLink = try! NSRegularExpression(
        pattern: #"\]\(\s*(?:javascript|vbscript|data|file):"#, options: [.caseInsensitive])

    static let registered: Void = MustacheContentTypes.register(MarkdownContentType(), named: "MARKDOWN")
}
