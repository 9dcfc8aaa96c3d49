import Foundation
import JixiaoModel

/// The text of form cells: labels as keys, markup that dumps keep around titles, the line breaks of
/// printed cells, numbers and money units.
enum FormText {
    /// A label cell as a key: without whitespace (full-width too), without a leading `其中：` and without
    /// bracketed parts, which `bracket` returns: `投入目标 (万元)` → `投入目标`, `其中：财政    资金` → `财政资金`,
    /// `年度指标 值（A）` → `年度指标值`.
    static func key(_ text: String) -> String {
        var key = String(text.filter { !$0.isWhitespace })
        for prefix in ["其中：", "其中:", "其中"] where key.hasPrefix(prefix) {
            key.removeFirst(prefix.count)
            break
        }
        return key.replacingOccurrences(of: #"[（(][^）)]*[)）]"#, with: "", options: .regularExpression)
    }

    /// The bracketed part of a label, without its brackets: `投入目标 (万元)` → `万元`.
    static func bracket(_ text: String) -> String? {
        let compact = String(text.filter { !$0.isWhitespace })
        guard let range = compact.range(of: #"[（(][^）)]*[)）]"#, options: .regularExpression) else { return nil }
        return String(compact[range].dropFirst().dropLast())
    }

    /// 万元 or 元 as a cell names it: `单位：元`, `金额单位：万元`, `投入目标 (万元)`, `项目资金 （万元）`.
    static func moneyUnit(_ text: String) -> String? {
        let compact = String(text.filter { !$0.isWhitespace })
        if let bracket = bracket(compact), bracket == "万元" || bracket == "元" { return bracket }
        for prefix in ["单位：", "单位:", "金额单位：", "金额单位:"] where compact.hasPrefix(prefix) {
            let rest = String(compact.dropFirst(prefix.count))
            if rest == "万元" || rest == "元" { return rest }
        }
        return nil
    }

    /// A title or heading without the markup dumps keep: `# `, `## `, `[bookmark: _Toc_…]`.
    static func plain(_ text: String) -> String {
        var text = text.replacingOccurrences(of: #"\[bookmark:[^\]]*\]"#, with: "", options: .regularExpression)
        while text.hasPrefix("#") { text.removeFirst() }
        return Trim.whitespace(text)
    }

    /// Text shortened for messages.
    static func short(_ text: String, _ length: Int = 16) -> String {
        text.count > length ? String(text.prefix(length)) + "…" : text
    }

    /// A plain number as forms print points, scores and amounts (`10`, `5.00`, `18,150.89`).
    static func isNumber(_ text: String) -> Bool { Amount(parsing: text) != nil }

    /// Whether the text holds two Chinese characters with spaces between them, which typed Chinese never
    /// has: the line break of a printed cell, as PDF text keeps it.
    static func hasWrappedLine(_ text: String) -> Bool {
        let chars = Array(text)
        var index = 1
        while index < chars.count {
            if chars[index].isWhitespace, Chars.isIdeograph(chars[index - 1]) {
                var end = index
                while end < chars.count, chars[end].isWhitespace { end += 1 }
                if end < chars.count, Chars.isIdeograph(chars[end]) { return true }
                index = end
            }
            index += 1
        }
        return false
    }

    /// The text without the spaces that line breaks of a printed cell leave beside Chinese characters
    /// and full-width punctuation (`建成产业互联网平台 数量`, `2021 年度`, `1. 组织`). Spaces between
    /// other characters (`Windows XP`) stay.
    static func unwrapped(_ text: String) -> String {
        let chars = Array(text)
        var out = ""
        var index = 0
        while index < chars.count {
            guard chars[index].isWhitespace else {
                out.append(chars[index])
                index += 1
                continue
            }
            var end = index
            while end < chars.count, chars[end].isWhitespace { end += 1 }
            let before = index > 0 ? chars[index - 1] : nil, after = end < chars.count ? chars[end] : nil
            if let before, let after, !(isWide(before) || isWide(after)) {
                out += String(chars[index ..< end])
            }
            index = end
        }
        return out
    }

    /// A Chinese character or full-width punctuation: a space beside it is a printed line break.
    static func isWide(_ character: Character) -> Bool {
        if Chars.isIdeograph(character) { return true }
        guard let scalar = character.unicodeScalars.first else { return false }
        return (0x3000 ... 0x303F).contains(scalar.value) || (0xFF00 ... 0xFFEF).contains(scalar.value)
            || (0x2018 ... 0x201F).contains(scalar.value)
    }
}
