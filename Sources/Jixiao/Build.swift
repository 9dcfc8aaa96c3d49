import Foundation
import Synchronization
import JixiaoModel
import JixiaoWrite

/// What a build did, for its one-line summary.
public struct BuildReport: CommandReport, Sendable {
    public var diagnostics: [Diagnostic]
    /// site.yaml's base_url: the prefix of every link the site writes.
    public var baseURL = "/"
    public var pages = 0
    /// Pages rendered by this build (the others were kept as the last build wrote them).
    public var rendered = 0
    /// Project files and tables parsed by this build (the others were taken as the last build read them).
    public var parsed = 0
    public var files = WriteStats()
    /// Each step's name and duration in seconds, in order.
    public var timings: [(step: String, seconds: Double)] = []

    /// Whether the output folder is as it was before the build, when it failed.
    public var outputUntouched = true

    public var succeeded: Bool { !diagnostics.hasErrors }

    public var reported: [Diagnostic] { diagnostics }

    /// Whether the build was stopped by `BuildSession.stop()`.
    public var stopped: Bool { diagnostics.contains { $0.code == .buildStopped } }

    /// A stopped build's report: nothing was written.
    static func stopped(_ report: BuildReport) -> BuildReport {
        var report = report
        report.diagnostics.append(.error(.buildStopped, "the build stopped before it finished: the preview server is shutting down; "
            + "the output folder was left as it was", at: nil))
        return report
    }

    public var summary: String {
        guard succeeded else {
            let state = outputUntouched ? "the output folder was left as it was" : "the output folder was changed (see above)"
            return "build failed: \(counted(diagnostics.errorCount, "error")); \(state)"
        }
        let steps = timings.map { "\($0.step) \(String(format: "%.0f", $0.seconds * 1000)) ms" }.joined(separator: ", ")
        let total = timings.map(\.seconds).reduce(0, +)
        let kept = pages - rendered
        let rendering = kept > 0 ? "\(rendered) pages rendered, \(kept) kept" : "\(pages) pages"
        return "built \(rendering) (\(files.written) files written, \(files.unchanged) unchanged, \(files.removed) removed) in \(String(format: "%.0f", total * 1000)) ms: \(steps)"
    }
}

extension Pipeline {
    /// load → check → render → write, everything. Nothing is written when check or the templates report errors.
    /// `review`: write each unit's review page (审核意见) too, as `review: {page: true}` in site.yaml does.
    /// `progress`: show how far rendering has come on the terminal (nothing when standard error is no terminal).
    /// `endsProcess`: the process ends after the build (the command line), so the parsed site is left to
    /// the system to reclaim: freeing its millions of objects one by one takes longer than a small rebuild.
    public static func build(root: URL, output: URL? = nil, review: Bool = false, progress: Bool = false, endsProcess: Bool = false) -> BuildReport {
        let session = BuildSession(root: root, output: output, reviewPages: review, persistent: true, showsProgress: progress)
        let report = session.build()
        if endsProcess { _ = Unmanaged.passRetained(session) }
        return report
    }
}

/// Times the steps of a build.
package struct StepClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(step: String, seconds: Double)] = []

    mutating func lap(_ step: String) {
        let now = DispatchTime.now()
        laps.append((step, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}

/// The first error of a parallel loop.
package final class FirstError: Sendable {
    private let stored = Mutex<(any Error)?>(nil)

    var error: (any Error)? { stored.withLock { $0 } }
    var isSet: Bool { error != nil }

    func set(_ error: any Error) {
        stored.withLock { if $0 == nil { $0 = error } }
    }
}
