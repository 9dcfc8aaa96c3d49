/// Text quoted back in a message (a cell, a value, a key), cut to its first characters: a table's
/// 10 MB cell must not become a 10 MB message.
public enum Excerpt {
    /// The most characters quoted; longer text is cut and ends in "…".
    public static let maxCharacters = 60

    public static func of<S: StringProtocol>(_ text: S) -> String {
        // At most this many bytes cannot be more characters: the common case costs no walk.
        guard text.utf8.count > maxCharacters else { return String(text) }
        var end = text.startIndex
        for _ in 0 ..< maxCharacters {
            guard end < text.endIndex else { return String(text) }
            end = text.index(after: end)
        }
        return end == text.endIndex ? String(text) : String(text[..<end]) + "…"
    }
}
