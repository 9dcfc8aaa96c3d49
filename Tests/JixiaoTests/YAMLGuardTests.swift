import Foundation
import Testing
@testable import JixiaoLoad
import JixiaoModel

/// Anchors, aliases and deep nesting are found where libyaml's scanner would find them, before Yams
/// builds anything; `&` and `*` inside text are text.
@Suite struct YAMLGuardTests {
    static let text: [String] = [
        "target: 7*24小时\nname: A & B\n",
        "goal: first line\n  *continued, not an alias\nnext: 1\n",
        "goal: |\n  *a literal line\n  &another\nnext: 1\n",
        "goal: >-\n    folded *text\n\n    &more\n",
        "quoted: \"&not *an alias\"\nsingle: '*x'\n",
        "multi: \"opens\n  *inside\"\n",
        "list:\n  - a*b\n  - c &d\n",
        "flow: [a*b, c&d]\nmap: {k: v*w}\n",
        "comment: x # &not *seen\n# *neither\n",
        "tag: !!str a&b\n",
    ]

    static let refused: [(yaml: String, line: Int, column: Int, alias: Bool)] = [
        ("anchor: &a 1\nalias: *a\n", 1, 9, false),
        ("list:\n  - *undefined\n", 2, 5, true),
        ("flow: [a, *b]\n", 1, 11, true),
        ("&a key: value\n", 1, 1, false),
        ("goal: plain\nnext: &x 2\n", 2, 7, false),
        ("goal: |\n  text\nnext: *y\n", 3, 7, true),
        ("tagged: !!str &x 1\n", 1, 15, false),
        ("? &k complex\n: value\n", 1, 3, false),
    ]

    @Test(arguments: text)
    func textIsNotAnAnchor(_ yaml: String) {
        #expect(YAMLGuard.check(yaml) == nil)
    }

    @Test(arguments: refused.indices)
    func anchorsAndAliasesAreFound(_ index: Int) {
        let (yaml, line, column, alias) = Self.refused[index]
        #expect(YAMLGuard.check(yaml) == .anchorOrAlias(YAMLPosition(line: line, column: column), alias: alias))
    }

    @Test func deepNestingIsFound() {
        let flow = "a: " + String(repeating: "[", count: 20) + String(repeating: "]", count: 20) + "\n"
        #expect(YAMLGuard.check(flow) == .tooDeep(YAMLPosition(line: 1, column: 4 + 15)))
        let block = (0 ..< 20).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        #expect(YAMLGuard.check(block) == .tooDeep(YAMLPosition(line: 17, column: 33)))
        // Sixteen levels are still read.
        let sixteen = (0 ..< 16).map { String(repeating: "  ", count: $0) + "k\($0):" }.joined(separator: "\n") + " x\n"
        #expect(YAMLGuard.check(sixteen) == nil)
    }

    /// The seven-level "billion laughs" document is refused at once, not expanded to 10⁷ values.
    @Test func billionLaughsIsRefusedBeforeExpanding() {
        var yaml = "name: x\nn: &a0 lol\n"
        for level in 1 ... 7 { yaml += "x\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 10).joined(separator: ", ") + "]\n" }
        let start = ContinuousClock.now
        guard case let .failure(failure) = YAMLParser.parse(yaml, file: "a.md", lineOffset: 1), let diagnostic = failure.diagnostics.first else {
            Issue.record("accepted")
            return
        }
        #expect(diagnostic.code == .anchorOrAlias)
        #expect(diagnostic.location == SourceLocation(file: "a.md", line: 3, column: 4))
        #expect(ContinuousClock.now - start < .seconds(1))
    }

    /// Every content file of the example site passes the guard (Yams reads them all the same).
    @Test func exampleContentPasses() throws {
        let folder = ExampleSite.root.appendingPathComponent("content")
        let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
        for case let path as String in walker where path.hasSuffix(".md") || path.hasSuffix(".yaml") {
            let text = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            let yaml = path.hasSuffix(".yaml") ? text : ((try? FrontMatterFile.split(text).get())?.yaml ?? "")
            #expect(YAMLGuard.check(yaml) == nil, "\(path)")
        }
    }
}
