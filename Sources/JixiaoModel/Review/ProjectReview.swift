import Foundation

/// The review rules that judge one project's goal table by itself (R01–R06, R09, R10). Pure functions
/// of the project and the settings.
public enum ProjectReview {
    public static func findings(_ project: Project, settings: ReviewSettings) -> [ReviewFinding] {
        levels(project) + outputKinds(project) + vagueTargets(project) + qualitativeShare(project, settings.qualitativeShare)
            + costs(project) + satisfaction(project, floor: settings.satisfactionFloor) + points(project) + goal(project, minimum: settings.goalMinLength)
    }

    // MARK: R01, R02

    /// The framework's three 一级指标, by the word their names hold.
    static let categories = [("产出", "产出指标"), ("效益", "效益指标"), ("满意度", "满意度指标")]

    /// R01: every project measures 产出, 效益 and 满意度; a project whose 满意度 does not apply says why
    /// (`satisfaction_not_applicable`).
    public static func levels(_ project: Project) -> [ReviewFinding] {
        guard !project.indicators.isEmpty else { return [] }
        let missing = categories.filter { word, name in
            !project.indicators.contains { $0.level1.contains(word) }
                && !(name == "满意度指标" && project.satisfactionNotApplicable != nil)
        }.map(\.1)
        guard !missing.isEmpty else { return [] }
        let exemption = missing.contains("满意度指标") ? "; where 满意度 does not apply, say why in satisfaction_not_applicable" : ""
        return [ReviewFinding(.r01, "indicators", "\(Label.level1) \(missing.joined(separator: ", ")) \(missing.count == 1 ? "is" : "are") missing: "
            + "add at least one indicator under \(missing.count == 1 ? "it" : "each")\(exemption)",
            chinese: "缺少一级指标\(missing.joined(separator: "、"))，请至少设置一项" + (missing.contains("满意度指标") ? "；确无服务对象的，请在“满意度不适用原因”中说明" : ""))]
    }

    /// R02: 产出指标 measures 数量, 质量, 时效 and 成本 (成本指标 may be a 一级指标 of its own, as newer forms have it).
    public static func outputKinds(_ project: Project) -> [ReviewFinding] {
        let output = project.indicators.filter { $0.level1.contains("产出") }
        guard !output.isEmpty else { return [] }
        let costLevel1 = project.indicators.contains { $0.level1.contains("成本") }
        let missing = ["数量", "质量", "时效", "成本"].filter { word in
            !output.contains { $0.level2.contains(word) } && !(word == "成本" && costLevel1)
        }
        guard !missing.isEmpty else { return [] }
        let names = missing.map { $0 + "指标" }.joined(separator: ", ")
        let first = project.indicators.firstIndex { $0.level1.contains("产出") } ?? 0
        return [ReviewFinding(.r02, "indicators.\(first).level1", "产出指标 has no \(names): add \(missing.count == 1 ? "an indicator" : "indicators") of "
            + (missing.count == 1 ? "that kind" : "those kinds") + " under it",
            chinese: "产出指标下缺少\(missing.map { $0 + "指标" }.joined(separator: "、"))，请补充")]
    }

    // MARK: R03, R04

    /// Words of a target that promise a direction without a measure.
    static let vagueWords = ["有所", "明显", "显著", "进一步", "有效", "较好", "良好", "逐步", "稳步", "不断", "大幅", "提升", "提高", "改善", "增强", "加强"]
    /// Words of an indicator's name that ask for a number: a rate, a count, an amount, an area.
    static let countingWords = ["率", "数", "人次", "次数", "金额", "面积", "比例", "长度", "里程", "产量", "产值", "收入", "规模", "增长", "天"]

    /// R03: a qualitative target with vague wording where the indicator's name asks for a number.
    public static func vagueTargets(_ project: Project) -> [ReviewFinding] {
        project.indicators.enumerated().compactMap { index, indicator -> ReviewFinding? in
            guard indicator.target.isQualitative, let word = vagueWords.first(where: { indicator.target.text.contains($0) }),
                  let counting = countingWords.first(where: { indicator.name.contains($0) })
            else { return nil }
            return ReviewFinding(.r03, "indicators.\(index).target", "\(Label.target) \(Excerpt.of(indicator.target.text)) of \(indicator.name) "
                + "is vague (\(word)) where the name asks for a number (\(counting)): write the value to reach, e.g. ≥95%",
                chinese: "“\(indicator.name)”的指标值“\(indicator.target.text)”表述模糊（\(word)），该指标应可量化（\(counting)），请写明要达到的数值，如≥95%")
        }
    }

    /// R04: more than `share` of the indicators are qualitative.
    public static func qualitativeShare(_ project: Project, _ share: Decimal) -> [ReviewFinding] {
        let total = project.indicators.count
        let qualitative = project.indicators.filter(\.isQualitative).count
        guard total > 0, Decimal(qualitative) / Decimal(total) > share + Decimal(string: "0.0000000001")! else { return [] }
        return [ReviewFinding(.r04, "indicators", "\(qualitative) of the \(total) indicators are qualitative (定性), more than \(percent(share)): "
            + "give numbers where the work can be counted",
            chinese: "\(total)项指标中有\(qualitative)项为定性指标，超过\(share == Decimal(1) / Decimal(3) ? "三分之一" : percent(share))，可计量的工作请设置定量指标")]
    }

    // MARK: R05, R06

    /// How many 元 one of each money unit a target may be written in is.
    static let yuan: [String: Decimal] = ["元": 1, "千元": 1000, "万元": 10000, "亿元": 100_000_000]

    /// R05: a cost indicator (成本指标) whose target, in money, is more than the project's budget.
    public static func costs(_ project: Project) -> [ReviewFinding] {
        guard let budget = (project.funds.overall.budget ?? project.funds.overall.amount)?.value, budget > 0 else { return [] }
        let budgetYuan = budget * (yuan[project.moneyUnit.rawValue] ?? 1)
        return project.indicators.enumerated().compactMap { index, indicator -> ReviewFinding? in
            guard indicator.level1.contains("成本") || indicator.level2.contains("成本"), let value = indicator.target.value,
                  let unit = indicator.target.unit ?? indicator.unit.map(Target.normalizedUnit), let factor = yuan[unit], value * factor > budgetYuan
            else { return nil }
            return ReviewFinding(.r05, "indicators.\(index).target", "\(Label.target) \(Excerpt.of(indicator.target.text)) of the cost indicator \(indicator.name) "
                + "exceeds the project's budget of \(budget.plain) \(project.moneyUnit.rawValue): a cost cannot be more than the funds",
                chinese: "成本指标“\(indicator.name)”的指标值“\(indicator.target.text)”超过项目预算\(budget.plain)\(project.moneyUnit.rawValue)，请核实")
        }
    }

    /// R06: a satisfaction target (满意度) below `floor` percent.
    public static func satisfaction(_ project: Project, floor: Decimal) -> [ReviewFinding] {
        project.indicators.enumerated().compactMap { index, indicator -> ReviewFinding? in
            guard indicator.level1.contains("满意度") || indicator.level2.contains("满意度"),
                  let comparison = indicator.target.comparison, !comparison.isReverse, let value = indicator.target.value,
                  (indicator.target.unit ?? indicator.unit.map(Target.normalizedUnit)) == "%" || value <= 100, value < floor
            else { return nil }
            return ReviewFinding(.r06, "indicators.\(index).target", "\(Label.target) \(Excerpt.of(indicator.target.text)) of \(indicator.name) "
                + "is below \(floor.plain)%: a satisfaction target that low promises little; aim for at least \(floor.plain)%",
                chinese: "满意度指标“\(indicator.name)”的指标值“\(indicator.target.text)”低于\(floor.plain)%，请适当提高")
        }
    }

    // MARK: R09, R10

    /// R09: the points of the 一级指标 differ from the split the project's rules expect (the national
    /// 产出 50, 效益 30, 满意度 10 with 10 for execution). A goal table without points has none to judge.
    public static func points(_ project: Project) -> [ReviewFinding] {
        guard project.indicators.contains(where: { $0.weight != nil }) else { return [] }
        let actual = ProjectScoring.level1Points(project.indicators)
        let expected = project.rules.level1Weights
        let matches = actual.count == expected.count && expected.allSatisfy { group in actual.contains { $0.name == group.name && $0.weight == group.weight } }
        guard !matches else { return [] }
        let show = { (groups: [(name: String, weight: Decimal)]) in groups.map { "\($0.name) \($0.weight.plain)" }.joined(separator: ", ") }
        return [ReviewFinding(.r09, "indicators", "\(Label.level1) points are \(show(actual)), not \(show(expected)): "
            + "move \(Label.weight) between the groups to match the split",
            chinese: "一级指标分值为\(show(actual))，与规定的\(show(expected))不一致，请调整分值")]
    }

    /// R10: a 年度目标 that is missing, shorter than `minimum` characters, or only the project's name.
    public static func goal(_ project: Project, minimum: Int) -> [ReviewFinding] {
        let text = meaningful(project.goal)
        let name = meaningful(project.name)
        let label = FieldSet.project.name("goal")
        if text.isEmpty {
            return [ReviewFinding(.r10, "goal", "\(label) is missing: say what the project will achieve this year",
                                  chinese: "缺少年度目标，请写明项目本年度要达到的目标")]
        }
        if text == name || text == name + "项目" || (text.hasPrefix(name) && text.count - name.count <= 2) {
            return [ReviewFinding(.r10, "goal", "\(label) only repeats the project's name: say what it will achieve, how much and by when",
                                  chinese: "年度目标只重复了项目名称，请写明做什么、做多少、何时完成")]
        }
        if text.count < minimum {
            return [ReviewFinding(.r10, "goal", "\(label) has \(text.count) characters, fewer than \(minimum): say what the project will achieve, how much and by when",
                                  chinese: "年度目标只有\(text.count)个字，少于\(minimum)个字，请写明做什么、做多少、何时完成")]
        }
        return []
    }

    /// The characters of a text that carry meaning: no Markdown marks, spaces or punctuation.
    static func meaningful(_ text: String) -> String {
        String(text.unicodeScalars.filter { scalar in
            !(CharacterSet.whitespacesAndNewlines.contains(scalar) || CharacterSet.punctuationCharacters.contains(scalar)
                || CharacterSet.symbols.contains(scalar))
        }.map(Character.init))
    }

    static func percent(_ share: Decimal) -> String {
        share == Decimal(1) / Decimal(3) ? "a third" : "\((share * 100).roundedHalfUp(1).plain)%"
    }
}
