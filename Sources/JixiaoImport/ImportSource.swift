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
            return XLSXSheet.rows(url, sheet: sheet, shown: shown).map { grid in
                let rows = FormRows.grid(grid.rows)
                var set = PublishedForms.recognizes(rows: rows)
                    ? PublishedForms.read(rows: rows, file: shown) : LongTable.drafts(grid.rows, file: shown, hidden: grid.hidden)
                for other in grid.otherSheets {
                    set.notes.append(.note(.readWithChange, "sheet `\(other)` is not read (sheet `\(grid.sheet)` is); import it with --sheet \(other) if it holds projects",
                                           at: SourceLocation(file: shown)))
                }
                return set
            }
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
}
