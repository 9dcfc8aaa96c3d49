import JixiaoModel
import Testing

@Suite struct TrimTests {
    @Test func whitespaceIsExactlyUnicodeWhiteSpace() {
        for value in UInt32(0) ... 0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            #expect(Trim.isWhitespace(scalar) == scalar.properties.isWhitespace, "U+\(String(value, radix: 16))")
        }
    }

    @Test func trimsBothEndsOnly() {
        #expect(Trim.whitespace("  \t项目 名称\r\n") == "项目 名称")
        #expect(Trim.whitespace("\u{3000}全角空格\u{3000}") == "全角空格")
        #expect(Trim.whitespace("不变") == "不变")
        #expect(Trim.whitespace(" \n ") == "")
        #expect(Trim.whitespace("") == "")
    }

    @Test func blank() {
        #expect(Trim.isBlank(" \u{3000}\n"))
        #expect(Trim.isBlank(""))
        #expect(!Trim.isBlank(" 。"))
    }
}
