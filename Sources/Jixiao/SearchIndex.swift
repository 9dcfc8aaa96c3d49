import Foundation
import JixiaoModel
import JixiaoSystem
import JixiaoWrite

/// The search index of a site with `search: true`: Pagefind's extended build (with Chinese word
/// segmentation), run over the staged site before it is put in place. Its files are staged like the
/// pages', so that the index always matches the pages beside it.
enum SearchIndex {
    static let variable = "JIXIAO_PAGEFIND"
    static let names = ["pagefind_extended", "pagefind"]

    /// Pagefind: the one `JIXIAO_PAGEFIND` names, else on PATH, else where script/ensure-deps installs
    /// it (`.artifacts/pagefind/pagefind_extended` in the site root).
    static func locate(root: URL, environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        if let named = environment[variable], !named.isEmpty { return FileManager.default.isExecutableFile(atPath: named) ? named : nil }
        for folder in (environment["PATH"] ?? "").split(separator: ":") {
            for name in names where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") { return "\(folder)/\(name)" }
        }
        let installed = root.appendingPathComponent(".artifacts/pagefind/pagefind_extended").path
        return FileManager.default.isExecutableFile(atPath: installed) ? installed : nil
    }

    static let howToInstall = "install it with `script/ensure-deps`, or `pip install 'pagefind[extended]'` and name its pagefind_extended in \(variable)"

    /// Builds the index over `writer`'s staged site and stages its files under `pagefind/`; a diagnostic
    /// when it could not.
    static func build(over writer: OutputWriter, root: URL) -> Diagnostic? {
        guard let pagefind = locate(root: root) else {
            return .warning(.searchIndexNotBuilt, "search: true, but Pagefind was not found, so the site has no search index: \(howToInstall)", at: nil)
        }
        let work = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-search-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        try? FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let index = work.appendingPathComponent("pagefind").path, log = work.appendingPathComponent("log").path
        let outcome: Subprocess.Outcome
        do {
            outcome = try Subprocess.run(pagefind, ["--site", writer.staging, "--output-path", index, "--force-language", "zh"], output: log, timeout: 600)
        } catch {
            return .error(.searchIndexFailed, "Pagefind (\(pagefind)) could not be started: \(error.description)", at: nil)
        }
        guard outcome == .exited(0) else {
            let said = (try? String(contentsOfFile: log, encoding: .utf8)).map { Trim.whitespace(String($0.suffix(600))) } ?? ""
            return .error(.searchIndexFailed, "Pagefind (\(pagefind)) failed (\(outcome)): \(said)", at: nil)
        }
        do {
            for entry in FileTree.entries(index) where entry.kind == .file {
                guard let data = FileManager.default.contents(atPath: index + "/" + entry.path) else { continue }
                try writer.stage("pagefind/" + entry.path, data)
            }
        } catch {
            return .error(.searchIndexFailed, "the search index could not be staged: \(error.description)", at: nil)
        }
        return nil
    }
}
