import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoImport
@testable import JixiaoTables
import JixiaoModel

/// `jixiao import` of the two sheets beside goal tables and self-evaluations: mid-year monitoring sheets
/// (绩效运行监控表), in the layout that writes the cause and likelihood and in the one that ticks them, and
/// department-wide sheets (部门整体支出绩效目标表, 自评表), which become the unit's `overall:`.
@Suite struct MonitoringImportTests {
    /// A monitoring sheet as the 财预〔2019〕136号 form prints it: the cause and the likelihood ticked (√)
    /// in a column per category, named on the header's second row.
    static let ticked = [
        "项目支出绩效目标执行监控表", "（2025年1-6月）", "单位：万元",
        "项目名称\t培训项目", "主管部门\t示例局\t实施单位\t示例中心",
        "项目资金（万元）\t\t年初预算数\t全年预算数\t1-6月执行数\t1-6月执行率\t全年预计执行数",
        "\t年度资金总额\t100\t120\t30\t25%\t110",
        "\t其中：财政拨款\t100\t120\t30\t25%\t110",
        "\t其他资金\t\t\t\t\t",
        "年度总体目标\t全年预期目标\t1-6月执行情况",
        "\t完成培训10期\t已完成3期",
        "绩效指标\t一级指标\t二级指标\t三级指标\t年度指标值\t1-6月执行情况\t全年预计完成情况\t偏差原因分析\t\t\t\t\t完成目标可能性\t\t\t备注",
        "\t\t\t\t\t\t\t经费保障\t制度保障\t人员保障\t硬件条件保障\t其他\t确定能\t有可能\t完全不可能",
        "\t产出指标\t数量指标\t培训期数\t≥10期\t3期\t10期\t\t\t√\t\t\t\t√\t\t增派讲师",
        "\t\t\t培训人次\t≥500人次\t120人次\t300人次\t√\t\t\t\t√\t\t\t√\t调整目标",
        "\t效益指标\t社会效益指标\t技能提升\t有效提升\t逐步提升\t有效提升\t\t\t\t\t\t√\t\t\t",
    ]

    @Test func readsATickedSheet() throws {
        let set = PublishedForms.read(Self.ticked.joined(separator: "\n"), file: "m.txt")
        let project = try #require(set.projects.first)
        #expect(set.projects.count == 1 && set.overall == nil)
        #expect((project.name, project.department, project.implementer) == ("培训项目", "示例局", "示例中心"))
        #expect(project.fundLines["total"] == FundLineDraft(initial: "100", budget: "120"))
        #expect(project.goal == "完成培训10期")
        let monitoring = try #require(project.monitoring)
        #expect((monitoring.month, monitoring.spent, monitoring.expectedSpent, monitoring.outcome) == (6, "30", "110", "已完成3期"))
        #expect(project.indicators.map(\.name) == ["培训期数", "培训人次", "技能提升"])
        #expect(project.indicators.map(\.progress) == ["3期", "120人次", "逐步提升"])
        #expect(project.indicators.map(\.expected) == ["10期", "300人次", "有效提升"])
        #expect(project.indicators.map(\.cause) == ["人员保障", "经费保障", nil])
        #expect(project.indicators.map(\.likelihood) == ["有可能", "完全不可能", "确定能"])
        // 备注 holds the measure on this form, which has no 纠偏措施 column: read as it, and said.
        #expect(project.indicators.map(\.measure) == ["增派讲师", "调整目标", nil])
        let notes = PublishedFormsTests.notes(set)
        #expect(notes.contains { $0.hasPrefix("15:") && $0.contains("其他 not read: 经费保障 is ticked before it") })
        #expect(notes.contains { $0.contains("备注 (note) of 培训期数 read as 纠偏措施 (measure)") })
        #expect(!notes.contains { $0.contains("row skipped") })
    }

    /// Imported into a unit folder, the sheet checks clean and scores its light: 25% spent against half
    /// the year is 红灯, and so is 完全不可能.
    @Test func importedSheetChecksAndHasItsLight() throws {
        let root = try ImporterTests.site()
        try Data(Self.ticked.joined(separator: "\n").utf8).write(to: root.appendingPathComponent("m.txt"))
        let report = Importer.run(ImportOptions(files: ["m.txt"], into: "content/2025/t", base: root))
        #expect(report.errors.isEmpty && !report.checked.contains { $0.severity == .error }, "\(report.lines)")
        let text = try String(contentsOf: root.appendingPathComponent("content/2025/t/01.md"), encoding: .utf8)
        #expect(text.contains("monitoring:\n  month: 6\n  spent: 30\n  expected_spent: 110\n  outcome: 已完成3期\n  indicators:\n"))
        let checked = Pipeline.check(root: root)
        let year = try #require(checked.site.years.first), unit = try #require(year.units.first)
        let result = try #require(checked.evaluation(year, unit, unit.projects[0])?.monitoring)
        #expect(result.rate == Decimal(string: "0.25") && result.light == .red)
        #expect(unit.projects[0].monitoring?.indicators.map(\.likelihood) == [.possible, .impossible, .certain])
    }

    /// A sheet that writes the cause in words: the category it names is read, other text is named as
    /// not read; a likelihood that is none of the three too.
    @Test func writtenCausesAreCategories() throws {
        let sheet = [
            "项目支出绩效运行监控表", "项目名称\t培训项目",
            "项目资金\t年初预算数\t全年预算数\t1-9月执行数\t全年预计执行数", "年度资金总额\t100\t100\t80\t100",
            "一级指标\t二级指标\t三级指标\t年度指标值\t1-9月执行情况\t全年预计完成情况\t偏差原因分析\t完成目标可能性\t纠偏措施",
            "产出指标\t数量指标\t培训期数\t10期\t7期\t10期\t经费保障：资金晚到\t有可能\t加快拨付",
            "\t\t培训人次\t500人次\t400人次\t500人次\t天气原因\t大概能\t",
        ]
        let set = PublishedForms.read(sheet.joined(separator: "\n"), file: "w.txt")
        let project = try #require(set.projects.first)
        #expect(project.monitoring?.month == 9 && project.monitoring?.spent == "80")
        #expect(project.indicators.map(\.cause) == ["经费保障", nil])
        #expect(project.indicators.map(\.likelihood) == ["有可能", nil])
        #expect(project.indicators.map(\.measure) == ["加快拨付", nil])
        let notes = PublishedFormsTests.notes(set)
        #expect(notes.contains { $0.hasPrefix("7:") && $0.contains("偏差原因 (cause) \"天气原因\" of 培训人次 not read: it names none of 经费保障") })
        #expect(notes.contains { $0.hasPrefix("7:") && $0.contains("完成目标可能性 (likelihood) \"大概能\" of 培训人次 not read") })
    }

    /// The example unit's monitoring booklet, as jixiao writes it, reads back as the same monitoring.
    @Test func monitoringBookletRoundTrips() throws {
        let root = try ImporterTests.site()
        let report = Importer.run(ImportOptions(files: [ExampleSite.output.appendingPathComponent("2025/436001/monitoring.xlsx").path],
                                                into: root.appendingPathComponent("content/2025/436001").path))
        #expect(report.errors.isEmpty && !report.checked.contains { $0.severity == .error }, "\(report.lines)")
        let checked = Pipeline.check(root: root)
        let year = try #require(checked.site.years.first), unit = try #require(year.units.first)
        let example = try ExampleSiteTests.unit(2025, "436001")
        let monitored = example.projects.filter { $0.monitoring != nil }
        #expect(unit.projects.map(\.name) == monitored.map(\.name))
        for (read, original) in zip(unit.projects, monitored) {
            let (got, want) = (try #require(read.monitoring), try #require(original.monitoring))
            #expect((got.month, got.spent.value, got.expectedSpent?.value) == (want.month, want.spent.value, want.expectedSpent?.value))
            #expect(got.indicators.map(\.name) == want.indicators.map(\.name))
            #expect(got.indicators.map(\.progress) == want.indicators.map(\.progress))
            #expect(got.indicators.map(\.cause) == want.indicators.map(\.cause))
            #expect(got.indicators.map(\.likelihood) == want.indicators.map(\.likelihood))
            #expect(got.indicators.map(\.measure) == want.indicators.map(\.measure))
            let exampleYear = try #require(ExampleSiteTests.checked.site.years.first { $0.year == 2025 })
            #expect(checked.evaluation(year, unit, read)?.monitoring?.light == ExampleSiteTests.checked.evaluation(exampleYear, example, original)?.monitoring?.light)
        }
    }

    // MARK: Department-wide sheets

    static let overallGoal = [
        "部门整体支出绩效目标表", "（2025年度）", "单位：万元",
        "部门名称\t示例局",
        "年度资金总额\t500", "其中：财政拨款\t450", "其他资金\t50",
        "年度绩效目标\t履行职责，完成年度工作任务。",
        "一级指标\t二级指标\t三级指标\t指标值",
        "产出指标\t数量指标\t办结事项数\t≥100件",
        "满意度指标\t服务对象满意度指标\t群众满意度\t≥90%",
    ]

    /// A department-wide goal table is the unit's `overall:`, named by 部门名称, and the unit is named after it.
    @Test func departmentWideGoalTableIsTheUnitsOverall() throws {
        let set = PublishedForms.read(Self.overallGoal.joined(separator: "\n"), file: "o.txt")
        #expect(set.projects.isEmpty && set.unitName == "示例局")
        let overall = try #require(set.overall)
        #expect(overall.name == "示例局" && overall.goal == "履行职责，完成年度工作任务。")
        #expect(overall.fundLines["fiscal"]?.initial == "450" && overall.indicators.map(\.name) == ["办结事项数", "群众满意度"])

        let root = try ImporterTests.site()
        try Data(Self.overallGoal.joined(separator: "\n").utf8).write(to: root.appendingPathComponent("o.txt"))
        let report = Importer.run(ImportOptions(files: ["o.txt"], into: "content/2025/t", base: root))
        #expect(report.errors.isEmpty && report.written == ["content/2025/t/_unit.md"], "\(report.lines)")
        #expect(!report.checked.contains { $0.severity == .error }, "\(report.lines)")
        let text = try String(contentsOf: root.appendingPathComponent("content/2025/t/_unit.md"), encoding: .utf8)
        #expect(text.contains("money_unit: 万元\n# imported from o.txt:4\noverall:\n  funds:\n    fiscal: 450\n    other: 50\n"))
        #expect(!text.contains("\n  name:"))
        #expect(report.summary.hasPrefix("imported 0 projects (0 indicators) and the department-wide sheet into content/2025/t: 1 file written"))
        let unit = try #require(Pipeline.check(root: root).site.years.first?.units.first)
        #expect(unit.overall?.indicators.count == 2 && unit.overall?.funds.overall.initial?.value == 500)
    }

    /// The example's department-wide self-evaluation, as jixiao writes it, reads back with the same score.
    @Test func departmentWideSelfEvaluationRoundTrips() throws {
        let root = try ImporterTests.site()
        let report = Importer.run(ImportOptions(files: [ExampleSite.output.appendingPathComponent("2021/zibo/self-evaluation/self-evaluation.xlsx").path],
                                                into: root.appendingPathComponent("content/2021/zibo").path))
        #expect(report.errors.isEmpty && !report.checked.contains { $0.severity == .error }, "\(report.lines)")
        let checked = Pipeline.check(root: root)
        let year = try #require(checked.site.years.first), unit = try #require(year.units.first)
        let example = try ExampleSiteTests.unit(2021, "zibo")
        let exampleYear = try #require(ExampleSiteTests.checked.site.years.first { $0.year == 2021 })
        #expect(unit.projects.isEmpty && unit.overall?.indicators.map(\.name) == example.overall?.indicators.map(\.name))
        let total = checked.overallEvaluation(year, unit)?.total
        #expect(total != nil && total == ExampleSiteTests.checked.overallEvaluation(exampleYear, example)?.total)
    }
}
