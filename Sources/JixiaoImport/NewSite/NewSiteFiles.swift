/// The texts of a new site (`jixiao init`), every key explained.
enum NewSiteFiles {
    static let settings = """
        # Site settings (content/site.yaml). Every key is optional but `title`.
        title: 预算项目支出绩效信息公开   # 站点标题: the home page's heading and every page's title
        publisher: 示例单位               # 发布单位: shown in every page's footer
        base_url: /                       # 链接前缀: where the site is served, e.g. /jixiao/ below a portal
        unsafe_html: false                # 原始 HTML: true lets Markdown bodies carry raw HTML (off by default)
        office_files: true                # 办公文件: each sheet as .xlsx and .docx, each unit's data as JSON and CSV
        search: false                     # 站内搜索: true adds /search/ and a search box, indexed by Pagefind (script/ensure-deps installs it)
        # max_file_kb: 1024               # the largest content file read, in KB
        # max_table_kb: 20480             # the largest table (.csv, .xlsx) read, in KB
        # 表样: where the sheets follow a publisher's form; a unit's _unit.md may give its own.
        # forms:
        #   goal_table: {name: national}                 # national | ordos | yutian
        #   disclosure: {name: national}                 # national | ordos-table15 | menyuan
        #   monitoring: {name: national}                 # national | ticked (cause and likelihood ticked, a column each)
        #   overall_goal_table: {title: "{单位}部门整体绩效目标表"}
        #   overall_self_evaluation: {title: "{单位}{年度}年度部门整体支出绩效自评表"}
        #   self_evaluation:
        #     name: zibo                                 # national | zibo
        #     title: 项目支出绩效自评表                     # {项目名称}, {序号}, {年度} are filled in
        #     notes: [总分在80分以下项目未实现绩效目标的原因分析及拟采取的措施说明]
        #     signatures: [填报单位, 负责人, 填报日期]     # a line below the sheet, to sign
        # 评分规则: the national rules (财预〔2020〕10号) are the defaults shown; a unit's _unit.md may override them.
        rules:
          execution_weight: 10                                      # 预算执行率权重: points for the execution rate
          level1_weights: {产出指标: 50, 效益指标: 30, 满意度指标: 10}  # 一级指标分值: the expected split
          reverse_formula: ratio                                    # 反向指标公式: ratio or linear
          qualitative_default: floor                                # 定性指标默认得分: a rating without a score scores its band's floor
          decimals: 2                                               # 得分小数位: scores are rounded half-up to this
          grades: {优: 90, 良: 80, 中: 60}                          # 等级: the lowest total of each grade; below them 差
          overachieve: 1.3                                          # 超额完成倍数: an actual this many times the target asks for a reason
          execution_explain_below: 0.9                              # 执行率说明阈值: a lower execution rate asks for execution_reason
          monitoring_red: 20                                        # 红灯偏差: execution lagging time by more points is 红灯
          monitoring_yellow: 10                                     # 黄灯偏差: … by more points 黄灯
        # 网页元数据: what government-site inspections look for on every page; a unit's _unit.md may add its own.
        metadata:
          site_name: 预算项目支出绩效信息公开        # 网站名称 (SiteName)
          # site_domain: www.example.gov.cn         # 网站域名 (SiteDomain)
          # site_code: "1234000001"                 # 网站标识码 (SiteIDCode)
          column: 预算绩效                          # 栏目名称 (ColumnName)
          column_type: 信息公开                     # 栏目类别 (ColumnType)
          # keywords: 预算绩效,绩效目标              # 关键词 (Keywords)
          # publisher: 示例单位                     # 发布机构 (ContentSource); default: publisher above
          # published: 2026-01-15                   # 发布日期 (PubDate), shown above each unit's disclosure
          # written: 2026-01-10                     # 成文日期
          # index: "000000/2026-00001"              # 索引号
          # number: 示财〔2026〕1号                   # 文号
        # 审核: how `jixiao review` judges the goals. Each rule is a warning unless set to error, note or off:
        # R01 一级指标 missing, R02 产出指标 kinds, R03 vague targets, R04 too many 定性, R05 cost over budget,
        # R06 low satisfaction, R07 copied indicators, R08 weaker than last year, R09 points split, R10 goal text.
        review:
          # R01: warning
          # R02: warning
          # R03: warning
          # R04: warning
          # R05: error
          # R06: warning
          # R07: warning
          # R08: warning
          # R09: warning
          # R10: warning
          # qualitative_share: 0.5            # 定性指标占比上限: R04 above this share (a third by default)
          satisfaction_floor: 80                # 满意度目标下限: R06 below this percent
          goal_min_length: 10                   # 年度目标最少字数: R10 below this
          page: false                           # 审核意见页: true writes /<year>/<unit>/review/ on every build

        """

    static func unit(year: Int) -> String {
        """
        ---
        # The unit (单位): its name, code and money unit; every project file in this folder belongs to it.
        name: 示例单位              # 单位名称
        code: "000001"             # 单位编码: quoted, so that leading zeros stay
        money_unit: 万元            # 金额单位: 万元 or 元, the default of every project of the unit
        total: 80                  # 合计 as published: check says when the projects do not add up to it
        goal: 完成年度重点工作任务，提升服务质量。   # 部门整体绩效目标
        targets:                   # 分项绩效目标
          - name: 完成示例任务        # 目标名称
            goal: 按期完成示例项目。   # 绩效目标
            indicators: [完成任务数, 服务对象满意度]   # 绩效指标: the names of the indicators that serve it
        measures: 加强组织保障。      # 工作保障措施
        order: [goal-only, evaluated]   # 项目顺序: the projects' files (without .md) in the published order
        # rules: {execution_weight: 10}   # 评分规则: this unit's own, over those of site.yaml
        # 部门整体绩效: the department-wide sheet, written like a project's (its name the unit's unless given);
        # with actual values it is also the 部门整体支出绩效自评表 at /<year>/<unit>/self-evaluation/
        # overall:
        #   name: 示例单位
        #   funds: {fiscal: 100.00}
        #   goal: 完成部门年度工作目标。
        #   indicators:
        #     - {level1: 产出指标, level2: 数量指标, name: 完成任务数, target: "≥10", weight: 90}
        ---
        The text below the front matter is Markdown, shown on the unit's page (\(year)年度).

        """
    }

    static func goalProject(year: Int) -> String {
        """
        ---
        # A project's 绩效目标表: its funds, goal and indicators, published at the start of the year.
        name: 示例项目（绩效目标表）    # 项目名称
        code: "\(year)000001"         # 项目编码: quoted, so that every digit stays
        department: 示例单位           # 主管部门 (default: the unit's name)
        implementer: 示例单位          # 实施单位 (default: the unit's name)
        category: 专项业务类           # 项目类别
        contact: "0000-0000000"       # 联系电话
        money_unit: 万元               # 金额单位 (default: the unit's)
        purpose: 用于示例项目的实施。    # 资金用途
        # 项目资金: by source (当年财政拨款 fiscal, 上年结转资金 carryover, 其他资金 other) or as a total;
        # each a number (年初预算数) or {initial, budget, spent}.
        funds:
          fiscal: 50               # 当年财政拨款
          # carryover: 0           # 上年结转资金
          # other: 0               # 其他资金
          # total: 50              # 年度资金总额: with sources given, it must be their sum
        execution_weight: 10          # 预算执行率权重 (default: rules.execution_weight)
        spending_plan: {6: 50, 12: 100}   # 资金支出计划: cumulative percent spent by the end of each month
        goal: 按期完成示例项目，服务对象满意。   # 年度目标
        # 绩效指标: one entry per row of the table. The target (指标值) is a comparison and a number
        # (≥, >, =, ≤, < or 大于等于 …) with an optional unit, or text for a qualitative (定性) one.
        indicators:
          - level1: 产出指标          # 一级指标
            level2: 数量指标          # 二级指标
            name: 完成任务数          # 三级指标
            target: "≥10"            # 指标值: quote it, so that YAML keeps ≥, > and %
            unit: 项                 # 计量单位
            weight: 30               # 分值
            nature: 正向              # 指标性质: 正向, 反向 or 定性
            description: 全年完成的任务数量   # 绩效指标描述
            basis: 年度工作计划       # 指标值确定依据
            note: 示例               # 备注
          - level1: 产出指标
            level2: 时效指标
            name: 按时完成率
            target: "100%"
            weight: 20
          - level1: 效益指标
            level2: 社会效益指标
            name: 服务质量
            target: 有效提升          # text: a qualitative (定性) indicator
            weight: 30
          - level1: 满意度指标
            level2: 服务对象满意度指标
            name: 服务对象满意度
            target: "≥90%"
            weight: 10
        # 绩效指标原文: the indicators as a summary table publishes them in one cell, a line each;
        # shown as written by the menyuan 公开表 form (the indicators above are scored)
        # indicators_text: |
        #   一、产出指标
        #   1. 完成任务数≥10项
        # 绩效运行监控: mid-year monitoring, by the end of `month` (1–12); gives the project a light
        # monitoring:
        #   month: 6                    # 监控截至月份
        #   spent: 5.00                 # 1-N月执行数
        #   expected_spent: 12.00       # 全年预计执行数
        #   outcome: 已完成培训4期        # 总体目标执行情况: the 年度总体目标's 1-N月执行情况
        #   indicators:                 # by 三级指标; cause: 经费保障 … 其他; likelihood: 确定能, 有可能, 完全不可能
        #     - {name: 完成任务数, progress: "4", expected: "10", cause: 其他, likelihood: 确定能, measure: 按计划推进}
        ---
        Further text about the project (Markdown), shown below its goal table.

        """
    }

    static func evaluatedProject(year: Int) -> String {
        """
        ---
        # A project after the year: with 全年执行数 (spent) and every indicator's actual value it is also a
        # 绩效自评表, scored by the rules (the score is computed, never typed in).
        name: 示例项目（绩效自评表）
        code: "\(year)000002"
        funds:
          fiscal: {initial: 30, budget: 30, spent: 28.5}   # 年初预算数, 全年预算数 (A), 全年执行数 (B)
        goal: 完成示例任务。
        outcome: 全面完成年度目标。        # 目标实际完成情况
        execution_reason: 节约开支。       # 执行率偏低原因: asked for when 预算执行率 is below rules.execution_explain_below
        # satisfaction_not_applicable: 内部运转经费，无直接服务对象   # 满意度不适用原因: jixiao review then asks for no 满意度指标
        indicators:
          - level1: 产出指标
            level2: 数量指标
            name: 完成任务数
            target: "≥10"
            unit: 项
            weight: 50
            actual: "12"                  # 实际完成值
          - level1: 效益指标
            level2: 社会效益指标
            name: 服务质量
            target: 有效提升
            weight: 30
            actual: 部分提升
            rating: 部分达成              # 评级 of a 定性 indicator: 达成, 部分达成 or 未达成
            score: 21                     # 得分: an explicit score, within the rating's band (60%–80% of 30)
            reason: 部分任务延期完成。      # 偏差原因分析及改进措施: asked for when the score is below the weight
          - level1: 满意度指标
            level2: 服务对象满意度指标
            name: 服务对象满意度
            target: "≥90%"
            weight: 10
            actual: "95%"
        ---

        """
    }
}
