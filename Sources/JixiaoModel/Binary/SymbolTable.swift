#if canImport(Glibc)
import Glibc
#endif

/// The symbols a `BinaryWriter` has written, numbered in order of first use, found by their UTF-8
/// bytes: hashed (FNV-1a) and compared as bytes, in a table of open addressing. A string's own hashing
/// puts non-ASCII text (field values such as 正向) into normal form first, which made looking symbols up
/// the larger part of writing the model file; and equal bytes are what a symbol must give back.
struct SymbolTable {
    private var texts: [String] = []
    private var hashes: [UInt64] = []
    /// Indexes into `texts`, -1 where empty; a power of two long, at most half full.
    private var slots = [Int32](repeating: -1, count: 64)

    /// The symbol's number, and whether it was new (it is then numbered `count` before the call).
    mutating func number(of text: String) -> (number: Int, isNew: Bool) {
        let hash = Self.hash(text)
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] >= 0 {
            let index = Int(slots[slot])
            if hashes[index] == hash, Self.sameBytes(texts[index], text) { return (index, false) }
            slot = (slot + 1) & mask
        }
        slots[slot] = Int32(texts.count)
        texts.append(text)
        hashes.append(hash)
        if texts.count * 2 > slots.count { grow() }
        return (texts.count - 1, true)
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        let mask = slots.count - 1
        for (index, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] >= 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(index)
        }
    }

    private static func sameBytes(_ one: String, _ other: String) -> Bool {
        let compared = one.utf8.withContiguousStorageIfAvailable { one in
            other.utf8.withContiguousStorageIfAvailable { other in
                one.count == other.count && (one.isEmpty || memcmp(one.baseAddress!, other.baseAddress!, one.count) == 0)
            }
        }
        return (compared ?? nil) ?? one.utf8.elementsEqual(other.utf8)
    }

    private static func hash(_ text: String) -> UInt64 {
        func fnv(_ bytes: some Sequence<UInt8>) -> UInt64 {
            var hash: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes {
                hash ^= UInt64(byte)
                hash &*= 0x0000_0100_0000_01B3
            }
            // Mixed, so that the low bits (the slot) depend on every byte.
            return hash ^ (hash >> 29)
        }
        return text.utf8.withContiguousStorageIfAvailable(fnv) ?? fnv(text.utf8)
    }
}
