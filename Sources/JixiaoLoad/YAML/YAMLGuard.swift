/// Finds, before any parser builds values, what content files may not use: anchors and aliases (a few
/// hundred bytes of `&a [*b, *b, …]` expand to millions of values, "billion laughs") and nesting deeper
/// than any content needs (libyaml's own limit is 1,000 levels, with a message about its internals).
///
/// It splits the text into tokens the way libyaml's scanner does (scanner.c), as far as that decides
/// where a token starts: comments, plain scalars over several lines, quoted scalars, block scalars and
/// the indentation and flow levels. So `7*24小时` or `A & B` inside a value are text, and `&a` or `*a`
/// where a value, key or list item starts are found. Where libyaml would report a syntax error the
/// guard only has to get past it: Yams reports it afterwards.
package struct YAMLGuard {
    package enum Finding: Equatable {
        /// `&name` or `*name` where a node starts.
        case anchorOrAlias(YAMLPosition, alias: Bool)
        /// A collection that opens more than `maxDepth` levels deep.
        case tooDeep(YAMLPosition)
    }

    /// Content nests three or four levels (a project's indicators, a source of funds, rules' grades).
    package static let maxDepth = 16

    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    /// 0-based, in characters, as libyaml counts columns.
    private var column = 0
    /// Block indentation columns of the open block collections (libyaml's `indents` and `indent`).
    private var indents: [Int] = []
    private var flowLevel = 0
    private var simpleKeyAllowed = true
    /// Where a key may start: the first token of a node on the current line (libyaml's simple key).
    private var simpleKey: (line: Int, column: Int)?

    /// The first thing in `text` that content files may not use, or `nil`.
    package static func check(_ text: String) -> Finding? {
        var scanner = YAMLGuard(bytes: Array(text.utf8))
        return scanner.scan()
    }

    private init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    private var indent: Int { indents.last ?? -1 }
    private var here: YAMLPosition { YAMLPosition(line: line, column: column + 1) }

    private func byte(at offset: Int = 0) -> UInt8? {
        index + offset < bytes.count ? bytes[index + offset] : nil
    }

    private func isBreak(_ byte: UInt8?) -> Bool { byte == 0x0A || byte == 0x0D }
    private func isBlank(_ byte: UInt8?) -> Bool { byte == 0x20 || byte == 0x09 }
    /// A blank, a line break or the end of the text.
    private func isBlankZ(_ byte: UInt8?) -> Bool { byte == nil || isBlank(byte) || isBreak(byte) }

    private func isFlowIndicator(_ byte: UInt8?) -> Bool {
        guard let byte else { return false }
        return byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
            || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
    }

    /// Moves past one character (a whole UTF-8 sequence) or one line break.
    private mutating func advance() {
        guard let first = byte() else { return }
        if first == 0x0D, byte(at: 1) == 0x0A { index += 1 }
        if isBreak(first) {
            index += 1
            line += 1
            column = 0
            return
        }
        index += 1
        while let next = byte(), next & 0xC0 == 0x80 { index += 1 }
        column += 1
    }

    private func startsDocumentMarker() -> Bool {
        guard column == 0, let first = byte(), first == UInt8(ascii: "-") || first == UInt8(ascii: ".") else { return false }
        return byte(at: 1) == first && byte(at: 2) == first && isBlankZ(byte(at: 3))
    }

    // MARK: Tokens

    private mutating func scan() -> Finding? {
        while true {
            skipToNextToken()
            guard let current = byte() else { return nil }
            if flowLevel == 0 { unroll(to: column) }
            if column == 0, current == UInt8(ascii: "%") {
                skipLine()
                continue
            }
            if startsDocumentMarker() {
                unroll(to: -1)
                simpleKey = nil
                simpleKeyAllowed = false
                for _ in 0 ..< 3 { advance() }
                continue
            }
            let next = byte(at: 1)
            switch current {
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                saveSimpleKey()
                flowLevel += 1
                if depth > Self.maxDepth { return .tooDeep(here) }
                advance()
                simpleKeyAllowed = true
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                flowLevel = max(0, flowLevel - 1)
                advance()
                simpleKeyAllowed = false
            case UInt8(ascii: ","):
                advance()
                simpleKeyAllowed = true
            case UInt8(ascii: "-") where isBlankZ(next):
                if flowLevel == 0, roll(to: column) { return .tooDeep(here) }
                advance()
                simpleKeyAllowed = true
            case UInt8(ascii: "?") where flowLevel > 0 || isBlankZ(next):
                if flowLevel == 0, roll(to: column) { return .tooDeep(here) }
                advance()
                simpleKeyAllowed = flowLevel == 0
            case UInt8(ascii: ":") where flowLevel > 0 || isBlankZ(next):
                if flowLevel == 0, let key = simpleKey, key.line == line, roll(to: key.column) {
                    return .tooDeep(YAMLPosition(line: key.line, column: key.column + 1))
                }
                simpleKey = nil
                advance()
                simpleKeyAllowed = flowLevel == 0
            case UInt8(ascii: "*"), UInt8(ascii: "&"):
                return .anchorOrAlias(here, alias: current == UInt8(ascii: "*"))
            case UInt8(ascii: "!"):
                saveSimpleKey()
                while !isBlankZ(byte()) { advance() }
                simpleKeyAllowed = false
            case UInt8(ascii: "|"), UInt8(ascii: ">"):
                if flowLevel == 0 {
                    blockScalar()
                    simpleKeyAllowed = true
                } else {
                    _ = plain()  // an error in a flow collection, which Yams reports
                    simpleKeyAllowed = false
                }
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                saveSimpleKey()
                quoted()
                simpleKeyAllowed = false
            default:
                saveSimpleKey()
                // After a scalar over several lines, a new line may start a key again.
                simpleKeyAllowed = plain()
            }
        }
    }

    private var depth: Int { indents.count + flowLevel }

    /// Opens a block collection at `column` when it is deeper than the current one; `true` when that is too deep.
    private mutating func roll(to column: Int) -> Bool {
        guard indent < column else { return false }
        indents.append(column)
        return depth > Self.maxDepth
    }

    private mutating func unroll(to column: Int) {
        while indent > column { indents.removeLast() }
    }

    private mutating func saveSimpleKey() {
        if simpleKeyAllowed { simpleKey = (line, column) }
    }

    /// Spaces, tabs, comments and line breaks up to the next token.
    private mutating func skipToNextToken() {
        while true {
            while isBlank(byte()) { advance() }
            if byte() == UInt8(ascii: "#") {
                while !isBreak(byte()), byte() != nil { advance() }
            }
            guard isBreak(byte()) else { return }
            advance()
            if flowLevel == 0 { simpleKeyAllowed = true }
        }
    }

    private mutating func skipLine() {
        while byte() != nil, !isBreak(byte()) { advance() }
    }

    // MARK: Scalars

    /// A plain scalar, over as many lines as it continues on; `true` when it spans a line break.
    private mutating func plain() -> Bool {
        let indent = self.indent + 1
        var spansLines = false
        if byte() != nil, !isBlankZ(byte()) { advance() }  // the first character, whatever it is
        while true {
            if startsDocumentMarker() || byte() == UInt8(ascii: "#") { break }
            while let current = byte(), !isBlankZ(current) {
                if current == UInt8(ascii: ":"), isBlankZ(byte(at: 1)) || (flowLevel > 0 && isFlowIndicator(byte(at: 1))) { return spansLines }
                if flowLevel > 0, isFlowIndicator(current) { return spansLines }
                advance()
            }
            guard isBlank(byte()) || isBreak(byte()) else { break }
            while isBlank(byte()) || isBreak(byte()) {
                if isBreak(byte()) { spansLines = true }
                advance()
            }
            if flowLevel == 0, column < indent { break }
        }
        return spansLines
    }

    /// A single- or double-quoted scalar, over any number of lines.
    private mutating func quoted() {
        let quote = byte()!
        advance()
        while let current = byte() {
            if quote == UInt8(ascii: "'"), current == quote, byte(at: 1) == quote {
                advance()
                advance()
            } else if current == quote {
                advance()
                return
            } else if quote == UInt8(ascii: "\""), current == UInt8(ascii: "\\") {
                advance()
                advance()
            } else {
                advance()
            }
        }
    }

    /// A literal or folded block scalar: its header, then every line indented at least as far as its
    /// content (found from its first line with text, as libyaml finds it).
    private mutating func blockScalar() {
        advance()
        var increment = 0
        for _ in 0 ..< 2 {
            guard let current = byte() else { break }
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") {
                advance()
            } else if (UInt8(ascii: "1") ... UInt8(ascii: "9")).contains(current) {
                increment = Int(current - UInt8(ascii: "0"))
                advance()
            }
        }
        skipLine()  // the rest of the header: blanks and a comment, or an error Yams reports
        guard byte() != nil else { return }
        advance()
        var contentIndent = increment > 0 ? (indent >= 0 ? indent + increment : increment) : 0
        skipBlockBreaks(&contentIndent)
        while column == contentIndent, byte() != nil {
            skipLine()
            guard byte() != nil else { return }
            advance()
            skipBlockBreaks(&contentIndent)
        }
    }

    /// The indentation and empty lines of a block scalar; sets its indentation when not yet known.
    private mutating func skipBlockBreaks(_ contentIndent: inout Int) {
        var maxIndent = 0
        while true {
            while contentIndent == 0 || column < contentIndent, byte() == 0x20 { advance() }
            maxIndent = max(maxIndent, column)
            guard isBreak(byte()) else { break }
            advance()
        }
        if contentIndent == 0 { contentIndent = max(maxIndent, indent + 1, 1) }
    }
}
