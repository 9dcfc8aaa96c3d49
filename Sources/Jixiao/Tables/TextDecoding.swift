import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text files from spreadsheets: UTF-8 (with or without BOM), or GB18030/GBK, which spreadsheet
/// exports in China commonly use. GB18030 is decoded with the platform's iconv.
enum TextDecoding {
    enum Encoding: String {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    /// The text and the encoding it was read in; `nil` when it is neither valid UTF-8 nor GB18030.
    static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if SourceFile.firstInvalidUTF8(bytes) == nil {
            return (String(decoding: bytes, as: UTF8.self), .utf8)
        }
        return fromGB18030(bytes).map { ($0, .gb18030) }
    }

    static func fromGB18030(_ bytes: [UInt8]) -> String? {
        let converter = iconv_open("UTF-8", "GB18030")
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes
        var output = [UInt8](repeating: 0, count: bytes.count * 2 + 16)
        let converted: Int? = input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?.assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count
                var outLeft = outBuffer.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return outBuffer.count - outLeft
            }
        }
        guard let converted else { return nil }
        return String(decoding: output[..<converted], as: UTF8.self)
    }
}
