import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import ZIPFoundation
import JixiaoModel

/// Why an .xlsx file could not be read, inside the reader; callers get it as a `Diagnostic`
/// (`XLSXSheet.rows`). The descriptions are for people: they name the sheet, part or cell at fault,
/// not the file, which the diagnostic's place names.
enum XLSXError: Error, CustomStringConvertible, Equatable {
    /// The file itself could not be opened.
    case unreadable(String)
    /// Not a ZIP archive, or a ZIP archive without a workbook; the text says which.
    case notWorkbook(String)
    /// A part the workbook refers to is not in the archive.
    case missingPart(String)
    /// A part is not well-formed XML. The reason is given when it is known: FoundationXML's error
    /// codes are too unreliable to report.
    case malformedXML(part: String, line: Int, column: Int, reason: String?)
    /// A part is well-formed XML but not what SpreadsheetML allows (a bad cell reference, an unknown
    /// shared string, …).
    case malformed(part: String, reason: String)
    /// The workbook lists no worksheets.
    case noSheets
    /// No sheet has the requested name.
    case noSuchSheet(String, available: [String])
    /// The named sheet is a chart sheet or another kind of sheet without cells.
    case notAWorksheet(String)
    /// A part or the sheet's grid is beyond the sizes this reader accepts.
    case tooLarge(String)

    var description: String {
        switch self {
        case .unreadable(let reason): "cannot read the file: \(reason)"
        case .notWorkbook(let reason): "not an .xlsx workbook (\(reason))"
        case .missingPart(let part): "the workbook refers to \(part), which is not in the file"
        case let .malformedXML(part, line, column, reason): "\(part):\(line):\(column): not well-formed XML" + (reason.map { ": \($0)" } ?? "")
        case let .malformed(part, reason): "\(part): \(reason)"
        case .noSheets: "the workbook has no worksheets"
        case let .noSuchSheet(name, available):
            "no sheet named '\(Excerpt.of(name))' (sheets: \(available.joined(separator: ", ")))"
        case .notAWorksheet(let name): "sheet '\(Excerpt.of(name))' is not a worksheet (a chart or dialog sheet has no cells)"
        case .tooLarge(let what): "too large: \(what)"
        }
    }
}

/// One worksheet of an Office Open XML workbook (.xlsx), read as a grid of strings.
///
/// - Text: shared strings (plain or rich-text runs; phonetic runs are left out) and inline strings,
///   with the `_xHHHH_` escapes of SpreadsheetML decoded.
/// - Numbers, dates and errors: the stored `<v>` text exactly as written, never through `Double`, so
///   `150600230000000001` and `18150.89` stay as they are. Two parts of a number format are applied,
///   as the sheet shows the number: a percentage (stored 0.95, shown 95% → "95%") and fixed decimals
///   (stored 60, shown 60.00 → "60.00"); no stored digit is dropped. A date reads as its serial number.
/// - Hidden rows are named in the grid, the workbook's other sheets listed.
/// - Booleans: "TRUE" or "FALSE". Formulas: the cached result.
/// - Row and column positions are kept (row 1 is index 0, column A is index 0); missing cells are "";
///   every row has the width of the widest non-empty column; trailing empty rows are dropped.
/// - Merged ranges: the top-left value is spread over every cell of the range.
///
/// Malformed input throws an `XLSXError`.
package struct XLSXSheet {
    /// The largest part (unpacked) that is read, against ZIP bombs.
    static let maxPartBytes = 256 << 20
    /// The most cells a grid may have (rows × columns, after merges are spread).
    static let maxCells = 20_000_000
    /// SpreadsheetML's own limits.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    /// One worksheet as read: its cells, the rows hidden in it, and the workbook's other sheets.
    package struct Grid: Sendable {
        package var rows: [[String]]
        /// Rows hidden in the workbook (0-based).
        package var hidden: Set<Int> = []
        package var sheet: String = ""
        /// The other sheets of the workbook, which are not read.
        package var otherSheets: [String] = []

        package init(rows: [[String]], hidden: Set<Int> = [], sheet: String = "", otherSheets: [String] = []) {
            self.rows = rows
            self.hidden = hidden
            self.sheet = sheet
            self.otherSheets = otherSheets
        }
    }

    /// A workbook's first sheet, or the one named `sheet`; why not, as a diagnostic placed at `shown`
    /// (the path as the user gave it).
    package static func rows(_ url: URL, sheet: String? = nil, shown: String) -> Result<Grid, Diagnostic> {
        do {
            return .success(try grid(url, sheet: sheet))
        } catch let error as XLSXError {
            return .failure(.error(.unreadableWorkbook, error.description, at: SourceLocation(file: shown)))
        } catch {
            return .failure(.error(.unreadableWorkbook, "cannot read the workbook: \(error.localizedDescription)", at: SourceLocation(file: shown)))
        }
    }

    static func read(_ url: URL, sheet: String? = nil) throws -> [[String]] {
        try grid(url, sheet: sheet).rows
    }

    static func grid(_ url: URL, sheet: String? = nil) throws -> Grid {
        let package = try Package(url)
        let workbookPart = try package.workbookPart()
        let relationships = try package.relationships(of: workbookPart)
        let sheets = try Workbook.sheets(try package.xml(workbookPart), part: workbookPart)
        guard !sheets.isEmpty else { throw XLSXError.noSheets }

        func isWorksheet(_ entry: Workbook.Sheet) -> Bool {
            relationships[entry.relationship]?.type.hasSuffix("/worksheet") ?? false
        }
        let chosen: Workbook.Sheet
        if let sheet {
            guard let found = sheets.first(where: { $0.name == sheet }) else {
                throw XLSXError.noSuchSheet(sheet, available: sheets.map(\.name))
            }
            chosen = found
        } else {
            // The first sheet that has cells: a leading chart sheet is passed over.
            guard let first = sheets.first(where: isWorksheet) ?? sheets.first else { throw XLSXError.noSheets }
            chosen = first
        }
        guard let relationship = relationships[chosen.relationship] else {
            throw XLSXError.malformed(part: workbookPart, reason: "sheet '\(Excerpt.of(chosen.name))' refers to relationship '\(Excerpt.of(chosen.relationship))', which \(Package.relationshipsPart(of: workbookPart)) does not define")
        }
        guard isWorksheet(chosen) else { throw XLSXError.notAWorksheet(chosen.name) }
        guard !relationship.external else {
            throw XLSXError.malformed(part: workbookPart, reason: "sheet '\(Excerpt.of(chosen.name))' is stored outside the workbook")
        }
        let sheetPart = try Package.resolve(relationship.target, from: workbookPart)

        var sharedStrings: [String] = []
        if let shared = relationships.values.first(where: { $0.type.hasSuffix("/sharedStrings") && !$0.external }) {
            let part = try Package.resolve(shared.target, from: workbookPart)
            sharedStrings = try SharedStrings.read(try package.xml(part), part: part)
        }

        var shapes: [Int: NumberShape] = [:]
        if let styles = relationships.values.first(where: { $0.type.hasSuffix("/styles") && !$0.external }) {
            let part = try Package.resolve(styles.target, from: workbookPart)
            shapes = try Styles.numberShapes(try package.xml(part), part: part)
        }

        guard let sheetData = try package.data(sheetPart) else { throw XLSXError.missingPart(sheetPart) }
        let (rows, hidden) = try Worksheet.grid(sheetData, part: sheetPart, sharedStrings: sharedStrings, shapes: shapes)
        return Grid(rows: rows, hidden: hidden, sheet: chosen.name, otherSheets: sheets.map(\.name).filter { $0 != chosen.name })
    }

    /// A cell reference such as `A1` or `AB12` as zero-based indices; `nil` unless it is a valid
    /// reference within SpreadsheetML's limits (no `$`, upper-case letters, no leading zeros).
    static func cellIndex(_ reference: some StringProtocol) -> (row: Int, column: Int)? {
        var column = 0, row = 0, letters = 0, digits = 0
        for byte in reference.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"):
                guard digits == 0, letters < 3 else { return nil }
                column = column * 26 + Int(byte - UInt8(ascii: "A")) + 1
                letters += 1
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                guard letters > 0, digits < 7, !(digits == 0 && byte == UInt8(ascii: "0")) else { return nil }
                row = row * 10 + Int(byte - UInt8(ascii: "0"))
                digits += 1
            default:
                return nil
            }
        }
        guard letters > 0, digits > 0, column <= maxColumns, row <= maxRows else { return nil }
        return (row - 1, column - 1)
    }

    /// A range such as `A2:A5` (or a single cell) as zero-based, ordered corners.
    static func rangeIndices(_ reference: String) -> (top: Int, left: Int, bottom: Int, right: Int)? {
        let corners = reference.split(separator: ":", omittingEmptySubsequences: false)
        guard (1...2).contains(corners.count),
              let first = cellIndex(corners[0]), let last = cellIndex(corners[corners.count - 1]) else { return nil }
        return (min(first.row, last.row), min(first.column, last.column), max(first.row, last.row), max(first.column, last.column))
    }

    /// The `_xHHHH_` escapes SpreadsheetML uses for characters XML cannot carry (`_x000D_` is a
    /// carriage return, `_x005F_` a literal underscore).
    static func unescape(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        let scalars = Array(text.unicodeScalars)
        var result = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == "_", index + 6 < scalars.count, scalars[index + 1] == "x", scalars[index + 6] == "_",
               scalars[(index + 2)..<(index + 6)].allSatisfy({ $0.properties.isASCIIHexDigit }),
               let code = UInt32(String(String.UnicodeScalarView(scalars[(index + 2)..<(index + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                result.append(scalar)
                index += 7
            } else {
                result.append(scalars[index])
                index += 1
            }
        }
        return String(result)
    }
}
