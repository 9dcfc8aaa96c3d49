import JixiaoModel

/// A column of the 公开表 that belongs to the project (merged down its indicator rows).
enum ProjectColumn {
    /// 序号: the project's place in the unit.
    case serial
    /// 项目名称, linked to the project's pages.
    case name
    /// 项目单位: the unit's code and name (`982001-鄂尔多斯市工业和信息化局`).
    case unit
    case code
    case category
    case amount
    case goal
    /// 绩效指标 as published in one cell (`indicators_text`), a paragraph per line.
    case indicatorsText
}

/// How a built-in form lays out a unit's 公开表.
struct DisclosureLayout {
    /// Lines above the table (表15, 项目绩效目标表); `{单位}` and `{年度}` filled in. None: the national heading and caption.
    var titleLines: [String] = []
    /// 单位：万元 above the table rather than in the caption.
    var unitLine = false
    /// The project's columns with their headings, `{金额单位}` filled in.
    var projectColumns: [(column: ProjectColumn, heading: String)] = [
        (.name, "项目名称"), (.code, "项目编码"), (.category, "项目类别"), (.amount, "金额（{金额单位}）"), (.goal, "年度目标"),
    ]
    /// Whether 一级, 二级 and 三级指标 are columns of their own, and the indicator columns after them.
    var indicatorLevels = true
    /// Whether a run of rows under one 一级 or 二级 shares a merged cell, or each row prints its own.
    var mergesLevels = true
    var indicatorColumns: [IndicatorColumn] = [.target]
    /// Columns shown even when no project fills them (otherwise 项目编码 and 项目类别 only when given).
    var fixedColumns = false
    /// The 合计 row first, above the projects.
    var totalFirst = false
    var groupsThousands = true

    static func named(_ name: String) -> DisclosureLayout {
        switch name {
        case "ordos-table15":
            // 鄂尔多斯 表15 (seed 000): one wide table, a row per indicator, its sign and unit in columns of their own.
            DisclosureLayout(
                titleLines: ["表15", "项目绩效目标表"], unitLine: true,
                projectColumns: [(.name, "项目名称"), (.unit, "项目单位"), (.category, "项目类别"), (.amount, "预算数"), (.goal, "年度绩效目标")],
                mergesLevels: false, indicatorColumns: [.nature, .direction, .value, .unit, .weight], fixedColumns: true)
        case "menyuan":
            // 门源 (seed 002): numbered projects, the 合计 first, the indicators as published in one cell.
            DisclosureLayout(
                titleLines: ["{单位}{年度}年部门预算项目支出绩效目标公开表"],
                projectColumns: [(.serial, "单位编码"), (.name, "单位及项目名称"), (.amount, "金额({金额单位})"), (.goal, "绩效目标"),
                                 (.indicatorsText, "绩效指标")],
                indicatorLevels: false, indicatorColumns: [], fixedColumns: true, totalFirst: true, groupsThousands: false)
        default:
            DisclosureLayout()
        }
    }

    /// The project columns this unit's table prints.
    func projectColumns(for projects: [Project]) -> [(column: ProjectColumn, heading: String)] {
        guard !fixedColumns else { return projectColumns }
        return projectColumns.filter { entry in
            switch entry.column {
            case .code: projects.contains { $0.code != nil }
            case .category: projects.contains { $0.category != nil }
            case .indicatorsText: projects.contains { $0.indicatorsText != nil }
            default: true
            }
        }
    }
}
