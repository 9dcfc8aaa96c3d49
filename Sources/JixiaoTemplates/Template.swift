/// A parsed Mustache template: text, variables, sections, inverted sections, comments, partials,
/// template inheritance (`{{<parent}}` with `{{$block}}` overrides), set delimiters and the
/// `{{% CONTENT_TYPE: … }}` pragma. Whitespace around standalone tags follows the Mustache
/// specification as swift-mustache implements it, so that both give the same bytes.
public final class Template: Sendable {
    let tokens: [Token]
    /// The tokens flattened for rendering.
    let program: Program

    init(_ tokens: [Token]) {
        self.tokens = tokens
        program = Program(tokens)
    }

    /// Parses a template; a template that does not parse throws a `TemplateError` with its line and column.
    public convenience init(_ text: String) throws {
        var parser = TemplateParser(text)
        self.init(try parser.parseTemplate())
    }

    /// The partials this template and its sections name, with where they are named.
    public var partialReferences: [(name: String, line: Int, column: Int)] {
        var found: [(String, Int, Int)] = []
        func walk(_ tokens: [Token]) {
            for token in tokens {
                switch token {
                case let .section(_, template), let .inverted(_, template), let .block(_, template, _):
                    walk(template.tokens)
                case let .partial(reference, _, overrides):
                    found.append((reference.name, reference.line, reference.column))
                    for template in (overrides ?? [:]).values { walk(template.tokens) }
                case let .definition(_, template):
                    walk(template.tokens)
                case .text, .variable, .contentType:
                    break
                }
            }
        }
        walk(tokens)
        return found
    }
}

/// A name as written in a tag: `name`, `project.name`, `.` (the current value) or `.name` (only the
/// current value is searched).
struct VariablePath: Sendable, Equatable {
    let parts: [FieldName]
    let currentOnly: Bool

    init(_ text: String) {
        currentOnly = text.first == "."
        parts = text == "." ? [] : text.split(separator: ".").map { FieldName(String($0)) }
    }
}

struct PartialReference: Sendable {
    let name: String
    let line: Int
    let column: Int
}

/// Boxed, so that walking a template copies one reference a token, not its payload.
indirect enum Token: Sendable {
    case text(String)
    case variable(VariablePath, escaped: Bool)
    case section(VariablePath, Template)
    case inverted(VariablePath, Template)
    /// A partial, with the indentation of a standalone tag and, for `{{<parent}}`, the blocks it overrides.
    case partial(PartialReference, indentation: String?, overrides: [String: Template]?)
    /// `{{$name}}` outside a parent: the block's default, unless an override is inherited.
    case block(String, Template, indentation: String?)
    /// `{{$name}}` inside a parent: an override, collected by the parser, never rendered.
    case definition(String, Template)
    case contentType(ContentType)
}

/// How `{{name}}` escapes values: for HTML, for Markdown tables and text, or not at all.
public enum ContentType: String, Sendable {
    case html = "HTML"
    case markdown = "MARKDOWN"
    case text = "TEXT"
}

/// Why a template does not parse, and where.
public struct TemplateError: Error, Sendable, CustomStringConvertible {
    public let message: String
    public let line: Int
    public let column: Int

    public var description: String { "\(line):\(column): \(message)" }
}
