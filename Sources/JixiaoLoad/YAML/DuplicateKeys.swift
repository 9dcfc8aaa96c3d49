import JixiaoModel

/// A key written again in the same mapping, where it is written again and where first.
package struct DuplicateKey: Equatable {
    var key: String
    var position: YAMLPosition
    var first: YAMLPosition

    func diagnostic(file: String, lineOffset: Int) -> Diagnostic {
        .error(.duplicateKey, "key `\(Excerpt.of(key))` is written twice in this mapping (first on line \(first.line + lineOffset)): give each key once",
               at: SourceLocation(file: file, line: position.line + lineOffset, column: position.column))
    }
}

/// Yams stops at the first mapping with a repeated key and points at the key's first occurrence. To
/// report every repetition where it is written, the later occurrences of that key are found in the text
/// (the block mapping's lines at the key's indentation, or the rest of its line in a flow mapping),
/// renamed in a copy, and Yams is asked again, until it finds none.
enum DuplicateKeys {
    /// The later occurrences of `key`, whose first occurrence Yams found at `first`, in the mapping
    /// that holds it; empty when the text is not laid out so that they can be found.
    static func later(_ key: String, first: YAMLPosition, in lines: [Substring]) -> [(line: Int, range: Range<String.Index>)] {
        guard first.line >= 1, first.line <= lines.count else { return [] }
        let firstLine = lines[first.line - 1]
        let scalars = firstLine.unicodeScalars
        guard first.column >= 1, first.column <= scalars.count else { return [] }
        let keyStart = scalars.index(scalars.startIndex, offsetBy: first.column - 1)
        let before = firstLine[..<keyStart]
        var found: [(line: Int, range: Range<String.Index>)] = []
        if before.allSatisfy({ $0 == " " || $0 == "-" }) {
            // A block mapping: its keys start at this column, on lines indented this far.
            let indent = before.count
            for number in first.line ..< lines.count {
                let line = lines[number]
                let spaces = line.prefix { $0 == " " }.count
                let rest = line.dropFirst(spaces)
                if rest.isEmpty || rest.hasPrefix("#") || spaces > indent { continue }
                if spaces < indent { break }
                if rest.hasPrefix("- ") || rest == "-" { continue }  // a list that is a key's value
                if let range = keyRange(key, in: rest) { found.append((number + 1, range)) }
            }
        } else {
            // A flow mapping: the keys after this one on the same line.
            var rest = firstLine[keyStart...].dropFirst()
            while let comma = rest.firstIndex(where: { $0 == "," || $0 == "{" }) {
                rest = rest[rest.index(after: comma)...]
                let start = rest.drop { $0 == " " }
                if let range = keyRange(key, in: start) { found.append((first.line, range)) }
            }
        }
        return found
    }

    /// Where `key` is written at the start of `text` (plain, or in single or double quotes) followed by
    /// its colon.
    private static func keyRange(_ key: String, in text: Substring) -> Range<String.Index>? {
        for spelling in [key, "\"\(key)\"", "'\(key)'"] where text.hasPrefix(spelling) {
            let end = text.index(text.startIndex, offsetBy: spelling.count)
            let after = text[end...].drop { $0 == " " }
            guard after.first == ":" else { continue }
            let next = after.dropFirst().first
            if next == nil || next == " " || next == "," || next == "}" { return text.startIndex ..< end }
        }
        return nil
    }
}

/// The keys of one mapping read so far, to tell a repeated one. Searched in order while the mapping is
/// small (most hold a dozen keys, and hashing each cost more than comparing them), in a table once it
/// grows, so that a mapping of many keys is not searched from the start for each.
struct SeenKeys {
    private var list: [(key: String, position: YAMLPosition)] = []
    private var table: [String: YAMLPosition]?
    private static let listed = 16

    /// Where `key` was first written, or `nil` when it is new (it is then recorded at `position`).
    mutating func first(_ key: String, at position: YAMLPosition) -> YAMLPosition? {
        if table != nil {
            if let first = table![key] { return first }
            table![key] = position
            return nil
        }
        for index in list.indices where list[index].key == key { return list[index].position }
        if list.isEmpty { list.reserveCapacity(Self.listed) }
        list.append((key, position))
        if list.count > Self.listed {
            table = Dictionary(list, uniquingKeysWith: { first, _ in first })
            list = []
        }
        return nil
    }
}
