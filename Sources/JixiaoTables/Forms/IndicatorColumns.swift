import Foundation
import JixiaoModel

/// The header row of a form's indicator block (一级指标, 二级指标, 三级指标 …): which column holds which
/// field. Goal tables and self-evaluations print different sets of columns; this names them all.
struct IndicatorColumns {
    enum Field: CaseIterable {
        case level1, level2, name, nature, direction, target, unit, weight, description, basis, note, actual, score, reason

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
            }
        }

        /// How messages name the field: `三级指标 (name)`.
        var label: String {
            FieldSet.indicator.field(key) == nil ? headers[0] : FieldSet.indicator.name(key)
        }
    }

    var index: [Field: Int]
    /// The header's cells, to name the column a value was printed in.
    var titles: [Int: String]
    /// How many columns the header has.
    var count: Int
    var line: Int

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
        for (column, cell) in row.cells.enumerated() where !cell.isEmpty {
            var key = FormText.key(cell.text)
            // The block's own label merged above a column title, in a header printed over two rows.
            if key.hasPrefix("绩效指标"), key.count > 4, key != "绩效指标描述" { key.removeFirst(4) }
            titles[column] = key
            if let field = Field.allCases.first(where: { $0.headers.contains(key) }), index[field] == nil {
                index[field] = column
            }
        }
        guard index[.name] != nil, index[.level1] != nil || index[.level2] != nil, index[.target] != nil else { return nil }
        return IndicatorColumns(index: index, titles: titles, count: row.cells.count, line: row.line)
    }
}
