import Foundation

/// Exact decimal helpers. Money and scores never pass through binary floating point.
extension Decimal {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// Parses a plain decimal numeral (`12`, `-0.5`, `18150.89`); anything else is `nil`.
    /// `Decimal(string:)` alone would accept `12abc` as 12, so the text is validated first.
    public static func exact(_ text: String) -> Decimal? {
        guard Decimal.isNumeral(text) else { return nil }
        // Up to 18 digits fit a UInt64 exactly: build the value from its digits and their places,
        // which is many times faster than Foundation's parser.
        var significand: UInt64 = 0, digits = 0, places = 0, afterPoint = false, negative = false
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "-"): negative = true
            case UInt8(ascii: "+"): break
            case UInt8(ascii: "."): afterPoint = true
            default:
                significand = significand &* 10 &+ UInt64(byte - UInt8(ascii: "0"))
                digits += 1
                if afterPoint { places += 1 }
            }
        }
        guard digits <= 18 else { return Decimal(string: text, locale: posix) }
        return Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: -places, significand: Decimal(significand))
    }

    /// Whether the text is an optional sign, digits, and optionally a point and more digits.
    public static func isNumeral(_ text: String) -> Bool {
        var chars = Substring(text)
        if chars.first == "-" || chars.first == "+" { chars = chars.dropFirst() }
        let parts = chars.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit) else { return false }
        if parts.count == 2 {
            return !parts[1].isEmpty && parts[1].allSatisfy(\.isASCIIDigit)
        }
        return true
    }

    /// Number of digits after the decimal point in a numeral as written (`60.00` → 2).
    public static func places(of text: String) -> Int {
        guard let dot = text.firstIndex(of: ".") else { return 0 }
        return text.distance(from: dot, to: text.endIndex) - 1
    }

    /// Rounded half-up (四舍五入) to `places` decimals. Scores and rates are never negative;
    /// for negative values this rounds half away from zero.
    public func roundedHalfUp(_ places: Int) -> Decimal {
        var value = self
        var result = Decimal()
        NSDecimalRound(&result, &value, places, .plain)
        return result
    }

    /// The value as plain digits with exactly `places` decimals (rounded half-up).
    public func fixed(_ places: Int) -> String {
        let rounded = roundedHalfUp(places)
        var text = rounded.description
        if text.hasPrefix("-") && rounded.isZero { text.removeFirst() }
        let parts = text.split(separator: ".", maxSplits: 1)
        let whole = String(parts[0])
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        if places <= 0 { return whole }
        fraction += String(repeating: "0", count: max(0, places - fraction.count))
        return whole + "." + fraction.prefix(places)
    }

    /// The value with trailing zeros dropped (`8.50` → `8.5`, `100.00` → `100`).
    public var plain: String {
        var text = description
        if text.utf8.contains(UInt8(ascii: ".")) {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// Digits grouped by thousands, with `places` decimals: `18150.89` → `18,150.89`.
    public func grouped(_ places: Int) -> String {
        let text = fixed(places)
        let negative = text.hasPrefix("-")
        let unsigned = negative ? String(text.dropFirst()) : text
        let parts = unsigned.split(separator: ".", maxSplits: 1)
        var whole = Array(parts[0])
        var out: [Character] = []
        while whole.count > 3 {
            out.insert(contentsOf: [","] + whole.suffix(3), at: 0)
            whole.removeLast(3)
        }
        out.insert(contentsOf: whole, at: 0)
        let joined = String(out) + (parts.count > 1 ? "." + parts[1] : "")
        return negative ? "-" + joined : joined
    }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}
