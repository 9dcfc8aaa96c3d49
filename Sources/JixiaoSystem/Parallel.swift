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
