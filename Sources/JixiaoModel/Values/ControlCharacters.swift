/// Control characters (Unicode's Cc: NUL, ESC, DEL, the C1 range …) in content and in messages. Content
/// may hold tabs and line breaks and no other: the rest are invisible in an editor and can rewrite a
/// terminal or break a page. A message shows them escaped, so that a file named with a line break or
/// ESC cannot forge or hide a diagnostic line.
public enum ControlCharacters {
    /// A control character content may not hold: any Cc but tab, line feed and carriage return (which a
    /// line break in a table cell may keep).
    public static func isRefused(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A, 0x0D: false
        case 0x00 ... 0x1F, 0x7F ... 0x9F: true
        default: false
        }
    }

    /// The first refused character of `text`, with its line and column (1-based, in characters), or `nil`.
    public static func first(in text: String) -> (scalar: Unicode.Scalar, line: Int, column: Int)? {
        // Bytes first: control characters are rare, and checking the bytes is far cheaper.
        guard ByteScan.contains(text, where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F || $0 == 0xC2 }) else { return nil }
        var line = 1, column = 1
        for scalar in text.unicodeScalars {
            if isRefused(scalar) { return (scalar, line, column) }
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return nil
    }

    /// `U+001B`, as messages name a character.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// The text with every control character and line or paragraph separator escaped (`\n`, `\t`,
    /// `\u{1B}`), so that it stays on one line and shows what it holds.
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            guard needsEscape(scalar) else {
                out.append(scalar)
                continue
            }
            let escape = switch scalar {
            case "\n": "\\n"
            case "\r": "\\r"
            case "\t": "\\t"
            default: "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
            out.append(contentsOf: escape.unicodeScalars)
        }
        return String(out)
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F ... 0x9F).contains(scalar.value) || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
