/// The keys each kind of mapping accepts, with the Chinese label users know them by.
/// Diagnostics name a field as `分值 (weight)`.
package struct FieldSet {
    let kind: String
    let labels: [(key: String, label: String)]

    func label(_ key: String) -> String? { labels.first { $0.key == key }?.label }

    /// `分值 (weight)`, or the bare key when it has no label.
    func name(_ key: String) -> String {
        label(key).map { "\($0) (\(key))" } ?? key
    }

    static let project = FieldSet(kind: "project", labels: [
        ("name", "项目名称"), ("code", "项目编码"), ("department", "主管部门"), ("implementer", "实施单位"),
        ("category", "项目类别"), ("contact", "联系电话"), ("money_unit", "金额单位"), ("purpose", "资金用途"),
        ("funds", "项目资金"), ("execution_weight", "预算执行率权重"), ("spending_plan", "资金支出计划"),
        ("goal", "年度目标"), ("outcome", "目标实际完成情况"), ("execution_reason", "执行率偏低原因"),
        ("indicators", "绩效指标"),
    ])

    static let indicator = FieldSet(kind: "indicator", labels: [
        ("level1", "一级指标"), ("level2", "二级指标"), ("name", "三级指标"), ("target", "指标值"),
        ("unit", "计量单位"), ("weight", "分值"), ("nature", "指标性质"), ("description", "绩效指标描述"),
        ("basis", "指标值确定依据"), ("note", "备注"), ("actual", "实际完成值"), ("rating", "评级"),
        ("score", "得分"), ("reason", "偏差原因分析及改进措施"),
    ])

    static let funds = FieldSet(kind: "funds", labels: [
        ("fiscal", "当年财政拨款"), ("carryover", "上年结转资金"), ("other", "其他资金"), ("total", "年度资金总额"),
    ])

    static let fundLine = FieldSet(kind: "funds line", labels: [
        ("initial", "年初预算数"), ("budget", "全年预算数"), ("spent", "全年执行数"),
    ])

    static let unit = FieldSet(kind: "unit", labels: [
        ("name", "单位名称"), ("code", "单位编码"), ("money_unit", "金额单位"), ("total", "合计"),
        ("goal", "部门整体绩效目标"), ("targets", "分项绩效目标"), ("measures", "工作保障措施"), ("rules", "评分规则"),
    ])

    static let unitTarget = FieldSet(kind: "item goal", labels: [
        ("name", "目标名称"), ("goal", "绩效目标"), ("indicators", "绩效指标"),
    ])

    static let site = FieldSet(kind: "site.yaml", labels: [
        ("title", "站点标题"), ("publisher", "发布单位"), ("base_url", "链接前缀"), ("unsafe_html", "原始 HTML"),
        ("rules", "评分规则"),
    ])

    static let rules = FieldSet(kind: "rules", labels: [
        ("execution_weight", "预算执行率权重"), ("level1_weights", "一级指标分值"), ("reverse_formula", "反向指标公式"),
        ("qualitative_default", "定性指标默认得分"), ("decimals", "得分小数位"), ("grades", "等级"),
        ("overachieve", "超额完成倍数"), ("execution_explain_below", "执行率说明阈值"),
    ])
}

/// The closest of `candidates` to a mistyped key, if one is close enough to be a typo.
package func suggestion(for key: String, among candidates: [String]) -> String? {
    let scored = candidates.map { ($0, editDistance(key.lowercased(), $0)) }
    guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
    return best.1 <= max(2, best.0.count / 3) ? best.0 : nil
}

package func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    var previous = Array(0 ... b.count)
    for i in 1 ... a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1 ... max(1, b.count) where !b.isEmpty {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
