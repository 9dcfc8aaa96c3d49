import Foundation
import JixiaoModel

/// Text cut from the dump with the line and the 1-based column (in characters) of every character,
/// so that every piece taken from a cell still knows where it was written.
struct LocatedText {
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

enum Chars {
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
