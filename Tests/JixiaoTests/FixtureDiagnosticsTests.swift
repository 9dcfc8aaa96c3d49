import Foundation
import Testing
@testable import Jixiao

/// Each broken fixture site yields exactly its diagnostics: message, file, line and column.
@Suite struct FixtureDiagnosticsTests {
    static let cases: [(fixture: String, expected: [String])] = [
        ("malformed-yaml", ["content/2022/test/a.md:3:5: error: malformed YAML: while parsing a flow sequence: did not find expected ',' or ']'"]),
        ("unclosed-front-matter", ["content/2022/test/a.md:1:1: error: front matter is not closed: no second `---` line after the opening one"]),
        ("empty-file", ["content/2022/test/a.md:1:1: error: the file is empty: it needs front matter between `---` lines"]),
        ("invalid-utf8", ["content/2022/test/a.md:25:3: error: the file is not valid UTF-8 (byte 0xFF here); save it as UTF-8"]),
        ("missing-field", [
            "content/2022/test/a.md:2:1: error: 项目名称 (name) is missing: every project needs one",
            "content/2022/test/a.md:13:5: error: 三级指标 (name) is missing: every indicator needs one",
        ]),
        ("wrong-type", [
            "content/2022/test/a.md:6:7: error: 年度目标 (goal) must be text, not a list",
            "content/2022/test/a.md:18:13: error: 分值 (weight) must be a number, not \"三十\"",
        ]),
        ("unknown-key", [
            "content/2022/test/a.md:4:1: error: unknown key `colour` in project",
            "content/2022/test/a.md:19:5: error: unknown key `weigth` in indicator; did you mean `weight` (分值)?",
        ]),
        ("negative-money", ["content/2022/test/a.md:5:11: error: 当年财政拨款 (fiscal) may not be negative (-50.00)"]),
        ("monitoring-errors", [
            "content/2022/test/a.md:12:10: error: 监控截至月份 (month) must be a whole number from 1 to 12, not \"13\"",
            "content/2022/test/a.md:15:14: error: 三级指标 (name) 培训人次 is no 三级指标 of the project (did you mean 培训次数?)",
            "content/2022/test/a.md:16:42: error: 偏差原因 (cause) must be one of 经费保障 | 制度保障 | 人员保障 | 硬件条件保障 | 其他, not \"资金不足\"",
            "content/2022/test/a.md:16:60: error: 完成目标可能性 (likelihood) must be one of 确定能 | 有可能 | 完全不可能, not \"不确定\"",
        ]),
        // A unit's department-wide sheet: its findings at its own fields.
        ("overall-located", [
            "content/2023/u/_unit.md:4:3: warning: 全年执行数 (spent) 120 is more than 全年预算数 (budget) 100: 预算执行率 120%; its score is capped at 预算执行率权重 (execution_weight) 10",
            "content/2023/u/_unit.md:7:3: warning: 一级指标 (level1) points are 产出指标 90; the national split (rules.level1_weights) is 产出指标 50, 效益指标 30, 满意度指标 10",
        ]),
        ("monitoring-spent", [
            "content/2022/test/a.md:13:3: warning: 1-N月执行数 (spent) 85 is above the year's budget 80",
            "content/2022/test/b.md:13:3: warning: 执行进度 (execution progress) cannot be computed: the project gives no 全年预算数 or 年初预算数 above 0, so its light follows its indicators alone",
        ]),
        ("funds-total", ["content/2022/test/a.md:7:10: error: 年度资金总额 (total) is 70.00, but the sources add up to 60.00 (difference 10)"]),
        ("spent-zero-budget", ["content/2022/test/a.md:3:1: error: 全年执行数 (spent) is 5 but 全年预算数 (budget) is 0: the execution rate cannot be computed"]),
        ("unit-total", ["content/2022/test/_unit.md:4:1: warning: 合计 (total) is 1,334.06 万元, but the projects add up to 1,333.10 万元 (difference 0.96 万元)"]),
        ("duplicate-code", ["content/2022/b-unit/b.md:3:1: error: 项目编码 (code) 001 is used twice in 2022: also at content/2022/a-unit/a.md:3"]),
        ("unsafe-names", [
            "content/2022/my unit:1:1: error: unit folder name `my unit` cannot be used in a URL: spaces are not allowed",
            "content/2022/test/a b.md:1:1: error: file name `a b.md` cannot be used in a URL: spaces are not allowed",
            "content/drafts:1:1: error: `drafts` is not a year folder: folders in content/ are budget years of four digits, e.g. 2022",
        ]),
        ("target-unit", ["content/2022/test/a.md:22:13: error: 指标值 (target) \"≥90%\" is in %, but 计量单位 (unit) is 个"]),
        ("weights-goal", [
            "content/2022/test/a.md:7:1: warning: 一级指标 (level1) points are 产出指标 45, 效益指标 30, 满意度指标 10; the national split (rules.level1_weights) is 产出指标 50, 效益指标 30, 满意度指标 10",
            "content/2022/test/a.md:7:1: warning: 分值 (weight) of the indicators add up to 85 and 预算执行率权重 (execution_weight) is 10: 95 in all, not 100",
        ]),
        ("weights-self", [
            "content/2022/test/a.md:8:1: error: 分值 (weight) of the indicators add up to 85 and 预算执行率权重 (execution_weight) is 10: 95 in all, not 100",
            "content/2022/test/a.md:8:1: warning: 一级指标 (level1) points are 产出指标 45, 效益指标 30, 满意度指标 10; the national split (rules.level1_weights) is 产出指标 50, 效益指标 30, 满意度指标 10",
        ]),
        ("level1-split", ["content/2022/test/a.md:7:1: warning: 一级指标 (level1) points are 产出指标 40, 效益指标 40, 满意度指标 10; the national split (rules.level1_weights) is 产出指标 50, 效益指标 30, 满意度指标 10"]),
        ("below-weight", ["content/2022/test/a.md:9:5: warning: 得分 (score) 40 is below its 分值 (weight) 50: give 偏差原因分析及改进措施 (reason)"]),
        ("qualitative-band", [
            "content/2022/test/a.md:15:5: warning: 得分 (score) 25 is below its 分值 (weight) 30: give 偏差原因分析及改进措施 (reason)",
            "content/2022/test/a.md:22:5: error: 得分 (score) 25 is outside the band of 部分达成: 18 to under 24 (60%–80% of 分值 (weight) 30)",
        ]),
        ("qualitative-unscorable", ["content/2022/test/a.md:20:5: error: 定性 indicator cannot be scored: 实际完成值 (actual) \"部分提高\" is not the target \"有效提高\", and there is no 评级 (rating) (达成 / 部分达成 / 未达成) or 得分 (score)"]),
        ("qualitative-default", ["content/2022/test/a.md:21:5: warning: 评级 (rating) 部分达成 without 得分 (score): scored 18 of 30, the floor of its band (rules.qualitative_default: floor)"]),
        ("overachieve-low-execution", [
            "content/2022/test/a.md:3:1: warning: 预算执行率 82.6% is below 90%: explain it in 执行率偏低原因 (execution_reason)",
            "content/2022/test/a.md:13:5: warning: 实际完成值 (actual) 13 is at least 1.3 × the target 10: the target may have been set too low; explain it in 偏差原因分析及改进措施 (reason)",
        ]),
        ("bad-site-yaml", [
            "content/site.yaml:3:3: error: unknown key `decimal` in rules; did you mean `decimals` (得分小数位)?",
            "content/site.yaml:4:20: error: 反向指标公式 (reverse_formula) must be one of ratio | linear, not \"square\"",
        ]),
        ("too-large", [
            "content/2022/test/a.md:1:1: error: the file is too large to read: 3 KB, over the 1 KB that `max_file_kb` in content/site.yaml allows",
            "content/2022/test/t.csv:1:1: error: the file is too large to read: 2 KB, over the 1 KB that `max_table_kb` in content/site.yaml allows",
        ]),
        ("unreadable", ["content/2022/test/_unit.md:1:1: error: cannot read the file: it is a folder"]),
        // "Billion laughs": seven levels of ten aliases each, refused at the first anchor before anything expands.
        ("yaml-alias", ["content/2022/test/a.md:3:4: error: content files may not use YAML anchors or aliases, and this is an anchor (`&name`): write the value out (and quote text that starts with & or *)"]),
        ("bad-base-url", ["content/site.yaml:2:11: error: 链接前缀 (base_url) must be an absolute path such as `/` or `/site/`, an http(s) address such as `https://example.org/site/`, or a `file:///` folder, not \"javascript:alert(1)//\""]),
        // Links outside the site or to nothing: not followed (inside.md, a link to a.md, is read).
        ("symlinks", [
            "content/2021:1:1: error: `2021` is a symbolic link to `../../below-weight/content/2022`, outside the site: it is not read or published (copy what it points to into the site)",
            "content/2022/test/gone.md:1:1: error: `gone.md` is a symbolic link to `missing.md`, which does not exist",
            "content/2022/test/outside.md:1:1: error: `outside.md` is a symbolic link to `../../../../below-weight/content/2022/test/a.md`, outside the site: it is not read or published (copy what it points to into the site)",
            "content/site.yaml:1:1: error: `site.yaml` is a symbolic link to `../../bad-site-yaml/content/site.yaml`, outside the site: it is not read or published (copy what it points to into the site)",
        ]),
        ("control-characters", [
            "content/2022/test/a.md:5:7: error: control character U+001B in this value: content may hold tabs and line breaks, but no other control characters",
            "content/2022/test/b.md:13:3: error: control character U+001B here: content may hold tabs and line breaks, but no other control characters",
            "content/2022/test/t.csv:2:2: error: control character U+0007 in this cell: a table may hold tabs and line breaks, but no other control characters",
        ]),
        ("too-many-digits", [
            "content/2022/test/a.md:4:11: error: 当年财政拨款 (fiscal) 1234567890123456789012345678901234567899.99 has more digits than can be held exactly: at most 38 significant digits, and no more than 38 before or after the point",
            "content/2022/test/a.md:11:13: error: 分值 (weight) 50.00000000000000000000000000000000000001 has more digits than can be held exactly: at most 38 significant digits, and no more than 38 before or after the point",
        ]),
        // A missed negative target scored full marks (≥-5, actual -10: 50 of 50); comparisons without a number were 定性.
        ("target-problems", [
            "content/2022/test/a.md:11:13: error: 指标值 (target) \"≥-5\" is negative (-5): a target may not be negative",
            "content/2022/test/a.md:17:13: error: 指标值 (target) \"≥\" has a comparison (≥) but no number: write the number (≥95%), or write a 定性 target as text without the comparison",
            "content/2022/test/a.md:23:13: error: 指标值 (target) \"≤%\" has a comparison (≤) but no number: write the number (≤95%), or write a 定性 target as text without the comparison",
        ]),
        ("bad-rules", [
            "content/2022/test/_unit.md:4:11: error: 等级 (grades) needs at least one grade with its lowest total (0 to 100), e.g. {优: 90, 良: 80, 中: 60}",
            "content/site.yaml:3:15: error: 等级 (grades): `优` must be a total from 0 to 100, not 1000",
            "content/site.yaml:4:16: error: 超额完成倍数 (overachieve) must be a number greater than 1 (1.3: an actual value of 130% of the target), not \"0\"",
            "content/site.yaml:5:28: error: 执行率说明阈值 (execution_explain_below) must be a fraction from 0 to 1 (0.9) or a percent written with % (90%), not \"5\"",
        ]),
        ("csv-unterminated", ["content/2022/test/t.csv:3:2: error: unterminated quote: the quoted cell that starts here has no closing \""]),
        ("duplicate-keys", [
            "content/2022/test/a.md:5:25: error: key `initial` is written twice in this mapping (first on line 5): give each key once",
            "content/2022/test/a.md:12:5: error: key `weight` is written twice in this mapping (first on line 11): give each key once",
            "content/2022/test/a.md:13:1: error: key `goal` is written twice in this mapping (first on line 3): give each key once",
        ]),
        ("yaml-deep", ["content/2022/test/a.md:22:33: error: the YAML nests more than 16 levels deep here; content needs a few (look at the indentation and brackets)"]),
    ]

    @Test(arguments: cases.map(\.fixture))
    func diagnostics(_ fixture: String) {
        let expected = Self.cases.first { $0.fixture == fixture }!.expected
        #expect(Fixtures.diagnostics(fixture) == expected)
    }

    @Test func errorsAreOnlyWhereExpected() {
        for (fixture, expected) in Self.cases {
            let checked = Fixtures.check(fixture)
            #expect(checked.errors.isEmpty == !expected.contains { $0.contains(": error: ") }, "\(fixture)")
        }
    }

    /// Rules outside their range keep the level above's value; a percent threshold is a fraction.
    @Test func rulesOutsideTheirRangeKeepTheValueAbove() throws {
        let units = Fixtures.check("bad-rules").site.years.flatMap(\.units)
        let percent = try #require(units.first { $0.slug == "percent" })
        #expect(percent.rules.executionExplainBelow == Decimal(string: "0.85"))
        #expect(percent.rules.overachieve == Decimal(string: "1.5"))
        let test = try #require(units.first { $0.slug == "test" })
        #expect(test.rules.grades.map(\.name) == ["优", "良", "中"] && test.rules.grades.map(\.minimum) == [90, 80, 60])
        #expect(test.rules.overachieve == Decimal(string: "1.3") && test.rules.executionExplainBelow == Decimal(string: "0.9"))
    }

    @Test func validSiteWithBOMAndCRLFChecksClean() {
        let checked = Fixtures.check("valid-bom-crlf")
        #expect(checked.diagnostics.isEmpty)
        #expect(checked.site.title == "测试站点")
        let units = checked.site.years.flatMap(\.units)
        #expect(units.map(\.name) == ["测试局"])
        let projects = units.flatMap(\.projects)
        #expect(projects.map(\.slug) == ["goal", "self"])
        #expect(projects[0].name == "测试项目")
        #expect(projects[0].body == "项目说明。\n")
        #expect(projects[0].amount.text == "50.00")
        let evaluation = checked.evaluation(checked.site.years[0], units[0], projects[1])!
        #expect(evaluation.total?.description == "98.26")
        #expect(evaluation.grade == "优")
    }
}
