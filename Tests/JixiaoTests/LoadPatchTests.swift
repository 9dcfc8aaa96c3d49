import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoCheck
@testable import JixiaoLoad
import JixiaoModel

/// A session told which files changed (`jixiao serve`) reads only those when nothing but project files
/// and tables changed, puts their units together again and checks only those: what it finds is what a
/// whole load and check of the site find. Whatever else changed, it declines and loads the site whole.
@Suite struct LoadPatchTests {
    /// Every stored field, nested, as text: a table's entries in the order of their text (two equal tables
    /// may list them in different orders), a number or a text as it reads.
    static func dumped(_ value: Any) -> String {
        if value is Decimal || value is String || value is Substring { return "\(value)" }
        let mirror = Mirror(reflecting: value)
        let fields = mirror.children.map { ($0.label ?? "") + ": " + dumped($0.value) }
        switch mirror.displayStyle {
        case .dictionary, .set: return "{" + fields.sorted().joined(separator: ", ") + "}"
        case _ where fields.isEmpty: return "\(value)"
        default: return "\(mirror.subjectType)(" + fields.joined(separator: ", ") + ")"
        }
    }

    /// Loads the site at `root`, makes `change`, and patches that load with `changed`; also loads the
    /// changed site whole.
    static func patch(_ root: URL, _ changed: Set<String>, _ change: () throws -> Void) throws
        -> (before: SiteLoader.Result, patched: SiteLoader.Result?, whole: SiteLoader.Result)
    {
        let cache = LoadCache()
        let before = SiteLoader(root: root, cache: cache, stamps: nil).loadAll()
        try change()
        let patched = SiteLoader(root: root, cache: cache, stamps: nil, changed: changed).patch(before)
        return (before, patched, SiteLoader(root: root).loadAll())
    }

    /// The patched load and its check are those of the whole site: every project, unit and diagnostic,
    /// every score, total and finding.
    static func expectSame(_ result: (before: SiteLoader.Result, patched: SiteLoader.Result?, whole: SiteLoader.Result),
                           sourceLocation: Testing.SourceLocation = #_sourceLocation)
    {
        guard let patched = result.patched else {
            Issue.record("the load was not patched", sourceLocation: sourceLocation)
            return
        }
        #expect(dumped(patched.site) == dumped(result.whole.site), sourceLocation: sourceLocation)
        #expect(patched.diagnostics.map(\.description) == result.whole.diagnostics.map(\.description), sourceLocation: sourceLocation)
        let previous = Checker.check(result.before.site, loadDiagnostics: result.before.diagnostics)
        let whole = Checker.check(result.whole.site, loadDiagnostics: result.whole.diagnostics)
        guard let rechecked = Checker.recheck(previous, site: patched.site, changed: patched.patched ?? [], loadDiagnostics: patched.diagnostics) else {
            Issue.record("the check was not patched", sourceLocation: sourceLocation)
            return
        }
        #expect(rechecked.diagnostics.map(\.description) == whole.diagnostics.map(\.description), sourceLocation: sourceLocation)
        #expect(Set(rechecked.evaluations.keys) == Set(whole.evaluations.keys), sourceLocation: sourceLocation)
        for (key, evaluation) in whole.evaluations {
            #expect(rechecked.evaluations[key].map(dumped) == dumped(evaluation), "\(key)", sourceLocation: sourceLocation)
        }
        #expect(rechecked.unitTotals == whole.unitTotals, sourceLocation: sourceLocation)
        #expect(dumped(rechecked.overallEvaluations.sorted { "\($0.key)" < "\($1.key)" })
            == dumped(whole.overallEvaluations.sorted { "\($0.key)" < "\($1.key)" }), sourceLocation: sourceLocation)
    }

    static func generated(_ name: String = #function) throws -> URL {
        let root = Scratch.folder(name)
        try GeneratedSite.write(root, projects: 150)
        return root
    }

    @Test func editedProjectFilesAreReadAgainAndTheirUnitsPutTogether() throws {
        let root = try Self.generated()
        let files = ["content/2023/u0/p3.md", "content/2023/u2/p120.md"]
        let result = try Self.patch(root, Set(files)) {
            try BuildSessionTests.edit(root, files[0]) { $0.replacingOccurrences(of: "actual: 95%", with: "actual: 50%") }
            // The unit's 合计 no longer adds up, and the file's project has an error: both are said.
            try BuildSessionTests.edit(root, files[1]) { $0.replacingOccurrences(of: "\nname: ", with: "\nname: [") }
        }
        Self.expectSame(result)
        #expect(result.patched?.parsed == Set(files))
        #expect(result.patched?.patched?.map(\.unit) == [0, 2])
        #expect(result.whole.diagnostics.contains { $0.isError && $0.location?.file == files[1] })
    }

    /// A project's error mended, and a file saved without a change: as the whole load finds them.
    @Test func anErrorMendedAndAFileSavedUnchanged() throws {
        let root = try Self.generated()
        let file = "content/2023/u1/p60.md"
        try BuildSessionTests.edit(root, file) { $0.replacingOccurrences(of: "\nname: ", with: "\nname: [") }
        let result = try Self.patch(root, [file, "content/2023/u1/p61.md"]) {
            try BuildSessionTests.edit(root, file) { $0.replacingOccurrences(of: "\nname: [", with: "\nname: ") }
            try BuildSessionTests.edit(root, "content/2023/u1/p61.md") { $0 }
        }
        Self.expectSame(result)
        #expect(!result.whole.diagnostics.contains { $0.isError })
    }

    /// The example site's units: settings of their own, department-wide sheets, tables as sources.
    @Test func theExampleSitesFilesEachPatched() throws {
        let root = try BuildSessionTests.exampleCopy()
        let content = root.appendingPathComponent("content")
        let files = (FileManager.default.enumerator(atPath: content.path)?.compactMap { $0 as? String } ?? [])
            .filter { ($0.hasSuffix(".md") && !$0.hasSuffix("_unit.md")) || $0.hasSuffix(".csv") || $0.hasSuffix(".xlsx") }.sorted()
        #expect(files.count > 5)
        for file in files {
            let path = "content/" + file
            let result = try Self.patch(root, [path]) {
                let url = root.appendingPathComponent(path)
                // A table is saved again as it is (a new time and inode); a project file gets a new name.
                if path.hasSuffix(".md") {
                    try BuildSessionTests.edit(root, path) { $0.replacingOccurrences(of: "\nname: ", with: "\nname: 改") }
                } else {
                    let data = try Data(contentsOf: url)
                    try FileManager.default.removeItem(at: url)
                    try data.write(to: url)
                }
            }
            Self.expectSame(result)
        }
    }

    /// What a watch reports beside the file saved: an editor's temporary file, gone by now; a template; a
    /// note the load passes over in silence.
    @Test func filesTheLoadDoesNotSeeAreLeftAside() throws {
        let root = try Self.generated()
        let file = "content/2023/u0/p4.md"
        let changed: Set = [file, "content/2023/u0/sedA1b2C3", "content/2023/sedD4e5F6", "templates/project.html.mustache", "content/2023/u0/说明.txt",
                            "content/2023/u0/folder/inner.md"]
        let result = try Self.patch(root, changed) {
            try BuildSessionTests.edit(root, file) { $0.replacingOccurrences(of: "\nname: ", with: "\nname: 改") }
            try Data("说明".utf8).write(to: root.appendingPathComponent("content/2023/u0/说明.txt"))
        }
        Self.expectSame(result)
        #expect(result.patched?.parsed == [file])
        // Nothing the load sees changed: the site as it was.
        let nothing = try Self.patch(root, ["content/2023/u1/sedX"]) {}
        Self.expectSame(nothing)
        #expect(nothing.patched?.patched?.isEmpty == true)
    }

    @Test(arguments: ["new project", "removed project", "unit settings", "site settings", "lookalike", "link", "misplaced"])
    func otherChangesAreLoadedWhole(_ kind: String) throws {
        let root = try Self.generated(#function + kind)
        let url = { (path: String) in root.appendingPathComponent(path) }
        let (path, change): (String, () throws -> Void) = switch kind {
        case "new project": ("content/2023/u0/new.md", { try FileManager.default.copyItem(at: url("content/2023/u0/p1.md"), to: url("content/2023/u0/new.md")) })
        case "removed project": ("content/2023/u0/p1.md", { try FileManager.default.removeItem(at: url("content/2023/u0/p1.md")) })
        case "unit settings": ("content/2023/u0/_unit.md", { try BuildSessionTests.edit(root, "content/2023/u0/_unit.md") { $0.replacingOccurrences(of: "name: ", with: "name: 改") } })
        case "site settings": ("content/site.yaml", { try BuildSessionTests.edit(root, "content/site.yaml") { $0.replacingOccurrences(of: "title: ", with: "title: 改") } })
        case "lookalike": ("content/2023/u0/p9.MD", { try Data("x".utf8).write(to: url("content/2023/u0/p9.MD")) })
        case "link": ("content/2023/u0/p1.md", {
                try FileManager.default.removeItem(at: url("content/2023/u0/p1.md"))
                try FileManager.default.createSymbolicLink(at: url("content/2023/u0/p1.md"), withDestinationURL: url("content/2023/u0/p3.md"))
            })
        default: ("content/2023/p1.md", { try Data("x".utf8).write(to: url("content/2023/p1.md")) })
        }
        let result = try Self.patch(root, [path], change)
        #expect(result.patched == nil)
    }

    /// A site that reaches files through a link is loaded whole: the link's target may change unseen.
    @Test func aSiteWithLinksIsLoadedWhole() throws {
        let root = try Self.generated()
        // Inside the site (a link out of it is refused).
        let shared = root.appendingPathComponent("shared")
        try FileManager.default.createDirectory(at: shared, withIntermediateDirectories: true)
        try FileManager.default.moveItem(at: root.appendingPathComponent("content/2023/u1"), to: shared.appendingPathComponent("u1"))
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("content/2023/u1"), withDestinationURL: shared.appendingPathComponent("u1"))
        let result = try Self.patch(root, ["content/2023/u0/p1.md"]) {
            try BuildSessionTests.edit(root, "content/2023/u0/p1.md") { $0.replacingOccurrences(of: "\nname: ", with: "\nname: 改") }
        }
        #expect(!result.before.diagnostics.contains { $0.isError })
        #expect(result.patched == nil)
    }
}
