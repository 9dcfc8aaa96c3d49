import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoImport
@testable import JixiaoTables
import JixiaoModel

/// Drafts written as content files (ContentWriter, YAMLText), read back by the loader.
@Suite struct ContentWriterTests {
    static func draft(_ name: String, code: String? = nil, goal: String = "目标") -> ProjectDraft {
        var draft = ProjectDraft(name: name, location: SourceLocation(file: "t.csv", line: 2))
        draft.code = code
        draft.total = "1.50"
        draft.goal = goal
        draft.indicators = [IndicatorDraft(level1: "产出指标", level2: "数量指标", name: "次数", target: "≥3", location: SourceLocation(file: "t.csv"))]
        return draft
    }

    @Test func fileNamesAreCodesOrNumbersAndNeverCollide() {
        let names = ContentWriter.fileNames([
            Self.draft("甲", code: "150600230000000001"),
            Self.draft("乙"),
            Self.draft("丙", code: "150600230000000001"),
            Self.draft("丁", code: "a b"),
            Self.draft("戊", code: "_unit"),
            Self.draft("己", code: "02"),
        ])
        #expect(names == ["150600230000000001", "02", "150600230000000001-3", "04", "_unit-5", "02-6"])
    }

    @Test func textOfSeveralLinesReadsBackAsWritten() throws {
        let site = Scratch.folder()
        let unit = site.appendingPathComponent("content/2022/t")
        var set = DraftSet()
        set.projects = [
            Self.draft("甲", goal: "  缩进的第一行\r\n第二行：冒号 # 井号\r\n\r\n第三段"),
            Self.draft("乙", goal: "- 看似列表\n\"引号\""),
            Self.draft("丙", goal: "yes"),
        ]
        let outcome = ContentWriter(folder: unit, folderName: "content/2022/t", force: false).write(set)
        #expect(outcome.written == ["01.md", "02.md", "03.md"])
        #expect((outcome.projects, outcome.indicators) == (3, 3))
        let checked = Pipeline.check(root: site)
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        let goals = checked.site.years.flatMap(\.units).flatMap(\.projects).map(\.goal)
        #expect(goals == ["  缩进的第一行\n第二行：冒号 # 井号\n\n第三段", "- 看似列表\n\"引号\"", "yes"])
    }

    /// One amount parser: `1,200.50` in a table, in front matter (plain or quoted) and written back by
    /// import all mean 1200.50, and import writes it as a number.
    @Test func amountsWithThousandsSeparatorsAreReadAlikeAndWrittenAsNumbers() throws {
        let site = Scratch.folder()
        let unit = site.appendingPathComponent("content/2022/t")
        var set = DraftSet()
        var draft = Self.draft("甲")
        draft.total = "1,200.50"
        draft.indicators[0].weight = "1,000"
        set.projects = [draft]
        #expect(ContentWriter(folder: unit, folderName: "content/2022/t", force: false).write(set).written == ["01.md"])
        let text = try String(contentsOf: unit.appendingPathComponent("01.md"), encoding: .utf8)
        #expect(text.contains("  total: 1200.50\n"))
        #expect(text.contains("    weight: 1000\n"))
        try text.replacingOccurrences(of: "total: 1200.50", with: "total: 1,200.50")
            .write(to: unit.appendingPathComponent("02.md"), atomically: true, encoding: .utf8)
        try text.replacingOccurrences(of: "total: 1200.50", with: "total: \"1,200.50\"")
            .write(to: unit.appendingPathComponent("03.md"), atomically: true, encoding: .utf8)
        let checked = Pipeline.check(root: site)
        #expect(!checked.errors.contains { $0.code == .notAnAmount }, "\(checked.errors)")
        let amounts = checked.site.years.flatMap(\.units).flatMap(\.projects).map(\.amount.text)
        #expect(amounts == ["1200.50", "1200.50", "1200.50"])
    }

    /// Files named by code sort otherwise than the source: `_unit.md` then states the source's order.
    @Test func theSourcesOrderIsWrittenWhereFileNamesWouldChangeIt() throws {
        let site = Scratch.folder()
        let unit = site.appendingPathComponent("content/2022/t")
        var set = DraftSet()
        set.unitName = "测试局"
        set.projects = [Self.draft("甲", code: "300"), Self.draft("乙", code: "100"), Self.draft("丙", code: "200")]
        #expect(ContentWriter(folder: unit, folderName: "content/2022/t", force: false).write(set).written.first == "_unit.md")
        let checked = Pipeline.check(root: site)
        #expect(checked.errors.isEmpty, "\(checked.errors)")
        #expect(checked.site.years[0].units[0].projects.map(\.name) == ["甲", "乙", "丙"])

        let plain = Scratch.folder().appendingPathComponent("content/2022/t")
        set.projects = [Self.draft("甲"), Self.draft("乙")]
        _ = ContentWriter(folder: plain, folderName: "content/2022/t", force: false).write(set)
        #expect(!(try String(contentsOf: plain.appendingPathComponent("_unit.md"), encoding: .utf8)).contains("order:"))
    }
}
