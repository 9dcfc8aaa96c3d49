import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoTables
import JixiaoModel

/// The legacy layout dumped as column blocks (LegacyColumnBlocks): seed 000, 鄂尔多斯市工业和信息化局 2022, and
/// small synthetic dumps of the same layout.
@Suite struct LegacyColumnBlocksTests {
    static let seedFile = "000_ordos.txt"

    static func seed() throws -> DraftSet {
        let url = Fixtures.folder.appendingPathComponent("seeds").appendingPathComponent(seedFile)
        let text = try String(contentsOf: url, encoding: .utf8)
        return LegacyColumnBlocks.read(text, file: seedFile)
    }

    static func indicator(_ project: ProjectDraft, _ name: String) -> IndicatorDraft? {
        project.indicators.first { $0.name == name }
    }

    // MARK: Seed 000

    static let names = [
        "长聘人员工资福利支出", "医疗保险", "失业保险补贴", "工伤保险补贴", "机关事业单位基本养老保险", "行政事业单位人员工资预算",
        "住房公积金", "职工交通补贴", "公务用车改革补贴", "公务用车运行维护费", "工会经费", "福利费", "公用经费", "残疾人就业保障金",
        "全额拨款单位职业年金做实", "应休未休假补贴", "陶瓷铝循环精细化工产业工作推进组工作经费", "办公自动化OA运行维护经费",
        "党的建设、意识形态、改革调研工作经费", "派驻纪检组工作经费", "社会购买服务经费", "中小企业公共服务平台市场化运营维护政府购买服务项目经费",
        "民爆检查社会购买服务经费", "项目评审社会购买服务经费", "工业园区及工业企业监管经费",
    ]

    @Test func seedUnitAndTotal() throws {
        let set = try Self.seed()
        #expect(set.unitName == "鄂尔多斯市工业和信息化局")
        #expect(set.unitCode == "982001")
        #expect(set.moneyUnit == "万元")
        // Published as `1,334.06` on line 239, the last row of the 预算数 block (the list's `合 计` line is empty).
        #expect(set.unitTotal == "1334.06")
    }

    @Test func seedProjectsInListOrderWithCategories() throws {
        let set = try Self.seed()
        #expect(set.projects.count == 25)
        #expect(set.projects.map(\.name) == Self.names)
        let wages = "工资福利支出", office = "公用经费", department = "部门预算项目"
        #expect(set.projects.map(\.category) == [wages, wages, wages, wages, wages, wages, wages, office, office, office, office,
                                                 office, office, wages, wages, wages, department, department, department,
                                                 department, department, department, department, department, department])
        // The project's location is its line in the list (blank lines and <p> tags in between).
        #expect(set.projects.map(\.location.line) == [6, 7, 8, 9, 11, 12, 13, 14, 15, 17, 18, 19, 20, 21, 23, 24, 25, 27, 29, 31,
                                                      32, 34, 38, 39, 40])
        #expect(set.projects.allSatisfy { $0.implementer == nil && $0.code == nil })
    }

    @Test func seedAmountsAndTheirSum() throws {
        let set = try Self.seed()
        #expect(set.projects.map(\.total) == [
            "255.36", "27.66", "0.22", "0.64", "51.46", "349.07", "38.60", "34.98", "32.67", "1.44", "3.67", "7.64", "17.36",
            "8.00", "12.30", "46.00", "60.00", "8.00", "50.00", "10.00", "83.00", "100.00", "20.00", "40.00", "50.00",
        ])
        // Where each 预算数 was read: 50.00 of 党的建设 from `50.00 确保……` (line 150), 83.00 from field 3 of line 187.
        #expect(set.projects[18].fieldLocations["funds.total"]?.line == 150)
        #expect(set.projects[20].fieldLocations["funds.total"]?.line == 187)
        #expect(set.projects[20].fieldLocations["funds.total"]?.column == 3)
        // A finding of the seed: the 25 amounts add up to 1308.07, not the published 合计 1334.06 (25.99 short).
        let sum = set.projects.compactMap { $0.total.flatMap { Amount($0) } }.sum()
        #expect(sum.text == "1308.07")
        #expect(sum != Amount("1334.06")!)
        #expect(Amount("1334.06")!.value - sum.value == Decimal(string: "25.99")!)
    }

    @Test func seedIndicatorCounts() throws {
        let set = try Self.seed()
        #expect(set.projects.map(\.indicators.count) == [4, 4, 4, 4, 4, 4, 4, 4, 5, 3, 4, 4, 4, 5, 3, 4, 20, 6, 19, 24, 8, 19, 6, 9, 6])
        // Every row of block 2 (三级指标 …, lines 242–432) and of block 3 (计量单位, 分值, lines 437–627) is in exactly
        // one indicator.
        let indicators = set.projects.flatMap(\.indicators)
        #expect(indicators.count == 181)
        #expect(Set(indicators.map(\.location.line)).count == 181)
        #expect(indicators.allSatisfy { (242...432).contains($0.location.line) })
        let weightLines = indicators.compactMap { $0.fieldLocations["weight"]?.line }
        #expect(weightLines.count == 181 && Set(weightLines).count == 181 && weightLines.allSatisfy { (437...627).contains($0) })
    }

    @Test func seedEveryIndicatorIsComplete() throws {
        let set = try Self.seed()
        for project in set.projects {
            for indicator in project.indicators {
                #expect(!indicator.level1.isEmpty && !indicator.level2.isEmpty && !indicator.name.isEmpty && !indicator.target.isEmpty,
                        "\(project.name): \(indicator)")
                #expect(indicator.weight != nil, "\(project.name): \(indicator.name)")
                #expect(["正向", "反向", "定性"].contains(indicator.nature ?? ""), "\(project.name): \(indicator.name)")
            }
        }
        #expect(set.projects.allSatisfy { !($0.goal ?? "").isEmpty && $0.total != nil })
    }

    @Test func seedFirstProjectIndicators() throws {
        let project = try Self.seed().projects[0]
        #expect(project.goal == "严格执行相关政策，保障工资及时发放、足额发放，预算编制科学合理，减少结余资金")
        #expect(project.indicators.map(\.level1) == ["产出指标", "产出指标", "产出指标", "效益指标"])
        #expect(project.indicators.map(\.level2) == ["数量指标", "数量指标", "时效指标", "经济效益指标"])
        #expect(project.indicators.map(\.name) == ["足额保障率", "科目调整次数", "发放及时率", "结余率=结余数/预算数"])
        #expect(project.indicators.map(\.target) == ["=100", "≤10", "=100", "≤5"])
        #expect(project.indicators.map(\.unit) == ["%", "次", "%", "%"])
        #expect(project.indicators.map(\.nature) == ["正向", "反向", "正向", "反向"])
        #expect(project.indicators.map(\.weight) == ["22.5", "22.5", "22.5", "22.5"])
        // Rows 46–49 of block 1, 242–245 of block 2 and 437–440 of block 3 make this project's table.
        #expect(project.indicators.map { $0.fieldLocations["level1"]?.line } == [46, 47, 48, 49])
        #expect(project.indicators.map(\.location.line) == [242, 243, 244, 245])
        #expect(project.indicators.map { $0.fieldLocations["unit"]?.line } == [437, 438, 439, 440])
    }

    /// 办公自动化OA has six rows; the nine rows after its 满意度指标 row (lines 140–148) belong to 党的建设, whose
    /// 预算数 and 目标 stand on a line of their own (150) in the middle of its rows.
    @Test func seedMergedCellPrintedInTheMiddle() throws {
        let set = try Self.seed()
        let oa = set.projects[17], party = set.projects[18], inspection = set.projects[19]
        #expect(oa.indicators.map(\.name) == ["技术支持服务器日常维护", "提供技术服务时间", "服务器故障率", "技术支持服务器日常维护",
                                              "保障服务系统可持续影响", "各部门使用满意度"])
        #expect(oa.indicators.map(\.target) == ["≥10", "2022年1月-2022年12月", "≤1", "≤8", "长期", "≥90"])
        #expect(oa.indicators.map(\.unit) == ["次", nil, "%", "万元", nil, "%"])
        #expect(party.goal == "确保党的建设、意识形态、改革调研工作的有效开展。")
        #expect(party.indicators.first?.name == "党日活动经费")
        #expect(party.indicators.first.map { [$0.level1, $0.level2, $0.target, $0.unit, $0.weight] } == ["产出指标", "成本指标", "≤5", "万元", "5"])
        #expect(party.indicators.first?.fieldLocations["level1"]?.line == 140)
        #expect(party.indicators.last?.name == "基层党建工作满意度")
        #expect(party.indicators.last.map { [$0.level1, $0.level2, $0.target, $0.unit] } == ["满意度指标", "服务对象满意度", "≥90", "%"])
        let training = try #require(Self.indicator(party, "培训党员人数"))
        #expect(training.target == "≥43" && training.unit == "人次" && training.level2 == "数量指标")
        #expect(training.fieldLocations["level1"]?.line == 154)
        let quality = try #require(Self.indicator(party, "党日活动开展效果"))
        #expect(quality.target == "优" && quality.unit == nil && quality.nature == "定性" && quality.level2 == "质量指标")
        // 派驻纪检组: 11 rows before its 预算数 (lines 162–172) and 13 from it (174–186).
        #expect(inspection.indicators.first?.name == "纠正违反中央八项规定精神的情况")
        #expect(inspection.indicators.first?.fieldLocations["level1"]?.line == 162)
        let rental = try #require(Self.indicator(inspection, "监督检查及案件办理汽车租赁费"))
        #expect([rental.level1, rental.level2, rental.target, rental.unit] == ["产出指标", "成本指标", "≤3.5", "万元"])
        let association = try #require(Self.indicator(inspection, "市科协"))
        #expect([association.level1, association.level2, association.target, association.unit, association.weight]
            == ["满意度指标", "服务对象满意度", "≥95", "%", "3"])
    }

    /// Rows whose 一级指标/二级指标 were overwritten (line 187 by 预算数 and 目标, line 217 by a piece of 目标) are
    /// indicators with assumed levels; a goal wrapped over lines 217 and 220 is joined.
    @Test func seedDisplacedRowsAndWrappedGoal() throws {
        let set = try Self.seed()
        let services = set.projects[20], explosives = set.projects[22], parks = set.projects[24]
        #expect(services.indicators.map(\.name) == ["绩效评价报告出具完成率", "法律培训人数", "提高财务工作效率", "向社会购买服务完成时间",
                                                    "向社会购买服务费用", "政务新媒体及时发布向社会公开", "向社会购买服务可持续性", "大众满意度"])
        let report = try #require(services.indicators.first)
        #expect([report.level1, report.level2, report.target] == ["产出指标", "数量指标", "100%"])
        #expect(report.unit == nil && report.nature == "定性" && report.weight == "8")
        #expect(explosives.goal == "为消除隐患，聘请民爆行业专家组成联合检查组，按季度对全市市民易爆物品生产、销售企业进行安全生产检查，全年共需费用20万元。")
        #expect(explosives.indicators.map(\.name) == ["全年检查次数", "每季度至少一次", "安全检查费用", "安全生产无事故", "长期", "全市民爆企业"])
        let checks = try #require(explosives.indicators.first)
        #expect([checks.level1, checks.level2, checks.target, checks.nature] == ["产出指标", "时效指标", "4次", "定性"])
        #expect(checks.unit == nil)
        let satisfaction = try #require(parks.indicators.last)
        #expect([satisfaction.name, satisfaction.level1, satisfaction.target, satisfaction.unit, satisfaction.weight]
            == ["园区满意度", "满意度指标", "≥90", "%", "10"])
        #expect(satisfaction.fieldLocations["weight"]?.line == 627)
    }

    @Test func seedNotes() throws {
        let set = try Self.seed()
        #expect(set.notes.allSatisfy { $0.severity == .warning && $0.location?.file == Self.seedFile })
        #expect(set.notes.map(\.location?.line) == [45, 140, 150, 150, 152, 162, 187, 187, 188, 217, 217, 217, 217, 218])
        func note(_ line: Int, _ words: String...) -> Bool {
            set.notes.contains { $0.location?.line == line && words.allSatisfy($0.message.contains) }
        }
        #expect(note(45, "182 rows", "181 rows", "line 241", "line 436"))
        #expect(note(140, "lines 140–148", "办公自动化OA运行维护经费", "党的建设、意识形态、改革调研工作经费"))
        #expect(note(150, "heading", "not as an indicator row"))
        #expect(note(150, "separated by a space"))
        #expect(note(152, "lines 152–172", "fields 1–2, not 3–4"))
        #expect(note(162, "lines 162–172", "派驻纪检组工作经费"))
        #expect(note(187, "assumed 产出指标/数量指标 from line 188"))
        #expect(note(187, "预算数 83.00", "fields 3, 4"))
        #expect(note(188, "lines 188–194", "fields 1–2, not 3–4"))
        #expect(note(217, "assumed 产出指标/时效指标 from line 218"))
        #expect(note(217, "lines 217–218", "民爆检查社会购买服务经费"))
        #expect(note(217, "split over lines 217, 220"))
        #expect(note(218, "fields 1–2, not 3–4"))
    }

    /// Every non-blank line of the first block is read into a project (an indicator's 一级指标, a 预算数 or a
    /// 目标) or named by a note; so are the rows of the other blocks (see seedIndicatorCounts).
    @Test func seedEveryRowOfTheFirstBlockIsAccountedFor() throws {
        let set = try Self.seed()
        var used = Set(set.projects.flatMap { $0.indicators.compactMap { $0.fieldLocations["level1"]?.line } })
        used.formUnion(set.projects.flatMap { [$0.fieldLocations["funds.total"]?.line, $0.fieldLocations["goal"]?.line].compactMap { $0 } })
        used.formUnion(set.notes.compactMap(\.location?.line))
        let url = Fixtures.folder.appendingPathComponent("seeds").appendingPathComponent(Self.seedFile)
        let lines = try String(contentsOf: url, encoding: .utf8).components(separatedBy: "\n")
        let rows = (46...238).filter { !lines[$0 - 1].trimmingCharacters(in: .whitespaces).isEmpty }
        #expect(rows.filter { !used.contains($0) } == [])
    }

    // MARK: Synthetic dumps

    static let list = """
        表15

        项目名称\t项目单位\t项目类别
        <p>培训项目</p>\t<p>123001-某某市某某局</p>\t<p>部门预算项目</p>
        宣传项目\t123001-某某市某某局\t部门预算项目
        合 计\t\t

        ## 项目绩效目标表

        """

    static let firstBlock = """
        预算数\t年度绩效目标\t一级指标\t二级指标
        12.00\t完成培训。\t产出指标\t数量指标
        \t\t产出指标\t时效指标
        \t\t效益指标\t社会效益指标
        \t\t满意度指标\t服务对象满意度指标
        1,008.50\t做好宣传。\t产出指标\t成本指标
        \t\t满意度指标\t服务对象满意度指标
        1,020.50\t\t\t

        """

    static func dump(second: [String], third: [String]) -> String {
        list + firstBlock + "三级指标\t指标性质\t指标方向\t目标值\n" + second.joined(separator: "\n")
            + "\n\n单位：万元\n\n计量单位\t分值\n" + third.joined(separator: "\n") + "\n"
    }

    static let second = ["培训次数\t正向\t大于等于\t10", "完成时间\t定性\t\t2022年12月前", "群众知晓度\t定性\t\t有效提高",
                         "参训人员满意度\t正向\t大于等于\t90", "宣传费用\t反向\t小于等于\t8.5", "群众满意度\t正向\t大于等于\t95"]
    static let third = ["次\t20", "\t20", "\t30", "%\t20", "万元\t50", "%\t40"]

    @Test func syntheticBlocksJoinRowByRow() {
        let set = LegacyColumnBlocks.read(Self.dump(second: Self.second, third: Self.third), file: "t.txt")
        #expect(set.notes.isEmpty, "\(set.notes)")
        #expect(set.unitName == "某某市某某局" && set.unitCode == "123001" && set.moneyUnit == "万元")
        #expect(set.unitTotal == "1020.50")
        #expect(set.projects.map(\.name) == ["培训项目", "宣传项目"])
        #expect(set.projects.map(\.category) == ["部门预算项目", "部门预算项目"])
        #expect(set.projects.map(\.total) == ["12.00", "1008.50"])
        #expect(set.projects.map(\.goal) == ["完成培训。", "做好宣传。"])
        let training = set.projects[0].indicators
        #expect(training.map(\.name) == ["培训次数", "完成时间", "群众知晓度", "参训人员满意度"])
        #expect(training.map(\.level2) == ["数量指标", "时效指标", "社会效益指标", "服务对象满意度指标"])
        #expect(training.map(\.target) == ["≥10", "2022年12月前", "有效提高", "≥90"])
        #expect(training.map(\.unit) == ["次", nil, nil, "%"])
        #expect(training.map(\.weight) == ["20", "20", "30", "20"])
        #expect(training.map(\.nature) == ["正向", "定性", "定性", "正向"])
        let cost = set.projects[1].indicators[0]
        #expect([cost.level1, cost.level2, cost.name, cost.target, cost.unit] == ["产出指标", "成本指标", "宣传费用", "≤8.5", "万元"])
        // Locations: 三级指标 of 宣传费用 is on line 22 (block 2), its 计量单位 on line 32 (block 3), its 一级指标 at
        // line 14, column 16 (after `1,008.50⇥做好宣传。⇥`).
        #expect(cost.location == JixiaoModel.SourceLocation(file: "t.txt", line: 22, column: 1))
        #expect(cost.fieldLocations["unit"]?.line == 32)
        #expect(cost.fieldLocations["level1"] == JixiaoModel.SourceLocation(file: "t.txt", line: 14, column: 16))
        #expect(set.projects[1].fieldLocations["funds.total"] == JixiaoModel.SourceLocation(file: "t.txt", line: 14, column: 1))
    }

    /// Block 2 and block 3 lack the row of 完成时间: the other rows still pair with their own (by content, not
    /// by position), and the row of block 1 left alone is a note.
    @Test func syntheticMissingRowIsNotedAndDoesNotShiftTheRest() {
        var second = Self.second, third = Self.third
        second.remove(at: 1)
        third.remove(at: 1)
        let set = LegacyColumnBlocks.read(Self.dump(second: second, third: third), file: "t.txt")
        #expect(set.projects[0].indicators.map(\.name) == ["培训次数", "群众知晓度", "参训人员满意度"])
        #expect(set.projects[0].indicators.map(\.level2) == ["数量指标", "社会效益指标", "服务对象满意度指标"])
        #expect(set.projects[0].indicators.map(\.unit) == ["次", nil, "%"])
        #expect(set.projects[1].indicators.map(\.name) == ["宣传费用", "群众满意度"])
        #expect(set.projects[1].indicators.map(\.level2) == ["成本指标", "服务对象满意度指标"])
        #expect(set.notes.count == 2)
        #expect(set.notes.allSatisfy { $0.severity == .warning })
        let lengths = set.notes.first { $0.location?.line == 9 }
        #expect(lengths?.message.contains("6 rows") == true && lengths?.message.contains("5 rows") == true)
        let skipped = set.notes.first { $0.location?.line == 11 }
        #expect(skipped?.message.contains("培训项目") == true)
        #expect(skipped?.message.contains("产出指标/时效指标") == true)
    }

    /// A row of block 2 that no row of block 1 can take is noted, not dropped silently; block 3's extra row too.
    @Test func syntheticExtraRowIsNoted() {
        var second = Self.second, third = Self.third
        second.insert("宣传品数量\t正向\t大于等于\t3", at: 4)
        third.insert("份\t5", at: 4)
        let set = LegacyColumnBlocks.read(Self.dump(second: second, third: third), file: "t.txt")
        #expect(set.projects.map(\.indicators.count) == [4, 2])
        #expect(set.projects.flatMap(\.indicators).map(\.name) == ["培训次数", "完成时间", "群众知晓度", "参训人员满意度", "宣传费用", "群众满意度"])
        #expect(set.projects[1].indicators.map(\.unit) == ["万元", "%"])
        #expect(set.notes.count == 3)
        #expect(set.notes.contains { $0.location?.line == 22 && $0.message.contains("宣传品数量") })
        #expect(set.notes.contains { $0.location?.line == 33 && $0.message.contains("份") })
    }

    /// With no content to tell where a row is missing, rows pair in order and the last one is left over.
    @Test func syntheticMismatchWithoutEvidencePairsInOrder() {
        let text = Self.list + """
            预算数\t年度绩效目标\t一级指标\t二级指标
            5\t甲\t产出指标\t数量指标
            \t\t产出指标\t数量指标
            6\t乙\t产出指标\t数量指标
            11\t\t\t
            三级指标\t目标值
            指标一\t1
            指标二\t2
            计量单位\t分值
            个\t50
            个\t50
            个\t100
            """
        let set = LegacyColumnBlocks.read(text, file: "t.txt")
        #expect(set.projects[0].indicators.map(\.name) == ["指标一", "指标二"])
        #expect(set.projects[0].indicators.map(\.target) == ["1", "2"])
        #expect(set.projects[1].indicators.isEmpty)
        #expect(set.unitTotal == "11")
        #expect(set.notes.count == 2)
        #expect(set.notes.contains { $0.location?.line == 12 && $0.message.contains("宣传项目") && $0.message.contains("三级指标") })
        #expect(set.notes.contains { $0.location?.line == 9 && $0.message.contains("3 rows") && $0.message.contains("2 rows") })
    }

    /// Cells shifted out of their columns, a 预算数 and goal separated by a space, and the merged cells of a
    /// project printed in the middle of its rows.
    @Test func syntheticRepairs() {
        let text = Self.list + """
            预算数\t年度绩效目标\t一级指标\t二级指标
            12.00\t完成培训。\t产出指标\t数量指标
            \t\t满意度指标\t服务对象满意度指标
            产出指标\t成本指标
            8.50 做好宣传。
            满意度指标\t服务对象满意度指标
            20.50\t\t\t
            三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值
            培训次数\t正向\t大于等于\t10\t次\t50
            参训人员满意度\t正向\t大于等于\t90\t%\t50
            宣传费用\t反向\t小于等于\t8.5\t万元\t50
            群众满意度\t正向\t大于等于\t95\t%\t50
            """
        let set = LegacyColumnBlocks.read(text, file: "t.txt")
        #expect(set.projects.map(\.total) == ["12.00", "8.50"])
        #expect(set.projects.map(\.goal) == ["完成培训。", "做好宣传。"])
        #expect(set.projects[0].indicators.map(\.name) == ["培训次数", "参训人员满意度"])
        #expect(set.projects[1].indicators.map(\.name) == ["宣传费用", "群众满意度"])
        #expect(set.projects[1].indicators.map(\.level2) == ["成本指标", "服务对象满意度指标"])
        #expect(set.unitTotal == "20.50")
        #expect(set.notes.map(\.location?.line) == [9, 12, 12, 13, 13, 14])
        #expect(set.notes.contains { $0.location?.line == 9 && $0.message.contains("differ in length") })
        #expect(set.notes.contains { $0.location?.line == 12 && $0.message.contains("宣传项目") && $0.message.contains("middle") })
        #expect(set.notes.contains { $0.location?.line == 12 && $0.message.contains("fields 1–2, not 3–4") })
        #expect(set.notes.contains { $0.location?.line == 13 && $0.message.contains("separated by a space") })
        #expect(set.notes.contains { $0.location?.line == 13 && $0.message.contains("heading") })
        #expect(set.notes.contains { $0.location?.line == 14 && $0.message.contains("fields 1–2, not 3–4") })
    }
}
