/// HTML escaping of values, byte for byte as swift-mustache escapes them: `&`, `<`, `>`, `"` and `'`.
/// The one HTML (and XML) escaper of the project: templates, the sitemap and the preview's own pages use it.
public enum Escape {
    /// Appends the text's bytes escaped, without making a string of it first.
    static func html(_ text: String, into output: inout [UInt8]) {
        if text.utf8.withContiguousStorageIfAvailable({ html($0, into: &output) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { html($0, into: &output) }
        }
    }

    /// Appends the bytes escaped: the runs between the characters to escape copied whole.
    static func html(_ bytes: UnsafeBufferPointer<UInt8>, into output: inout [UInt8]) {
        var start = 0
        for index in bytes.indices {
            let entity: StaticString
            switch bytes[index] {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            if start < index { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start ..< index])) }
            output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            start = index + 1
        }
        if start < bytes.count { output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...])) }
    }

    public static func html(_ text: String) -> String {
        let bytes = text.utf8
        guard bytes.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">") || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else {
            return text
        }
        var out = [UInt8]()
        out.reserveCapacity(bytes.count + 16)
        html(text, into: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
