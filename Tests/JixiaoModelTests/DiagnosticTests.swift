import Testing
@testable import JixiaoModel

/// Diagnostics: stable codes, places, and the compiler-style line.
struct DiagnosticTests {
    @Test func codesAreUniqueAndInTheirStepsRange() {
        let numbers = DiagnosticCode.all.map(\.number)
        #expect(Set(numbers).count == numbers.count)
        #expect(numbers == numbers.sorted())
        #expect(numbers.allSatisfy { (101 ... 799).contains($0) })  // JX1xx … JX7xx
        #expect(DiagnosticCode.all.allSatisfy { !$0.meaning.isEmpty })
        #expect(DiagnosticCode.unknownKey.description == "JX101")
    }

    @Test func aPlacedDiagnosticPrintsCompilerStyle() {
        let diagnostic = Diagnostic.error(.unknownKey, "unknown key `x` in project", at: SourceLocation(file: "content/2022/a/b.md", line: 4, column: 3))
        #expect(diagnostic.description == "content/2022/a/b.md:4:3: error: unknown key `x` in project")
        #expect(diagnostic.isError)
    }

    @Test func oneWithoutAPlaceNamesOnlyItsSeverity() {
        #expect(Diagnostic.note(.noChineseFont, "no font", at: nil).description == "note: no font")
        #expect(Diagnostic.warning(.noChineseFont, "no font", at: nil).description == "warning: no font")
    }

    @Test func unplacedSortFirstThenByPlace() {
        let a = Diagnostic.error(.unknownKey, "m", at: SourceLocation(file: "a", line: 2))
        let b = Diagnostic.error(.unknownKey, "m", at: SourceLocation(file: "a", line: 1))
        let c = Diagnostic.error(.noBrowser, "m", at: nil)
        #expect([a, b, c].sorted() == [c, b, a])
        #expect([a, b, c].errorCount == 3)
        #expect(![Diagnostic.warning(.unknownKey, "m", at: nil)].hasErrors)
    }
}
