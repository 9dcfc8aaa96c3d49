import Foundation
import Testing
import ZIPFoundation
@testable import Jixiao
@testable import JixiaoImport
import JixiaoModel
import JixiaoOffice

/// The office files and open data the build writes beside the pages.
@Suite struct OfficeFilesTests {
    static var output: URL { ExampleSite.output }

    /// The parts of an office file, by path, as text.
    static func parts(_ data: Data) throws -> [String: String] {
        let archive = try Archive(data: data, accessMode: .read)
        var parts: [String: String] = [:]
        for entry in archive {
            var bytes = Data()
            _ = try archive.extract(entry) { bytes.append($0) }
            parts[entry.path] = String(decoding: bytes, as: UTF8.self)
        }
        return parts
    }

    static func parts(_ path: String) throws -> [String: String] {
        try parts(Data(contentsOf: output.appendingPathComponent(path)))
    }

    static let sheet = OfficeSheet(name: "甲/乙:项目", blocks: [
        .title("标题"), .line(left: "单位甲", right: "单位：万元"),
        .table(OfficeTable(rows: [
            [.text("一级", heading: true), .text("二级", heading: true), .text("金额", heading: true)],
            [.text("产出指标", rowSpan: 2), .text("数量"), .number("1,200.50")],
            [.text("质量"), .number("95%")],
            [.text("合计", columnSpan: 2), .number("—")],
        ], headerRows: 1)),
        .paragraph("注：<示例> & 说明"),
    ], landscape: true)

    @Test func workbookHoldsCellsMergesAndFormats() throws {
        let data = try XLSXWriter.workbook([Self.sheet, Self.sheet])
        #expect(try XLSXWriter.workbook([Self.sheet, Self.sheet]) == data)  // the same bytes every time
        let parts = try Self.parts(data)
        let workbook = try #require(parts["xl/workbook.xml"])
        #expect(workbook.contains("<sheet name=\"甲_乙_项目\" sheetId=\"1\"") && workbook.contains("<sheet name=\"甲_乙_项目(2)\" sheetId=\"2\""))
        #expect(workbook.contains("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"0\">'甲_乙_项目'!$3:$3</definedName>"))
        let sheet = try #require(parts["xl/worksheets/sheet1.xml"])
        #expect(sheet.contains("<mergeCell ref=\"A1:C1\"/>") && sheet.contains("<mergeCell ref=\"A4:A5\"/>") && sheet.contains("<mergeCell ref=\"A6:B6\"/>"))
        #expect(sheet.contains("<v>1200.50</v>") || sheet.contains("<v>1200.5</v>"))
        #expect(sheet.contains("<v>0.95</v>"))
        #expect(sheet.contains("<t xml:space=\"preserve\">注：&lt;示例&gt; &amp; 说明</t>"))
        #expect(sheet.contains("orientation=\"landscape\"") && sheet.contains("paperSize=\"9\""))
        let styles = try #require(parts["xl/styles.xml"])
        #expect(styles.contains("formatCode=\"#,##0.00\"") && styles.contains("formatCode=\"0%\""))
    }

    /// A worksheet is compressed once and goes into several workbooks (a sheet's own and its booklet's):
    /// each holds it whole, and reading it back checks its CRC.
    @Test func aWorksheetGoesIntoSeveralWorkbooks() throws {
        let worksheet = XLSXWriter.Worksheet(Self.sheet)
        let alone = try Self.parts(XLSXWriter.workbook([worksheet]))
        let booklet = try Self.parts(XLSXWriter.workbook([worksheet, worksheet]))
        let fresh = try Self.parts(XLSXWriter.workbook([Self.sheet]))
        let part = try #require(fresh["xl/worksheets/sheet1.xml"])
        #expect(part.contains("<mergeCell ref=\"A1:C1\"/>"))
        #expect(alone["xl/worksheets/sheet1.xml"] == part && booklet["xl/worksheets/sheet1.xml"] == part && booklet["xl/worksheets/sheet2.xml"] == part)
        #expect(alone["xl/styles.xml"] == fresh["xl/styles.xml"] && booklet["xl/styles.xml"]?.contains("<styleSheet") == true)
    }

    /// A section is compressed once and goes into several documents (a sheet's own and its booklet's):
    /// the booklet's document is each sheet's own body in order, each ending in its own section's
    /// properties, and reading it back checks the CRC of the joined pieces.
    @Test func aSectionGoesIntoSeveralDocuments() throws {
        var portrait = Self.sheet
        portrait.landscape = false
        let sections = [DOCXWriter.Section(portrait), DOCXWriter.Section(Self.sheet)]
        let alone = try sections.map { try #require(try Self.parts(DOCXWriter.document([$0]))["word/document.xml"]) }
        let booklet = try #require(try Self.parts(DOCXWriter.document(sections + [sections[0]]))["word/document.xml"])
        #expect(try Self.parts(DOCXWriter.document([portrait, Self.sheet, portrait]))["word/document.xml"] == booklet)
        // Each document alone: the start, the body, the section's properties, the end.
        let pieces = try alone.map { document -> (start: Substring, body: Substring, properties: Substring) in
            let body = try #require(document.range(of: "<w:body>")), properties = try #require(document.range(of: "<w:sectPr>", options: .backwards))
            #expect(document.hasSuffix("</w:sectPr></w:body></w:document>"))
            return (document[..<body.upperBound], document[body.upperBound ..< properties.lowerBound],
                    document[properties.lowerBound...].dropLast("</w:body></w:document>".count))
        }
        let (p, l) = (pieces[0], pieces[1])
        #expect(p.start == l.start && p.properties != l.properties && l.body.contains("<w:tbl>"))
        let ended = { (section: (start: Substring, body: Substring, properties: Substring)) in [section.body, "<w:p><w:pPr>", section.properties, "</w:pPr></w:p>"] }
        let expected: [Substring] = [p.start] + ended(p) + ended(l) + [p.body, p.properties, "</w:body></w:document>"]
        #expect(booklet == expected.joined())
        #expect(try Self.parts(DOCXWriter.document([OfficeSheet]()))["word/document.xml"]?.hasSuffix("<w:body></w:body></w:document>") == true)
    }

    @Test func documentHoldsTablesWithMergesAndSections() throws {
        let data = try DOCXWriter.document([Self.sheet, Self.sheet])
        #expect(try DOCXWriter.document([Self.sheet, Self.sheet]) == data)
        let document = try #require(try Self.parts(data)["word/document.xml"])
        #expect(document.components(separatedBy: "<w:tbl>").count == 3)
        #expect(document.components(separatedBy: "<w:sectPr>").count == 3)
        #expect(document.contains("<w:vMerge w:val=\"restart\"/>") && document.contains("<w:vMerge/>") && document.contains("<w:gridSpan w:val=\"2\"/>"))
        #expect(document.contains("<w:tblHeader/>") && document.contains("w:orient=\"landscape\""))
        #expect(document.contains("1,200.50") && document.contains("95%"))
    }

    @Test func everySheetAndBookletHasItsFiles() throws {
        let fileManager = FileManager.default
        for file in ["2021/zibo/goal-tables.xlsx", "2021/zibo/goal-tables.docx", "2021/zibo/self-evaluations.xlsx", "2021/zibo/self-evaluations.docx",
                     "2021/zibo/disclosure.xlsx", "2021/zibo/data.json", "2021/zibo/data.csv", "data.json",
                     "2021/zibo/guquan-touzi/goal-table.xlsx", "2021/zibo/guquan-touzi/self-evaluation/self-evaluation.docx",
                     "2025/436001/13022925P004R2810705C/goal-table.docx"]
        {
            #expect(fileManager.fileExists(atPath: Self.output.appendingPathComponent(file).path), "\(file)")
        }
        #expect(!fileManager.fileExists(atPath: Self.output.appendingPathComponent("2025/436001/self-evaluations.xlsx").path))
        let page = try String(contentsOf: Self.output.appendingPathComponent("2021/zibo/guquan-touzi/index.html"), encoding: .utf8)
        #expect(page.contains("<a href=\"/2021/zibo/guquan-touzi/goal-table.xlsx\" download>下载 Excel</a><a href=\"/2021/zibo/guquan-touzi/goal-table.docx\" download>下载 Word</a>"))
        let unit = try String(contentsOf: Self.output.appendingPathComponent("2021/zibo/index.md"), encoding: .utf8)
        #expect(unit.contains("[下载全部绩效自评表（Excel）](/2021/zibo/self-evaluations.xlsx)"))
    }

    /// Zibo's booklet: 12 worksheets with merged cells and 总分 100, 12 Word tables; imported, the 12
    /// projects come back and score 100 each.
    @Test func ziboBookletRoundTrips() throws {
        let workbook = try Self.parts("2021/zibo/self-evaluations.xlsx")
        let sheets = workbook.keys.filter { $0.hasPrefix("xl/worksheets/sheet") }
        #expect(sheets.count == 12)
        for sheet in sheets.compactMap({ workbook[$0] }) {
            #expect(sheet.contains("<mergeCell ") && sheet.contains("总分</t>"))
            #expect(sheet.contains("<v>100</v>"))
        }
        let document = try #require(try Self.parts("2021/zibo/self-evaluations.docx")["word/document.xml"])
        #expect(document.components(separatedBy: "<w:tbl>").count == 13)

        let root = try ImporterTests.site()
        let report = Importer.run(ImportOptions(files: [Self.output.appendingPathComponent("2021/zibo/self-evaluations.xlsx").path],
                                                into: root.appendingPathComponent("content/2021/zibo").path))
        #expect(report.errors.isEmpty)
        let checked = Pipeline.check(root: root)
        let unit = try #require(checked.site.years.first?.units.first)
        let example = try ExampleSiteTests.unit(2021, "zibo")
        #expect(unit.projects.map(\.name) == example.projects.map(\.name))
        #expect(unit.projects.map { checked.evaluation(checked.site.years[0], unit, $0)?.total } == [Decimal?](repeating: 100, count: 12))
        #expect(unit.projects.map(\.goal) == example.projects.map { Trim.whitespace($0.goal) })
    }

    @Test func dataAsJSONAndCSV() throws {
        let data = try Data(contentsOf: Self.output.appendingPathComponent("2022/982001/data.json"))
        let unit = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(unit["name"] as? String == "鄂尔多斯市工业和信息化局" && unit["total"] as? String == "1334.06" && unit["projects_total"] as? String == "1308.07")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(CheckReport.json(ExampleSiteTests.checked).serialized().utf8)) as? [String: Any])
        let expected = (report["projects"] as? [[String: Any]] ?? []).filter { $0["unit"] as? String == "982001" }
        let projects = try #require(unit["projects"] as? [[String: Any]])
        #expect(projects.count == 25 && NSArray(array: projects).isEqual(to: expected))
        let site = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: Self.output.appendingPathComponent("data.json"))) as? [String: Any])
        #expect((site["units"] as? [[String: Any]])?.count == 5)

        let csv = try Data(contentsOf: Self.output.appendingPathComponent("2021/zibo/data.csv"))
        #expect(csv.starts(with: [0xEF, 0xBB, 0xBF]))
        let lines = String(decoding: csv.dropFirst(3), as: UTF8.self).split(separator: "\r\n")
        #expect(lines.first?.hasPrefix("项目名称,项目编码,主管部门,实施单位,项目类别,资金总额（万元）,全年预算数,全年执行数,年度目标,一级指标") == true)
        #expect(lines.count == 1 + ExampleSiteTests.checked.site.years[0].units[0].projects.map(\.indicators.count).reduce(0, +))
    }

    /// `office_files: false`: the pages only, and no links to files.
    @Test func officeFilesCanBeTurnedOff() throws {
        let root = try Scratch.copy(of: "golden")
        let output = root.appendingPathComponent("public")
        #expect(Pipeline.build(root: root, output: output).succeeded)
        let files = Scratch.tree(output).keys
        #expect(!files.contains { $0.hasSuffix(".xlsx") || $0.hasSuffix(".docx") || $0.hasSuffix(".csv") || $0.hasSuffix("data.json") })
        #expect(!files.compactMap { $0.hasSuffix(".html") ? String(decoding: Scratch.tree(output)[$0] ?? Data(), as: UTF8.self) : nil }
            .contains { $0.contains("class=\"downloads") })
        let site = root.appendingPathComponent("content/site.yaml")
        try String(contentsOf: site, encoding: .utf8).replacingOccurrences(of: "office_files: false", with: "office_files: true")
            .write(to: site, atomically: true, encoding: .utf8)
        #expect(Pipeline.build(root: root, output: output).succeeded)
        #expect(Scratch.tree(output).keys.contains("2023/demo/goal-tables.xlsx"))
    }
}
