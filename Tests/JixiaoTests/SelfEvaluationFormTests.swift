import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoImport
@testable import JixiaoTables
import JixiaoModel

/// The self-evaluation form (SelfEvaluationForm) on a small sheet made for it, imported: typed scores
/// against jixiao's, the funds table printed over two header rows, the notes it gives; and a goal table
/// on a worksheet.
@Suite struct SelfEvaluationFormTests {
    static let sheet = [
        "市级预算项目支出绩效自评表", "( 2021 年度)", "单位：万元",
        "项目名称\t\t示范 项目\t\t\t主管部门\t示例局",
        "项目实施单位\t\t示例局\t\t\t联系电话\t1234567",
        "项目资金 (万元)\t\t\t年初预算\t全年预算数\t全年执行\t分值\t执行率\t得分",
        "\t\t\t数\t(A)\t数(B)\t\t(B/A)",
        "\t\t年度资金总额\t50\t50\t45\t10\t90%\t10",
        "\t\t其中：当年财政拨款\t50\t50\t45\t—\t\t—",
        "\t\t上年结转资\t约\t\t\t—\t\t—",
        "\t\t其他资金\t\t\t\t—\t\t—",
        "年度 总体 目标\t年初预期目标\t\t\t\t目标实际完成情况",
        "\t完成 任务\t\t\t\t基本完成",
        "绩 效 指 标\t一级指 标\t二级指标\t三级指标\t年度指标 值（A）\t实际完成 值（B）\t分值\t得分\t偏差原因分析及 改进措施",
        "\t产出指标（50 分）\t数量指标\t完成数量\t50\t45\t50\t50\t",
        "\t效益指标（30分）\t社会效益指标\t社会效益\t提升\t提升\t30\t30\t",
        "\t满意度指标（15分）\t服务对象满意度指标\t满意度\t90\t95\t10\t10\t",
        "总分\t\t\t\t\t\t100\t100",
        "总分在 80 分以下项目未实现绩效目标的原因分析及拟采取的措施说明\t原因已说明",
    ]

    @Test func readsTheSheet() throws {
        let set = PublishedForms.read(Self.sheet.joined(separator: "\n"), file: "t.txt")
        #expect((set.unitName, set.moneyUnit) == ("示例局", "万元"))
        let project = try #require(set.projects.first)
        #expect((project.name, project.department, project.implementer, project.contact) == ("示范项目", "示例局", "示例局", "1234567"))
        #expect(project.fundLines == ["total": FundLineDraft(initial: "50", budget: "50", spent: "45"),
                                      "fiscal": FundLineDraft(initial: "50", budget: "50", spent: "45")])
        #expect((project.executionWeight, project.publishedExecutionScore, project.publishedTotal) == ("10", "10", "100"))
        #expect((project.goal, project.outcome) == ("完成任务", "基本完成"))
        #expect(project.indicators.map(\.level1) == ["产出指标", "效益指标", "满意度指标"])
        #expect(project.indicators.map(\.target) == ["50", "提升", "90"])
        #expect(project.indicators.map(\.actual) == ["45", "提升", "95"])
        #expect(project.indicators.map(\.publishedScore) == ["50", "30", "10"])
        #expect(project.indicators.allSatisfy { $0.score == nil })
        #expect(PublishedFormsTests.notes(set) == [
            "1:1: JX209: spaces that the printed form's line breaks left between Chinese characters removed from the cells on lines 4, 13, 15",
            "10:9: JX206: 年初预算数 (initial) \"约\" of 上年结转资 not read: it is no amount",
            "17:2: JX260: 一级指标 (level1) 满意度指标 is printed with 15 分, but the 分值 (weight) of its indicators add up to 10",
            "19:1: JX206: row not read: it follows 总分: 总分在 80 分以下项目未实现绩效目标的原因分析及拟采取的措施说明 | 原因已说…",
        ])
    }

    /// Imported: the typed 得分, the execution rate's 得分 and 总分 that jixiao does not reproduce are warnings
    /// at their cells, with both numbers; jixiao's scores are kept and the typed ones are not written.
    @Test func typedScoresAreComparedNotWritten() throws {
        let root = try ImporterTests.site()
        try Data(Self.sheet.joined(separator: "\n").utf8).write(to: root.appendingPathComponent("t.txt"))
        let report = Importer.run(ImportOptions(files: ["t.txt"], into: "content/2021/t", base: root))
        #expect(report.errors.isEmpty && report.written == ["content/2021/t/_unit.md", "content/2021/t/01.md"])
        #expect(report.scores.map(\.description) == [
            "t.txt:15:32: warning: 得分 (score) of 三级指标 (name) 完成数量 is 50 on the form, but jixiao scores it 45 (content/2021/t/01.md); jixiao's score is kept",
            "t.txt:8:26: warning: 得分 of the execution rate (预算执行率) is 10 on the form, but jixiao scores it 9 (content/2021/t/01.md); jixiao's score is kept",
            "t.txt:18:13: warning: 总分 of 示范项目 is 100 on the form, but jixiao's total is 94 (content/2021/t/01.md); jixiao's score is kept",
        ])
        #expect(report.scores.allSatisfy { $0.code == .publishedFigureDiffers })
        #expect(report.summary.hasSuffix("0 errors, \(report.checked.count + 3) warnings"))
        let text = try String(contentsOf: root.appendingPathComponent("content/2021/t/01.md"), encoding: .utf8)
        #expect(!text.contains("score:"))
        #expect(text.contains("funds:\n  fiscal:\n    initial: 50\n    budget: 50\n    spent: 45\nexecution_weight: 10\n"))
        let checked = Pipeline.check(root: root)
        let year = try #require(checked.site.years.first), unit = try #require(year.units.first), project = try #require(unit.projects.first)
        #expect(checked.evaluation(year, unit, project)?.total == 94)
    }

    /// A self-evaluation without its indicator header keeps its project, noted.
    @Test func aSheetWithoutIndicators() {
        let set = PublishedForms.read((Array(Self.sheet.prefix(13)) + Self.sheet).joined(separator: "\n"), file: "t.txt")
        #expect(set.projects.map(\.indicators.count) == [0, 3])
        #expect(set.notes.contains(.warning(.layoutIncomplete, "no indicator header (一级指标, 二级指标, 三级指标, 实际完成值 …) in the form of 示范项目: no indicators read",
                                            at: SourceLocation(file: "t.txt"))))
    }

    // MARK: A worksheet

    static func row(_ number: Int, _ cells: [String]) -> String {
        let columns = Array("ABCDEFGHIJ")
        return "<row r=\"\(number)\">" + cells.enumerated().map { index, text in
            text.isEmpty ? "" : "<c r=\"\(columns[index])\(number)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
        }.joined() + "</row>"
    }

    /// A goal table on a sheet of its own, merged 一级指标 cells spread over their rows: read as a form.
    @Test func aGoalTableOnAWorksheet() throws {
        let rows = [
            ["监测平台项目绩效目标表"], ["项目名称", "监测平台"], ["投入目标（万元）", "资金总额", "120.50"], ["年度目标", "建成监测平台"],
            ["一级指标", "二级指标", "三级指标", "指标方向", "目标值", "计量单位", "分值"],
            ["产出指标", "数量指标", "接入企业数", "大于等于", "30", "家", "50"],
            ["", "时效指标", "建成时间", "", "年底前", "", "40"],
        ]
        let url = try Workbook.make(sheets: ["目标表": rows.enumerated().map { Self.row($0 + 1, $1) }.joined()],
                                    extra: "<mergeCells count=\"1\"><mergeCell ref=\"A6:A7\"/></mergeCells>")
        let root = try ImporterTests.site()
        let report = Importer.run(ImportOptions(files: [url.path], into: "content/2023/sheet", base: root))
        #expect(report.succeeded && report.notes.isEmpty, "\(report.lines)")
        let project = try #require(ImporterTests.projects(root).first)
        #expect((project.name, project.amount.text, project.goal) == ("监测平台", "120.50", "建成监测平台"))
        #expect(project.indicators.map(\.level1) == ["产出指标", "产出指标"])
        #expect(project.indicators.map(\.target.text) == ["大于等于30", "年底前"])
        #expect(project.indicators.map(\.weight) == [50, 40])
    }

    /// A workbook with one form per sheet, as departments fill them in: one project per sheet, in the
    /// workbook's order; a sheet that is no form is listed; `--sheet` reads the one it names.
    @Test func aWorkbookWithOneFormPerSheet() throws {
        func form(_ name: String, _ amount: String) -> String {
            let rows = [
                ["\(name)项目绩效目标表"], ["项目名称", name], ["投入目标（万元）", "资金总额", amount], ["年度目标", "完成\(name)"],
                ["一级指标", "二级指标", "三级指标", "指标方向", "目标值", "计量单位", "分值"],
                ["产出指标", "数量指标", "完成数", "大于等于", "3", "个", "90"],
            ]
            return rows.enumerated().map { Self.row($0 + 1, $1) }.joined()
        }
        let url = try Workbook.make(sheets: ["甲": form("甲项目", "10.00"), "说明": Self.row(1, ["填表说明"]), "乙": form("乙项目", "20.00")], order: ["甲", "说明", "乙"])
        let root = try ImporterTests.site()
        let report = Importer.run(ImportOptions(files: [url.path], into: "content/2023/book", base: root))
        #expect(report.errors.isEmpty, "\(report.lines)")
        #expect(ImporterTests.projects(root).map(\.name) == ["甲项目", "乙项目"])
        #expect(ImporterTests.projects(root).map(\.amount.text) == ["10.00", "20.00"])
        #expect(report.notes.contains { $0.message.hasPrefix("sheet `说明` is not read") })

        let one = try ImporterTests.site()
        _ = Importer.run(ImportOptions(files: [url.path], into: "content/2023/book", sheet: "乙", base: one))
        #expect(ImporterTests.projects(one).map(\.name) == ["乙项目"])
    }
}
