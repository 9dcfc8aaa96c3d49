/// Trimming without Foundation's bridging to NSString, which costs more than the rest of reading a
/// field. Whitespace is Unicode's White_Space, the set Foundation's `.whitespacesAndNewlines` holds,
/// the ideographic space U+3000 included.
enum Trim {
    static func whitespace(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.first, let last = scalars.last else { return "" }
        if !first.properties.isWhitespace, !last.properties.isWhitespace { return text }
        var start = scalars.startIndex, end = scalars.endIndex
        while start < end, scalars[start].properties.isWhitespace { start = scalars.index(after: start) }
        while end > start, scalars[scalars.index(before: end)].properties.isWhitespace { end = scalars.index(before: end) }
        return String(String.UnicodeScalarView(scalars[start ..< end]))
    }

    static func isBlank<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.allSatisfy(\.properties.isWhitespace)
    }
}
