import Foundation
import JixiaoModel
import JixiaoSystem

/// `check --links`: every link and download of the built pages (`href` and `src`) that stays inside the
/// site leads to a file of it, and a link to an anchor (`#sheet-3`) to an element with that id. Links to
/// other sites are not followed.
public struct LinkReport: Sendable {
    public var pages = 0
    public var links = 0
    /// One error per broken link, at its place in the page (`public/2021/zibo/index.html:40:12`).
    public var broken: [Diagnostic] = []
}

public enum LinkCheck {
    /// Checks the site built in `folder`, whose links start with `baseURL`; places are shown under `shown`
    /// (the output folder as the user knows it).
    public static func check(_ folder: URL, baseURL: String, shown: String = "public") -> LinkReport {
        var report = LinkReport()
        let root = folder.standardizedFileURL.path
        let pages = FileTree.entries(root).filter { $0.kind == .file && $0.path.hasSuffix(".html") }.map(\.path).sorted()
        var ids: [String: Set<String>] = [:]
        func anchors(_ page: String) -> Set<String> {
            if let known = ids[page] { return known }
            let text = (try? String(contentsOfFile: root + "/" + page, encoding: .utf8)) ?? ""
            let found = Set(text.matches(of: /\sid="([^"]*)"/).map { String($0.1) })
            ids[page] = found
            return found
        }
        let prefix = basePath(baseURL)
        for page in pages {
            guard let text = try? String(contentsOfFile: root + "/" + page, encoding: .utf8) else { continue }
            report.pages += 1
            let lineStarts = [text.startIndex] + text.indices.filter { text[$0] == "\n" }.map { text.index(after: $0) }
            for match in text.matches(of: /\s(?:href|src)="([^"]*)"/) {
                let raw = unescaped(String(match.1))
                guard let target = resolve(raw, from: page, base: baseURL, prefix: prefix) else { continue }
                report.links += 1
                let file = target.path.isEmpty || target.path.hasSuffix("/") ? target.path + "index.html" : target.path
                var problem: String?
                if FileStatus(path: root + "/" + file)?.kind != .file {
                    problem = Folders.isDirectory(root + "/" + target.path) ? "a folder without index.html" : "no such file"
                } else if let anchor = target.anchor, !anchor.isEmpty, file.hasSuffix(".html"), !anchors(file).contains(anchor) {
                    problem = "no element with id \"\(anchor)\" on that page"
                }
                guard let problem else { continue }
                let line = lineStarts.lastIndex { $0 <= match.range.lowerBound } ?? 0
                let column = text.distance(from: lineStarts[line], to: match.range.lowerBound) + 2
                report.broken.append(.error(.brokenLink, "\(Excerpt.of(raw)) leads nowhere: \(problem) (/\(file))",
                                            at: SourceLocation(file: "\(shown)/\(page)", line: line + 1, column: column)))
            }
        }
        return report
    }

    /// An attribute's text as the browser reads it (`&amp;` → `&`).
    static func unescaped(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&lt;", with: "<")
            .replacingOccurrences(of: "&gt;", with: ">").replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The path part of base_url (`/site/` of `https://example.org/site/`).
    static func basePath(_ base: String) -> String {
        if let url = URL(string: base), let scheme = url.scheme, scheme == "http" || scheme == "https" || scheme == "file" {
            let path = url.path
            return path.hasSuffix("/") ? path : path + "/"
        }
        return base.hasSuffix("/") ? base : base + "/"
    }

    /// A link as a path inside the site (relative to its root) and an anchor; `nil` for a link that leaves
    /// the site (another scheme or host, or outside base_url).
    static func resolve(_ raw: String, from page: String, base: String, prefix: String) -> (path: String, anchor: String?)? {
        var link = raw
        var anchor: String?
        if let hash = link.firstIndex(of: "#") {
            anchor = String(link[link.index(after: hash)...])
            link = String(link[..<hash])
        }
        if let query = link.firstIndex(of: "?") { link = String(link[..<query]) }
        let folder = page.split(separator: "/").dropLast().joined(separator: "/")
        if link.isEmpty { return (page, anchor) }
        if link.range(of: #"^[A-Za-z][A-Za-z0-9+.-]*:"#, options: .regularExpression) != nil || link.hasPrefix("//") {
            // An absolute address: inside the site only when it starts with base_url.
            guard base.contains(":"), link.hasPrefix(base) else { return nil }
            link = prefix + link.dropFirst(base.count)
        }
        var parts: [Substring]
        if link.hasPrefix("/") {
            guard link.hasPrefix(prefix) || link + "/" == prefix else { return nil }
            parts = link.dropFirst(min(prefix.count, link.count)).split(separator: "/", omittingEmptySubsequences: false)
        } else {
            parts = (folder.isEmpty ? [] : folder.split(separator: "/")) + link.split(separator: "/", omittingEmptySubsequences: false)
        }
        var resolved: [String] = []
        for part in parts {
            switch part {
            case ".": continue
            case "..": if !resolved.isEmpty { resolved.removeLast() }
            default: resolved.append(String(part).removingPercentEncoding ?? String(part))
            }
        }
        let trailing = link.hasSuffix("/") && resolved.last == ""
        let path = resolved.filter { !$0.isEmpty }.joined(separator: "/")
        return (path.isEmpty ? "" : path + (trailing ? "/" : ""), anchor)
    }
}

extension Pipeline {
    /// Builds the site into a folder of its own and checks its links (the output folder is left alone).
    /// `nil` when the build fails (check's errors say why).
    public static func checkLinks(root: URL) -> LinkReport? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-links-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let output = folder.appendingPathComponent("public")
        let built = BuildSession(root: root, output: output).build()
        guard built.succeeded else { return nil }
        return LinkCheck.check(output, baseURL: built.baseURL)
    }
}
