import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoRender

/// HTML and script payloads in every field of a site never execute in any output.
@Suite struct EscapingTests {
    static let dangerous = ["<script", "<img", "<iframe", "href=\"javascript:", "](javascript:"]

    static func built() throws -> [String: String] {
        let output = Scratch.folder()
        let report = Pipeline.build(root: Fixtures.url("xss"), output: output)
        #expect(report.succeeded, "\(report.diagnostics)")
        return Scratch.tree(output).mapValues { String(decoding: $0, as: UTF8.self) }
    }

    @Test func noContentBecomesMarkupInHTML() throws {
        let pages = try Self.built().filter { $0.key.hasSuffix(".html") }
        #expect(pages.count == 7)  // home, year, unit, goal, self-evaluation and the unit's two booklets
        for (path, html) in pages {
            // The one script is the site's own (the reading settings), from its static folder.
            let own = html.replacingOccurrences(of: #"<script src="[^"]*/static/jixiao\.js"></script>"#, with: "", options: .regularExpression)
            #expect(html.components(separatedBy: "<script").count == 2, "\(path) has a script besides the site's own")
            for payload in Self.dangerous {
                #expect(!own.lowercased().contains(payload), "\(path) contains \(payload)")
            }
            #expect(html.contains("&lt;script&gt;"), "\(path) lost the escaped text")
        }
    }

    @Test func noContentBecomesMarkupInTheMarkdownTwins() throws {
        let pages = try Self.built().filter { $0.key.hasSuffix(".md") }
        #expect(pages.count == 7)  // home, year, unit, goal, self-evaluation and the unit's two booklets
        for (path, markdown) in pages {
            // Even a CMS that passes raw HTML through must not find any in the twin.
            let html = Markdown.html(markdown, unsafe: true).lowercased()
            for payload in Self.dangerous + ["<a href=\"javascript:"] {
                #expect(!markdown.lowercased().contains(payload), "\(path) contains \(payload)")
                #expect(!html.contains(payload), "\(path) renders \(payload)")
            }
        }
    }

    @Test func pipesAndLineBreaksDoNotBreakMarkdownTables() throws {
        let markdown = try #require(try Self.built()["2023/evil/p/self-evaluation/index.md"])
        let rows = markdown.split(separator: "\n").filter { $0.hasPrefix("| ") && $0.contains("\\|x") }
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        #expect(row.contains("名称&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;\\|x"))
        #expect(row.contains("<br>第二行"))
        // 8 columns: 9 unescaped pipes.
        let unescaped = row.enumerated().filter { index, character in
            character == "|" && (index == 0 || row[row.index(row.startIndex, offsetBy: index - 1)] != "\\")
        }
        #expect(unescaped.count == 9)
    }

    /// Each character alone between two others: the Markdown specials escaped, every line break (the
    /// Unicode ones too) made `<br>`, anything else (ASCII, CJK, other spaces) left as it is.
    @Test func markdownEscapingCharacterByCharacter() {
        let specials: [Character: String] = ["<": "&lt;", ">": "&gt;", "&": "&amp;", "\\": "\\\\", "`": "\\`", "*": "\\*", "_": "\\_",
                                             "[": "\\[", "]": "\\]", "|": "\\|", "#": "\\#", "~": "\\~"]
        let breaks: [Character] = ["\n", "\u{0B}", "\u{0C}", "\r", "\u{85}", "\u{2028}", "\u{2029}"]
        let others = (0x20 ..< 0x7F).map { Character(Unicode.Scalar(UInt8($0))) }.filter { specials[$0] == nil }
            + ["\u{A0}", "\u{2000}", "\u{2030}", "\u{3000}", "。", "指", "\u{C2}", "\u{E2}", "≥"]
        for (character, escaped) in specials { #expect(MarkdownText.escape("x\(character)y") == "x\(escaped)y") }
        for character in breaks { #expect(MarkdownText.escape("x\(character)y") == "x<br>y", "\(character.unicodeScalars.first!.value)") }
        for character in others { #expect(MarkdownText.escape("x\(character)y") == "x\(character)y", "\(character.unicodeScalars.first!.value)") }
    }

    @Test func markdownEscapingOfValues() {
        #expect(MarkdownText.escape("a|b\nc") == "a\\|b<br>c")
        #expect(MarkdownText.escape("<b>*x*</b>") == "&lt;b&gt;\\*x\\*&lt;/b&gt;")
        #expect(MarkdownText.block("段落<script>", unsafe: false) == "段落&lt;script>")
        #expect(MarkdownText.block("段落<b>", unsafe: true) == "段落<b>")
        #expect(MarkdownText.block("[链接](javascript:alert(1)) [好](https://a.cn)", unsafe: false) == "[链接](#alert(1)) [好](https://a.cn)")
    }

    @Test func cssEscapingOfValues() {
        #expect(CSSText.string("运维项目 2023") == "\"运维项目 2023\"")
        #expect(CSSText.string("a\"b\\c") == "\"a\\22 b\\5c c\"")
        #expect(CSSText.string("</style>") == "\"\\3c \\2f style\\3e \"")
        #expect(CSSText.string("一\n二\u{2028}三\u{0}") == "\"一\\a 二\\2028 三\\fffd \"")
    }

    /// The sheet's name goes into the page's print style sheet (its footer): escaped for CSS there.
    @Test func sheetNamesInThePrintStyleStayText() throws {
        let html = try #require(try Self.built()["2023/evil/p/self-evaluation/index.html"])
        let style = try #require(html.components(separatedBy: "<style media=\"print\">").dropFirst().first?.components(separatedBy: "</style>").first)
        #expect(style.contains("@bottom-left { content: \"项目\\3c script\\3e alert\\28 1\\29 \\3c \\2f script\\3e "))
        #expect(!style.contains("<") && !style.contains(">"))
        #expect(html.components(separatedBy: "</style>").count == 2)
    }

    @Test func rawHTMLPassesOnlyWhenTheSiteAllowsIt() throws {
        let site = try Scratch.copy(of: "golden")
        let settings = site.appendingPathComponent("content/site.yaml")
        try (String(contentsOf: settings, encoding: .utf8) + "unsafe_html: true\n").write(to: settings, atomically: true, encoding: .utf8)
        let unit = site.appendingPathComponent("content/2023/demo/_unit.md")
        try (String(contentsOf: unit, encoding: .utf8) + "\n<aside>补充</aside>\n").write(to: unit, atomically: true, encoding: .utf8)
        let output = Scratch.folder()
        #expect(Pipeline.build(root: site, output: output).succeeded)
        let page = try String(contentsOf: output.appendingPathComponent("2023/demo/index.html"), encoding: .utf8)
        #expect(page.contains("<aside>补充</aside>"))
        let safe = Scratch.folder()
        try String(contentsOf: settings, encoding: .utf8).replacingOccurrences(of: "unsafe_html: true", with: "")
            .write(to: settings, atomically: true, encoding: .utf8)
        #expect(Pipeline.build(root: site, output: safe).succeeded)
        let safePage = try String(contentsOf: safe.appendingPathComponent("2023/demo/index.html"), encoding: .utf8)
        #expect(!safePage.contains("<aside>"))
    }
}
