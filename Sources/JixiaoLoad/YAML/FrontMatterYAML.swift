/// Reads the YAML that front matter is made of, fast: block mappings and sequences, plain,
/// single- and double-quoted scalars on one line, literal block scalars (`|`, `|-`, `|+`), and
/// one-line flow mappings and sequences of scalars. Anything else (anchors, tags, folded or
/// multi-line scalars, nested flow collections, deep nesting, tabs and control characters, errors)
/// returns `nil`, and the file goes to `YAMLGuard` and Yams instead. Both give the same values and
/// positions; the tests hold them to it.
package struct FrontMatterYAML {
    private let bytes: [UInt8]
    private var lines: [Line] = []
    private var index = 0
    /// Collections open around the current line: past `YAMLGuard.maxDepth` the guard and Yams take over.
    private var depth = 0
    /// Keys written again in the same mapping: the first value stands, every repetition is reported.
    private var duplicates: [DuplicateKey] = []

    private struct Line {
        let start: Int
        let end: Int
        /// Leading spaces.
        let indent: Int
        let number: Int
        /// Only spaces, or a comment.
        let ignorable: Bool
    }

    /// Thrown (and caught by `parse`) where the fast reader stops and Yams takes over.
    private struct Unsupported: Error {}

    /// The document's value when it has no key written twice (what Yams would read too).
    static func parse(_ text: String) -> YAMLValue? {
        read(text).flatMap { $0.duplicates.isEmpty ? $0.value : nil }
    }

    /// The document's value and the keys written more than once in a mapping (Yams stops at the first
    /// of them, and places it at the key's first occurrence).
    static func read(_ text: String) -> (value: YAMLValue, duplicates: [DuplicateKey])? {
        let bytes = Array(text.utf8)
        guard !needsYams(bytes) else { return nil }
        var reader = FrontMatterYAML(bytes: bytes)
        guard let value = try? reader.document() else { return nil }
        return (value, reader.duplicates)
    }

    /// Characters whose reading YAML defines in ways this reader does not follow, left to Yams: tabs
    /// (separation, indentation, before comments), carriage returns, other control characters and
    /// U+007F, the Unicode line breaks U+0085, U+2028 and U+2029, and a byte-order mark.
    static func needsYams(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { bytes in
            for offset in bytes.indices {
                let byte = bytes[offset]
                // Printable ASCII and most of UTF-8 first: they are nearly every byte.
                if byte >= 0x20 && byte < 0x7F || byte >= 0x80 && byte != 0xC2 && byte != 0xE2 && byte != 0xEF { continue }
                switch byte {
                case 0x0A: continue
                case 0x00 ... 0x1F, 0x7F: return true
                case 0xC2 where offset + 1 < bytes.count && bytes[offset + 1] == 0x85: return true
                case 0xE2 where offset + 2 < bytes.count && bytes[offset + 1] == 0x80 && (bytes[offset + 2] == 0xA8 || bytes[offset + 2] == 0xA9):
                    return true
                case 0xEF where offset + 2 < bytes.count && bytes[offset + 1] == 0xBB && bytes[offset + 2] == 0xBF: return true
                default: continue
                }
            }
            return false
        }
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    // MARK: Lines

    private mutating func document() throws -> YAMLValue {
        var breaks = 0
        for byte in bytes where byte == 0x0A { breaks += 1 }
        lines.reserveCapacity(breaks + 1)
        var start = 0, number = 1
        while start <= bytes.count {
            var end = start
            while end < bytes.count, bytes[end] != 0x0A { end += 1 }
            var indent = 0
            while start + indent < end, bytes[start + indent] == 0x20 { indent += 1 }
            let first = start + indent < end ? bytes[start + indent] : nil
            lines.append(Line(start: start, end: end, indent: indent, number: number, ignorable: first == nil || first == 0x23))
            start = end + 1
            number += 1
        }
        skipIgnorable()
        guard index < lines.count, lines[index].indent == 0 else { throw Unsupported() }
        let value = try block(indent: 0)
        skipIgnorable()
        guard index == lines.count else { throw Unsupported() }
        return value
    }

    private mutating func skipIgnorable() {
        while index < lines.count, lines[index].ignorable { index += 1 }
    }

    /// The next line that is not blank or a comment, without moving to it.
    private func nextContentLine() -> Line? {
        var next = index
        while next < lines.count, lines[next].ignorable { next += 1 }
        return next < lines.count ? lines[next] : nil
    }

    private func position(_ line: Line, _ offset: Int) -> YAMLPosition {
        var column = 1
        for byte in bytes[line.start ..< offset] where byte & 0xC0 != 0x80 { column += 1 }
        return YAMLPosition(line: line.number, column: column)
    }

    private func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }

    // MARK: Blocks

    /// A mapping or sequence whose lines start at `indent`; the current line is its first.
    private mutating func block(indent: Int) throws -> YAMLValue {
        let line = lines[index]
        let first = line.start + indent
        if bytes[first] == UInt8(ascii: "-"), first + 1 == line.end || bytes[first + 1] == 0x20 {
            return try sequence(indent: indent)
        }
        return try mapping(indent: indent, firstKeyAt: first)
    }

    /// A block mapping: its first key at `firstKeyAt` on the current line, the others at `indent`.
    private mutating func mapping(indent: Int, firstKeyAt: Int) throws -> YAMLValue {
        depth += 1
        defer { depth -= 1 }
        if depth > YAMLGuard.maxDepth { throw Unsupported() }
        var pairs: [YAMLPair] = []
        pairs.reserveCapacity(8)
        var keys = SeenKeys()
        var keyStart = firstKeyAt
        let mappingPosition = position(lines[index], keyStart)
        while true {
            let line = lines[index]
            let (key, afterColon) = try self.key(in: line, at: keyStart)
            let keyPosition = position(line, keyStart)
            let value = try self.value(in: line, after: afterColon, parentIndent: indent)
            if let first = keys.first(key, at: keyPosition) {
                duplicates.append(DuplicateKey(key: key, position: keyPosition, first: first))
            } else {
                pairs.append(YAMLPair(key: key, keyPosition: keyPosition, value: value))
            }
            guard let next = nextContentLine(), next.indent >= indent else { break }
            guard next.indent == indent else { throw Unsupported() }
            skipIgnorable()
            keyStart = next.start + indent
            if bytes[keyStart] == UInt8(ascii: "-"), keyStart + 1 == next.end || bytes[keyStart + 1] == 0x20 {
                throw Unsupported()  // a list item where a key belongs
            }
        }
        return .mapping(pairs, at: mappingPosition)
    }

    /// A block sequence of `- item` lines at `indent`.
    private mutating func sequence(indent: Int) throws -> YAMLValue {
        depth += 1
        defer { depth -= 1 }
        if depth > YAMLGuard.maxDepth { throw Unsupported() }
        var items: [YAMLValue] = []
        let sequencePosition = position(lines[index], lines[index].start + indent)
        while true {
            let line = lines[index]
            var content = line.start + indent + 1
            while content < line.end, bytes[content] == 0x20 { content += 1 }
            if content == line.end || bytes[content] == UInt8(ascii: "#") || bytes[content] == UInt8(ascii: "-") {
                throw Unsupported()  // an empty item, or a list in a list
            }
            if (try? key(in: line, at: content)) != nil {
                items.append(try mapping(indent: content - line.start, firstKeyAt: content))
            } else {
                items.append(try inlineValue(in: line, at: content, parentIndent: indent))
            }
            guard let next = nextContentLine(), next.indent >= indent else { break }
            let dash = next.start + indent
            guard next.indent == indent, bytes[dash] == UInt8(ascii: "-"), dash + 1 == next.end || bytes[dash + 1] == 0x20 else {
                if next.indent == indent { break }  // the enclosing mapping's next key
                throw Unsupported()
            }
            skipIgnorable()
        }
        return .sequence(items, at: sequencePosition)
    }

    // MARK: Keys and values

    /// A key (`name:`, `"quoted key":`) at `start`; returns it and the offset just after its colon.
    private func key(in line: Line, at start: Int) throws -> (String, Int) {
        let first = bytes[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let (key, end) = try quoted(in: line, at: start)
            var colon = end
            while colon < line.end, bytes[colon] == 0x20 { colon += 1 }
            guard colon < line.end, bytes[colon] == UInt8(ascii: ":"), colon + 1 == line.end || bytes[colon + 1] == 0x20 else { throw Unsupported() }
            return (key, colon + 1)
        }
        guard !Self.isIndicator(first) else { throw Unsupported() }
        var cursor = start
        while cursor < line.end {
            let byte = bytes[cursor]
            if byte == UInt8(ascii: ":"), cursor + 1 == line.end || bytes[cursor + 1] == 0x20 {
                var end = cursor
                while end > start, bytes[end - 1] == 0x20 { end -= 1 }
                return (text(start ..< end), cursor + 1)
            }
            if byte == UInt8(ascii: "#"), cursor > start, bytes[cursor - 1] == 0x20 { throw Unsupported() }
            cursor += 1
        }
        throw Unsupported()
    }

    /// The value after `key:`: on the same line, or the block on the lines below.
    private mutating func value(in line: Line, after colon: Int, parentIndent: Int) throws -> YAMLValue {
        var start = colon
        while start < line.end, bytes[start] == 0x20 { start += 1 }
        if start < line.end, bytes[start] != UInt8(ascii: "#") {
            return try inlineValue(in: line, at: start, parentIndent: parentIndent)
        }
        // Nothing on the line: a block below, a list at the same indent, or no value.
        index += 1
        if let next = nextContentLine() {
            let dash = next.start + next.indent
            if next.indent > parentIndent {
                skipIgnorable()
                return try block(indent: next.indent)
            }
            if next.indent == parentIndent, bytes[dash] == UInt8(ascii: "-"), dash + 1 == next.end || bytes[dash + 1] == 0x20 {
                skipIgnorable()
                return try sequence(indent: parentIndent)
            }
        }
        return .scalar("", plain: true, at: position(line, colon))
    }

    /// A value that starts on this line at `start`. Moves past the lines it takes.
    private mutating func inlineValue(in line: Line, at start: Int, parentIndent: Int) throws -> YAMLValue {
        let here = position(line, start)
        let value: YAMLValue
        switch bytes[start] {
        case UInt8(ascii: "|"):
            let text = try literal(in: line, header: start, parentIndent: parentIndent)
            return .scalar(text, plain: false, at: here)
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let (text, end) = try quoted(in: line, at: start)
            try expectLineEnd(line, from: end)
            value = .scalar(text, plain: false, at: here)
        case UInt8(ascii: "{"), UInt8(ascii: "["):
            value = try flow(in: line, at: start)
        default:
            value = .scalar(try plain(in: line, at: start), plain: true, at: here)
        }
        index += 1
        // A more indented line after a one-line value would continue it: left to Yams.
        if let next = nextContentLine(), next.indent > parentIndent { throw Unsupported() }
        return value
    }

    /// YAML's indicator characters (`-?:,[]{}#&*!|>'"%@\``), as a switch: a set hashed each byte.
    private static func isIndicator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "-"), UInt8(ascii: "?"), UInt8(ascii: ":"), UInt8(ascii: ","), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "{"),
             UInt8(ascii: "}"), UInt8(ascii: "#"), UInt8(ascii: "&"), UInt8(ascii: "*"), UInt8(ascii: "!"), UInt8(ascii: "|"), UInt8(ascii: ">"),
             UInt8(ascii: "'"), UInt8(ascii: "\""), UInt8(ascii: "%"), UInt8(ascii: "@"), UInt8(ascii: "`"): true
        default: false
        }
    }

    /// A plain scalar to the end of the line or a ` #` comment, trailing spaces dropped.
    private func plain(in line: Line, at start: Int) throws -> String {
        let first = bytes[start]
        if Self.isIndicator(first) {
            // `-`, `?` and `:` may start a plain scalar when a non-space follows (`-5`).
            guard first == UInt8(ascii: "-") || first == UInt8(ascii: "?") || first == UInt8(ascii: ":"),
                  start + 1 < line.end, bytes[start + 1] != 0x20 else { throw Unsupported() }
        }
        var end = start
        while end < line.end {
            let byte = bytes[end]
            if byte == UInt8(ascii: "#"), bytes[end - 1] == 0x20 { break }
            if byte == UInt8(ascii: ":"), end + 1 == line.end || bytes[end + 1] == 0x20 { throw Unsupported() }
            end += 1
        }
        while end > start, bytes[end - 1] == 0x20 { end -= 1 }
        return text(start ..< end)
    }

    /// Only spaces, or spaces and a comment, from `offset` to the end of the line.
    private func expectLineEnd(_ line: Line, from offset: Int) throws {
        var cursor = offset
        while cursor < line.end, bytes[cursor] == 0x20 { cursor += 1 }
        guard cursor == line.end || bytes[cursor] == UInt8(ascii: "#") else { throw Unsupported() }
    }

    /// A quoted scalar that closes on this line; returns it and the offset after the closing quote.
    private func quoted(in line: Line, at start: Int) throws -> (String, Int) {
        let quote = bytes[start]
        // Most quoted text has no escape: it is the bytes up to the closing quote, taken at once.
        let escape = quote == UInt8(ascii: "'") ? quote : UInt8(ascii: "\\")
        var close = start + 1
        while close < line.end, bytes[close] != quote, bytes[close] != escape { close += 1 }
        guard close < line.end else { throw Unsupported() }  // closes on a later line
        if bytes[close] == quote, quote != UInt8(ascii: "'") || close + 1 == line.end || bytes[close + 1] != quote {
            return (text(start + 1 ..< close), close + 1)
        }
        var out = Array(bytes[start + 1 ..< close])
        var cursor = close
        while cursor < line.end {
            let byte = bytes[cursor]
            if quote == UInt8(ascii: "'") {
                if byte == quote {
                    if cursor + 1 < line.end, bytes[cursor + 1] == quote {
                        out.append(quote)
                        cursor += 2
                        continue
                    }
                    return (String(decoding: out, as: UTF8.self), cursor + 1)
                }
                out.append(byte)
                cursor += 1
                continue
            }
            if byte == quote { return (String(decoding: out, as: UTF8.self), cursor + 1) }
            guard byte == UInt8(ascii: "\\") else {
                out.append(byte)
                cursor += 1
                continue
            }
            guard cursor + 1 < line.end else { throw Unsupported() }
            let escape = bytes[cursor + 1]
            cursor += 2
            switch escape {
            case UInt8(ascii: "0"): out.append(0)
            case UInt8(ascii: "a"): out.append(7)
            case UInt8(ascii: "b"): out.append(8)
            case UInt8(ascii: "t"), 0x09: out.append(9)
            case UInt8(ascii: "n"): out.append(10)
            case UInt8(ascii: "v"): out.append(11)
            case UInt8(ascii: "f"): out.append(12)
            case UInt8(ascii: "r"): out.append(13)
            case UInt8(ascii: "e"): out.append(0x1B)
            case 0x20, UInt8(ascii: "\""), UInt8(ascii: "/"), UInt8(ascii: "\\"): out.append(escape)
            case UInt8(ascii: "N"): out += Array("\u{85}".utf8)
            case UInt8(ascii: "_"): out += Array("\u{A0}".utf8)
            case UInt8(ascii: "L"): out += Array("\u{2028}".utf8)
            case UInt8(ascii: "P"): out += Array("\u{2029}".utf8)
            case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
                let length = escape == UInt8(ascii: "x") ? 2 : escape == UInt8(ascii: "u") ? 4 : 8
                guard cursor + length <= line.end, let value = UInt32(text(cursor ..< cursor + length), radix: 16),
                      let scalar = Unicode.Scalar(value) else { throw Unsupported() }
                out += Array(String(scalar).utf8)
                cursor += length
            default:
                throw Unsupported()
            }
        }
        throw Unsupported()  // closes on a later line
    }

    /// A literal block scalar (`|`, `|-`, `|+`) whose header is at `header`; consumes its lines.
    private mutating func literal(in line: Line, header: Int, parentIndent: Int) throws -> String {
        var cursor = header + 1
        var chomping = UInt8(ascii: " ")
        if cursor < line.end, bytes[cursor] == UInt8(ascii: "-") || bytes[cursor] == UInt8(ascii: "+") {
            chomping = bytes[cursor]
            cursor += 1
        }
        try expectLineEnd(line, from: cursor)
        index += 1
        // The first line with text sets the indentation; blank lines before it may not be longer.
        var first = index
        while first < lines.count, isBlank(lines[first]) { first += 1 }
        guard first < lines.count, lines[first].indent > parentIndent else {
            throw Unsupported()  // empty block scalar: rare, left to Yams
        }
        let indent = lines[first].indent
        var contentLines: [String] = []
        var lastText = first
        while index < lines.count {
            let current = lines[index]
            if isBlank(current) {
                // Spaces beyond the indentation on a blank line are text or not by rules left to Yams.
                if current.end - current.start > indent { throw Unsupported() }
                contentLines.append("")
            } else if current.indent >= indent {
                contentLines.append(text(current.start + indent ..< current.end))
                lastText = index
            } else {
                break
            }
            index += 1
        }
        // Lines after the last one with text are chomped; a line break counts only where the
        // document has one (its last line has none).
        let trailing = index - 1 - lastText
        let body = contentLines.dropLast(trailing).joined(separator: "\n")
        let lastLine = lines.count - 1
        let hasBreak = { (line: Int) in line < lastLine }
        let finalBreak = hasBreak(lastText) ? "\n" : ""
        switch chomping {
        case UInt8(ascii: "-"):
            return body
        case UInt8(ascii: "+"):
            let kept = (lastText + 1 ..< index).filter(hasBreak).count
            return body + finalBreak + String(repeating: "\n", count: kept)
        default:
            return body + finalBreak
        }
    }

    private func isBlank(_ line: Line) -> Bool { line.indent == line.end - line.start }

    /// A flow mapping `{key: value, …}` or sequence `[a, b]` of scalars on one line.
    private mutating func flow(in line: Line, at start: Int) throws -> YAMLValue {
        if depth >= YAMLGuard.maxDepth { throw Unsupported() }
        let isMapping = bytes[start] == UInt8(ascii: "{")
        let close = isMapping ? UInt8(ascii: "}") : UInt8(ascii: "]")
        var cursor = start + 1
        var pairs: [YAMLPair] = []
        var items: [YAMLValue] = []
        var keys = SeenKeys()
        var repeated: [DuplicateKey] = []
        func skipSpaces() { while cursor < line.end, bytes[cursor] == 0x20 { cursor += 1 } }
        func scalar() throws -> YAMLValue {
            let here = position(line, cursor)
            guard cursor < line.end else { throw Unsupported() }
            if bytes[cursor] == UInt8(ascii: "\"") || bytes[cursor] == UInt8(ascii: "'") {
                let (text, end) = try quoted(in: line, at: cursor)
                cursor = end
                return .scalar(text, plain: false, at: here)
            }
            // `-` may start a plain scalar when a non-space follows (`-5`); `- a` is a block entry, an error here.
            guard !Self.isIndicator(bytes[cursor])
                || (bytes[cursor] == UInt8(ascii: "-") && cursor + 1 < line.end && bytes[cursor + 1] != 0x20)
            else { throw Unsupported() }
            let begin = cursor
            while cursor < line.end {
                let byte = bytes[cursor]
                if byte == UInt8(ascii: ",") || byte == close || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                    || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}") { break }
                if byte == UInt8(ascii: ":"), cursor + 1 < line.end, bytes[cursor + 1] == 0x20 || bytes[cursor + 1] == UInt8(ascii: ",") || bytes[cursor + 1] == close { break }
                if byte == UInt8(ascii: "#"), bytes[cursor - 1] == 0x20 { throw Unsupported() }
                cursor += 1
            }
            var end = cursor
            while end > begin, bytes[end - 1] == 0x20 { end -= 1 }
            guard end > begin else { throw Unsupported() }
            return .scalar(text(begin ..< end), plain: true, at: here)
        }
        skipSpaces()
        if cursor < line.end, bytes[cursor] == close {
            cursor += 1
        } else {
            while true {
                skipSpaces()
                if isMapping {
                    let keyPosition = position(line, cursor)
                    guard case let .scalar(key, _, _) = try scalar() else { throw Unsupported() }
                    skipSpaces()
                    guard cursor + 1 < line.end, bytes[cursor] == UInt8(ascii: ":"), bytes[cursor + 1] == 0x20 else { throw Unsupported() }
                    cursor += 1
                    skipSpaces()
                    let value = try scalar()
                    if let first = keys.first(key, at: keyPosition) {
                        repeated.append(DuplicateKey(key: key, position: keyPosition, first: first))
                    } else {
                        pairs.append(YAMLPair(key: key, keyPosition: keyPosition, value: value))
                    }
                } else {
                    items.append(try scalar())
                }
                skipSpaces()
                guard cursor < line.end else { throw Unsupported() }
                if bytes[cursor] == close {
                    cursor += 1
                    break
                }
                guard bytes[cursor] == UInt8(ascii: ",") else { throw Unsupported() }
                cursor += 1
                skipSpaces()
                if cursor < line.end, bytes[cursor] == close { throw Unsupported() }  // a trailing comma
            }
        }
        try expectLineEnd(line, from: cursor)
        duplicates += repeated
        let here = position(line, start)
        return isMapping ? .mapping(pairs, at: here) : .sequence(items, at: here)
    }
}
