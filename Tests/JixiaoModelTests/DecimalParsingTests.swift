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

    @Test func refusesWhatIsNotANumeral() {
        for text in ["", "-", ".", "1.", ".5", "1e5", "12abc", "1,000", " 1", "1 ", "--1", "１２"] {
            #expect(Decimal.exact(text) == nil, "\(text)")
        }
    }
}
