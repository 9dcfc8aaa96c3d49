/// Text laid out by a template, as its UTF-8 bytes: written to its file as it is, or placed in another
/// template's output (`TemplateValue.rendered`), without being made a `String` (and checked again as
/// UTF-8) in between. Valid UTF-8 by construction: every piece appended came from a string.
public struct Rendered: Sendable, Equatable {
    public internal(set) var bytes: [UInt8]

    public static let empty = Rendered(bytes: [])

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    /// The text as a string (checked as UTF-8 on the way).
    public var string: String { String(decoding: bytes, as: UTF8.self) }

    /// The text in an array of its own length: one rendered into a growing array holds up to twice its
    /// length, which matters where many are kept.
    public func compacted() -> Rendered {
        guard bytes.capacity > bytes.count + bytes.count / 16 else { return self }
        return Rendered(bytes: [UInt8](unsafeUninitializedCapacity: bytes.count) { buffer, count in
            count = buffer.initialize(fromContentsOf: bytes)
        })
    }

    /// The bytes it takes in memory.
    public var capacity: Int { bytes.capacity }

    /// Drops its last line break (`\n` or `\r\n`), if it ends with one: `{{{sheetHTML}}}` on a line of
    /// its own then places it as the partial would.
    public mutating func dropLastLineBreak() {
        if bytes.last == 0x0A {
            bytes.removeLast()
            if bytes.last == 0x0D { bytes.removeLast() }
        }
    }
}
