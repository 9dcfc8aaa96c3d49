import Foundation
import Testing
@testable import Jixiao
import JixiaoModel

/// A unit's department-wide sheet (`overall:`): the example's 淄博 unit (illustrative figures).
@Suite struct OverallSheetTests {
    static var output: URL { ExampleSite.output }

    static func page(_ path: String) throws -> String { try ExampleSite.page(path) }

    /// Scored like a project: 46560 of 48000 spent is 97%, 9.7 points; 资金拨付及时率 92% of 95% scores
    /// 15 × 92 / 95 = 14.53; 99.23 in all, 优.
    @Test func isScoredLikeAProject() throws {
        let unit = try ExampleSiteTests.unit(2021, "zibo")
        let year = try #require(ExampleSiteTests.checked.site.years.first { $0.year == 2021 })
        let evaluation = try #require(ExampleSiteTests.checked.overallEvaluation(year, unit))
        #expect(evaluation.execution?.score == Decimal(string: "9.7"))
        #expect(evaluation.indicatorScores.map { $0?.plain } == ["20", "15", "14.53", "15", "15", "10"])
        #expect(evaluation.total == Decimal(string: "99.23") && evaluation.grade == "优")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(CheckReport.json(ExampleSiteTests.checked).serialized().utf8)) as? [String: Any])
        let units = try #require(report["units"] as? [[String: Any]])
        #expect(units.count == 5)
        let zibo = try #require(units.first { $0["unit"] as? String == "zibo" })
        let overall = try #require(zibo["overall"] as? [String: Any])
        #expect(overall["total"] as? String == "99.23" && overall["grade"] as? String == "优" && overall["name"] as? String == "淄博市工业和信息化局")
        #expect(units.filter { $0["overall"] is NSNull }.count == 4)
        #expect(units.first { $0["unit"] as? String == "982001" }?["total"] as? String == "1334.06")
    }

    @Test func theUnitPageShowsTheGoalTableAndLinksTheSelfEvaluation() throws {
        let unit = try Self.page("2021/zibo/index.html")
        #expect(unit.contains("<h1>部门整体绩效目标表</h1>") && unit.contains("<a href=\"/2021/zibo/self-evaluation/\">查看部门整体支出绩效自评表</a>"))
        let sheet = try Self.page("2021/zibo/self-evaluation/index.md")
        #expect(sheet.contains("# 部门整体支出绩效自评表") && sheet.contains("| **总分** | | | | | **100** | **99.23** |"))
        #expect(try Self.page("2021/zibo/self-evaluation/index.html").contains("<a href=\"/2021/zibo/\">查看绩效目标表</a>"))
        // Units without `overall:` have neither.
        #expect(!(try Self.page("2022/982001/index.html")).contains("部门整体绩效目标表"))
        #expect(!FileManager.default.fileExists(atPath: Self.output.appendingPathComponent("2022/982001/self-evaluation").path))
    }

    @Test func aProjectCannotTakeItsAddress() throws {
        let root = try Scratch.copy(of: "golden")
        try FileManager.default.moveItem(at: root.appendingPathComponent("content/2023/demo/a-goal.md"),
                                         to: root.appendingPathComponent("content/2023/demo/self-evaluation.md"))
        let checked = Pipeline.check(root: root)
        #expect(checked.errors.map(\.code) == [.bookletAddress])
        #expect(checked.errors.first?.message.contains("部门整体支出绩效自评表") == true)
    }
}
