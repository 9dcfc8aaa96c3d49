import Foundation
import JixiaoModel
import Testing
@testable import Jixiao
@testable import JixiaoTables

/// The legacy "部门预算项目支出绩效目标公开表" layout (seed 002, 门源县工业商务和信息化局 2024).
@Suite struct LegacySummaryTableTests {
    static let seedFile = "seeds/002_menyuan.txt"

    static func seedText() throws -> String {
        try String(contentsOf: Fixtures.folder.appendingPathComponent(seedFile), encoding: .utf8)
    }

    static func seed() throws -> DraftSet { LegacySummaryTable.read(try seedText(), file: seedFile) }

    /// The 1-based column, in characters, where `needle` first starts on line `line` of `text`.
    static func location(of needle: String, line: Int, in text: String, file: String = seedFile) -> JixiaoModel.SourceLocation? {
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        guard line <= lines.count, let range = lines[line - 1].range(of: needle) else { return nil }
        let content = lines[line - 1]
        return JixiaoModel.SourceLocation(file: file, line: line, column: content.distance(from: content.startIndex, to: range.lowerBound) + 1)
    }

    static func indicator(_ set: DraftSet, project: String, name: String) -> IndicatorDraft? {
        set.projects.first { $0.name == project }?.indicators.first { $0.name == name }
    }

    // MARK: The seed

    @Test func unitAndTotal() throws {
        let set = try Self.seed()
        #expect(set.unitName == "门源县工业商务和信息化局")
        #expect(set.unitTotal == "347.79")
        #expect(set.moneyUnit == "万元")
        #expect(set.unitCode == nil)
    }

    @Test func projectsNamesAndAmounts() throws {
        let set = try Self.seed()
        let expected: [(String, String)] = [
            ("招商引资工作经费", "18.00"), ("冻猪肉应急储备", "90.79"), ("两节慰问工作经费", "1.20"), ("牛羊肉储备", "124.10"),
            ("青洽会专项经费", "30.00"), ("电子商务服务中心运行经费", "19.80"), ("2023年促消费专项资金", "50.00"),
            ("科级及以下退休人员公用经费", "0.27"), ("编外人员生活补助", "13.63"),
        ]
        #expect(set.projects.count == 9)
        #expect(set.projects.map(\.name) == expected.map(\.0))
        #expect(set.projects.map(\.total) == expected.map(\.1))
        // Each project is located at its name cell, on its own row of the dump.
        #expect(set.projects.map(\.location.line) == [7, 8, 10, 11, 12, 14, 15, 16, 18])
        #expect(set.projects.allSatisfy { $0.location.column == 3 && $0.code == nil })
    }

    @Test func amountsAddUpToThePublishedTotal() throws {
        let set = try Self.seed()
        let amounts = set.projects.compactMap { $0.total.flatMap(Decimal.exact) }
        #expect(amounts.count == 9)
        let total = try #require(set.unitTotal.flatMap(Decimal.exact))
        #expect(amounts.reduce(0, +) == total)
        #expect(total == Decimal(string: "347.79", locale: Locale(identifier: "en_US_POSIX")))
    }

    @Test func indicatorCounts() throws {
        let set = try Self.seed()
        #expect(set.projects.map(\.indicators.count) == [8, 11, 13, 12, 8, 17, 11, 10, 12])
    }

    @Test func everyIndicatorIsComplete() throws {
        let set = try Self.seed()
        for project in set.projects {
            #expect(!project.indicators.isEmpty, "\(project.name)")
            for indicator in project.indicators {
                #expect(!indicator.level1.isEmpty && !indicator.level2.isEmpty, "\(indicator.name)")
                #expect(!indicator.name.isEmpty && !indicator.target.isEmpty, "\(project.name)")
                #expect(["产出指标", "效益指标", "满意度指标"].contains(indicator.level1), "\(indicator.name)")
                #expect(indicator.location.file == Self.seedFile && indicator.location.line == project.location.line)
                // No HTML or TeX is left over.
                for text in [indicator.name, indicator.target] {
                    #expect(!text.contains("<") || text.hasPrefix("<"), "\(text)")
                    #expect(!text.contains("\\") && !text.contains("math"), "\(text)")
                }
            }
        }
    }

    @Test func quantitativeIndicators() throws {
        let set = try Self.seed()
        let text = try Self.seedText()
        let visit = try #require(Self.indicator(set, project: "两节慰问工作经费", name: "慰问企业"))
        #expect(visit.level1 == "产出指标")
        #expect(visit.level2 == "数量指标")
        #expect(visit.target == "≥3家")
        #expect(visit.nature == nil)
        #expect(visit.location == Self.location(of: "慰问企业≥3家", line: 10, in: text))
        #expect(visit.fieldLocations["target"] == Self.location(of: "≥3家", line: 10, in: text))

        let merchants = try #require(Self.indicator(set, project: "2023年促消费专项资金", name: "参与商家"))
        #expect((merchants.level1, merchants.level2, merchants.target) == ("产出指标", "数量指标", "≥300家"))
        #expect(merchants.location == Self.location(of: "参与商家", line: 15, in: text))
        #expect(Target(parsing: merchants.target).meaning == .quantitative(.atLeast, 300, unit: "家"))

        // <math>\geq 12</math>次(全年): the parenthesis goes with the name.
        let network = try #require(Self.indicator(set, project: "电子商务服务中心运行经费", name: "拨付网络经费(全年)"))
        #expect(network.target == "≥12次")
        // 达到95%以上 → ≥95%.
        let satisfaction = try #require(set.projects[0].indicators.last)
        #expect(satisfaction.level1 == "满意度指标")
        #expect(satisfaction.level2 == "服务对象满意度指标")
        #expect(satisfaction.target == "≥95%")
        // 2024年年内完成100%.
        let timely = try #require(Self.indicator(set, project: "招商引资工作经费", name: "2024年年内完成"))
        #expect((timely.level2, timely.target) == ("时效指标", "100%"))
        // 成本指标 name：value lists split at "；".
        let costs = set.projects[5].indicators.filter { $0.level2 == "成本指标" }
        #expect(costs.map(\.name) == ["网络经费", "取暖费", "水费", "电费", "物业管理费", "维修维护费", "工作经费", "人员工资"])
        #expect(costs.map(\.target) == ["3万元", "2.6万元", "0.4万元", "1.5万元", "1万元", "0.5万元", "5", "6万元"])
        // Heading without 指标 and glued to its item: (三)经济效益1. …
        let signed = try #require(set.projects[4].indicators.first { $0.level2 == "经济效益指标" })
        #expect(signed.target == "4.87亿元")
        // 10万元<math>\leq</math>18万元宣传推介费：8万元: the bound and a second indicator, with notes.
        let cost = set.projects[0].indicators.filter { $0.level2 == "成本指标" }
        #expect(cost.map(\.name) == ["开展招商引资业务工作经费", "宣传推介费"])
        #expect(cost.map(\.target) == ["≤18万元", "8万元"])
        #expect(set.notes.contains { $0.message.hasPrefix("\"10万元\" before the comparison left out") })
    }

    @Test func qualitativeIndicatorsHaveNotes() throws {
        let set = try Self.seed()
        let text = try Self.seedText()
        let invest = try #require(Self.indicator(set, project: "招商引资工作经费", name: "大力引进外资企业到门源投资"))
        #expect((invest.level1, invest.level2, invest.target, invest.nature) == ("产出指标", "质量指标", "效果明显", "定性"))
        let at = try #require(Self.location(of: "大力引进外资企业到门源投资 定性", line: 7, in: text))
        #expect(invest.location == at)
        #expect(set.notes.contains(.warning(
            .readWithChange, "indicator kept as qualitative: no comparison and number in \"大力引进外资企业到门源投资 定性 效果明显\"", at: at)))

        let compliance = try #require(Self.indicator(set, project: "两节慰问工作经费", name: "慰问程序合规率"))
        #expect(compliance.target == "合规")
        #expect(compliance.nature == nil)
        let complianceAt = try #require(Self.location(of: "慰问程序合规率；合规", line: 10, in: text))
        #expect(set.notes.contains(.warning(.readWithChange, "indicator kept as qualitative: no comparison and number in \"慰问程序合规率；合规\"", at: complianceAt)))

        // Every indicator whose target does not parse as a comparison and number, or that the source
        // marks 定性, has a note where it is.
        for project in set.projects {
            for indicator in project.indicators where Target(parsing: indicator.target).isQualitative || indicator.nature == "定性" {
                #expect(set.notes.contains { $0.location == indicator.location && $0.severity == .warning }, "\(indicator.name)")
            }
        }
        #expect(set.notes.allSatisfy { $0.severity == .warning && $0.location?.file == Self.seedFile })
    }

    @Test func emptyHeadingIsNoted() throws {
        let set = try Self.seed()
        let text = try Self.seedText()
        let at = try #require(Self.location(of: "（二）可持续影响指标：", line: 18, in: text))
        #expect(set.notes.contains(.warning(.readWithChange, "heading \"（二）可持续影响指标：\" has nothing under it: no indicator read", at: at)))
        #expect(!set.projects[8].indicators.contains { $0.level2 == "可持续影响指标" })
    }

    /// Paragraphs as published; a leading `1.` is the text's own number, escaped so that it is no list.
    @Test func goalsArePlainMarkdown() throws {
        let set = try Self.seed()
        #expect(set.projects[0].goal == """
            1\\. 目标一：充分利用门源现有资源优势，大力引进外资企业到门源投资，通过培训，学习交流，吸取好的管理经验，帮助门源企业发展，深入商贸企业进行指导检查。

            2\\. 目标二：支付招商引资宣传费、差旅费、业务培训费、业务招待费、公务用车运行维护费等，从而带动社会经济发展。
            """)
        #expect(set.projects[2].goal == "“两节”期间慰问县属企业，了解企业存在的困难和问题，帮助企业出谋划策，提高服务企业力度。提升党和政府的关怀形象。")
        for project in set.projects {
            let goal = try #require(project.goal)
            #expect(!goal.contains("<p>") && !goal.contains("</"), "\(project.name)")
        }
    }

    @Test func separatorLineIsNotData() throws {
        let set = try Self.seed()
        #expect(!set.notes.contains { $0.location?.line == 19 })
        #expect(!set.projects.contains { $0.location.line == 19 })
    }

    // MARK: Synthetic input: every heading and item form

    static let synthetic = [
        "",
        "某某县某某局2025年部门预算项目支出绩效目标公开表",
        "",
        "单位编码\t单位及项目名称\t金额(万元)\t绩效目标\t绩效指标",
        "合计\t\t13.00\t\t",
        "1\t示例项目甲\t12.50\t<p>目标一：做好&amp;完成。</p> <p>目标二：按时*完成。</p>\t"
            + "<p>一、产出指标</p> <p>(一)数量指标</p> <ol style=\"list-style-type: none\"> <li>1. 培训人数≥30人</li> "
            + "<li>2. 开展活动<math>\\geq 12</math>次(全年)；印发资料<math>\\geq 100</math>份</li> </ol> "
            + "<p>（二）质量指标</p> <p>1. 合格率 定性 合格</p> <p>2. 程序合规率；合规</p> "
            + "<p>成本指标：1. 经费:2万元<math>\\leq</math>5万元宣传费：3万元</p> <p>(四)时效指标1. 年内完成100%</p> "
            + "<p>二、效益指标</p> <p>(一) 社会效益指标：1. 群众知晓率达到90%以上</p> <p>(二) 可持续影响指标：</p> "
            + "<p>(三)经济效益1. 带动增收5万元</p> <p>三、满意度指标：群众满意度 95%</p>",
        "",
        "2\t示例项目乙\t0.50\t提高管理水平，覆盖率100\\%。\t"
            + "<p>(一)数量指标</p> <p>1. 印制资料&lt;=500份；2. 完成率≥95\\%</p> <p>1提升管理水平</p> "
            + "<p>三、满意度指标：1. 满意度不低于90%</p>",
        "注：本表为示例",
        "---\t---\t---\t---\t---",
    ].joined(separator: "\n")

    @Test func syntheticForms() throws {
        let text = Self.synthetic
        let set = LegacySummaryTable.read(text, file: "x.txt")
        #expect(set.unitName == "某某县某某局")
        #expect(set.unitTotal == "13.00")
        #expect(set.moneyUnit == "万元")
        #expect(set.projects.map(\.name) == ["示例项目甲", "示例项目乙"])
        #expect(set.projects.map(\.total) == ["12.50", "0.50"])
        #expect(set.projects[0].goal == "目标一：做好&完成。\n\n目标二：按时\\*完成。")
        #expect(set.projects[1].goal == "提高管理水平，覆盖率100%。")

        let first = set.projects[0].indicators.map { [$0.level1, $0.level2, $0.name, $0.target] }
        #expect(first == [
            ["产出指标", "数量指标", "培训人数", "≥30人"],
            ["产出指标", "数量指标", "开展活动(全年)", "≥12次"],
            ["产出指标", "数量指标", "印发资料", "≥100份"],
            ["产出指标", "质量指标", "合格率", "合格"],
            ["产出指标", "质量指标", "程序合规率", "合规"],
            ["产出指标", "成本指标", "经费", "≤5万元"],
            ["产出指标", "成本指标", "宣传费", "3万元"],
            ["产出指标", "时效指标", "年内完成", "100%"],
            ["效益指标", "社会效益指标", "群众知晓率", "≥90%"],
            ["效益指标", "经济效益指标", "带动增收", "5万元"],
            ["满意度指标", "服务对象满意度指标", "群众满意度", "95%"],
        ])
        #expect(set.projects[0].indicators[3].nature == "定性")
        let second = set.projects[1].indicators.map { [$0.level1, $0.level2, $0.name, $0.target] }
        #expect(second == [
            ["产出指标", "数量指标", "印制资料", "<=500份"],
            ["产出指标", "数量指标", "完成率", "≥95%"],
            ["产出指标", "数量指标", "提升管理水平", "提升管理水平"],
            ["满意度指标", "服务对象满意度指标", "满意度", "不低于90%"],
        ])

        // Locations: the item's text, in characters, on its line.
        func at(_ needle: String, _ line: Int) -> JixiaoModel.SourceLocation? { Self.location(of: needle, line: line, in: text, file: "x.txt") }
        #expect(set.projects[0].indicators[0].location == at("培训人数", 6))
        #expect(set.projects[0].indicators[1].location == at("开展活动", 6))
        #expect(set.projects[0].indicators[1].fieldLocations["target"] == at("\\geq 12", 6))
        #expect(set.projects[0].indicators[2].location == at("印发资料", 6))
        #expect(set.projects[1].indicators[0].location == at("印制资料", 8))
        #expect(set.projects[1].indicators[2].location == at("提升管理水平", 8))

        let notes = set.notes.map(\.description)
        #expect(notes == [
            "x.txt:6:\(at("开展活动", 6)!.column): warning: item split at \"；\" into 2 indicators: \"开展活动≥12次(全年)；印发资料≥100份\"",
            "x.txt:6:\(at("合格率 定性", 6)!.column): warning: indicator kept as qualitative: no comparison and number in \"合格率 定性 合格\"",
            "x.txt:6:\(at("程序合规率", 6)!.column): warning: indicator kept as qualitative: no comparison and number in \"程序合规率；合规\"",
            "x.txt:6:\(at("2万元<math>", 6)!.column): warning: \"2万元\" before the comparison left out: read as 经费 ≤5万元 (\"经费:2万元≤5万元宣传费：3万元\")",
            "x.txt:6:\(at("宣传费", 6)!.column): warning: text after the target ≤5万元 read as an indicator of its own: \"宣传费：3万元\"",
            "x.txt:6:\(at("(二) 可持续影响指标", 6)!.column): warning: heading \"(二) 可持续影响指标：\" has nothing under it: no indicator read",
            "x.txt:8:\(at("(一)数量指标", 8)!.column): warning: no 一级指标 heading before \"(一)数量指标\": 一级指标 taken to be 产出指标",
            "x.txt:8:\(at("提升管理水平", 8)!.column): warning: indicator kept as qualitative: no comparison and number in \"提升管理水平\"",
            "x.txt:9:1: warning: line skipped: it is no row of the table (no tab-separated cells): \"注：本表为示例\"",
        ])
    }

    @Test func noHeaderIsAnError() {
        let set = LegacySummaryTable.read("某某局2024年部门预算项目支出绩效目标公开表\n\n一些文字\n", file: "y.txt")
        #expect(set.projects.isEmpty)
        #expect(set.unitName == "某某局")
        #expect(set.notes.map(\.severity) == [.error])
    }
}
