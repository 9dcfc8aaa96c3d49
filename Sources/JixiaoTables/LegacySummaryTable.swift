import Foundation
import JixiaoModel

/// Reads the legacy published layout "…部门预算项目支出绩效目标公开表" as dumped to text: a title line
/// naming the unit, a tab-separated header (单位编码, 单位及项目名称, 金额(万元), 绩效目标, 绩效指标), a 合计
/// row, then one row per project whose goal and indicators are free text with HTML fragments
/// (`<p>`, `<ol>`, `<li>`, `<math>\geq 12</math>`, `\%`, entities).
///
/// The indicator text is read as headings and items: `一、产出指标` (一级指标), `(一) 数量指标` / `（一）数量指标`
/// / `成本指标：` (二级指标), and numbered items (`1. 慰问企业≥3家`). An item with a comparison and number
/// becomes a quantitative indicator; anything else is kept as a qualitative one, with a note. Every
/// item that is split, changed or not taken is listed in the set's notes.
package enum LegacySummaryTable {
    package static func read(_ text: String, file: String) -> DraftSet {
        var reader = SummaryReader(file: file)
        reader.read(text)
        return reader.set
    }

    /// Whether a text dump has this layout: a tab-separated header row with a cell naming 项目名称
    /// (单位及项目名称), one naming 绩效指标, and one naming the amount or the goal.
    package static func recognizes(_ text: String) -> Bool {
        text.split(whereSeparator: \.isNewline).contains { line in
            let cells = line.split(separator: "\t", omittingEmptySubsequences: false).map { DumpLine.clean($0) }
            guard let columns = SummaryReader.Columns(cells) else { return false }
            return cells[columns.name].contains("项目名称") && (columns.amount != nil || columns.goal != nil)
        }
    }
}

// MARK: - Located text

/// Text cut from the dump with the line and the 1-based column (in characters) of every character,
/// so that every piece taken from a cell still knows where it was written.
private struct LocatedText {
    var chars: [Character] = []
    var columns: [Int] = []
    var line: Int

    init(line: Int) { self.line = line }

    init(line: Int, _ text: some StringProtocol) {
        self.line = line
        chars = Array(text)
        columns = chars.indices.map { $0 + 1 }
    }

    private init(chars: [Character], columns: [Int], line: Int) {
        self.chars = chars
        self.columns = columns
        self.line = line
    }

    var count: Int { chars.count }
    var isEmpty: Bool { chars.isEmpty }
    var string: String { String(chars) }

    subscript(_ index: Int) -> Character { chars[index] }

    subscript(_ range: Range<Int>) -> LocatedText {
        let range = max(0, min(range.lowerBound, count)) ..< max(0, min(range.upperBound, count))
        return LocatedText(chars: Array(chars[range]), columns: Array(columns[range]), line: line)
    }

    func from(_ index: Int) -> LocatedText { self[index ..< count] }
    func upTo(_ index: Int) -> LocatedText { self[0 ..< index] }

    /// The column of a character; just past the end for the end.
    func column(at index: Int) -> Int {
        if index < count { return columns[max(index, 0)] }
        return (columns.last ?? 0) + 1
    }

    mutating func append(_ character: Character, column: Int) {
        chars.append(character)
        columns.append(column)
    }

    /// Without whitespace, and without the given characters, at either end.
    func trimmed(_ leading: Set<Character> = [], _ trailing: Set<Character> = []) -> LocatedText {
        var low = 0, high = count
        while low < high, chars[low].isWhitespace || leading.contains(chars[low]) { low += 1 }
        while high > low, chars[high - 1].isWhitespace || trailing.contains(chars[high - 1]) { high -= 1 }
        return self[low ..< high]
    }

    func trimmed(both: Set<Character>) -> LocatedText { trimmed(both, both) }

    func hasPrefix(_ text: String, at index: Int = 0) -> Bool {
        var position = index
        for character in text {
            guard position < count, chars[position] == character else { return false }
            position += 1
        }
        return true
    }

    func firstIndex(of text: String, from start: Int = 0) -> Int? {
        var index = start
        while index < count {
            if hasPrefix(text, at: index) { return index }
            index += 1
        }
        return nil
    }

    func skippingSpaces(from index: Int) -> Int {
        var index = index
        while index < count, chars[index].isWhitespace { index += 1 }
        return index
    }

    /// Pieces between separators (separators dropped).
    func split(on separators: Set<Character>) -> [LocatedText] {
        var pieces: [LocatedText] = []
        var start = 0
        for index in 0 ..< count where separators.contains(chars[index]) {
            pieces.append(self[start ..< index])
            start = index + 1
        }
        pieces.append(from(start))
        return pieces
    }
}

private enum Chars {
    static let chineseNumerals: Set<Character> = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"]
    static let colons: Set<Character> = ["：", ":"]
    /// What may come between a name and its value, or end an item.
    static let nameEdge: Set<Character> = ["：", ":", "，", ",", "、", "；", ";", "。"]
    static let itemEnd: Set<Character> = ["。", ".", "；", ";", "，", ",", "、"]
    static let itemSeparators: Set<Character> = ["；", ";", "。"]
    /// Characters that end a unit written after a number.
    static let unitStops: Set<Character> = [
        "，", ",", "。", ";", "；", ":", "：", "(", ")", "（", "）", "、", ".", "．", "≥", "≤", "≧", "≦", "<", ">", "＜", "＞",
        "=", "＝", "~", "～", "-", "—", "*", "×", "“", "”", "\"", "'",
    ]
    /// Characters a number is not preceded by when it is one end of a range (`90-100%`, `3至5天`).
    static let rangeMarks: Set<Character> = ["-", "~", "～", "—", "至"]
    /// First characters of units, so that `15天` is not read as item 15 followed by 天.
    static let unitStarts: Set<Character> = Set("年月日天周时分秒个人次项家户万千百亿元吨斤公里米台套件份期批所座条名号届岁倍成折层栋间辆株亩头只处本册部篇场")

    static func isDigit(_ character: Character) -> Bool { character.isASCII && character.isNumber }

    static func isIdeograph(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (0x4E00 ... 0x9FFF).contains(scalar.value) || (0x3400 ... 0x4DBF).contains(scalar.value)
    }

    /// Full-width digits as ASCII, so that numbers parse.
    static func narrowed(_ character: Character) -> Character {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1,
              (0xFF10 ... 0xFF19).contains(scalar.value), let ascii = Unicode.Scalar(scalar.value - 0xFF10 + 0x30)
        else { return character }
        return Character(ascii)
    }
}

// MARK: - HTML fragments

/// Turns a cell's HTML fragments into blocks of plain text (one per `<p>`, `<li>` …), keeping columns.
private enum HTMLFragments {
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
            return text
        }.joined(separator: "\n\n")
    }
}

// MARK: - Headings and item numbers

private struct Heading {
    /// The normalized name (`数量指标` for `(一) 数量`).
    var name: String
    /// How many characters the heading takes, its colon included.
    var length: Int
}

private enum Headings {
    static let level1Names = ["满意度指标", "产出指标", "效益指标", "成本指标"]
    static let level2Names = [
        "服务对象满意度指标", "生态环境成本指标", "可持续影响指标", "经济效益指标", "社会效益指标", "生态效益指标",
        "经济成本指标", "社会成本指标", "数量指标", "质量指标", "时效指标", "成本指标", "满意度指标",
    ]
    /// The 一级指标 a 二级指标 belongs to, for tables that leave the 一级指标 heading out.
    static func level1(for level2: String) -> String? {
        if level2.contains("满意度") { return "满意度指标" }
        if level2.contains("效益") || level2.contains("可持续") { return "效益指标" }
        if ["数量", "质量", "时效", "成本"].contains(where: level2.hasPrefix) { return "产出指标" }
        return nil
    }

    /// `一、产出指标`, `二.效益指标：`, or, unnumbered, `满意度指标：`.
    static func level1(_ text: LocatedText) -> Heading? {
        var index = 0
        while index < text.count, Chars.chineseNumerals.contains(text[index]) { index += 1 }
        if index > 0, index <= 3, index < text.count, "、.．".contains(text[index]) {
            let start = text.skippingSpaces(from: index + 1)
            guard let (name, length) = name(text, from: start, known: level1Names) else { return nil }
            return Heading(name: name, length: withColon(text, start + length))
        }
        guard index == 0 else { return nil }
        for name in ["产出指标", "效益指标", "满意度指标"] where text.hasPrefix(name) {
            let end = text.skippingSpaces(from: name.count)
            if end < text.count, Chars.colons.contains(text[end]) { return Heading(name: name, length: end + 1) }
        }
        return nil
    }

    /// `(一) 数量指标`, `（二）质量指标：`, `(三)经济效益`, or, unnumbered, `成本指标：`.
    static func level2(_ text: LocatedText) -> Heading? {
        if let marked = markedLevel2(text) { return marked }
        for name in level2Names where name != "满意度指标" && text.hasPrefix(name) {
            let end = text.skippingSpaces(from: name.count)
            if end == text.count || Chars.colons.contains(text[end]) || Items.number(text.from(end))?.bare == false {
                return Heading(name: name, length: withColon(text, name.count))
            }
        }
        return nil
    }

    static func markedLevel2(_ text: LocatedText) -> Heading? {
        guard let first = text.chars.first, first == "(" || first == "（" else { return nil }
        var index = text.skippingSpaces(from: 1)
        let numerals = index
        while index < text.count, Chars.chineseNumerals.contains(text[index]) { index += 1 }
        guard index > numerals, index - numerals <= 3 else { return nil }
        index = text.skippingSpaces(from: index)
        guard index < text.count, text[index] == ")" || text[index] == "）" else { return nil }
        let start = text.skippingSpaces(from: index + 1)
        guard let (name, length) = name(text, from: start, known: level2Names) else { return nil }
        return Heading(name: name, length: withColon(text, start + length))
    }

    /// A heading's name at `start`: a known one (`指标` may be left out), or text ending in `指标` or
    /// followed by a colon, short and without digits.
    static func name(_ text: LocatedText, from start: Int, known: [String]) -> (String, Int)? {
        for name in known where text.hasPrefix(name, at: start) { return (name, name.count) }
        for name in known {
            let short = String(name.dropLast(2))
            if text.hasPrefix(short, at: start) { return (name, short.count) }
        }
        var index = start
        while index < text.count, index - start < 12 {
            let character = text[index]
            if Chars.isDigit(character) || Chars.nameEdge.subtracting(Chars.colons).contains(character) { return nil }
            if text.hasPrefix("指标", at: index) { return (text[start ..< index + 2].string, index + 2 - start) }
            if Chars.colons.contains(character) {
                return index > start ? (text[start ..< index].string + "指标", index - start) : nil
            }
            index += 1
        }
        return nil
    }

    /// The end of a heading, past the colon that may follow it.
    static func withColon(_ text: LocatedText, _ end: Int) -> Int {
        let next = text.skippingSpaces(from: end)
        return next < text.count && Chars.colons.contains(text[next]) ? next + 1 : end
    }
}

private enum Items {
    /// An item number at the start: `1.`, `1．`, `1、`, `1)`, `(1)`, or a bare `1` directly before an
    /// ideograph that is no unit (`1提升…`). `length` includes the spaces after it.
    static func number(_ text: LocatedText) -> (value: Int, length: Int, bare: Bool)? {
        guard let first = text.chars.first else { return nil }
        if first == "(" || first == "（" {
            var index = 1
            while index < text.count, Chars.isDigit(text[index]) { index += 1 }
            guard index > 1, index <= 3, index < text.count, text[index] == ")" || text[index] == "）",
                  let value = Int(text[1 ..< index].string) else { return nil }
            return (value, text.skippingSpaces(from: index + 1), false)
        }
        var index = 0
        while index < text.count, Chars.isDigit(text[index]) { index += 1 }
        guard index > 0, index <= 2, index < text.count, let value = Int(text.upTo(index).string) else { return nil }
        let mark = text[index]
        if mark == "." || mark == "．" {
            guard index + 1 >= text.count || !Chars.isDigit(text[index + 1]) else { return nil }
            return (value, text.skippingSpaces(from: index + 1), false)
        }
        if "、)）".contains(mark) { return (value, text.skippingSpaces(from: index + 1), false) }
        if Chars.isIdeograph(mark), !Chars.unitStarts.contains(mark) { return (value, index, true) }
        return nil
    }

    /// Where the item at the start of `text` ends, and where what follows starts: at `；`/`。` before
    /// another number, at a space before the next number, or at a heading.
    static func boundary(_ text: LocatedText, current: Int?) -> (end: Int, next: Int) {
        var index = 1
        while index < text.count {
            let character = text[index]
            if Chars.itemSeparators.contains(character) {
                let next = text.skippingSpaces(from: index + 1)
                let rest = text.from(next)
                if Items.number(rest)?.bare == false || Headings.markedLevel2(rest) != nil || numberedLevel1(rest) {
                    return (index, next)
                }
            } else if character.isWhitespace {
                let next = text.skippingSpaces(from: index)
                let rest = text.from(next)
                if let number = Items.number(rest), !number.bare, number.value == (current ?? 0) + 1 { return (index, next) }
                if Headings.markedLevel2(rest) != nil || numberedLevel1(rest) { return (index, next) }
            } else if character == "(" || character == "（", Headings.markedLevel2(text.from(index)) != nil {
                return (index, index)
            }
            index += 1
        }
        return (text.count, text.count)
    }

    static func numberedLevel1(_ text: LocatedText) -> Bool {
        guard let first = text.chars.first, Chars.chineseNumerals.contains(first) else { return false }
        return Headings.level1(text) != nil
    }
}

// MARK: - Quantities

/// A comparison and number found in an item, and how the item's text divides around it.
private struct Quantity {
    var name: LocatedText
    var target: String
    /// Index in the item where the target starts.
    var targetStart: Int
    /// A number written before the comparison (`10万元≤18万元`), left out of the indicator.
    var dropped: LocatedText?
    /// A parenthesis after the target (`≥12次(全年)`), which goes with the name.
    var qualifier: LocatedText?
    /// Text after the target that is an indicator of its own (`…≤18万元宣传推介费：8万元`).
    var remainder: LocatedText?
}

private enum Quantities {
    /// Spellings of comparisons, longest first, and how the target writes them.
    static let comparisons: [(String, String)] = [
        ("大于等于", "大于等于"), ("小于等于", "小于等于"), ("不低于", "不低于"), ("不少于", "不少于"), ("不高于", "不高于"),
        ("不超过", "不超过"), ("不多于", "不多于"), (">=", ">="), ("<=", "<="), ("＞＝", "＞＝"), ("＜＝", "＜＝"),
        ("达到", "≥"), ("超过", ">"), ("大于", "大于"), ("小于", "小于"), ("高于", "高于"), ("低于", "低于"), ("等于", "等于"),
        ("≥", "≥"), ("≧", "≧"), ("≤", "≤"), ("≦", "≦"), (">", ">"), ("＞", "＞"), ("<", "<"), ("＜", "＜"),
        ("=", "="), ("＝", "＝"), ("达", "≥"),
    ]
    static let suffixes: [(String, Comparison)] = [
        ("及以上", .atLeast), ("以上", .atLeast), ("及以下", .atMost), ("以下", .atMost), ("以内", .atMost),
    ]
    static let knownUnits: Set<String> = [
        "%", "％", "万元", "亿元", "千元", "元", "家", "次", "人次", "人", "万人", "项", "个", "户", "万户", "吨", "公斤", "千克",
        "斤", "天", "日", "周", "月", "年", "小时", "分钟", "场", "期", "批", "份", "篇", "条", "台", "套", "件", "座", "所", "辆",
        "公里", "千米", "米", "平方米", "亩", "株", "头", "只", "处", "名", "本", "册", "部", "个月", "工作日", "分",
    ]

    /// A comparison written at `index` and followed by a number.
    static func comparison(_ text: LocatedText, at index: Int) -> (length: Int, symbol: String)? {
        for (spelling, symbol) in comparisons where text.hasPrefix(spelling, at: index) {
            let next = text.skippingSpaces(from: index + spelling.count)
            guard next < text.count, Chars.isDigit(text[next]) else { return nil }
            return (spelling.count, symbol)
        }
        return nil
    }

    /// A number read at some index, with the unit written after it and `以上`/`以下` after that.
    struct Reading {
        var number: String
        var unit: String
        var suffix: Comparison?
        var end: Int
    }

    /// The ways to read a number at `index` and its unit, the likelier first: when the text after the
    /// number runs on (`5万元宣传费：3万元`), a known unit (`万元`) before the whole run (`万元宣传费`).
    static func readings(_ text: LocatedText, at index: Int) -> [Reading] {
        guard index < text.count, Chars.isDigit(text[index]) else { return [] }
        var end = index
        while end < text.count, Chars.isDigit(text[end]) { end += 1 }
        if end + 1 < text.count, text[end] == ".", Chars.isDigit(text[end + 1]) {
            end += 1
            while end < text.count, Chars.isDigit(text[end]) { end += 1 }
        }
        let number = text[index ..< end].string
        var runEnd = end
        while runEnd < text.count, runEnd - end < 12, !Chars.isDigit(text[runEnd]), !text[runEnd].isWhitespace,
              !Chars.unitStops.contains(text[runEnd]), !suffixes.contains(where: { text.hasPrefix($0.0, at: runEnd) })
        {
            runEnd += 1
        }
        let run = text[end ..< runEnd].string
        var units: [String] = []
        if let known = knownPrefix(run), known.count < run.count { units.append(known) }
        if !run.isEmpty, run.count <= 6, !Target(parsing: "1" + run).isQualitative { units.append(run) }
        if units.isEmpty { units.append("") }
        return units.map { unit in
            var valueEnd = end + unit.count
            var suffix: Comparison?
            let next = text.skippingSpaces(from: valueEnd)
            if let (word, comparison) = suffixes.first(where: { text.hasPrefix($0.0, at: next) }) {
                suffix = comparison
                valueEnd = next + word.count
            }
            return Reading(number: number, unit: unit, suffix: suffix, end: valueEnd)
        }
    }

    /// The longest known unit (or `a/b` of known units) the text starts with.
    static func knownPrefix(_ run: String) -> String? {
        let chars = Array(run)
        for length in stride(from: min(chars.count, 7), through: 1, by: -1) {
            let candidate = String(chars[0 ..< length])
            if isKnown(candidate) { return candidate }
        }
        return nil
    }

    static func isKnown(_ unit: String) -> Bool {
        if knownUnits.contains(unit) { return true }
        let parts = unit.split(separator: "/", omittingEmptySubsequences: false)
        return parts.count == 2 && parts.allSatisfy { knownUnits.contains(String($0)) }
    }

    /// Joins a comparison and a `以上`/`以下` after the number; nil when they disagree.
    static func symbol(_ written: String, _ suffix: Comparison?) -> String? {
        guard let suffix else { return written }
        if written.isEmpty { return suffix.rawValue }
        let comparison = Target(parsing: written + "1").comparison
        switch suffix {
        case .atLeast, .greater: return comparison == .atLeast || comparison == .greater ? written : nil
        case .atMost, .less: return comparison == .atMost || comparison == .less ? written : nil
        case .equal: return written
        }
    }

    /// What follows a target: nothing, a parenthesis for the name, or an indicator of its own; else nil.
    static func finish(_ quantity: inout Quantity, after rest: LocatedText) -> Bool {
        let rest = rest.trimmed(Chars.nameEdge, Chars.itemEnd)
        if rest.isEmpty { return true }
        if isParenthesis(rest) {
            quantity.qualifier = rest
            return true
        }
        if let further = find(rest), !further.name.isEmpty {
            quantity.remainder = rest
            return true
        }
        return false
    }

    static func isParenthesis(_ text: LocatedText) -> Bool {
        guard let first = text.chars.first, let last = text.chars.last else { return false }
        return (first == "(" || first == "（") && (last == ")" || last == "）")
            && !text[1 ..< text.count - 1].chars.contains { "()（）".contains($0) }
    }

    /// A comparison and number in an item: the first comparison followed by a number, or else a number
    /// (and unit) that ends the item.
    static func find(_ item: LocatedText) -> Quantity? {
        let text = item.trimmed([], Chars.itemEnd)
        for index in 0 ..< text.count {
            guard let comparison = comparison(text, at: index) else { continue }
            let before = cleanName(text.upTo(index))
            let start = text.skippingSpaces(from: index + comparison.length)
            for value in readings(text, at: start) {
                guard let symbol = symbol(comparison.symbol, value.suffix) else { continue }
                let target = symbol + value.number + value.unit
                guard !Target(parsing: target).isQualitative else { continue }
                var name = before
                var dropped: LocatedText?
                // `10万元≤18万元`: the number before the comparison, in the same unit, is left out.
                if let left = trailingNumber(name), left > 0,
                   readings(name, at: left).contains(where: { $0.end == name.count && $0.unit == value.unit && $0.suffix == nil })
                {
                    dropped = name.from(left)
                    name = cleanName(name.upTo(left))
                }
                guard !name.isEmpty else { continue }
                var quantity = Quantity(name: name, target: target, targetStart: index, dropped: dropped)
                if finish(&quantity, after: text.from(value.end)) { return quantity }
            }
            return nil
        }
        // No comparison: a number at the end, perhaps with a parenthesis after it.
        var body = text
        var qualifier: LocatedText?
        if let open = body.chars.lastIndex(where: { $0 == "(" || $0 == "（" }), isParenthesis(body.from(open)), open > 0 {
            qualifier = body.from(open)
            body = body.upTo(open).trimmed()
        }
        guard let start = trailingNumber(body), let value = readings(body, at: start).first(where: { $0.end == body.count })
        else { return nil }
        if start > 0, Chars.rangeMarks.contains(body[start - 1]) { return nil }
        let name = cleanName(body.upTo(start))
        guard !name.isEmpty, let symbol = symbol("", value.suffix) else { return nil }
        let target = symbol + value.number + value.unit
        guard !Target(parsing: target).isQualitative else { return nil }
        return Quantity(name: name, target: target, targetStart: start, qualifier: qualifier)
    }

    /// A target at the very start of a text (what follows `定性`/`定量`): `15天`, `≥95%`.
    static func atStart(_ text: LocatedText) -> Quantity? {
        var symbol = ""
        var start = 0
        if let comparison = comparison(text, at: 0) {
            symbol = comparison.symbol
            start = text.skippingSpaces(from: comparison.length)
        }
        for value in readings(text, at: start) {
            guard let joined = Quantities.symbol(symbol, value.suffix) else { continue }
            let target = joined + value.number + value.unit
            guard !Target(parsing: target).isQualitative else { continue }
            var quantity = Quantity(name: text.upTo(0), target: target, targetStart: 0)
            if finish(&quantity, after: text.from(value.end)) { return quantity }
        }
        return nil
    }

    /// Where the last number in the text starts, when the text ends with it and its unit.
    static func trailingNumber(_ text: LocatedText) -> Int? {
        guard let last = text.chars.lastIndex(where: Chars.isDigit) else { return nil }
        var start = last
        while start > 0, Chars.isDigit(text[start - 1]) || (text[start - 1] == "." && start >= 2 && Chars.isDigit(text[start - 2])) {
            start -= 1
        }
        return start
    }

    static func cleanName(_ text: LocatedText) -> LocatedText {
        var name = text.trimmed(Chars.nameEdge, Chars.nameEdge)
        if name.count > 1, name.chars.last == "为" { name = name.upTo(name.count - 1).trimmed([], Chars.nameEdge) }
        return name
    }
}

// MARK: - Indicators of one cell

/// Reads one 绩效指标 cell into indicators, keeping the current 一级/二级指标 headings.
private struct IndicatorReader {
    struct Open {
        var name: String
        var written: String
        var location: SourceLocation
        var items = 0
        var children = 0
    }

    let file: String
    var indicators: [IndicatorDraft] = []
    var notes: [Diagnostic] = []
    var level1: Open?
    var level2: Open?

    init(file: String) { self.file = file }

    func at(_ text: LocatedText, _ index: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: text.line, column: text.column(at: index))
    }

    mutating func note(_ message: String, at location: SourceLocation) { notes.append(.warning(.readWithChange, message, at: location)) }

    mutating func read(_ cell: LocatedText) {
        for block in HTMLFragments.blocks(cell) { readBlock(block) }
        closeLevel1()
    }

    mutating func readBlock(_ block: LocatedText) {
        var rest = block.trimmed()
        while !rest.isEmpty {
            if let heading = Headings.level1(rest) {
                openLevel1(heading, rest)
                rest = rest.from(heading.length).trimmed(Chars.nameEdge)
                continue
            }
            if let heading = Headings.level2(rest) {
                openLevel2(heading, rest)
                rest = rest.from(heading.length).trimmed(Chars.nameEdge)
                continue
            }
            var current: Int?
            if let number = Items.number(rest) {
                let after = rest.from(number.length).trimmed()
                if Headings.level1(after) != nil || Headings.level2(after) != nil {
                    rest = after // a heading numbered like an item (`2、成本指标：`)
                    continue
                }
                current = number.value
                rest = after
            }
            let (end, next) = Items.boundary(rest, current: current)
            let item = rest.upTo(end).trimmed(Chars.nameEdge, Chars.itemEnd)
            if !item.isEmpty { readItem(item) }
            rest = rest.from(next).trimmed()
        }
    }

    mutating func openLevel1(_ heading: Heading, _ text: LocatedText) {
        closeLevel1()
        level1 = Open(name: heading.name, written: text.upTo(heading.length).trimmed().string, location: at(text))
    }

    mutating func openLevel2(_ heading: Heading, _ text: LocatedText) {
        closeLevel2()
        let written = text.upTo(heading.length).trimmed().string
        if level1 == nil, let inferred = Headings.level1(for: heading.name) {
            level1 = Open(name: inferred, written: written, location: at(text))
            note("no 一级指标 heading before \"\(written)\": 一级指标 taken to be \(inferred)", at: at(text))
        }
        level1?.children += 1
        level2 = Open(name: heading.name, written: written, location: at(text))
    }

    mutating func closeLevel2() {
        if let open = level2, open.items == 0 {
            note("heading \"\(open.written)\" has nothing under it: no indicator read", at: open.location)
        }
        level2 = nil
    }

    mutating func closeLevel1() {
        closeLevel2()
        if let open = level1, open.items == 0, open.children == 0 {
            note("heading \"\(open.written)\" has nothing under it: no indicator read", at: open.location)
        }
        level1 = nil
    }

    /// `定性`/`定量` written between an item's name and its value (`投资 定性 效果明显`), not as part of a
    /// word (`稳定性`, `确定性`, `定性分析`).
    func natureMark(_ text: LocatedText) -> (start: Int, word: String)? {
        for word in ["定性", "定量"] {
            var from = 0
            while let index = text.firstIndex(of: word, from: from) {
                from = index + 1
                if index > 0, "稳确决规鉴特否肯固限设约判界不".contains(text[index - 1]) { continue }
                if ["分析", "评价", "描述", "指标", "研究", "的", "化"].contains(where: { text.hasPrefix($0, at: index + 2) }) { continue }
                return (index, word)
            }
        }
        return nil
    }

    mutating func readItem(_ item: LocatedText) {
        let whole = item.trimmed(Chars.nameEdge, Chars.itemEnd)
        guard !whole.isEmpty else { return }
        // Several values separated by `；`, or `name；qualitative target`.
        let parts = whole.split(on: ["；", ";"]).map { $0.trimmed(both: Chars.nameEdge) }.filter { !$0.isEmpty }
        if parts.count >= 2 {
            if parts.count == 2, parts[1].count <= 10, !parts[1].chars.contains(where: Chars.isDigit),
               natureMark(parts[0]) == nil, Quantities.find(parts[0]) == nil
            {
                qualitative(name: parts[0], target: parts[1], item: whole, nature: nil)
                return
            }
            note("item split at \"；\" into \(parts.count) indicators: \"\(whole.string)\"", at: at(whole))
            for part in parts { readItem(part) }
            return
        }
        // `name 定性 value`, `name 定量 value`.
        if let mark = natureMark(whole) {
            let name = whole.upTo(mark.start).trimmed(both: Chars.nameEdge)
            let value = whole.from(mark.start + mark.word.count).trimmed(both: Chars.nameEdge)
            let nature = mark.word == "定性" ? ("定性", at(whole, mark.start)) : nil
            if name.isEmpty || value.isEmpty {
                qualitative(name: whole, target: whole, item: whole, nature: nature)
            } else if var quantity = Quantities.atStart(value) {
                quantity.name = name
                let remark = nature == nil ? nil
                    : "indicator marked 定性 in the source: kept as 定性 although its target \"\(quantity.target)\" is a comparison and number (\"\(whole.string)\")"
                take(quantity, in: value, nature: nature, item: whole, remark: remark)
            } else {
                qualitative(name: name, target: value, item: whole, nature: nature)
            }
            return
        }
        if let quantity = Quantities.find(whole) {
            take(quantity, in: whole.trimmed([], Chars.itemEnd), nature: nil, item: whole, remark: nil)
            return
        }
        qualitative(name: whole, target: whole, item: whole, nature: nil)
    }

    /// Adds a quantitative indicator (with a remark about it, if any) and reads what follows its target.
    mutating func take(_ quantity: Quantity, in text: LocatedText, nature: (String, SourceLocation)?, item: LocatedText,
                       remark: String?)
    {
        let name = quantity.name.string + (quantity.qualifier?.string ?? "")
        guard add(name: name, nameAt: at(quantity.name), target: quantity.target, targetAt: at(text, quantity.targetStart),
                  nature: nature, item: item) else { return }
        if let remark { note(remark, at: at(item)) }
        if let dropped = quantity.dropped {
            note("\"\(dropped.string)\" before the comparison left out: read as \(name) \(quantity.target) (\"\(item.string)\")",
                 at: at(dropped))
        }
        if let remainder = quantity.remainder {
            note("text after the target \(quantity.target) read as an indicator of its own: \"\(remainder.string)\"", at: at(remainder))
            readItem(remainder)
        }
    }

    mutating func qualitative(name: LocatedText, target: LocatedText, item: LocatedText, nature: (String, SourceLocation)?) {
        if add(name: name.string, nameAt: at(name), target: target.string, targetAt: at(target), nature: nature, item: item) {
            note("indicator kept as qualitative: no comparison and number in \"\(item.string)\"", at: at(item))
        }
    }

    /// Adds an indicator under the current headings; false (with a note) when there is no 一级指标.
    mutating func add(name: String, nameAt: SourceLocation, target: String, targetAt: SourceLocation,
                      nature: (String, SourceLocation)?, item: LocatedText) -> Bool
    {
        guard let first = level1 else {
            note("not read as an indicator: no 一级指标 heading comes before \"\(item.string)\"", at: at(item))
            return false
        }
        var fields = ["name": nameAt, "target": targetAt, "level1": first.location]
        let second: String
        if let open = level2 {
            second = open.name
            fields["level2"] = open.location
        } else if first.name.contains("满意度") {
            second = "服务对象满意度指标"
        } else {
            second = first.name
            note("no 二级指标 heading before \"\(item.string)\": 二级指标 set to \(first.name)", at: at(item))
        }
        if let nature { fields["nature"] = nature.1 }
        indicators.append(IndicatorDraft(level1: first.name, level2: second, name: name, target: target, location: nameAt,
                                         nature: nature?.0, fieldLocations: fields))
        level1?.items += 1
        level2?.items += 1
        return true
    }
}

// MARK: - The table

private struct SummaryReader {
    struct Columns {
        var code: Int?
        var name: Int
        var amount: Int?
        var goal: Int?
        var indicators: Int
        var moneyUnit: String?

        init?(_ header: [String]) {
            guard header.count >= 3 else { return nil }
            func find(_ keys: [String]) -> Int? {
                for key in keys { if let index = header.firstIndex(where: { $0.contains(key) }) { return index } }
                return nil
            }
            guard let name = find(["项目名称", "名称"]), let indicators = find(["绩效指标"]) else { return nil }
            self.name = name
            self.indicators = indicators
            code = find(["编码", "编号", "序号"])
            amount = find(["金额", "预算数", "资金"])
            goal = find(["绩效目标", "年度目标"])
            if let amount {
                moneyUnit = header[amount].contains("万元") ? "万元" : header[amount].contains("元") ? "元" : nil
            }
        }
    }

    let file: String
    var set = DraftSet()

    init(file: String) { self.file = file }

    func at(_ text: LocatedText, _ index: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: text.line, column: text.column(at: index))
    }

    mutating func note(_ message: String, at location: SourceLocation) { set.notes.append(.warning(.readWithChange, message, at: location)) }

    mutating func read(_ text: String) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated().map { LocatedText(line: $0.offset + 1, $0.element) }
        var columns: Columns?
        var before: [String] = []
        for line in lines {
            let cells = line.split(on: ["\t"])
            guard let header = columns else {
                if let found = Columns(cells.map { $0.trimmed().string }) {
                    columns = found
                    set.moneyUnit = found.moneyUnit ?? before.lazy.compactMap(Self.moneyUnit).first
                    set.unitName = Self.unitName(before)
                } else if !line.trimmed().isEmpty {
                    before.append(line.trimmed().string)
                }
                continue
            }
            readRow(line, cells.map { $0.trimmed() }, header)
        }
        if columns == nil {
            set.unitName = Self.unitName(before)
            set.notes.append(.error(.layoutIncomplete, "no header row naming 单位及项目名称 and 绩效指标: nothing read", at: SourceLocation(file: file)))
        }
    }

    /// The unit from the title: what comes before the year (`门源县工业商务和信息化局2024年部门预算…`).
    static func unitName(_ lines: [String]) -> String? {
        let titles = lines.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "# ").union(.whitespaces)) }
            .filter { !$0.isEmpty && !$0.hasPrefix("单位") && !$0.hasPrefix("附件") }
        guard let title = titles.first(where: { $0.contains("绩效") || $0.contains("预算") }) ?? titles.first else { return nil }
        let chars = Array(title)
        var cut = chars.count
        for index in 0 ..< chars.count where index + 4 < chars.count {
            if chars[index ..< index + 4].allSatisfy(Chars.isDigit), chars[index + 4] == "年",
               index == 0 || !Chars.isDigit(chars[index - 1])
            {
                cut = index
                break
            }
        }
        if cut == chars.count {
            for marker in ["部门预算", "预算项目", "项目支出", "绩效目标"] {
                if let range = title.range(of: marker) {
                    cut = title.distance(from: title.startIndex, to: range.lowerBound)
                    break
                }
            }
        }
        let name = String(chars[0 ..< cut]).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    static func moneyUnit(_ line: String) -> String? {
        guard line.contains("单位") else { return nil }
        return line.contains("万元") ? "万元" : line.contains("元") ? "元" : nil
    }

    mutating func readRow(_ line: LocatedText, _ cells: [LocatedText], _ columns: Columns) {
        if cells.allSatisfy(\.isEmpty) { return }
        // A Markdown table's rule (`---\t---…`) is layout, not data.
        if cells.allSatisfy({ $0.chars.allSatisfy { "-:|".contains($0) } }) { return }
        let first = cells.first { !$0.isEmpty } ?? line
        if cells.count == 1 {
            note("line skipped: it is no row of the table (no tab-separated cells): \"\(first.string)\"", at: at(first))
            return
        }
        func cell(_ index: Int?) -> LocatedText? {
            guard let index, index < cells.count, !cells[index].isEmpty else { return nil }
            return cells[index]
        }
        let isTotal = [columns.code, columns.name].contains { index in
            cell(index).map { ["合计", "总计"].contains($0.string.filter { !$0.isWhitespace }) } ?? false
        }
        if isTotal {
            guard let amount = cell(columns.amount) else {
                note("合计 row without an amount", at: at(first))
                return
            }
            if set.unitTotal == nil {
                set.unitTotal = amount.string
            } else {
                note("a second 合计 row (\(amount.string)) ignored; the first one is \(set.unitTotal ?? "")", at: at(amount))
            }
            return
        }
        guard let name = cell(columns.name) else {
            note("row skipped: it has no 单位及项目名称: \"\(first.string)\"", at: at(first))
            return
        }
        let code = cell(columns.code)?.string
        let goal = cell(columns.goal), indicators = cell(columns.indicators)
        // A unit's own row: its code, no goal or indicators.
        if goal == nil, indicators == nil, let code, code.count >= 4, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            if set.unitCode == nil { set.unitCode = code }
            if set.unitName == nil { set.unitName = name.string }
            if set.unitName != name.string || set.unitCode != code {
                note("row taken as a unit's own row (\(code) \(name.string)), not as a project", at: at(name))
            }
            return
        }
        var draft = ProjectDraft(name: name.string, location: at(name))
        draft.fieldLocations["name"] = at(name)
        // A row number (1, 2 …) is no code.
        if let code, let codeCell = cell(columns.code), !(code.count <= 3 && code.allSatisfy(Chars.isDigit)) {
            draft.code = code
            draft.fieldLocations["code"] = at(codeCell)
        }
        if let amount = cell(columns.amount) {
            draft.total = amount.string
            draft.fieldLocations["funds.total"] = at(amount)
        } else {
            note("project \"\(name.string)\" has no amount (金额)", at: at(name))
        }
        if let goal {
            let text = HTMLFragments.markdown(HTMLFragments.blocks(goal))
            if !text.isEmpty {
                draft.goal = text
                draft.fieldLocations["goal"] = at(goal)
            }
        }
        if let indicators {
            var reader = IndicatorReader(file: file)
            reader.read(indicators)
            draft.indicators = reader.indicators
            draft.fieldLocations["indicators"] = at(indicators)
            set.notes += reader.notes
            if reader.indicators.isEmpty {
                note("project \"\(name.string)\": no indicator could be read from its 绩效指标", at: at(indicators))
            }
        } else {
            note("project \"\(name.string)\" has no 绩效指标", at: at(name))
        }
        set.projects.append(draft)
    }
}
