import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoImport
import JixiaoModel

/// Everyday habits of the people who fill the content in: each fixture site yields exactly its lines.
@Suite struct ClerkHabitsTests {
    static let cases: [(fixture: String, expected: [String])] = [
        // A project with an error is left out of its unit: its 合计 is not compared with a sum that lacks it.
        ("total-after-broken-project", ["content/2022/test/b.md:3:1: error: unknown key `colour` in project"]),
        ("stray-files", [
            "content/2022/test/p.MD:1:1: warning: `p.MD` is ignored: jixiao reads the files ending in `.md` (projects), `.csv` and `.xlsx` (tables) of a unit folder; if it is a project, rename it to end in `.md`",
            "content/2022/test/p.markdown:1:1: warning: `p.markdown` is ignored: jixiao reads the files ending in `.md` (projects), `.csv` and `.xlsx` (tables) of a unit folder; if it is a project, rename it to end in `.md`",
            "content/2022/test/p.md.txt:1:1: warning: `p.md.txt` is ignored: jixiao reads the files ending in `.md` (projects), `.csv` and `.xlsx` (tables) of a unit folder; if it is a project, rename it to end in `.md`",
            "content/2022/test/p.yaml:1:1: warning: `p.yaml` is ignored: jixiao reads the files ending in `.md` (projects), `.csv` and `.xlsx` (tables) of a unit folder; if it is a project, rename it to end in `.md`",
            "content/2022/test/t.xls:1:1: warning: `t.xls` is ignored: jixiao reads the files ending in `.md` (projects), `.csv` and `.xlsx` (tables) of a unit folder; save the workbook as .xlsx (or its sheet as .csv), with the ending in lower case",
        ]),
        // Over-spending is published with its rate and a capped score, and said.
        ("overspent", ["content/2022/test/a.md:3:1: warning: 全年执行数 (spent) 1200 is more than 全年预算数 (budget) 1000: 预算执行率 120%; its score is capped at 预算执行率权重 (execution_weight) 10"]),
        // 0.96 typed for 96% (a percent cell copied as its value).
        ("fraction-for-percent", [
            "content/2022/test/a.md:20:5: warning: 得分 (score) 0.1 is below its 分值 (weight) 10: give 偏差原因分析及改进措施 (reason)",
            "content/2022/test/a.md:25:5: warning: 实际完成值 (actual) 0.96 looks like a fraction, but the target \"≥95%\" is a percentage: write 96% (it is scored as 0.96)",
        ]),
        // Typing habits that break the YAML: the message names the habit and the fix, at its place.
        ("fullwidth-colon", ["content/2022/test/a.md:6:5: error: full-width colon `：` after `goal`; use `:`"]),
        ("fullwidth-comma", ["content/2022/test/a.md:5:23: error: full-width comma `，` inside `{…}`; use `,`"]),
        ("tab-indent", ["content/2022/test/a.md:13:1: error: tab used for indentation; YAML needs spaces"]),
        ("comma-in-flow", ["content/2022/test/a.md:5:21: error: `1,000` in a one-line `{…}` reads as two entries, `1` and `000`, because a comma separates them there: write 1000, or quote it, \"1,000\""]),
        // 百分比 as the unit, or in the target, is %: actual values in % or bare numbers score alike.
        ("percent-unit", []),
        // 项目顺序 in _unit.md: a name that is no project, or a name given twice, is said.
        ("unit-order", [
            "content/2022/test/_unit.md:6:5: warning: `zz` in 项目顺序 (order) is no project of the unit (the projects are its .md files and tables, by name without the ending)",
            "content/2022/test/_unit.md:7:5: warning: `c` is named twice in 项目顺序 (order); the first place stands",
        ]),
        // A comment after a tab ends the value, as YAML says.
        ("tab-comment", []),
    ]

    @Test(arguments: cases.map(\.fixture))
    func diagnostics(_ fixture: String) {
        let expected = Self.cases.first { $0.fixture == fixture }!.expected
        #expect(Fixtures.diagnostics(fixture) == expected)
    }

    /// Targets and amounts as clerks type them (以上, 不少于, 控制在…以内, full-width digits, `＞=`,
    /// thousands separators, quoted `"1,200.50"` in a one-line mapping) read as they mean: every actual
    /// meets its target and scores its weight, with nothing to say.
    @Test func targetWordsScoreAsTheyMean() throws {
        let checked = Fixtures.check("target-words")
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)")
        let project = try #require(checked.site.years.first?.units.first?.projects.first)
        let evaluation = try #require(checked.evaluation(checked.site.years[0], checked.site.years[0].units[0], project))
        #expect(evaluation.indicatorScores.map { $0?.plain } == Array(repeating: "10", count: 9))
        #expect(evaluation.total == 100)
        #expect(project.funds.overall.budget?.text == "1200.50")
    }

    /// The unit's 项目顺序 orders its projects, its 公开表 and its booklets; unnamed projects follow.
    @Test func pagesFollowTheUnitsOrder() throws {
        let checked = Fixtures.check("unit-order")
        #expect(checked.site.years[0].units[0].projects.map(\.slug) == ["c", "a", "b"])
        let output = Scratch.folder()
        #expect(Pipeline.build(root: Fixtures.url("unit-order"), output: output).succeeded)
        let unitPage = try String(contentsOf: output.appendingPathComponent("2022/test/index.html"), encoding: .utf8)
        let positions = ["项目c", "项目a", "项目b"].compactMap { unitPage.range(of: $0)?.lowerBound }
        #expect(positions.count == 3 && positions == positions.sorted())
        let booklet = try String(contentsOf: output.appendingPathComponent("2022/test/goal-tables/index.md"), encoding: .utf8)
        let inBooklet = ["项目c", "项目a", "项目b"].compactMap { booklet.range(of: $0)?.lowerBound }
        #expect(inBooklet.count == 3 && inBooklet == inBooklet.sorted())
    }

    @Test func aCommentAfterATabIsNotPartOfTheValue() throws {
        let project = try #require(Fixtures.check("tab-comment").site.years.first?.units.first?.projects.first)
        #expect(project.name == "办公设备")
    }

    /// "1 error", "2 errors": the summary lines count in words that agree.
    @Test func summariesCountInTheSingularForOne() throws {
        let one = try CommandLineTests.run(["check", Fixtures.url("total-after-broken-project").path])
        #expect(one.stderr == "checked 1 project (0 self-evaluations): 1 error, 0 warnings\n")
        let build = try CommandLineTests.run(["build", Fixtures.url("total-after-broken-project").path, "--output", Scratch.folder().appendingPathComponent("out").path])
        #expect(build.stderr == "build failed: 1 error; the output folder was left as it was\n")
        let several = try CommandLineTests.run(["check", Fixtures.url("stray-files").path])
        #expect(several.stderr == "checked 1 project (0 self-evaluations): 0 errors, 5 warnings\n")
    }

    /// Messages and the summary reach a terminal in order: every message before the summary line.
    @Test func importPrintsItsMessagesBeforeItsSummary() throws {
        let folder = Scratch.folder()
        try FileManager.default.copyItem(at: Fixtures.url("seeds").appendingPathComponent("002_menyuan.txt"),
                                         to: folder.appendingPathComponent("002_menyuan.txt"))
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["import", "002_menyuan.txt", "--into", "content/2024/menyuan-gsx"]
        process.currentDirectoryURL = folder
        let both = Pipe()
        process.standardOutput = both
        process.standardError = both
        try process.run()
        let text = String(decoding: both.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let lines = text.split(separator: "\n")
        #expect(lines.count == 34)
        #expect(lines.dropLast().allSatisfy { $0.hasPrefix("002_menyuan.txt:") })
        #expect(lines.last?.hasPrefix("imported 9 projects (102 indicators)") == true)
    }

    @Test func versionIsPrinted() throws {
        let result = try CommandLineTests.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == JixiaoVersion.current + "\n")
    }

    /// `jixiao init` writes a site that checks and builds clean, and refuses a folder that is not empty.
    @Test func initWritesASiteThatChecksAndBuildsClean() throws {
        let folder = Scratch.folder().appendingPathComponent("new-site")
        let result = try CommandLineTests.run(["init", folder.path])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.split(separator: "\n").count == 4)
        let checked = Pipeline.check(root: folder)
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)")
        let projects = checked.site.years.flatMap(\.units).flatMap(\.projects)
        #expect(projects.count == 2 && projects.filter(\.isSelfEvaluation).count == 1)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("templates").path))
        let built = Pipeline.build(root: folder)
        #expect(built.succeeded && built.diagnostics.isEmpty)
        // Every key of the field table is shown, with a comment, in the example files.
        let text = try NewSite.files(year: 2026).map(\.path).map { path in
            try String(contentsOf: folder.appendingPathComponent(path.replacingOccurrences(of: "2026", with: "\(checked.site.years[0].year)")), encoding: .utf8)
        }.joined()
        for set in FieldSet.all.values {
            for key in set.keys {
                #expect(text.contains("\(key):"), "\(set.kind): `\(key)` is not in the new site's files")
            }
        }

        let again = try CommandLineTests.run(["init", folder.path])
        #expect(again.status == 1)
        #expect(again.stderr.hasPrefix("error: \(folder.path) is not empty"))
    }
}
