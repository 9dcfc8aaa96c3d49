import Foundation
import Testing
@testable import Jixiao
import JixiaoModel

/// `jixiao review` on fixture sites, the review page, and projects linked across years by their code.
@Suite struct ReviewTests {
    /// The review-rules fixture: every rule triggered once or twice, beside near-misses that are not.
    @Test func reviewPrintsEachRulesFindingsAtTheirPlaces() throws {
        let result = try CommandLineTests.run(["review", Fixtures.url("review-rules").path])
        #expect(result.status == 0)
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "content/2025/u/a.md:11:46: warning: R05 指标值 (target) ≤120万元 of the cost indicator 采购成本 exceeds the project's budget of 100 万元: a cost cannot be more than the funds",
            "content/2025/u/a.md:14:55: warning: R06 指标值 (target) ≥75% of 使用人员满意度 is below 80%: a satisfaction target that low promises little; aim for at least 80%",
            "content/2025/u/b.md:6:1: warning: R10 年度目标 (goal) has 4 characters, fewer than 10: say what the project will achieve, how much and by when",
            "content/2025/u/b.md:7:1: warning: R07 the indicators (names and targets) are the same as those of 设备更新项目 (a.md): write the ones that measure what this project does",
            "content/2025/u/b.md:9:55: warning: R06 指标值 (target) ≥75% of 使用人员满意度 is below 80%: a satisfaction target that low promises little; aim for at least 80%",
            "content/2025/u/c.md:15:49: warning: R03 指标值 (target) 有所提升 of 工作完成率 is vague (有所) where the name asks for a number (率): write the value to reach, e.g. ≥95%",
            "content/2025/u/d.md:6:1: warning: R01 一级指标 (level1) 满意度指标 is missing: add at least one indicator under it; where 满意度 does not apply, say why in satisfaction_not_applicable",
            "content/2025/u/d.md:6:1: warning: R04 2 of the 3 indicators are qualitative (定性), more than a third: give numbers where the work can be counted",
            "content/2025/u/d.md:6:1: warning: R09 一级指标 (level1) points are 产出指标 60, 效益指标 30, not 产出指标 50, 效益指标 30, 满意度指标 10: move 分值 (weight) between the groups to match the split",
            "content/2025/u/d.md:9:6: warning: R02 产出指标 has no 时效指标, 成本指标: add indicators of those kinds under it",
            "content/2025/u/e.md:9:46: warning: R08 指标值 (target) ≥450 of 培训人次 is lower than the 2024 target ≥500 (2024/training.md): keep it at least as demanding, or say why in a note",
            "content/2025/u/e.md:11:45: warning: R08 指标值 (target) ≥92% of 合格率 is lower than the 2024 actual value 95% (2024/training.md): a target short of what was already reached asks for a reason",
        ])
        #expect(result.stderr == "reviewed 6 projects: 12 findings (R01 1, R02 1, R03 1, R04 1, R05 1, R06 2, R07 1, R08 2, R09 1, R10 1), 0 errors\n")
        let year = try CommandLineTests.run(["review", Fixtures.url("review-rules").path, "--year", "2024"])
        #expect(year.status == 0 && year.stdout.isEmpty && year.stderr == "reviewed 1 project: 0 findings, 0 errors\n")
        let unit = try CommandLineTests.run(["review", Fixtures.url("review-rules").path, "--unit", "nosuch"])
        #expect(unit.status == 0 && unit.stderr == "reviewed 0 projects: 0 findings, 0 errors\n")
    }

    /// A site raises a rule to an error (exit status 1), turns one off, and moves a threshold.
    @Test func siteSettingsDecideSeverityAndThresholds() throws {
        let root = try Scratch.copy(of: "review-rules")
        try "title: 审核\nreview:\n  R05: error\n  R07: off\n  R10: note\n  satisfaction_floor: 70\n"
            .write(to: root.appendingPathComponent("content/site.yaml"), atomically: true, encoding: .utf8)
        let result = try CommandLineTests.run(["review", root.path])
        #expect(result.status == 1)
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.contains { $0.hasPrefix("content/2025/u/a.md:11:46: error: R05 ") })
        #expect(lines.contains { $0.hasPrefix("content/2025/u/b.md:6:1: note: R10 ") })
        #expect(!lines.contains { $0.contains(" R07 ") || $0.contains(" R06 ") })
        #expect(result.stderr == "reviewed 6 projects: 9 findings (R01 1, R02 1, R03 1, R04 1, R05 1, R08 2, R09 1, R10 1), 1 error\n")
    }

    @Test func reviewJSONHasItsContractShape() throws {
        let result = try CommandLineTests.run(["review", Fixtures.url("review-rules").path, "--json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == 12)
        let first = findings[0]
        #expect(first["rule"] as? String == "R05" && first["severity"] as? String == "warning" && first["file"] as? String == "content/2025/u/a.md")
        #expect(first["line"] as? Int == 11 && first["column"] as? Int == 46 && (first["message"] as? String)?.hasPrefix("指标值 (target) ≤120万元") == true)
        #expect((first["project"] as? [String: Any])?["project"] as? String == "a")
        let history = try #require(json["history"] as? [[String: Any]])
        #expect(history.count == 1 && history[0]["code"] as? String == "PX-01")
        #expect((history[0]["projects"] as? [[String: Any]])?.map { "\($0["year"]!)/\($0["unit"]!)/\($0["project"]!)" } == ["2024/u/training", "2025/u/e"])
        #expect(json["projects"] as? Int == 6 && (json["errors"] as? [Any])?.isEmpty == true)
    }

    @Test func aSiteThatDoesNotCheckIsNotReviewed() throws {
        let result = try CommandLineTests.run(["review", Fixtures.url("unknown-key").path])
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("content/2022/test/a.md:4:1: error: unknown key `colour` in project\n"))
        #expect(result.stderr.hasPrefix("not reviewed: the content has 2 errors"))
    }

    @Test func badReviewSettingsAreNamed() throws {
        let root = try Scratch.copy(of: "review-rules")
        let site = root.appendingPathComponent("content/site.yaml")
        try "title: 审核\nreview:\n  R05: fatal\n  qualitative_share: 2\n  colour: red\n".write(to: site, atomically: true, encoding: .utf8)
        let messages = Pipeline.check(root: root).errors.map(\.description)
        #expect(messages == [
            "content/site.yaml:3:8: error: 审核规则 (R05) must be one of error | warning | note | off, not \"fatal\"",
            "content/site.yaml:4:22: error: 定性指标占比上限 (qualitative_share) must be a fraction from 0 to 1 (0.9) or a percent written with % (90%), not \"2\"",
            "content/site.yaml:5:3: error: unknown key `colour` in review",
        ])
    }

    /// The README's table of what review finds in the example site is what review finds.
    @Test func theReadmeListsTheExampleSitesFindings() throws {
        let report = Pipeline.review(ReviewRequest(root: ExampleSite.root))
        var counts: [String: [ReviewRule: Int]] = [:]
        for finding in report.findings { counts[finding.project.unit, default: [:]][finding.rule, default: 0] += 1 }
        let readme = try String(contentsOf: ExampleSite.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("(\(report.findings.count) findings, every rule at its default warning"))
        for year in ExampleSiteTests.checked.site.years {
            for unit in year.units {
                let row = try #require(readme.split(separator: "\n").first { $0.hasPrefix("| \(unit.name) (") }, "\(unit.name)")
                let listed = row.split(separator: "|")[1].split(separator: ",").map { Trim.whitespace(String($0)) }
                let found = (counts[unit.slug] ?? [:]).map { "\($0.key.rawValue) \($0.value)" }
                #expect(Set(listed) == Set(found), "\(unit.name)")
            }
        }
    }

    // MARK: Year over year

    static let years = Fixtures.url("year-over-year")

    @Test func targetsWeakerThanLastYearAreFound() throws {
        let report = Pipeline.review(ReviewRequest(root: Self.years))
        #expect(report.findings.filter { $0.rule == .r08 }.map(\.description) == [
            "content/2024/demo/training.md:9:46: warning: R08 指标值 (target) ≥450 of 培训人次 is lower than the 2023 target ≥500 (2023/training.md): keep it at least as demanding, or say why in a note",
            "content/2024/demo/training.md:13:47: warning: R08 指标值 (target) ≥65% of 就业率 is lower than the 2023 actual value 70% (2023/training.md): a target short of what was already reached asks for a reason",
        ])
        guard case let .object(members) = report.json, case let .array(history)? = members.first(where: { $0.0 == "history" })?.1 else {
            Issue.record("no history in the JSON")
            return
        }
        #expect(history.count == 1 && JSONValue.array(history).serialized().contains("2023-PX-01"))
    }

    @Test func pagesLinkTheYearsAndCompareIndicators() throws {
        let output = Scratch.folder().appendingPathComponent("public")
        #expect(Pipeline.build(root: Self.years, output: output).succeeded)
        let page = try String(contentsOf: output.appendingPathComponent("2024/demo/training/index.html"), encoding: .utf8)
        #expect(page.contains("<h2 id=\"history-title\">历年对比</h2>"))
        #expect(page.contains("<a href=\"/2023/demo/training/\">2023年绩效目标表</a>（<a href=\"/2023/demo/training/self-evaluation/\">绩效自评表</a>） <span aria-current=\"page\">2024年</span>"))
        #expect(page.contains("<tr><th scope=\"rowgroup\" rowspan=\"2\">培训人次</th><td>2023</td><td>≥500</td><td>620</td><td class=\"num\">30</td></tr>\n<tr class=\"current\"><td>2024</td><td>≥450</td><td></td><td class=\"num\"></td></tr>"))
        // An indicator new this year has nothing to compare.
        #expect(!page.contains("<th scope=\"rowgroup\" rowspan=\"2\">培训完成时间</th>") && !page.contains(">培训完成时间</th><td>"))
        let markdown = try String(contentsOf: output.appendingPathComponent("2024/demo/training/index.md"), encoding: .utf8)
        #expect(markdown.contains("## 历年对比\n\n- [2023年绩效目标表](/2023/demo/training/) · [2023年绩效自评表](/2023/demo/training/self-evaluation/)\n"))
        #expect(markdown.contains("| 培训人次 | 2023 | ≥500 | 620 | 30 |\n|  | 2024 | ≥450 |  |  |\n"))
        // The self-evaluation links the other years, without the table; the print is the form alone.
        let evaluation = try String(contentsOf: output.appendingPathComponent("2023/demo/training/self-evaluation/index.html"), encoding: .utf8)
        #expect(evaluation.contains("<a href=\"/2024/demo/training/\">2024年绩效目标表</a>") && !evaluation.contains("history-table"))
        #expect(page.contains("<section class=\"history screen-only\""))
        // A project whose code no other year has shows no history.
        #expect(!(try String(contentsOf: ExampleSite.output.appendingPathComponent("2021/zibo/index.html"), encoding: .utf8)).contains("历年对比"))
    }

    /// The preview keeps pages that compare years up to date when the other year's file changes.
    @Test func aChangeInOneYearRendersTheOtherYearsPageAgain() throws {
        let root = try Scratch.copy(of: "year-over-year")
        let output = root.appendingPathComponent("public")
        let session = BuildSession(root: root, output: output)
        #expect(session.build().succeeded)
        let file = root.appendingPathComponent("content/2023/demo/training.md")
        try String(contentsOf: file, encoding: .utf8).replacingOccurrences(of: "actual: \"620\"", with: "actual: \"640\"")
            .write(to: file, atomically: true, encoding: .utf8)
        #expect(session.build().succeeded)
        let page = try String(contentsOf: output.appendingPathComponent("2024/demo/training/index.html"), encoding: .utf8)
        #expect(page.contains("<td>2023</td><td>≥500</td><td>640</td>"))
        // The same as a build from scratch.
        let fresh = Scratch.folder().appendingPathComponent("public")
        #expect(Pipeline.build(root: root, output: fresh).succeeded)
        #expect(BuildSessionTests.differences(Scratch.tree(output), Scratch.tree(fresh)) == [])
    }

    // MARK: The review page

    @Test func theReviewPageIsWrittenOnlyWhenAskedAndNeverLinked() throws {
        let output = Scratch.folder().appendingPathComponent("public")
        #expect(Pipeline.build(root: Self.years, output: output).succeeded)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent("2024/demo/review").path))

        let result = try CommandLineTests.run(["build", Self.years.path, "--output", output.path, "--review"])
        #expect(result.status == 0)
        let page = try String(contentsOf: output.appendingPathComponent("2024/demo/review/index.html"), encoding: .utf8)
        #expect(page.contains("<meta name=\"robots\" content=\"noindex, nofollow\">"))
        #expect(page.contains("<h1>示例局2024年度审核意见</h1>"))
        #expect(page.contains("<li class=\"review-warning\"><strong>R08 指标值低于上年</strong>（警告）：“培训人次”的指标值“≥450”低于2023年的指标值“≥500”，请保持不低于上年的要求，或说明原因 <code>content/2024/demo/training.md:9:46</code></li>"))
        let markdown = try String(contentsOf: output.appendingPathComponent("2024/demo/review/index.md"), encoding: .utf8)
        #expect(markdown.contains("- **R08 指标值低于上年**（警告）：“就业率”的指标值“≥65%”低于2023年的实际完成值“70%”，请说明原因（`content/2024/demo/training.md:13:47`）"))
        let sitemap = try String(contentsOf: output.appendingPathComponent("sitemap.xml"), encoding: .utf8)
        #expect(!sitemap.contains("review"))
        for (path, data) in Scratch.tree(output) where path.hasSuffix(".html") && !path.contains("/review/") {
            #expect(!String(decoding: data, as: UTF8.self).contains("/review/"), "\(path) links the review page")
        }
    }

    @Test func aProjectMayNotTakeTheReviewPagesAddress() throws {
        let root = try Scratch.copy(of: "review-rules")
        try FileManager.default.copyItem(at: root.appendingPathComponent("content/2025/u/c.md"), to: root.appendingPathComponent("content/2025/u/review.md"))
        try FileManager.default.removeItem(at: root.appendingPathComponent("content/2024"))
        let errors = Pipeline.check(root: root).errors.map(\.description)
        #expect(errors == ["content/2025/u/review.md:2:1: error: project `review` would be published at /2025/u/review/, the address of the unit's review findings (审核意见); rename the file"])
    }
}
