import Foundation
import JixiaoModel

/// Reads the legacy published layout "…部门预算项目支出绩效目标公开表" as dumped to text: a title line
/// naming the unit, a tab-separated header (单位编码, 单位及项目名称, 金额(万元), 绩效目标, 绩效指标), a 合计
/// row, then one row per project whose goal and indicators are free text with HTML fragments
/// (`<p>`, `<ol>`, `<li>`, `<math>\geq 12</math>`, `\%`, entities).
///
/// The indicator text is read as headings and items: `一、产出指标` (一级指标), `(一) 数量指标` / `（一）数量指标`
/// / `成本指标：` (二级指标), and numbered items (`1. 慰问企业≥3家`). An item with a comparison and number
/// becomes a quantitative indicator; anything else is kept as a qualitative one, with a note. Every
/// item that is split, changed or not taken is listed in the set's notes.
package enum LegacySummaryTable {
    package static func read(_ text: String, file: String) -> DraftSet {
        var reader = SummaryReader(file: file)
        reader.read(text)
        return reader.set
    }

    /// Whether a text dump has this layout: a tab-separated header row with a cell naming 项目名称
    /// (单位及项目名称), one naming 绩效指标, and one naming the amount or the goal.
    package static func recognizes(_ text: String) -> Bool {
        text.split(whereSeparator: \.isNewline).contains { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { DumpLine.clean($0) }
            guard let columns = SummaryReader.Columns(cells) else { return false }
            return cells[columns.name].contains("项目名称") && (columns.amount != nil || columns.goal != nil)
        }
    }
}
