#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
import Synchronization

/// A line on the terminal that shows how far a long step has come (`rendering pages 1,234 of 15,604, 3.2 s`),
/// from its first second on, redrawn five times a second and cleared when the step ends. Nothing is shown
/// when standard error is no terminal or the user asked for quiet: logs and pipes get the report only.
///
/// Unchecked, and safe: the counters are atomics, and the timer is set once, in `init`, and then only
/// cancelled (a dispatch source may be cancelled from any thread).
public final class ProgressLine: @unchecked Sendable {
    private let what: String
    private let total: Int?
    private let done = Atomic(0)
    private let started = DispatchTime.now()
    private let shown = Atomic(false)
    private let timer: (any DispatchSourceTimer)?

    /// `what`: the things counted (`pages rendered`); `total`: how many there will be, when known.
    public init(_ what: String, total: Int? = nil, quiet: Bool = false) {
        self.what = what
        self.total = total
        guard !quiet, isatty(STDERR_FILENO) == 1 else {
            timer = nil
            return
        }
        let source = DispatchSource.makeTimerSource(queue: DispatchQueue.global(qos: .utility))
        timer = source
        source.schedule(deadline: .now() + 1, repeating: .milliseconds(200))
        source.setEventHandler { [weak self] in self?.draw() }
        source.resume()
    }

    /// A progress that shows nothing.
    public static var silent: ProgressLine { ProgressLine("", quiet: true) }

    public func advance(by count: Int = 1) {
        done.add(count, ordering: .relaxed)
    }

    /// Stops drawing and clears the line, if one was drawn.
    public func finish() {
        timer?.cancel()
        if shown.load(ordering: .relaxed) { Self.write("\r\u{1B}[K") }
    }

    deinit { timer?.cancel() }

    private func draw() {
        let count = done.load(ordering: .relaxed)
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let tenths = Int((seconds * 10).rounded())
        let elapsed = "\(tenths / 10).\(tenths % 10) s"
        // Without a count (one long step, such as printing): the time alone.
        let counted = total.map { ": \(count) of \($0)" } ?? (count > 0 ? ": \(count)" : "")
        Self.write("\r\u{1B}[K\(what)\(counted), \(elapsed)")
        shown.store(true, ordering: .relaxed)
    }

    private static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            #if canImport(Glibc)
            _ = Glibc.write(STDERR_FILENO, bytes.baseAddress, bytes.count)
            #else
            _ = Darwin.write(STDERR_FILENO, bytes.baseAddress, bytes.count)
            #endif
        }
    }
}
