import Foundation
import JixiaoModel

/// Writes YAML scalars the way a person would: plain where that reads back as the same text,
/// double-quoted where it would not, and block scalars for text of several lines.
package enum YAMLText {
    /// `key: value` at `indent` spaces, `key` one of `set`'s fields: a number where the field holds one
    /// and the value reads as one (`1,200.50` is written `1200.50`), else text; multi-line text becomes a
    /// `|` block.
    static func field(_ key: String, _ value: String, of set: FieldSet, indent: Int = 0) -> String {
        guard let field = set.field(key) else { preconditionFailure("`\(key)` is not a field of \(set.kind)") }
        if field.type.isNumeric, let amount = Amount(parsing: value) {
            return "\(String(repeating: " ", count: indent))\(key): \(amount.text)\n"
        }
        return text(key, value, indent: indent)
    }

    /// `key: value` at `indent` spaces; multi-line text becomes a `|` block.
    static func text(_ key: String, _ value: String, indent: Int = 0) -> String {
        let pad = String(repeating: " ", count: indent)
        // Line ends as YAML reads them: "\r\n" and "\r" are line breaks too.
        let text = value.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        if text.contains("\n") {
            let lines = text.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false)
            let body = lines.map { $0.isEmpty ? "" : pad + "  " + $0 }.joined(separator: "\n")
            // A first line that starts with a space needs the indentation stated (`|2-`).
            let indicator = lines.first { !$0.isEmpty }?.first?.isWhitespace == true ? "2" : ""
            return "\(pad)\(key): |\(indicator)-\n\(body)\n"
        }
        return "\(pad)\(key): \(scalar(value))\n"
    }

    /// One-line text as a YAML scalar that reads back as exactly this text.
    static func scalar(_ text: String) -> String {
        isPlainSafe(text) ? text : quoted(text)
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for character in text {
            switch character {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default: out.append(character)
            }
        }
        return out + "\""
    }

    private static let reserved: Set<String> = ["true", "false", "yes", "no", "on", "off", "null", "~", "y", "n"]

    private static func isPlainSafe(_ text: String) -> Bool {
        guard let first = text.first, let last = text.last else { return false }
        if first.isWhitespace || last.isWhitespace { return false }
        if "-?:,[]{}#&*!|>'\"%@`≥≤<>=".contains(first) { return false }
        if text.contains(": ") || text.contains(" #") || text.hasSuffix(":") { return false }
        if reserved.contains(text.lowercased()) { return false }
        // Anything that starts like a number is quoted, so that codes keep their leading zeros.
        if first.isASCII && (first.isNumber || first == "." || first == "+") { return false }
        return !text.contains(where: { $0.unicodeScalars.contains { $0.properties.generalCategory == .control } })
    }
}
