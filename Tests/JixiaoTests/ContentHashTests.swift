import Foundation
import JixiaoSystem
import Testing

/// The hash that tells files apart in the output's manifest: bytes given in parts (a file put together
/// from others) hash as the same bytes laid end to end, however they are cut.
@Suite struct ContentHashTests {
    @Test func partsHashAsTheWhole() {
        var random = FrontMatterDifferentialTests.Generator(state: 20261130)
        for length in [0, 1, 7, 8, 31, 32, 33, 63, 64, 65, 100, 257, 1000, 4099] {
            let bytes = (0 ..< length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let whole = bytes.withUnsafeBytes { ContentHash.of($0) }
            for _ in 0 ..< 20 {
                // Cut anywhere, empty parts included.
                var cuts = (0 ..< random.below(6)).map { _ in random.below(length + 1) }.sorted()
                cuts = [0] + cuts + [length]
                let parts = zip(cuts, cuts.dropFirst()).map { Array(bytes[$0 ..< $1]) }
                let hash = withParts(parts) { ContentHash.of(parts: $0) }
                #expect(hash == whole, "\(length) bytes cut at \(cuts)")
            }
        }
        // Not every cut of the same bytes gives the same hash by accident: a byte changed changes it.
        let changed = [UInt8](repeating: 1, count: 100), other = [UInt8](repeating: 1, count: 99) + [2]
        #expect(changed.withUnsafeBytes { ContentHash.of($0) } != other.withUnsafeBytes { ContentHash.of($0) })
    }

    private func withParts(_ parts: [[UInt8]], _ body: ([UnsafeRawBufferPointer]) -> UInt64) -> UInt64 {
        func step(_ index: Int, _ pointers: [UnsafeRawBufferPointer]) -> UInt64 {
            guard index < parts.count else { return body(pointers) }
            return parts[index].withUnsafeBytes { step(index + 1, pointers + [$0]) }
        }
        return step(0, [])
    }
}
