import Foundation

/// Reads the text of a form's cells, removing the spaces that printed line breaks leave between Chinese
/// characters when the source carries them (`FormRows.wrapsCells`), and remembers which lines it changed
/// so that the form can list them.
struct CellText {
    let wraps: Bool
    private(set) var changedLines: [Int] = []

    init(wraps: Bool) { self.wraps = wraps }

    mutating func text(_ cell: FormCell) -> String {
        guard wraps else { return cell.text }
        let text = FormText.unwrapped(cell.text)
        if text != cell.text, changedLines.last != cell.line { changedLines.append(cell.line) }
        return text
    }

    mutating func merge(_ other: CellText) {
        for line in other.changedLines where !changedLines.contains(line) { changedLines.append(line) }
        changedLines.sort()
    }
}
