import Foundation
import JixiaoModel

/// Turns a cell's HTML fragments into blocks of plain text (one per `<p>`, `<li>` …), keeping columns.
enum HTMLFragments {
    static let blockTags: Set<String> = [
        "p", "li", "ol", "ul", "div", "br", "tr", "td", "th", "table", "tbody", "thead", "section", "blockquote",
        "dl", "dt", "dd", "hr", "h1", "h2", "h3", "h4", "h5", "h6",
    ]

    static let entities: [String: String] = [
        "nbsp": " ", "ensp": " ", "emsp": " ", "thinsp": " ", "lt": "<", "gt": ">", "amp": "&", "quot": "\"",
        "apos": "'", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’", "middot": "·", "times": "×",
        "ge": "≥", "le": "≤", "hellip": "…", "mdash": "—", "ndash": "–", "yen": "¥", "percnt": "%",
    ]

    static let latexCommands: [String: String] = [
        "geq": "≥", "ge": "≥", "geqslant": "≥", "leq": "≤", "le": "≤", "leqslant": "≤", "neq": "≠", "ne": "≠",
        "times": "×", "lt": "<", "gt": ">", "sim": "~", "cdot": "·", "div": "÷", "pm": "±", "approx": "≈",
        "text": "", "mathrm": "", "rm": "", "quad": " ", "qquad": " ",
    ]

    static func blocks(_ cell: LocatedText) -> [LocatedText] {
        var blocks: [LocatedText] = []
        var current = LocatedText(line: cell.line)
        var inMath = false
        let chars = cell.chars
        var index = 0
        func flush() {
            let block = current.trimmed()
            if !block.isEmpty { blocks.append(block) }
            current = LocatedText(line: cell.line)
        }
        while index < chars.count {
            let character = chars[index], column = cell.columns[index]
            if character == "<", let tag = tag(chars, at: index) {
                if blockTags.contains(tag.name) { flush() } else if tag.name == "math" { inMath = !tag.closing }
                index = tag.end
                continue
            }
            if character == "&", let entity = entity(chars, at: index) {
                for decoded in entity.text { current.append(decoded, column: column) }
                index = entity.end
                continue
            }
            if character == "\\", let command = latex(chars, at: index, inMath: inMath) {
                for decoded in command.text { current.append(decoded, column: column) }
                index = command.end
                continue
            }
            if inMath, character.isWhitespace || character == "{" || character == "}" {
                index += 1
                continue
            }
            current.append(Chars.narrowed(character), column: column)
            index += 1
        }
        flush()
        return blocks
    }

    /// The text of a fragment: tags dropped and entities decoded (`<p>合&nbsp;计</p>` → `合 计`).
    static func plainText(_ fragment: some StringProtocol) -> String {
        guard fragment.contains("<") || fragment.contains("&") else { return String(fragment) }
        let chars = Array(fragment)
        var text = ""
        var index = 0
        while index < chars.count {
            if chars[index] == "<", let tag = tag(chars, at: index) {
                index = tag.end
            } else if chars[index] == "&", let entity = entity(chars, at: index) {
                text += entity.text
                index = entity.end
            } else {
                text.append(chars[index])
                index += 1
            }
        }
        return text
    }

    /// An HTML tag (or comment) starting at `<`: its lowercased name, whether it closes, and the index past `>`.
    static func tag(_ chars: [Character], at start: Int) -> (name: String, closing: Bool, end: Int)? {
        var index = start + 1
        guard index < chars.count else { return nil }
        let closing = chars[index] == "/"
        if closing { index += 1 }
        guard index < chars.count, (chars[index].isASCII && chars[index].isLetter) || chars[index] == "!" else { return nil }
        var name = ""
        while index < chars.count, chars[index].isASCII, chars[index].isLetter || chars[index].isNumber || chars[index] == "!" {
            name.append(chars[index])
            index += 1
        }
        var quote: Character?
        while index < chars.count {
            let character = chars[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == ">" {
                return (name.lowercased(), closing, index + 1)
            }
            index += 1
        }
        return nil
    }

    static func entity(_ chars: [Character], at start: Int) -> (text: String, end: Int)? {
        guard let semicolon = chars[start...].prefix(12).firstIndex(of: ";") else { return nil }
        let body = String(chars[(start + 1) ..< semicolon])
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
            guard let value, let scalar = Unicode.Scalar(value) else { return nil }
            return (String(Character(scalar)), semicolon + 1)
        }
        guard let text = entities[body.lowercased()] else { return nil }
        return (text, semicolon + 1)
    }

    /// A TeX command (`\geq`), an escaped character (`\%`) or, in math, TeX spacing (`\,`).
    static func latex(_ chars: [Character], at start: Int, inMath: Bool) -> (text: String, end: Int)? {
        let next = start + 1
        guard next < chars.count else { return nil }
        if chars[next].isASCII, chars[next].isLetter {
            var end = next
            while end < chars.count, chars[end].isASCII, chars[end].isLetter { end += 1 }
            let command = String(chars[next ..< end])
            guard let text = latexCommands[command] else { return inMath ? (command, end) : nil }
            return (text, end)
        }
        if "%{}_&#$".contains(chars[next]) { return (String(chars[next]), next + 1) }
        if inMath, ",;:! ".contains(chars[next]) { return ("", next + 1) }
        return nil
    }

    /// Blocks as Markdown paragraphs, with the characters Markdown would read as markup escaped.
    static func markdown(_ blocks: [LocatedText]) -> String {
        blocks.map { block in
            var text = ""
            for character in block.string {
                if "\\`*_[]<>".contains(character) { text.append("\\") }
                text.append(character)
            }
            if text.hasPrefix("#") || text.hasPrefix("- ") || text.hasPrefix("+ ") { text = "\\" + text }
            // `1. 目标一` is the published text, not a list: its number stays.
            if let marker = text.firstIndex(where: { !$0.isASCII || !$0.isNumber }), marker != text.startIndex, ".)".contains(text[marker]) {
                text.insert("\\", at: marker)
            }
            return text
        }.joined(separator: "\n\n")
    }
}
