import Foundation
import JixiaoModel

/// `jixiao init`: a new site that checks and builds clean, to start from. It holds the site settings,
/// one unit, a project with its goal table only and a project evaluated after the year, every key
/// explained in a comment; no templates (the built-in ones apply).
package enum NewSite {
    /// The files, by path below the site root, for budget year `year`.
    package static func files(year: Int) -> [(path: String, text: String)] {
        [
            ("content/site.yaml", NewSiteFiles.settings),
            ("content/\(year)/example-unit/_unit.md", NewSiteFiles.unit(year: year)),
            ("content/\(year)/example-unit/goal-only.md", NewSiteFiles.goalProject(year: year)),
            ("content/\(year)/example-unit/evaluated.md", NewSiteFiles.evaluatedProject(year: year)),
        ]
    }

    /// Writes a new site into `folder`, which must not exist or be empty. Returns the files written
    /// (paths as shown, below `shown`), or why nothing was written.
    package static func write(into folder: URL, shown: String, year: Int) -> Result<[String], Diagnostic> {
        let manager = FileManager.default
        var isFolder: ObjCBool = false
        if manager.fileExists(atPath: folder.path, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                return .failure(.error(.notAnEmptyFolder, "\(shown) is a file: jixiao init writes a new site into an empty or new folder", at: nil))
            }
            let entries = (try? manager.contentsOfDirectory(atPath: folder.path)) ?? []
            guard entries.isEmpty else {
                return .failure(.error(.notAnEmptyFolder, "\(shown) is not empty (it holds \(entries.sorted().prefix(3).joined(separator: ", "))\(entries.count > 3 ? " …" : "")): jixiao init writes a new site only into an empty or new folder", at: nil))
            }
        }
        var written: [String] = []
        for (path, text) in files(year: year) {
            let url = folder.appendingPathComponent(path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(text.utf8).write(to: url, options: .withoutOverwriting)
            } catch {
                return .failure(.error(.cannotWriteContent, "cannot write \(shown)/\(path): \(error.localizedDescription)", at: nil))
            }
            written.append(shown == "." ? path : "\(shown)/\(path)")
        }
        return .success(written)
    }
}
