import Foundation
import JixiaoModel
import Mustache

/// The templates a build renders with: the site's templates/ folder over the built-in defaults
/// (compiled from this package's templates/ folder), and the static files to copy.
struct TemplateSet: Sendable {
    let library: MustacheLibrary
    /// Files under `static/`, by path relative to the output folder (`static/jixiao.css`).
    let staticFiles: [(path: String, data: Data)]

    /// Loads the templates; a template that does not parse is a diagnostic at its line and column.
    static func load(root: URL) -> (TemplateSet?, [Diagnostic]) {
        _ = MarkdownText.registered
        var files: [String: (data: Data, origin: String)] = [:]
        for (path, base64) in DefaultTemplates.encoded {
            files[path] = (Data(base64Encoded: base64) ?? Data(), "built-in templates/\(path)")
        }
        let folder = root.appendingPathComponent("templates")
        if let walker = FileManager.default.enumerator(atPath: folder.path) {
            for case let path as String in walker {
                guard !path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) else { continue }
                let url = folder.appendingPathComponent(path)
                var isFolder: ObjCBool = false
                guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue,
                      let data = FileManager.default.contents(atPath: url.path) else { continue }
                files[path] = (data, "templates/\(path)")
            }
        }
        var library = MustacheLibrary()
        var statics: [(path: String, data: Data)] = []
        var diagnostics: [Diagnostic] = []
        for path in files.keys.sorted() {
            let file = files[path]!
            if path.hasPrefix("static/") {
                statics.append((path, file.data))
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            let text = String(decoding: file.data, as: UTF8.self)
            do {
                try library.register(text, named: String(path.dropLast(".mustache".count)))
            } catch let error as MustacheTemplate.ParserError {
                diagnostics.append(.error("template does not parse: \(error.error)",
                                          at: SourceLocation(file: file.origin, line: error.context.lineNumber,
                                                             column: error.context.columnNumber)))
            } catch {
                diagnostics.append(.error("template does not parse: \(error)", at: SourceLocation(file: file.origin)))
            }
        }
        return (diagnostics.isEmpty ? TemplateSet(library: library, staticFiles: statics) : nil, diagnostics)
    }

    func render(_ context: [String: Any], with name: String) -> String {
        library.render(context, withTemplate: name) ?? ""
    }

    func has(_ name: String) -> Bool { library.getTemplate(named: name) != nil }
}
