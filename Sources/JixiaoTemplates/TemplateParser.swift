/// Turns template text into tokens. The rules for whitespace around standalone tags (a tag alone on
/// its line takes the line with it) are those of swift-mustache's parser, step for step, so that a
/// template gives the same output with either.
struct TemplateParser {
    private let chars: [Character]
    private var position = 0

    init(_ text: String) {
        chars = Array(text)
    }

    private struct Failure: Error {
        let message: String
        let position: Int
    }

    private struct State {
        var sectionName: String?
        /// Where the open section's tag is, for "not closed" errors.
        var sectionStart = 0
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var start: [Character] = ["{", "{"]
        var end: [Character] = ["}", "}"]
        var partialDefinitionIndent: String?

        func section(_ name: String, at start: Int, newLine: Bool) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.isPartialDefinitionTopLevel = false
            if !newLine { state.newLine = false }
            return state
        }

        func parent(_ name: String, at start: Int) -> State {
            var state = self
            state.sectionName = name
            state.sectionStart = start
            state.newLine = true
            state.isPartialDefinition = true
            state.isPartialDefinitionTopLevel = true
            return state
        }
    }

    mutating func parseTemplate() throws -> [Token] {
        do {
            return try parse(State())
        } catch let failure as Failure {
            let (line, column) = lineAndColumn(of: failure.position)
            throw TemplateError(message: failure.message, line: line, column: column)
        }
    }

    // MARK: Tokens

    private mutating func parse(_ initial: State) throws -> [Token] {
        var tokens: [Token] = []
        var state = initial
        var whiteSpaceBefore = ""
        func flushWhiteSpace() {
            if !whiteSpaceBefore.isEmpty {
                tokens.append(.text(whiteSpaceBefore))
                whiteSpaceBefore = ""
            }
        }
        while !atEnd {
            if state.newLine {
                let whiteSpace = read { $0 == " " || $0 == "\t" }
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = String(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = readUntilTagOrNewline(state)
            if current.isNewline {
                tokens.append(.text(whiteSpaceBefore + text + String(current)))
                state.newLine = true
                position += 1
                continue
            }
            if !text.isEmpty {
                tokens.append(.text(whiteSpaceBefore + text))
                whiteSpaceBefore = ""
                state.newLine = false
            }
            if atEnd { break }
            // Just after the start delimiter: the tag's kind.
            let tagStart = position - state.start.count
            var setNewLine = false
            switch current {
            case "#", "^":
                let inverted = current == "^"
                position += 1
                let name = try parseName(state)
                if isStandalone(state) {
                    setNewLine = true
                } else {
                    flushWhiteSpace()
                }
                let section = Template(try parse(state.section(name, at: tagStart, newLine: setNewLine)))
                tokens.append(inverted ? .inverted(VariablePath(name), section) : .section(VariablePath(name), section))

            case "/":
                position += 1
                let name = try parseName(state)
                guard let open = state.sectionName else {
                    throw Failure(message: "{{/\(name)}} closes a section that was never opened", position: tagStart)
                }
                guard name == open else {
                    throw Failure(message: "{{/\(name)}} does not close the open section {{#\(open)}}", position: tagStart)
                }
                if !isStandalone(state) { flushWhiteSpace() }
                return tokens

            case "!":
                position += 1
                guard skip(past: state.end) else {
                    throw Failure(message: "comment is not closed with \(String(state.end))", position: tagStart)
                }
                setNewLine = isStandalone(state)

            case "{", "&":
                let triple = current == "{"
                flushWhiteSpace()
                position += 1
                let name = try parseName(state)
                if triple, !read("}") {
                    throw Failure(message: "{{{\(name)}} is not closed with }}}", position: tagStart)
                }
                tokens.append(.variable(VariablePath(name), escaped: false))

            case ">":
                let reference = try parsePartialReference(state, at: tagStart)
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                if isStandalone(state) {
                    setNewLine = true
                    tokens.append(.partial(reference, indentation: whiteSpaceBefore, overrides: nil))
                } else {
                    tokens.append(.partial(reference, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = ""

            case "<":
                let reference = try parsePartialReference(state, at: tagStart)
                let name = reference.name
                if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                if isStandalone(state) { setNewLine = true }
                var overrides: [String: Template] = [:]
                for token in try parse(state.parent(name, at: tagStart)) {
                    switch token {
                    case let .definition(block, template): overrides[block] = template
                    case .text: break
                    default:
                        throw Failure(message: "only {{$block}} overrides may stand inside {{<\(name)}}", position: tagStart)
                    }
                }
                tokens.append(.partial(reference, indentation: whiteSpaceBefore, overrides: overrides))
                whiteSpaceBefore = ""

            case "$":
                position += 1
                let name = try parseName(state)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(state) { setNewLine = true }
                    tokens.append(.definition(name, Template(try parse(state.section(name, at: tagStart, newLine: setNewLine)))))
                } else {
                    if !whiteSpaceBefore.isEmpty { tokens.append(.text(whiteSpaceBefore)) }
                    if isStandalone(state) { setNewLine = true }
                    let fallback = Template(try parse(state.section(name, at: tagStart, newLine: setNewLine)))
                    tokens.append(.block(name, fallback, indentation: whiteSpaceBefore))
                    whiteSpaceBefore = ""
                }

            case "=":
                position += 1
                state = try parseDelimiters(state, at: tagStart)
                setNewLine = isStandalone(state)

            case "%":
                position += 1
                tokens.append(.contentType(try parsePragma(state, at: tagStart)))
                setNewLine = isStandalone(state)

            default:
                flushWhiteSpace()
                let name = try parseName(state)
                tokens.append(.variable(VariablePath(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        if let open = state.sectionName {
            throw Failure(message: "{{#\(open)}} is not closed: no {{/\(open)}} follows", position: state.sectionStart)
        }
        return tokens
    }

    // MARK: Pieces of tags

    private static let nameCharacters = Set<Character>("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
    private static let partialNameCharacters = nameCharacters.union("/")

    private mutating func parseName(_ state: State) throws -> String {
        _ = read(while: \.isWhitespace)
        let start = position
        let name = read { Self.nameCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        if current == "(" {
            throw Failure(message: "transforms such as `name(value)` are not supported", position: start)
        }
        guard read(state.end) else {
            let found = atEnd ? "the end of the template" : "`\(current)`"
            throw Failure(message: "tag is not closed with \(String(state.end)): found \(found); names may use letters, digits, `.`, `-`, `_` and `?`",
                          position: position)
        }
        return name
    }

    /// The name of a partial or parent tag (`{{> name}}`, `{{<name}}`) that starts at `tagStart`.
    private mutating func parsePartialReference(_ state: State, at tagStart: Int) throws -> PartialReference {
        position += 1
        _ = read(while: \.isWhitespace)
        let name = try parsePartialName(state)
        let (line, column) = lineAndColumn(of: tagStart)
        return PartialReference(name: name, line: line, column: column)
    }

    private mutating func parsePartialName(_ state: State) throws -> String {
        if current == "*" {
            throw Failure(message: "dynamic partial names (`*name`) are not supported", position: position)
        }
        let name = read { Self.partialNameCharacters.contains($0) }
        _ = read(while: \.isWhitespace)
        guard read(state.end) else {
            throw Failure(message: "partial tag is not closed with \(String(state.end))", position: position)
        }
        return name
    }

    private mutating func parseDelimiters(_ state: State, at tagStart: Int) throws -> State {
        let invalid = Failure(message: "set-delimiter tag must read {{=<start> <end>=}}", position: tagStart)
        _ = read(while: \.isWhitespace)
        let start = read { !$0.isWhitespace }
        guard !atEnd else { throw invalid }
        _ = read(while: \.isWhitespace)
        let end = read { $0 != "=" && !$0.isWhitespace }
        guard !atEnd else { throw invalid }
        _ = read(while: \.isWhitespace)
        guard read("="), read(state.end), !start.isEmpty, !end.isEmpty else { throw invalid }
        var next = state
        next.start = Array(start)
        next.end = Array(end)
        next.isPartialDefinitionTopLevel = false
        return next
    }

    private mutating func parsePragma(_ state: State, at tagStart: Int) throws -> ContentType {
        let invalid = Failure(message: "pragma must read {{% CONTENT_TYPE: HTML }} (or MARKDOWN, TEXT)", position: tagStart)
        let word = { (c: Character) in Self.nameCharacters.contains(c) }
        _ = read(while: \.isWhitespace)
        let variable = read(while: word)
        _ = read(while: \.isWhitespace)
        guard read(":") else { throw invalid }
        _ = read(while: \.isWhitespace)
        let value = read(while: word)
        _ = read(while: \.isWhitespace)
        guard read(state.end), !variable.isEmpty, !value.isEmpty else { throw invalid }
        guard variable == "CONTENT_TYPE" else {
            throw Failure(message: "unknown pragma `\(variable)`: only CONTENT_TYPE is understood", position: tagStart)
        }
        guard let type = ContentType(rawValue: value) else {
            throw Failure(message: "unknown content type `\(value)`: HTML, MARKDOWN or TEXT", position: tagStart)
        }
        return type
    }

    // MARK: Reading

    private var atEnd: Bool { position == chars.count }

    private var current: Character { atEnd ? "\0" : chars[position] }

    private mutating func read(while predicate: (Character) -> Bool) -> String {
        let start = position
        while !atEnd, predicate(chars[position]) { position += 1 }
        return String(chars[start ..< position])
    }

    /// Consumes `text` when it comes next.
    private mutating func read(_ text: some Sequence<Character>) -> Bool {
        var index = position
        for character in text {
            guard index < chars.count, chars[index] == character else { return false }
            index += 1
        }
        position = index
        return true
    }

    /// Moves past the next occurrence of `text`; `false` (not moved) when there is none.
    private mutating func skip(past text: [Character]) -> Bool {
        var index = position
        while index + text.count <= chars.count {
            if Array(chars[index ..< index + text.count]) == text {
                position = index + text.count
                return true
            }
            index += 1
        }
        return false
    }

    /// Text up to a line end (not consumed) or a tag's start delimiter (consumed).
    private mutating func readUntilTagOrNewline(_ state: State) -> String {
        var text = ""
        let first = state.start[0]
        while !atEnd {
            let start = position
            while !atEnd, chars[position] != "\n", chars[position] != "\r\n", chars[position] != first { position += 1 }
            text += String(chars[start ..< position])
            if atEnd || current.isNewline { break }
            if read(state.start) { break }
            text.append(first)
            position += 1
        }
        return text
    }

    /// A standalone tag: alone on its line (spaces aside). The rest of the line is consumed.
    private mutating func isStandalone(_ state: State) -> Bool {
        guard state.newLine else { return false }
        if atEnd { return true }
        var index = position
        while index < chars.count, chars[index] == " " || chars[index] == "\t" { index += 1 }
        guard index < chars.count, chars[index].isNewline else { return false }
        position = index + 1
        return true
    }

    private func lineAndColumn(of offset: Int) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for character in chars[..<min(offset, chars.count)] {
            if character.isNewline {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return (line, column)
    }
}
