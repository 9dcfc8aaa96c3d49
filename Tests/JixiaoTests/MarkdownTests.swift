import JixiaoModel
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

    /// A frame that keeps what it rendered gives what a frame without gives, for each text and setting,
    /// and renders each text once.
    @Test func keptMarkdownIsTheMarkdownRendered() {
        let texts = ["**加强**管理", "<b>粗</b> & 文", "**加强**管理", "", "  \n", "第一段\n\n第二段", "<b>粗</b> & 文"]
        for unsafe in [false, true] {
            let site = Site(unsafeHTML: unsafe)
            let kept = RenderedMarkdown()
            let keeping = PageFrame(site: site, renderedMarkdown: kept)
            for text in texts {
                #expect(keeping.rich(text) == PageFrame(site: site).rich(text))
            }
            var renders = 0
            _ = kept.text("**加强**管理") { renders += 1; return .none }
            _ = kept.text("新的") { renders += 1; return .none }
            #expect(renders == 1)
        }
    }

    @Test func escapesTextSpecialCharacters() {
        #expect(Markdown.html("a < b & c") == "<p>a &lt; b &amp; c</p>\n")
    }

    /// A page's description: the first 120 characters on one line, Markdown's links and images as their
    /// words, marks and tags left out, blank lines dropped.
    @Test func excerptsADescription() {
        #expect(PageFrame.excerpt("# 目标\r\n\n  **提高** [服务](https://a.b) 质量 \n> 引用<br>行\u{2028}`代码`_") == "目标 提高 服务 质量 引用行 代码")
        #expect(PageFrame.excerpt("![图](x.png)\n\n\n") == "图")
        let long = String(repeating: "绩效", count: 70)
        #expect(PageFrame.excerpt(long) == String(long.prefix(120)) + "…")
        #expect(PageFrame.excerpt(String(long.prefix(120))) == String(long.prefix(120)))
        #expect(PageFrame.excerpt(String(repeating: "a", count: 121)) == String(repeating: "a", count: 120) + "…")
    }
}
