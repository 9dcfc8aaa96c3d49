import Foundation
import JixiaoModel

/// The label cells of a project form's upper part, by every spelling forms use (as keys: no spaces, no
/// `其中：`, no bracketed part). A value label's value is the next cell of its row that holds something
/// and is no label itself, or what follows its colon in the same cell (`项目名称：培训经费`); group labels
/// only announce what follows.
enum FormLabel: CaseIterable {
    case code, name, department, implementer, contact, category
    /// 部门名称 or 单位名称: the name on a department-wide sheet (部门整体支出绩效目标表 or 自评表).
    case unitName
    case total, fiscal, other, carryover, executionWeight, goal, purpose
    /// 投入目标 (万元): the funds rows beside and below it.
    case inputGroup
    /// 预算规模及资金用途: the funds beside it, the 资金用途 on the row below.
    case budgetGroup
    /// 资金支出计划（%）: months beside it, percents on the row below.
    case spendingPlan
    /// 绩效指标: the indicator block's own label.
    case indicators
    /// 项目资金 (万元): the self-evaluation's funds table.
    case fundsTable
    /// 年度总体目标: the self-evaluation's goal and outcome.
    case goalTable

    var keys: [String] {
        switch self {
        case .code: ["项目编码", "项目代码"]
        case .name: ["项目名称"]
        case .unitName: ["部门名称", "单位名称"]
        case .department: ["主管部门", "主管部门及代码", "主管单位"]
        case .implementer: ["实施单位", "项目实施单位", "项目单位"]
        case .contact: ["联系电话", "联系方式"]
        case .category: ["项目类别", "项目类型"]
        case .total: ["资金总额", "年度资金总额", "预算数", "项目资金总额", "年度预算数"]
        case .fiscal: ["财政拨款", "财政拨款数", "财政资金", "当年财政拨款"]
        case .other: ["非财政拨款", "非财政拨款数", "其他资金", "非财政资金"]
        case .carryover: ["上年结转资金", "上年结转"]
        case .executionWeight: ["预算执行率权重"]
        case .goal: ["年度目标", "绩效目标", "年度绩效目标", "项目年度目标"]
        case .purpose: ["资金用途"]
        case .inputGroup: ["投入目标"]
        case .budgetGroup: ["预算规模及资金用途", "预算规模及用途"]
        case .spendingPlan: ["资金支出计划"]
        case .indicators: ["绩效指标"]
        case .fundsTable: ["项目资金"]
        case .goalTable: ["年度总体目标"]
        }
    }

    /// Where a label's value goes in a project file, for locations and messages (`funds.fiscal`).
    var field: String? {
        switch self {
        case .code: "code"
        case .name, .unitName: "name"
        case .department: "department"
        case .implementer: "implementer"
        case .contact: "contact"
        case .category: "category"
        case .total: "funds.total"
        case .fiscal: "funds.fiscal"
        case .other: "funds.other"
        case .carryover: "funds.carryover"
        case .executionWeight: "execution_weight"
        case .goal: "goal"
        case .purpose: "purpose"
        default: nil
        }
    }

    /// Labels whose value is the next cell.
    var hasValue: Bool { field != nil }

    /// The funds key of a source-of-funds label.
    var fundsKey: String? {
        switch self {
        case .total: "total"
        case .fiscal: "fiscal"
        case .other: "other"
        case .carryover: "carryover"
        default: nil
        }
    }

    /// How messages name the label's field: `项目名称 (name)`, `当年财政拨款 (funds.fiscal)`.
    var shown: String {
        guard let field else { return keys[0] }
        if let key = fundsKey { return "\(FieldSet.funds.label(key) ?? keys[0]) (funds.\(key))" }
        return FieldSet.project.field(field) == nil ? keys[0] : FieldSet.project.name(field)
    }

    private static let byKey: [String: FormLabel] = {
        var map: [String: FormLabel] = [:]
        for label in allCases { for key in label.keys { map[key] = label } }
        return map
    }()

    /// The label a cell is, if any.
    static func of(_ text: String) -> FormLabel? { byKey[FormText.key(text)] }

    /// A value label and its value written in one cell (`项目名称：培训经费`), with the value's offset in the
    /// text.
    static func inline(_ text: String) -> (label: FormLabel, value: String, offset: Int)? {
        guard let colon = text.firstIndex(where: { $0 == "：" || $0 == ":" }), let label = of(String(text[..<colon])), label.hasValue else { return nil }
        let rest = text[text.index(after: colon)...]
        let value = Trim.whitespace(String(rest))
        guard !value.isEmpty else { return nil }
        let offset = text.distance(from: text.startIndex, to: colon) + 1 + rest.prefix { $0.isWhitespace }.count
        return (label, value, offset)
    }
}

/// The label cells of one row with their values.
extension FormRow {
    /// Each value label of the row with the cell that holds its value (nil when the next cell that holds
    /// something is another label, or there is none).
    var labelled: [(label: FormLabel, labelCell: FormCell, value: FormCell?)] {
        var found: [(FormLabel, FormCell, FormCell?)] = []
        let cells = self.cells
        for (index, cell) in cells.enumerated() where !cell.isEmpty {
            if let (label, value, offset) = FormLabel.inline(cell.text) {
                found.append((label, cell, FormCell(text: value, line: cell.line, column: cell.column + offset)))
                continue
            }
            guard let label = FormLabel.of(cell.text), label.hasValue else { continue }
            let next = cells[(index + 1)...].first { !$0.isEmpty }
            found.append((label, cell, next.flatMap { FormLabel.of($0.text) == nil ? $0 : nil }))
        }
        return found
    }

    /// Whether any cell of the row is the label, alone or with its value (`项目名称：培训经费`).
    func has(_ label: FormLabel) -> Bool {
        cells.contains { !$0.isEmpty && (FormLabel.of($0.text) == label || FormLabel.inline($0.text)?.label == label) }
    }
}
