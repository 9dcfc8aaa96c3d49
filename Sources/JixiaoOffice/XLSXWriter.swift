import Foundation

/// Writes sheets as an Excel workbook (SpreadsheetML), one worksheet a sheet: titles and lines as rows
/// merged across the table, each table's cells with their merges, borders and number formats, columns
/// wide enough for their text, A4, the table's header rows printed again on every page.
public enum XLSXWriter {
    /// A sheet written as a worksheet, to place in any workbook (a sheet's own, its booklet's).
    public struct Worksheet: Sendable {
        let name: String
        let headerRows: ClosedRange<Int>?
        /// The worksheet part, compressed once where zlib is at hand: a sheet goes into its own workbook
        /// and its booklet's.
        let content: OfficePackage.Content

        public init(_ sheet: OfficeSheet) {
            name = sheet.name
            let xml: String
            (xml, headerRows) = XLSXWriter.worksheet(sheet)
            content = .compressed(xml)
        }

        /// The bytes it holds.
        public var bytes: Int { name.utf8.count + content.bytes }
    }

    public static func workbook(_ sheets: [OfficeSheet]) throws -> Data {
        try workbook(sheets.map(Worksheet.init))
    }

    public static func workbook(_ worksheets: [Worksheet]) throws -> Data {
        var names: [String] = []
        var taken = Set<String>()
        var printTitles: [(sheet: Int, name: String, rows: ClosedRange<Int>)] = []
        for (index, worksheet) in worksheets.enumerated() {
            let name = uniqueName(worksheet.name, taken: taken)
            names.append(name)
            taken.insert(name.lowercased())
            if let rows = worksheet.headerRows { printTitles.append((index, name, rows)) }
        }
        // The parts every workbook of one worksheet holds alike are compressed once.
        let single = worksheets.count == 1
        var parts: [(path: String, content: OfficePackage.Content)] = [
            ("[Content_Types].xml", single ? Self.singleContentTypes : .text(contentTypes(worksheets.count))),
            ("_rels/.rels", Self.rootRelationships),
            ("xl/workbook.xml", .text(workbookXML(names, printTitles: printTitles))),
            ("xl/_rels/workbook.xml.rels", single ? Self.singleRelationships : .text(workbookRelationships(worksheets.count))),
            ("xl/styles.xml", Styles.content),
        ]
        for (index, worksheet) in worksheets.enumerated() { parts.append(("xl/worksheets/sheet\(index + 1).xml", worksheet.content)) }
        return try OfficePackage.zip(parts)
    }

    /// A worksheet name as Excel allows it: at most 31 characters, none of `[]:*?/\`, unique in the workbook.
    static func uniqueName(_ wanted: String, taken: Set<String>) -> String {
        var base = String(wanted.map { "[]:*?/\\'".contains($0) ? "_" : $0 }.prefix(31))
        if base.isEmpty { base = "Sheet" }
        var name = base
        var number = 2
        while taken.contains(name.lowercased()) {
            let suffix = "(\(number))"
            name = String(base.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        return name
    }

    // MARK: One worksheet

    private static func worksheet(_ sheet: OfficeSheet) -> (xml: String, headerRows: ClosedRange<Int>?) {
        // Each table's grid, worked out once.
        let grids = sheet.blocks.map { block -> (placed: [(row: Int, column: Int, cell: OfficeCell)], columns: Int)? in
            guard case let .table(table) = block else { return nil }
            return table.grid
        }
        let width = max(1, grids.compactMap { $0?.columns }.max() ?? 1)
        var widths = Array(repeating: 8.0, count: width)
        // Every cell as it goes into <sheetData>, by row: written out row by row, column by column, at the end.
        var cells: [[(column: Int, style: Int, value: OfficeCell.Value?)]] = [[]]
        var heights: [Int: Double] = [:]
        var merges: [String] = []
        var headerRows: ClosedRange<Int>?
        var row = 1
        // Cells whose text may wrap: Excel sizes no row to a merged cell's text, so the heights are set here.
        var wrapping: [(row: Int, column: Int, span: Int, width: Double, breaks: Int)] = []

        func put(_ r: Int, _ c: Int, _ value: OfficeCell.Value?, style: Int) {
            while cells.count <= r { cells.append([]) }
            cells[r].append((c, style, value))
        }
        func put(_ r: Int, _ c: Int, _ cell: OfficeCell, style: CellStyle) {
            put(r, c, cell.value, style: Styles.index(style))
        }
        func merge(_ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int) {
            guard r2 > r1 || c2 > c1 else { return }
            merges.append("\(reference(r1, c1)):\(reference(r2, c2))")
        }
        func line(_ text: String, style: CellStyle, height: Double? = nil) {
            put(row, 0, .text(text), style: style)
            merge(row, 0, row, width - 1)
            if let height { heights[row] = height }
            row += 1
        }

        for (block, grid) in zip(sheet.blocks, grids) {
            switch block {
            case let .title(text): line(text, style: CellStyle(kind: .title), height: 28)
            case let .subtitle(text): line(text, style: CellStyle(kind: .subtitle))
            case let .paragraph(text):
                line(text, style: CellStyle(kind: .paragraph))
                heights[row - 1] = 15 * Double(max(1, Int(TextWidth.of(text) / Double(max(1, widths.reduce(0, +))) + 1)))
            case let .line(left, right):
                let half = max(1, width / 2)
                put(row, 0, .text(left), style: CellStyle(kind: .paragraph))
                merge(row, 0, row, half - 1)
                if width > half {
                    put(row, half, .text(right), style: CellStyle(kind: .right))
                    merge(row, half, row, width - 1)
                }
                row += 1
            case let .table(table):
                let first = row
                let (placed, columns) = grid ?? ([], 0)
                var lastRow = first
                for (r, c, cell) in placed {
                    let top = first + r
                    // A table narrower than the sheet stretches its last column to the sheet's width.
                    let span = c + max(1, cell.columnSpan) == columns ? width - c : max(1, cell.columnSpan)
                    let style = Styles.index(CellStyle(kind: cell.isHeading ? .heading : .cell, alignment: cell.alignment, number: cell.value))
                    put(top, c, cell.value, style: style)
                    // The cells a merge covers, empty, keep its borders.
                    for dr in 0 ..< max(1, cell.rowSpan) {
                        for dc in 0 ..< span where dr > 0 || dc > 0 {
                            put(top + dr, c + dc, nil, style: style)
                        }
                    }
                    merge(top, c, top + max(1, cell.rowSpan) - 1, c + span - 1)
                    let textWidth = TextWidth.of(cell.shown)
                    if cell.rowSpan <= 1 { wrapping.append((top, c, span, textWidth, TextWidth.breaks(cell.shown))) }
                    lastRow = max(lastRow, top + max(1, cell.rowSpan) - 1)
                    if span == 1 { widths[c] = max(widths[c], min(40, textWidth + 2)) }
                }
                // The last table's header is the one that runs over pages.
                if !table.repeatedRows.isEmpty {
                    headerRows = first + table.repeatedRows.lowerBound ... first + table.repeatedRows.upperBound - 1
                }
                row = lastRow + 2
            }
        }

        for cell in wrapping {
            let width = widths[cell.column ..< min(widths.count, cell.column + cell.span)].reduce(0, +)
            let lines = (cell.width / max(1, width - 1)).rounded(.up) + Double(cell.breaks)
            if lines > 1 { heights[cell.row] = max(heights[cell.row] ?? 15, 15 * lines) }
        }

        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml.reserveCapacity(cells.reduce(1024) { $0 + $1.count * 64 })
        xml += #"<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#
        xml += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"#
        xml += "<sheetViews><sheetView workbookViewId=\"0\"/></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/><cols>"
        for (index, width) in widths.enumerated() {
            xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(tenths(width))\" customWidth=\"1\"/>"
        }
        xml += "</cols><sheetData>"
        for (row, rowCells) in cells.enumerated() where !rowCells.isEmpty {
            xml += "<row r=\""
            xml += String(row)
            if let height = heights[row] {
                xml += "\" ht=\""
                xml += tenths(height)
                xml += "\" customHeight=\"1"
            }
            xml += "\">"
            for cell in rowCells.sorted(by: { $0.column < $1.column }) {
                xml += "<c r=\""
                xml += Self.reference(row, cell.column)
                xml += "\" s=\""
                xml += String(cell.style)
                switch cell.value {
                case let .text(text)? where !text.isEmpty:
                    xml += "\" t=\"inlineStr\"><is><t xml:space=\"preserve\">"
                    xml += XMLText.escaped(text)
                    xml += "</t></is></c>"
                case let .number(value, _, _, _)?:
                    xml += "\"><v>"
                    xml += value.description
                    xml += "</v></c>"
                default:
                    xml += "\"/>"
                }
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        if !merges.isEmpty {
            xml += "<mergeCells count=\"\(merges.count)\">" + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
        }
        xml += #"<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
        xml += "<pageSetup paperSize=\"9\" orientation=\"\(sheet.landscape ? "landscape" : "portrait")\" fitToWidth=\"1\" fitToHeight=\"0\"/>"
        xml += "</worksheet>"
        return (xml, headerRows)
    }

    /// `12.5`: a width or height to a tenth, without Foundation's formatter.
    static func tenths(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    /// `A1`-style reference of a 1-based row and 0-based column.
    static func reference(_ row: Int, _ column: Int) -> String {
        // Short enough to stay in a small string: no allocation.
        var name = ""
        var number = column + 1
        while number > 0 {
            let remainder = (number - 1) % 26
            name = String(UnicodeScalar(UInt8(65 + remainder))) + name
            number = (number - 1) / 26
        }
        return name + String(row)
    }

    // MARK: Package parts

    private static func contentTypes(_ count: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
        xml += #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
        xml += #"<Default Extension="xml" ContentType="application/xml"/>"#
        xml += #"<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>"#
        xml += #"<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#
        for index in 1 ... max(1, count) where index <= count {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index).xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
        }
        return xml + "</Types>"
    }

    private static let rootRelationships = OfficePackage.Content.compressed(#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>"#
        + "</Relationships>")

    private static let singleContentTypes = OfficePackage.Content.compressed(contentTypes(1))
    private static let singleRelationships = OfficePackage.Content.compressed(workbookRelationships(1))

    private static func workbookXML(_ names: [String], printTitles: [(sheet: Int, name: String, rows: ClosedRange<Int>)]) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>"#
        for (index, name) in names.enumerated() {
            xml += "<sheet name=\"\(XMLText.escaped(name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        xml += "</sheets>"
        if !printTitles.isEmpty {
            xml += "<definedNames>"
            for title in printTitles {
                let quoted = "'" + title.name.replacingOccurrences(of: "'", with: "''") + "'"
                xml += "<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"\(title.sheet)\">\(XMLText.escaped(quoted))!$\(title.rows.lowerBound):$\(title.rows.upperBound)</definedName>"
            }
            xml += "</definedNames>"
        }
        return xml + "</workbook>"
    }

    private static func workbookRelationships(_ count: Int) -> String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for index in 0 ..< count {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(count + 1)\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>"
        return xml + "</Relationships>"
    }
}
