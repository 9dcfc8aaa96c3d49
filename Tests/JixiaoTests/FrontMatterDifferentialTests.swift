import Foundation
import Testing
@testable import JixiaoLoad

/// Random front-matter-shaped documents: the fast reader either hands each to Yams or gives exactly
/// Yams's values, quoting and positions.
@Suite struct FrontMatterDifferentialTests {
    /// SplitMix64: the same documents on every run, so that a failure can be reproduced.
    struct Generator {
        var state: UInt64

        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }

        mutating func below(_ bound: Int) -> Int { Int(next() % UInt64(bound)) }
        mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
        mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    }

    static let keys = ["name", "goal", "weight", "目标", "三级指标", "ｋｅｙ", "a b", "x-1", "\"quoted key\"", "'single'", "k", "level1", "预算：数"]
    static let common = ["项目", "完成", "≥10", "95%", "有效提高", "2000", "18150.89", "培训人次", "（全角）", "按时完成"]
    static let words = ["项目", "完成", "≥10", "95%", "-5", "1,000", "12:30", "a: b", "a #b", "a#b", "有效提高", "（全角）", "１２３", "，", "：",
                        "true", "~", "null", "0012", "x", "- x", "? y", "text  ", "@at", "`tick`", "!bang", "%pct", "&amp", "*star", "|bar",
                        ">gt", "[x]", "{y}", "\\", "'", "\"", "#"]
    static let oddities = ["\t", "\t# c", " \t", "\u{2028}", "\u{2029}", "\u{85}", "\u{1}", "\u{1B}", "\u{7F}", "\u{FEFF}", "\r", " # c", "  ", "\u{3000}", "＃"]

    /// One scalar as it might be written: plain, quoted or with something odd around it.
    static func scalar(_ g: inout Generator) -> String {
        var word = (0 ..< 1 + g.below(3)).map { _ in g.chance(60) ? g.pick(common) : g.pick(words) }.joined(separator: g.chance(50) ? " " : "")
        if g.chance(8) { word = g.pick(oddities) + word }
        if g.chance(8) { word += g.pick(oddities) }
        switch g.below(6) {
        case 0: return "\"" + word.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + (g.chance(20) ? "\\t\\u4e2d" : "") + "\""
        case 1: return "'" + word.replacingOccurrences(of: "'", with: "''") + "'"
        default: return word
        }
    }

    static func flow(_ g: inout Generator) -> String {
        let separator = g.chance(70) ? ", " : g.pick([",", ",\t", "， ", " , "])
        if g.chance(50) {
            return "[" + (0 ..< g.below(4)).map { _ in scalar(&g) }.joined(separator: separator) + "]"
        }
        return "{" + (0 ..< g.below(4)).map { _ in g.pick(keys) + (g.chance(80) ? ": " : g.pick([":", ":\t", "： "])) + scalar(&g) }.joined(separator: separator) + "}"
    }

    /// A value after `key:` at `indent`, possibly on the lines below.
    static func value(_ g: inout Generator, indent: Int, depth: Int) -> String {
        let pad = String(repeating: " ", count: indent + 2)
        switch g.below(depth > 2 ? 4 : 7) {
        case 0, 1: return " " + scalar(&g)
        case 2: return " " + flow(&g)
        case 3:
            let header = g.pick(["|", "|-", "|+", "|2", ">"])
            let lines = (0 ..< 1 + g.below(3)).map { _ in g.chance(20) ? "" : pad + (g.chance(15) ? " " : "") + scalar(&g) }
            return " " + header + "\n" + lines.joined(separator: "\n")
        case 4: return "\n" + mapping(&g, indent: indent + 2, depth: depth + 1)
        case 5:
            let dashIndent = g.chance(50) ? indent : indent + 2
            let items = (0 ..< 1 + g.below(3)).map { _ -> String in
                let dash = String(repeating: " ", count: dashIndent) + g.pick(["- ", "-  ", "-\t", "- "])
                if g.chance(40) { return dash + scalar(&g) }
                let inner = mapping(&g, indent: dashIndent + 2, depth: depth + 1)
                return dash + inner.drop { $0 == " " }
            }
            return "\n" + items.joined(separator: "\n")
        default: return ""
        }
    }

    static func mapping(_ g: inout Generator, indent: Int, depth: Int) -> String {
        (0 ..< 1 + g.below(4)).map { _ in
            var line = String(repeating: " ", count: indent)
            if g.chance(3) { line += "\t" }
            line += g.pick(keys) + (g.chance(90) ? ":" : g.pick(["\t:", " :", "："]))
            line += value(&g, indent: indent, depth: depth)
            if g.chance(15) { line += g.pick([" # 备注", "\t# 备注", "#x"]) }
            if g.chance(10) { line += "\n" + String(repeating: " ", count: indent) + "# comment" }
            if g.chance(5) { line += "\n" }
            return line
        }.joined(separator: "\n")
    }

    @Test func fastReaderAgreesWithYamsOnRandomDocuments() {
        var g = Generator(state: 20_261_129)
        var read = 0, declined = 0
        for round in 0 ..< 4000 {
            let yaml = Self.mapping(&g, indent: 0, depth: 0) + (g.chance(50) ? "\n" : "")
            guard let fast = FrontMatterYAML.parse(yaml) else {
                declined += 1
                continue
            }
            read += 1
            let reference = FrontMatterYAMLTests.yams(yaml)
            #expect(reference != nil, "round \(round): the fast reader read what Yams refuses: \(yaml.debugDescription)")
            if let reference {
                #expect(FrontMatterYAMLTests.describe(fast) == FrontMatterYAMLTests.describe(reference),
                        "round \(round): \(yaml.debugDescription)")
            }
        }
        // Both paths are exercised.
        #expect(read > 400, "read \(read), declined \(declined)")
        #expect(declined > 400, "read \(read), declined \(declined)")
    }
}
