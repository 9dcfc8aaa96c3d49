/// Templates by name, each the others' partials and parents, rendered with `TemplateValue` view models.
///
/// Rendering follows swift-mustache's semantics (names are looked up from the innermost section
/// outwards; a partial starts in HTML escaping; a block override renders where its parent places it)
/// but works on typed values and writes into one growing string, which makes it many times faster.
public struct TemplateLibrary: Sendable {
    private var templates: [String: Template] = [:]
    /// Escapes a value for Markdown (`{{% CONTENT_TYPE: MARKDOWN }}`): set by the user of the library.
    private let markdownEscape: @Sendable (String) -> String

    public init(markdownEscape: @escaping @Sendable (String) -> String) {
        self.markdownEscape = markdownEscape
    }

    public mutating func register(_ template: Template, named name: String) {
        templates[name] = template
    }

    public func template(named name: String) -> Template? { templates[name] }

    public var names: [String] { templates.keys.sorted() }

    /// Renders the named template; `nil` when there is no template of that name.
    public func render(_ value: TemplateValue, with name: String) -> String? {
        guard let template = templates[name] else { return nil }
        var renderer = Renderer(library: self, stack: [value])
        var output = ""
        output.reserveCapacity(16 * 1024)
        renderer.render(template, into: &output, frame: Frame())
        return output
    }

    fileprivate func escape(_ text: String, as type: ContentType) -> String {
        switch type {
        case .html: Escape.html(text)
        case .markdown: markdownEscape(text)
        case .text: text
        }
    }
}

/// What changes from one template to the partial or block it renders.
private struct Frame {
    var indentation: String?
    var inherited: [String: Template]?
    var contentType = ContentType.html
}

private struct Renderer {
    let library: TemplateLibrary
    /// The values of the enclosing sections, innermost last.
    var stack: [TemplateValue]

    mutating func render(_ template: Template, into output: inout String, frame: Frame) {
        var frame = frame
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            let tokens = template.tokens
            for index in tokens.indices { render(tokens[index], into: &output, frame: &frame) }
            return
        }
        // Indented partial: each token's output that starts a line is indented.
        var own = ""
        for token in template.tokens {
            var piece = ""
            render(token, into: &piece, frame: &frame)
            if !piece.isEmpty, own.last == "\n" { own += indentation }
            own += piece
        }
        output += own
    }

    private mutating func render(_ token: Token, into output: inout String, frame: inout Frame) {
        switch token {
        case let .text(text):
            output += text

        case let .variable(path, escaped):
            guard let value = lookup(path) else { return }
            let text: String
            switch value {
            case let .text(string): text = string
            case let .flag(flag): text = flag ? "true" : "false"
            case .list, .object: return
            }
            output += escaped ? library.escape(text, as: frame.contentType) : text

        case let .section(path, template):
            switch lookup(path) {
            case let .list(items)?:
                for item in items {
                    stack.append(item)
                    render(template, into: &output, frame: frame)
                    stack.removeLast()
                }
            case let .flag(flag)?:
                if flag { render(template, into: &output, frame: frame) }
            case let value?:
                stack.append(value)
                render(template, into: &output, frame: frame)
                stack.removeLast()
            case nil:
                break
            }

        case let .inverted(path, template):
            let value = lookup(path)
            guard value?.isFalsy ?? true else { return }
            if case .list? = value {
                stack.append(value!)
                render(template, into: &output, frame: frame)
                stack.removeLast()
            } else {
                render(template, into: &output, frame: frame)
            }

        case let .partial(reference, indentation, overrides):
            guard let template = library.template(named: reference.name) else { return }
            var inner = Frame(indentation: frame.indentation, inherited: frame.inherited, contentType: .html)
            if let indentation { inner.indentation = (frame.indentation ?? "") + indentation }
            if let overrides {
                // Overrides from further out win over those of this parent.
                inner.inherited = (frame.inherited ?? [:]).merging(overrides) { outer, _ in outer }
            }
            render(template, into: &output, frame: inner)

        case let .block(name, fallback, indentation):
            var inner = frame
            if let indentation { inner.indentation = (frame.indentation ?? "") + indentation }
            render(frame.inherited?[name] ?? fallback, into: &output, frame: inner)

        case .definition:
            break

        case let .contentType(type):
            frame.contentType = type
        }
    }

    /// A name's value: its first part is looked up from the innermost value outwards (or in the
    /// current value only, for `.name`), the other parts inside what was found.
    private func lookup(_ path: VariablePath) -> TemplateValue? {
        guard let first = path.parts.first else { return stack.last }
        var found: TemplateValue?
        if path.currentOnly {
            found = Self.child(first, of: stack[stack.count - 1])
        } else {
            for value in stack.reversed() {
                if let child = Self.child(first, of: value) {
                    found = child
                    break
                }
            }
        }
        for part in path.parts.dropFirst() {
            guard let value = found else { return nil }
            found = Self.child(part, of: value)
        }
        return found
    }

    private static func child(_ name: FieldName, of value: TemplateValue) -> TemplateValue? {
        guard case let .object(fields) = value else { return nil }
        return fields[name]
    }
}
