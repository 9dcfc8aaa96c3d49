import Foundation
import JixiaoModel
import Testing

/// The bytes a build keeps between runs: every value comes back exactly, and bytes cut short throw.
@Suite struct BinaryCoderTests {
    static let decimals: [Decimal] = [
        0, 1, -1, Decimal(string: "0.5")!, Decimal(1) / Decimal(3), Decimal(2) / Decimal(-3), Decimal(string: "123456789012345678901234567890.12")!,
        Decimal(string: "340282366920938463463374607431768211455")!, Decimal(string: "1e100")!, Decimal(string: "1e-100")!,
        Decimal(string: "18150.89")!, Decimal(UInt64(9_007_199_254_740_993)), Decimal.exact("60.00")!,
    ]

    /// Symbols come back as written, byte for byte (`é` composed and decomposed are two), each written
    /// whole once and then as its number, however many there are.
    @Test func symbolsComeBackAsWritten() throws {
        let names = (0 ..< 3000).map { "字段\($0)" } + ["", "é", "e\u{301}", "正向", "weight"]
        let written = (0 ..< 4).flatMap { round in round % 2 == 0 ? names : names.reversed() }
        var out = BinaryWriter()
        for name in written { out.write(symbol: name) }
        var once = BinaryWriter()
        for name in names { once.write(symbol: name) }
        var input = BinaryReader(out.bytes)
        for name in written { #expect(Array(try input.symbol().utf8) == Array(name.utf8)) }
        #expect(input.isAtEnd)
        // Repeats cost their number only: at most three bytes each here.
        #expect(out.bytes.count <= once.bytes.count + 3 * (written.count - names.count))
    }

    @Test func everyValueComesBack() throws {
        var out = BinaryWriter()
        let integers = [0, 1, -1, 63, -64, 64, Int.max, Int.min, 1 << 40]
        for value in integers { out.write(value) }
        for value in Self.decimals { out.write(value) }
        out.write("绩效 ✓")
        out.write(symbol: "weight")
        out.write(symbol: "target")
        out.write(symbol: "weight")
        out.write([true, false]) { $0.write($1) }
        out.write(nil as String?)
        var input = BinaryReader(out.bytes)
        for value in integers { #expect(try input.int() == value) }
        for value in Self.decimals {
            let read = try input.decimal()
            #expect(read == value && read.description == value.description, "\(value)")
        }
        #expect(try input.string() == "绩效 ✓")
        #expect(try [input.symbol(), input.symbol(), input.symbol()] == ["weight", "target", "weight"])
        #expect(try input.array { try $0.bool() } == [true, false])
        #expect(try input.optionalString() == nil)
        #expect(input.isAtEnd)
        // Cut anywhere, the bytes throw rather than read past their end.
        for cut in 0 ..< out.bytes.count {
            var short = BinaryReader(Array(out.bytes.prefix(cut)))
            #expect(throws: BinaryDamage.self) {
                for _ in integers { _ = try short.int() }
                for _ in Self.decimals { _ = try short.decimal() }
                _ = try short.string()
                for _ in 0 ..< 3 { _ = try short.symbol() }
                _ = try short.array { try $0.bool() }
                _ = try short.optionalString()
            }
        }
    }
}
