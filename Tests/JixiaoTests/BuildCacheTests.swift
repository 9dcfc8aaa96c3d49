import Foundation
import Testing
@testable import Jixiao
import JixiaoModel
import JixiaoRender
import JixiaoSystem

/// `jixiao build` keeps `.jixiao-cache` in the output folder: a build in a new process redoes only what
/// changed, takes a build that finds nothing changed from the cache, and never trusts what it cannot
/// verify. Whatever it skips, the output is the one a full build writes.
@Suite struct BuildCacheTests {
    /// A build as `jixiao build` runs it: a new session, keeping the cache.
    static func build(_ root: URL, _ output: URL) -> BuildReport {
        BuildSession(root: root, output: output, persistent: true).build()
    }

    /// The same files and folders as a full build into a new folder, apart from jixiao's own files, and
    /// besides `placed`: files put into the output folder by hand, kept by every build.
    static func expectSameAsFullBuild(_ output: URL, _ root: URL, _ step: String, placed: [String: Data] = [:],
                                      sourceLocation: Testing.SourceLocation = #_sourceLocation)
    {
        let full = Scratch.folder("full").appendingPathComponent("public")
        #expect(BuildSession(root: root, output: full).build().succeeded)
        var expected = OutputFolderTests.listing(full)
        for (path, data) in placed {
            expected[path] = data
            var folder = Substring(path)
            while let slash = folder.lastIndex(of: "/") {
                folder = folder[..<slash]
                expected[folder + "/"] = Data()
            }
        }
        let got = OutputFolderTests.listing(output)
        let differences = Set(got.keys).union(expected.keys).filter { got[$0] != expected[$0] && !$0.hasPrefix(".jixiao-") }.sorted()
        #expect(differences.isEmpty, "after \(step): \(differences.count) files or folders differ, e.g. \(differences.prefix(5))", sourceLocation: sourceLocation)
    }

    @Test func aBuildThatFindsNothingChangedWritesNothingAndReportsTheSame() throws {
        let root = try BuildSessionTests.exampleCopy()
        let output = root.appendingPathComponent("public")
        let first = Self.build(root, output)
        #expect(first.succeeded && FileManager.default.fileExists(atPath: output.appendingPathComponent(".jixiao-cache").path))
        let again = Self.build(root, output)
        #expect(again.rendered == 0 && again.pages == first.pages && again.files.written == 0 && again.files.unchanged == first.files.written)
        #expect(again.timings.map(\.step) == ["cache", "inputs", "verify"])
        #expect(again.diagnostics.map(\.description) == first.diagnostics.map(\.description))
        #expect(again.diagnostics.map(\.code) == first.diagnostics.map(\.code))
        // Saved again without a change (a new time, the same bytes): still nothing to do.
        let file = root.appendingPathComponent("content/2021/zibo/_unit.md")
        try Data(contentsOf: file).write(to: file)
        #expect(Self.build(root, output).rendered > 0)  // the first time: its bytes are read and hashed
        #expect(Self.build(root, output).timings.map(\.step) == ["cache", "inputs", "verify"])
    }

    @Test func anOutputFileChangedOrRemovedByHandIsWrittenAgain() throws {
        let root = try BuildSessionTests.exampleCopy()
        let output = root.appendingPathComponent("public")
        #expect(Self.build(root, output).succeeded)
        let page = output.appendingPathComponent("2021/zibo/index.html")
        try Data("edited by hand".utf8).write(to: page)
        try FileManager.default.removeItem(at: output.appendingPathComponent("2022/982001/01/index.md"))
        let report = Self.build(root, output)
        #expect(report.rendered > 0 && report.files.written >= 2)
        Self.expectSameAsFullBuild(output, root, "hand edits")
    }

    /// A manifest written after the cache (by another jixiao, which kept the cache as a file it did not
    /// write) means the cache does not describe the folder: the build renders again.
    @Test func aManifestWrittenSinceTheCacheIsNotTrusted() throws {
        let root = try BuildSessionTests.exampleCopy()
        let output = root.appendingPathComponent("public")
        #expect(Self.build(root, output).succeeded)
        let manifest = output.appendingPathComponent(".jixiao-manifest")
        Thread.sleep(forTimeInterval: 0.02)
        try Data(contentsOf: manifest).write(to: manifest)
        let report = Self.build(root, output)
        #expect(report.rendered == report.pages)
        Self.expectSameAsFullBuild(output, root, "a manifest written again")
        #expect(Self.build(root, output).timings.map(\.step) == ["cache", "inputs", "verify"])
    }

    /// The inputs are kept as one text of records: every path (spaces and all) and hash comes back, and a
    /// record that is not one makes the cache unreadable.
    @Test func inputsAreKeptAsText() {
        let inputs = ["content/2023/a b/项目 1.md": BuildCache.Input(stamp: "12:345:1700000000.123456789", hash: 0xDEAD_BEEF),
                      "templates/base.html.mustache": BuildCache.Input(stamp: "7:8:9.0", hash: 0)]
        #expect(BuildCache.inputs(text: BuildCache.text(inputs)) == inputs)
        #expect(BuildCache.inputs(text: "")?.isEmpty == true)
        #expect(BuildCache.inputs(text: "garbage") == nil && BuildCache.inputs(text: "1:2:3.4 zz 12 content/a.md") == nil)
        // Cut short, or a length that does not end where the path does.
        let text = BuildCache.text(inputs)
        for cut in [1, 2, 10, text.utf8.count - 1] {
            #expect(BuildCache.inputs(text: String(decoding: Array(text.utf8).prefix(cut), as: UTF8.self)) == nil, "\(cut)")
        }
        #expect(BuildCache.inputs(text: "1:2:3.4 ff 11 content/a.md") == nil && BuildCache.inputs(text: "1:2:3.4 ff 13 content/a.md") == nil)
        #expect(BuildCache.inputs(text: "1:2:3.4 ff 12 content/a.md") == ["content/a.md": BuildCache.Input(stamp: "1:2:3.4", hash: 0xFF)])
    }

    @Test(arguments: ["garbage", "{}", "another jixiao", "another site"])
    func aCacheThatCannotBeTrustedMeansAFullBuild(_ kind: String) throws {
        let root = try BuildSessionTests.exampleCopy(#function + kind)
        let output = root.appendingPathComponent("public")
        #expect(Self.build(root, output).succeeded)
        let cache = output.appendingPathComponent(".jixiao-cache")
        var text = try String(contentsOf: cache, encoding: .utf8)
        switch kind {
        case "garbage": text = "\u{0}not json"
        case "{}": text = "{}"
        case "another jixiao": text = text.replacingOccurrences(of: BuildCache.binary, with: "0.0.1 1:2.3")
        default: text = text.replacingOccurrences(of: BuildCache.realRoot(root), with: "/elsewhere")
        }
        try Data(text.utf8).write(to: cache)
        // A change the stale cache would not know of: only a full build shows it.
        try BuildSessionTests.edit(root, "content/site.yaml") { $0.replacingOccurrences(of: "title:", with: "title: 新") }
        let report = Self.build(root, output)
        #expect(report.rendered == report.pages)
        Self.expectSameAsFullBuild(output, root, kind)
    }

    /// Random edits, one after another, each followed by a build from the cache (`jixiao build`, a new
    /// process each time) or by the same session (`jixiao serve`, which keeps what it parsed, scored and
    /// laid out, and between builds looks up what the next one needs while watching the folders; as the
    /// server does, told which files its watch saw change, and both, as the server is): the output is always
    /// the one a full build writes, and the build skipped pages.
    @Test(arguments: ["new process", "session", "session between builds", "watched session", "watched session between builds"])
    func randomEditsGiveWhatAFullBuildGives(_ mode: String) throws {
        let root = Scratch.folder()
        try GeneratedSite.write(root, projects: 120)
        // A second year, whose page a change in the other year leaves as it is.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/2022"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: root.appendingPathComponent("content/2023/u0"), to: root.appendingPathComponent("content/2022/u0"))
        let output = root.appendingPathComponent("public")
        let session = BuildSession(root: root, output: output)
        let watcher = Watcher(root: root)
        let watched = mode.hasPrefix("watched"), settles = mode.hasSuffix("between builds")
        if watched { watcher.start() }
        defer { watcher.stop() }
        var seen = 0, changesContent = true
        let build = { () -> BuildReport in
            switch mode {
            case "new process": return Self.build(root, output)
            case _ where watched:
                // The watch sees the change a moment after it is made: the server builds once it has. (A
                // step that changed no file of content/ or templates/ waits in vain, briefly.)
                let deadline = Date().addingTimeInterval(changesContent ? 10 : 0.2)
                while watcher.changes == seen, Date() < deadline { usleep(5000) }
                usleep(30000)
                seen = watcher.changes
                return session.build(changed: watcher.takeChanges())
            default: return session.build()
            }
        }
        #expect(build().succeeded)
        var random = FrontMatterDifferentialTests.Generator(state: 20261129)
        var skipped = 0
        let steps = ["edit target", "touch", "add project", "remove project", "edit unit", "edit site", "edit template",
                     "remove template", "edit output", "remove output", "rename project", "edit actual", "place file", "remove placed file",
                     "monitor", "edit earlier year", "remove unit", "add unit"]
        // Files put into the output folder by hand (a README, a verification file): every build keeps them.
        var placed: [String: Data] = [:]
        for step in 0 ..< 32 {
            let action = steps[Int(random.next() % UInt64(steps.count))]
            let unit = Int(random.next() % 3), number = unit * 50 + Int(random.next() % 40)
            let project = "content/2023/u\(unit)/p\(number).md"
            let exists = FileManager.default.fileExists(atPath: root.appendingPathComponent(project).path)
            changesContent = switch action {
            case "edit output", "remove output", "place file", "remove placed file": false
            case "remove template": FileManager.default.fileExists(atPath: root.appendingPathComponent("templates").path)
            case "remove unit": FileManager.default.fileExists(atPath: root.appendingPathComponent("content/2023/u\(unit)").path)
            default: true
            }
            switch action {
            case "edit target" where exists:
                try BuildSessionTests.edit(root, project) { $0.replacingOccurrences(of: "\"≥90%\"", with: "\"≥9\(step)%\"") }
            case "edit actual" where exists:
                try BuildSessionTests.edit(root, project) { $0.replacingOccurrences(of: "actual: 95%", with: "actual: 9\(step % 10)%") }
            case "monitor" where exists:
                // Monitored or no longer: the unit's other monitoring sheets are numbered anew.
                try BuildSessionTests.edit(root, project) { text in
                    var lines = text.components(separatedBy: "\n")
                    guard let start = lines.firstIndex(of: "monitoring:"), let end = lines[start...].firstIndex(of: "---") else {
                        return text.replacingOccurrences(of: "\n---\n", with: "\nmonitoring:\n  month: 6\n  spent: 1\n---\n")
                    }
                    lines.removeSubrange(start ..< end)
                    return lines.joined(separator: "\n")
                }
            case "touch" where exists:
                let url = root.appendingPathComponent(project)
                try Data(contentsOf: url).write(to: url)
            case "add project":
                try Data(GeneratedSite.goal.replacingOccurrences(of: "name: 培训项目", with: "name: 新项目\(step)")
                    .replacingOccurrences(of: "code: \"A01\"", with: "code: \"N\(step)\"").utf8)
                    .write(to: root.appendingPathComponent("content/2023/u\(unit)/new\(step).md"))
            case "remove project" where exists:
                try FileManager.default.removeItem(at: root.appendingPathComponent(project))
            case "rename project" where exists:
                try FileManager.default.moveItem(at: root.appendingPathComponent(project), to: root.appendingPathComponent("content/2023/u\(unit)/renamed\(step).md"))
            case "edit unit" where FileManager.default.fileExists(atPath: root.appendingPathComponent("content/2023/u\(unit)/_unit.md").path):
                try BuildSessionTests.edit(root, "content/2023/u\(unit)/_unit.md") { $0.replacingOccurrences(of: "name: 测试单位", with: "name: 改\(step)测试单位") }
            case "edit earlier year":
                try BuildSessionTests.edit(root, "content/2022/u0/p\(number % 50).md") { $0.replacingOccurrences(of: "\nname: ", with: "\nname: 改\(step)") }
            case "remove unit" where unit > 0:
                try? FileManager.default.removeItem(at: root.appendingPathComponent("content/2023/u\(unit)"))
            case "add unit":
                let folder = root.appendingPathComponent("content/\(2022 + unit % 2)/added\(step)")
                try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
                try Data(GeneratedSite.selfEvaluation.replacingOccurrences(of: "code: \"A02\"", with: "code: \"Q\(step)\"").utf8)
                    .write(to: folder.appendingPathComponent("q\(step).md"))
            case "edit site":
                try BuildSessionTests.edit(root, "content/site.yaml") { $0.replacingOccurrences(of: "publisher: ", with: "publisher: \(step)") }
            case "edit template":
                let templates = root.appendingPathComponent("templates")
                try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
                try Data("<nav>{{#breadcrumbs}}{{title}}\(step) {{/breadcrumbs}}</nav>\n".utf8)
                    .write(to: templates.appendingPathComponent("breadcrumbs.html.mustache"))
            case "remove template":
                try? FileManager.default.removeItem(at: root.appendingPathComponent("templates"))
            case "edit output":
                try? Data("changed".utf8).write(to: output.appendingPathComponent("2023/u\(unit)/index.html"))
            case "remove output":
                try? FileManager.default.removeItem(at: output.appendingPathComponent("2023/u\(unit)/goal-tables/index.md"))
            case "place file":
                let path = unit == 0 ? "README.md" : "extra/u\(unit)/note-\(step).txt"
                try FileManager.default.createDirectory(at: output.appendingPathComponent(path).deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data("placed \(step)".utf8).write(to: output.appendingPathComponent(path))
                placed[path] = Data("placed \(step)".utf8)
            case "remove placed file" where !placed.isEmpty:
                let path = placed.keys.sorted()[Int(random.next() % UInt64(placed.count))]
                try FileManager.default.removeItem(at: output.appendingPathComponent(path))
                placed[path] = nil
                // Its folders stay, empty: they are kept too.
                var folder = Substring(path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    placed[String(folder) + "/"] = placed[String(folder) + "/"] ?? Data()
                }
            default:
                continue
            }
            let report = build()
            if settles { session.settle() }
            #expect(report.succeeded, "\(action): \(report.diagnostics)")
            if report.rendered < report.pages { skipped += 1 }
            Self.expectSameAsFullBuild(output, root, "step \(step): \(action)", placed: placed)
        }
        #expect(skipped > 5)
    }

    /// A project that stops being monitored moves the monitoring sheets after it in its unit's booklet:
    /// their own pages, in a new process, show their new numbers.
    @Test func aProjectNoLongerMonitoredRenumbersTheOthers() throws {
        let root = try Scratch.copy(of: "golden")
        let output = root.appendingPathComponent("public")
        try BuildSessionTests.edit(root, "content/2023/demo/b-self.md") {
            $0.replacingOccurrences(of: "\n---\n", with: "\nmonitoring:\n  month: 6\n  spent: 10\n---\n")
        }
        #expect(Self.build(root, output).succeeded)
        let page = output.appendingPathComponent("2023/demo/b-self/monitoring/index.html")
        #expect(try String(contentsOf: page, encoding: .utf8).contains("id=\"sheet-2\""))
        try BuildSessionTests.edit(root, "content/2023/demo/a-goal.md") { text in
            let lines = text.components(separatedBy: "\n")
            let start = lines.firstIndex(of: "monitoring:")!, end = lines[start...].firstIndex(of: "---")!
            return (lines[..<start] + lines[end...]).joined(separator: "\n")
        }
        #expect(Self.build(root, output).succeeded)
        #expect(try String(contentsOf: page, encoding: .utf8).contains("id=\"sheet-1\""))
        Self.expectSameAsFullBuild(output, root, "a-goal no longer monitored")
    }

    /// A table's projects each keep their own scores when a build in a new process takes the table back from
    /// the model file (another file of the unit edited), as it takes them in the table's order.
    @Test func aTablesProjectsKeepTheirOwnScoresFromTheModelFile() throws {
        let root = try Scratch.copy(of: "table-source")
        let unit = "content/2022/tables/"
        try """
        项目名称,项目编码,资金总额,全年预算数,全年执行数,年度目标,一级指标,二级指标,三级指标,目标值,计量单位,分值,实际完成值
        甲项目,150600230000000101,100,100,90,完成甲,产出指标,数量指标,完成数,≥10,个,90,10
        乙项目,150600230000000102,200,200,200,完成乙,产出指标,数量指标,完成数,≥10,个,90,5
        丙项目,150600230000000103,300,300,150,完成丙,产出指标,数量指标,完成数,≥10,个,90,8

        """.write(to: root.appendingPathComponent(unit + "projects.csv"), atomically: true, encoding: .utf8)
        let golden = try Scratch.copy(of: "golden").appendingPathComponent("content/2023/demo/a-goal.md")
        try FileManager.default.copyItem(at: golden, to: root.appendingPathComponent(unit + "extra.md"))
        let output = root.appendingPathComponent("public")
        #expect(Self.build(root, output).succeeded)
        try BuildSessionTests.edit(root, unit + "extra.md") { $0.replacingOccurrences(of: "\nname: ", with: "\nname: 改") }
        let report = Self.build(root, output)
        #expect(report.succeeded && report.parsed == 1, "parsed \(report.parsed)")
        Self.expectSameAsFullBuild(output, root, "another file of the unit edited")
    }

    /// Projects linked across years: an edit in one year, in a new process, renders the other year's page again.
    @Test func anEditInOneYearReachesTheOtherYearFromTheCache() throws {
        let root = try Scratch.copy(of: "year-over-year")
        let output = root.appendingPathComponent("public")
        #expect(Self.build(root, output).succeeded)
        try BuildSessionTests.edit(root, "content/2023/demo/training.md") { $0.replacingOccurrences(of: "actual: \"620\"", with: "actual: \"640\"") }
        #expect(Self.build(root, output).rendered < 20)
        let page = try String(contentsOf: output.appendingPathComponent("2024/demo/training/index.html"), encoding: .utf8)
        #expect(page.contains("<td>2023</td><td>≥500</td><td>640</td>"))
        Self.expectSameAsFullBuild(output, root, "an edit in 2023")
    }

    /// The pages' layout is kept in the cache as a fingerprint, the same in every process for the same
    /// pages, and another wherever a page's files would be others: a project renamed, a self-evaluation
    /// added, office files turned off.
    @Test func theLayoutsFingerprintFollowsThePagesFiles() {
        let checked = Pipeline.check(root: ExampleSite.root)
        let fingerprint = SitePages(checked).layout.fingerprint
        #expect(SitePages(Pipeline.check(root: ExampleSite.root)).layout.fingerprint == fingerprint)
        var renamed = checked
        renamed.site.years[0].units[0].projects[0].slug += "-2"
        var withoutOffice = checked
        withoutOffice.site.officeFiles = false
        var fewer = checked
        let evaluated = checked.evaluations.first { $0.value.execution != nil }!.key
        fewer.evaluations[evaluated]?.execution = nil
        let others = [renamed, withoutOffice, fewer].map { SitePages($0).layout.fingerprint }
        #expect(Set(others + [fingerprint]).count == 4)
    }
}
