#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Texts ordered by their UTF-8 bytes, as `sort` orders lines in the C locale: for paths, which are
/// sorted by the ten thousand, many times faster than comparing them as Unicode text.
package enum ByteOrder {
    package static func precedes(_ a: String, _ b: String) -> Bool {
        // Compared in place where both are stored as UTF-8 (a Swift string always is).
        let inPlace = a.utf8.withContiguousStorageIfAvailable { x in b.utf8.withContiguousStorageIfAvailable { y in precedes(x, y) } }
        return inPlace.flatMap { $0 } ?? a.utf8.lexicographicallyPrecedes(b.utf8)
    }

    /// Whether two texts have the same bytes (`==` compares them as Unicode text).
    package static func equal(_ a: String, _ b: String) -> Bool {
        let inPlace = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.count == y.count && (x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
        return inPlace.flatMap { $0 } ?? a.utf8.elementsEqual(b.utf8)
    }

    private static func precedes(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let shared = min(a.count, b.count)
        let order = shared == 0 ? 0 : memcmp(a.baseAddress!, b.baseAddress!, shared)
        return order != 0 ? order < 0 : a.count < b.count
    }

    /// The indices of `texts` in their order: their bytes are laid end to end once, and compared in place.
    package static func order(_ texts: [String]) -> [Int] {
        var bytes: [UInt8] = []
        var starts = [0]
        starts.reserveCapacity(texts.count + 1)
        for text in texts {
            bytes.append(contentsOf: text.utf8)
            starts.append(bytes.count)
        }
        var order = Array(texts.indices)
        guard !bytes.isEmpty else { return order }
        bytes.withUnsafeBufferPointer { bytes in
            starts.withUnsafeBufferPointer { starts in
                let base = bytes.baseAddress!
                order.sort { i, j in
                    let a = starts[i], b = starts[j]
                    let aCount = starts[i + 1] - a, bCount = starts[j + 1] - b
                    let compared = memcmp(base + a, base + b, min(aCount, bCount))
                    return compared != 0 ? compared < 0 : aCount < bCount
                }
            }
        }
        return order
    }

    /// Where `text` is in `ordered` (texts in their order), by halving; `nil` when it is not there.
    package static func index(of text: String, inOrdered ordered: [String]) -> Int? {
        var low = 0, high = ordered.count
        while low < high {
            let middle = (low + high) / 2
            if precedes(ordered[middle], text) { low = middle + 1 } else { high = middle }
        }
        return low < ordered.count && ordered[low].utf8.elementsEqual(text.utf8) ? low : nil
    }

    /// `texts` in their order.
    package static func sorted(_ texts: [String]) -> [String] {
        order(texts).map { texts[$0] }
    }
}
