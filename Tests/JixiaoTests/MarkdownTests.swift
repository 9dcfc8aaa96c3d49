import Testing
@testable import Jixiao
@testable import JixiaoRender

@Suite struct MarkdownTests {
    @Test func rendersCommonMark() {
        #expect(Markdown.html("**加强**管理\n\n1. 第一项\n2. 第二项") == "<p><strong>加强</strong>管理</p>\n<ol>\n<li>第一项</li>\n<li>第二项</li>\n</ol>\n")
    }

    @Test func omitsRawHTMLByDefault() {
        let html = Markdown.html("<script>alert(1)</script>\n\n文字<b onclick=\"x()\">粗</b>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("onclick"))
        #expect(html.contains("raw HTML omitted"))
    }

    @Test func dropsDangerousLinksByDefault() {
        let html = Markdown.html("[点击](javascript:alert(1))")
        #expect(!html.contains("javascript:"))
    }

    @Test func passesRawHTMLWhenAllowed() {
        #expect(Markdown.html("<b>粗</b>", unsafe: true) == "<p><b>粗</b></p>\n")
    }

    @Test func escapesTextSpecialCharacters() {
        #expect(Markdown.html("a < b & c") == "<p>a &lt; b &amp; c</p>\n")
    }
}
