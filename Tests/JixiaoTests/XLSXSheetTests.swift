import Foundation
import Testing
import ZIPFoundation
@testable import Jixiao
@testable import JixiaoTables

/// Reading .xlsx worksheets into grids of strings.
///
/// Fixtures/xlsx/projects.xlsx was made by LibreOffice from projects.fods beside it:
///
///     cd Tests/JixiaoTests/Fixtures/xlsx && soffice --headless --convert-to xlsx projects.fods
///
/// CI has no LibreOffice: the tests read only the committed .xlsx. The other workbooks are built
/// here, part by part, with ZIPFoundation.
@Suite struct XLSXSheetTests {
    static let projects = Fixtures.url("xlsx").appendingPathComponent("projects.xlsx")

    // MARK: The LibreOffice fixture

    @Test func readsTheFirstSheetWithMergedCellsSpread() throws {
        let grid = try XLSXSheet.read(Self.projects)
        let project = ["农村饮水安全工程", "150600230000000001", "18150.89"]
        #expect(grid == [
            ["项目名称", "项目编码", "资金总额", "一级指标", "二级指标", "三级指标", "目标值"],
            project + ["产出指标", "数量指标", "新建供水站数量", "≥3个"],
            project + ["产出指标", "数量指标", "受益人口", "≥1.2万人"],
            // Stored 0.95, formatted 0.00%: read as the sheet shows it.
            project + ["产出指标", "质量指标", "水质达标率", "95.00%"],
            project + ["效益指标", "社会效益指标", "群众满意度", "≥90%"],
            ["道路维修", "150600230000000002", "9800", "产出指标", "时效指标", "完工时间", ""],
        ])
    }

    @Test func keepsLongCodesAndDecimalsExactly() throws {
        let grid = try XLSXSheet.read(Self.projects)
        #expect(grid[1][1] == "150600230000000001")
        #expect(grid[5][1] == "150600230000000002")
        #expect(grid[1][2] == "18150.89")
        // A formula gives its cached result.
        #expect(grid[5][2] == "9800")
    }

    @Test func readsASheetByName() throws {
        // LibreOffice writes a boolean as the number 1 with a TRUE/FALSE format: it reads "1".
        #expect(try XLSXSheet.read(Self.projects, sheet: "说明") == [["说明", "1"], [" 前后空格 ", "第一行\n第二行"]])
    }

    @Test func namesTheSheetsWhenOneIsMissing() throws {
        let error = #expect(throws: XLSXError.self) { try XLSXSheet.read(Self.projects, sheet: "汇总") }
        #expect(error == .noSuchSheet("汇总", available: ["项目绩效", "说明"]))
        #expect(error?.description == "no sheet named '汇总' (sheets: 项目绩效, 说明)")
    }

    // MARK: Workbooks built here

    @Test func readsInlineStringsRichTextAndEveryCellType() throws {
        let url = try Workbook.make(sheets: ["Data": """
            <row r="2"><c r="A2" t="inlineStr"><is><t>内联</t></is></c>\
            <c r="B2" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r></is></c>\
            <c r="C2" t="s"><v>0</v></c><c r="D2" t="s"><v>1</v></c></row>\
            <row r="3"><c r="A3" t="b"><v>1</v></c><c r="B3" t="b"><v>0</v></c><c r="C3" t="str"><f>A1&amp;"x"</f><v>ax</v></c>\
            <c r="D3" t="e"><v>#DIV/0!</v></c><c r="E3"><v>1.0000000000000001E+25</v></c><c r="F3" t="n"><v>-0.5</v></c></row>
            """], sharedStrings: [
                "<si><t>共享_x000D_换行_x005F_x0041_</t></si>",
                "<si><r><t>项目</t></r><r><rPr><b/></rPr><t>名称</t></r><rPh sb=\"0\" eb=\"2\"><t>xiangmu</t></rPh></si>",
            ])
        #expect(try XLSXSheet.read(url) == [
            ["", "", "", "", "", ""],
            ["内联", "富文本 ", "共享\r换行_x0041_", "项目名称", "", ""],
            ["TRUE", "FALSE", "ax", "#DIV/0!", "1.0000000000000001E+25", "-0.5"],
        ])
    }

    /// A 60,000-row sheet unpacks to over 10 MB of XML, which libxml2 refuses when it is handed in one
    /// piece ("not well-formed XML"): it is read in chunks, every row of it.
    @Test func readsASheetPartOfOverTenMegabytes() throws {
        var rows = ""
        rows.reserveCapacity(14_000_000)
        for row in 1 ... 60_000 {
            rows += #"<row r="\#(row)"><c r="A\#(row)" t="inlineStr"><is><t>项目\#(row)</t></is></c><c r="B\#(row)"><v>\#(row).25</v></c>"#
                + #"<c r="C\#(row)" t="inlineStr"><is><t>产出指标 数量指标 绩效目标说明文字</t></is></c></row>"#
        }
        let parts = Workbook.parts(sheets: ["大表": rows])
        #expect(parts["xl/worksheets/sheet1.xml"]!.utf8.count > 10_000_000)
        let grid = try XLSXSheet.read(try Workbook.archive(parts))
        #expect(grid.count == 60_000)
        #expect(grid[0] == ["项目1", "1.25", "产出指标 数量指标 绩效目标说明文字"])
        #expect(grid[59_999] == ["项目60000", "60000.25", "产出指标 数量指标 绩效目标说明文字"])
    }

    @Test func selectsSheetsByNameAndDefaultsToTheFirst() throws {
        let url = try Workbook.make(sheets: [
            "第一": #"<row r="1"><c r="A1" t="inlineStr"><is><t>one</t></is></c></row>"#,
            "第二": #"<row r="1"><c r="A1" t="inlineStr"><is><t>two</t></is></c></row>"#,
        ], order: ["第一", "第二"])
        #expect(try XLSXSheet.read(url) == [["one"]])
        #expect(try XLSXSheet.read(url, sheet: "第二") == [["two"]])
        #expect(throws: XLSXError.noSuchSheet("third", available: ["第一", "第二"])) { try XLSXSheet.read(url, sheet: "third") }
    }

    @Test func padsMissingCellsAndDropsTrailingEmptyRows() throws {
        let url = try Workbook.make(sheets: ["S": """
            <row r="1"><c r="B1"><v>1</v></c></row>\
            <row r="3"><c r="A3"><v>2</v></c><c r="D3"><v>3</v></c></row>\
            <row><c><v>4</v></c><c/><c><v>5</v></c></row>\
            <row r="6"><c r="A6" s="1"/><c r="B6" t="inlineStr"><is><t></t></is></c></row>\
            <row r="9"><c r="H9" s="2"/></row>
            """])
        #expect(try XLSXSheet.read(url) == [
            ["", "1", "", ""],
            ["", "", "", ""],
            ["2", "", "", "3"],
            ["4", "", "5", ""],
        ])
    }

    @Test func spreadsMergedRanges() throws {
        let url = try Workbook.make(sheets: ["S": """
            <row r="1"><c r="A1"><v>7</v></c><c r="B1" t="inlineStr"><is><t>x</t></is></c></row>\
            <row r="2"><c r="A2" t="inlineStr"><is><t>hidden</t></is></c></row>
            """], extra: #"<mergeCells count="2"><mergeCell ref="A1:A3"/><mergeCell ref="C2:B1"/></mergeCells>"#)
        #expect(try XLSXSheet.read(url) == [["7", "x", "x"], ["7", "x", "x"], ["7", "", ""]])
    }

    @Test func anEmptySheetIsAnEmptyGrid() throws {
        let url = try Workbook.make(sheets: ["S": ""])
        #expect(try XLSXSheet.read(url) == [])
    }

    @Test func cellReferences() {
        #expect(XLSXSheet.cellIndex("A1")! == (0, 0))
        #expect(XLSXSheet.cellIndex("AB12")! == (11, 27))
        #expect(XLSXSheet.cellIndex("XFD1048576")! == (1_048_575, 16_383))
        for bad in ["", "A", "1", "A0", "A01", "a1", "$A$1", "XFE1", "A1048577", "1A", "A1B", "AAAA1", "Ａ1"] {
            #expect(XLSXSheet.cellIndex(bad) == nil, "\(bad)")
        }
    }

    // MARK: Malformed input

    @Test func rejectsFilesThatAreNotWorkbooks() throws {
        let folder = Scratch.folder()
        let text = folder.appendingPathComponent("table.xlsx")
        try Data("项目名称,项目编码\n".utf8).write(to: text)
        #expect(throws: XLSXError.notWorkbook("not a ZIP archive")) { try XLSXSheet.read(text) }

        let xls = folder.appendingPathComponent("old.xlsx")
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(to: xls)
        let error = #expect(throws: XLSXError.self) { try XLSXSheet.read(xls) }
        #expect(error?.description.hasPrefix("not an .xlsx workbook") == true)

        let otherZip = try Workbook.archive(["content.xml": "<office:document-content/>", "mimetype": "application/vnd.oasis.opendocument.spreadsheet"])
        #expect(throws: XLSXError.notWorkbook("it has no xl/workbook.xml")) { try XLSXSheet.read(otherZip) }

        #expect(throws: XLSXError.self) { try XLSXSheet.read(folder.appendingPathComponent("missing.xlsx")) }
    }

    @Test func rejectsDamagedArchivesWithoutCrashing() throws {
        let data = try Data(contentsOf: Self.projects)
        let folder = Scratch.folder()
        let damaged: [(String, Data)] = [
            ("truncated", data.prefix(data.count / 2)),
            ("tail-only", data.suffix(200)),
            ("zip-magic-only", Data([0x50, 0x4B, 0x03, 0x04])),
            ("zeroed-middle", { var copy = data; copy.replaceSubrange(600..<1800, with: Data(count: 1200)); return copy }()),
            ("flipped-bytes", Data(data.enumerated().map { $0.offset % 97 == 50 ? ~$0.element : $0.element })),
        ]
        for (name, bytes) in damaged {
            let url = folder.appendingPathComponent("\(name).xlsx")
            try bytes.write(to: url)
            #expect(throws: XLSXError.self, "\(name)") { try XLSXSheet.read(url) }
        }
    }

    @Test func rejectsMalformedParts() throws {
        func error(_ sheet: String, extra: String = "", sharedStrings: [String] = []) throws -> String? {
            let url = try Workbook.make(sheets: ["S": sheet], extra: extra, sharedStrings: sharedStrings)
            return #expect(throws: XLSXError.self) { try XLSXSheet.read(url) }?.description
        }
        #expect(try error(#"<row r="1"><c r="A1"><v>1</v></row>"#)?.hasPrefix("xl/worksheets/sheet1.xml:1:") == true)
        #expect(try error(#"<row r="1"><c r="A1"><v>1</v></row>"#)?.hasSuffix("not well-formed XML") == true)
        #expect(try error(#"<row r="1"><c r="A1" t="inlineStr"><is><t>&#0;</t></is></c></row>"#)?.hasSuffix("not well-formed XML") == true)
        #expect(try error(#"<row r="1"><c r="A0"><v>1</v></c></row>"#) == "xl/worksheets/sheet1.xml: cell reference 'A0' is not valid")
        #expect(try error(#"<row r="1"><c r="A2"><v>1</v></c></row>"#) == "xl/worksheets/sheet1.xml: cell A2 is inside row 1")
        #expect(try error(#"<row r="1"><c r="B1"><v>1</v></c><c r="A1"><v>2</v></c></row>"#)?.contains("cells must be in order") == true)
        #expect(try error(#"<row r="2"/><row r="1"/>"#)?.contains("rows must be in order") == true)
        #expect(try error(#"<row r="1"><c r="A1" t="s"><v>3</v></c></row>"#, sharedStrings: ["<si><t>x</t></si>"])
            == "xl/worksheets/sheet1.xml: cell A1 refers to shared string '3', but there are 1")
        #expect(try error(#"<row r="1"><c r="A1" t="s"><v>0</v></c></row>"#)?.contains("but there are 0") == true)
        #expect(try error(#"<row r="1"><c r="A1" t="b"><v>yes</v></c></row>"#)?.contains("boolean value 'yes'") == true)
        #expect(try error(#"<row r="1"><c r="A1" t="x"><v>1</v></c></row>"#)?.contains("unknown type 'x'") == true)
        #expect(try error(#"<row r="1"><c r="A1"><v>1</v></c></row>"#, extra: #"<mergeCells><mergeCell ref="A1:B"/></mergeCells>"#)?
            .contains("merged range 'A1:B' is not a valid range") == true)
        #expect(try error(#"<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row>"#,
                          extra: #"<mergeCells><mergeCell ref="A1:B2"/><mergeCell ref="B1:C1"/></mergeCells>"#)?.contains("overlap at B1") == true)
        #expect(try error(#"<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>"#)?.hasPrefix("too large") == true)
    }

    @Test func rejectsBrokenWorkbookParts() throws {
        var parts = Workbook.parts(sheets: ["S": ""], order: ["S"])
        parts["xl/worksheets/sheet1.xml"] = nil
        #expect(throws: XLSXError.missingPart("xl/worksheets/sheet1.xml")) { try XLSXSheet.read(try Workbook.archive(parts)) }

        parts = Workbook.parts(sheets: ["S": ""], order: ["S"])
        parts["xl/workbook.xml"] = "<workbook><sheets><sheet name=\"S\"/></sheets></workbook>"
        #expect(throws: XLSXError.malformed(part: "xl/workbook.xml", reason: "a <sheet> lacks its name or r:id")) {
            try XLSXSheet.read(try Workbook.archive(parts))
        }

        parts = Workbook.parts(sheets: ["S": ""], order: ["S"])
        parts["xl/workbook.xml"] = "<workbook><sheets/></workbook>"
        #expect(throws: XLSXError.noSheets) { try XLSXSheet.read(try Workbook.archive(parts)) }

        parts = Workbook.parts(sheets: ["S": ""], order: ["S"])
        parts["xl/_rels/workbook.xml.rels"] = #"<Relationships><Relationship Id="rId1" Type="x/worksheet" Target="../../s.xml"/></Relationships>"#
        #expect(throws: XLSXError.self) { try XLSXSheet.read(try Workbook.archive(parts)) }

        parts = Workbook.parts(sheets: ["S": ""], order: ["S"])
        parts["xl/worksheets/sheet1.xml"] = #"<!DOCTYPE worksheet [<!ENTITY a "aaaa">]><worksheet><sheetData/></worksheet>"#
        #expect(throws: XLSXError.self) { try XLSXSheet.read(try Workbook.archive(parts)) }

        parts = Workbook.parts(sheets: ["S": ""], order: ["S"])
        parts["xl/worksheets/sheet1.xml"] = "<chartsheet/>"
        #expect(throws: XLSXError.malformed(part: "xl/worksheets/sheet1.xml", reason: "expected a <worksheet> element, found <chartsheet>")) {
            try XLSXSheet.read(try Workbook.archive(parts))
        }
    }
}

/// Minimal workbooks, written part by part.
enum Workbook {
    static let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let officeRelationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    /// The parts of a workbook whose sheets have the given `<sheetData>` contents; `extra` follows
    /// `</sheetData>` in every sheet. Sheets are in `order`, or by name.
    static func parts(sheets: [String: String], order: [String]? = nil, extra: String = "", sharedStrings: [String] = []) -> [String: String] {
        let names = order ?? sheets.keys.sorted()
        var parts: [String: String] = [
            "[Content_Types].xml": #"<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
            "_rels/.rels": #"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="\#(officeRelationships)/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
        ]
        var sheetList = "", relationships = ""
        for (index, name) in names.enumerated() {
            // The x: and rel: prefixes, as some generators write them, must not matter.
            sheetList += #"<x:sheet name="\#(name)" sheetId="\#(index + 1)" rel:id="rId\#(index + 1)"/>"#
            relationships += #"<Relationship Id="rId\#(index + 1)" Type="\#(officeRelationships)/worksheet" Target="/xl/worksheets/sheet\#(index + 1).xml"/>"#
            parts["xl/worksheets/sheet\(index + 1).xml"] = #"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="\#(main)"><dimension ref="A1"/><sheetData>\#(sheets[name]!)</sheetData>\#(extra)</worksheet>"#
        }
        parts["xl/workbook.xml"] = #"<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="\#(main)" xmlns:rel="\#(officeRelationships)"><x:sheets>\#(sheetList)</x:sheets></x:workbook>"#
        if !sharedStrings.isEmpty {
            relationships += #"<Relationship Id="rIdS" Type="\#(officeRelationships)/sharedStrings" Target="sharedStrings.xml"/>"#
            parts["xl/sharedStrings.xml"] = #"<sst xmlns="\#(main)" count="\#(sharedStrings.count)">\#(sharedStrings.joined())</sst>"#
        }
        parts["xl/_rels/workbook.xml.rels"] = #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\#(relationships)</Relationships>"#
        return parts
    }

    static func make(sheets: [String: String], order: [String]? = nil, extra: String = "", sharedStrings: [String] = [], _ name: String = #function) throws -> URL {
        try archive(parts(sheets: sheets, order: order, extra: extra, sharedStrings: sharedStrings), name)
    }

    /// A ZIP archive of the given files, deflated.
    static func archive(_ files: [String: String], _ name: String = #function) throws -> URL {
        let url = Scratch.folder(name).appendingPathComponent("book.xlsx")
        let archive = try Archive(url: url, accessMode: .create)
        for (path, text) in files.sorted(by: { $0.key < $1.key }) {
            let data = Data(text.utf8)
            try archive.addEntry(with: path, type: .file, uncompressedSize: Int64(data.count), compressionMethod: .deflate) { position, size in
                data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        return url
    }
}
