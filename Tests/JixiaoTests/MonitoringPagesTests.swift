import Foundation
import Testing
@testable import Jixiao
import JixiaoModel

/// The monitoring sheets of the example site (玉田, 2025: one project of each light, illustrative figures).
@Suite struct MonitoringPagesTests {
    static var output: URL { ExampleSite.output }

    static func page(_ path: String) throws -> String { try ExampleSite.page(path) }

    @Test func eachMonitoredProjectHasItsSheetWithItsLightInWords() throws {
        for (project, light, words) in [("13022925P004R2810705C", "green", "绿灯"), ("13022925P00JXC4196286", "yellow", "黄灯"),
                                        ("13022925P00JXC410303L", "red", "红灯")]
        {
            let html = try Self.page("2025/436001/\(project)/monitoring/index.html")
            #expect(html.contains("<h1>项目支出绩效运行监控表</h1>") && html.contains("（2025年1-6月）"))
            #expect(html.contains("<span class=\"light light-\(light)\">\(words)</span></td></tr></tbody>"), "\(project)")
            let markdown = try Self.page("2025/436001/\(project)/monitoring/index.md")
            #expect(markdown.contains("| \(words) |"), "\(project)")
        }
        let red = try Self.page("2025/436001/13022925P00JXC410303L/monitoring/index.md")
        #expect(red.contains("| 20,000.00 |  | 4,000.00 | 20% | 16,000.00 | 50% | 30 | 红灯 |"))
        #expect(red.contains("| 完成率 | 100百分比 | 20% | 80% | 经费保障 | 完全不可能 红灯 | 调整实施计划 |"))
        #expect(!FileManager.default.fileExists(atPath: Self.output.appendingPathComponent("2025/436001/13022925P00020410001B/monitoring").path))
    }

    @Test func theBookletSummarisesTheLightsMostLaggingFirst() throws {
        let markdown = try Self.page("2025/436001/monitoring/index.md")
        #expect(markdown.contains("监控结果：红灯 1 个，黄灯 1 个，绿灯 1 个（按执行偏差从大到小）"))
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("% |") && $0.contains("灯 |") && !$0.contains("执行数") }
        #expect(rows.prefix(3).map { String($0.split(separator: "|")[0]).trimmingCharacters(in: .whitespaces) } == ["咨询费", "残疾人保障金", "2025年原玉螺水泥有限公司职工医疗保险费"])
        #expect(markdown.components(separatedBy: "# 项目支出绩效运行监控表").count == 4)
        let unit = try Self.page("2025/436001/index.html")
        #expect(unit.contains("<a href=\"/2025/436001/monitoring/\">全部绩效运行监控表</a>（3 张，打印用）"))
    }

    @Test func jsonGivesEachLight() throws {
        let report = try #require(try JSONSerialization.jsonObject(with: Data(CheckReport.json(ExampleSiteTests.checked).serialized().utf8)) as? [String: Any])
        let lights = (report["projects"] as? [[String: Any]] ?? []).compactMap { project -> String? in
            (project["monitoring"] as? [String: Any])?["light"] as? String
        }
        #expect(lights.count == 3 && Set(lights) == ["green", "yellow", "red"])
    }

    @Test func aProjectCannotTakeTheMonitoringBookletsAddress() throws {
        let root = try Scratch.copy(of: "golden")
        try FileManager.default.moveItem(at: root.appendingPathComponent("content/2023/demo/a-goal.md"),
                                         to: root.appendingPathComponent("content/2023/demo/monitoring.md"))
        let checked = Pipeline.check(root: root)
        #expect(checked.errors.map(\.code) == [.bookletAddress])
        #expect(checked.errors.first?.message.contains("booklet of 绩效运行监控表") == true)
    }
}

/// `rules.monitoring_red` and `monitoring_yellow` in site.yaml move the lights; yellow may not pass red.
@Suite struct MonitoringRulesTests {
    /// The golden project's light under `rules`, every indicator still possible; and the errors.
    static func light(rules: String) throws -> (light: Light?, errors: [String]) {
        let root = try Scratch.copy(of: "golden")
        let site = root.appendingPathComponent("content/site.yaml")
        try (String(contentsOf: site, encoding: .utf8) + "rules:\n" + rules).write(to: site, atomically: true, encoding: .utf8)
        let project = root.appendingPathComponent("content/2023/demo/a-goal.md")
        try String(contentsOf: project, encoding: .utf8).replacingOccurrences(of: "完全不可能", with: "有可能")
            .write(to: project, atomically: true, encoding: .utf8)
        let checked = Pipeline.check(root: root)
        return (checked.evaluations.values.compactMap(\.monitoring).first?.light, checked.errors.map(\.message))
    }

    /// The golden project spends 28.57% by month 6: a lag of 21.4 points.
    @Test func thresholdsComeFromTheRules() throws {
        #expect(try Self.light(rules: "  execution_weight: 10\n").light == .red)
        #expect(try Self.light(rules: "  monitoring_red: 25\n").light == .yellow)
        #expect(try Self.light(rules: "  monitoring_red: 30\n  monitoring_yellow: 22\n").light == .green)
        let crossed = try Self.light(rules: "  monitoring_red: 8\n")
        #expect(crossed.errors == ["红灯偏差 (monitoring_red) must be points of lag no fewer than monitoring_yellow (10), not \"8\""])
        #expect(try Self.light(rules: "  monitoring_yellow: 25\n").errors == ["黄灯偏差 (monitoring_yellow) must be points of lag no greater than monitoring_red (20), not \"25\""])
    }
}
