import Foundation
import JixiaoModel
import JixiaoSystem
import JixiaoTemplates

/// The templates a build renders with: the site's templates/ folder over the built-in defaults
/// (compiled from this package's templates/ folder), and the static files to copy.
package struct TemplateSet: Sendable {
    let library: TemplateLibrary
    /// Each template's text by name (`project.html`), to tell which changed between builds.
    package let texts: [String: String]
    /// Files under `static/`, by path relative to the output folder (`static/jixiao.css`).
    package let staticFiles: [(path: String, data: Data)]

    /// Loads the templates; a template that does not parse, or names a partial that does not exist,
    /// is a diagnostic at its line and column.
    /// `reusing`: the set a previous load of the same site gave; a template whose text is the same is
    /// not parsed again.
    package static func load(root: URL, reusing previous: TemplateSet? = nil) -> (TemplateSet?, [Diagnostic]) {
        var files: [String: (data: Data, origin: String)] = [:]
        for (path, base64) in DefaultTemplates.encoded {
            files[path] = (Data(base64Encoded: base64) ?? Data(), "built-in templates/\(path)")
        }
        var diagnostics: [Diagnostic] = []
        for (path, data) in siteFiles(root: root, diagnostics: &diagnostics) {
            files[path] = (data, "templates/\(path)")
        }
        var library = TemplateLibrary(markdownEscape: MarkdownText.escape)
        var statics: [(path: String, data: Data)] = []
        var origins: [String: String] = [:]
        var texts: [String: String] = [:]
        for path in files.keys.sorted() {
            let file = files[path]!
            if path.hasPrefix("static/") {
                statics.append((path, file.data))
                continue
            }
            guard path.hasSuffix(".mustache") else { continue }
            let name = String(path.dropLast(".mustache".count))
            let text = String(decoding: file.data, as: UTF8.self)
            texts[name] = text
            if let previous, previous.texts[name] == text, let parsed = previous.library.template(named: name) {
                library.register(parsed, named: name)
                origins[name] = file.origin
                continue
            }
            do {
                library.register(try Template(text), named: name)
                origins[name] = file.origin
            } catch let error as TemplateError {
                diagnostics.append(.error(.templateSyntax, "template does not parse: \(error.message)",
                                          at: SourceLocation(file: file.origin, line: error.line, column: error.column)))
            } catch {
                diagnostics.append(.error(.templateSyntax, "template does not parse: \(error)", at: SourceLocation(file: file.origin)))
            }
        }
        for name in library.names {
            for reference in library.template(named: name)!.partialReferences where library.template(named: reference.name) == nil {
                diagnostics.append(.error(.missingPartial, "no template `\(reference.name)`: add templates/\(reference.name).mustache or name one that exists",
                                          at: SourceLocation(file: origins[name]!, line: reference.line, column: reference.column)))
            }
        }
        return (diagnostics.isEmpty ? TemplateSet(library: library, texts: texts, staticFiles: statics) : nil, diagnostics)
    }

    /// The files under the site's templates/ folder by path below it (hidden ones left out). A link
    /// that leads outside the site or nowhere is an error and is not followed: what is under
    /// templates/static/ is published as it is.
    private static func siteFiles(root: URL, diagnostics: inout [Diagnostic]) -> [(path: String, data: Data)] {
        let links = SiteLinks(root: root.path)
        var found: [(path: String, data: Data)] = []
        var visited: Set<String> = []
        func walk(_ folder: String, _ relative: String) {
            // A link back to a folder already walked would never end.
            guard visited.insert(SiteLinks.resolved(folder) ?? folder).inserted else { return }
            for entry in Folders.entries(folder) {
                let path = folder + "/" + entry.name
                let shown = relative.isEmpty ? entry.name : relative + "/" + entry.name
                if entry.isLink, let problem = links.problem(path) {
                    diagnostics.append(.error(.symbolicLink, "`\(entry.name)` is \(problem.description)", at: SourceLocation(file: "templates/\(shown)")))
                    continue
                }
                if entry.isFolder {
                    walk(path, shown)
                } else if case let .success(bytes) = FileRead.bytes(path) {
                    found.append((shown, Data(bytes)))
                }
            }
        }
        let folder = root.appendingPathComponent("templates").path
        if let problem = links.problem(folder) {
            diagnostics.append(.error(.symbolicLink, "`templates` is \(problem.description)", at: SourceLocation(file: "templates")))
            return []
        }
        if Folders.isDirectory(folder) { walk(folder, "") }
        return found
    }

    package func render(_ context: TemplateFields, with name: String) -> String {
        library.render(.object(context), with: name) ?? ""
    }

    /// A sheet in one format, laid out by its partial, to place on its page and in its unit's booklet.
    func render(_ fields: TemplateFields, sheet: SheetKind, as format: PageFormat) -> Rendered {
        rendered(fields, with: "\(sheet.partial).\(format.rawValue)")
    }

    /// A page in one format, laid out by its kind's template, as the bytes of its file.
    package func render(_ page: Page, as format: PageFormat) -> Rendered {
        rendered(page.context, with: "\(page.kind.template).\(format.rawValue)")
    }

    private func rendered(_ context: TemplateFields, with name: String) -> Rendered {
        library.rendered(.object(context), with: name) ?? Rendered.empty
    }
}

/// The sheets laid out by partials of their own (`goal-sheet`), shared by their pages and the booklets.
package enum SheetKind: Sendable {
    case goal
    case selfEvaluation
    case monitoring

    var partial: String {
        switch self {
        case .goal: "goal-sheet"
        case .selfEvaluation: "self-evaluation-sheet"
        case .monitoring: "monitoring-sheet"
        }
    }
}

/// Each page is written in two formats: `index.html`, and `index.md` to paste into another CMS.
package enum PageFormat: String, CaseIterable, Sendable {
    case html
    case md

    /// The page's file in its folder.
    package var file: String { "index.\(rawValue)" }
}
