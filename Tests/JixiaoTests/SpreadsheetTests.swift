import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoImport
import JixiaoModel

/// A clerk's sheet (Fixtures/spreadsheets, written by its make.py): a title row, a `单位：万元` line, a
/// two-row header under a merged 绩效指标 heading, merged project cells, percent-formatted cells, a
/// hidden row, a 合计 row, a note below the table and an instructions sheet; as .xlsx and as the .csv
/// WPS exports of it.
@Suite struct SpreadsheetTests {
    static let folder = Fixtures.url("spreadsheets")

    static func imported(_ file: String) throws -> (report: ImportReport, root: URL) {
        let root = Scratch.folder()
        let report = Importer.run(ImportOptions(files: [folder.appendingPathComponent(file).path], into: root.appendingPathComponent("content/2023/demo").path))
        return (report, root)
    }

    @Test(arguments: ["clerk.xlsx", "clerk.csv"])
    func importsWithNothingLost(_ file: String) throws {
        let (report, root) = try Self.imported(file)
        #expect(report.succeeded, "\(report.lines)")
        #expect((report.projects, report.indicators) == (2, 5))
        #expect(report.checked.filter { $0.severity != .note }.isEmpty, "\(report.checked)")
        let checked = Pipeline.check(root: root)
        let unit = try #require(checked.site.years.first?.units.first)
        #expect(unit.name == "示例县工业和信息化局")
        #expect(unit.moneyUnit == .wanYuan)
        #expect(unit.total?.text == "1230.50")
        #expect(unit.body.contains("注：本表金额单位为万元"))
        #expect(unit.projects.map(\.name) == ["信息化运维经费", "企业培训经费"])
        #expect(unit.projects.map(\.amount.text) == ["1200.50", "30.00"])
        let first = unit.projects[0], second = unit.projects[1]
        #expect(first.indicators.map(\.target.text) == ["40", "99%", "90%"])
        #expect(first.indicators.map(\.level2) == ["数量指标", "质量指标", "服务对象满意度指标"])
        #expect(first.indicators[1].target.value == 99 && first.indicators[1].target.unit == "%")
        // The hidden row is not read.
        #expect(second.indicators.map(\.name) == ["培训人次", "参训满意度"])
        #expect(checked.errors.isEmpty && checked.warnings.isEmpty, "\(checked.diagnostics)")
    }

    /// Every row that is not a project row is listed with its sheet row and column.
    @Test func theReportListsEveryRowThatIsNotData() throws {
        let (report, _) = try Self.imported("clerk.xlsx")
        let shown = folderPath("clerk.xlsx")
        #expect(report.notes.sorted().map(\.description) == [
            "\(shown):1:1: note: sheet `填表说明` is not read (sheet `绩效目标表` is); import it with --sheet 填表说明 if it holds projects",
            "\(shown):1:1: note: title row: 2023年度示例县工业和信息化局项目支出绩效目标表 (the unit: 示例县工业和信息化局)",
            "\(shown):2:1: note: title row: 单位：万元",
            "\(shown):9:1: warning: row skipped: it is hidden in the workbook",
            "\(shown):11:4: note: the 合计 row: 1230.50 read as the unit's published 合计 (total), not as a project",
            "\(shown):12:1: note: a note below the table, kept as the unit's note: 注：本表金额单位为万元，指标值为年度目标。",
        ])
    }

    func folderPath(_ file: String) -> String { Self.folder.appendingPathComponent(file).path }

    /// The workbook and its CSV export give the same project files.
    @Test func theWorkbookAndItsCSVGiveTheSameFiles() throws {
        let (_, fromXLSX) = try Self.imported("clerk.xlsx")
        let (_, fromCSV) = try Self.imported("clerk.csv")
        let a = Scratch.tree(fromXLSX.appendingPathComponent("content")), b = Scratch.tree(fromCSV.appendingPathComponent("content"))
        #expect(a.keys.sorted() == b.keys.sorted())
        for (path, data) in a {
            let strip = { (data: Data?) in String(decoding: data ?? Data(), as: UTF8.self).split(separator: "\n").filter { !$0.hasPrefix("# imported from") } }
            #expect(strip(data) == strip(b[path]), "\(path)")
        }
    }

    /// In place in a unit folder, each table gives the projects import writes.
    @Test(arguments: ["clerk.xlsx", "clerk.csv"])
    func worksInPlace(_ file: String) throws {
        let root = Scratch.folder()
        let unit = root.appendingPathComponent("content/2023/demo")
        try FileManager.default.createDirectory(at: unit, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent(file), to: unit.appendingPathComponent(file))
        let inPlace = Pipeline.check(root: root)
        #expect(inPlace.errors.isEmpty && inPlace.warnings.count == (file.hasSuffix(".xlsx") ? 1 : 0), "\(inPlace.diagnostics)")
        let (_, importedRoot) = try Self.imported(file)
        let imported = Pipeline.check(root: importedRoot).site.years[0].units[0].projects
        let read = inPlace.site.years[0].units[0].projects
        #expect(read.map(\.name) == imported.map(\.name))
        #expect(read.map(\.amount) == imported.map(\.amount))
        #expect(read.map(\.moneyUnit) == imported.map(\.moneyUnit))
        #expect(read.map { $0.indicators.map(\.target.text) } == imported.map { $0.indicators.map(\.target.text) })
    }

    /// A workbook in a unit folder is held to max_table_kb like a .csv, before it is opened.
    @Test func aWorkbookOverTheTableLimitIsRefusedUnread() throws {
        let root = Scratch.folder()
        let unit = root.appendingPathComponent("content/2023/demo")
        try FileManager.default.createDirectory(at: unit, withIntermediateDirectories: true)
        try "title: 测试\nmax_table_kb: 1\n".write(to: root.appendingPathComponent("content/site.yaml"), atomically: true, encoding: .utf8)
        try FileManager.default.copyItem(at: Self.folder.appendingPathComponent("clerk.xlsx"), to: unit.appendingPathComponent("clerk.xlsx"))
        let checked = Pipeline.check(root: root)
        #expect(checked.errors.map(\.code) == [.tooLarge], "\(checked.diagnostics)")
        #expect(checked.errors.first?.location?.file == "content/2023/demo/clerk.xlsx")
    }
}
