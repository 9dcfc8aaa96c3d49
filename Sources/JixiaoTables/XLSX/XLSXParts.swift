import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import JixiaoModel
import ZIPFoundation

extension XLSXSheet {
    enum Workbook {
        struct Sheet {
            var name: String
            var relationship: String
        }

        static func sheets(_ data: Data, part: String) throws -> [Sheet] {
            var sheets: [Sheet] = []
            try XMLEvents.parse(data, part: part, root: "workbook") { path, attributes in
                guard path.count == 3, path[1] == "sheets", path[2] == "sheet" else { return }
                // r:id, whatever the prefix of the relationships namespace is.
                let id = attributes.first { key, _ in
                    let pieces = key.split(separator: ":")
                    return pieces.count == 2 && pieces[1] == "id" && pieces[0] != "xml"
                }?.value
                guard let name = attributes["name"], let id else {
                    throw XLSXError.malformed(part: part, reason: "a <sheet> lacks its name or r:id")
                }
                guard !sheets.contains(where: { $0.name == name }) else {
                    throw XLSXError.malformed(part: part, reason: "two sheets are named '\(Excerpt.of(name))'")
                }
                sheets.append(Sheet(name: name, relationship: id))
            }
            return sheets
        }
    }

    /// The shared-string table: each `<si>`'s text, from its `<t>` or its runs' `<t>`s; phonetic
    /// guides (`<rPh>`) are not part of the text.
    enum SharedStrings {
        static func read(_ data: Data, part: String) throws -> [String] {
            var strings: [String] = []
            var current = "", inText = false
            try XMLEvents.parse(data, part: part, root: "sst", start: { path, _ in
                if path.count == 2, path[1] == "si" { current = "" }
                inText = path.count >= 3 && path[1] == "si" && path.last == "t" && !path.contains("rPh")
            }, end: { path in
                if path.count == 2, path[1] == "si" { strings.append(XLSXSheet.unescape(current)) }
                inText = false
            }, text: { text in
                if inText { current += text }
            })
            return strings
        }
    }

    enum Worksheet {
        /// The cells of `<sheetData>` and the ranges of `<mergeCells>`, as a grid.
        static func grid(_ data: Data, part: String, sharedStrings: [String], shapes: [Int: NumberShape] = [:]) throws -> (rows: [[String]], hidden: Set<Int>) {
            var cells: [Int: [Int: String]] = [:]
            var hidden: Set<Int> = []
            var merges: [(top: Int, left: Int, bottom: Int, right: Int)] = []

            var row = -1, nextColumn = 0
            var cell: (reference: String, row: Int, column: Int, type: String, style: Int?)?
            var value: String?, inlineText: String?
            var inValue = false, inInlineText = false

            func fail(_ reason: String) -> XLSXError { .malformed(part: part, reason: reason) }

            try XMLEvents.parse(data, part: part, root: "worksheet", start: { path, attributes in
                inValue = false
                inInlineText = false
                guard path.count >= 3 else { return }
                switch (path[1], path.count, path[2], path.last!) {
                case ("sheetData", 3, "row", _):
                    let previous = row
                    if let r = attributes["r"] {
                        guard let number = Int(r), (1...XLSXSheet.maxRows).contains(number) else { throw fail("row number '\(Excerpt.of(r))' is not valid") }
                        row = number - 1
                    } else {
                        row += 1
                    }
                    guard row > previous else { throw fail("row \(row + 1) comes after row \(previous + 1): rows must be in order") }
                    guard row < XLSXSheet.maxRows else { throw fail("more than \(XLSXSheet.maxRows) rows") }
                    if ["1", "true"].contains(attributes["hidden"]) { hidden.insert(row) }
                    nextColumn = 0
                case ("mergeCells", 3, "mergeCell", _):
                    guard let ref = attributes["ref"], let range = XLSXSheet.rangeIndices(ref) else {
                        throw fail("merged range '\(Excerpt.of(attributes["ref"] ?? ""))' is not a valid range")
                    }
                    merges.append(range)
                case ("sheetData", 4, "row", "c"):
                    let column: Int
                    let reference: String
                    if let r = attributes["r"] {
                        guard let index = XLSXSheet.cellIndex(r) else { throw fail("cell reference '\(Excerpt.of(r))' is not valid") }
                        guard index.row == row else { throw fail("cell \(r) is inside row \(row + 1)") }
                        guard index.column >= nextColumn else { throw fail("cell \(r) comes after a cell to its right: cells must be in order") }
                        column = index.column
                        reference = r
                    } else {
                        guard nextColumn < XLSXSheet.maxColumns else { throw fail("row \(row + 1) has more than \(XLSXSheet.maxColumns) cells") }
                        column = nextColumn
                        reference = Worksheet.reference(row: row, column: column)
                    }
                    nextColumn = column + 1
                    cell = (reference, row, column, attributes["t"] ?? "n", attributes["s"].flatMap(Int.init))
                    value = nil
                    inlineText = nil
                case ("sheetData", 5, "row", "v"):
                    guard value == nil else { throw fail("cell \(cell?.reference ?? "") has more than one value") }
                    value = ""
                    inValue = true
                case ("sheetData", 5, "row", "is"):
                    inlineText = ""
                case ("sheetData", _, "row", "t") where path.count >= 6 && path[4] == "is" && !path.contains("rPh"):
                    inInlineText = true
                default:
                    break
                }
            }, end: { path in
                inValue = false
                inInlineText = false
                guard path.count == 4, path[1] == "sheetData", path[3] == "c", let current = cell else { return }
                cell = nil
                let text: String
                switch current.type {
                case "s":
                    guard let value else { text = ""; break }
                    guard let index = Int(value.trimmingCharacters(in: .whitespaces)), sharedStrings.indices.contains(index) else {
                        throw fail("cell \(current.reference) refers to shared string '\(Excerpt.of(value))', but there are \(sharedStrings.count)")
                    }
                    text = sharedStrings[index]
                case "inlineStr":
                    text = XLSXSheet.unescape(inlineText ?? value ?? "")
                case "b":
                    switch value?.trimmingCharacters(in: .whitespaces) {
                    case nil, "": text = ""
                    case "1": text = "TRUE"
                    case "0": text = "FALSE"
                    case let other?: throw fail("cell \(current.reference) has boolean value '\(Excerpt.of(other))'")
                    }
                case "str":
                    text = XLSXSheet.unescape(value ?? "")
                case "n":
                    // A number reads as its format shows it: as a percentage, with the decimals it fixes.
                    if let style = current.style, let shape = shapes[style], let value, let shown = shape.text(value) {
                        text = shown
                    } else {
                        text = value ?? ""
                    }
                case "d", "e":
                    text = value ?? ""
                default:
                    throw fail("cell \(current.reference) has unknown type '\(Excerpt.of(current.type))'")
                }
                if !text.isEmpty { cells[current.row, default: [:]][current.column] = text }
            }, text: { text in
                if inValue { value! += text }
                if inInlineText { inlineText! += text }
            })

            // Merged ranges: the top-left value over the whole range. Excel forbids overlaps.
            var spread = 0
            var covered: Set<Int> = []
            let topLeft = merges.map { cells[$0.top]?[$0.left] }
            for (merge, top) in zip(merges, topLeft) {
                guard let top else { continue }
                let area = (merge.bottom - merge.top + 1) * (merge.right - merge.left + 1)
                spread += area
                guard spread <= XLSXSheet.maxCells else { throw XLSXError.tooLarge("the merged ranges cover more than \(XLSXSheet.maxCells) cells") }
                for r in merge.top...merge.bottom {
                    for c in merge.left...merge.right {
                        guard covered.insert(r * XLSXSheet.maxColumns + c).inserted else {
                            throw fail("merged ranges overlap at \(reference(row: r, column: c))")
                        }
                        cells[r, default: [:]][c] = top
                    }
                }
            }

            guard let lastRow = cells.keys.max() else { return ([], hidden) }
            let width = (cells.values.compactMap { $0.keys.max() }.max() ?? -1) + 1
            guard (lastRow + 1) * width <= XLSXSheet.maxCells else {
                throw XLSXError.tooLarge("the sheet spans \(lastRow + 1) rows × \(width) columns, more than \(XLSXSheet.maxCells) cells")
            }
            var grid = [[String]](repeating: [String](repeating: "", count: width), count: lastRow + 1)
            for (r, columns) in cells {
                for (c, text) in columns { grid[r][c] = text }
            }
            return (grid, hidden)
        }

        /// `A1`-style name of zero-based indices, for messages.
        static func reference(row: Int, column: Int) -> String {
            var letters = "", n = column + 1
            while n > 0 {
                let remainder = (n - 1) % 26
                letters = String(UnicodeScalar(UInt8(65 + remainder))) + letters
                n = (n - 1) / 26
            }
            return "\(letters)\(row + 1)"
        }
    }
}
