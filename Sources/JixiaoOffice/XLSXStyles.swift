/// A cell's look in a worksheet: the kinds of text a sheet has, and a number's format.
struct CellStyle: Hashable {
    enum Kind: Int, CaseIterable { case title, subtitle, paragraph, right, heading, cell }

    var kind: Kind
    var alignment: OfficeCell.Alignment = .left
    /// The number format, for a number cell.
    var format: NumberFormat?

    init(kind: Kind, alignment: OfficeCell.Alignment = .left, number value: OfficeCell.Value? = nil) {
        self.kind = kind
        self.alignment = alignment
        if case let .number(_, places, percent, grouped)? = value {
            format = NumberFormat(places: min(places, NumberFormat.maxPlaces), percent: percent, grouped: grouped)
        }
    }
}

/// `#,##0.00`, `0%` …: the decimals a number is shown with, as a percentage or with thousands separators.
struct NumberFormat: Hashable {
    static let maxPlaces = 6
    var places: Int
    var percent: Bool
    var grouped: Bool

    var code: String {
        (grouped ? "#,##0" : "0") + (places > 0 ? "." + String(repeating: "0", count: places) : "") + (percent ? "%" : "")
    }

    /// Every format, numbered from 1 in the order `index` gives.
    static let all: [NumberFormat] = (0 ... maxPlaces).flatMap { places in
        [false, true].flatMap { percent in [false, true].map { grouped in NumberFormat(places: places, percent: percent, grouped: grouped) } }
    }

    var index: Int { places * 4 + (percent ? 2 : 0) + (grouped ? 1 : 0) + 1 }
}

/// The styles every workbook jixiao writes holds, numbered the same in each, so that a worksheet is
/// written once for a sheet's own file and for its booklet: the default (0), the four kinds of lines,
/// then table cells (heading or not) by alignment and number format.
enum Styles {
    private static let alignments: [OfficeCell.Alignment] = [.left, .center, .right]

    static func index(_ style: CellStyle) -> Int {
        switch style.kind {
        case .title: return 1
        case .subtitle: return 2
        case .paragraph: return 3
        case .right: return 4
        case .heading, .cell:
            let alignment = alignments.firstIndex(of: style.alignment) ?? 0
            let format = style.format?.index ?? 0
            return 5 + ((style.kind == .heading ? 0 : 1) * alignments.count + alignment) * (NumberFormat.all.count + 1) + format
        }
    }

    static let xml: String = {
        var xml = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
        xml += #"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">"#
        xml += "<numFmts count=\"\(NumberFormat.all.count)\">"
        for format in NumberFormat.all { xml += "<numFmt numFmtId=\"\(163 + format.index)\" formatCode=\"\(XMLText.escaped(format.code))\"/>" }
        xml += "</numFmts>"
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
        var xfs = [#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#]
        func xf(font: Int, fill: Int, border: Int, horizontal: String, format: NumberFormat? = nil) -> String {
            let id = format.map { 163 + $0.index } ?? 0
            return "<xf numFmtId=\"\(id)\" fontId=\"\(font)\" fillId=\"\(fill)\" borderId=\"\(border)\" xfId=\"0\"\(id > 0 ? " applyNumberFormat=\"1\"" : "")"
                + " applyFont=\"1\" applyBorder=\"1\" applyAlignment=\"1\"><alignment horizontal=\"\(horizontal)\" vertical=\"center\" wrapText=\"1\"/></xf>"
        }
        xfs += [xf(font: 2, fill: 0, border: 0, horizontal: "center"), xf(font: 0, fill: 0, border: 0, horizontal: "center"),
                xf(font: 0, fill: 0, border: 0, horizontal: "left"), xf(font: 0, fill: 0, border: 0, horizontal: "right")]
        for heading in [true, false] {
            for alignment in alignments {
                let horizontal = alignment == .left ? "left" : alignment == .center ? "center" : "right"
                for format in [nil] + NumberFormat.all {
                    xfs.append(xf(font: heading ? 1 : 0, fill: heading ? 2 : 0, border: 1, horizontal: horizontal, format: format))
                }
            }
        }
        xml += "<cellXfs count=\"\(xfs.count)\">" + xfs.joined() + "</cellXfs>"
        xml += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        return xml + "</styleSheet>"
    }()
}

extension Styles {
    /// The styles part as every workbook holds it, compressed once where zlib is at hand.
    static let content = OfficePackage.Content.compressed(xml)
}
