import Synchronization

/// A value kept as the bytes a model file holds it in (written on its own by a `BinaryWriter`, symbols
/// and all), decoded the first time it is asked for. A rebuild after an edit reads back every project of
/// the site and looks closely at few: those whose pages it renders.
final class Encoded<Value: Sendable>: Sendable {
    private let bytes: [UInt8]
    private let range: Range<Int>
    private let read: @Sendable (inout BinaryReader) throws -> Value
    private let cache = Mutex<Value?>(nil)

    init(_ blob: (bytes: [UInt8], range: Range<Int>), read: @escaping @Sendable (inout BinaryReader) throws -> Value) {
        bytes = blob.bytes
        range = blob.range
        self.read = read
    }

    /// The bytes as written, to write again unchanged.
    var encoded: ArraySlice<UInt8> { bytes[range] }

    /// Whether it was asked for (and so decoded).
    var isDecoded: Bool { cache.withLock { $0 != nil } }

    var value: Value {
        cache.withLock { cached in
            if let cached { return cached }
            var input = BinaryReader(bytes, from: range.lowerBound, to: range.upperBound)
            // The model file's entry was checked against its hash when read, and written by this same
            // jixiao: these bytes decode unless jixiao itself is wrong.
            guard let value = try? read(&input), input.isAtEnd else {
                preconditionFailure("jixiao could not read back what it kept in .jixiao-model; remove that file from the output folder and build again")
            }
            cached = value
            return value
        }
    }
}
