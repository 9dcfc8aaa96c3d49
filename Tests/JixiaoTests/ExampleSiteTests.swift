import Foundation
import Testing
@testable import Jixiao
import JixiaoModel

/// The example site under content/ reproduces the published seeds.
@Suite struct ExampleSiteTests {
    static let checked = Pipeline.check(root: ExampleSite.root)

    /// 得分 of every indicator of the 12 Zibo sheets (seed 004), in sheet order, as published.
    static let publishedZiboScores: [(slug: String, scores: [String])] = [
        ("anbao-weiwen-wuxiandian", ["5", "10", "3", "4", "3", "15", "1", "9", "10", "20", "10"]),
        ("chanye-dengpan", ["2", "2", "2", "2", "2", "2", "1", "1", "1", "1", "9", "15", "10", "1", "1", "1", "2", "5", "5", "2", "1", "2", "5", "5", "10"]),
        ("dianzi-xinxi-lianghua-ronghe", ["15", "10", "7", "8", "10", "10", "10", "10", "10"]),
        ("ganbu-peixun-zhicheng-pingshen", ["15", "1", "9", "14", "1", "10", "15", "15", "1", "9"]),
        ("gongye-zhengce-jishu-chuangxin", ["10", "5", "10", "15", "10", "5", "5", "5", "5", "10", "10"]),
        ("guquan-touzi", ["15", "10", "7", "8", "10", "10", "10", "10", "10"]),
        ("jigai-hangye-lvse-pinpai", ["7", "8", "10", "15", "10", "10", "5", "5", "5", "5", "10"]),
        ("jingji-yunxing-zhongxiao-qiye", ["4", "4", "4", "3", "10", "10", "5", "10", "5", "5", "10", "10", "10"]),
        ("minbao-anquan-jianguan", ["4", "4", "3", "4", "10", "15", "10", "5", "5", "5", "15", "10"]),
        ("qiye-guanli-junmin-ronghe", ["5", "10", "10", "8", "7", "10", "15", "15", "10"]),
        ("xinxing-gongyehua-qiangshi", ["5", "5", "5", "10", "5", "10", "10", "5", "5", "20", "5", "5"]),
        ("zhichi-xinjingji", ["15", "10", "15", "10", "10", "10", "10", "10"]),
    ]

    @Test func checksWithoutErrors() {
        #expect(Self.checked.errors.map(\.description) == [])
    }

    @Test func holdsEveryProjectOfTheSeeds() {
        let counts = Self.checked.site.years.flatMap { year in
            year.units.map { "\(year.year)/\($0.slug): \($0.projects.count)" }
        }
        #expect(counts.contains("2021/zibo: 12"))
        #expect(counts.contains("2022/ordos-xzsp: 9"))  // seed 001 holds nine tables, not the ten the issue says
        #expect(counts.contains("2025/436001: 10"))
        #expect(counts.contains("2022/982001: 25"))  // seed 000, imported
        #expect(counts.contains("2024/menyuan-gsx: 9"))  // seed 002, imported
    }

    static func unit(_ year: Int, _ slug: String) throws -> JixiaoModel.Unit {
        try #require(checked.site.years.first { $0.year == year }?.units.first { $0.slug == slug })
    }

    /// Seed 000: 25 projects with their categories, 预算数 and indicators; the published 合计 1,334.06 is
    /// 25.99 more than the projects, and check says so.
    @Test func ordosIndustryHasEveryProjectAndThePublishedTotal() throws {
        let unit = try Self.unit(2022, "982001")
        #expect((unit.name, unit.code, unit.total?.text) == ("鄂尔多斯市工业和信息化局", "982001", "1334.06"))
        #expect(unit.projects.map(\.amount.text) == [
            "255.36", "27.66", "0.22", "0.64", "51.46", "349.07", "38.60", "34.98", "32.67", "1.44", "3.67", "7.64", "17.36",
            "8.00", "12.30", "46.00", "60.00", "8.00", "50.00", "10.00", "83.00", "100.00", "20.00", "40.00", "50.00",
        ])
        #expect(unit.projectsTotal.text == "1308.07")
        let categories = unit.projects.map { $0.category ?? "" }
        #expect(categories.prefix(7).allSatisfy { $0 == "工资福利支出" } && categories[7..<13].allSatisfy { $0 == "公用经费" })
        #expect(categories[13..<16].allSatisfy { $0 == "工资福利支出" } && categories[16...].allSatisfy { $0 == "部门预算项目" })
        #expect(unit.projects.map(\.indicators.count) == [4, 4, 4, 4, 4, 4, 4, 4, 5, 3, 4, 4, 4, 5, 3, 4, 20, 6, 19, 24, 8, 19, 6, 9, 6])
        #expect(unit.projects.allSatisfy { $0.moneyUnit == .wanYuan && $0.indicators.allSatisfy { $0.weight != nil } })
        #expect(Self.checked.warnings.map(\.description).contains(
            "content/2022/982001/_unit.md:12:1: warning: 合计 (total) is 1,334.06 万元, but the projects add up to 1,308.07 万元 (difference 25.99 万元)"))
    }

    /// Seed 002: nine projects that add up to the published 合计 347.79, so no 合计 warning.
    @Test func menyuanHasEveryProjectAndATotalThatAddsUp() throws {
        let unit = try Self.unit(2024, "menyuan-gsx")
        #expect((unit.name, unit.total?.text, unit.projectsTotal.text) == ("门源县工业商务和信息化局", "347.79", "347.79"))
        #expect(unit.projects.map(\.name) == ["招商引资工作经费", "冻猪肉应急储备", "两节慰问工作经费", "牛羊肉储备", "青洽会专项经费",
                                            "电子商务服务中心运行经费", "2023年促消费专项资金", "科级及以下退休人员公用经费", "编外人员生活补助"])
        #expect(unit.projects.map(\.amount.text) == ["18.00", "90.79", "1.20", "124.10", "30.00", "19.80", "50.00", "0.27", "13.63"])
        #expect(unit.projects.map(\.indicators.count) == [8, 11, 13, 12, 8, 17, 11, 10, 12])
        #expect(!Self.checked.diagnostics.contains { $0.location?.file.hasPrefix("content/2024/") == true })
    }

    /// Every warning of the example site is about a published figure of seed 000: the 合计, weights that do
    /// not make 100 or split otherwise than 50/30/10, or a 正向 indicator with a ≤ target.
    @Test func warningsAreThePublishedFiguresOfSeed000() {
        let kinds = ["合计 (total) is ", "一级指标 (level1) points are ", "分值 (weight) of the indicators add up to ", "指标性质 (nature) is 正向, but the target"]
        for warning in Self.checked.warnings {
            #expect(warning.location?.file.hasPrefix("content/2022/982001/") == true, "\(warning)")
            #expect(kinds.contains { warning.message.hasPrefix($0) }, "\(warning)")
        }
        #expect(Self.checked.warnings.filter { $0.message.hasPrefix("合计") }.count == 1)
    }

    @Test func jsonReproducesEveryPublishedZiboScore() throws {
        let report = CheckReport.json(Self.checked).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let projects = try #require(object["projects"] as? [[String: Any]])
        let zibo = projects.filter { $0["year"] as? Int == 2021 && $0["unit"] as? String == "zibo" }
        #expect(zibo.count == 12)
        for (slug, published) in Self.publishedZiboScores {
            let project = try #require(zibo.first { $0["slug"] as? String == slug }, "\(slug)")
            let indicators = try #require(project["indicators"] as? [[String: Any]])
            #expect(indicators.map { $0["score"] as? String } == published, "\(slug)")
            let execution = try #require(project["execution"] as? [String: Any])
            #expect(execution["rate"] as? String == "1", "\(slug)")
            #expect(execution["score"] as? String == "10", "\(slug)")
            #expect(project["total"] as? String == "100", "\(slug)")
            #expect(project["grade"] as? String == "优", "\(slug)")
        }
    }

    @Test func keepsPublishedPrecisionOfMoney() throws {
        let projects = Self.checked.site.years.flatMap(\.units).flatMap(\.projects)
        let first = try #require(projects.first { $0.name == "“五个优化”及“四强”产业攀登专项" })
        #expect(first.funds.overall.budget?.grouped == "18,150.89")
        let ordos = try #require(projects.first { $0.code == "15060022200000035288" })
        #expect(ordos.amount.text == "60.00")
        #expect(ordos.moneyUnit == .wanYuan)
    }

    @Test func goalTablesHaveNoSelfEvaluation() throws {
        let report = CheckReport.json(Self.checked).serialized()
        let object = try #require(try JSONSerialization.jsonObject(with: Data(report.utf8)) as? [String: Any])
        let projects = try #require(object["projects"] as? [[String: Any]])
        for project in projects where project["year"] as? Int != 2021 {
            #expect(project["execution"] is NSNull)
            #expect(project["total"] is NSNull)
            #expect(project["grade"] is NSNull)
        }
    }
}
