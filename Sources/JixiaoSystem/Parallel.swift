import Dispatch
import Foundation

/// Work spread over all cores, results kept in order.
package enum Parallel {
    package static func map<T, R>(_ items: [T], _ transform: (T) -> R) -> [R] {
        if items.count < 2 { return items.map(transform) }
        let results = UnsafeMutableBufferPointer<R?>.allocate(capacity: items.count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        withoutActuallyEscaping(transform) { transform in
            let box = UncheckedBox((items, transform, results))
            DispatchQueue.concurrentPerform(iterations: items.count) { index in
                let (items, transform, results) = box.value
                results[index] = transform(items[index])
            }
        }
        return results.map { $0! }
    }

    /// `0 ..< count` in up to 16 chunks (about eight a core, since items vary in cost), for `map` over
    /// ranges of a long list.
    package static func chunks(_ count: Int) -> [Range<Int>] {
        let parts = max(1, min(count, 16))
        return (0 ..< parts).map { part in count * part / parts ..< count * (part + 1) / parts }
    }
}

/// Hands values that are only read, or written at distinct indices, to a parallel loop.
///
/// Unchecked, and safe: `Parallel.map` is its only user; the loop's items and transform are only read,
/// each iteration writes the one result slot of its own index, and the buffer is read only after
/// `concurrentPerform` has returned, which orders every write before the reads.
package struct UncheckedBox<T>: @unchecked Sendable {
    let value: T
    init(_ value: T) { self.value = value }
}
