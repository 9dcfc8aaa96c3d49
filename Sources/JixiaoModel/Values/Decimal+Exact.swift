import Foundation

/// Exact decimal helpers. Money and scores never pass through binary floating point.
extension Decimal {
    private static let posix = Locale(identifier: "en_US_POSIX")

    /// The most digits a numeral may have: a Decimal's 128-bit significand holds 38 exactly, and
    /// `Decimal(string:)` silently drops the rest (`…99.99` would read as `….00`).
    public static let maxDigits = 38

    /// What a numeral must keep to, for messages.
    public static let digitsLimit = "at most \(maxDigits) significant digits, and no more than \(maxDigits) before or after the point"

    /// Whether a numeral has more digits than a Decimal holds exactly: more than 38 significant digits
    /// (leading and trailing zeros aside), or more than 38 before or after the point.
    public static func exceedsPrecision(_ numeral: String) -> Bool {
        // Byte by byte: the numeral's characters are ASCII, or it is no numeral and counted as bytes.
        var text = numeral.utf8[...]
        if let sign = text.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { text = text.dropFirst() }
        let point = text.firstIndex(of: UInt8(ascii: "."))
        let whole = text[..<(point ?? text.endIndex)].drop { $0 == UInt8(ascii: "0") }
        let fraction = point.map { text[text.index(after: $0)...] } ?? text[text.endIndex...]
        guard whole.count <= maxDigits, fraction.count <= maxDigits else { return true }
        // The significant digits: from the first that is not 0 to the last that is not 0.
        let digits = Array(whole) + Array(fraction)
        guard let first = digits.firstIndex(where: { $0 != UInt8(ascii: "0") }),
              let last = digits.lastIndex(where: { $0 != UInt8(ascii: "0") })
        else { return false }
        return last - first + 1 > maxDigits
    }

    /// Parses a plain decimal numeral (`12`, `-0.5`, `18150.89`); anything else is `nil`, and so is a
    /// numeral with more digits than a Decimal holds exactly (`exceedsPrecision`).
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
        guard digits <= 18 else { return exceedsPrecision(text) ? nil : Decimal(string: text, locale: posix) }
        return Decimal(sign: negative && significand != 0 ? .minus : .plus, exponent: -places, significand: Decimal(significand))
    }

    /// Whether the text is an optional sign, digits, and optionally a point and more digits.
    public static func isNumeral(_ text: String) -> Bool {
        // Byte by byte: an optional sign, ASCII digits, and at most one point with digits on both sides.
        var bytes = text.utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "-") || sign == UInt8(ascii: "+") { bytes = bytes.dropFirst() }
        var whole = 0, fraction = 0, point = false
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "0") ... UInt8(ascii: "9"):
                if point { fraction += 1 } else { whole += 1 }
            case UInt8(ascii: ".") where !point: point = true
            default: return false
            }
        }
        return whole > 0 && (!point || fraction > 0)
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
        guard let (whole, fraction) = rounded.digitParts() else {
            var text = rounded.description
            if text.hasPrefix("-") && rounded.isZero { text.removeFirst() }
            let parts = text.split(separator: ".", maxSplits: 1)
            let whole = String(parts[0])
            var fraction = parts.count > 1 ? String(parts[1]) : ""
            if places <= 0 { return whole }
            fraction += String(repeating: "0", count: max(0, places - fraction.count))
            return whole + "." + fraction.prefix(places)
        }
        if places <= 0 { return whole }
        return whole + "." + fraction + String(repeating: "0", count: max(0, places - fraction.count))
    }

    /// The integer significand (without its sign) when it is below 2^53, which passes through a Double
    /// exactly: far faster to get than its digits.
    public var smallSignificand: UInt64? {
        let significand = NSDecimalNumber(decimal: self.significand).doubleValue
        return significand < 9_007_199_254_740_992 ? UInt64(significand) : nil
    }

    /// The value with trailing zeros dropped (`8.50` → `8.5`, `100.00` → `100`).
    public var plain: String {
        if let (whole, fraction) = digitParts() {
            let kept = fraction.utf8.reversed().drop(while: { $0 == UInt8(ascii: "0") }).count
            return kept == 0 ? whole : whole + "." + fraction.prefix(kept)
        }
        var text = description
        if ByteScan.contains(text, UInt8(ascii: ".")) {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    /// The whole part (with its sign; never "-0") and every fraction digit the value holds, made from
    /// its integer significand and exponent: far faster than `description`. `nil` beyond 15 digits.
    private func digitParts() -> (whole: String, fraction: String)? {
        guard var magnitude = smallSignificand, exponent > -16, exponent < 16 else { return nil }
        let places = max(0, -exponent)
        if exponent > 0 {
            for _ in 0 ..< exponent {
                let (next, overflow) = magnitude.multipliedReportingOverflow(by: 10)
                if overflow { return nil }
                magnitude = next
            }
        }
        var power: UInt64 = 1
        for _ in 0 ..< places { power *= 10 }
        let whole = String(magnitude / power)
        var fraction = places == 0 ? "" : String(magnitude % power)
        if fraction.utf8.count < places { fraction = String(repeating: "0", count: places - fraction.utf8.count) + fraction }
        return (sign == .minus && magnitude != 0 ? "-" + whole : whole, fraction)
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
