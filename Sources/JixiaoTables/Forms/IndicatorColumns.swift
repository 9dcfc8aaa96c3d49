import Foundation
import JixiaoModel

/// The header row of a form's indicator block (一级指标, 二级指标, 三级指标 …): which column holds which
/// field. Goal tables and self-evaluations print different sets of columns; this names them all.
struct IndicatorColumns {
    enum Field: CaseIterable {
        case level1, level2, name, nature, direction, target, unit, weight, description, basis, note, actual, score, reason
        /// A monitoring sheet's columns: 1-N月执行情况, 全年预计完成情况, 完成目标可能性, 纠偏措施.
        case progress, expected, likelihood, measure

        /// The header spellings, as keys (`FormText.key`: no spaces, no bracketed part).
        var headers: [String] {
            switch self {
            case .level1: ["一级指标"]
            case .level2: ["二级指标"]
            case .name: ["三级指标", "指标名称"]
            case .nature: ["指标性质"]
            case .direction: ["指标方向"]
            case .target: ["目标值", "指标值", "年度指标值", "年度目标值", "指标目标值"]
            case .unit: ["计量单位", "度量单位"]
            case .weight: ["分值", "权重"]
            case .description: ["绩效指标描述", "指标解释", "指标内容"]
            case .basis: ["指标值确定依据", "指标值设定依据"]
            case .note: ["备注"]
            case .actual: ["实际完成值", "全年实际值", "实际值"]
            case .score: ["得分"]
            case .reason: ["偏差原因分析及改进措施", "偏差原因分析", "偏差原因", "未完成原因分析"]
            case .progress: ["执行情况", "执行进度"]
            case .expected: ["全年预计完成情况", "预计全年完成情况", "全年预计完成值", "预计完成情况", "全年预计完成"]
            case .likelihood: ["完成目标可能性", "完成可能性", "目标完成可能性"]
            case .measure: ["纠偏措施", "拟采取的纠偏措施", "纠偏措施及建议"]
            }
        }

        /// The key the field has in content files and in drafts' locations.
        var key: String {
            switch self {
            case .level1: "level1"
            case .level2: "level2"
            case .name: "name"
            case .nature: "nature"
            case .direction: "direction"
            case .target: "target"
            case .unit: "unit"
            case .weight: "weight"
            case .description: "description"
            case .basis: "basis"
            case .note: "note"
            case .actual: "actual"
            case .score: "score"
            case .reason: "reason"
            case .progress: "progress"
            case .expected: "expected"
            case .likelihood: "likelihood"
            case .measure: "measure"
            }
        }

        /// How messages name the field: `三级指标 (name)`.
        var label: String {
            if FieldSet.indicator.field(key) != nil { return FieldSet.indicator.name(key) }
            if FieldSet.monitoredIndicator.field(key) != nil { return FieldSet.monitoredIndicator.name(key) }
            return headers[0]
        }

        /// The field a header key names: one of the spellings, or a month's progress (`1-6月执行情况`,
        /// `截至6月底执行情况`).
        static func named(_ key: String) -> Field? {
            if let field = allCases.first(where: { $0.headers.contains(key) }) { return field }
            return key.range(of: #"^(截至|截止)?([0-9]{1,2}[-－—–~～至到])?[0-9]{1,2}月(底|末)?(累计)?(执行情况|执行进度|完成情况)$"#, options: .regularExpression) != nil
                ? .progress : nil
        }
    }


    var index: [Field: Int]
    /// The header's cells, to name the column a value was printed in.
    var titles: [Int: String]
    /// How many columns the header has.
    var count: Int
    var line: Int

    /// The columns of a form that ticks a category instead of writing it (偏差原因分析 over 经费保障, 制度保障 …;
    /// 完成目标可能性 over 确定能, 有可能, 完全不可能): the field and the category each column stands for.
    var ticks: [Int: (field: Field, value: String)] = [:]

    func has(_ field: Field) -> Bool { index[field] != nil }

    /// The header's title of a column (`一级指标`), for messages.
    func title(_ column: Int) -> String {
        titles[column] ?? "column \(column + 1)"
    }

    /// The fields after `field`, in the order of their columns.
    func fields(after field: Field) -> [Field] {
        guard let start = index[field] else { return [] }
        return index.filter { $0.value > start }.sorted { $0.value < $1.value }.map(\.key)
    }

    /// A row that names 三级指标 beside 一级指标 or 二级指标, and a target column; nil for any other row.
    static func header(_ row: FormRow) -> IndicatorColumns? {
        var index: [Field: Int] = [:]
        var titles: [Int: String] = [:]
        var ticks: [Int: (field: Field, value: String)] = [:]
        for (column, cell) in row.cells.enumerated() where !cell.isEmpty {
            var key = FormText.key(cell.text)
            // The block's own label merged above a column title, in a header printed over two rows.
            if key.hasPrefix("绩效指标"), key.count > 4, key != "绩效指标描述" { key.removeFirst(4) }
            titles[column] = key
            if let field = Field.named(key) {
                if index[field] == nil { index[field] = column }
            } else if let tick = Self.tick(key) {
                ticks[column] = tick
            }
        }
        guard index[.name] != nil, index[.level1] != nil || index[.level2] != nil, index[.target] != nil else { return nil }
        return IndicatorColumns(index: index, titles: titles, count: row.cells.count, line: row.line, ticks: ticks)
    }
}

extension IndicatorColumns {
    /// The category a tick column's title ends in (`偏差原因分析经费保障`, or `经费保障` alone on a header's
    /// second row).
    static func tick(_ key: String) -> (field: Field, value: String)? {
        if let cause = DeviationCause.allCases.first(where: { key.hasSuffix($0.rawValue) }) { return (.reason, cause.rawValue) }
        if let likelihood = Likelihood.allCases.first(where: { key.hasSuffix($0.rawValue) }) { return (.likelihood, likelihood.rawValue) }
        return nil
    }

    /// Whether a row holds only tick-column titles: the second row of a header that ticks categories.
    static func isTickRow(_ row: FormRow) -> Bool {
        let filled = row.filled
        return !filled.isEmpty && filled.allSatisfy { tick(FormText.key($0.text)) != nil }
    }

    /// Whether a cell ticks its column: √, ✓, ✔, ☑, ●, 是.
    static func isTick(_ text: String) -> Bool {
        let compact = text.filter { !$0.isWhitespace }
        return ["√", "✓", "✔", "☑", "●", "是"].contains(compact)
    }
}
