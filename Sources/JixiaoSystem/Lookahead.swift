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

    /// Waits for the value, and gives what `take` moves out of it (so that it is not shared with the copy
    /// kept here: a table taken out can be changed in place).
    package func take<Part>(_ take: (inout Value) -> Part) -> Part {
        done.wait()
        return result.withLock { take(&$0!) }
    }
}
