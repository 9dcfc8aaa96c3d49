/// How a built-in form lays out a project's 绩效自评表.
struct SelfEvaluationLayout {
    var title = "项目支出绩效自评表"
    var subtitle = "（{年度}年度）"
    var notes: [String] = []
    /// 单位：万元 above the table, and 项目资金（万元） as the funds' label; otherwise the unit is in the label.
    var unitLine = false
    /// The facts rows: pairs of label and value, in the form's order.
    var facts: [[Fact]] = [[.name], [.department, .contact], [.implementer]]
    var groupsThousands = true
    /// The 等级 beside the 总分.
    var showsGrade = true

    enum Fact {
        case name, department, implementer, contact

        /// The label of the fact on `header`'s sheet: 项目名称, or on a department-wide sheet 部门（单位）名称.
        func label(_ header: ProjectHeader) -> String {
            switch self {
            case .name: header.nameLabel
            case .department: "主管部门"
            case .implementer: "项目实施单位"
            case .contact: "联系电话"
            }
        }
    }

    static func named(_ name: String) -> SelfEvaluationLayout {
        switch name {
        case "zibo":
            // 淄博 (seed 004): 市级…, 单位：万元 above, 项目名称 with 主管部门, 项目实施单位 with 联系电话, no 等级.
            SelfEvaluationLayout(title: "市级预算项目支出绩效自评表", notes: ["总分在80分以下项目未实现绩效目标的原因分析及拟采取的措施说明"], unitLine: true,
                                 facts: [[.name, .department], [.implementer, .contact]], groupsThousands: false, showsGrade: false)
        default:
            SelfEvaluationLayout()
        }
    }
}
