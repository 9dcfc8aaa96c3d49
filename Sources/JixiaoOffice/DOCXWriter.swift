import Foundation

/// Writes sheets as a Word document: each sheet its own section on A4 (across the page where it prints
/// across), starting on a new page; titles and notes as paragraphs, tables with their merged cells,
/// header rows repeated on every page; text in SimSun (宋体), which Word, WPS and LibreOffice replace with
/// the CJK font they have.
public enum DOCXWriter {
    /// A sheet written as a part of a document, to place in any document (a sheet's own, its booklet's).
    public struct Section: Sendable {
        let body: String
        let properties: String

        public init(_ sheet: OfficeSheet) {
            body = sheet.blocks.map { DOCXWriter.xml($0, landscape: sheet.landscape) }.joined()
            properties = DOCXWriter.sectionProperties(landscape: sheet.landscape)
        }
    }

    public static func document(_ sheets: [OfficeSheet]) throws -> Data {
        try document(sheets.map(Section.init))
    }

    public static func document(_ sections: [Section]) throws -> Data {
        var body = ""
        for (index, section) in sections.enumerated() {
            // A section ends in the paragraph that holds its properties; the last is the body's own.
            body += section.body + (index == sections.count - 1 ? section.properties : "<w:p><w:pPr>\(section.properties)</w:pPr></w:p>")
        }
        let document = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
            + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
            + "<w:body>\(body)</w:body></w:document>"
        return try OfficePackage.zip([
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("word/document.xml", document),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/styles.xml", styles),
        ])
    }

    /// Twentieths of a point: A4 is 11906 × 16838, with margins of 2 cm (1134).
    static func sectionProperties(landscape: Bool) -> String {
        let (width, height) = landscape ? (16838, 11906) : (11906, 16838)
        return "<w:sectPr><w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"\(landscape ? " w:orient=\"landscape\"" : "")/>"
            + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "<w:type w:val=\"nextPage\"/></w:sectPr>"
    }

    private static func paragraph(_ text: String, align: String? = nil, bold: Bool = false, size: Int? = nil) -> String {
        var properties = align.map { "<w:jc w:val=\"\($0)\"/>" } ?? ""
        properties = properties.isEmpty ? "" : "<w:pPr>\(properties)</w:pPr>"
        var run = bold ? "<w:b/>" : ""
        if let size { run += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
        let runProperties = run.isEmpty ? "" : "<w:rPr>\(run)</w:rPr>"
        let content = TextWidth.breaks(text) == 0
            ? "<w:t xml:space=\"preserve\">\(XMLText.escaped(text))</w:t>"
            : text.split(separator: "\n", omittingEmptySubsequences: false).map { "<w:t xml:space=\"preserve\">\(XMLText.escaped(String($0)))</w:t>" }
            .joined(separator: "<w:br/>")
        return "<w:p>\(properties)<w:r>\(runProperties)\(content)</w:r></w:p>"
    }

    static func xml(_ block: OfficeBlock, landscape: Bool) -> String {
        switch block {
        case let .title(text): return paragraph(text, align: "center", bold: true, size: 32)
        case let .subtitle(text): return paragraph(text, align: "center")
        case let .paragraph(text): return paragraph(text)
        case let .line(left, right):
            // The right-hand text at a right tab stop at the text's width.
            let stop = landscape ? 14570 : 9638
            return "<w:p><w:pPr><w:tabs><w:tab w:val=\"right\" w:pos=\"\(stop)\"/></w:tabs></w:pPr><w:r><w:t xml:space=\"preserve\">\(XMLText.escaped(left))</w:t><w:tab/><w:t xml:space=\"preserve\">\(XMLText.escaped(right))</w:t></w:r></w:p>"
        case let .table(table): return self.table(table)
        }
    }

    private static func table(_ table: OfficeTable) -> String {
        let columns = max(1, table.columns)
        let placed = table.placed
        // Each grid row's cells left to right, a merge's lower rows holding a continuing cell.
        var grid = Array(repeating: [(column: Int, xml: String)](), count: table.rows.count)
        for (r, c, cell) in placed {
            let span = max(1, cell.columnSpan)
            var properties = span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : ""
            if cell.rowSpan > 1 { properties += "<w:vMerge w:val=\"restart\"/>" }
            properties += "<w:vAlign w:val=\"center\"/>"
            if cell.isHeading { properties += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F4F7\"/>" }
            let align: String
            switch cell.alignment {
            case .left: align = "left"
            case .center: align = "center"
            case .right: align = "right"
            }
            let content = paragraph(cell.shown, align: align, bold: cell.isHeading)
            grid[r].append((c, "<w:tc><w:tcPr>\(properties)</w:tcPr>\(content)</w:tc>"))
            for dr in 1 ..< max(1, cell.rowSpan) where r + dr < grid.count {
                let spanned = span > 1 ? "<w:gridSpan w:val=\"\(span)\"/>" : ""
                grid[r + dr].append((c, "<w:tc><w:tcPr>\(spanned)<w:vMerge/></w:tcPr><w:p/></w:tc>"))
            }
        }
        var xml = "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/>"
        xml += "<w:tblBorders>" + ["top", "left", "bottom", "right", "insideH", "insideV"].map {
            "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>"
        }.joined() + "</w:tblBorders><w:tblLayout w:type=\"autofit\"/><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"
        xml += "<w:tblGrid>" + String(repeating: "<w:gridCol/>", count: columns) + "</w:tblGrid>"
        for (r, cells) in grid.enumerated() {
            // Word repeats only rows at the top of a table.
            let header = table.repeatedRows.lowerBound == 0 && table.repeatedRows.contains(r) ? "<w:trPr><w:tblHeader/></w:trPr>" : ""
            xml += "<w:tr>\(header)" + cells.sorted { $0.column < $1.column }.map(\.xml).joined() + "</w:tr>"
        }
        // A paragraph after the table keeps two tables apart.
        return xml + "</w:tbl><w:p/>"
    }

    private static let contentTypes = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + "</Types>"

    private static let rootRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
        + "</Relationships>"

    private static let documentRelationships = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        + "</Relationships>"

    /// 宋体 10.5 pt (五号) for every run, in the document's defaults.
    private static let styles = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>"#
        + #"<w:rFonts w:ascii="SimSun" w:hAnsi="SimSun" w:eastAsia="SimSun" w:cs="SimSun"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>"#
        + #"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#
        + #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        + "</w:styles>"
}
