import Foundation
import JixiaoModel
import Testing

/// `Decimal.exact` builds numerals of up to 18 digits itself; it must read them as Foundation does.
@Suite struct DecimalParsingTests {
    static let posix = Locale(identifier: "en_US_POSIX")

    @Test func agreesWithFoundationOnEveryShape() throws {
        var generator = SystemRandomNumberGenerator()
        var numerals = ["0", "-0", "+7", "0.0", "60.00", "18150.89", "150600230000000001", "999999999999999999",
                        "1234567890123456789", "0.000000000000000001", "-2.5", "12345678.901234567890"]
        for _ in 0 ..< 2000 {
            let length = Int.random(in: 1 ... 20, using: &generator)
            var digits = String((0 ..< length).map { _ in Character(String(Int.random(in: 0 ... 9, using: &generator))) })
            if length > 1, Bool.random(using: &generator) {
                digits.insert(".", at: digits.index(digits.startIndex, offsetBy: Int.random(in: 1 ..< length, using: &generator)))
            }
            numerals.append((Bool.random(using: &generator) ? "-" : "") + digits)
        }
        for numeral in numerals {
            let ours = try #require(Decimal.exact(numeral), "\(numeral)")
            let foundation = try #require(Decimal(string: numeral, locale: Self.posix))
            #expect(ours == foundation, "\(numeral)")
            #expect(ours.plain == foundation.plain, "\(numeral)")
            #expect(ours.fixed(2) == foundation.fixed(2), "\(numeral)")
        }
    }

    /// 38 digits are held exactly; a longer numeral is refused, not cut (`…99.99` read as `….00`).
    @Test func holdsThirtyEightDigitsAndRefusesMore() throws {
        for numeral in ["999999999999999999999999999999999999.99", "12345678901234567890123456789012345678", "-0.12345678901234567890123456789012345678",
                        "10000000000000000000000000000000000000.00", "0.00000000000000000000000000000000000001"] {
            let value = try #require(Decimal.exact(numeral), "\(numeral)")
            #expect(!Decimal.exceedsPrecision(numeral), "\(numeral)")
            #expect(value.fixed(Decimal.places(of: numeral)) == numeral, "\(numeral)")
        }
        // Leading zeros are no digits.
        #expect(Decimal.exact(String(repeating: "0", count: 50) + "1") == 1)
        for numeral in ["1234567890123456789012345678901234567899.99", "9999999999999999999999999999999999999.99", "0.000000000000000000000000000000000000001",
                        "1" + String(repeating: "0", count: 39), "50.00000000000000000000000000000000000001"] {
            #expect(Decimal.exceedsPrecision(numeral), "\(numeral)")
            #expect(Decimal.exact(numeral) == nil, "\(numeral)")
            #expect(Amount(parsing: numeral) == nil && Amount.exceedsPrecision(parsing: numeral), "\(numeral)")
        }
        #expect(Amount.exceedsPrecision(parsing: "1,234,567,890,123,456,789,012,345,678,901,234,567,899.99"))
        #expect(!Amount.exceedsPrecision(parsing: "1,234.5") && !Amount.exceedsPrecision(parsing: "12万"))
    }

    @Test func refusesWhatIsNotANumeral() {
        for text in ["", "-", ".", "1.", ".5", "1e5", "12abc", "1,000", " 1", "1 ", "--1", "１２", "1.2.3", "+", "+.5", "-1.", "1\u{301}", "٣"] {
            #expect(Decimal.exact(text) == nil && !Decimal.isNumeral(text), "\(text)")
        }
        for text in ["0", "+1", "-0.5", "007", "12.50"] { #expect(Decimal.isNumeral(text), "\(text)") }
    }
}

/// `fixed` and `plain` format from the value's digits; they must say what `description` says.
@Suite struct DecimalFormattingTests {
    static func reference(plain value: Decimal) -> String {
        var text = value.description
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }

    @Test func agreesWithDescription() throws {
        var generator = SystemRandomNumberGenerator()
        var values: [Decimal] = [0, 1, 10, 100, Decimal(string: "0.5")!, Decimal(string: "-0.004")!, Decimal(string: "18150.89")!,
                                 Decimal(string: "999999999999999.99")!, Decimal(string: "123456789012345678901234")!,
                                 Decimal(string: "0.000000000000000000123")!, Decimal(string: "1e20")!, Decimal(2) / Decimal(3)]
        for _ in 0 ..< 3000 {
            let mantissa = Decimal(Int64.random(in: -9_999_999_999 ... 9_999_999_999, using: &generator))
            let exponent = Int.random(in: -12 ... 8, using: &generator)
            values.append(Decimal(sign: mantissa < 0 ? .minus : .plus, exponent: exponent, significand: abs(mantissa)))
            values.append(Decimal(Int.random(in: 0 ... 100_000, using: &generator)) / Decimal(Int.random(in: 1 ... 997, using: &generator)))
        }
        for value in values {
            #expect(value.plain == Self.reference(plain: value), "\(value)")
            for places in [0, 1, 2, 4] {
                let rounded = value.roundedHalfUp(places)
                let text = Self.reference(plain: rounded)
                let parts = text.split(separator: ".", maxSplits: 1)
                let fraction = parts.count > 1 ? String(parts[1]) : ""
                let expected = places == 0 ? String(parts[0]) : "\(parts[0]).\(fraction)\(String(repeating: "0", count: places - fraction.count))"
                #expect(value.fixed(places) == expected, "\(value) to \(places)")
            }
        }
    }
}
