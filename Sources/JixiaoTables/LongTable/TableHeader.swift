import Foundation
import JixiaoModel

/// Where a long table's header is, what its columns are, and what the rows above it say: sheets
/// exported from budget systems or filled in by hand start with a title (`2023年度…项目支出绩效目标表`)
/// and a `单位：万元` line, and group their indicator columns under a merged heading (`绩效指标` over
/// 一级指标/二级指标/三级指标 …), which makes a header of two rows.
struct TableHeader {
    /// Rows before the data (title rows and the header), counted from 0.
    var dataStart: Int
    /// The row (0-based) whose cells name the columns, for locations.
    var row: Int
    var columns: [LongTable.Column: Int] = [:]
    /// Header cells that name no column jixiao reads, by column index.
    var unknown: [(column: Int, title: String)] = []
    var moneyUnit: String?
    var unitName: String?
    /// Title rows above the header: where and what.
    var titles: [(row: Int, text: String)] = []

    /// How many rows at the top may hold titles before the header.
    static let searchedRows = 12

    /// Finds the header among the first rows: the first row naming at least two columns jixiao reads,
    /// joined with the row below when that one names columns too (a two-row header). `nil` when none does.
    static func find(_ rows: [[String]]) -> TableHeader? {
        let candidates = rows.prefix(searchedRows).map(recognised)
        guard let first = candidates.firstIndex(where: { $0.count >= 2 }) else { return nil }
        var header = TableHeader(dataStart: first + 1, row: first)
        var titles = rows[first]
        if first + 1 < candidates.count, candidates[first + 1].count >= 2,
           !Set(candidates[first + 1].keys).isSubset(of: Set(candidates[first].keys))
        {
            // A two-row header: the lower row names the columns under a group heading; elsewhere
            // (merged down, or left empty below) the upper row's cell stands.
            let lower = rows[first + 1]
            titles = (0 ..< max(titles.count, lower.count)).map { index in
                let below = index < lower.count ? lower[index] : ""
                let above = index < titles.count ? titles[index] : ""
                if LongTable.Column.named(below) != nil { return below }
                if LongTable.Column.named(above) != nil { return above }
                return clean(below).isEmpty ? above : below
            }
            header.dataStart = first + 2
            header.row = first + 1
        }
        for (index, title) in titles.enumerated() {
            if let column = LongTable.Column.named(title) {
                if header.columns[column] == nil { header.columns[column] = index }
                if header.moneyUnit == nil { header.moneyUnit = moneyUnit(inHeading: title) }
            } else if !clean(title).isEmpty, !LongTable.ignoredHeadings.contains(clean(title)) {
                header.unknown.append((index, title))
            }
        }
        for row in 0 ..< first {
            // A title merged across the sheet reads once.
            var texts: [String] = []
            for cell in rows[row] where !clean(cell).isEmpty {
                let text = cell.trimmingCharacters(in: .whitespacesAndNewlines)
                if !texts.contains(text) { texts.append(text) }
            }
            for text in texts {
                if let unit = moneyUnit(inLine: text) {
                    header.moneyUnit = unit
                } else if let name = unitName(inTitle: text) {
                    header.unitName = header.unitName ?? name
                }
                header.titles.append((row, text))
            }
        }
        return header
    }

    /// The cells of a row that name columns jixiao reads.
    private static func recognised(_ row: [String]) -> [LongTable.Column: Int] {
        var found: [LongTable.Column: Int] = [:]
        for (index, cell) in row.enumerated() {
            if let column = LongTable.Column.named(cell), found[column] == nil { found[column] = index }
        }
        return found
    }

    static func clean(_ text: String) -> String {
        text.replacingOccurrences(of: "\u{FEFF}", with: "").filter { !$0.isWhitespace }
    }

    /// `资金总额（万元）` → 万元.
    static func moneyUnit(inHeading title: String) -> String? {
        let text = clean(title)
        if text.contains("（万元）") || text.contains("(万元)") { return "万元" }
        if text.contains("（元）") || text.contains("(元)") { return "元" }
        return nil
    }

    /// `单位：万元`, `金额单位：元`, `单位:万元` → the money unit.
    static func moneyUnit(inLine text: String) -> String? {
        let line = clean(text)
        for prefix in ["金额单位", "单位"] {
            for colon in ["：", ":"] where line.hasPrefix(prefix + colon) {
                let rest = String(line.dropFirst(prefix.count + 1))
                if rest == "万元" || rest == "元" { return rest }
            }
        }
        return nil
    }

    /// The unit a title names: `编制单位：XX局` or `单位名称：XX局`, or what is left of a sheet's title
    /// (`2023年度玉田县工业和信息化局项目支出绩效目标表`) once the year and the sheet's name are taken off.
    static func unitName(inTitle text: String) -> String? {
        let line = clean(text)
        for prefix in ["编制单位", "填报单位", "单位名称", "部门名称", "预算单位"] {
            for colon in ["：", ":"] where line.hasPrefix(prefix + colon) {
                let rest = String(line.dropFirst(prefix.count + 1))
                return rest.isEmpty ? nil : rest
            }
        }
        guard let suffix = sheetNames.first(where: { line.hasSuffix($0) }) else { return nil }
        var name = Substring(line.dropLast(suffix.count))
        if let year = name.firstMatch(of: /^\d{4}年度?/) { name = name[year.range.upperBound...] }
        if let year = name.firstMatch(of: /\d{4}年度?$/) { name = name[..<year.range.lowerBound] }
        for word in ["部门预算", "预算", "市级", "县级", "部门"] where name.hasSuffix(word) { name = name.dropLast(word.count) }
        return name.count >= 2 ? String(name) : nil
    }

    /// How published sheets end their titles, longest first.
    static let sheetNames = [
        "项目支出绩效目标公开表", "项目支出绩效目标申报表", "项目支出绩效目标表", "项目绩效目标公开表", "项目绩效目标表",
        "绩效目标公开表", "绩效目标申报表", "绩效目标表", "项目支出绩效自评表", "绩效自评表", "公开表",
    ]
}
