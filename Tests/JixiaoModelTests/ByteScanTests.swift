import Testing
import JixiaoModel

struct ByteScanTests {
    /// Every offset of every byte, from every start, in short (inline) and long texts, ASCII and not:
    /// as a walk over the bytes finds it.
    @Test(arguments: ["", "a", "a\nb", "甲\n乙\n", "---\nname: 项目\n---\n正文", String(repeating: "指标\n值: 10\\n", count: 40)])
    func findsWhatAWalkFinds(_ text: String) {
        let bytes = Array(text.utf8)
        for byte in Set(bytes).union([0x0A, 0x5C, 0x00]) {
            for start in 0 ... bytes.count {
                let expected = bytes.indices.first { $0 >= start && bytes[$0] == byte }
                #expect(ByteScan.firstOffset(of: byte, in: text, from: start) == expected)
            }
            #expect(ByteScan.contains(text, byte) == bytes.contains(byte))
            #expect(ByteScan.contains(text, where: { $0 == byte }) == bytes.contains(byte))
            #expect(ByteScan.contains(bytes, byte) == bytes.contains(byte))
        }
    }
}
