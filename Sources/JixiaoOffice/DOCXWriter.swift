import Foundation

/// Writes sheets as a Word document: each sheet its own section on A4 (across the page where it prints
/// across), starting on a new page; titles and notes as paragraphs, tables with their merged cells,
/// header rows repeated on every page; text in SimSun (宋体), which Word, WPS and LibreOffice replace with
/// the CJK font they have.
public enum DOCXWriter {
    /// A sheet written as a section of a document, to place in any document (a sheet's own, its booklet's):
    /// its text compressed once where zlib is at hand, each document joining the compressed pieces.
    public struct Section: Sendable {
        let body: OfficePackage.Content
        let landscape: Bool

        public init(_ sheet: OfficeSheet) {
            body = .compressed(sheet.blocks.map { DOCXWriter.xml($0, landscape: sheet.landscape) }.joined(), piece: true)
            landscape = sheet.landscape
        }

        /// The bytes it holds.
        public var bytes: Int { body.bytes }
    }

    public static func document(_ sheets: [OfficeSheet]) throws -> Data {
        try document(sheets.map(Section.init))
    }

    public static func document(_ sections: [Section]) throws -> Data {
        var pieces = [documentStart]
        for (index, section) in sections.enumerated() {
            // A section ends in the paragraph that holds its properties; the last is the body's own.
            pieces += [section.body, (index == sections.count - 1 ? lastSectionEnd : sectionEnd)[section.landscape ? 1 : 0]]
        }
        pieces.append(documentEnd)
        return try OfficePackage.zip([
            ("[Content_Types].xml", contentTypes),
            ("_rels/.rels", rootRelationships),
            ("word/document.xml", OfficePackage.Content.joined(pieces)),
            ("word/_rels/document.xml.rels", documentRelationships),
            ("word/styles.xml", styles),
        ])
    }

    /// What holds a document's sections together, compressed once (section ends: portrait, then landscape).
    private static let documentStart = OfficePackage.Content.compressed(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        + "<w:body>", piece: true)
    private static let sectionEnd = [false, true].map { OfficePackage.Content.compressed("<w:p><w:pPr>\(sectionProperties(landscape: $0))</w:pPr></w:p>", piece: true) }
    private static let lastSectionEnd = [false, true].map { OfficePackage.Content.compressed(sectionProperties(landscape: $0), piece: true) }
    private static let documentEnd = OfficePackage.Content.compressed("</w:body></w:document>")

    /// Twentieths of a point: A4 is 11906 × 16838, with margins of 2 cm (1134).
    static func sectionProperties(landscape: Bool) -> String {
        let (width, height) = landscape ? (16838, 11906) : (11906, 16838)
        return "<w:sectPr><w:pgSz w:w=\"\(width)\" w:h=\"\(height)\"\(landscape ? " w:orient=\"landscape\"" : "")/>"
            + "<w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>"
            + "<w:type w:val=\"nextPage\"/></w:sectPr>"
    }

    /// Paragraph and run properties, by alignment, weight and size, written once.
    private static func paragraphProperties(_ align: String?) -> String { align.map { "<w:pPr><w:jc w:val=\"\($0)\"/></w:pPr>" } ?? "" }
    private static let cellParagraph: [OfficeCell.Alignment: String] = [
        .left: paragraphProperties("left"), .center: paragraphProperties("center"), .right: paragraphProperties("right"),
    ]

    private static func paragraph(_ text: String, align: String? = nil, bold: Bool = false, size: Int? = nil) -> String {
        var out = ""
        paragraph(text, properties: paragraphProperties(align), bold: bold, size: size, into: &out)
        return out
    }

    private static func paragraph(_ text: String, properties: String, bold: Bool, size: Int? = nil, into out: inout String) {
        out += "<w:p>"
        out += properties
        out += "<w:r>"
        if bold || size != nil {
            out += "<w:rPr>"
            if bold { out += "<w:b/>" }
            if let size { out += "<w:sz w:val=\"\(size)\"/><w:szCs w:val=\"\(size)\"/>" }
            out += "</w:rPr>"
        }
        if TextWidth.breaks(text) == 0 {
            out += "<w:t xml:space=\"preserve\">"
            out += XMLText.escaped(text)
            out += "</w:t>"
        } else {
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if index > 0 { out += "<w:br/>" }
                out += "<w:t xml:space=\"preserve\">"
                out += XMLText.escaped(String(line))
                out += "</w:t>"
            }
        }
        out += "</w:r></w:p>"
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
        case let .table(table): return self.table(table, width: landscape ? 14570 : 9638)
        }
    }

    private static let tableProperties = "<w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders>"
        + ["top", "left", "bottom", "right", "insideH", "insideV"].map { "<w:\($0) w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>" }.joined()
        + "</w:tblBorders><w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"60\" w:type=\"dxa\"/><w:right w:w=\"60\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr>"

    /// A table the width of the text (`width` twentieths of a point), its columns shared out by the text
    /// they hold, so that Word and LibreOffice lay it out alike.
    private static func table(_ table: OfficeTable, width: Int) -> String {
        let (placed, gridColumns) = table.grid
        let columns = max(1, gridColumns)
        var natural = Array(repeating: 4.0, count: columns)
        for (_, c, cell) in placed where max(1, cell.columnSpan) == 1 {
            natural[c] = max(natural[c], min(24, TextWidth.of(cell.shown)))
        }
        let total = natural.reduce(0, +)
        let widths = natural.map { Int(Double(width) * $0 / total) }
        // Each grid row's cells left to right, a merge's lower rows holding a continuing cell (`cell` nil).
        var grid = Array(repeating: [(column: Int, span: Int, cell: OfficeCell?)](), count: table.rows.count)
        for (r, c, cell) in placed {
            let span = max(1, cell.columnSpan)
            grid[r].append((c, span, cell))
            for dr in 1 ..< max(1, cell.rowSpan) where r + dr < grid.count { grid[r + dr].append((c, span, nil)) }
        }
        var xml = "<w:tbl>"
        xml.reserveCapacity(placed.count * 200)
        xml += tableProperties
        xml += "<w:tblGrid>" + widths.map { "<w:gridCol w:w=\"\($0)\"/>" }.joined() + "</w:tblGrid>"
        for (r, cells) in grid.enumerated() {
            xml += "<w:tr>"
            // Word repeats only rows at the top of a table.
            if table.repeatedRows.lowerBound == 0, table.repeatedRows.contains(r) { xml += "<w:trPr><w:tblHeader/></w:trPr>" }
            for entry in cells.sorted(by: { $0.column < $1.column }) {
                xml += "<w:tc><w:tcPr><w:tcW w:w=\""
                xml += String(widths[entry.column ..< min(columns, entry.column + entry.span)].reduce(0, +))
                xml += "\" w:type=\"dxa\"/>"
                if entry.span > 1 { xml += "<w:gridSpan w:val=\"\(entry.span)\"/>" }
                guard let cell = entry.cell else {
                    xml += "<w:vMerge/></w:tcPr><w:p/></w:tc>"
                    continue
                }
                if cell.rowSpan > 1 { xml += "<w:vMerge w:val=\"restart\"/>" }
                xml += "<w:vAlign w:val=\"center\"/>"
                if cell.isHeading { xml += "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"F2F4F7\"/>" }
                xml += "</w:tcPr>"
                paragraph(cell.shown, properties: cellParagraph[cell.alignment] ?? "", bold: cell.isHeading, into: &xml)
                xml += "</w:tc>"
            }
            xml += "</w:tr>"
        }
        // A paragraph after the table keeps two tables apart.
        return xml + "</w:tbl><w:p/>"
    }

    private static let contentTypes = OfficePackage.Content.compressed(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        + #"<Default Extension="xml" ContentType="application/xml"/>"#
        + #"<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>"#
        + #"<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>"#
        + "</Types>")

    private static let rootRelationships = OfficePackage.Content.compressed(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>"#
        + "</Relationships>")

    private static let documentRelationships = OfficePackage.Content.compressed(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#
        + "</Relationships>")

    /// 宋体 10.5 pt (五号) for every run, in the document's defaults.
    private static let styles = OfficePackage.Content.compressed(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:docDefaults><w:rPrDefault><w:rPr>"#
        + #"<w:rFonts w:ascii="SimSun" w:hAnsi="SimSun" w:eastAsia="SimSun" w:cs="SimSun"/><w:sz w:val="21"/><w:szCs w:val="21"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/>"#
        + #"</w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after="0" w:line="276" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>"#
        + #"<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>"#
        + #"<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>"#
        + "</w:styles>")
}
