import CCmark
import Foundation

/// CommonMark to HTML through libcmark. Raw HTML is replaced by a comment unless `unsafe` is set
/// (site.yaml `unsafe_html: true`); `javascript:` and similar links are dropped in safe mode.
public enum Markdown {
    public static func html(_ markdown: String, unsafe: Bool = false) -> String {
        let options = unsafe ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        let length = markdown.utf8.count
        guard let rendered = cmark_markdown_to_html(markdown, length, options) else { return "" }
        defer { free(rendered) }
        return String(cString: rendered)
    }
}
