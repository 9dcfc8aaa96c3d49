import Testing
@testable import JixiaoLoad
import JixiaoModel

/// A key written twice is reported where it is written again, every time, by the fast reader and by Yams.
@Suite struct DuplicateKeyTests {
    static func messages(_ yaml: String) -> [String] {
        guard case let .failure(failure) = YAMLParser.parse(yaml, file: "a.md", lineOffset: 1) else { return [] }
        return failure.diagnostics.map(\.description)
    }

    @Test func fastReaderReportsEveryRepetition() {
        #expect(Self.messages("a: 1\nb: 2\na: 3\nplan: {3: 25, 3: 30}\na: 4\n") == [
            "a.md:4:1: error: key `a` is written twice in this mapping (first on line 2): give each key once",
            "a.md:5:15: error: key `3` is written twice in this mapping (first on line 5): give each key once",
            "a.md:6:1: error: key `a` is written twice in this mapping (first on line 2): give each key once",
        ])
    }

    /// A mapping of many keys (searched in a table once it has more than a few): every repetition,
    /// however far from the first.
    @Test func repetitionsInALargeMapping() {
        let keys = (1 ... 40).map { "k\($0): \($0)" }
        let yaml = (keys + ["k3: again", "k40: again", "k17: again"]).joined(separator: "\n") + "\n"
        #expect(Self.messages(yaml) == [
            "a.md:42:1: error: key `k3` is written twice in this mapping (first on line 4): give each key once",
            "a.md:43:1: error: key `k40` is written twice in this mapping (first on line 41): give each key once",
            "a.md:44:1: error: key `k17` is written twice in this mapping (first on line 18): give each key once",
        ])
    }

    /// A folded scalar sends the file to Yams, which stops at the first repeated key: the rest are found too.
    @Test func yamsPathReportsEveryRepetitionAtItsPlace() {
        let yaml = """
            goal: >
              folded text
            indicators:
              - name: 甲
                weight: 1
                "weight": 2
              - name: 乙
                name: 丙
            goal: again
            rules: {decimals: 1, nested: {a: 1}, decimals: 2}
            """
        #expect(Self.messages(yaml).sorted() == [
            "a.md:10:1: error: key `goal` is written twice in this mapping (first on line 2): give each key once",
            "a.md:11:38: error: key `decimals` is written twice in this mapping (first on line 11): give each key once",
            "a.md:7:5: error: key `weight` is written twice in this mapping (first on line 6): give each key once",
            "a.md:9:5: error: key `name` is written twice in this mapping (first on line 8): give each key once",
        ])
    }
}
