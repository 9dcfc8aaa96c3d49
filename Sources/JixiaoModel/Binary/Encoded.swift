import Synchronization

/// A value kept as the bytes a model file holds it in (written on its own by a `BinaryWriter`, symbols
/// and all), decoded the first time it is asked for. A rebuild after an edit reads back every project of
/// the site and looks closely at few: those whose pages it renders.
final class Encoded<Value: Sendable>: Sendable {
    private let store: ByteStore
    private let range: Range<Int>
    private let read: @Sendable (inout BinaryReader) throws -> Value
    /// What stands for bytes that do not decode (`ModelDamage`).
    private let fallback: Value
    /// Where bytes that do not decode are counted: the model file's reader's.
    private let damage: ModelDamage
    private let cache = Mutex<Value?>(nil)

    init(_ blob: (store: ByteStore, range: Range<Int>), fallback: Value, damage: ModelDamage, read: @escaping @Sendable (inout BinaryReader) throws -> Value) {
        store = blob.store
        range = blob.range
        self.fallback = fallback
        self.damage = damage
        self.read = read
    }

    /// The bytes as written, to write again unchanged.
    func withEncoded<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result { store.withBytes(range, body) }

    /// Whether it was asked for (and so decoded).
    var isDecoded: Bool { cache.withLock { $0 != nil } }

    var value: Value {
        cache.withLock { cached in
            if let cached { return cached }
            var input = BinaryReader(store, from: range.lowerBound, to: range.upperBound, damage: damage)
            var value = fallback
            if let decoded = try? read(&input), input.isAtEnd {
                value = decoded
            } else {
                damage.count.add(1, ordering: .relaxed)
            }
            cached = value
            return value
        }
    }
}

/// Bytes of a model file that hashed right and would not decode, counted. The entry's hash is checked
/// when the file is read, and this jixiao wrote it, so only a file made to look right gets here; a build
/// that counts any builds again without the model file (`BuildSession`). Each reader of model files
/// counts its own, so that builds side by side in one process (tests) do not see each other's.
public final class ModelDamage: Sendable {
    public let count = Atomic<Int>(0)

    public init() {}

    /// For values decoded from bytes that no model file's reader gave.
    public static let unread = ModelDamage()
}
