import Foundation
import Testing
@testable import Jixiao
import JixiaoModel

/// A session renders again only what a change touches, and what it leaves on disk is always exactly
/// what a full build of the same content writes.
@Suite struct BuildSessionTests {
    /// A copy of the example site, to change.
    static func exampleCopy(_ name: String = #function) throws -> URL {
        let root = Scratch.folder(name)
        try FileManager.default.copyItem(at: ExampleSite.root.appendingPathComponent("content"), to: root.appendingPathComponent("content"))
        return root
    }

    /// What a new session (a full build) writes for the content as it is now.
    static func fullBuild(_ root: URL) -> [String: Data] {
        let output = Scratch.folder("full").appendingPathComponent("public")
        #expect(BuildSession(root: root, output: output).build().succeeded)
        return Scratch.tree(output)
    }

    /// Paths whose contents differ between two trees (or that only one has). jixiao's own files are left
    /// out: the manifest records the times the files were written, which differ from build to build, and
    /// the build cache the stamps of the content.
    static func differences(_ a: [String: Data], _ b: [String: Data]) -> [String] {
        Set(a.keys).union(b.keys).filter { a[$0] != b[$0] && !$0.hasPrefix(".jixiao-") }.sorted()
    }

    static func edit(_ root: URL, _ file: String, _ change: (String) -> String) throws {
        let url = root.appendingPathComponent(file)
        try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
    }

    static let zibo = "content/2021/zibo/guquan-touzi.md"

    @Test func aChangedProjectRendersItsPagesAndThoseThatListIt() throws {
        let root = try Self.exampleCopy()
        let output = root.appendingPathComponent("public")
        let session = BuildSession(root: root, output: output)
        let first = session.build()
        #expect(first.succeeded && first.rendered == first.pages)

        let unchanged = session.build()
        #expect(unchanged.rendered == 1)  // the home page; no year's units changed
        #expect(unchanged.files.written == 0)

        try Self.edit(root, Self.zibo) { $0.replacingOccurrences(of: "name: 股权投资专项", with: "name: 股权投资专项（调整）") }
        let edited = session.build()
        // home, the project's year (not the three others), the project's goal table and sheet, the unit
        // page, its two booklets and its department-wide self-evaluation
        #expect(edited.rendered == 1 + 1 + 2 + 4)
        let tree = Scratch.tree(output)
        #expect(String(decoding: tree["2021/zibo/guquan-touzi/index.html"] ?? Data(), as: UTF8.self).contains("股权投资专项（调整）"))
        #expect(Self.differences(tree, Self.fullBuild(root)) == [])
    }

    /// Between two builds a session looks its spare up ahead, watching it and the output folder: a file
    /// changed after that, in the spare or in place through the output folder (a file of the spare may be
    /// a link of one of the output folder's), is looked up again and not kept as it was found.
    @Test(arguments: ["spare", "output folder in place"])
    func aSpareChangedAfterItWasLookedUpIsLookedUpAgain(_ changed: String) throws {
        let root = try Self.exampleCopy()
        let output = root.appendingPathComponent("public")
        let spare = root.appendingPathComponent(".public.jixiao-spare")
        let session = BuildSession(root: root, output: output)
        #expect(session.build().succeeded)
        for round in 1 ... 2 {
            try Self.edit(root, Self.zibo) { $0.replacingOccurrences(of: "name: 股权投资专项", with: "name: 股权投资专项\(round)") }
            #expect(session.build().succeeded)
            session.settle()
        }
        #expect(session.lookedUpAhead)
        let page = "2022/982001/index.html"
        switch changed {
        case "spare": try Data("changed".utf8).write(to: spare.appendingPathComponent(page), options: .atomic)
        default: try Data("changed".utf8).write(to: output.appendingPathComponent(page))
        }
        #expect(!session.lookedUpAhead)
        try Self.edit(root, Self.zibo) { $0.replacingOccurrences(of: "name: 股权投资专项", with: "name: 股权投资专项3") }
        #expect(session.build().succeeded)
        #expect(Self.differences(Scratch.tree(output), Self.fullBuild(root)) == [])
    }

    /// Between two builds a session also finds what the output folder holds besides the site (a README,
    /// a folder of notes) while it watches it: those files are in the next site, and one put there after
    /// the look is too, in a watched folder or in one of its own.
    @Test func filesOfOnesOwnFoundBetweenBuildsAreKept() throws {
        let root = try Self.exampleCopy()
        let output = root.appendingPathComponent("public")
        let session = BuildSession(root: root, output: output)
        #expect(session.build().succeeded)
        try Data("readme".utf8).write(to: output.appendingPathComponent("README.md"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("note".utf8).write(to: output.appendingPathComponent("notes/a.txt"))
        var placed = ["README.md": Data("readme".utf8), "notes/a.txt": Data("note".utf8)]
        for round in 1 ... 4 {
            #expect(session.build().succeeded)
            session.settle()
            #expect(session.lookedUpAhead)
            if round == 1 {
                // In a folder of its own, which is not watched.
                try Data("note b".utf8).write(to: output.appendingPathComponent("notes/b.txt"))
                placed["notes/b.txt"] = Data("note b".utf8)
            }
            if round == 2 {
                try FileManager.default.removeItem(at: output.appendingPathComponent("notes"))
                placed["notes/a.txt"] = nil
                placed["notes/b.txt"] = nil
            }
            if round == 3 {
                try Data("cname".utf8).write(to: output.appendingPathComponent("2022/CNAME"))
                placed["2022/CNAME"] = Data("cname".utf8)
            }
            try Self.edit(root, Self.zibo) { $0.replacingOccurrences(of: "name: 股权投资专项", with: "name: 股权投资专项\(round)") }
        }
        #expect(session.build().succeeded)
        var expected = Self.fullBuild(root)
        for (path, data) in placed { expected[path] = data }
        #expect(Self.differences(Scratch.tree(output), expected) == [])
    }

    /// After a session's first build there is no spare: the session makes one while it waits (every file
    /// of the site linked), so that the first rebuild only changes what changed.
    @Test func aSessionMakesItsFirstSpareWhileItWaits() throws {
        let root = try Self.exampleCopy()
        let output = root.appendingPathComponent("public")
        let spare = root.appendingPathComponent(".public.jixiao-spare")
        let session = BuildSession(root: root, output: output)
        let first = session.build()
        #expect(first.succeeded && !FileManager.default.fileExists(atPath: spare.path))
        session.settle()
        #expect(session.lookedUpAhead)
        let page = "2022/982001/index.html"
        let inode = { (url: URL) in (try? FileManager.default.attributesOfItem(atPath: url.path))?[.systemFileNumber] as? UInt64 }
        #expect(inode(spare.appendingPathComponent(page)) != nil && inode(spare.appendingPathComponent(page)) == inode(output.appendingPathComponent(page)))
        try Self.edit(root, Self.zibo) { $0.replacingOccurrences(of: "name: 股权投资专项", with: "name: 股权投资专项（调整）") }
        let edited = session.build()
        #expect(edited.succeeded)
        #expect(Self.differences(Scratch.tree(output), Self.fullBuild(root)) == [])
    }

    /// A unit removed leaves its year's page to render again, though nothing else of the year changed.
    @Test func aUnitRemovedRendersItsYearsPage() throws {
        let root = try Self.exampleCopy()
        let output = root.appendingPathComponent("public")
        let session = BuildSession(root: root, output: output)
        #expect(session.build().succeeded)
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/2022/ordos-xzsp"))
        let removed = session.build()
        #expect(removed.rendered == 1 + 1)  // home, and 2022's page
        #expect(!String(decoding: Scratch.tree(output)["2022/index.html"] ?? Data(), as: UTF8.self).contains("ordos-xzsp"))
        #expect(Self.differences(Scratch.tree(output), Self.fullBuild(root)) == [])
    }

    @Test func aChangedTemplateRendersThePagesItLaysOut() throws {
        let root = try Self.exampleCopy()
        let output = root.appendingPathComponent("public")
        let session = BuildSession(root: root, output: output)
        let all = session.build()
        let templates = root.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        let builtIn = try String(contentsOf: ExampleSite.root.appendingPathComponent("templates/year.html.mustache"), encoding: .utf8)
        try builtIn.replacingOccurrences(of: "{{$content}}", with: "{{$content}}<p>年度说明</p>")
            .write(to: templates.appendingPathComponent("year.html.mustache"), atomically: true, encoding: .utf8)
        #expect(session.build().rendered == 5)
        // A partial may be used by any page: everything is rendered.
        try "<nav>{{#breadcrumbs}}{{title}} {{/breadcrumbs}}</nav>\n"
            .write(to: templates.appendingPathComponent("breadcrumbs.html.mustache"), atomically: true, encoding: .utf8)
        #expect(session.build().rendered == all.pages)
        #expect(Self.differences(Scratch.tree(output), Self.fullBuild(root)) == [])
    }

    @Test func unitSettingsAddedAndRemovedProjects() throws {
        let root = try Self.exampleCopy()
        let output = root.appendingPathComponent("public")
        let session = BuildSession(root: root, output: output)
        _ = session.build()
        try Self.edit(root, "content/2022/982001/_unit.md") { $0.replacingOccurrences(of: "name: 鄂尔多斯市工业和信息化局", with: "name: 鄂尔多斯市工业和信息化局（示例）") }
        let renamed = session.build()
        #expect(renamed.rendered == 1 + 1 + 25 + 2)  // home, the unit's year, every project of the unit, its page and goal booklet
        try FileManager.default.removeItem(at: root.appendingPathComponent(Self.zibo))
        try FileManager.default.copyItem(at: root.appendingPathComponent("content/2021/zibo/zhichi-xinjingji.md"),
                                         to: root.appendingPathComponent("content/2021/zibo/zhichi-xinjingji-copy.md"))
        try Self.edit(root, "content/2021/zibo/zhichi-xinjingji-copy.md") { $0.replacingOccurrences(of: "name: 支持新经济发展专项", with: "name: 支持新经济发展专项（副本）") }
        let moved = session.build()
        #expect(moved.succeeded)
        #expect(moved.files.removed == 8)  // the removed project's two pages in two formats, and their .xlsx and .docx
        #expect(Self.differences(Scratch.tree(output), Self.fullBuild(root)) == [])
    }

    @Test func changesMadeWhileTheSiteIsBrokenAreRenderedOnceItIsFixed() throws {
        let root = try Self.exampleCopy()
        let output = root.appendingPathComponent("public")
        let session = BuildSession(root: root, output: output)
        _ = session.build()
        let before = Scratch.tree(output)
        try Self.edit(root, Self.zibo) { $0.replacingOccurrences(of: "weight: 15", with: "weight: [15") }
        #expect(!session.build().succeeded)
        try Self.edit(root, "content/2021/zibo/zhichi-xinjingji.md") { $0.replacingOccurrences(of: "name: 支持新经济发展专项", with: "name: 支持新经济发展专项（改）") }
        #expect(!session.build().succeeded)
        #expect(Self.differences(Scratch.tree(output), before) == [])
        try Self.edit(root, Self.zibo) { $0.replacingOccurrences(of: "weight: [15", with: "weight: 15") }
        #expect(session.build().succeeded)
        #expect(Self.differences(Scratch.tree(output), Self.fullBuild(root)) == [])
    }

    /// The session does not trust what it wrote last: a page deleted from the output folder, or edited
    /// there, is written again by the next build, even when nothing it shows has changed.
    @Test func pagesDeletedOrEditedInTheOutputAreRestored() throws {
        let root = try Self.exampleCopy()
        let output = root.appendingPathComponent("public")
        let session = BuildSession(root: root, output: output)
        #expect(session.build().succeeded)
        let deleted = output.appendingPathComponent("2021/zibo/guquan-touzi/index.html")
        try FileManager.default.removeItem(at: deleted)
        try FileManager.default.removeItem(at: output.appendingPathComponent("2022/ordos-xzsp"))
        let edited = output.appendingPathComponent("2021/zibo/guquan-touzi/self-evaluation/index.md")
        let original = try Data(contentsOf: edited)
        try Data(original.map { $0 == UInt8(ascii: "|") ? UInt8(ascii: "!") : $0 }).write(to: edited)
        let again = session.build()
        #expect(again.succeeded)
        #expect(FileManager.default.fileExists(atPath: deleted.path))
        #expect(try Data(contentsOf: edited) == original)
        #expect(Self.differences(Scratch.tree(output), Self.fullBuild(root)) == [])
    }
}
