import Foundation
import Testing
@testable import JixiaoModel

/// The review rules (R01–R10), one by one: a case that triggers each, and near-misses that do not.
@Suite struct ReviewRuleTests {
    /// An indicator by its levels, name and target.
    static func row(_ level1: String, _ level2: String, _ name: String, _ target: String, unit: String? = nil, weight: String? = nil,
                    actual: String? = nil) -> Indicator
    {
        Indicator(level1: level1, level2: level2, name: name, target: Target(parsing: target), unit: unit, weight: weight.map(d), actual: actual)
    }

    /// A complete, well-formed goal table: every category and kind, numbers where counted, the national split.
    static func sound(_ extra: [Indicator] = []) -> Project {
        var project = JixiaoModelTests.project(initial: "100", indicators: [
            Self.row("产出指标", "数量指标", "培训人次", "≥500", unit: "人次", weight: "20"),
            Self.row("产出指标", "质量指标", "合格率", "≥90%", weight: "10"),
            Self.row("产出指标", "时效指标", "完成时间", "2025年11月底前", weight: "10"),
            Self.row("产出指标", "成本指标", "人均培训成本", "≤1000元", weight: "10"),
            Self.row("效益指标", "社会效益指标", "就业率", "≥60%", weight: "30"),
            Self.row("满意度指标", "服务对象满意度指标", "学员满意度", "≥90%", weight: "10"),
        ] + extra)
        project.name = "技能培训项目"
        project.goal = "开展职业技能培训500人次，合格率达到90%以上。"
        return project
    }

    static func rules(_ findings: [ReviewFinding]) -> [ReviewRule] { findings.map(\.rule) }

    @Test func aSoundProjectHasNoFinding() {
        #expect(ProjectReview.findings(Self.sound(), settings: ReviewSettings()).isEmpty)
    }

    // R01
    @Test func missingCategoriesAreNamed() {
        var project = Self.sound()
        project.indicators.removeAll { $0.level1 == "满意度指标" }
        let found = ProjectReview.levels(project)
        #expect(Self.rules(found) == [.r01] && found[0].message.contains("满意度指标 is missing") && found[0].field == "indicators")
        project.indicators.removeAll { $0.level1 == "效益指标" }
        #expect(ProjectReview.levels(project).first?.message.contains("效益指标, 满意度指标 are missing") == true)
    }

    @Test func satisfactionMayBeDeclaredNotApplicable() {
        var project = Self.sound()
        project.indicators.removeAll { $0.level1 == "满意度指标" }
        project.satisfactionNotApplicable = "内部运转经费，无直接服务对象"
        #expect(ProjectReview.levels(project).isEmpty)
        // The declaration excuses 满意度 only.
        project.indicators.removeAll { $0.level1 == "效益指标" }
        #expect(ProjectReview.levels(project).first?.message.hasPrefix("一级指标 (level1) 效益指标 is missing") == true)
    }

    @Test func levelsAreKnownByTheirWord() {
        // 满意度 without 指标 still names the category (a near-miss).
        var project = Self.sound()
        project.indicators = project.indicators.map { var row = $0; if row.level1 == "满意度指标" { row.level1 = "满意度" }; return row }
        #expect(ProjectReview.levels(project).isEmpty)
    }

    // R02
    @Test func outputKindsAreAllAskedFor() {
        var project = Self.sound()
        project.indicators.removeAll { $0.level2 == "时效指标" || $0.level2 == "成本指标" }
        let found = ProjectReview.outputKinds(project)
        #expect(Self.rules(found) == [.r02] && found[0].message.hasPrefix("产出指标 has no 时效指标, 成本指标") && found[0].field == "indicators.0.level1")
    }

    @Test func costMayBeALevelOfItsOwn() {
        var project = Self.sound()
        project.indicators = project.indicators.map { var row = $0; if row.level2 == "成本指标" { row.level1 = "成本指标"; row.level2 = "经济成本指标" }; return row }
        #expect(ProjectReview.outputKinds(project).isEmpty)
    }

    // R03
    @Test func vagueTargetsWhereANumberIsAskedFor() {
        let project = Self.sound([Self.row("效益指标", "社会效益指标", "群众知晓率", "有所提升"), Self.row("效益指标", "社会效益指标", "社会影响", "有所提升"),
                                  Self.row("效益指标", "社会效益指标", "就业人数", "≥100人"), Self.row("效益指标", "社会效益指标", "服务水平", "明显提高")])
        let found = ProjectReview.vagueTargets(project)
        // 知晓率 asks for a number; 社会影响 and 服务水平 do not; 就业人数 has one.
        #expect(found.map(\.field) == ["indicators.6.target"])
        #expect(found.first?.message.contains("vague (有所) where the name asks for a number (率)") == true)
    }

    // R04
    @Test func qualitativeShareAboveAThird() {
        let three = JixiaoModelTests.project(indicators: [Self.row("产出指标", "数量指标", "a", "≥1"), Self.row("产出指标", "质量指标", "b", "≥2"), Self.row("效益指标", "社会效益指标", "c", "有效")])
        // One of three is a third exactly: not more than a third.
        #expect(ProjectReview.qualitativeShare(three, ReviewSettings().qualitativeShare).isEmpty)
        var two = three
        two.indicators[1] = Self.row("产出指标", "质量指标", "b", "良好")
        let found = ProjectReview.qualitativeShare(two, ReviewSettings().qualitativeShare)
        #expect(Self.rules(found) == [.r04] && found[0].message.hasPrefix("2 of the 3 indicators are qualitative (定性), more than a third"))
        // A site that allows more.
        #expect(ProjectReview.qualitativeShare(two, d("0.7")).isEmpty)
        #expect(ProjectReview.qualitativeShare(two, d("0.5")).first?.message.contains("more than 50%") == true)
    }

    // R05
    @Test func costAboveTheBudget() {
        // Budget 100 万元 = 1,000,000 元.
        let over = Self.sound([Self.row("产出指标", "成本指标", "设备采购成本", "≤120万元")])
        #expect(ProjectReview.costs(over).map(\.field) == ["indicators.6.target"])
        let inYuan = Self.sound([Self.row("产出指标", "成本指标", "设备采购成本", "≤1000001", unit: "元")])
        #expect(ProjectReview.costs(inYuan).count == 1)
        // Near-misses: exactly the budget, and a cost not in money.
        #expect(ProjectReview.costs(Self.sound([Self.row("产出指标", "成本指标", "设备采购成本", "≤100万元")])).isEmpty)
        #expect(ProjectReview.costs(Self.sound([Self.row("产出指标", "成本指标", "成本控制率", "≤120%")])).isEmpty)
        // Not a cost indicator.
        #expect(ProjectReview.costs(Self.sound([Self.row("产出指标", "数量指标", "带动投资", "≥500万元")])).isEmpty)
    }

    @Test func costAgainstAProjectInYuan() {
        var project = Self.sound([Self.row("产出指标", "成本指标", "设备采购成本", "≤2万元")])
        project.moneyUnit = .yuan
        project.funds = Funds(total: FundLine(initial: Amount("15000")))
        #expect(ProjectReview.costs(project).first?.message.contains("exceeds the project's budget of 15000 元") == true)
    }

    // R06
    @Test func satisfactionBelowTheFloor() {
        var project = Self.sound()
        project.indicators[5].target = Target(parsing: "≥75%")
        let found = ProjectReview.satisfaction(project, floor: 80)
        #expect(found.map(\.field) == ["indicators.5.target"] && found[0].message.contains("is below 80%"))
        // At the floor, and a floor a site lowers: nothing.
        project.indicators[5].target = Target(parsing: "≥80%")
        #expect(ProjectReview.satisfaction(project, floor: 80).isEmpty)
        project.indicators[5].target = Target(parsing: "≥75%")
        #expect(ProjectReview.satisfaction(project, floor: 70).isEmpty)
        // A complaint rate (≤) is no satisfaction target to raise.
        project.indicators[5].target = Target(parsing: "≤5%")
        #expect(ProjectReview.satisfaction(project, floor: 80).isEmpty)
    }

    // R09
    @Test func pointsOffTheNationalSplit() {
        var project = Self.sound()
        project.indicators[0].weight = 30
        project.indicators[4].weight = 20
        let found = ProjectReview.points(project)
        #expect(Self.rules(found) == [.r09] && found[0].message.contains("产出指标 60, 效益指标 20, 满意度指标 10, not 产出指标 50, 效益指标 30, 满意度指标 10"))
        // A goal table without points has none to judge.
        project.indicators = project.indicators.map { var row = $0; row.weight = nil; return row }
        #expect(ProjectReview.points(project).isEmpty)
    }

    // R10
    @Test func goalsMissingShortOrOnlyTheName() {
        var project = Self.sound()
        project.goal = ""
        #expect(ProjectReview.goal(project, minimum: 10).first?.message.hasSuffix("is missing: say what the project will achieve this year") == true)
        project.goal = "技能培训项目。"
        #expect(ProjectReview.goal(project, minimum: 10).first?.message.contains("only repeats the project's name") == true)
        project.goal = "**开展培训**"
        #expect(ProjectReview.goal(project, minimum: 10).first?.message.contains("has 4 characters, fewer than 10") == true)
        // Ten characters that say something: enough (Markdown marks and punctuation do not count).
        project.goal = "1. 全年培训五百人次以上。"
        #expect(ProjectReview.goal(project, minimum: 10).isEmpty)
        #expect(ProjectReview.goal(project, minimum: 20).count == 1)
    }

    // R07
    @Test func copiedIndicatorsAreFoundInTheUnit() {
        let first = Self.sound()
        var copy = Self.sound()
        copy.slug = "copy"
        copy.indicators.reverse()
        let found = SiteReview.copies(copy, in: [first])
        #expect(Self.rules(found) == [.r07] && found[0].message.contains("the same as those of 技能培训项目 (p.md)"))
        // One target differs: not a copy.
        copy.indicators[0].target = Target(parsing: "≥91%")
        #expect(SiteReview.copies(copy, in: [first]).isEmpty)
        // No project before it: nothing.
        #expect(SiteReview.copies(first, in: []).isEmpty)
    }

    // R08
    @Test func targetsWeakerThanTheYearBefore() {
        var before = Self.sound()
        before.indicators[0].actual = "620"
        before.indicators[4].actual = "70%"
        var now = Self.sound()
        now.indicators[0].target = Target(parsing: "≥450")  // below the target of 500
        now.indicators[4].target = Target(parsing: "≥65%")  // above the target of 60%, below the 70% reached
        now.indicators[3].target = Target(parsing: "≤1200元")  // a cost cap raised: weaker for ≤
        let found = SiteReview.weakerTargets(now, than: before, of: 2024)
        #expect(found.map(\.field) == ["indicators.0.target", "indicators.3.target", "indicators.4.target"])
        #expect(found[0].message.contains("is lower than the 2024 target ≥500"))
        #expect(found[1].message.contains("is higher than the 2024 target ≤1000元"))
        #expect(found[2].message.contains("is lower than the 2024 actual value 70%"))
        // Near-misses: as demanding as before, another unit of measure, a new indicator.
        var same = Self.sound()
        same.indicators[0].target = Target(parsing: "≥620")
        same.indicators[4].target = Target(parsing: "≥70%")
        #expect(SiteReview.weakerTargets(same, than: before, of: 2024).isEmpty)
        var otherUnit = Self.sound()
        otherUnit.indicators[0] = Self.row("产出指标", "数量指标", "培训人次", "≥4", unit: "期")
        // (就业率 stays at the 60% it had, short of the 70% reached.)
        #expect(SiteReview.weakerTargets(otherUnit, than: before, of: 2024).map(\.field) == ["indicators.4.target"])
    }

    @Test func siteSettingsRaiseLowerAndTurnOffRules() throws {
        var site = Site(years: [Year(year: 2025, units: [Unit(slug: "u", name: "单位", projects: [Self.sound(), {
            var copy = Self.sound()
            copy.slug = "copy"
            copy.goal = ""
            return copy
        }()])])])
        let found = SiteReview.review(site)
        #expect(found.map(\.rule) == [.r07, .r10] && found.allSatisfy { $0.severity == .warning })
        site.review.severities[.r07] = nil
        site.review.severities[.r10] = .error
        let changed = SiteReview.review(site)
        #expect(changed.map(\.rule) == [.r10] && changed[0].severity == .error)
        #expect(changed[0].project == ProjectAddress(year: 2025, unit: "u", project: "copy"))
        #expect(SiteReview.review(site, years: [2024]).isEmpty && SiteReview.review(site, units: ["other"]).isEmpty)
    }
}
