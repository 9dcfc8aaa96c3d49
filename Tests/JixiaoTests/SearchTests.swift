import Foundation
import Testing
@testable import Jixiao

/// `search: true`: a search page, a search box on every page, and Pagefind's index built over the staged
/// site and written with it. Pagefind itself is played here by a script; the browser test runs the real one.
@Suite struct SearchTests {
    /// A stand-in for Pagefind: writes what Pagefind writes into `--output-path`, or fails when asked.
    static func fakePagefind(failing: Bool = false, _ name: String = #function) throws -> URL {
        let folder = Scratch.folder(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = folder.appendingPathComponent("pagefind_extended")
        let body = failing ? "echo 'index failed' >&2; exit 3" : """
            while [ $# -gt 0 ]; do case "$1" in --site) site=$2; shift 2;; --output-path) out=$2; shift 2;; *) shift;; esac; done
            mkdir -p "$out/index"
            echo "ui" > "$out/pagefind-ui.js"
            find "$site" -name index.html | xargs grep -l 'data-pagefind-body' | wc -l | tr -d ' ' > "$out/index/pages.txt"
            """
        try "#!/bin/sh\n\(body)\n".write(to: script, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
        return script
    }

    static func build(_ root: URL, pagefind: String) throws -> (status: Int32, stderr: String) {
        let result = try CommandLineTests.run(["build", root.path], environment: ["JIXIAO_PAGEFIND": pagefind])
        return (result.status, result.stderr)
    }

    static func searchableCopy(_ name: String = #function) throws -> URL {
        let root = try Scratch.copy(of: "golden", name)
        try BuildSessionTests.edit(root, "content/site.yaml") { $0 + "search: true\n" }
        return root
    }

    @Test func theIndexIsBuiltOverTheSiteAndWrittenWithIt() throws {
        let root = try Self.searchableCopy()
        let result = try Self.build(root, pagefind: try Self.fakePagefind().path)
        #expect(result.status == 0, "\(result.stderr)")
        let output = root.appendingPathComponent("public")
        // Indexed: the unit page and each sheet's own page, not the booklets (they repeat them).
        #expect(try String(contentsOf: output.appendingPathComponent("pagefind/index/pages.txt"), encoding: .utf8) == "6\n")
        let manifest = try String(contentsOf: output.appendingPathComponent(".jixiao-manifest"), encoding: .utf8)
        #expect(manifest.contains(" pagefind/pagefind-ui.js\n"))
        let goal = try String(contentsOf: output.appendingPathComponent("2023/demo/a-goal/index.html"), encoding: .utf8)
        #expect(goal.contains("<main id=\"main\" data-pagefind-body data-pagefind-meta=\"title:2023年 · 示例局 · 培训项目项目绩效目标表\">"))
        #expect(goal.contains("<form class=\"site-search\" role=\"search\" action=\"/site/search/\">"))
        let booklet = try String(contentsOf: output.appendingPathComponent("2023/demo/goal-tables/index.html"), encoding: .utf8)
        #expect(booklet.contains("<main id=\"main\">"))
        let search = try String(contentsOf: output.appendingPathComponent("search/index.html"), encoding: .utf8)
        #expect(search.contains("<script src=\"/site/pagefind/pagefind-ui.js\"></script>") && search.contains("ui.triggerSearch(words)"))
    }

    @Test func withoutPagefindTheSiteIsBuiltWithoutAnIndexAndSaysHow() throws {
        let root = try Self.searchableCopy()
        let result = try Self.build(root, pagefind: "/nonexistent/pagefind")
        #expect(result.status == 0)
        #expect(result.stderr.contains("warning: search: true, but Pagefind was not found, so the site has no search index: install it with `script/ensure-deps`"))
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("public/pagefind").path))
    }

    @Test func aFailedIndexStopsTheBuildAndLeavesTheSite() throws {
        let root = try Self.searchableCopy()
        #expect(try Self.build(root, pagefind: try Self.fakePagefind().path).status == 0)
        let before = Scratch.tree(root.appendingPathComponent("public"))
        try BuildSessionTests.edit(root, "content/2023/demo/a-goal.md") { $0.replacingOccurrences(of: "name: 培训项目", with: "name: 培训项目（改）") }
        let result = try Self.build(root, pagefind: try Self.fakePagefind(failing: true).path)
        #expect(result.status == 1 && result.stderr.contains("error: Pagefind (") && result.stderr.contains("index failed"))
        #expect(Scratch.tree(root.appendingPathComponent("public")) == before)
    }
}
