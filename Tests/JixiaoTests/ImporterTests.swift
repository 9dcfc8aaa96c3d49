import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoImport
@testable import JixiaoTables
import JixiaoModel

/// `jixiao import` through the library: every kind of source, --force, and what is refused.
@Suite struct ImporterTests {
    static let seeds = Fixtures.url("seeds")

    /// A scratch site with `content/site.yaml`; returns its root.
    static func site(_ name: String = #function) throws -> URL {
        let root = Scratch.folder(name)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content"), withIntermediateDirectories: true)
        try Data("title: 导入\n".utf8).write(to: root.appendingPathComponent("content/site.yaml"))
        return root
    }

    static func projects(_ root: URL) -> [Project] {
        Pipeline.check(root: root).site.years.flatMap(\.units).flatMap(\.projects)
    }

    /// Imports seed copies (by file name, relative to the seeds folder) into `into` below `root`.
    static func importSeeds(_ files: [String], into: String, root: URL, force: Bool = false) -> ImportReport {
        Importer.run(ImportOptions(files: files, into: root.appendingPathComponent(into).path, force: force, base: seeds))
    }

    // MARK: .csv (the round trip is in TableSourceTests)

    @Test func csvWithoutTheRequiredColumnsWritesNothing() throws {
        let root = try Self.site()
        let csv = root.appendingPathComponent("t.csv")
        try Data("项目名称,资金总额,备用\n甲,1,x\n".utf8).write(to: csv)
        let report = Importer.run(ImportOptions(files: ["t.csv"], into: "content/2022/t", base: root))
        #expect(report.errors.map(\.description) == [
            "t.csv:1:1: error: the table has no column 三级指标",
            "t.csv:1:1: error: the table has no column 目标值 / 指标值 / 年度指标值 / 年度目标值",
        ])
        #expect(report.notes.map(\.description) == ["t.csv:1:3: warning: column `备用` is not one jixiao reads; its values are ignored"])
        #expect(!report.succeeded && report.written.isEmpty)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/2022/t").path))
    }

    /// A table with a quote that never closes is an error at its cell, and nothing is written.
    @Test func csvWithAnUnterminatedQuoteWritesNothing() throws {
        let root = try Self.site()
        let csv = "项目名称,年度目标,一级指标,二级指标,三级指标,目标值\n甲,\"没有结束,产出指标,数量指标,次数,≥3\n乙,目标,产出指标,数量指标,次数,≥3\n"
        try Data(csv.utf8).write(to: root.appendingPathComponent("t.csv"))
        let report = Importer.run(ImportOptions(files: ["t.csv"], into: "content/2022/t", base: root))
        #expect(report.errors.map(\.description) == ["t.csv:2:2: error: unterminated quote: the quoted cell that starts here has no closing \""])
        #expect(report.written.isEmpty && !report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/2022/t").path))
    }

    /// A source that cannot be read says why in the system's words, not Foundation's error number.
    @Test func unreadableSourcesSayWhy() throws {
        let root = try Self.site()
        for name in ["folder.csv", "folder.xlsx", "folder.txt"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        let report = Importer.run(ImportOptions(files: ["folder.csv", "folder.xlsx", "folder.txt", "missing.csv"], into: "content/2022/t", base: root))
        #expect(report.errors.map(\.description) == [
            "folder.csv:1:1: error: cannot read the file: it is a folder",
            "folder.xlsx:1:1: error: cannot read the file: it is a folder",
            "folder.txt:1:1: error: cannot read the file: it is a folder",
            "missing.csv:1:1: error: cannot read the file: no such file or directory",
        ])
        #expect(report.written.isEmpty)
    }

    /// `max_table_kb` in the site's site.yaml holds for what import reads too.
    @Test func tablesOverTheSiteLimitAreRefused() throws {
        let root = try Self.site()
        try Data("title: 导入\nmax_table_kb: 1\n".utf8).write(to: root.appendingPathComponent("content/site.yaml"))
        let csv = "项目名称,年度目标,一级指标,二级指标,三级指标,目标值\n" + String(repeating: "甲,目标,产出指标,数量指标,次数,≥3\n", count: 40)
        try Data(csv.utf8).write(to: root.appendingPathComponent("t.csv"))
        let report = Importer.run(ImportOptions(files: ["t.csv"], into: "content/2022/t", base: root))
        #expect(report.errors.map(\.description) == [
            "t.csv:1:1: error: the file is too large to read: 2 KB, over the 1 KB that `max_table_kb` in content/site.yaml allows",
        ])
        #expect(report.written.isEmpty)
    }

    // MARK: .xlsx

    /// The LibreOffice workbook: merged cells spread over their project's rows, the 18-digit code and
    /// 18150.89 exact. It has no 年度目标 column and one row without 目标值: the files are written and
    /// check names what is missing in them.
    @Test func xlsxFixtureImportsAndCheckNamesWhatTheSheetLacks() throws {
        let root = try Self.site()
        let workbook = Fixtures.url("xlsx").appendingPathComponent("projects.xlsx")
        let report = Importer.run(ImportOptions(files: [workbook.path], into: "content/2023/xl", base: root))
        #expect(report.errors.isEmpty && report.refused.isEmpty, "\(report.lines)")
        // The workbook's second sheet is named, not read.
        #expect(report.notes.count == 1 && report.notes[0].message.hasPrefix("sheet `") && report.notes[0].severity == .note, "\(report.notes)")
        #expect(report.written == ["content/2023/xl/150600230000000001.md", "content/2023/xl/150600230000000002.md"])
        #expect((report.projects, report.indicators) == (2, 5))
        #expect(report.checked.map(\.description) == [
            "content/2023/xl/150600230000000001.md:3:1: error: 年度目标 (goal) is missing: every project needs one",
            "content/2023/xl/150600230000000002.md:3:1: error: 年度目标 (goal) is missing: every project needs one",
            "content/2023/xl/150600230000000002.md:11:13: error: 指标值 (target) is empty",
        ])
        #expect(!report.succeeded)
        let text = try String(contentsOf: root.appendingPathComponent("content/2023/xl/150600230000000001.md"), encoding: .utf8)
        #expect(text.contains("code: \"150600230000000001\"\n") && text.contains("  total: 18150.89\n"))
        #expect(text.components(separatedBy: "  - level1:").count == 5)
        #expect(report.summary == "imported 2 projects (5 indicators) into content/2023/xl: 2 files written, 0 refused; 1 row skipped or changed (listed above); 3 errors, 0 warnings")
    }

    /// A workbook whose projects are on its second sheet, chosen by --sheet; cells stored as numbers keep
    /// their digits.
    @Test func xlsxSheetByName() throws {
        func row(_ number: Int, _ cells: [String]) -> String {
            let columns = Array("ABCDEFGHIJ")
            return "<row r=\"\(number)\">" + cells.enumerated().map { index, text in
                let reference = "\(columns[index])\(number)"
                if text.isEmpty { return "" }
                if Decimal.isNumeral(text) { return "<c r=\"\(reference)\"><v>\(text)</v></c>" }
                return "<c r=\"\(reference)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }.joined() + "</row>"
        }
        let rows = [
            ["项目名称", "项目编码", "资金总额", "年度目标", "一级指标", "二级指标", "三级指标", "指标方向", "目标值", "计量单位"],
            ["监测平台", "150600230000000003", "120.50", "建成监测平台", "产出指标", "数量指标", "接入企业数", "大于等于", "30", "家"],
            ["", "", "", "", "满意度指标", "服务对象满意度指标", "企业满意度", "大于等于", "90", "%"],
        ]
        let url = try Workbook.make(sheets: ["封面": row(1, ["某某局项目表"]), "项目": rows.enumerated().map { row($0 + 1, $1) }.joined()],
                                    order: ["封面", "项目"])
        let root = try Self.site()
        let report = Importer.run(ImportOptions(files: [url.path], into: "content/2023/book", sheet: "项目", base: root))
        #expect(report.succeeded, "\(report.lines)")
        #expect(report.written == ["content/2023/book/150600230000000003.md"])
        let project = try #require(Self.projects(root).first)
        #expect(project.code == "150600230000000003" && project.amount.text == "120.50")
        #expect(project.indicators.map(\.target.text) == ["大于等于30", "大于等于90"])
        #expect(project.indicators.map(\.unit) == ["家", "%"])

        // The first sheet is a cover without the columns; a sheet that does not exist is named.
        let first = Importer.run(ImportOptions(files: [url.path], into: "content/2023/cover", base: root))
        #expect(first.errors.map(\.message).contains { $0.hasPrefix("no header row: none of the first 12 rows names the columns") })
        let missing = Importer.run(ImportOptions(files: [url.path], into: "content/2023/cover", sheet: "附表", base: root))
        #expect(missing.errors.map(\.description) == ["\(url.path):1:1: error: no sheet named '附表' (sheets: 封面, 项目)"])
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/2023/cover").path))
    }

    // MARK: The seeds

    /// Seed 000 (鄂尔多斯市工业和信息化局 2022): a project list and the goal table in column blocks.
    @Test func seed000() throws {
        let root = try Self.site()
        let report = Self.importSeeds(["000_ordos.txt"], into: "content/2022/982001", root: root)
        #expect(report.errors.isEmpty && report.refused.isEmpty)
        #expect((report.projects, report.indicators) == (25, 181))
        #expect(report.written.count == 26)
        #expect(report.written.first == root.appendingPathComponent("content/2022/982001/_unit.md").path)
        // Every note is at its place in the seed; each is a repair or a row the reader could not place.
        #expect(report.notes.count == 14)
        #expect(report.notes.allSatisfy { $0.severity == .warning && $0.location?.file == "000_ordos.txt" })
        #expect(!report.checked.contains { $0.severity == .error }, "\(report.checked)")
        #expect(report.succeeded)
        let unitFile = root.appendingPathComponent("content/2022/982001/_unit.md").path
        #expect(report.checked.contains(.warning(.unitTotalMismatch, "合计 (total) is 1,334.06 万元, but the projects add up to 1,308.07 万元 (difference 25.99 万元)",
                                                 at: SourceLocation(file: unitFile, line: 6))))

        let checked = Pipeline.check(root: root)
        let unit = try #require(checked.site.years.first?.units.first)
        #expect((unit.slug, unit.name, unit.code, unit.total?.text) == ("982001", "鄂尔多斯市工业和信息化局", "982001", "1334.06"))
        #expect(unit.projects.count == 25)
        #expect(unit.projects.map(\.slug) == (1...25).map { String(format: "%02d", $0) })
        #expect(unit.projects.map(\.amount.text) == [
            "255.36", "27.66", "0.22", "0.64", "51.46", "349.07", "38.60", "34.98", "32.67", "1.44", "3.67", "7.64", "17.36",
            "8.00", "12.30", "46.00", "60.00", "8.00", "50.00", "10.00", "83.00", "100.00", "20.00", "40.00", "50.00",
        ])
        #expect(unit.projects.map(\.category).filter { $0 == "部门预算项目" }.count == 9)
        #expect(unit.projects.flatMap(\.indicators).count == 181)
        #expect(report.summary == "imported 25 projects (181 indicators) into \(root.path)/content/2022/982001: 26 files written, 0 refused; "
            + "14 rows skipped or changed (listed above); 0 errors, \(report.checked.count) warnings")
    }

    /// Seed 002 (门源县工业商务和信息化局 2024): a 公开表 with the indicators as free text.
    @Test func seed002() throws {
        let root = try Self.site()
        let report = Self.importSeeds(["002_menyuan.txt"], into: "content/2024/menyuan-gsx", root: root)
        #expect(report.errors.isEmpty && report.refused.isEmpty)
        #expect((report.projects, report.indicators) == (9, 102))
        #expect(report.written.count == 10)
        #expect(report.checked.isEmpty, "\(report.checked)")
        #expect(report.succeeded)

        let unit = try #require(Pipeline.check(root: root).site.years.first?.units.first)
        #expect((unit.name, unit.total?.text, unit.projectsTotal.text) == ("门源县工业商务和信息化局", "347.79", "347.79"))
        #expect(unit.projects.map(\.amount.text) == ["18.00", "90.79", "1.20", "124.10", "30.00", "19.80", "50.00", "0.27", "13.63"])

        // A free-text item without a comparison and number is kept as a qualitative indicator, its text
        // kept, and listed where it is.
        let welfare = try #require(unit.projects.first { $0.name == "两节慰问工作经费" })
        let amount = try #require(welfare.indicators.first { $0.name == "每家企业慰问金额" })
        #expect(amount.target.isQualitative && amount.target.text == "每家企业慰问金额")
        let qualitative = report.notes.filter { $0.message.hasPrefix("indicator kept as qualitative") }
        #expect(qualitative.contains { $0.message == "indicator kept as qualitative: no comparison and number in \"每家企业慰问金额\"" && $0.location?.line == 10 })
        #expect(qualitative.count == 22)
        #expect(report.notes.count == 33)
        #expect(report.summary.hasSuffix(": 10 files written, 0 refused; 33 rows skipped or changed (listed above); 0 errors, 0 warnings"))
    }

    /// Two sources into one folder: one set of files, named without collisions, the unit from the source
    /// that names it.
    @Test func severalFilesMakeOneSet() throws {
        let root = try Self.site()
        let csv = Fixtures.url("table-source").appendingPathComponent("content/2022/tables/projects.csv")
        let report = Importer.run(ImportOptions(files: [csv.path, "002_menyuan.txt"], into: root.appendingPathComponent("content/2024/mixed").path,
                                                base: Self.seeds))
        #expect(report.errors.isEmpty)
        #expect((report.projects, report.indicators) == (11, 109))
        let names = report.written.map { URL(fileURLWithPath: $0).lastPathComponent }
        #expect(names == ["_unit.md", "150600230000000001.md", "150600230000000002.md"] + (3...11).map { String(format: "%02d.md", $0) })
        let unit = try #require(Pipeline.check(root: root).site.years.first?.units.first)
        #expect(unit.name == "门源县工业商务和信息化局" && unit.projects.count == 11)
        #expect(unit.projects.allSatisfy { $0.moneyUnit == .wanYuan })
    }

    /// Two sources that name different units: _unit.md takes the first, and what it leaves out is listed.
    @Test func aSecondUnitIsListedNotWritten() throws {
        let root = try Self.site()
        let report = Self.importSeeds(["000_ordos.txt", "002_menyuan.txt"], into: "content/2024/both", root: root)
        #expect(report.projects == 34)
        let notes = report.notes.filter { $0.location == SourceLocation(file: "002_menyuan.txt") }.map(\.message)
        #expect(notes == [
            "单位名称 (name) 门源县工业商务和信息化局 is not written: _unit.md takes 鄂尔多斯市工业和信息化局 from 000_ordos.txt",
            "合计 (total) 347.79 is not written: _unit.md takes 1334.06 from 000_ordos.txt",
        ])
        let unit = try #require(Pipeline.check(root: root).site.years.first?.units.first)
        #expect((unit.name, unit.total?.text, unit.projects.count) == ("鄂尔多斯市工业和信息化局", "1334.06", 34))
    }

    /// A 合计 from a source that names no unit has no _unit.md to go to: listed.
    @Test func aTotalWithoutAUnitIsListed() throws {
        let root = try Self.site()
        let text = "单位编码\t单位及项目名称\t金额(万元)\t绩效目标\t绩效指标\n合计\t\t5.00\t\t\n"
            + "1\t示例项目\t5.00\t完成任务。\t<p>一、产出指标</p> <p>(一)数量指标</p> <p>1. 培训人数≥30人</p>\n"
        try Data(text.utf8).write(to: root.appendingPathComponent("table.txt"))
        let report = Importer.run(ImportOptions(files: ["table.txt"], into: "content/2024/u", base: root))
        #expect(report.succeeded && report.written == ["content/2024/u/01.md"])
        #expect(report.notes.map(\.description) == ["table.txt:1:1: warning: 合计 (total) 5.00 is not written: the source names no unit, so no _unit.md is written"])
    }

    // MARK: Refusals

    @Test func existingFilesAreRefusedUntilForce() throws {
        let root = try Self.site()
        let first = Self.importSeeds(["002_menyuan.txt"], into: "content/2024/menyuan-gsx", root: root)
        #expect(first.succeeded && first.written.count == 10)
        let edited = root.appendingPathComponent("content/2024/menyuan-gsx/03.md")
        try Data("---\nname: 改过\n---\n".utf8).write(to: edited)

        let again = Self.importSeeds(["002_menyuan.txt"], into: "content/2024/menyuan-gsx", root: root)
        #expect(!again.succeeded)
        #expect(again.written.isEmpty && again.refused.count == 10 && again.projects == 0)
        let folder = root.appendingPathComponent("content/2024/menyuan-gsx").path
        #expect(again.refused.map(\.description).prefix(2) == [
            "\(folder):1:1: warning: not written: \(folder)/_unit.md exists (use --force to overwrite)",
            "002_menyuan.txt:7:3: warning: not written: \(folder)/01.md exists (use --force to overwrite)",
        ])
        #expect(try String(contentsOf: edited, encoding: .utf8) == "---\nname: 改过\n---\n")
        // The edited file fails check, and the report says so.
        #expect(again.checked.contains { $0.severity == .error && $0.location?.file == edited.path })

        let forced = Self.importSeeds(["002_menyuan.txt"], into: "content/2024/menyuan-gsx", root: root, force: true)
        #expect(forced.succeeded && forced.written.count == 10 && forced.refused.isEmpty)
        #expect(try String(contentsOf: edited, encoding: .utf8).contains("name: 两节慰问工作经费"))
    }

    @Test(arguments: [
        ("content/20x/u", "--into must name a unit folder, content/<year>/<unit>: `20x` is not a budget year of four digits"),
        ("site/contents/2022/u", "--into must name a unit folder, content/<year>/<unit>: the folder two levels up is `contents`, not `content`"),
        ("content/2022/a b", "--into must name a unit folder, content/<year>/<unit>: the unit name `a b` cannot be used in a URL: spaces are not allowed"),
        ("content/2022/.hidden", "--into must name a unit folder, content/<year>/<unit>: the unit name `.hidden` cannot be used in a URL: a name may not start with `.`"),
        ("content/2022", "--into must name a unit folder, content/<year>/<unit>: `content` is not a budget year of four digits"),
        ("content/2022/u/..", "--into must name a unit folder, content/<year>/<unit>: `content` is not a budget year of four digits"),
    ])
    func badIntoIsRefused(into: String, message: String) throws {
        let root = try Self.site()
        let report = Self.importSeeds(["002_menyuan.txt"], into: into, root: root)
        #expect(report.errors.map(\.message) == [message])
        #expect(report.errors.first?.location?.file == root.appendingPathComponent(into).path)
        #expect(report.written.isEmpty && !report.succeeded)
        #expect(report.summary.hasSuffix("0 files written, 0 refused; nothing skipped or changed; 1 error: nothing written"))
        #expect(Scratch.tree(root.appendingPathComponent("content")).keys.sorted() == ["site.yaml"])
    }

    @Test func intoAFileIsRefused() throws {
        let root = try Self.site()
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/2022"), withIntermediateDirectories: true)
        try Data().write(to: root.appendingPathComponent("content/2022/u"))
        let report = Importer.run(ImportOptions(files: ["a.csv"], into: "content/2022/u/", base: root))
        #expect(report.errors.map(\.description) == ["content/2022/u:1:1: error: --into must name a unit folder, content/<year>/<unit>: it is a file"])
    }

    @Test func unknownOrUnreadableFilesStopTheImport() throws {
        let root = try Self.site()
        try Data("一些文字\n项目名称\t金额\n".utf8).write(to: root.appendingPathComponent("notes.txt"))
        try Data([0xD0, 0xCF, 0x11, 0xE0]).write(to: root.appendingPathComponent("old.xls"))
        try Data([0xFF, 0xFE, 0x00, 0xD8]).write(to: root.appendingPathComponent("binary.txt"))
        try FileManager.default.copyItem(at: Self.seeds.appendingPathComponent("002_menyuan.txt"), to: root.appendingPathComponent("002.txt"))
        let report = Importer.run(ImportOptions(files: ["002.txt", "notes.txt", "old.xls", "binary.txt", "missing.csv"],
                                                into: "content/2024/u", base: root))
        #expect(report.errors.map(\.description) == [
            "notes.txt:1:1: error: cannot tell what the file holds: jixiao imports \(ImportSource.accepted)",
            "old.xls:1:1: error: this kind of workbook is not read: save it as .xlsx (or .csv) and import that",
            "binary.txt:1:1: error: cannot tell what the file holds: it is neither UTF-8 nor GB18030 text; jixiao imports \(ImportSource.accepted)",
            "missing.csv:1:1: error: cannot read the file: no such file or directory",
        ])
        // The readable seed is not written either: an import is all or nothing at reading.
        #expect(report.written.isEmpty && report.projects == 0 && !report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("content/2024").path))
    }

    @Test func sheetWithoutAWorkbookIsAnError() throws {
        let report = Importer.run(ImportOptions(files: ["002_menyuan.txt"], into: "content/2024/u", sheet: "项目", base: Self.seeds))
        #expect(report.errors.map(\.description) == ["002_menyuan.txt:1:1: error: --sheet 项目 applies to .xlsx workbooks, and none of the files is one"])
    }

    @Test func sourcesAreRecognisedByTheirHeaders() throws {
        let ordos = try String(contentsOf: Self.seeds.appendingPathComponent("000_ordos.txt"), encoding: .utf8)
        let menyuan = try String(contentsOf: Self.seeds.appendingPathComponent("002_menyuan.txt"), encoding: .utf8)
        #expect(LegacyColumnBlocks.recognizes(ordos) && !LegacySummaryTable.recognizes(ordos))
        #expect(LegacySummaryTable.recognizes(menyuan) && !LegacyColumnBlocks.recognizes(menyuan))
        // A project list without the column blocks, or a header without 绩效指标, is neither.
        #expect(!LegacyColumnBlocks.recognizes("项目名称\t项目单位\t项目类别\n甲\t1-局\t部门预算项目\n"))
        #expect(!LegacySummaryTable.recognizes("单位编码\t单位及项目名称\t金额(万元)\t绩效目标\n"))
    }
}
