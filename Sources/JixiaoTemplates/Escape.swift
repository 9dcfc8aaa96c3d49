/// HTML escaping of values, byte for byte as swift-mustache escapes them: `&`, `<`, `>`, `"` and `'`.
/// The one HTML (and XML) escaper of the project: templates, the sitemap and the preview's own pages use it.
public enum Escape {
    /// Appends the text escaped, without making a string of it first.
    static func html(_ text: String, into output: inout String) {
        let bytes = text.utf8
        var start = bytes.startIndex
        var index = start
        while index != bytes.endIndex {
            let entity: String
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default:
                bytes.formIndex(after: &index)
                continue
            }
            if start != index { output += text[start ..< index] }
            output += entity
            bytes.formIndex(after: &index)
            start = index
        }
        if start == bytes.startIndex {
            output += text
        } else if start != bytes.endIndex {
            output += text[start ..< bytes.endIndex]
        }
    }

    public static func html(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else {
            return text
        }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case UInt8(ascii: ">"): out.append(contentsOf: "&gt;".utf8)
            case UInt8(ascii: "\""): out.append(contentsOf: "&quot;".utf8)
            case UInt8(ascii: "'"): out.append(contentsOf: "&#39;".utf8)
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
