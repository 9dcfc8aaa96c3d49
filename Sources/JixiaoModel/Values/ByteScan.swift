#if canImport(Glibc)
import Glibc
#endif

/// Searches of a text's UTF-8 bytes in place: a loop over its buffer (or `memchr`), where stepping
/// through `String.UTF8View` one index at a time cost several times as much on every content file.
public enum ByteScan {
    /// Whether any byte of `text` passes `test`.
    @inlinable
    public static func contains(_ text: String, where test: (UInt8) -> Bool) -> Bool {
        if let found = text.utf8.withContiguousStorageIfAvailable({ $0.contains(where: test) }) { return found }
        return text.utf8.contains(where: test)
    }

    /// Whether `text` holds `byte`.
    public static func contains(_ text: String, _ byte: UInt8) -> Bool {
        firstOffset(of: byte, in: text, from: 0) != nil
    }

    /// Whether `bytes` hold `byte` (`memchr`: `Array.contains` steps through them one index at a time).
    public static func contains(_ bytes: [UInt8], _ byte: UInt8) -> Bool {
        bytes.withUnsafeBufferPointer { buffer in buffer.baseAddress.map { memchr($0, Int32(byte), buffer.count) != nil } ?? false }
    }

    /// The offset of the first `byte` of `text` at or after offset `start`, or `nil`.
    public static func firstOffset(of byte: UInt8, in text: String, from start: Int) -> Int? {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Int? in
            guard start < bytes.count, let base = bytes.baseAddress else { return nil }
            guard let hit = memchr(base + start, Int32(byte), bytes.count - start) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
        if let found { return found }
        var offset = start
        for value in text.utf8.dropFirst(start) {
            if value == byte { return offset }
            offset += 1
        }
        return nil
    }
}
