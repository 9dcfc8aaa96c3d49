import Foundation
import JixiaoModel

/// What a form reader found: the project (nil when the form names none), what it noted, and the
/// budget unit the form names above its labels.
struct FormResult {
    var draft: ProjectDraft?
    var notes: [Diagnostic]
    var budgetUnit: (code: String, name: String)?
}

/// What both form readers do with a form's indicator block and with the form as a whole.
enum FormIndicators {
    /// Reads the rows after the header into drafts.
    static func read(_ rows: ArraySlice<FormRow>, columns: IndicatorColumns, source: FormRows, file: String) -> IndicatorBlock {
        var block = IndicatorBlock(columns: columns, file: file, omitsMergedCells: source.omitsMergedCells, wraps: source.wrapsCells)
        block.read(rows)
        return block
    }

    /// A 一级指标 printed with its points (产出指标（50分）) whose indicators' 分值 add up to another figure.
    static func pointsNotes(_ block: IndicatorBlock) -> [Diagnostic] {
        block.points.compactMap { printed in
            guard let points = Decimal.exact(printed.points) else { return nil }
            let weights = block.indicators.filter { $0.level1 == printed.level1 }.map { $0.weight.flatMap { Amount(parsing: $0)?.value } }
            guard !weights.isEmpty, !weights.contains(where: { $0 == nil }) else { return nil }
            let sum = weights.compactMap { $0 }.reduce(0, +)
            guard sum != points else { return nil }
            return .warning(.publishedFigureDiffers, "\(FieldSet.indicator.name("level1")) \(printed.level1) is printed with \(printed.points) 分, "
                + "but the \(FieldSet.indicator.name("weight")) of its indicators add up to \(sum.plain)", at: printed.location)
        }
    }

    /// One note for the cells whose printed line breaks were removed, at the form's first row.
    static func unwrapNote(_ text: CellText, at start: SourceLocation) -> Diagnostic? {
        guard !text.changedLines.isEmpty else { return nil }
        let lines = text.changedLines.map(String.init).joined(separator: ", ")
        return .warning(.readWithChange, "spaces that the printed form's line breaks left between Chinese characters removed from the cells on "
            + (text.changedLines.count == 1 ? "line " : "lines ") + lines, at: start)
    }

    /// Where the form's indicator header is, if it has one: its first row (`start`) and its last (`index`),
    /// the same unless it is printed over two rows.
    static func headerIndex(_ rows: ArraySlice<FormRow>) -> (start: Int, index: Int, columns: IndicatorColumns)? {
        for index in rows.indices {
            if let columns = IndicatorColumns.header(rows[index]) {
                // Categories ticked in columns of their own, named on the header's second row.
                let next = index + 1
                if next < rows.endIndex, IndicatorColumns.isTickRow(rows[next]),
                   let joined = IndicatorColumns.header(rows[index].joined(with: rows[next]))
                {
                    return (index, next, joined)
                }
                return (index, index, columns)
            }
            // A header printed over two rows (绩效指标 and 指标值 merged down beside the levels, or titles
            // wrapped): the two read as one.
            if index > rows.startIndex, let columns = IndicatorColumns.header(rows[index - 1].joined(with: rows[index])) {
                return (index - 1, index, columns)
            }
        }
        return nil
    }
}
