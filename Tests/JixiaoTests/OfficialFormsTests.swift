import Foundation
import Testing
@testable import Jixiao
import JixiaoModel

/// The pages as their publishers' forms: what was published, as it was written.
@Suite struct OfficialFormsTests {
    static var output: URL { ExampleSite.output }

    static func page(_ path: String) throws -> String { try ExampleSite.page(path) }

    /// The 公开表's 合计 row shows the published 合计; the projects' sum and the difference are flagged
    /// beside it (a mark and a footnote), in the page and its Markdown twin.
    @Test func theTotalRowShowsThePublishedTotal() throws {
        let html = try Self.page("2022/982001/index.html")
        #expect(html.contains("<tr class=\"total-row\"><th scope=\"row\">合计</th>"))
        let row = try #require(html.range(of: "<tr class=\"total-row\">").map { String(html[$0.lowerBound...].prefix(400)) })
        #expect(row.contains("1,334.06<sup class=\"mismatch\""))
        #expect(html.contains("※ 合计为公布数 1,334.06；各项目金额之和为 1,308.07，相差 25.99（万元）。"))
        let markdown = try Self.page("2022/982001/index.md")
        #expect(markdown.contains("**1,334.06**※"))
        #expect(markdown.contains("※ 合计为公布数 1,334.06；各项目金额之和为 1,308.07，相差 25.99（万元）。"))
        // A unit whose 合计 adds up shows it without a mark.
        let menyuan = try Self.page("2024/menyuan-gsx/index.html")
        #expect(menyuan.contains("347.79</td>") && !menyuan.contains("※"))
    }

    /// A goal table shows the funds rows its source gave, and nothing it did not: Ordos publishes
    /// 财政拨款数, 非财政拨款数 0.00 and 预算执行率权重 10; Menyuan's 公开表 gives one amount only.
    @Test func aGoalTableInventsNoFundsRows() throws {
        let ordos = try Self.page("2022/ordos-xzsp/15060022200000035288/index.md")
        #expect(ordos.contains("| 财政拨款数 | 60.00 |") && ordos.contains("| 非财政拨款数 | 0.00 |") && ordos.contains("| 预算执行率权重（%） | 10 |"))
        let menyuan = try Self.page("2024/menyuan-gsx/01/index.md")
        #expect(menyuan.contains("| 资金总额 |"))
        #expect(!menyuan.contains("财政拨款数") && !menyuan.contains("预算执行率权重"))
        let html = try Self.page("2024/menyuan-gsx/01/index.html")
        #expect(html.contains("rowspan=\"1\">投入目标"))
    }

    /// A target published as a bare number gets no 等于 in the 指标方向 column: Menyuan's 90.79.
    @Test func noDirectionIsAddedToABareNumber() throws {
        let menyuan = try Self.page("2024/menyuan-gsx/02/index.md")
        let row = try #require(menyuan.split(separator: "\n").first { $0.contains("猪肉储备金额") })
        #expect(!row.contains("等于") && row.contains("| 90.79 |"))
        let yutian = try Self.page("2025/436001/13022925P004R2810705C/index.md")
        #expect(yutian.contains("| ≥80百分比 |"))
    }

    /// Zibo's sheets as its form prints them: titled 市级预算项目支出绩效自评表, with the row about totals
    /// under 80 below every sheet's 总分, on each page and in the booklet, in HTML and Markdown.
    @Test func ziboSheetsFollowTheirForm() throws {
        let note = "总分在80分以下项目未实现绩效目标的原因分析及拟采取的措施说明"
        let page = try Self.page("2021/zibo/guquan-touzi/self-evaluation/index.html")
        #expect(page.contains("<h1>市级预算项目支出绩效自评表</h1>"))
        #expect(page.contains("<tr class=\"notes-row\"><td colspan=\"8\">\(note)</td></tr>"))
        #expect(try Self.page("2021/zibo/guquan-touzi/self-evaluation/index.md").contains("# 市级预算项目支出绩效自评表"))
        let booklet = try Self.page("2021/zibo/self-evaluations/index.html")
        #expect(booklet.components(separatedBy: "<h1>市级预算项目支出绩效自评表</h1>").count == 13)
        #expect(booklet.components(separatedBy: note).count == 13)
        let markdown = try Self.page("2021/zibo/self-evaluations/index.md")
        #expect(markdown.components(separatedBy: "| \(note) |").count == 13)
        // Other units keep the national title and print no such row.
        let ordos = try Self.page("2022/982001/01/index.html")
        #expect(!ordos.contains(note))
    }

    /// Menyuan's 公开表 as its form prints it: the 合计 first, the projects numbered under 单位编码, the
    /// indicators as published, a paragraph a line.
    @Test func menyuanTableFollowsItsForm() throws {
        let html = try Self.page("2024/menyuan-gsx/index.html")
        let body = try #require(html.range(of: "<tbody>").map { String(html[$0.upperBound...]) })
        #expect(body.hasPrefix("\n<tr class=\"total-row\"><th scope=\"row\">合计</th><td></td><td class=\"num\">347.79</td><td></td><td></td></tr>"))
        #expect(html.contains("<th scope=\"col\">单位编码</th><th scope=\"col\">单位及项目名称</th><th scope=\"col\">金额(万元)</th>"))
        #expect(html.contains("<p>(一) 数量指标</p>\n<p>1. 项目资金金额≥30万元</p>"))
        #expect(!html.contains("<tfoot>"))
    }

    /// A title's placeholders are filled in one pass: what a filled-in value holds stays as written, and
    /// braces that are no placeholder stay too.
    @Test func titlePlaceholdersAreFilledInOnce() {
        #expect(SheetForm.title("{序号}.{项目名称}（{年度}）{单位}{金额单位}", project: "培训{年度}", number: 3, year: 2023, unit: "示例局", moneyUnit: "万元")
            == "3.培训{年度}（2023）示例局万元")
        #expect(SheetForm.title("{其他}{序号 {{年度}}", number: 1, year: 2023) == "{其他}{序号 {2023}")
        #expect(SheetForm.title("项目绩效目标表", year: 2023) == "项目绩效目标表")
    }

    /// A form chosen by name, its title written over with the project and its place; a name that is no
    /// built-in form is an error naming the forms there are.
    @Test func formsAreChosenByName() throws {
        let root = try Scratch.copy(of: "golden")
        let site = root.appendingPathComponent("content/site.yaml")
        try (String(contentsOf: site, encoding: .utf8) + "forms:\n  goal_table: {name: yutian, title: \"{序号}.{项目名称}（{年度}）\"}\n")
            .write(to: site, atomically: true, encoding: .utf8)
        let output = root.appendingPathComponent("public")
        #expect(Pipeline.build(root: root, output: output).succeeded)
        let page = try String(contentsOf: output.appendingPathComponent("2023/demo/a-goal/index.html"), encoding: .utf8)
        #expect(page.contains("<h1>1.培训项目（2023）</h1>"))
        #expect(page.contains("<div class=\"sheet-unit\"><p>000123示例局</p><p>单位：万元</p></div>"))
        #expect(page.contains("<th scope=\"col\">指标值</th>"))

        // The 公开表 titled and signed as the unit says.
        let unit = root.appendingPathComponent("content/2023/demo/_unit.md")
        try String(contentsOf: unit, encoding: .utf8)
            .replacingOccurrences(of: "forms:\n", with: "forms:\n  disclosure: {title: \"{单位}{年度}年项目绩效目标表\", notes: [备注行], signatures: [填报单位, 负责人]}\n")
            .write(to: unit, atomically: true, encoding: .utf8)
        #expect(Pipeline.build(root: root, output: output).succeeded)
        let table = try String(contentsOf: output.appendingPathComponent("2023/demo/index.html"), encoding: .utf8)
        #expect(table.contains("<h2 class=\"form-title\">示例局2023年项目绩效目标表</h2>"))
        #expect(table.contains("<p class=\"form-note\">备注行</p>\n<p class=\"form-signatures\"><span>填报单位：</span><span>负责人：</span></p>"))
        let markdown = try String(contentsOf: output.appendingPathComponent("2023/demo/index.md"), encoding: .utf8)
        #expect(markdown.contains("填报单位：　　　　负责人：　　　　"))

        try (String(contentsOf: site, encoding: .utf8) + "  disclosure: {name: nosuch}\n").write(to: site, atomically: true, encoding: .utf8)
        let checked = Pipeline.check(root: root)
        #expect(checked.errors.map(\.message) == ["表样名称 (name) of 公开表 (disclosure) must be one of national | ordos-table15 | menyuan, not \"nosuch\""])
    }
}

/// A target's comparison and number as written, for forms that print them in columns of their own.
@Suite struct WrittenTargetPartsTests {
    @Test(arguments: [
        ("大于等于10", "大于等于", "10"), ("≥80百分比", "≥", "80"), ("90%以上", "以上", "90"), ("＞＝９０％", "＞＝", "９０"),
        ("100", "", "100"), ("≤ 1,200.5万元", "≤", "1,200.5"), ("2022年12月前", "", "2022年12月前"), ("不低于95%", "不低于", "95"),
    ])
    func parts(_ text: String, _ comparison: String, _ value: String) {
        let parts = Target(parsing: text).writtenParts
        #expect(parts.comparison == comparison && parts.value == value, "\(text)")
    }
}
