/// What a content field holds, as the readers read it and the JSON Schemas (schema/*.json) describe it.
public enum FieldType: Sendable, Hashable {
    /// Text as written (a bare number is read as its digits).
    case text
    /// A code or telephone number: text whose every digit counts.
    case code
    /// An amount of money: digits with the decimals as published.
    case amount
    /// A number that is not negative.
    case number
    /// A whole number.
    case integer
    case boolean
    /// One of a fixed list of words (金额单位, 指标性质 …).
    case choice
    /// 年初预算数 as a number, or a mapping of initial / budget / spent.
    case fundSource
    /// A mapping of the named set's keys.
    case mapping(String)
    /// A list of mappings of the named set's keys.
    case list(String)
    /// A list of texts.
    case textList
    /// A mapping of names to numbers (一级指标分值, 等级).
    case numberMap
    /// A mapping of months to cumulative percents (资金支出计划).
    case monthPercents

    /// Written as a YAML number by the content writer (a source of funds written as one amount too).
    public var isNumeric: Bool { self == .amount || self == .number || self == .integer || self == .fundSource }
}

/// One key of a content mapping: its Chinese label (the wording of the published sheets), its type, and
/// whether every mapping of its kind needs it.
public struct Field: Sendable, Hashable {
    public let key: String
    public let label: String
    public let type: FieldType
    public let required: Bool

    public init(_ key: String, _ label: String, _ type: FieldType, required: Bool = false) {
        self.key = key
        self.label = label
        self.type = type
        self.required = required
    }
}

/// The keys one kind of mapping accepts, in the order they are written. Diagnostics name a field as
/// `分值 (weight)`; the readers, the content writer and the JSON Schemas all follow this table.
public struct FieldSet: Sendable {
    /// How diagnostics name the mapping (`unknown key … in indicator`).
    public let kind: String
    public let fields: [Field]

    public init(kind: String, fields: [Field]) {
        self.kind = kind
        self.fields = fields
    }

    public var keys: [String] { fields.map(\.key) }

    /// By index: `first(where:)` would copy each field it compares, and counting references to these
    /// shared tables from every core made them wait on each other.
    public func field(_ key: String) -> Field? {
        for index in fields.indices where fields[index].key == key { return fields[index] }
        return nil
    }

    public func label(_ key: String) -> String? {
        for index in fields.indices where fields[index].key == key { return fields[index].label }
        return nil
    }

    /// `分值 (weight)`, or the bare key when it has no label.
    public func name(_ key: String) -> String {
        label(key).map { "\($0) (\(key))" } ?? key
    }
}

extension FieldSet {
    public static let project = FieldSet(kind: "project", fields: [
        Field("name", "项目名称", .text, required: true), Field("code", "项目编码", .code),
        Field("department", "主管部门", .text), Field("implementer", "实施单位", .text), Field("category", "项目类别", .text),
        Field("contact", "联系电话", .code), Field("money_unit", "金额单位", .choice), Field("purpose", "资金用途", .text),
        Field("funds", "项目资金", .mapping("funds"), required: true), Field("execution_weight", "预算执行率权重", .number),
        Field("spending_plan", "资金支出计划", .monthPercents), Field("goal", "年度目标", .text, required: true),
        Field("outcome", "目标实际完成情况", .text), Field("execution_reason", "执行率偏低原因", .text),
        Field("indicators", "绩效指标", .list("indicator"), required: true),
        Field("indicators_text", "绩效指标原文", .text), Field("monitoring", "绩效运行监控", .mapping("monitoring")),
        Field("satisfaction_not_applicable", "满意度不适用原因", .text),
    ])

    /// `overall:` in `_unit.md`: the keys of a project's sheet, its name the unit's unless given.
    public static let overall = FieldSet(kind: "department-wide sheet", fields: project.fields.compactMap { field in
        switch field.key {
        case "code", "indicators_text", "monitoring", "satisfaction_not_applicable": nil
        case "name": Field("name", "名称", .text)
        default: field
        }
    })

    public static let monitoring = FieldSet(kind: "monitoring", fields: [
        Field("month", "监控截至月份", .integer, required: true), Field("spent", "1-N月执行数", .amount, required: true),
        Field("expected_spent", "全年预计执行数", .amount), Field("outcome", "总体目标执行情况", .text),
        Field("indicators", "指标监控", .list("monitoredIndicator")),
    ])

    public static let monitoredIndicator = FieldSet(kind: "monitored indicator", fields: [
        Field("name", "三级指标", .text, required: true), Field("progress", "1-N月执行情况", .text), Field("expected", "全年预计完成情况", .text),
        Field("cause", "偏差原因", .choice), Field("likelihood", "完成目标可能性", .choice), Field("measure", "纠偏措施", .text),
    ])

    public static let indicator = FieldSet(kind: "indicator", fields: [
        Field("level1", "一级指标", .text, required: true), Field("level2", "二级指标", .text, required: true),
        Field("name", "三级指标", .text, required: true), Field("target", "指标值", .text, required: true),
        Field("unit", "计量单位", .text), Field("weight", "分值", .number), Field("nature", "指标性质", .choice),
        Field("description", "绩效指标描述", .text), Field("basis", "指标值确定依据", .text), Field("note", "备注", .text),
        Field("actual", "实际完成值", .text), Field("rating", "评级", .choice), Field("score", "得分", .number),
        Field("reason", "偏差原因分析及改进措施", .text),
    ])

    public static let funds = FieldSet(kind: "funds", fields: [
        Field("fiscal", "当年财政拨款", .fundSource), Field("carryover", "上年结转资金", .fundSource),
        Field("other", "其他资金", .fundSource), Field("total", "年度资金总额", .fundSource),
    ])

    public static let fundLine = FieldSet(kind: "funds line", fields: [
        Field("initial", "年初预算数", .amount), Field("budget", "全年预算数", .amount), Field("spent", "全年执行数", .amount),
    ])

    public static let unit = FieldSet(kind: "unit", fields: [
        Field("name", "单位名称", .text, required: true), Field("code", "单位编码", .code), Field("money_unit", "金额单位", .choice),
        Field("total", "合计", .amount), Field("goal", "部门整体绩效目标", .text), Field("targets", "分项绩效目标", .list("unitTarget")),
        Field("measures", "工作保障措施", .text), Field("order", "项目顺序", .textList), Field("rules", "评分规则", .mapping("rules")),
        Field("forms", "表样", .mapping("forms")), Field("overall", "部门整体绩效", .mapping("overall")),
        Field("metadata", "网页元数据", .mapping("metadata")),
    ])

    public static let forms = FieldSet(kind: "forms", fields: [
        Field("goal_table", "绩效目标表", .mapping("form")), Field("self_evaluation", "绩效自评表", .mapping("form")),
        Field("disclosure", "公开表", .mapping("form")), Field("monitoring", "绩效运行监控表", .mapping("form")),
        Field("overall_goal_table", "部门整体绩效目标表", .mapping("form")), Field("overall_self_evaluation", "部门整体支出绩效自评表", .mapping("form")),
    ])

    public static let form = FieldSet(kind: "form", fields: [
        Field("name", "表样名称", .choice), Field("title", "标题", .text), Field("notes", "表下行", .textList),
        Field("signatures", "签字栏", .textList),
    ])

    public static let unitTarget = FieldSet(kind: "item goal", fields: [
        Field("name", "目标名称", .text, required: true), Field("goal", "绩效目标", .text), Field("indicators", "绩效指标", .textList),
    ])

    public static let site = FieldSet(kind: "site.yaml", fields: [
        Field("title", "站点标题", .text, required: true), Field("publisher", "发布单位", .text), Field("base_url", "链接前缀", .text),
        Field("unsafe_html", "原始 HTML", .boolean), Field("office_files", "办公文件", .boolean), Field("rules", "评分规则", .mapping("rules")),
        Field("max_file_kb", "文件大小上限", .integer), Field("max_table_kb", "表格大小上限", .integer),
        Field("forms", "表样", .mapping("forms")), Field("review", "审核", .mapping("review")),
        Field("metadata", "网页元数据", .mapping("metadata")), Field("search", "站内搜索", .boolean),
    ])

    /// `metadata:` in site.yaml and `_unit.md`: what government-site inspections look for on a page.
    public static let metadata = FieldSet(kind: "metadata", fields: [
        Field("site_name", "网站名称", .text), Field("site_domain", "网站域名", .text), Field("site_code", "网站标识码", .code),
        Field("column", "栏目名称", .text), Field("column_type", "栏目类别", .text), Field("keywords", "关键词", .text),
        Field("publisher", "发布机构", .text), Field("published", "发布日期", .text), Field("written", "成文日期", .text),
        Field("index", "索引号", .code), Field("number", "文号", .text),
    ])

    /// `review:` in site.yaml: each rule's severity, the rules' thresholds, the review page.
    public static let review = FieldSet(kind: "review", fields: ReviewRule.allCases.map { Field($0.rawValue, "审核规则", .choice) } + [
        Field("qualitative_share", "定性指标占比上限", .number), Field("satisfaction_floor", "满意度目标下限", .number),
        Field("goal_min_length", "年度目标最少字数", .integer), Field("page", "审核意见页", .boolean),
    ])

    public static let rules = FieldSet(kind: "rules", fields: [
        Field("execution_weight", "预算执行率权重", .number), Field("level1_weights", "一级指标分值", .numberMap),
        Field("reverse_formula", "反向指标公式", .choice), Field("qualitative_default", "定性指标默认得分", .choice),
        Field("decimals", "得分小数位", .integer), Field("grades", "等级", .numberMap), Field("overachieve", "超额完成倍数", .number),
        Field("execution_explain_below", "执行率说明阈值", .number), Field("monitoring_red", "红灯偏差", .number),
        Field("monitoring_yellow", "黄灯偏差", .number),
    ])

    /// Every set, by the name `.mapping` and `.list` types use.
    public static let all: [String: FieldSet] = [
        "project": project, "indicator": indicator, "funds": funds, "fundLine": fundLine, "unit": unit,
        "unitTarget": unitTarget, "site": site, "rules": rules, "forms": forms, "form": form, "monitoring": monitoring, "overall": overall,
        "monitoredIndicator": monitoredIndicator, "review": review, "metadata": metadata,
    ]
}
