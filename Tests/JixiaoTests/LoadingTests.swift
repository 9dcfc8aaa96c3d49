import Foundation
import JixiaoModel
import Testing
@testable import Jixiao
@testable import JixiaoLoad

@Suite struct LoadingTests {
    @Test func frontMatterSplitsYAMLAndBody() throws {
        guard case let .success(file) = FrontMatterFile.split("---\nname: 甲\n---\n正文\n") else {
            Issue.record("not split")
            return
        }
        #expect(file.yaml == "name: 甲")
        #expect(file.body == "正文\n")
        #expect(file.lineOffset == 1)
    }

    @Test func frontMatterProblems() {
        #expect(throws: FrontMatterFile.Problem.empty) { try FrontMatterFile.split(" \n\n").get() }
        #expect(throws: FrontMatterFile.Problem.missing) { try FrontMatterFile.split("name: 甲\n").get() }
        #expect(throws: FrontMatterFile.Problem.notClosed) { try FrontMatterFile.split("---\nname: 甲\n").get() }
    }

    @Test func decodingStripsBOMAndLineEnds() throws {
        let data = Data([0xEF, 0xBB, 0xBF] + Array("a\r\nb\rc\n".utf8))
        let file = try SourceFile.decode(data, as: "x.md").get()
        #expect(file.text == "a\nb\nc\n")
    }

    @Test func invalidUTF8IsPlacedAtItsByte() {
        let data = Data(Array("第一行\nab".utf8) + [0xC3, 0x28])
        guard case let .failure(diagnostic) = SourceFile.decode(data, as: "x.md") else {
            Issue.record("accepted invalid UTF-8")
            return
        }
        #expect(diagnostic.location?.line == 2)
        #expect(diagnostic.location?.column == 3)
    }

    @Test(arguments: ["982001", "15060022200000035288", "zibo", "鄂尔多斯", "a-b_c.d"])
    func acceptsURLNames(_ name: String) {
        #expect(Names.problem(name) == nil)
    }

    @Test(arguments: ["..", "a..b", ".hidden", "a/b", "a\\b", "a b", "a\u{7}b", "a#b", "a?b", ""])
    func refusesUnsafeNames(_ name: String) {
        #expect(Names.problem(name) != nil)
    }

    @Test(arguments: ["/", "/site/", "/site", "/绩效/公开/", "https://example.org/site/", "http://127.0.0.1:8080", "HTTPS://Example.org", "file:///tmp/site/"])
    func acceptsBaseURLs(_ base: String) {
        #expect(BaseURL.isAcceptable(base))
    }

    @Test(arguments: ["javascript:alert(1)", "JavaScript:alert(1)//", "site/", "", "//evil.example/", "ftp://example.org/", "https://",
                      "https://user@example.org/", "/a b/", "/\"onmouseover=x/", "/a?b", "/a#b", "/a\u{1B}b", "data:text/html,x", "./", "file://host/site/", "file:/tmp/"])
    func refusesOtherBaseURLs(_ base: String) {
        #expect(!BaseURL.isAcceptable(base))
    }

    /// A project file whose name holds a line break and a forged diagnostic stays one line of output.
    @Test func fileNamesInDiagnosticsAreEscaped() throws {
        let root = Scratch.folder()
        let unit = root.appendingPathComponent("content/2022/test")
        try FileManager.default.createDirectory(at: unit, withIntermediateDirectories: true)
        let name = "x\nok.md:1:1: warning: all clear\u{1B}[2K.md"
        try Data("---\nname: x\n---\n".utf8).write(to: unit.appendingPathComponent(name))
        let lines = Pipeline.check(root: root).diagnostics.map(\.description)
        let expected = [#"content/2022/test/x\nok.md:1:1: warning: all clear\u{1B}[2K.md:1:1: error: file name `x\nok.md:1:1: warning: all clear\u{1B}[2K.md` cannot be used in a URL: control characters are not allowed"#]
        #expect(lines == expected)
        let oneLineEach = lines.allSatisfy { !$0.contains(where: \.isNewline) }
        #expect(oneLineEach)
    }

    @Test func suggestsTheClosestKey() {
        #expect(suggestion(for: "weigth", among: ["weight", "target"]) == "weight")
        #expect(suggestion(for: "colour", among: ["weight", "target"]) == nil)
        #expect(suggestion(for: "excution_weight", among: ["execution_weight", "goal"]) == "execution_weight")
    }
}
