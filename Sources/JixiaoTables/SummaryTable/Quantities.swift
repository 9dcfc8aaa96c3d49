import Foundation
import JixiaoModel

/// A comparison and number found in an item, and how the item's text divides around it.
struct Quantity {
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

enum Quantities {
    /// Spellings of comparisons (the model's table), and how the target writes them: as written, or a
    /// verb of running text (`达到`) as its sign.
    static let comparisons: [(String, String)] = ComparisonWords.before.map {
        ($0.spelling, $0.isVerb ? $0.comparison.rawValue : $0.spelling)
    }
    static let suffixes = ComparisonWords.after
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
