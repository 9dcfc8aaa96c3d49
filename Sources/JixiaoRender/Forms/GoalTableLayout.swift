import JixiaoModel

/// A column of a goal table's indicators after 一级, 二级 and 三级指标.
enum IndicatorColumn: CaseIterable {
    /// 绩效指标描述.
    case description
    /// 指标性质.
    case nature
    /// 指标方向: the comparison as the target writes it (`大于等于`, `≥`).
    case direction
    /// 目标值: the target without its comparison, or the whole text of a qualitative one.
    case value
    /// 计量单位.
    case unit
    /// 指标值: the target as written, in one cell, with its 计量单位 when the target writes none.
    case target
    /// 分值, as written.
    case weight
    /// 指标值确定依据.
    case basis
    /// 备注.
    case note

    var heading: String {
        switch self {
        case .description: "绩效指标描述"
        case .nature: "指标性质"
        case .direction: "指标方向"
        case .value: "目标值"
        case .unit: "计量单位"
        case .target: "指标值"
        case .weight: "分值"
        case .basis: "指标值确定依据"
        case .note: "备注"
        }
    }

    var isNumeric: Bool { self == .weight }

    /// Whether `indicator` gives this column anything.
    func given(by indicator: Indicator) -> Bool {
        switch self {
        case .description: indicator.description != nil
        case .nature: indicator.nature != nil
        case .direction: !indicator.isQualitative && indicator.target.writesComparison
        case .value, .target: true
        case .unit: indicator.unit != nil
        case .weight: indicator.weight != nil
        case .basis: indicator.basis != nil
        case .note: indicator.note != nil
        }
    }

    /// What the column shows of `indicator`; `parts`: its target's `writtenParts`, when it is quantitative.
    fileprivate func text(_ indicator: Indicator, parts: (comparison: String, value: String)?) -> String {
        switch self {
        case .description: indicator.description ?? ""
        case .nature: indicator.nature?.rawValue ?? ""
        // A 定性 indicator's target is text, shown whole (`100%`, `2022年12月前`), its unit not again.
        case .direction: indicator.isQualitative ? "" : (parts ?? indicator.target.writtenParts).comparison
        case .value: indicator.isQualitative ? indicator.target.text : (parts ?? indicator.target.writtenParts).value
        case .unit: indicator.isQualitative && indicator.unit.map(indicator.target.text.contains) == true ? "" : indicator.unit ?? ""
        case .target: indicator.targetCell
        case .weight: indicator.weightText ?? ""
        case .basis: indicator.basis ?? ""
        case .note: indicator.note ?? ""
        }
    }
}

extension [IndicatorColumn] {
    /// What each column shows of `indicator`, its target's comparison and number read once for both
    /// their columns.
    func texts(of indicator: Indicator) -> [String] {
        let showsParts = !indicator.isQualitative && contains { $0 == .direction || $0 == .value }
        let parts = showsParts ? indicator.target.writtenParts : nil
        return map { $0.text(indicator, parts: parts) }
    }
}

/// How a built-in form lays out a project's 绩效目标表.
struct GoalTableLayout {
    /// The title, `{项目名称}`, `{序号}` and `{年度}` filled in per sheet.
    var title = "{项目名称}项目绩效目标表"
    var subtitle: String? = "（{年度}年）"
    /// Lines above the table: the unit's code with the implementing unit, and 单位：元.
    var unitLines = false
    /// The funds as 预算规模及资金用途 (预算数, 其中：财政资金, 其他资金), not as 投入目标.
    var budgetScale = false
    /// 主管部门 and 实施单位 rows.
    var showsUnits = true
    /// The goal's label: 年度目标, or 绩效目标.
    var goalLabel = "年度目标"
    var columns: [IndicatorColumn] = [.description, .nature, .direction, .value, .unit, .weight, .basis, .note]
    /// Whether every column is printed, filled or not; otherwise only the ones some indicator fills.
    var fixedColumns = false
    /// Amounts with thousands separators (`1,200.00`) rather than as written.
    var groupsThousands = true

    static func named(_ name: String) -> GoalTableLayout {
        switch name {
        case "ordos":
            // 鄂尔多斯 (seed 001): every column printed, 备注 included.
            GoalTableLayout(subtitle: "({年度}年)", columns: [.nature, .direction, .value, .unit, .weight, .note], fixedColumns: true,
                            groupsThousands: false)
        case "yutian":
            // 玉田 (seed 003): numbered titles, the unit's line and 单位：元, 指标值 as one cell.
            GoalTableLayout(title: "{序号}.{项目名称}绩效目标表", subtitle: nil, unitLines: true, budgetScale: true, showsUnits: false, goalLabel: "绩效目标",
                            columns: [.description, .target, .basis], fixedColumns: true, groupsThousands: false)
        default:
            GoalTableLayout()
        }
    }

    /// The columns this sheet prints for `indicators`.
    func columns(for indicators: [Indicator]) -> [IndicatorColumn] {
        fixedColumns ? columns : columns.filter { column in indicators.contains { column.given(by: $0) } }
    }
}
