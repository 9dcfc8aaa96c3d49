import Dispatch
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Calls a handler when the process receives SIGINT (Ctrl-C) or SIGTERM, instead of ending it there:
/// `jixiao serve` stops a build under way and then shuts down in order. Other listeners (the service
/// group's) receive the signals too.
package final class TerminationSignals: Sendable {
    private let sources = Mutex<[any DispatchSourceSignal]>([])
    /// A queue of its own: a queue made so gets a thread even while a build keeps the shared ones busy,
    /// where the global queue would run the handler only once a worker is free (after a unit's pages).
    private static let queue = DispatchQueue(label: "jixiao.signals", qos: .userInteractive)

    package init(_ handler: @escaping @Sendable () -> Void) {
        sources.withLock { sources in
            for number in [SIGINT, SIGTERM] {
                // Ignored by the process, the signal reaches the dispatch source alone.
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: Self.queue)
                source.setEventHandler(handler: handler)
                source.resume()
                sources.append(source)
            }
        }
    }

    /// Stops listening (the signals stay ignored: whoever listens next decides).
    package func cancel() {
        sources.withLock { sources in
            for source in sources { source.cancel() }
            sources = []
        }
    }
}
