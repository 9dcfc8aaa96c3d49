import Foundation
import JixiaoSystem

/// Text files from spreadsheets: UTF-8 (with or without BOM), or GB18030/GBK, which spreadsheet
/// exports in China commonly use. GB18030 is decoded with the platform's iconv.
package enum TextDecoding {
    package enum Encoding: String {
        case utf8 = "UTF-8"
        case gb18030 = "GB18030"
    }

    /// The text and the encoding it was read in; `nil` when it is neither valid UTF-8 nor GB18030.
    package static func decode(_ data: Data) -> (text: String, encoding: Encoding)? {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if firstInvalidUTF8(bytes) == nil {
            return (String(decoding: bytes, as: UTF8.self), .utf8)
        }
        return fromGB18030(bytes).map { ($0, .gb18030) }
    }

    static func fromGB18030(_ bytes: [UInt8]) -> String? { Iconv.decode(bytes, from: "GB18030") }

    /// The offset, line and column (in characters) of the first byte that is not valid UTF-8.
    package static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                if encoded.count == 1 && encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += encoded.count
            case .emptyInput:
                return nil
            case .error:
                return (offset, line, column)
            }
        }
    }
}
