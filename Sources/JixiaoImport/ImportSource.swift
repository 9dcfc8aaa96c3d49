import Foundation
import JixiaoLoad
import JixiaoModel
import JixiaoTables

/// A file given to `jixiao import`, read by the reader for its kind: a .csv long table, the first sheet
/// of an .xlsx workbook (or the one named by --sheet) as published forms when its label cells say so
/// (PublishedForms) and else as a long table, or a text dump recognised by its labels and headers as
/// published forms (绩效目标表, 绩效自评表) or one of the two legacy layouts (LegacyColumnBlocks,
/// LegacySummaryTable).
package enum ImportSource {
    /// What `jixiao import` reads, for messages.
    static let accepted = ".csv long tables, .xlsx workbooks, and text dumps of published layouts "
        + "(project forms, 绩效目标表 or 绩效自评表, with 项目名称 and an indicator header; "
        + "a project list with 项目名称 and 项目类别 followed by the goal table in column blocks; "
        + "a 公开表 with 单位及项目名称 and 绩效指标)"

    /// Reads one file. `shown` is the path as the user gave it: every location names it.
    static func read(_ url: URL, shown: String, sheet: String?, limits: ReadLimits = ReadLimits()) -> Result<DraftSet, Diagnostic> {
        let whole = SourceLocation(file: shown)
        switch url.pathExtension.lowercased() {
        case "xlsx":
            return XLSXSheet.rows(url, sheet: sheet, shown: shown).flatMap { workbook(url, first: $0, shown: shown, oneSheet: sheet != nil) }
        case "xls", "et", "ods", "numbers":
            return .failure(.error(.unsupportedWorkbook, "this kind of workbook is not read: save it as .xlsx (or .csv) and import that", at: whole))
        default:
            break
        }
        let data: Data
        switch limits.bytes(url.path, shown: shown, kind: .table) {
        case let .success(bytes): data = Data(bytes)
        case let .failure(diagnostic): return .failure(diagnostic)
        }
        if url.pathExtension.lowercased() == "csv" {
            return LongTable.csvRows(data, file: shown).map { LongTable.drafts($0, file: shown) }
        }
        guard let (text, _) = TextDecoding.decode(data) else {
            return .failure(.error(.unknownSource, "cannot tell what the file holds: it is neither UTF-8 nor GB18030 text; jixiao imports \(accepted)", at: whole))
        }
        if PublishedForms.recognizes(text) {
            return .success(PublishedForms.read(text, file: shown))
        }
        if LegacySummaryTable.recognizes(text) {
            return .success(LegacySummaryTable.read(text, file: shown))
        }
        if LegacyColumnBlocks.recognizes(text) {
            return .success(LegacyColumnBlocks.read(text, file: shown))
        }
        return .failure(.error(.unknownSource, "cannot tell what the file holds: jixiao imports \(accepted)", at: whole))
    }

    /// A workbook's sheet read as a long table or as a project form. A workbook whose first sheet is a
    /// form holds one form per sheet, as departments fill them in: every sheet that is one is read,
    /// one project each, in the workbook's order (unless `--sheet` names one). Other sheets are listed.
    private static func workbook(_ url: URL, first: XLSXSheet.Grid, shown: String, oneSheet: Bool) -> Result<DraftSet, Diagnostic> {
        func read(_ grid: XLSXSheet.Grid) -> DraftSet? {
            let rows = FormRows.grid(grid.rows)
            return PublishedForms.recognizes(rows: rows) ? PublishedForms.read(rows: rows, file: shown) : nil
        }
        var sets: [(file: String, set: DraftSet)] = []
        var notRead: [String] = []
        if let form = read(first) {
            sets.append((shown, form))
            for other in oneSheet ? [] : first.otherSheets {
                switch XLSXSheet.rows(url, sheet: other, shown: shown) {
                case let .success(grid):
                    if let form = read(grid) { sets.append((shown, form)) } else { notRead.append(other) }
                case .failure:
                    notRead.append(other)  // a chart or dialog sheet: no cells to read
                }
            }
            if oneSheet { notRead = first.otherSheets }
        } else {
            sets.append((shown, LongTable.drafts(first.rows, file: shown, hidden: first.hidden)))
            notRead = first.otherSheets
        }
        var set = sets.count == 1 ? sets[0].set : DraftSet.combined(sets)
        for other in notRead {
            set.notes.append(.note(.readWithChange, "sheet `\(other)` is not read (sheet `\(first.sheet)` is); import it with --sheet \(other) if it holds projects",
                                   at: SourceLocation(file: shown)))
        }
        return .success(set)
    }
}
