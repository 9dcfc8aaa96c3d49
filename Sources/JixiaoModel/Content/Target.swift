import Foundation

/// How an indicator's actual value is compared with its target.
public enum Comparison: String, Sendable, Hashable, CaseIterable {
    case atLeast = "≥"
    case greater = ">"
    case equal = "="
    case atMost = "≤"
    case less = "<"

    /// 大于等于 / 小于等于 …, as the published sheets' 指标方向 column writes it.
    public var chinese: String {
        switch self {
        case .atLeast: "大于等于"
        case .greater: "大于"
        case .equal: "等于"
        case .atMost: "小于等于"
        case .less: "小于"
        }
    }

    /// ≤ and < are 反向 (lower is better); the others 正向.
    public var isReverse: Bool { self == .atMost || self == .less }
}

/// How the published sheets write a comparison: the one table every reader of targets uses.
public enum ComparisonWords {
    public struct Spelling: Sendable {
        public let spelling: String
        public let comparison: Comparison
        /// A verb of running text (`达到`, `超过`, `达`) rather than a sign or comparison word: readers of
        /// free text write it as the sign.
        public let isVerb: Bool

        init(_ spelling: String, _ comparison: Comparison, verb: Bool = false) {
            self.spelling = spelling
            self.comparison = comparison
            isVerb = verb
        }
    }

    /// Written before the number, longest first, so that `>=` is not read as `>` followed by `=`.
    public static let before: [Spelling] = [
        Spelling("大于等于", .atLeast), Spelling("小于等于", .atMost), Spelling("不低于", .atLeast), Spelling("不少于", .atLeast),
        Spelling("不高于", .atMost), Spelling("不超过", .atMost), Spelling("不多于", .atMost),
        Spelling(">=", .atLeast), Spelling("<=", .atMost), Spelling("＞＝", .atLeast), Spelling("＜＝", .atMost),
        Spelling("达到", .atLeast, verb: true), Spelling("超过", .greater, verb: true), Spelling("至少", .atLeast),
        Spelling("最少", .atLeast), Spelling("最多", .atMost), Spelling("控制在", .atMost),
        Spelling("≥", .atLeast), Spelling("≧", .atLeast), Spelling("≤", .atMost), Spelling("≦", .atMost),
        Spelling("大于", .greater), Spelling("小于", .less), Spelling("等于", .equal), Spelling("高于", .greater), Spelling("低于", .less),
        Spelling(">", .greater), Spelling("＞", .greater), Spelling("<", .less), Spelling("＜", .less), Spelling("=", .equal), Spelling("＝", .equal),
        Spelling("达", .atLeast, verb: true),
    ]

    /// Written after the number and its unit (`90%以上`), longest first.
    public static let after: [(spelling: String, comparison: Comparison)] = [
        ("及以上", .atLeast), ("以上", .atLeast), ("及以下", .atMost), ("以下", .atMost), ("以内", .atMost),
    ]
}

/// An indicator's target (指标值 / 目标值) as written, and what it means.
public struct Target: Sendable, Hashable {
    public enum Meaning: Sendable, Hashable {
        /// A comparison with a number, and the unit written after the number, if any.
        case quantitative(Comparison, Decimal, unit: String?)
        /// Anything else: 按时完成, 有效提高, 2022年12月前 …
        case qualitative
    }

    public var text: String
    public var meaning: Meaning

    public init(text: String, meaning: Meaning) {
        self.text = text
        self.meaning = meaning
    }

    /// Reads a target as the content format defines it: an optional comparison (`≥`, `>=`, `大于等于`,
    /// `不低于` …), a number (full-width digits and thousands separators allowed), an optional short unit
    /// (`%`, `百分比`, `起`, `万元`) and an optional `以上` / `以下` / `以内`. Text that is no comparison and
    /// number is qualitative.
    public init(parsing raw: String) {
        text = raw
        meaning = Target.meaning(of: Trim.whitespace(raw))
    }

    public var isQualitative: Bool { meaning == .qualitative }

    /// Whether the text writes its comparison (`≥10`, `10以上`, `不低于10`), rather than a bare number that
    /// reads as `=`: a sheet shows no 指标方向 the source did not give.
    public var writesComparison: Bool {
        guard !isQualitative else { return false }
        let text = Trim.whitespace(Target.folded(self.text))
        return Target.leadingSpelling(of: text) != nil || ComparisonWords.after.contains { text.hasSuffix($0.spelling) }
    }

    /// The comparison and the number as the text writes them, for a sheet that prints them in columns of
    /// their own (指标方向, 目标值): `大于等于10` → (`大于等于`, `10`), `90%以上` → (`以上`, `90`), `≥80百分比` →
    /// (`≥`, `80`). A qualitative target is all value. The unit goes to 计量单位.
    public var writtenParts: (comparison: String, value: String) {
        guard !isQualitative else { return ("", text) }
        var rest = Substring(Trim.whitespace(text))
        var comparison = ""
        if let spelling = Target.leadingSpelling(of: rest).map({ ComparisonWords.before[$0] }) {
            comparison = spelling.spelling
            rest = rest.dropFirst(spelling.spelling.count).drop { $0.isWhitespace }
        }
        let numeral = rest.prefix { ($0.isASCII && $0.isNumber) || ("０" ... "９").contains($0) || ".,．-－".contains($0) }
        if comparison.isEmpty, let after = ComparisonWords.after.first(where: { rest.hasSuffix($0.spelling) }) {
            comparison = after.spelling
        }
        return (comparison, String(numeral))
    }

    public var comparison: Comparison? {
        if case let .quantitative(comparison, _, _) = meaning { return comparison }
        return nil
    }

    public var value: Decimal? {
        if case let .quantitative(_, value, _) = meaning { return value }
        return nil
    }

    public var unit: String? {
        if case let .quantitative(_, _, unit) = meaning { return unit }
        return nil
    }

    /// The spellings as bytes, to compare without walking characters.
    private static let prefixBytes: [([UInt8], Comparison)] = ComparisonWords.before.map { (Array($0.spelling.utf8), $0.comparison) }

    /// The index in `ComparisonWords.before` of the first spelling `text` starts with, compared as bytes
    /// (the first byte first: most spellings differ there).
    static func leadingSpelling(of text: some StringProtocol) -> Int? {
        var text = String(text)
        return text.withUTF8(leadingSpelling)
    }

    static func leadingSpelling(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = bytes.first else { return nil }
        for (index, (spelling, _)) in prefixBytes.enumerated()
        where spelling[0] == first && spelling.count <= bytes.count && bytes.starts(with: spelling) {
            return index
        }
        return nil
    }

    /// The longest a unit may be; longer trailing text makes a target qualitative.
    static let maxUnitLength = 6

    private static func meaning(of written: String) -> Meaning {
        let bytes = Array(folded(written).utf8)
        var start = 0
        var prefix: Comparison?
        if let (spelling, found) = bytes.withUnsafeBufferPointer(leadingSpelling).map({ prefixBytes[$0] }) {
            prefix = found
            start = spelling.count
            while start < bytes.count {
                if bytes[start] == 0x20 || bytes[start] == 0x09 {
                    start += 1
                } else if bytes[start...].starts(with: [0xE3, 0x80, 0x80]) {  // the ideographic space
                    start += 3
                } else {
                    break
                }
            }
        }
        var end = start
        while end < bytes.count, (0x30 ... 0x39).contains(bytes[end]) || bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: "-")
            || (bytes[end] == UInt8(ascii: ",") && end > start && end + 1 < bytes.count && (0x30 ... 0x39).contains(bytes[end + 1]))
        {
            end += 1
        }
        let numeral = String(decoding: bytes[start ..< end], as: UTF8.self)
        guard let digits = Amount.ungrouped(numeral), let value = Decimal.exact(digits) else { return .qualitative }
        var rest = Trim.whitespace(String(decoding: bytes[end...], as: UTF8.self))
        // 以上 / 以下 / 以内 after the number and its unit: `90%以上`, `达到95%以上`, `控制在5天以内`.
        var comparison = prefix ?? .equal
        if let (word, found) = ComparisonWords.after.first(where: { rest.utf8.reversed().starts(with: $0.spelling.utf8.reversed()) }) {
            guard prefix == nil || prefix == found else { return .qualitative }
            comparison = found
            rest = Trim.whitespace(String(Substring(rest.utf8.dropLast(word.utf8.count))))
        }
        guard rest.isEmpty || isUnit(rest) else { return .qualitative }
        return .quantitative(comparison, value, unit: rest.isEmpty ? nil : normalizedUnit(rest))
    }

    /// The text with full-width digits, point, signs and comparison signs as their ASCII forms
    /// (`≥９０％` → `≥90%`, `＞=90%` → `>=90%`), so that a target typed with a Chinese input method reads
    /// as it looks. Only for reading the meaning: the target is shown as written.
    static func folded(_ text: String) -> String {
        // Each character folded starts with the byte 0xEF (full-width forms) or 0xE2 (≧, ≦): looked for first.
        guard ByteScan.contains(text, where: { $0 == 0xEF || $0 == 0xE2 }), text.unicodeScalars.contains(where: { folding($0) != nil }) else { return text }
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { scalars.append(folding(scalar) ?? scalar) }
        return String(scalars)
    }

    /// The ASCII form of a full-width digit, point, sign or comparison sign; `nil` for any other character.
    private static func folding(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        switch scalar {
        case "０" ... "９": Unicode.Scalar(scalar.value - 0xFF10 + 0x30)
        case "．": "."
        case "％": "%"
        case "＋": "+"
        case "－": "-"
        case "＞": ">"
        case "＜": "<"
        case "＝": "="
        case "≧": "≥"
        case "≦": "≤"
        case "，": ","
        default: nil
        }
    }

    /// What makes a target that is written as a comparison or a number unusable: left qualitative, it
    /// would be scored as text, or (negative) a missed target would score full marks.
    public enum Problem: Sendable, Hashable {
        /// A comparison with no number after it, or only a percent sign (`≥`, `大于等于`, `≤%`).
        case noNumber(Comparison)
        /// A negative number (`≥-5`).
        case negative(Decimal)
        /// A number with more digits than can be held exactly.
        case tooManyDigits(String)
    }

    /// Why this target cannot be what it is written as, or `nil`: `problem(of: text)`, without reading
    /// the text again where it already reads as a comparison with a number of zero or more (the text
    /// then has no problem: a comparison without a number or with too many digits does not read so).
    public var problem: Problem? {
        if case let .quantitative(_, value, _) = meaning, value >= 0 { return nil }
        return Self.problem(of: text)
    }

    /// Why `text` cannot be the target it is written as, or `nil`.
    public static func problem(of raw: String) -> Problem? {
        let text = Trim.whitespace(raw)
        let spelling = leadingSpelling(of: text).map { ComparisonWords.before[$0] }
        let rest = Trim.whitespace(String(Substring(text.utf8.dropFirst(spelling?.spelling.utf8.count ?? 0))))
        // A verb alone (`达到`, "achieved") is a 定性 target of its own.
        if let spelling, !spelling.isVerb, rest.isEmpty || normalizedUnit(rest) == "%" { return .noNumber(spelling.comparison) }
        let restBytes = Array(rest.utf8)
        var end = 0
        while end < restBytes.count, (0x30 ... 0x39).contains(restBytes[end]) || restBytes[end] == UInt8(ascii: ".") || restBytes[end] == UInt8(ascii: "-") {
            end += 1
        }
        let number = String(decoding: restBytes[..<end], as: UTF8.self)
        let unit = Trim.whitespace(String(decoding: restBytes[end...], as: UTF8.self))
        // Only what would otherwise read as a comparison and a number (with a unit or none).
        guard Decimal.isNumeral(number), unit.isEmpty || isUnit(unit) else { return nil }
        if Decimal.exceedsPrecision(number) { return .tooManyDigits(number) }
        if let value = Decimal.exact(number), value < 0 { return .negative(value) }
        return nil
    }

    /// A unit is short and holds no digits or sentence punctuation: `%`, `万元`, `条/天`.
    static func isUnit(_ text: String) -> Bool {
        text.count <= maxUnitLength
            && !text.unicodeScalars.contains(where: { $0.properties.numericType == .decimal || $0.properties.isWhitespace || unitBreakers.contains($0) })
            && !ComparisonWords.after.contains(where: { text.utf8.firstRange(of: $0.spelling.utf8) != nil })
    }

    private static let unitBreakers = Set("*，,。;；:：()（）".unicodeScalars)

    /// `百分比` and the full-width `％` are both `%`.
    public static func normalizedUnit(_ unit: String) -> String {
        switch Trim.whitespace(unit) {
        case "百分比", "％", "百分率": "%"
        case let other: other
        }
    }
}

