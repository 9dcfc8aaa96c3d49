import Foundation
import Testing
@testable import JixiaoModel

struct TargetParsingTests {
    /// Every quantitative form of the Targets table (content-format.md): written → comparison, value, unit.
    @Test(arguments: [
        ("≥10", Comparison.atLeast, "10", String?.none),
        (">=10", .atLeast, "10", nil),
        ("大于等于10", .atLeast, "10", nil),
        (">10", .greater, "10", nil),
        ("大于10", .greater, "10", nil),
        ("≤60", .atMost, "60", nil),
        ("<=60", .atMost, "60", nil),
        ("小于等于60", .atMost, "60", nil),
        ("<100000", .less, "100000", nil),
        ("小于100000", .less, "100000", nil),
        ("=100", .equal, "100", nil),
        ("等于100", .equal, "100", nil),
        ("100", .equal, "100", nil),
        ("≥95%", .atLeast, "95", "%"),
        ("≥80百分比", .atLeast, "80", "%"),
        ("≤5起", .atMost, "5", "起"),
        ("2.4万元", .equal, "2.4", "万元"),
        ("≥ 10", .atLeast, "10", nil),
        ("≥\u{3000}10 %", .atLeast, "10", "%"),
        ("＞＝3 家", .atLeast, "3", "家"),
        (" ≤5 ", .atMost, "5", nil),
    ])
    func quantitative(written: String, comparison: Comparison, value: String, unit: String?) {
        let target = Target(parsing: written)
        #expect(target.text == written)
        #expect(!target.isQualitative)
        #expect(target.meaning == .quantitative(comparison, d(value), unit: unit))
        #expect(target.comparison == comparison)
        #expect(target.value == d(value))
        #expect(target.unit == unit)
    }

    /// The words clerks write around a number, and what Chinese input methods type: read as the
    /// comparison, number and unit they mean; the text is kept as written.
    @Test(arguments: [
        ("90%以上", Comparison.atLeast, "90", "%"),
        ("95%及以上", .atLeast, "95", "%"),
        ("不低于95%", .atLeast, "95", "%"),
        ("不少于10次", .atLeast, "10", "次"),
        ("至少3家", .atLeast, "3", "家"),
        ("达到95%以上", .atLeast, "95", "%"),
        ("达到 100 %", .atLeast, "100", "%"),
        ("不高于5%", .atMost, "5", "%"),
        ("不超过100万元", .atMost, "100", "万元"),
        ("控制在5天以内", .atMost, "5", "天"),
        ("控制在3%", .atMost, "3", "%"),
        ("3天以下", .atMost, "3", "天"),
        ("10人次及以下", .atMost, "10", "人次"),
        ("低于5%", .less, "5", "%"),
        ("超过20家", .greater, "20", "家"),
        ("≥９０%", .atLeast, "90", "%"),
        ("≥９０．５％", .atLeast, "90.5", "%"),
        ("＞=90%", .atLeast, "90", "%"),
        ("≥1,000", .atLeast, "1000", "%"),
        ("1,200", .equal, "1200", "%"),
        ("≥12,345.6万元", .atLeast, "12345.6", "万元"),
        ("100百分比", .equal, "100", "%"),
    ])
    func clerksWords(written: String, comparison: Comparison, value: String, unit: String) {
        let target = Target(parsing: written)
        let expectedUnit: String? = ["≥1,000", "1,200"].contains(written) ? nil : unit
        #expect(target.text == written)
        #expect(target.meaning == .quantitative(comparison, d(value), unit: expectedUnit), "\(written)")
    }

    /// Words that do not agree, separators out of place, and 以上 in running text stay qualitative.
    @Test(arguments: ["大于90%以下", "不超过5%以上", "以上级文件为准", "1,00", "12,34.5", "90%以上为优", "达标", "至少完成"])
    func wordsThatDoNotMakeAComparison(written: String) {
        #expect(Target(parsing: written).isQualitative, "\(written)")
    }

    /// Text that is no comparison and number is qualitative (定性), kept as written.
    @Test(arguments: ["按时完成", "有效提高", "2022年12月前", "7*24小时", "365天*24小时", "8小时/工作日现场支持"])
    func qualitative(written: String) {
        let target = Target(parsing: written)
        #expect(target.text == written)
        #expect(target.isQualitative)
        #expect(target.meaning == .qualitative)
        #expect(target.comparison == nil)
        #expect(target.value == nil)
        #expect(target.unit == nil)
    }

    /// A comparison without a number, a negative number and one too long to hold are problems; what
    /// reads as text stays text.
    @Test func problemsOfTargetsWrittenAsNumbers() {
        #expect(Target.problem(of: "≥") == .noNumber(.atLeast))
        #expect(Target.problem(of: "大于等于") == .noNumber(.atLeast))
        #expect(Target.problem(of: "≤%") == .noNumber(.atMost))
        #expect(Target.problem(of: " ＜ 百分比 ") == .noNumber(.less))
        #expect(Target.problem(of: "=") == .noNumber(.equal))
        #expect(Target.problem(of: "≥-5") == .negative(-5))
        #expect(Target.problem(of: "-3%") == .negative(-3))
        #expect(Target.problem(of: "达到-1") == .negative(-1))
        #expect(Target.problem(of: "≤ -0.5 万元") == .negative(d("-0.5")))
        #expect(Target.problem(of: "≥1234567890123456789012345678901234567890") == .tooManyDigits("1234567890123456789012345678901234567890"))
        for fine in ["≥10", "0", "≥0%", "按时完成", "10-20", "-", "达到预期", "达到", "超过", "不低于上年", "≥上年水平", "大于等于去年", "7*24小时", "≥-5天以内的说明文字很长"] {
            #expect(Target.problem(of: fine) == nil, "\(fine)")
        }
    }

    /// A parsed target's problem is the problem of its text, whatever the text: written from pieces of
    /// comparisons, numbers (full-width, grouped, negative, too long) and units.
    @Test func aParsedTargetsProblemIsItsTexts() {
        let pieces = ["≥", "＞＝", "大于等于", "达到", "不低于", "<", "=", "-", "－", "5", "９", "0.5", ",", "000", "12345678901234567890123456789012",
                      "%", "％", "百分比", "万元", "以上", "以内", " ", "　", "按时", "上年", ".", "*"]
        var generator = SystemRandomNumberGenerator()
        for _ in 0 ..< 20000 {
            let text = (0 ..< Int.random(in: 1 ... 5, using: &generator)).map { _ in pieces.randomElement(using: &generator)! }.joined()
            #expect(Target(parsing: text).problem == Target.problem(of: text), "\(text)")
        }
    }

    @Test func decimalValueIsExact() {
        #expect(Target(parsing: "2.4万元").value == Decimal(string: "2.4"))
        #expect(Target(parsing: "≥99.95%").value == Decimal(string: "99.95"))
    }

    @Test func comparisonDirectionAndChineseSpelling() {
        #expect(Comparison.atMost.isReverse)
        #expect(Comparison.less.isReverse)
        #expect(!Comparison.atLeast.isReverse)
        #expect(!Comparison.greater.isReverse)
        #expect(!Comparison.equal.isReverse)
        for comparison in Comparison.allCases {
            // 指标方向 as the CSV column writes it, followed by a number, reads back as the same comparison.
            #expect(Target(parsing: comparison.chinese + "10").comparison == comparison)
        }
    }

    @Test func indicatorTakesItsUnitFromTheTarget() {
        #expect(indicator("≥95%").unit == "%")
        #expect(indicator("≤5起").unit == "起")
        #expect(indicator("≥10", unit: "个").unit == "个")
        #expect(indicator("≥10").unit == nil)
    }

    @Test func indicatorIsQualitativeByTargetOrByNature() {
        #expect(indicator("按时完成").isQualitative)
        #expect(!indicator("≥10").isQualitative)
        #expect(indicator("≥10", nature: .qualitative).isQualitative)
        #expect(!indicator("≤5", nature: .reverse).isQualitative)
    }

    /// Whether a target writes its comparison, so that a sheet shows a 指标方向 only where the source gave one.
    @Test(arguments: [("≥10", true), ("10以上", true), ("不低于95%", true), ("＞=90%", true), ("100", false), ("100%", false),
                      ("2.4万元", false), ("有效提高", false), ("=100", true), ("等于100", true)])
    func writesComparison(written: String, writes: Bool) {
        #expect(Target(parsing: written).writesComparison == writes, "\(written)")
    }
}
