import Foundation
import Jixiao
import JixiaoModel

/// What the preview server knows of the last build: its errors, if any, and the open live-reload streams.
package actor PreviewState {
    private(set) var errors: [Diagnostic] = []
    /// Whether a build of this session has succeeded: until one has, there may be no site to show.
    private(set) var hasBuilt = false
    private(set) var generation = 0
    /// The path part of base_url (`/` or `/site/`): requests below it are the site's pages.
    private(set) var basePath = "/"
    private var listeners: [Int: AsyncStream<String>.Continuation] = [:]
    private var nextListener = 0

    /// Records a build's outcome and tells every open page to reload.
    func finished(_ report: BuildReport) {
        errors = report.diagnostics.filter { $0.severity == .error }
        if report.succeeded {
            hasBuilt = true
            let path = URL(string: report.baseURL)?.path ?? "/"
            basePath = path.hasSuffix("/") ? path : path + "/"
        }
        generation += 1
        for listener in listeners.values { listener.yield("reload") }
    }

    /// A stream of events for one page; it ends when the page goes away.
    func subscribe() -> AsyncStream<String> {
        let (stream, continuation) = AsyncStream<String>.makeStream(bufferingPolicy: .bufferingNewest(4))
        let id = nextListener
        nextListener += 1
        listeners[id] = continuation
        continuation.onTermination = { [weak self] _ in
            Task { await self?.unsubscribe(id) }
        }
        return stream
    }

    private func unsubscribe(_ id: Int) {
        listeners[id] = nil
    }

    /// Ends every stream, so that the server can stop.
    func closeAll() {
        for listener in listeners.values { listener.finish() }
        listeners = [:]
    }
}
