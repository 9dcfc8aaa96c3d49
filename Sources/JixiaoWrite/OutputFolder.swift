import Foundation
import JixiaoModel
import JixiaoSystem

/// Which folders a build may write into. A build replaces the whole output folder, so it must be one
/// that holds only a site jixiao wrote: a new folder, an empty one (a placeholder `README.md` or
/// `.gitkeep` aside), or one with jixiao's manifest. It may not be the file system's root, the site
/// root or a folder above it, or inside `content/` or `templates/`.
package enum OutputFolder {
    /// Files a folder may hold and still count as empty: placeholders kept in version control.
    static let placeholders: Set<String> = ["README.md", ".gitkeep"]

    /// Why jixiao may not write into `output`, as an error naming the folder; `nil` when it may.
    package static func refusal(_ output: URL, siteRoot: URL) -> Diagnostic? {
        let shown = output.standardizedFileURL.path
        let folder = resolved(shown), root = resolved(siteRoot.standardizedFileURL.path)
        func refuse(_ code: DiagnosticCode, _ why: String) -> Diagnostic {
            .error(code, "the output folder \(shown) \(why)", at: nil)
        }
        if folder == "/" {
            return refuse(.outputNotAllowed, "is the file system's root: give --output a folder of the site's own")
        }
        if folder == root {
            return refuse(.outputNotAllowed, "is the site root: building there would replace content/; give --output a folder of its own (default: public/)")
        }
        if root.hasPrefix(folder + "/") {
            return refuse(.outputNotAllowed, "is above the site root (\(root)): building there would replace the site's sources")
        }
        for sources in ["content", "templates"] {
            let path = root + "/" + sources
            if folder == path || folder.hasPrefix(path + "/") {
                return refuse(.outputNotAllowed, "is inside \(sources)/, which holds the site's sources")
            }
        }
        guard let status = FileStatus(path: folder) else { return nil }
        guard status.kind == .folder else {
            return refuse(.outputNotAFolder, "is not a folder but a file: give --output a folder")
        }
        let names = (FileTree.children(folder) ?? []).map(\.name)
        if names.contains(OutputWriter.manifestName) { return nil }
        let others = names.filter { !placeholders.contains($0) }
        guard others.isEmpty else {
            let listed = others.prefix(3).joined(separator: ", ") + (others.count > 3 ? " …" : "")
            return refuse(.outputNotOwn, "holds files that jixiao did not write (\(listed)) and no \(OutputWriter.manifestName): "
                + "give --output a new or empty folder, or empty this one")
        }
        return nil
    }

    /// The path with links resolved as far as it exists, the rest appended: `/tmp/x/new` when only
    /// `/tmp/x` exists (and is a link to elsewhere).
    static func resolved(_ path: String) -> String {
        var existing = path, rest: [Substring] = []
        while Folders.realPath(existing) == nil, existing != "/", !existing.isEmpty {
            let slash = existing.lastIndex(of: "/") ?? existing.startIndex
            rest.insert(existing[existing.index(after: slash)...], at: 0)
            existing = slash == existing.startIndex ? "/" : String(existing[..<slash])
        }
        let base = Folders.realPath(existing) ?? existing
        return rest.reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
    }
}
