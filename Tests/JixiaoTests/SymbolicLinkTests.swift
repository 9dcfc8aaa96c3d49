import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoRender
import JixiaoModel

/// Symbolic links are followed only inside the site; one leading outside it or nowhere is an error,
/// and nothing behind it is read or published.
@Suite struct SymbolicLinkTests {
    @Test func linksInsideTheSiteAreFollowed() {
        let checked = Fixtures.check("symlinks")
        let projects = checked.site.years.flatMap(\.units).flatMap(\.projects)
        #expect(projects.map(\.slug) == ["a", "inside"])
        #expect(checked.site.years.map(\.year) == [2022])
        // The linked site.yaml (title 测试) is not read.
        #expect(checked.site.title == "预算项目支出绩效信息公开")
    }

    @Test func templateLinksOutsideTheSiteStopTheBuild() {
        let (set, diagnostics) = TemplateSet.load(root: Fixtures.url("symlinks"))
        #expect(set == nil)
        #expect(diagnostics.map(\.description) == [
            "templates/static/copied:1:1: error: `copied` is a symbolic link to `../../../golden/content/2023`, outside the site: it is not read or published (copy what it points to into the site)",
            "templates/static/gone.css:1:1: error: `gone.css` is a symbolic link to `nowhere.css`, which does not exist",
            "templates/static/passwd.css:1:1: error: `passwd.css` is a symbolic link to `/etc/passwd`, outside the site: it is not read or published (copy what it points to into the site)",
        ])
        let output = Scratch.folder()
        let report = Pipeline.build(root: Fixtures.url("symlinks"), output: output)
        #expect(!report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("static/passwd.css").path))
    }

    @Test func staticFilesLinkedInsideTheSiteArePublished() throws {
        let root = Scratch.folder()
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("templates/static"), withIntermediateDirectories: true)
        try manager.createDirectory(at: root.appendingPathComponent("assets"), withIntermediateDirectories: true)
        try Data("body {}\n".utf8).write(to: root.appendingPathComponent("assets/site.css"))
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("templates/static/site.css").path, withDestinationPath: "../../assets/site.css")
        // A link back to a folder above would never end; it is walked once.
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("templates/static/again").path, withDestinationPath: "..")
        let (set, diagnostics) = TemplateSet.load(root: root)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let files = try #require(set).staticFiles
        #expect(files.first { $0.path == "static/site.css" }?.data == Data("body {}\n".utf8))
    }

    /// A unit folder or project file linked from outside the site's folder is refused, checked in a scratch site.
    @Test func unitFoldersLinkedFromOutsideAreRefused() throws {
        let base = Scratch.folder()
        let root = base.appendingPathComponent("site")
        let manager = FileManager.default
        try manager.createDirectory(at: root.appendingPathComponent("content/2022"), withIntermediateDirectories: true)
        let elsewhere = base.appendingPathComponent("elsewhere")
        try manager.copyItem(at: Fixtures.url("unreadable").appendingPathComponent("content/2022/test/a.md"), to: elsewhere.appendingPathComponent("a.md").creatingFolder())
        try manager.createSymbolicLink(atPath: root.appendingPathComponent("content/2022/unit").path, withDestinationPath: elsewhere.path)
        let checked = Pipeline.check(root: root)
        #expect(checked.diagnostics.map(\.description) == [
            "content/2022/unit:1:1: error: `unit` is a symbolic link to `\(elsewhere.path)`, outside the site: it is not read or published (copy what it points to into the site)",
        ])
        #expect(checked.site.years.flatMap(\.units).isEmpty)
    }
}

private extension URL {
    /// The URL, its folder made first.
    func creatingFolder() throws -> URL {
        try FileManager.default.createDirectory(at: deletingLastPathComponent(), withIntermediateDirectories: true)
        return self
    }
}
