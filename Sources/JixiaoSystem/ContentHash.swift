/// A 64-bit hash of bytes, stable across runs and machines: four lanes of eight bytes, each word mixed
/// in by a multiply and a shift, the lanes then mixed into one (where it is used, the size is compared
/// apart, so short tails need no length). Four lanes, because each lane waits on its multiply: side by
/// side they hash a site's hundreds of megabytes about three times as fast.
/// It tells files apart in the output's manifest and checks what a build kept for the next one.
package enum ContentHash {
    package static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        @inline(__always) func mix(_ hash: inout UInt64, _ word: UInt64) {
            hash = (hash ^ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        var lanes: (UInt64, UInt64, UInt64, UInt64) = (0xCBF2_9CE4_8422_2325, 0x8422_2325_CBF2_9CE4, 0x9CE4_CBF2_2325_8422, 0x2325_8422_9CE4_CBF2)
        let blocks = bytes.count / 32
        for block in 0 ..< blocks {
            let offset = block * 32
            mix(&lanes.0, bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            mix(&lanes.1, bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            mix(&lanes.2, bytes.loadUnaligned(fromByteOffset: offset + 16, as: UInt64.self))
            mix(&lanes.3, bytes.loadUnaligned(fromByteOffset: offset + 24, as: UInt64.self))
        }
        var hash = lanes.0
        mix(&hash, lanes.1)
        mix(&hash, lanes.2)
        mix(&hash, lanes.3)
        let words = bytes.count / 8
        for index in (blocks * 4) ..< words { mix(&hash, bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
        var tail: UInt64 = 0
        for (shift, byte) in bytes[(words * 8)...].enumerated() { tail |= UInt64(byte) << (8 * UInt64(shift)) }
        mix(&hash, tail)
        return hash
    }

    package static func of(_ bytes: some Collection<UInt8>) -> UInt64 {
        bytes.withContiguousStorageIfAvailable { of(UnsafeRawBufferPointer($0)) } ?? Array(bytes).withUnsafeBytes { of($0) }
    }
}
