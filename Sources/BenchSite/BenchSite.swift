// jixiao-bench-site: writes a synthetic site for benchmarking `jixiao build`.
//
//     jixiao-bench-site <N> <folder> [--hugo]
//
// Creates <folder>/content/ (deleting an existing one first) with a site.yaml and N projects over
// three budget years, in units (u001, u002 …) of about 50 projects each. Every project has 20
// indicators (≥, ≤, = and 定性 targets) whose weights make 50/30/10 over 产出/效益/满意度 and 100 with
// the execution weight 10. Every second project carries year-end values (funds with spent, an actual
// value for every indicator, some deviations with a reason, some 定性 ratings with a score), so it
// gets a self-evaluation page. The output is deterministic: each project draws from its own
// fixed-seed generator, so the files are the same whichever order they are written in. With --hugo it
// also writes <folder>/hugo/, the same site for Hugo (HugoTwin.swift). Foundation only.
import Foundation

// MARK: Deterministic numbers

/// SplitMix64: a fixed-seed generator, one per project so generation can run on all cores.
struct Generator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x2545_F491_4F6C_DD1D }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// 0 ..< bound.
    mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }

    /// lower ... upper.
    mutating func within(_ lower: Int, _ upper: Int) -> Int { lower + below(upper - lower + 1) }

    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }

    /// True with probability 1 / n.
    mutating func oneIn(_ n: Int) -> Bool { below(n) == 0 }
}

/// An amount in fen (1/100 of the money unit), written with two decimals: 1234.50.
func money(_ cents: Int) -> String {
    let whole = cents / 100, part = cents % 100
    return part < 10 ? "\(whole).0\(part)" : "\(whole).\(part)"
}

/// A score with up to two decimals, from hundredths: 350 → 3.5, 420 → 4.2, 400 → 4.
func hundredths(_ value: Int) -> String {
    let whole = value / 100, part = value % 100
    if part == 0 { return "\(whole)" }
    if part % 10 == 0 { return "\(whole).\(part / 10)" }
    return part < 10 ? "\(whole).0\(part)" : "\(whole).\(part)"
}

func padded(_ number: Int, _ width: Int) -> String {
    let digits = String(number)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

// MARK: Words

enum Words {
    static let places = ["东城区", "西湖区", "高新区", "经开区", "滨海新区", "北山县", "南河县", "青石镇", "临江市", "金川区",
                         "龙泉县", "白云区", "红星街道", "长宁区", "平安县"]
    static let departments = ["工业和信息化局", "发展和改革委员会", "财政局", "教育局", "卫生健康委员会", "农业农村局",
                              "生态环境局", "交通运输局", "住房和城乡建设局", "市场监督管理局", "应急管理局", "文化和旅游局",
                              "行政审批和政务服务局", "人力资源和社会保障局", "退役军人事务局", "自然资源局", "水利局", "民政局"]
    static let subjects = ["工业技术改造", "中小企业公共服务平台", "数字经济发展", "政务服务能力提升", "安全生产监管执法",
                           "节能减排与绿色制造", "高层次人才引进培养", "产业园区基础设施建设", "信息化系统运行维护",
                           "科技创新平台建设", "农村公路养护", "城乡环境综合整治", "公共文化服务体系建设", "食品药品安全抽检",
                           "困难群众社会救助", "退役军人服务保障", "生态环境质量监测", "应急物资储备", "义务教育均衡发展",
                           "基层医疗卫生服务", "高标准农田建设", "河湖长制工作", "智慧城市运营管理", "老旧小区改造",
                           "就业创业服务", "党的建设和意识形态工作", "标准化建设", "特种设备安全监察"]
    static let suffixes = ["专项资金", "工作经费", "补助资金", "项目", "专项经费", "运行维护经费", "奖补资金"]
    static let categories = ["部门预算项目", "专项资金项目", "其他项目", "经常性项目", "一次性项目"]
    static let goalOpenings = ["围绕年度重点工作任务，", "认真贯彻落实上级决策部署，", "坚持以人民为中心的发展思想，",
                               "按照“保基本、强基层、建机制”的要求，", "立足部门职能定位，", "以高质量发展为主线，"]
    static let goalActions = ["统筹安排项目资金，加强全过程预算绩效管理，", "完善工作机制，健全制度体系，规范资金使用，",
                              "加大政策支持力度，推动项目按期开工建设，", "强化督导检查，确保各项任务落到实处，",
                              "优化服务流程，提高办事效率和服务质量，", "加强部门协同配合，形成工作合力，"]
    static let goalResults = ["有效提升公共服务水平和群众满意度，", "促进区域经济社会持续健康发展，",
                              "切实保障人民群众生命财产安全，", "推动产业转型升级和提质增效，",
                              "进一步改善生产生活环境，", "增强基层治理能力和综合保障能力，"]
    static let goalEndings = ["确保年度绩效目标全面完成。", "为全面建设社会主义现代化提供有力支撑。",
                              "实现经济效益、社会效益和生态效益相统一。", "不断增强人民群众的获得感、幸福感、安全感。"]
    static let countNames: [(name: String, unit: String, low: Int, high: Int)] = [
        ("开展专项培训次数", "次", 4, 24), ("支持企业数量", "家", 10, 120), ("完成检查项目数", "个", 20, 300),
        ("服务群众人次", "人次", 500, 20000), ("新建改造项目数", "项", 3, 40), ("组织宣传活动场次", "场", 5, 60),
        ("发放补助对象数量", "户", 100, 5000), ("抽检样品批次", "批次", 50, 1500), ("维护设备台数", "台", 20, 400),
        ("完成巡查里程", "公里", 100, 3000), ("培育示范单位数量", "个", 2, 30), ("编制规划方案数", "份", 1, 12)]
    static let equalNames: [(name: String, unit: String, low: Int, high: Int)] = [
        ("编印工作简报期数", "期", 4, 12), ("召开联席会议次数", "次", 2, 12), ("开展季度督查次数", "次", 4, 4),
        ("发布信息公开报告份数", "份", 1, 4)]
    static let qualityRates = ["项目验收合格率", "检查覆盖率", "资金拨付准确率", "问题整改完成率", "数据准确率", "服务事项办结率"]
    static let qualityTargets = [("工作完成质量", "符合相关标准"), ("资料归档规范性", "规范完整"),
                                 ("项目建设质量", "达到设计要求"), ("服务规范化程度", "明显提高")]
    static let timelinessNames = ["任务完成及时性", "资金拨付及时性", "项目开工时间", "年度任务完成时间"]
    static let timelinessTargets = ["按时完成", "及时", "按计划推进"]
    static let costNames = ["项目总成本", "年度运行成本", "人均培训成本控制", "单位建设成本"]
    static let economicRates = [("带动相关产业增长率", "%"), ("节约财政资金比例", "%"), ("企业经营收入增长率", "%")]
    static let economicQualitative = [("促进地方经济发展", "有效促进"), ("降低企业运营成本", "明显降低"), ("助推企业提升经济效益", "是")]
    static let socialQualitative = [("公共服务水平", "显著提升"), ("群众办事便利程度", "明显提高"), ("社会治理能力", "有效增强"),
                                    ("社会稳定和安全形势", "持续向好")]
    static let socialCounts = [("受益群众人次", "人次", 1000, 50000), ("带动就业人数", "人", 20, 800), ("覆盖行政村数量", "个", 5, 120)]
    static let socialReverse = [("安全事故发生起数", "起", 1, 5), ("群众有效投诉件数", "件", 3, 20), ("重大问题发生次数", "次", 1, 3)]
    static let sustainable = [("长效管理机制", "建立健全"), ("持续发挥作用年限", "长期"), ("可持续发展能力", "持续提升"),
                              ("生态环境改善程度", "逐步改善")]
    static let satisfactionNames = ["服务对象满意度", "受益群众满意度", "企业满意度", "社会公众满意度", "参训人员满意度"]
    static let shortfallReasons = ["受外部因素影响部分工作推迟实施，下一步将加强统筹调度，确保按期完成。",
                                   "实际需求低于年初预期，今后将结合实际科学合理设定绩效目标。",
                                   "项目前期手续办理时间较长，后续将提前谋划，加快推进进度。",
                                   "部分服务对象参与积极性不高，将进一步加大宣传引导力度。"]
    static let ratingReasons = ["部分任务尚在推进中，已制定整改措施，明确时间节点，下一年度持续跟进。",
                                "工作效果初步显现但仍有提升空间，将总结经验，完善长效机制。"]
}

// MARK: Indicators

/// One indicator as it will be written.
struct IndicatorLine {
    var level1: String
    var level2: String
    var name: String
    var target: String
    var unit: String?
    var nature: String
    var weight: Int
    var description: String?
    // Year-end values.
    var actual: String?
    var rating: String?
    var score: String?
    var reason: String?
}

/// The 20 indicators of a project: 产出 10 (50 points), 效益 7 (30), 满意度 3 (10).
func indicators(_ random: inout Generator, year: Int, costCents: Int, evaluated: Bool, spentCents: Int) -> [IndicatorLine] {
    var lines: [IndicatorLine] = []
    var weights = [6, 5, 5, 5, 6, 5, 4, 4, 4, 6,  // 产出指标: 50
                   5, 4, 5, 4, 4, 4, 4,  // 效益指标: 30
                   4, 3, 3]  // 满意度指标: 10
    // Move a point between two indicators of the same group: sums stay 50/30/10.
    for group in [0 ..< 10, 10 ..< 17] {
        let from = random.within(group.lowerBound, group.upperBound - 1)
        let to = random.within(group.lowerBound, group.upperBound - 1)
        if from != to, weights[from] > 2 { weights[from] -= 1; weights[to] += 1 }
    }

    func atLeast(_ level1: String, _ level2: String, _ name: String, _ unit: String, _ target: Int) -> IndicatorLine {
        IndicatorLine(level1: level1, level2: level2, name: name, target: "≥\(target)", unit: unit, nature: "正向", weight: 0)
    }

    // 产出指标
    var counts = Words.countNames
    for _ in 0 ..< 3 {
        let item = counts.remove(at: random.below(counts.count))
        lines.append(atLeast("产出指标", "数量指标", item.name, item.unit, random.within(item.low, item.high)))
    }
    let equal = random.pick(Words.equalNames)
    lines.append(IndicatorLine(level1: "产出指标", level2: "数量指标", name: equal.name, target: "=\(random.within(equal.low, equal.high))",
                               unit: equal.unit, nature: "正向", weight: 0))
    var rates = Words.qualityRates
    let rate1 = rates.remove(at: random.below(rates.count))
    lines.append(IndicatorLine(level1: "产出指标", level2: "质量指标", name: rate1, target: "=100", unit: "%", nature: "正向", weight: 0,
                               description: "反映\(rate1.dropLast(1))情况，以实际完成数占计划数的比例计算。"))
    lines.append(atLeast("产出指标", "质量指标", rates[random.below(rates.count)], "%", random.pick([90, 95, 98])))
    let quality = random.pick(Words.qualityTargets)
    lines.append(IndicatorLine(level1: "产出指标", level2: "质量指标", name: quality.0, target: quality.1, nature: "定性", weight: 0))
    lines.append(IndicatorLine(level1: "产出指标", level2: "时效指标", name: random.pick(Words.timelinessNames),
                               target: random.pick(Words.timelinessTargets), nature: "定性", weight: 0))
    lines.append(IndicatorLine(level1: "产出指标", level2: "时效指标", name: "项目完成时间", target: "\(year)年12月前", nature: "定性", weight: 0))
    lines.append(IndicatorLine(level1: "产出指标", level2: "成本指标", name: random.pick(Words.costNames), target: "≤\(money(costCents))",
                               unit: "万元", nature: "反向", weight: 0, description: "项目成本控制在预算范围以内。"))
    // 效益指标
    let economic = random.pick(Words.economicRates)
    lines.append(atLeast("效益指标", "经济效益指标", economic.0, economic.1, random.within(3, 15)))
    let economicText = random.pick(Words.economicQualitative)
    lines.append(IndicatorLine(level1: "效益指标", level2: "经济效益指标", name: economicText.0, target: economicText.1, nature: "定性", weight: 0))
    let social = random.pick(Words.socialQualitative)
    lines.append(IndicatorLine(level1: "效益指标", level2: "社会效益指标", name: social.0, target: social.1, nature: "定性", weight: 0))
    let socialCount = random.pick(Words.socialCounts)
    lines.append(atLeast("效益指标", "社会效益指标", socialCount.0, socialCount.1, random.within(socialCount.2, socialCount.3)))
    let reverse = random.pick(Words.socialReverse)
    lines.append(IndicatorLine(level1: "效益指标", level2: "社会效益指标", name: reverse.0, target: "≤\(random.within(reverse.2, reverse.3))",
                               unit: reverse.1, nature: "反向", weight: 0))
    var sustainable = Words.sustainable
    for _ in 0 ..< 2 {
        let item = sustainable.remove(at: random.below(sustainable.count))
        lines.append(IndicatorLine(level1: "效益指标", level2: "可持续影响指标", name: item.0, target: item.1, nature: "定性", weight: 0))
    }
    // 满意度指标
    var names = Words.satisfactionNames
    for target in [90, 85, 95] {
        let name = names.remove(at: random.below(names.count))
        lines.append(atLeast("满意度指标", "服务对象满意度指标", name, "%", target))
    }
    for index in lines.indices { lines[index].weight = weights[index] }

    guard evaluated else { return lines }
    for index in lines.indices {
        fillActual(&lines[index], &random, year: year, spentCents: spentCents)
    }
    return lines
}

/// The year-end value of an indicator: mostly met, sometimes short with a reason, 定性 sometimes rated.
func fillActual(_ line: inout IndicatorLine, _ random: inout Generator, year: Int, spentCents: Int) {
    let target = line.target
    if line.nature == "定性" {
        switch random.below(8) {
        case 0:  // 部分达成: 60% ≤ score < 80% of the weight
            line.actual = "基本\(target.hasSuffix("前") ? "按期完成" : target)"
            line.rating = "部分达成"
            line.score = hundredths(line.weight * 70)
            line.reason = random.pick(Words.ratingReasons)
        case 1:  // 达成 below full points: 80% ≤ score ≤ 100%
            line.actual = target.hasSuffix("前") ? "\(year)年12月完成" : "已\(target)"
            line.rating = "达成"
            line.score = hundredths(line.weight * 90)
            line.reason = random.pick(Words.ratingReasons)
        default:  // the actual text is the target: full points
            line.actual = target
        }
        return
    }
    let value = Int(target.drop { !$0.isNumber }.prefix { $0.isNumber }) ?? 0
    if target.hasPrefix("≤") {
        if line.unit == "万元" {
            line.actual = money(spentCents)  // the cost target is the budget; spent is within it
        } else if random.oneIn(10) {
            line.actual = "\(value + 1)"
            line.reason = random.pick(Words.shortfallReasons)
        } else {
            line.actual = "\(random.within(0, value))"
        }
    } else if target.hasPrefix("=") {
        if random.oneIn(10), value > 1 {
            line.actual = "\(value * 9 / 10)"
            line.reason = random.pick(Words.shortfallReasons)
        } else {
            line.actual = "\(value)"
        }
    } else {  // ≥
        if random.oneIn(8) {
            line.actual = "\(max(0, value * random.within(70, 95) / 100))"
            if Int(line.actual!)! < value { line.reason = random.pick(Words.shortfallReasons) }
        } else if line.unit == "%" {
            line.actual = "\(min(100, value + value * random.within(0, 20) / 100))"
        } else {
            line.actual = "\(value + value * random.within(0, 20) / 100)"  // below 1.3 × target: no overachievement warning
        }
    }
}

// MARK: Files

/// YAML double-quoted scalar; the generated text holds no `"` or `\`.
func quoted(_ text: String) -> String { "\"\(text)\"" }

func projectFile(index: Int, year: Int, unitName: String) -> (slug: String, text: String, initialCents: Int) {
    var random = Generator(seed: UInt64(index) &+ 0x6A69_7869_616F)
    let evaluated = index % 2 == 1
    let code = "1506\(year)\(padded(index, 8))"
    let place = random.pick(Words.places)
    let name = "\(year)年度\(place)\(random.pick(Words.subjects))\(random.pick(Words.suffixes))"
    let initial = random.within(1_000, 300_000)  // 10.00 … 3,000.00 万元, in fen
    let budget = random.oneIn(4) ? initial + random.within(-initial / 10, initial / 5) / 10 * 10 : initial
    let lowExecution = random.oneIn(20)
    let spent = lowExecution ? budget * random.within(60, 85) / 100 : budget * random.within(920, 1000) / 1000
    let carryover = evaluated && random.oneIn(5) ? random.within(100, 5_000) * 10 : 0

    var out = ""
    out.reserveCapacity(9_000)
    out += "---\n"
    out += "name: \(quoted(name))\n"
    out += "code: \(quoted(code))\n"
    out += "department: \(quoted(unitName))\n"
    out += "implementer: \(quoted(unitName))\n"
    out += "category: \(random.pick(Words.categories))\n"
    out += "contact: \(quoted("0477-\(padded(random.within(3_000_000, 8_999_999), 7))"))\n"
    out += "money_unit: 万元\n"
    out += "purpose: 用于\(random.pick(Words.subjects))相关工作的组织实施、设备购置、宣传培训及运行保障等支出。\n"
    out += "funds:\n"
    if evaluated {
        out += "  fiscal: {initial: \(money(initial)), budget: \(money(budget)), spent: \(money(spent))}\n"
        if carryover > 0 {
            out += "  carryover: {initial: \(money(carryover)), budget: \(money(carryover)), spent: \(money(carryover))}\n"
        }
    } else {
        out += "  fiscal: \(money(initial))\n"
        out += "  other: 0.00\n"
    }
    out += "execution_weight: 10\n"
    if random.oneIn(3) { out += "spending_plan: {3: 25, 6: 50, 9: 75, 12: 100}\n" }
    out += "goal: |\n  \(random.pick(Words.goalOpenings))\(random.pick(Words.goalActions))\(random.pick(Words.goalActions))"
    out += "\(random.pick(Words.goalResults))\(random.pick(Words.goalResults))\(random.pick(Words.goalEndings))\n"
    if evaluated {
        out += "outcome: |\n  项目已按计划实施完毕，\(random.pick(Words.goalResults))年度绩效目标总体完成，个别指标存在偏差，已分析原因并提出改进措施。\n"
        if lowExecution {
            out += "execution_reason: 部分合同款项按约定于次年支付，项目结余资金已按规定收回统筹使用。\n"
        }
    }
    out += "indicators:\n"
    for line in indicators(&random, year: year, costCents: budget + carryover, evaluated: evaluated, spentCents: spent + carryover) {
        out += "  - level1: \(line.level1)\n"
        out += "    level2: \(line.level2)\n"
        out += "    name: \(quoted(line.name))\n"
        out += "    target: \(quoted(line.target))\n"
        if let unit = line.unit { out += "    unit: \(quoted(unit))\n" }
        out += "    weight: \(line.weight)\n"
        out += "    nature: \(line.nature)\n"
        if let description = line.description { out += "    description: \(quoted(description))\n" }
        if let actual = line.actual { out += "    actual: \(quoted(actual))\n" }
        if let rating = line.rating { out += "    rating: \(rating)\n" }
        if let score = line.score { out += "    score: \(score)\n" }
        if let reason = line.reason { out += "    reason: \(quoted(reason))\n" }
    }
    out += "---\n"
    out += "## 项目概况\n\n"
    out += "\(name)由\(unitName)组织实施，\(random.pick(Words.goalOpenings))\(random.pick(Words.goalActions))"
    out += "\(random.pick(Words.goalResults))\(random.pick(Words.goalEndings))\n\n"
    out += "## 资金使用\n\n- 资金来源：当年财政拨款\(carryover > 0 ? "、上年结转资金" : "")\n"
    out += "- 管理方式：专款专用、单独核算，严格执行**国库集中支付**制度\n"
    return (code, out, initial + carryover)
}

func unitFile(_ name: String, code: String, totalCents: Int, withGoal: Bool) -> String {
    var out = "---\nname: \(quoted(name))\ncode: \(quoted(code))\nmoney_unit: 万元\ntotal: \(money(totalCents))\n"
    if withGoal {
        out += "goal: |\n  坚持稳中求进工作总基调，完整、准确、全面贯彻新发展理念，聚焦部门主责主业，统筹推进各项重点工作，全面提升财政资金使用效益。\n"
        out += "measures: 完善制度建设，加强预算执行监控，强化绩效结果应用。\n"
    }
    out += "---\n\(name)预算项目支出绩效信息公开，金额单位为万元。\n"
    return out
}

let siteYAML = """
# Synthetic benchmark site written by jixiao-bench-site.
title: 预算项目支出绩效信息公开（基准测试）
publisher: jixiao 基准测试站点
base_url: /
unsafe_html: false
rules:
  execution_weight: 10
  level1_weights: {产出指标: 50, 效益指标: 30, 满意度指标: 10}
  reverse_formula: ratio
  qualitative_default: floor
  decimals: 2
  grades: {优: 90, 良: 80, 中: 60}
  overachieve: 1.3
  execution_explain_below: 0.9

"""

// MARK: Main

@main
enum BenchSite {
    static let years = [2022, 2023, 2024]

    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count == 3 || (arguments.count == 4 && arguments[3] == "--hugo"), let projectCount = Int(arguments[1]), projectCount > 0 else {
            fail("usage: jixiao-bench-site <N> <folder> [--hugo]   (N ≥ 1 projects; writes <folder>/content/, and <folder>/hugo/ with --hugo)", code: 2)
        }
        let content = URL(fileURLWithPath: arguments[2], isDirectory: true).appendingPathComponent("content", isDirectory: true)
        let fileManager = FileManager.default
        if fileManager.fileExists(atPath: content.path) {
            do { try fileManager.removeItem(at: content) } catch {
                fail("cannot delete \(content.path): \(error.localizedDescription)")
            }
        }
        do {
            for year in years {
                try fileManager.createDirectory(at: content.appendingPathComponent(String(year)), withIntermediateDirectories: true)
            }
        } catch {
            fail("cannot create \(content.path): \(error.localizedDescription)")
        }
        write(siteYAML, to: content.appendingPathComponent("site.yaml"))

        let started = Date()
        let unitCount = max(1, (projectCount + 25) / 50)
        // Units are written on all cores; each project's text depends only on its index.
        DispatchQueue.concurrentPerform(iterations: unitCount) { unit in
            writeUnit(unit, of: unitCount, projectCount: projectCount, content: content)
        }
        let milliseconds = Int(Date().timeIntervalSince(started) * 1000)
        FileHandle.standardError.write(Data("wrote \(projectCount) projects in \(unitCount) units over \(years.count) years into \(content.path) in \(milliseconds) ms\n".utf8))
        if arguments.count == 4 {
            do { try HugoTwin.write(content: content, into: content.deletingLastPathComponent()) } catch {
                fail("cannot write the Hugo twin: \(error.localizedDescription)")
            }
        }
    }

    /// Unit number `unit` (from 0): its folder, its projects and its _unit.md with their 合计.
    static func writeUnit(_ unit: Int, of unitCount: Int, projectCount: Int, content: URL) {
        let year = years[unit % years.count]
        let slug = "u\(padded(unit + 1, max(3, String(unitCount).count)))"
        let folder = content.appendingPathComponent(String(year)).appendingPathComponent(slug)
        do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
            fail("cannot create \(folder.path): \(error.localizedDescription)")
        }
        var random = Generator(seed: UInt64(unit) &+ 0x756E_6974)
        let unitName = "\(random.pick(Words.places))\(random.pick(Words.departments))（\(slug)）"
        var totalCents = 0
        for index in (unit * projectCount / unitCount) ..< ((unit + 1) * projectCount / unitCount) {
            let project = projectFile(index: index, year: year, unitName: unitName)
            totalCents += project.initialCents
            write(project.text, to: folder.appendingPathComponent(project.slug + ".md"))
        }
        write(unitFile(unitName, code: padded(900_000 + unit + 1, 6), totalCents: totalCents, withGoal: unit % 2 == 0),
              to: folder.appendingPathComponent("_unit.md"))
    }

    /// A plain write with open/write/close: Foundation's FileManager.createFile and Data.write go
    /// through a temporary file and fsync, which makes writing 10,000 files take seconds.
    static func write(_ text: String, to url: URL) {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { fail("cannot write \(url.path): \(String(cString: strerror(errno)))") }
        var text = text
        let written = text.withUTF8 { bytes in
            var offset = 0
            while offset < bytes.count {
                let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
                if count <= 0 { return false }
                offset += count
            }
            return true
        }
        if !written || close(descriptor) != 0 { fail("cannot write \(url.path): \(String(cString: strerror(errno)))") }
    }

    static func fail(_ message: String, code: Int32 = 1) -> Never {
        FileHandle.standardError.write(Data("jixiao-bench-site: \(message)\n".utf8))
        exit(code)
    }
}
