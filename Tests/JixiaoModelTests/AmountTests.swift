import Foundation
import Testing
@testable import JixiaoModel

/// Money as published: exact, with the places it was written with.
struct AmountTests {
    @Test(arguments: [
        ("60.00", "60", 2, "60.00", "60.00"),
        ("18150.89", "18150.89", 2, "18150.89", "18,150.89"),
        ("1234567", "1234567", 0, "1234567", "1,234,567"),
        ("1000.5", "1000.5", 1, "1000.5", "1,000.5"),
        ("999", "999", 0, "999", "999"),
        ("1000", "1000", 0, "1000", "1,000"),
        ("0.10", "0.1", 2, "0.10", "0.10"),
        ("0", "0", 0, "0", "0"),
        ("123456789.123", "123456789.123", 3, "123456789.123", "123,456,789.123"),
    ])
    func parsing(written: String, value: String, places: Int, text: String, grouped: String) throws {
        let amount = try #require(Amount(written))
        #expect(amount.value == d(value))
        #expect(amount.places == places)
        #expect(amount.text == text)
        #expect(amount.grouped == grouped)
    }

    @Test(arguments: ["12abc", "1e3", "1E3", "1,000", "", ".5", "5.", "abc", " 12", "12 ", "1.2.3", "--1", "十二", "１２"])
    func rejects(written: String) {
        #expect(Amount(written) == nil)
        #expect(Decimal.exact(written) == nil)
    }

    /// The one amount parser every reader uses: thousands separators where they belong, spaces around.
    @Test(arguments: [
        ("1,200.50", "1200.50", 2), (" 1,200.50 ", "1200.50", 2), ("1,234,567", "1234567", 0), ("999,999.9", "999999.9", 1),
        ("1200.50", "1200.50", 2), ("+5", "5", 0), ("-1,000", "-1000", 0), ("0", "0", 0),
    ])
    func parsingAsWritten(written: String, value: String, places: Int) throws {
        let amount = try #require(Amount(parsing: written))
        #expect(amount.value == d(value))
        #expect(amount.places == places)
    }

    @Test(arguments: ["1,20", "1,2000", "12,34.5", "012,345", ",100", "100,", "1.200,50", "1,,200", "12万", "", "abc", "1e3"])
    func parsingRefusesMisplacedSeparators(written: String) {
        #expect(Amount(parsing: written) == nil)
    }

    @Test func exactNumerals() {
        #expect(Decimal.exact("12") == 12)
        #expect(Decimal.exact("-0.5") == d("-0.5"))
        #expect(Decimal.exact("18150.89") == d("18150.89"))
        #expect(Decimal.places(of: "60.00") == 2)
        #expect(Decimal.places(of: "60") == 0)
    }

    @Test func sumKeepsTheMostPlaces() {
        let sum = [Amount("60.00")!, Amount("1.5")!, Amount("18150.89")!].sum()
        #expect(sum.value == d("18212.39"))
        #expect(sum.grouped == "18,212.39")
        #expect((Amount("60.00")! + Amount("1.5")!).text == "61.50")
        #expect([Amount]().sum() == .zero)
    }

    @Test func equalityIgnoresPlaces() {
        #expect(Amount("60.00") == Amount("60"))
        #expect(Amount("60.00")!.hashValue == Amount("60")!.hashValue)
        #expect(Amount("59.99")! < Amount("60")!)
    }

    @Test func decimalArithmeticIsExact() {
        // 0.1 + 0.2 is 0.30000000000000004 in binary floating point.
        #expect((Amount("0.1")! + Amount("0.2")!).value == d("0.3"))
        #expect((Amount("0.1")! + Amount("0.2")!).text == "0.3")
    }

    // MARK: 1 万元 = 10,000 元

    /// The value is exact; the published decimals shift by four places (`60.00` 万元 → `600000` 元,
    /// `1.23456` 万元 → `12345.6` 元), and no digit the value has is dropped.
    @Test(arguments: [
        ("2.4", "24000", "24000"),
        ("18150.89", "181508900", "181508900"),
        ("60.00", "600000", "600000"),
        ("1.23456", "12345.6", "12345.6"),
        ("0.000001", "0.01", "0.01"),
    ])
    func wanYuanToYuan(wan: String, yuan: String, text: String) {
        let converted = Amount(wan)!.converted(from: .wanYuan, to: .yuan)
        #expect(converted.value == d(yuan))
        #expect(converted.text == text)
        #expect(Amount(converted.text)?.value == d(yuan))
    }

    @Test(arguments: [
        ("24000", "2.4", "2.4"),
        ("12345", "1.2345", "1.2345"),
        ("181508900", "18150.89", "18150.89"),
        ("100.00", "0.01", "0.01"),
        ("1", "0.0001", "0.0001"),
    ])
    func yuanToWanYuan(yuan: String, wan: String, text: String) {
        let converted = Amount(yuan)!.converted(from: .yuan, to: .wanYuan)
        #expect(converted.value == d(wan))
        #expect(converted.text == text)
    }

    @Test func sameUnitIsUnchanged() {
        let amount = Amount("60.00")!
        #expect(amount.converted(from: .yuan, to: .yuan).text == "60.00")
        #expect(amount.converted(from: .wanYuan, to: .wanYuan).text == "60.00")
    }

    @Test func roundTrip() {
        for written in ["2.4", "18150.89", "0.0001", "12345"] {
            let amount = Amount(written)!
            #expect(amount.converted(from: .wanYuan, to: .yuan).converted(from: .yuan, to: .wanYuan).value == amount.value)
        }
    }

    @Test func unitTotalConvertsProjects() {
        let unit = Unit(slug: "u", name: "单位", moneyUnit: .wanYuan, projects: [
            project(initial: "2.4", moneyUnit: .wanYuan),
            project(initial: "6000", moneyUnit: .yuan),
            project(initial: "10.00", moneyUnit: .wanYuan),
        ])
        #expect(unit.projectsTotal.value == d("13"))
        #expect(unit.projectsTotal.text == "13.00")
    }

    @Test func projectAmountIsTheInitialBudget() {
        #expect(project(budget: "50", initial: "40").amount == Amount("40"))
        #expect(project(budget: "50").amount == Amount("50"))
        #expect(project().amount == .zero)
    }
}
