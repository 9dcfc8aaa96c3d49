import Foundation
import Synchronization

/// A value worked out on another core while the caller goes on with other work; `value` waits for it.
package final class Lookahead<Value: Sendable>: Sendable {
    private let done = DispatchGroup()
    private let result = Mutex<Value?>(nil)

    package init(_ work: @escaping @Sendable () -> Value) {
        DispatchQueue.global().async(group: done) {
            let value = work()
            self.result.withLock { $0 = value }
        }
    }

    package var value: Value {
        done.wait()
        return result.withLock { $0! }
    }
}
