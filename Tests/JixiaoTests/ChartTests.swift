import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoRender
import JixiaoModel

/// The SVG charts of the year and unit pages: drawn to scale, labelled, described, and their numbers
/// given as a table too.
@Suite struct ChartTests {
    static let chart = BarChart(id: "c", title: "标题<1>", description: "说明", headings: ("项目", "值", "备注"),
                                rows: [.init(label: "甲", value: 50, text: "50%", note: "优"), .init(label: "乙", value: 150, text: "150%")],
                                scale: 100, marks: [(90, "90%")])

    @Test func barsAreDrawnToScaleAndLabelled() {
        let svg = Self.chart.svg
        #expect(svg.hasPrefix("<svg class=\"bar-chart\" viewBox=\"0 0 400 106\" role=\"img\" aria-labelledby=\"c-title c-desc\""))
        #expect(svg.contains("<title id=\"c-title\">标题&lt;1&gt;</title><desc id=\"c-desc\">说明</desc>"))
        // Half the bar area (400 - 96), and a value above the scale drawn full, its text saying how much.
        #expect(svg.contains("<rect class=\"bar\" x=\"0\" y=\"40\" width=\"152.0\" height=\"12\"/>"))
        #expect(svg.contains("width=\"304.0\"") && svg.contains(">150%</text>") && svg.contains(">50%（优）</text>"))
        #expect(svg.contains("<line class=\"mark\" x1=\"273.6\""))
        let html = Self.chart.html
        #expect(html.contains("<details class=\"chart-table\"><summary>查看数据表</summary><table class=\"chart-data\"><caption>标题&lt;1&gt;</caption>"))
        #expect(html.contains("<tr><th scope=\"row\">甲</th><td class=\"num\">50%</td><td>优</td></tr>"))
        #expect(Self.chart.markdown.contains("| 甲 | 50% | 优 |\n| 乙 | 150% |  |\n"))
    }

    @Test func theExampleUnitsHaveTheirCharts() throws {
        let checked = ExampleSiteTests.checked
        let year2021 = try #require(checked.site.years.first { $0.year == 2021 })
        let zibo = try ExampleSiteTests.unit(2021, "zibo")
        let charts = SiteCharts.unit(zibo, of: year2021, checked: checked)
        #expect(charts.map(\.id) == ["chart-execution", "chart-scores"] && charts.allSatisfy { $0.rows.count == 12 })
        #expect(charts[0].marks.map(\.label) == ["90%", "100%"] && charts[1].description == "12个项目的自评得分，平均100分；优 12。")
        let year2025 = try #require(checked.site.years.first { $0.year == 2025 })
        let yutian = try ExampleSiteTests.unit(2025, "436001")
        let lights = SiteCharts.unit(yutian, of: year2025, checked: checked)
        #expect(lights.map(\.id) == ["chart-lights"] && lights[0].rows.map(\.label) == ["红灯", "黄灯", "绿灯"])
        #expect(SiteCharts.year(year2021, checked: checked).first?.rows.map(\.note) == ["优 12"])
        // A unit with goal tables only has no chart.
        #expect(SiteCharts.unit(try ExampleSiteTests.unit(2022, "982001"), of: try #require(checked.site.years.first { $0.year == 2022 }), checked: checked).isEmpty)
        let page = try String(contentsOf: ExampleSite.output.appendingPathComponent("2021/zibo/index.html"), encoding: .utf8)
        #expect(page.contains("<section class=\"charts screen-only\" aria-label=\"图表\">\n<figure class=\"chart\" id=\"chart-execution\">"))
        let markdown = try String(contentsOf: ExampleSite.output.appendingPathComponent("2021/index.md"), encoding: .utf8)
        #expect(markdown.contains("| 单位 | 平均得分 | 等级分布 |\n| --- | ---: | --- |\n| 淄博市工业和信息化局 | 100 | 优 12 |"))
    }
}
