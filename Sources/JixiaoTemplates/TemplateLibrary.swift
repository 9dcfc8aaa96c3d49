/// Templates by name, each the others' partials and parents, rendered with `TemplateValue` view models.
///
/// Rendering follows swift-mustache's semantics (names are looked up from the innermost section
/// outwards; a partial starts in HTML escaping; a block override renders where its parent places it)
/// but works on typed values, each template flattened into a program (`Program`), and writes into one
/// growing byte buffer, which makes it many times faster.
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
        rendered(value, with: name)?.string
    }

    /// Renders the named template into bytes; `nil` when there is no template of that name.
    public func rendered(_ value: TemplateValue, with name: String) -> Rendered? {
        guard let template = templates[name] else { return nil }
        var renderer = Renderer(library: self, stack: [value])
        var output: [UInt8] = []
        output.reserveCapacity(16 * 1024)
        renderer.render(template.program, 0 ..< template.program.ops.count, into: &output, as: .html, frame: Frame())
        return Rendered(bytes: output)
    }

    /// Appends `text`, escaped for `type`.
    func append(_ text: String, escapedAs type: ContentType, to output: inout [UInt8]) {
        switch type {
        case .html: Escape.html(text, into: &output)
        case .markdown: output.append(contentsOf: markdownEscape(text).utf8)
        case .text: output.append(contentsOf: text.utf8)
        }
    }

    /// Appends laid-out text, escaped for `type`.
    func append(_ text: Rendered, escapedAs type: ContentType, to output: inout [UInt8]) {
        switch type {
        case .html: text.bytes.withUnsafeBufferPointer { Escape.html($0, into: &output) }
        case .markdown: output.append(contentsOf: markdownEscape(text.string).utf8)
        case .text: output.append(contentsOf: text.bytes)
        }
    }
}
