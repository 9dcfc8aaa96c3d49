import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoImport
@testable import JixiaoTables
import JixiaoModel

/// The published project forms (PublishedForms: GoalForm, SelfEvaluationForm) on small dumps made for
/// each variant of the layouts and for each note the readers can give.
@Suite struct PublishedFormsTests {
    static func read(_ lines: [String]) -> DraftSet {
        PublishedForms.read(lines.joined(separator: "\n"), file: "t.txt")
    }

    /// Each note, compiler-style without the file.
    static func notes(_ set: DraftSet) -> [String] {
        set.notes.sorted().map { "\($0.location!.line):\($0.location!.column): \($0.code): \($0.message)" }
    }

    /// A goal table in the layout of seed 001, to vary.
    static let header = "绩效指标\t一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值\t备注"
    static func goalForm(_ rows: [String], title: String = "# 培训经费项目绩效目标表", labels: [String]? = nil) -> [String] {
        [title, "", "(2022年)"] + (labels ?? [
            "项目编码\t150600230000000002", "项目名称\t培训经费", "主管部门\t某某局(部门)", "实施单位\t某某局",
            "投入目标 (万元)\t资金总额\t12.50", "\t财政拨款数\t12.50", "\t非财政拨款数\t0.00", "\t预算执行率权重(%)\t10",
            "年度目标\t完成培训任务",
        ]) + [header] + rows
    }

    // MARK: Variants of the goal table

    /// Without 备注, in 元, without 项目编码, 主管部门 and 实施单位: what the form has is read, nothing is noted,
    /// and check accepts the files.
    @Test func goalTableWithoutNoteColumnInYuanWithoutOptionalLabels() throws {
        let lines = [
            "# 培训经费项目绩效目标表", "单位：元", "项目名称\t培训经费", "投入目标\t资金总额\t12000.00", "\t财政拨款数\t12000.00",
            "年度目标\t完成培训任务",
            "绩效指标\t一级指标\t二级指标\t三级指标\t指标性质\t指标方向\t目标值\t计量单位\t分值",
            "\t产出指标\t数量指标\t培训次数\t正向\t大于等于\t3\t次\t30",
            "\t\t\t培训人数\t正向\t大于等于\t30\t人\t20",
            "\t效益指标\t社会效益指标\t能力提升\t定性\t\t明显提升\t\t30",
            "\t满意度指标\t服务对象满意度指标\t满意度\t正向\t大于等于\t95\t%\t10",
        ]
        let set = Self.read(lines)
        #expect(set.notes.isEmpty, "\(set.notes)")
        #expect(set.unitName == nil && set.moneyUnit == "元")
        let project = try #require(set.projects.first)
        #expect(set.projects.count == 1)
        #expect((project.name, project.code, project.department, project.implementer, project.moneyUnit) == ("培训经费", nil, nil, nil, "元"))
        #expect(project.fundLines == ["total": FundLineDraft(initial: "12000.00"), "fiscal": FundLineDraft(initial: "12000.00")])
        #expect(project.goal == "完成培训任务" && project.executionWeight == nil)
        #expect(project.indicators.map(\.target) == ["大于等于3", "大于等于30", "明显提升", "大于等于95"])
        #expect(project.indicators.map(\.direction) == ["大于等于", "大于等于", nil, "大于等于"])
        #expect(project.indicators.map(\.level1) == ["产出指标", "产出指标", "效益指标", "满意度指标"])
        #expect(project.indicators.map(\.level2) == ["数量指标", "数量指标", "社会效益指标", "服务对象满意度指标"])
        #expect(project.indicators.map { $0.unit ?? "" } == ["次", "人", "", "%"])
        #expect(project.indicators.map { $0.weight ?? "" } == ["30", "20", "30", "10"])
        #expect(project.indicators.allSatisfy { $0.note == nil })
        #expect(project.indicators[1].location == SourceLocation(file: "t.txt", line: 9, column: 4))
        #expect(project.indicators[1].fieldLocations["target"] == SourceLocation(file: "t.txt", line: 9, column: 17))

        let root = try ImporterTests.site()
        try Data(lines.joined(separator: "\n").utf8).write(to: root.appendingPathComponent("goal.txt"))
        let report = Importer.run(ImportOptions(files: ["goal.txt"], into: "content/2022/yuan", base: root))
        #expect(report.succeeded && report.checked.isEmpty, "\(report.lines)")
        #expect(report.written == ["content/2022/yuan/01.md"])
        let text = try String(contentsOf: root.appendingPathComponent("content/2022/yuan/01.md"), encoding: .utf8)
        // The total is the sum of the sources: only the sources are written.
        #expect(text.contains("money_unit: 元\nfunds:\n  fiscal: 12000.00\ngoal: 完成培训任务\n"))
    }

    /// The layout of seed 003: one cell a line, merged cells left out, the budget unit above the labels,
    /// 资金用途 below 预算规模及资金用途, a spending plan, 绩效指标描述 and 指标值确定依据; and the department's own
    /// goals before the forms.
    @Test func oneCellALineWithTheDepartmentsGoals() throws {
        let lines = [
            "一、总体绩效目标", "保障机关运转。", "二、分项绩效目标", "（一）运转保障", "绩效目标：保障机关正常运转", "绩效指标：保障率", "满意度",
            "三、工作保障措施", "加强管理。", "第二部分", "预算项目绩效目标",
            "1.维修经费绩效目标表", "\t436001示例局本级", "\t单位：元", "",
            "\t项目名称", "\t维修经费", "",
            "\t预算规模及资金用途", "\t预算数", "\t5000.00", "\t其中：财政    资金", "\t5000.00", "\t其他资金", "\t ", "",
            "\t办公楼维修", "",
            "\t资金支出计划（%）", "\t6月底", "\t12月底", "", "\t50%", "\t100%", "",
            "\t绩效目标", "\t完成维修", "", " ",
            "\t一级指标", "\t二级指标", "\t三级指标", "\t绩效指标描述", "\t指标值", "\t指标值确定依据", "",
            "\t产出指标", "\t数量指标", "\t维修面积", "\t维修面积", "\t≥100平方米", "\t合同", "", "",
            "\t质量指标", "\t验收合格率", "\t验收合格率", "\t100百分比", "\t验收", "",
            "\t满意度指标", "\t服务对象满意度指标", "\t满意度", "\t满意度", "\t≥90百分比", "\t调查",
        ]
        let set = Self.read(lines)
        #expect(set.notes.isEmpty, "\(set.notes)")
        #expect((set.unitCode, set.unitName, set.moneyUnit) == ("436001", "示例局", "元"))
        #expect(set.unitGoal == "保障机关运转。" && set.unitMeasures == "加强管理。")
        #expect(set.unitTargets == [UnitTargetDraft(name: "运转保障", goal: "保障机关正常运转", indicators: ["保障率", "满意度"],
                                                    location: SourceLocation(file: "t.txt", line: 4))])
        let project = try #require(set.projects.first)
        #expect((project.name, project.code, project.implementer, project.purpose, project.goal) == ("维修经费", nil, "示例局本级", "办公楼维修", "完成维修"))
        #expect(project.fundLines == ["total": FundLineDraft(initial: "5000.00"), "fiscal": FundLineDraft(initial: "5000.00")])
        #expect(project.spendingPlan == [MonthPercent(month: 6, percent: "50"), MonthPercent(month: 12, percent: "100")])
        #expect(project.indicators.map(\.level1) == ["产出指标", "产出指标", "满意度指标"])
        #expect(project.indicators.map(\.level2) == ["数量指标", "质量指标", "服务对象满意度指标"])
        #expect(project.indicators.map(\.name) == ["维修面积", "验收合格率", "满意度"])
        #expect(project.indicators.map(\.target) == ["≥100平方米", "100百分比", "≥90百分比"])
        #expect(project.indicators.map { $0.basis ?? "" } == ["合同", "验收", "调查"])
        #expect(project.indicators.map { $0.description ?? "" } == ["维修面积", "验收合格率", "满意度"])
        #expect(project.indicators[1].location == SourceLocation(file: "t.txt", line: 56, column: 2))
    }

    /// Forms without titles follow one another where the label that opened the first comes again.
    @Test func formsWithoutTitles() {
        let form = { (name: String) in
            ["项目编码\t0\(name.count)", "项目名称\t\(name)", "年度目标\t完成", Self.header, "\t产出指标\t数量指标\t次数\t正向\t大于等于\t3\t次\t90\t"]
        }
        let set = Self.read(form("甲项目") + form("乙"))
        #expect(set.projects.map(\.name) == ["甲项目", "乙"])
        #expect(set.projects.map { $0.code ?? "" } == ["03", "01"])
        #expect(set.projects.map(\.indicators.count) == [1, 1])
        #expect(set.notes.isEmpty)
    }

    /// Labels written with their values in one cell, as Word forms often are.
    @Test func labelsWithTheirValuesInOneCell() throws {
        let set = Self.read(["项目名称：甲项目\t主管部门: 某局", "资金总额：8.00\t单位：万元", "年度目标：完成任务", Self.header,
                             "\t产出指标\t数量指标\t次数\t正向\t大于等于\t3\t次\t90\t", "项目名称：乙项目", "年度目标：完成", Self.header,
                             "\t产出指标\t数量指标\t人数\t正向\t大于等于\t3\t人\t90\t"])
        #expect(set.notes.isEmpty, "\(set.notes)")
        #expect(set.projects.map(\.name) == ["甲项目", "乙项目"])
        let project = try #require(set.projects.first)
        #expect((project.department, project.goal, project.moneyUnit) == ("某局", "完成任务", "万元"))
        #expect(project.fundLines == ["total": FundLineDraft(initial: "8.00")])
        #expect(project.fieldLocations["department"] == SourceLocation(file: "t.txt", line: 1, column: 16))
    }

    /// An indicator header printed over two rows (绩效指标 and 指标值 merged down beside the levels), and a
    /// 三级指标 printed over two lines.
    @Test func headerOverTwoRowsAndANameOverTwoLines() throws {
        let set = Self.read(["# 甲项目绩效目标表", "项目名称\t甲", "年度目标\t完成",
                             "绩效指标\t\t\t\t指标值\t分值", "一级指标\t二级指标\t三级指标\t指标性质\t\t",
                             "产出指标\t数量指标\t国家技术创新示范企\t正向\t≥1\t90", "\t\t业数量\t\t\t"])
        #expect(Self.notes(set) == ["7:3: JX209: 三级指标 (name) 国家技术创新示范企 continued by 业数量 on the row below: read as 国家技术创新示范企业数量"])
        let indicator = try #require(set.projects.first?.indicators.first)
        #expect(set.projects[0].indicators.count == 1)
        #expect((indicator.name, indicator.target, indicator.weight, indicator.nature) == ("国家技术创新示范企业数量", "≥1", "90", "正向"))
        let header = try #require(FormIndicators.headerIndex(FormRows.dump(["绩效指标\t\t指标值", "一级指标\t三级指标"].joined(separator: "\n")).rows[...]))
        #expect((header.start, header.index, header.columns.index[.level1], header.columns.index[.target]) == (0, 1, 0, 2))
    }

    // MARK: Notes of the goal table

    /// Every repair of the indicator rows, each at its row.
    @Test func indicatorRowsReadWithAChange() {
        let set = Self.read(Self.goalForm([
            "\t产出指标\t数量指标\t培训次数\t正向\t大于等于\t3\t次\t10\t",
            // 二级指标 printed in the 一级 column, every cell one column left.
            "\t质量指标\t合格率\t正向\t等于\t100\t%\t10\t\t",
            // 目标值 and 分值 one column right of their headers.
            "\t\t时效指标\t完成时间\t定性\t\t\t年底前\t\t10",
            // A 二级指标 of 效益指标 printed without it: the framework places it.
            "\t\t经济效益\t无\t定性\t\t无\t\t0\t",
            // The row after the placeholder 无 belongs to the 二级指标 printed next.
            "\t\t\t效率提升\t定性\t\t有效提升\t\t10\t",
            "\t\t社会效益\t影响力\t定性\t\t扩大\t\t10\t",
            // 一级指标 without its 指标, and a new 一级指标 without a 二级指标.
            "\t满意度\t服务对象满意度\t满意率\t正向\t大于等于\t90\t%\t10\t",
            "\t效益指标\t\t可持续\t定性\t\t长期\t\t10\t",
            // A 指标方向 that names no comparison, and one against a target with its own.
            "\t\t可持续影响\t持续时间\t正向\t正向\t3\t年\t10\t",
            "\t\t\t投诉\t反向\t小于等于\t≥5\t起\t10\t",
            // A cell beyond the last column.
            "\t\t\t成本\t反向\t小于等于\t10\t万元\t0\t\t多余",
            // A cell between the levels and the 三级指标 that is neither.
            "\t产出指标\t数量指标\t多出\t人数\t正向\t大于等于\t3\t人\t0\t",
        ]))
        #expect(Self.notes(set) == [
            "15:7: JX209: row of 三级指标 (name) 合格率 read with its cells out of their columns: 二级指标 质量指标 under 一级指标, 三级指标 under 二级指标, the cells after it one column left",
            "16:8: JX209: row of 三级指标 (name) 完成时间 read with its cells out of their columns: 目标值 under 计量单位, 分值 under 备注",
            "17:3: JX209: 一级指标 (level1) 效益指标 taken from the national framework for 二级指标 (level2) 经济效益, printed without its 一级指标 after the rows of 产出指标",
            "18:4: JX209: row of 三级指标 (name) 效率提升 placed under 二级指标 (level2) 社会效益, printed on a later row: the rows above hold only the placeholder 无 of 经济效益",
            "20:2: JX209: 一级指标 (level1) 满意度 read as 满意度指标",
            "21:8: JX209: row of 三级指标 (name) 可持续 starts 一级指标 效益指标 without a 二级指标",
            "22:9: JX209: 指标方向 正向 not written into 指标值 (target) 3: it names no comparison",
            "23:4: JX209: 指标方向 小于等于 not written into 指标值 (target) ≥5: the target has a comparison of its own",
            "24:24: JX209: 多余 not read: no column of the row's is left for it (row of 三级指标 (name) 成本)",
            "25:12: JX209: 多出 not read: a third level cell before 三级指标 (name) 人数",
            "25:15: JX209: row of 三级指标 (name) 人数 read with its cells out of their columns: 三级指标 under 指标性质, the cells after it one column right",
        ])
        let indicators = set.projects[0].indicators
        #expect(indicators.map(\.level1) == ["产出指标", "产出指标", "产出指标", "效益指标", "效益指标", "效益指标", "满意度指标", "效益指标", "效益指标", "效益指标", "效益指标", "产出指标"])
        #expect(indicators.map(\.level2) == ["数量指标", "质量指标", "时效指标", "经济效益", "社会效益", "社会效益", "服务对象满意度", "", "可持续影响", "可持续影响", "可持续影响", "数量指标"])
        #expect(indicators.map(\.target) == ["大于等于3", "等于100", "年底前", "无", "有效提升", "扩大", "大于等于90", "长期", "3", "≥5", "小于等于10", "大于等于3"])
        #expect(indicators.map { $0.weight ?? "" } == ["10", "10", "10", "0", "10", "10", "10", "10", "10", "10", "0", "0"])
    }

    /// Rows that cannot be read as indicators are listed and left out.
    @Test func rowsWithoutAnIndicatorAreSkipped() {
        let set = Self.read(Self.goalForm([
            "\t产出指标\t数量指标\t培训次数\t正向\t大于等于\t3\t次\t90\t",
            "\t\t注：以上指标由单位填报",
            "\t产出指标\t\t\t正向\t大于等于\t3\t次\t10\t",
        ]))
        #expect(Self.notes(set) == [
            "15:3: JX206: row skipped: no 三级指标 (name) in it: 注：以上指标由单位填报",
            "16:2: JX206: row skipped: no 三级指标 (name) in it (产出指标 is a level): 产出指标 | 正向 | 大于等于 | 3 | 次 | 10",
        ])
        #expect(set.projects[0].indicators.count == 1)
    }

    /// The labels above the indicators: a value given twice, an empty 项目名称 taken from the title, a row
    /// that holds no label, a spending plan without its percents, numbers that are none.
    @Test func labelsReadWithAChange() throws {
        let set = Self.read(Self.goalForm(["\t产出指标\t数量指标\t次数\t正向\t大于等于\t3\t次\t90\t"], title: "# 2.维修经费项目绩效目标表", labels: [
            "主管部门\t某某局", "主管部门\t另一局", "说明\t这一行不是标签",
            "资金支出计划（%）\t3月底\t年中", "\t25%\t50%",
            "投入目标 (万元)\t资金总额\t十二万", "\t预算执行率权重(%)\t十", "年度目标\t完成",
        ]))
        #expect(Self.notes(set) == [
            "1:1: JX209: 项目名称 (name) taken from the form's title: the form has no 项目名称 cell",
            "5:6: JX207: 主管部门 (department) \"另一局\" not read: the form gives \"某某局\" above",
            "6:1: JX206: row not read: it holds no label of the form's: 说明 | 这一行不是标签",
            "7:1: JX206: 资金支出计划 not read: 1 month above, but the row below holds 25% | 50%",
            "7:15: JX206: 资金支出计划 年中 not read: it names no month",
            "9:16: JX206: 年度资金总额 (funds.total) \"十二万\" not read: it is no amount",
            "10:13: JX206: 预算执行率权重 (execution_weight) \"十\" not read: it is no number",
        ])
        let project = try #require(set.projects.first)
        #expect((project.name, project.department, project.executionWeight) == ("维修经费", "某某局", nil))
        #expect(project.fundLines.isEmpty && project.spendingPlan.isEmpty)
    }

    /// A form that names no project is skipped; one without an indicator header keeps its project without
    /// indicators; a source without any form is refused.
    @Test func incompleteForms() {
        let noName = Self.read(["# 市级预算项目支出绩效目标表", "项目编码\t001", "年度目标\t完成", Self.header,
                                "\t产出指标\t数量指标\t次数\t正向\t大于等于\t3\t次\t90\t"])
        #expect(noName.projects.isEmpty)
        #expect(Self.notes(noName) == ["1:1: JX208: form skipped: it has no 项目名称 and no title that names the project"])

        let noHeader = Self.read(["# 甲项目绩效目标表", "项目名称\t甲", "年度目标\t完成", "# 乙项目绩效目标表", "项目名称\t乙", Self.header,
                                  "\t产出指标\t数量指标\t次数\t正向\t大于等于\t3\t次\t90\t"])
        #expect(noHeader.projects.map(\.name) == ["甲", "乙"])
        #expect(Self.notes(noHeader) == ["1:1: JX208: no indicator header (一级指标, 二级指标, 三级指标, 指标值 …) in the form of 甲: no indicators read"])

        let none = Self.read(["项目名称\t甲", "年度目标\t完成"])
        #expect(none.projects.isEmpty)
        #expect(none.notes.map(\.description) == ["t.txt:1:1: error: no project form: no form title, 项目名称 or 项目编码 label with its value above an indicator header"])
        #expect(!PublishedForms.recognizes(["项目名称\t甲", "年度目标\t完成"].joined(separator: "\n")))
        // A long table names 项目名称 in its header row, beside the indicator columns: not a form.
        #expect(!PublishedForms.recognizes("项目名称\t项目编码\t一级指标\t二级指标\t三级指标\t目标值\n甲\t1\t产出指标\t数量指标\t次数\t3\n"))
    }

    /// A 三级指标 that is the beginning of its 绩效指标描述 may be cut off: listed, kept.
    @Test func cellsThatLookCutOff() {
        let set = Self.read(["# 甲项目绩效目标表", "项目名称\t甲", "绩效目标\t完成",
                             "一级指标\t二级指标\t三级指标\t绩效指标描述\t指标值\t指标值确定依据",
                             "产出指标\t数量指标\t信访案件办结\t信访案件办结率\t≥90%\t台账"])
        #expect(Self.notes(set) == ["5:11: JX261: 三级指标 (name) 信访案件办结 is the beginning of its 绩效指标描述 (description) 信访案件办结率: it may be cut off in the source; kept as published"])
        #expect(set.projects[0].indicators[0].name == "信访案件办结")
    }

    // MARK: The department's goals

    @Test func departmentGoalsReadWithAChange() {
        let set = Self.read([
            "部门整体绩效目标", "说明文字", "一、总体绩效目标", "保障运转。", "二、分项绩效目标", "绩效目标：无名目标",
            "（一）运转保障", "绩效目标：保障运转", "补充说明", "绩效指标：保障率", "四、其他事项", "其他内容",
            "# 甲项目绩效目标表", "项目名称\t甲", "年度目标\t完成", Self.header, "\t产出指标\t数量指标\t次数\t正向\t大于等于\t3\t次\t90\t",
        ])
        #expect(Self.notes(set) == [
            "2:1: JX206: line not read: it comes before the sections of the department's goals: 说明文字",
            "6:1: JX206: line not read: no item goal (（一）…) comes before it: 绩效目标：无名目标",
            "11:1: JX206: section 四、其他事项 not read: only 总体绩效目标, 分项绩效目标 and 工作保障措施 are",
        ])
        #expect(set.unitTargets.map(\.goal) == ["保障运转\n补充说明"])
        #expect(set.unitTargets.map(\.indicators) == [["保障率"]])
    }
}

/// The department's goals of several files: _unit.md takes the first file's, and what it leaves out is listed.
@Suite struct DepartmentGoalsImportTests {
    static func dump(_ goal: String, _ target: String, unit: String?) -> String {
        (["一、总体绩效目标", goal, "二、分项绩效目标", "（一）\(target)", "绩效目标：\(goal)", "三、工作保障措施", "加强管理。",
          "# \(target)项目绩效目标表", "项目名称\t\(target)"] + (unit.map { ["主管部门\t\($0)"] } ?? []) + ["资金总额\t10.00", "年度目标\t完成", PublishedFormsTests.header,
          "\t产出指标\t数量指标\t次数\t正向\t大于等于\t3\t次\t50\t", "\t效益指标\t社会效益指标\t效果\t定性\t\t明显\t\t30\t",
          "\t满意度指标\t服务对象满意度指标\t满意度\t正向\t大于等于\t90\t%\t10\t"]).joined(separator: "\n")
    }

    @Test func theFirstFilesGoalsAreWritten() throws {
        let root = try ImporterTests.site()
        try Data(Self.dump("保障运转。", "运转保障", unit: "某某局(部门)").utf8).write(to: root.appendingPathComponent("a.txt"))
        try Data(Self.dump("推动发展。", "产业发展", unit: "某某局(部门)").utf8).write(to: root.appendingPathComponent("b.txt"))
        let report = Importer.run(ImportOptions(files: ["a.txt", "b.txt"], into: "content/2024/u", base: root))
        #expect(report.succeeded && report.checked.isEmpty, "\(report.lines)")
        #expect(report.notes.map(\.description) == [
            "b.txt:1:1: warning: 部门整体绩效目标 (goal) 推动发展。 is not written: _unit.md takes 保障运转。 from a.txt",
            "b.txt:1:1: warning: 分项绩效目标 (targets) of this file are not written: _unit.md takes those of a.txt",
        ])
        let unit = try #require(Pipeline.check(root: root).site.years.first?.units.first)
        #expect((unit.name, unit.goal, unit.measures) == ("某某局", "保障运转。", "加强管理。"))
        #expect(unit.targets == [UnitTarget(name: "运转保障", goal: "保障运转。", indicators: [])])
        #expect(unit.projects.map(\.department) == ["某某局(部门)", "某某局(部门)"])
    }

    /// Without a unit there is no _unit.md for the goals to go to: listed.
    @Test func goalsWithoutAUnitAreListed() throws {
        let root = try ImporterTests.site()
        try Data(Self.dump("保障运转。", "运转保障", unit: nil).utf8).write(to: root.appendingPathComponent("a.txt"))
        let report = Importer.run(ImportOptions(files: ["a.txt"], into: "content/2024/u", base: root))
        #expect(report.written == ["content/2024/u/01.md"])
        #expect(report.notes.map(\.description) == [
            "a.txt:1:1: warning: the department's goals (部门整体绩效目标, 分项绩效目标, 工作保障措施) are not written: the source names no unit, so no _unit.md is written",
        ])
    }
}
