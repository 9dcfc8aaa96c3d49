import Foundation
import JixiaoModel

/// Reads a legacy published layout of the project goal table (表15, 项目绩效目标表) from a text dump:
///
/// 1. a project list: a header line naming 项目名称, 项目单位 (`982001-单位名称`) and 项目类别, then one project a
///    line (cells separated by tabs, sometimes wrapped in `<p>` tags, blank lines anywhere), ending with a
///    `合 计` line;
/// 2. the goal table dumped as column blocks one after another, each a header line then its rows: the first
///    block holds the project columns (预算数, 年度绩效目标) beside 一级指标 and 二级指标, the others the remaining
///    indicator columns (三级指标, 指标性质, 指标方向, 目标值, 计量单位, 分值 …). A line such as `单位：万元` between
///    blocks gives the money unit; the last row of the first block that holds only a number is the 合计.
///
/// Row i of every block is one row of the table, so the blocks are joined row by row, and the projects of the
/// first block are those of the list, in the same order. A project's merged cells (预算数, 年度绩效目标) are
/// printed on one of its rows, usually its first. Dumps of this layout are not clean, and this reader repairs
/// what it can without hiding anything; every repair and every row it cannot place is a warning in `notes`:
///
/// - cells shifted out of their columns (leading empty cells dropped, 预算数 printed over 一级指标/二级指标, a
///   number and a goal separated by a space instead of a tab) are found by what they hold;
/// - a merged cell printed in the middle of its project: rows that follow a project's 满意度指标 rows and start
///   again at the 一级指标 the project opened with (产出指标), before the next 预算数, are the next project's
///   first rows;
/// - a goal wrapped over several lines is joined;
/// - blocks of different lengths are paired by content (二级指标 against 三级指标 and 目标值, 目标值 against
///   计量单位) instead of by position, so that one missing row does not shift every row after it; each row
///   left without a partner is noted, and indicators that lack a block's columns are kept without them.
package enum LegacyColumnBlocks {
    package static func read(_ text: String, file: String) -> DraftSet {
        var reader = LegacyDumpReader(file: file, lines: DumpLine.split(text))
        return reader.read()
    }

    /// Whether a text dump has this layout: a project list header (项目名称 beside 项目单位 or 项目类别),
    /// then a column block header naming 预算数 or 年度绩效目标.
    package static func recognizes(_ text: String) -> Bool {
        let lines = DumpLine.split(text)
        guard let list = lines.firstIndex(where: { line in
            LegacyDumpReader.listColumns(line).map { $0.unit != nil || $0.category != nil } ?? false
        }) else { return false }
        return lines[(list + 1)...].contains { line in
            guard let columns = LegacyDumpReader.blockColumns(line)?.columns else { return false }
            return columns.contains(.total) || columns.contains(.goal)
        }
    }
}
