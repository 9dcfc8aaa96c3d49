/// A cell's look in a worksheet: the kinds of text a sheet has, and a number's format.
struct CellStyle: Hashable {
    enum Kind: Hashable { case title, subtitle, paragraph, right, heading, cell }

    var kind: Kind
    var alignment: OfficeCell.Alignment = .left
    /// The number format's code (`#,##0.00`, `0%`), for a number cell.
    var format: String?

    init(kind: Kind, alignment: OfficeCell.Alignment = .left, number value: OfficeCell.Value? = nil) {
        self.kind = kind
        self.alignment = alignment
        if case let .number(_, places, percent, grouped)? = value {
            let decimals = places > 0 ? "." + String(repeating: "0", count: places) : ""
            format = (grouped ? "#,##0" : "0") + decimals + (percent ? "%" : "")
        }
    }
}

/// The styles of a workbook, numbered as its cells use them (0 is the default).
struct StyleTable {
    private(set) var styles: [CellStyle] = []
    private var numbers: [CellStyle: Int] = [:]
    private var formats: [String] = []

    mutating func index(_ style: CellStyle) -> Int {
        if let index = numbers[style] { return index }
        styles.append(style)
        numbers[style] = styles.count
        if let format = style.format, !formats.contains(format) { formats.append(format) }
        return styles.count
    }

    var xml: String {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        if !formats.isEmpty {
            xml += "<numFmts count=\"\(formats.count)\">"
            for (index, format) in formats.enumerated() {
                xml += "<numFmt numFmtId=\"\(164 + index)\" formatCode=\"\(XMLText.escaped(format))\"/>"
            }
            xml += "</numFmts>"
        }
        // Fonts: 0 body, 1 bold, 2 title.
        xml += #"<fonts count="3"><font><sz val="11"/><name val="SimSun"/><family val="3"/><charset val="134"/></font>"#
        xml += #"<font><b/><sz val="11"/><name val="SimSun"/><family val="3"/><charset val="134"/></font>"#
        xml += #"<font><b/><sz val="16"/><name val="SimSun"/><family val="3"/><charset val="134"/></font></fonts>"#
        xml += #"<fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill>"#
        xml += #"<fill><patternFill patternType="solid"><fgColor rgb="FFF2F4F7"/><bgColor indexed="64"/></patternFill></fill></fills>"#
        xml += #"<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>"#
        xml += #"<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>"#
        xml += #"<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>"#
        xml += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        xml += "<cellXfs count=\"\(styles.count + 1)\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        for style in styles {
            let format = style.format.flatMap { formats.firstIndex(of: $0) }.map { 164 + $0 } ?? 0
            let font: Int, fill: Int, border: Int, horizontal: String
            switch style.kind {
            case .title: (font, fill, border, horizontal) = (2, 0, 0, "center")
            case .subtitle: (font, fill, border, horizontal) = (0, 0, 0, "center")
            case .paragraph: (font, fill, border, horizontal) = (0, 0, 0, "left")
            case .right: (font, fill, border, horizontal) = (0, 0, 0, "right")
            case .heading: (font, fill, border, horizontal) = (1, 2, 1, Self.horizontal(style.alignment))
            case .cell: (font, fill, border, horizontal) = (0, 0, 1, Self.horizontal(style.alignment))
            }
            xml += "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\""
            xml += format > 0 ? " applyNumberFormat=\"1\"" : ""
            xml += " applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"\(horizontal)\" vertical=\"center\" wrapText=\"1\"/></xf>"
        }
        xml += "</cellXfs>"
        xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        return xml + "</styleSheet>"
    }

    private static func horizontal(_ alignment: OfficeCell.Alignment) -> String {
        switch alignment {
        case .left: "left"
        case .center: "center"
        case .right: "right"
        }
    }
}
