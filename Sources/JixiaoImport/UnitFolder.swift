import Foundation
import JixiaoLoad
import JixiaoModel

/// The unit folder `jixiao import` writes into: `…/content/<year>/<unit>`.
package struct UnitFolder {
    /// The folder itself.
    let url: URL
    /// The folder as the user named it, without a trailing `/`: messages show it.
    let shown: String
    /// The site root: the folder holding `content/`.
    let root: URL
    /// The folder relative to the root, as `check` names files: `content/2022/982001`.
    let relative: String

    /// The budget year and the unit's slug, as the loader names them.
    var year: Int? { Int(url.deletingLastPathComponent().lastPathComponent) }
    var unit: String { url.lastPathComponent }

    /// Validates `path` (relative to `base` unless absolute).
    static func parse(_ path: String, base: URL) -> Result<UnitFolder, Diagnostic> {
        var shown = path
        while shown.count > 1, shown.hasSuffix("/") { shown.removeLast() }
        let here = SourceLocation(file: shown.isEmpty ? "." : shown)
        func refuse(_ reason: String) -> Result<UnitFolder, Diagnostic> {
            .failure(.error(.notAUnitFolder, "--into must name a unit folder, content/<year>/<unit>: \(reason)", at: here))
        }
        guard !shown.isEmpty else { return refuse("the path is empty") }
        let url = (path.hasPrefix("/") ? URL(fileURLWithPath: path) : base.appendingPathComponent(path)).standardizedFileURL
        let parts = url.pathComponents
        guard parts.count >= 4 else { return refuse("`\(url.path)` is not inside a content/<year>/ folder") }
        let unit = parts[parts.count - 1], year = parts[parts.count - 2], content = parts[parts.count - 3]
        if let problem = Names.problem(unit) { return refuse("the unit name `\(unit)` cannot be used in a URL: \(problem)") }
        guard Names.isYear(year) else { return refuse("`\(year)` is not a budget year of four digits") }
        guard content == "content" else {
            return refuse("the folder two levels up is `\(content)`, not `content`")
        }
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
            return refuse("it is a file")
        }
        let root = url.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return .success(UnitFolder(url: url, shown: shown, root: root, relative: "content/\(year)/\(unit)"))
    }

    /// A path as `check` prints it (relative to the root), as the user would name it.
    func shown(_ checkPath: String) -> String {
        if checkPath == relative { return shown }
        if checkPath.hasPrefix(relative + "/") { return shown + checkPath.dropFirst(relative.count) }
        return checkPath
    }

    /// Whether a path as `check` prints it lies in this folder.
    func contains(_ checkPath: String) -> Bool {
        checkPath == relative || checkPath.hasPrefix(relative + "/")
    }
}
