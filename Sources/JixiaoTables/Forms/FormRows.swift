import Foundation
import JixiaoModel

/// One cell of a published form: its text (markup dropped, spaces at either end trimmed) and where it is.
package struct FormCell: Sendable {
    var text: String
    var line: Int
    var column: Int

    var isEmpty: Bool { text.isEmpty }
}

/// One row of a form as the source holds it. Rows hold every cell the source prints, empty ones too,
/// so that a cell's index is its column (except where the source leaves merged cells out, see
/// `FormRows.omitsMergedCells`).
package struct FormRow: Sendable {
    var cells: [FormCell]
    var line: Int

    /// The cells that hold something.
    var filled: [FormCell] { cells.filter { !$0.isEmpty } }

    /// The one cell a row holds, if it holds one: a title or a line, also when a workbook's reader
    /// repeats it across the columns it is merged over.
    var single: FormCell? {
        let filled = filled
        guard let first = filled.first, filled.allSatisfy({ $0.text == first.text }) else { return nil }
        return first
    }

    /// The cell at `index` when it holds something.
    func cell(_ index: Int) -> FormCell? {
        guard index >= 0, index < cells.count, !cells[index].isEmpty else { return nil }
        return cells[index]
    }

    /// This row and the one below it as one, column by column: the text of a cell printed over both rows
    /// joined, as a header printed over two rows reads.
    func joined(with below: FormRow) -> FormRow {
        let count = max(cells.count, below.cells.count)
        let joined = (0 ..< count).map { index -> FormCell in
            let upper = index < cells.count ? cells[index] : nil, lower = index < below.cells.count ? below.cells[index] : nil
            // A cell merged over both rows, which a workbook's reader repeats, counts once.
            let texts = [upper, lower].compactMap { $0?.text }.filter { !$0.isEmpty }
            let text = texts.count == 2 && texts[0] == texts[1] ? texts[0] : texts.joined()
            let place = upper.flatMap { $0.isEmpty ? nil : $0 } ?? lower ?? upper!
            return FormCell(text: text, line: place.line, column: place.column)
        }
        return FormRow(cells: joined, line: below.line)
    }

    /// The row's text, cells separated by ` | `, shortened for messages.
    var shown: String {
        let text = filled.map(\.text).joined(separator: " | ")
        return text.count > 40 ? String(text.prefix(40)) + "…" : text
    }
}

/// The rows of a source that holds published forms one after another: a text dump or one sheet of a
/// workbook. The form readers work on rows of cells only, so that every source that yields rows can use them.
package struct FormRows: Sendable {
    /// Every row that holds something, in order.
    var rows: [FormRow]
    /// Merged cells are left out instead of printed as empty cells, as in dumps that print one cell a
    /// line: a row with fewer cells than its header lacks them at its start.
    var omitsMergedCells = false
    /// The cells carry the line breaks of a printed form as spaces between Chinese characters (PDF
    /// text): readers remove such spaces (`FormText.unwrapped`).
    var wrapsCells = false

    /// A text dump: tab-separated cells one row a line, or, when no line holds two cells, one cell a line
    /// (lines starting with a tab), rows separated by blank lines and lines of running text.
    package static func dump(_ text: String) -> FormRows {
        let lines = DumpLine.split(text)
        let multi = lines.contains { $0.cells.filter { !$0.text.isEmpty }.count >= 2 }
        var rows = multi ? tabbed(lines) : cellPerLine(lines)
        rows.wrapsCells = wraps(rows.rows)
        return rows
    }

    /// A grid of cells, such as a worksheet's rows; locations are row and column numbers.
    package static func grid(_ grid: [[String]]) -> FormRows {
        var rows: [FormRow] = []
        for (index, row) in grid.enumerated() {
            let cells = row.enumerated().map { column, text in
                FormCell(text: DumpLine.clean(Substring(text)), line: index + 1, column: column + 1)
            }
            if cells.contains(where: { !$0.isEmpty }) { rows.append(FormRow(cells: cells, line: index + 1)) }
        }
        var result = FormRows(rows: rows)
        result.wrapsCells = wraps(rows)
        return result
    }

    /// Whether a value cell (not a label, which forms space out on purpose: `其中：财政    资金`) holds a
    /// printed line break.
    private static func wraps(_ rows: [FormRow]) -> Bool {
        rows.contains { $0.cells.contains { FormText.hasWrappedLine($0.text) && FormLabel.of($0.text) == nil } }
    }

    private static func tabbed(_ lines: [DumpLine]) -> FormRows {
        let rows = lines.filter { !$0.isBlank }.map { line in
            FormRow(cells: line.cells.map { FormCell(text: $0.text, line: line.number, column: $0.column) }, line: line.number)
        }
        return FormRows(rows: rows)
    }

    /// One cell a line: a line starting with a tab is a cell of the row being read (empty when it holds
    /// only spaces, which is how such dumps print an empty cell); a blank line ends the row; any other
    /// line is running text, a row of its own.
    private static func cellPerLine(_ lines: [DumpLine]) -> FormRows {
        var rows: [FormRow] = []
        var current: [FormCell] = []
        func close() {
            if current.contains(where: { !$0.isEmpty }), let first = current.first {
                rows.append(FormRow(cells: current, line: first.line))
            }
            current = []
        }
        for line in lines {
            if line.cells.count >= 2, line.cells[0].text.isEmpty {
                let cell = line.cells[1...].first { !$0.text.isEmpty } ?? line.cells[1]
                current.append(FormCell(text: cell.text, line: line.number, column: cell.column))
            } else {
                close()
                if !line.isBlank {
                    let cell = line.cells[0]
                    rows.append(FormRow(cells: [FormCell(text: cell.text, line: line.number, column: cell.column)], line: line.number))
                }
            }
        }
        close()
        return FormRows(rows: rows, omitsMergedCells: true)
    }
}
