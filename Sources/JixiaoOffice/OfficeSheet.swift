import Foundation

/// A sheet as office files lay it out: the lines above and below its tables, and the tables, cell by
/// cell with their merges. The render step builds one from the same view model as the sheet's page;
/// the writers turn it into a worksheet (`.xlsx`) or a part of a Word document (`.docx`).
public struct OfficeSheet: Sendable {
    /// The worksheet's name (a booklet names each by its project).
    public var name: String
    public var blocks: [OfficeBlock]
    /// Printed across the page.
    public var landscape: Bool

    public init(name: String, blocks: [OfficeBlock], landscape: Bool = false) {
        self.name = name
        self.blocks = blocks
        self.landscape = landscape
    }
}

public enum OfficeBlock: Sendable {
    /// The sheet's title, large and centred.
    case title(String)
    /// A line centred below the title (`（2021年度）`).
    case subtitle(String)
    /// A line with text at the left and at the right (`436001…本级` … `单位：元`).
    case line(left: String, right: String)
    /// A paragraph the width of the sheet (a note below the table, a caption).
    case paragraph(String)
    case table(OfficeTable)
}

public struct OfficeTable: Sendable {
    /// Rows of cells as an HTML table lists them: a cell covered by a merge above it is not listed again.
    public let rows: [[OfficeCell]]
    /// The rows that head the table's longest part, printed again on every page: the first rows, or rows
    /// further down (the indicators' header of a self-evaluation, below its funds).
    public let repeatedRows: Range<Int>
    /// Each cell with its row and column in the table's grid, merges placed as HTML places them, and the
    /// number of columns of the grid: worked out once, for the workbook and the document alike.
    let grid: (placed: [(row: Int, column: Int, cell: OfficeCell)], columns: Int)

    public init(rows: [[OfficeCell]], headerRows: Int = 0, repeatedRows: Range<Int>? = nil) {
        self.rows = rows
        self.repeatedRows = repeatedRows ?? 0 ..< headerRows
        grid = Self.place(rows)
    }

    /// Each cell at the first column of its row that no merge from above covers.
    private static func place(_ rows: [[OfficeCell]]) -> (placed: [(row: Int, column: Int, cell: OfficeCell)], columns: Int) {
        // No row is wider than its own cells and the cells merged down into it: a grid that wide holds them all.
        let own = rows.map { $0.reduce(0) { $0 + max(1, $1.columnSpan) } }.max() ?? 0
        let width = own + rows.joined().reduce(0) { $0 + ($1.rowSpan > 1 ? max(1, $1.columnSpan) : 0) }
        var covered = [Bool](repeating: false, count: rows.count * width)
        var placed: [(row: Int, column: Int, cell: OfficeCell)] = []
        placed.reserveCapacity(rows.reduce(0) { $0 + $1.count })
        var columns = 0
        for (r, row) in rows.enumerated() {
            var column = 0
            for cell in row {
                while covered[r * width + column] { column += 1 }
                placed.append((r, column, cell))
                let span = max(1, cell.columnSpan)
                for dr in 0 ..< min(max(1, cell.rowSpan), rows.count - r) {
                    for dc in 0 ..< span { covered[(r + dr) * width + column + dc] = true }
                }
                column += span
                columns = max(columns, column)
            }
        }
        return (placed, columns)
    }
}

private let posix = Locale(identifier: "en_US_POSIX")

public struct OfficeCell: Sendable {
    public enum Value: Sendable, Equatable {
        case text(String)
        /// A number with the decimals it is shown with, as a percentage (`100%`) or with thousands
        /// separators (`1,200.00`) when the page shows it so.
        case number(Decimal, places: Int, percent: Bool, grouped: Bool)
    }

    public enum Alignment: Sendable { case left, center, right }

    public var value: Value
    public var columnSpan: Int
    public var rowSpan: Int
    /// A heading cell: bold, shaded.
    public var isHeading: Bool
    public var alignment: Alignment
    /// The text the cell shows (a number as the page shows it).
    public var shown: String

    public init(_ value: Value, shown: String? = nil, columnSpan: Int = 1, rowSpan: Int = 1, isHeading: Bool = false, alignment: Alignment = .left) {
        self.value = value
        if case let .text(text) = value { self.shown = text } else { self.shown = shown ?? "" }
        self.columnSpan = columnSpan
        self.rowSpan = rowSpan
        self.isHeading = isHeading
        self.alignment = alignment
    }

    /// A text cell.
    public static func text(_ text: String, columnSpan: Int = 1, rowSpan: Int = 1, heading: Bool = false) -> OfficeCell {
        OfficeCell(.text(text), columnSpan: columnSpan, rowSpan: rowSpan, isHeading: heading, alignment: heading ? .center : .left)
    }

    /// A number as the page shows it (`1,200.00`, `85.5`, `100%`), a number cell when it reads as one and
    /// a text cell otherwise (`—`, an empty cell).
    public static func number(_ shown: String, columnSpan: Int = 1, rowSpan: Int = 1, heading: Bool = false) -> OfficeCell {
        // Digits, a sign, a point, thousands separators and a percent sign, looked at byte by byte.
        var bytes = Array(shown.utf8.drop { $0 == 0x20 })
        while bytes.last == 0x20 { bytes.removeLast() }
        let percent = bytes.last == UInt8(ascii: "%")
        if percent { bytes.removeLast() }
        let grouped = bytes.contains(UInt8(ascii: ","))
        bytes.removeAll { $0 == UInt8(ascii: ",") }
        let points = bytes.filter { $0 == UInt8(ascii: ".") }.count
        guard !bytes.isEmpty, points <= 1, bytes.allSatisfy({ (0x30 ... 0x39).contains($0) || $0 == UInt8(ascii: ".") || $0 == UInt8(ascii: "-") }),
              var value = Decimal(string: String(decoding: bytes, as: UTF8.self), locale: posix)
        else { return OfficeCell(.text(shown), columnSpan: columnSpan, rowSpan: rowSpan, isHeading: heading, alignment: .right) }
        let places = bytes.firstIndex(of: UInt8(ascii: ".")).map { bytes.count - $0 - 1 } ?? 0
        if percent { value /= 100 }
        return OfficeCell(.number(value, places: places, percent: percent, grouped: grouped), shown: shown, columnSpan: columnSpan,
                          rowSpan: rowSpan, isHeading: heading, alignment: .right)
    }

}
