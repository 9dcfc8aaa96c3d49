import Foundation
import Testing
@testable import Jixiao
import JixiaoModel
@testable import JixiaoWrite

/// What `build` may write into.
@Suite struct OutputFolderTests {
    static func leftovers(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".jixiao-") }
    }

    /// Output folders that are not new, empty or jixiao's own, or that hold or sit in the site's
    /// sources, are refused before anything is written.
    @Test(arguments: [
        (".", 502, "the site root"), ("..", 502, "above the site root"), ("content", 502, "content/"),
        ("content/2023", 502, "content/"), ("templates/out", 502, "templates/"), ("notes", 503, "notes.txt"),
        ("file.txt", 504, "not a folder"),
    ])
    func refusesOutputFolders(_ relative: String, _ code: Int, _ reason: String) throws {
        let site = try Scratch.copy(of: "golden")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: site.appendingPathComponent("notes/notes.txt"))
        try Data("mine".utf8).write(to: site.appendingPathComponent("file.txt"))
        let output = site.appendingPathComponent(relative).standardizedFileURL
        let parent = site.deletingLastPathComponent()
        let before = Scratch.tree(parent)

        let report = Pipeline.build(root: site, output: output)
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter(\.isError)
        #expect(errors.map(\.code.number) == [code], "\(errors)")
        #expect(errors.first?.message.contains(output.path) == true, "\(errors)")
        #expect(errors.first?.message.contains(reason) == true, "\(errors)")
        #expect(Scratch.tree(parent) == before)
        #expect(Self.leftovers(parent) == [] && Self.leftovers(site) == [])
    }

    /// New, empty, holding only a placeholder, or built by jixiao before: accepted; the placeholders stay.
    @Test func acceptsNewEmptyAndOwnFoldersAndKeepsPlaceholders() throws {
        let site = try Scratch.copy(of: "golden")
        let placeholders = site.appendingPathComponent("placeholders")
        try FileManager.default.createDirectory(at: placeholders, withIntermediateDirectories: true)
        try Data("about the output".utf8).write(to: placeholders.appendingPathComponent("README.md"))
        try Data().write(to: placeholders.appendingPathComponent(".gitkeep"))
        let empty = site.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for output in [placeholders, empty, site.appendingPathComponent("new/public")] {
            #expect(Pipeline.build(root: site, output: output).succeeded, "\(output.path)")
            #expect(Pipeline.build(root: site, output: output).succeeded, "\(output.path) again")
        }
        let tree = Scratch.tree(placeholders)
        #expect(tree["README.md"] == Data("about the output".utf8) && tree[".gitkeep"] == Data())
    }

    /// The file system's root is refused by the same rule, tested without a build.
    @Test func refusesTheFileSystemRoot() throws {
        let site = try Scratch.copy(of: "golden")
        let refusal = try #require(OutputFolder.refusal(URL(fileURLWithPath: "/"), siteRoot: site))
        #expect(refusal.code.number == 502)
        #expect(refusal.message.contains("the file system's root"))
    }
}
