/// Trimming without Foundation's bridging to NSString, which costs more than the rest of reading a
/// field. Whitespace is Unicode's White_Space, the set Foundation's `.whitespacesAndNewlines` holds,
/// the ideographic space U+3000 included.
public enum Trim {
    public static func whitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !isWhitespace(first), !isWhitespace(last) { return text }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, isWhitespace(scalars[start]) { start = scalars.index(after: start) }
        while end > start, isWhitespace(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(Substring(scalars[start ..< end]))
    }

    public static func isBlank<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.allSatisfy(isWhitespace)
    }

    /// For a string, decided by its first character in most cases (called for every field read).
    public static func isBlank(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first else { return true }
        return isWhitespace(first) && text.unicodeScalars.allSatisfy(isWhitespace)
    }

    /// Unicode's White_Space property, spelled out: looking it up costs more than the comparison.
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09 ... 0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000 ... 0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }
}
