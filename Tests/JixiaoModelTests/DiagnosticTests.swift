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

    /// A file name or message with a line break or ESC cannot forge or hide a line of output.
    @Test func controlCharactersInNamesAndMessagesAreEscaped() {
        let forged = "a.md:1:1: error: nothing\ncontent/b.md"
        let diagnostic = Diagnostic.error(.unusableName, "file name `x\u{1B}[2Ky\u{7F}\u{2028}` cannot be used in a URL", at: SourceLocation(file: forged, line: 2, column: 1))
        let expected = #"a.md:1:1: error: nothing\ncontent/b.md:2:1: error: file name `x\u{1B}[2Ky\u{7F}\u{2028}` cannot be used in a URL"#
        #expect(diagnostic.description == expected)
        let oneLine = !diagnostic.description.contains(where: \.isNewline)
        #expect(oneLine)
        let tab = #"note: tab\there"#
        #expect(Diagnostic.note(.noBrowser, "tab\there", at: nil).description == tab)
    }

    @Test func firstRefusedControlCharacterIsPlaced() {
        #expect(ControlCharacters.first(in: "a\tb\nc\r\n·é") == nil)
        let found = ControlCharacters.first(in: "第一行\n第二\u{85}行")
        #expect(found?.line == 2 && found?.column == 3 && found.map { ControlCharacters.name($0.scalar) } == "U+0085")
        #expect(ControlCharacters.first(in: "\u{0}")?.column == 1)
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
