import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoLoad
import Yams

/// The fast front-matter reader gives exactly what Yams gives (values, quoting, positions), or
/// declines and leaves the file to Yams.
@Suite struct FrontMatterYAMLTests {
    static func yams(_ yaml: String) -> YAMLValue? {
        (try? Yams.compose(yaml: yaml, .basic)).flatMap { $0.map(YAMLValue.init) }
    }

    /// A printout that holds everything compared: kinds, text, quoting and positions.
    static func describe(_ value: YAMLValue) -> String {
        func at(_ position: YAMLPosition) -> String { "@\(position.line):\(position.column)" }
        switch value {
        case let .scalar(text, plain, position): return "\(plain ? "plain" : "quoted")\(text.debugDescription)\(at(position))"
        case let .sequence(items, position): return "[\(items.map(describe).joined(separator: ", "))]\(at(position))"
        case let .mapping(pairs, position):
            return "{\(pairs.map { "\($0.key.debugDescription)\(at($0.keyPosition)): \(describe($0.value))" }.joined(separator: ", "))}\(at(position))"
        case let .alias(position): return "*\(at(position))"
        }
    }

    /// Both readers agree, or the fast one declines.
    static func agree(_ yaml: String) -> Bool {
        guard let fast = FrontMatterYAML.parse(yaml) else { return true }
        guard let reference = yams(yaml) else { return false }
        return describe(fast) == describe(reference)
    }

    static let handled: [String] = [
        "name: 项目\ncode: \"0012\"\nempty:\nnull: ~\ncomment: # none\n",
        "a: plain text # a comment\nb: 'it''s'\nc: \"tab\\there \\u4e2d \\\" \\\\\"\nd: 'x'#c\ne: -5\nf: ≥10\ng: <100000\nh: 12:30\n",
        "中文键: 值\n\"quoted key\": 1\n'single': 2\nspaced key : 3\n",
        // Quotes and escapes at either end of a quoted text, and empty ones.
        "a: '''x'\nb: 'x'''\nc: ''\nd: \"\"\ne: \"\\\"x\"\nf: \"x\\\\\"\ng: '中文''s' # c\nh: \"中文\"\n",
        "funds:\n  fiscal: {initial: 2000, budget: \"2,000\", spent: 1999.5}\n  other: {}\nplan: {3: 25, 6: 50,9: 75}\nlist: [a, 'b', \"c\" ]\nnone: []\n",
        "indicators:\n  - level1: 产出指标\n    level2: 数量指标\n    target: \"≥10\"\n\n  # a comment between items\n  - level1: 效益指标\n    weight: 10\nafter: 1\n",
        "indicators:\n- name: compact\n  weight: 1\n-   name: wide\n    weight: 2\nnext: x\n",
        "names:\n  - 甲\n  - \"乙\"\n  - 'c'\n",
        "goal: |\n  第一行\n\n  第三行\nnext: 1\n",
        "goal: |-\n   stripped\n    indented\nkeep: |+\n  kept\n\n\nclip: |\n  clipped\n\n\nend: 1",
        "goal: |\n  no final break",
        "goal: |+\n  kept at the end\n\n",
        "goal: |\n\n  leading blank line\n",
        "goal: |  # header comment\n  text\n  # not a comment\n",
        "nested:\n  deeper:\n    deepest: x\n  back: y\ntop: z\n",
        "mixed:\n  - plain item\n  - key: value\n    other: value\n  - [flow, item]\n",
    ]

    static let declined: [String] = [
        "anchor: &a 1\nalias: *a\n",
        "tag: !!str 1\n",
        "folded: >\n  a\n  b\n",
        "multi: plain\n  continued\n",
        "quoted: \"opens\n  and closes\"\n",
        "tab:\n\tkey: 1\n",
        "dup: 1\ndup: 2\n",
        "bad: a: b\n",
        "nested: {a: {b: 1}}\n",
        "trailing: [a, b,]\n",
        "seq:\n  -\n    a: 1\n",
        "indent:\n    a: 1\n  b: 2\n",
        "  indented: top\n",
        "crlf: 1\r\nnext: 2\r\n",
        "",
        "just a scalar",
        "block: |2\n    explicit indentation\n",
        "spaces: |\n  a\n     \n  b\n",
    ]

    /// Where the fast reader once differed from Yams: tabs, comments after tabs, Unicode line breaks,
    /// control characters, a byte-order mark inside, a block entry inside a flow sequence.
    static let onceDiffered: [String] = [
        "key: value\t\n", "key: value\t# c\n", "key: \tvalue\n", "key: [a,\tb]\n", "key\t: v\n", "list:\n- \tx\n",
        "key: a\u{2028}b\n", "key: a\u{2029}b\n", "key: a\u{85}b\n", "k\u{2028}ey: v\n", "key: a\u{1}b\n", "key: a\u{1B}b\n",
        "key: a\u{7F}b\n", "key: v\n\u{FEFF}other: w\n", "key: [- a]\n", "name: 办公设备\t# 备注\n",
    ]

    @Test(arguments: onceDiffered)
    func agreesWhereItOnceDiffered(_ yaml: String) {
        #expect(Self.agree(yaml), "\(yaml.debugDescription)")
    }

    @Test(arguments: handled)
    func readsTheCommonShapesAsYamsDoes(_ yaml: String) throws {
        let fast = try #require(FrontMatterYAML.parse(yaml), "declined: \(yaml.debugDescription)")
        let reference = try #require(Self.yams(yaml))
        #expect(Self.describe(fast) == Self.describe(reference))
    }

    @Test(arguments: declined)
    func leavesTheRestToYams(_ yaml: String) {
        #expect(FrontMatterYAML.parse(yaml) == nil, "read: \(yaml.debugDescription)")
    }

    /// Every content file of the example site and of the fixtures: the same values either way.
    @Test func agreesOnEveryContentFile() throws {
        var files = 0, fast = 0
        for folder in [ExampleSite.root.appendingPathComponent("content"), Fixtures.folder] {
            let walker = try #require(FileManager.default.enumerator(atPath: folder.path))
            for case let path as String in walker where path.hasSuffix(".md") || path.hasSuffix("site.yaml") {
                guard let data = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path),
                      case let .success(file) = SourceFile.decode(data, as: path) else { continue }
                let yaml: String
                if path.hasSuffix(".yaml") {
                    yaml = file.text
                } else if case let .success(split) = FrontMatterFile.split(file.text) {
                    yaml = split.yaml
                } else {
                    continue
                }
                files += 1
                if FrontMatterYAML.parse(yaml) != nil { fast += 1 }
                #expect(Self.agree(yaml), "\(folder.lastPathComponent)/\(path)")
            }
        }
        #expect(files > 100)
        // The example content is written the way people write front matter: nearly all of it is read fast.
        #expect(fast * 10 >= files * 9, "\(fast) of \(files) files read fast")
    }
}
