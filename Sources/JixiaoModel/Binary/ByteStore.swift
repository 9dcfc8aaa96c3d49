/// Bytes that do not move and are never changed, owned by whatever holds them last: a model file mapped
/// into memory (`init(unchangingBuffer:release:)`), or a copy of an array. What is read from them (a
/// `BinaryReader`, an `Encoded` value) keeps the store, so that it lives as long as something reads it.
public final class ByteStore: @unchecked Sendable {
    /// Valid, and unchanged, for as long as the store lives: read by what keeps the store.
    let bytes: UnsafeBufferPointer<UInt8>
    private let release: @Sendable (UnsafeBufferPointer<UInt8>) -> Void

    /// Takes over `buffer`, which nothing changes while the store lives; `release` gives it back.
    public init(unchangingBuffer buffer: UnsafeBufferPointer<UInt8>, release: @escaping @Sendable (UnsafeBufferPointer<UInt8>) -> Void) {
        bytes = buffer
        self.release = release
    }

    /// A copy of `array`.
    public convenience init(_ array: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, array.count))
        _ = copy.initialize(from: array)
        self.init(unchangingBuffer: UnsafeBufferPointer(rebasing: copy[..<array.count])) { UnsafeMutableBufferPointer(mutating: $0).deallocate() }
    }

    public var count: Int { bytes.count }

    /// `body` of the bytes in `range` (all of them by default), the store kept alive while it runs.
    public func withBytes<Result>(_ range: Range<Int>? = nil, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try withExtendedLifetime(self) { try body(UnsafeBufferPointer(rebasing: bytes[range ?? 0 ..< bytes.count])) }
    }

    deinit { release(bytes) }
}
