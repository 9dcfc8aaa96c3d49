import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoWrite

/// `jixiao build` end to end on fixture sites.
@Suite struct BuildTests {
    /// The golden site: every page, in HTML and Markdown, compared byte for byte.
    /// Set JIXIAO_UPDATE_GOLDEN=1 to rewrite the expected files after an intended change.
    @Test func goldenSiteMatchesByteForByte() throws {
        let output = Scratch.folder()
        let report = Pipeline.build(root: Fixtures.url("golden"), output: output)
        #expect(report.succeeded, "\(report.diagnostics)")
        let expectedFolder = Fixtures.url("golden").appendingPathComponent("expected")
        let produced = Scratch.tree(output).filter { !$0.key.hasPrefix("static/") && !$0.key.hasPrefix(".jixiao-") }
        if ProcessInfo.processInfo.environment["JIXIAO_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(at: expectedFolder)
            for (path, data) in produced {
                let url = expectedFolder.appendingPathComponent(path)
                try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try data.write(to: url)
            }
        }
        let expected = Scratch.tree(expectedFolder)
        #expect(produced.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected {
            #expect(produced[path] == data, "\(path) differs from Fixtures/golden/expected/\(path)")
        }
    }

    @Test func writesEveryPageInBothFormats() throws {
        let output = Scratch.folder()
        let report = Pipeline.build(root: ExampleSite.root, output: output)
        #expect(report.succeeded)
        let files = Set(Scratch.tree(output).keys)
        let checked = Pipeline.check(root: ExampleSite.root)
        for year in checked.site.years {
            for unit in year.units {
                #expect(files.contains("\(year.year)/\(unit.slug)/index.html"))
                for project in unit.projects {
                    let base = "\(year.year)/\(unit.slug)/\(project.slug)/"
                    #expect(files.contains(base + "index.html") && files.contains(base + "index.md"))
                    let evaluated = checked.evaluation(year, unit, project)?.execution != nil
                    #expect(files.contains(base + "self-evaluation/index.html") == evaluated, "\(base)")
                    #expect(files.contains(base + "self-evaluation/index.md") == evaluated, "\(base)")
                }
            }
        }
        #expect(files.contains("sitemap.xml") && files.contains("static/jixiao.css") && files.contains("index.md"))
    }

    @Test func twoBuildsAreByteIdenticalAndTheSecondWritesNothing() throws {
        let first = Scratch.folder(), second = Scratch.folder()
        #expect(Pipeline.build(root: ExampleSite.root, output: first).succeeded)
        #expect(Pipeline.build(root: ExampleSite.root, output: second).succeeded)
        // Every file but jixiao's own: the manifests record when each file was written, the build caches
        // when the manifest was and the stamps of the content.
        let manifest = OutputWriter.manifestName
        #expect(Scratch.tree(first).filter { !$0.key.hasPrefix(".jixiao-") } == Scratch.tree(second).filter { !$0.key.hasPrefix(".jixiao-") })
        // The manifests list the same files with the same hashes and sizes.
        func listed(_ folder: URL) throws -> [String] {
            try String(contentsOf: folder.appendingPathComponent(manifest), encoding: .utf8).split(separator: "\n")
                .map { $0.split(separator: " ", maxSplits: 3) }.map { "\($0[0]) \($0[1]) \($0[3])" }
        }
        #expect(try listed(first) == listed(second))
        let again = Pipeline.build(root: ExampleSite.root, output: first)
        #expect(again.files.written == 0)
        #expect(again.files.removed == 0)
        #expect(again.files.unchanged == Scratch.tree(second).keys.filter { !$0.hasPrefix(".jixiao-") }.count)  // all but the manifest and the cache
    }

    @Test func aBrokenSiteLeavesTheOutputUntouched() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        let before = Scratch.tree(output)
        let project = site.appendingPathComponent("content/2023/demo/a-goal.md")
        let text = try String(contentsOf: project, encoding: .utf8)
        try text.replacingOccurrences(of: "weight: 30", with: "weight: -30").write(to: project, atomically: true, encoding: .utf8)
        let report = Pipeline.build(root: site, output: output)
        #expect(!report.succeeded)
        #expect(Scratch.tree(output) == before)
    }

    @Test func aBrokenTemplateLeavesTheOutputUntouched() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        let before = Scratch.tree(output)
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{#project}}\n{{name}\n".write(to: templates.appendingPathComponent("project.html.mustache"), atomically: true, encoding: .utf8)
        let report = Pipeline.build(root: site, output: output)
        #expect(report.diagnostics.contains { $0.severity == .error && $0.description.hasPrefix("templates/project.html.mustache:2:7: error: template does not parse") })
        #expect(Scratch.tree(output) == before)
    }

    @Test func aFirstBuildAppearsWholeInANewFolder() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("out/nested/public")
        let report = Pipeline.build(root: site, output: output)
        #expect(report.succeeded)
        #expect(report.files.written == Scratch.tree(output).keys.filter { !$0.hasPrefix(".jixiao-") }.count)  // all but the manifest and the cache
        #expect(try FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path) == ["public"])
        // The same site built again over it: nothing to write.
        #expect(Pipeline.build(root: site, output: output).files.written == 0)
    }

    @Test func anOutputThatCannotBeWrittenIsAnErrorAndLeavesNothing() throws {
        let site = try Scratch.copy(of: "golden")
        let blocker = site.appendingPathComponent("blocker")
        try Data("a file, not a folder".utf8).write(to: blocker)
        let report = Pipeline.build(root: site, output: blocker.appendingPathComponent("public"))
        #expect(report.diagnostics.contains { $0.severity == .error && $0.message.hasPrefix("cannot write the site") })
        #expect(try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.contains("jixiao-new") }.isEmpty)
    }

    @Test func aPartialThatDoesNotExistIsAnError() throws {
        let site = try Scratch.copy(of: "golden")
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{<base.html}}{{$content}}\n  {{> footer-links.html}}\n{{/content}}{{/base.html}}\n"
            .write(to: templates.appendingPathComponent("home.html.mustache"), atomically: true, encoding: .utf8)
        let report = Pipeline.build(root: site, output: site.appendingPathComponent("public"))
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "templates/home.html.mustache:2:3: error: no template `footer-links.html`: add templates/footer-links.html.mustache or name one that exists",
        ])
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("public").path))
    }

    @Test func siteTemplatesOverrideTheDefaults() throws {
        let site = try Scratch.copy(of: "golden")
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{<base.html}}{{$content}}<p class=\"custom\">{{siteTitle}}</p>{{/content}}{{/base.html}}\n"
            .write(to: templates.appendingPathComponent("home.html.mustache"), atomically: true, encoding: .utf8)
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(home.contains("<p class=\"custom\">示例绩效公开</p>"))
        #expect(home.contains("<html lang=\"zh-CN\">"))  // the default base layout still wraps it
    }

    @Test func removedProjectsLeaveNoStalePages() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("kept".utf8).write(to: output.appendingPathComponent("README.md"))
        #expect(Pipeline.build(root: site, output: output).succeeded)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("2023/demo/b-self/self-evaluation/index.html").path))
        try FileManager.default.removeItem(at: site.appendingPathComponent("content/2023/demo/b-self.md"))
        let report = Pipeline.build(root: site, output: output)
        #expect(report.succeeded)
        // Its four pages, and the self-evaluation booklet (two files): no other project of the unit is evaluated.
        #expect(report.files.removed == 6)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("2023/demo/self-evaluations").path))
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("2023/demo/b-self").path))
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent("2023/demo/a-goal/index.html").path))
        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("README.md").path) == Data("kept".utf8))
        let leftovers = Scratch.tree(output).keys.filter { $0.contains(".jixiao-staged") }
        #expect(leftovers.isEmpty)
    }
}
