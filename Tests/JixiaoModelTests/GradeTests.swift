import Foundation
import Testing
@testable import JixiaoModel

/// 总分 ≥ 90 优, ≥ 80 良, ≥ 60 中, otherwise 差; bounds inclusive.
struct GradeTests {
    @Test(arguments: [
        ("100", "优"), ("90", "优"), ("90.00", "优"), ("96.52", "优"),
        ("89.99", "良"), ("89.995", "良"), ("80", "良"),
        ("79.99", "中"), ("60", "中"),
        ("59.99", "差"), ("0", "差"),
    ])
    func nationalGrades(total: String, grade: String) {
        #expect(Rules().grade(for: d(total)) == grade)
    }

    @Test(arguments: [
        ("95", "A"), ("85", "A"), ("84.99", "B"), ("70", "B"), ("69.99", "C"),
    ])
    func customGrades(total: String, grade: String) {
        var rules = Rules()
        rules.grades = [("B", 70), ("A", 85)]  // order as written does not matter
        rules.lowestGrade = "C"
        #expect(rules.grade(for: d(total)) == grade)
    }

    @Test func customBoundsWithDecimals() {
        var rules = Rules()
        rules.grades = [("优", d("92.5")), ("良", 75), ("中", 60)]
        #expect(rules.grade(for: d("92.5")) == "优")
        #expect(rules.grade(for: d("92.49")) == "良")
        #expect(rules.grade(for: d("74.99")) == "中")
        #expect(rules.grade(for: d("59.99")) == "差")
    }

    @Test func defaults() {
        let rules = Rules()
        #expect(rules.executionWeight == 10)
        #expect(rules.decimals == 2)
        #expect(rules.reverseFormula == .ratio)
        #expect(rules.qualitativeDefault == .floor)
        #expect(rules.overachieve == d("1.3"))
        #expect(rules.executionExplainBelow == d("0.9"))
        #expect(rules.grades.map(\.name) == ["优", "良", "中"])
        #expect(rules.grades.map(\.minimum) == [90, 80, 60])
        #expect(rules.lowestGrade == "差")
        #expect(rules.level1Weights.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(rules.level1Weights.map(\.weight) == [50, 30, 10])
    }
}
