import Foundation
import JixiaoModel

struct Heading {
    /// The normalized name (`数量指标` for `(一) 数量`).
    var name: String
    /// How many characters the heading takes, its colon included.
    var length: Int
}

enum Headings {
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

enum Items {
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
