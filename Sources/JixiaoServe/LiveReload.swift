import Foundation
import JixiaoModel
import JixiaoTemplates

/// What the preview adds to every HTML page it serves: the live-reload script and, while the last
/// build failed, an overlay listing its errors. The files on disk stay exactly as `build` writes them.
package enum LiveReload {
    static let eventsPath = "/__jixiao/events"

    /// `built`: whether a build has succeeded, whose pages are still served under the overlay.
    static func inject(into html: String, errors: [Diagnostic], built: Bool = true) -> String {
        var addition = script
        if !errors.isEmpty { addition += overlay(errors, built: built) }
        if let range = html.range(of: "</body>", options: .backwards) {
            return html.replacingCharacters(in: range, with: addition + "</body>")
        }
        return html + addition
    }

    static let script = """
    <script>(function(){var s=new EventSource("\(eventsPath)");s.onmessage=function(e){if(e.data==="reload"){location.reload();}};})();</script>

    """

    static func overlay(_ errors: [Diagnostic], built: Bool = true) -> String {
        let items = errors.map { "<li><code>\(Escape.html($0.description))</code></li>" }.joined()
        let shown = built ? "仍显示上一次成功构建的内容" : "还没有构建成功的站点"
        return """
        <div id="jixiao-errors" role="alert" style="position:fixed;inset:auto 0 0 0;max-height:60vh;overflow:auto;background:#fff4f4;color:#5c0000;border-top:4px solid #a61b1b;padding:1rem 1.5rem;font:14px/1.6 monospace;z-index:99999"><strong>构建失败：以下错误修复后页面会自动刷新（\(shown)）</strong><ul style="margin:.5rem 0 0;padding-left:1.2rem">\(items)</ul></div>

        """
    }
}
