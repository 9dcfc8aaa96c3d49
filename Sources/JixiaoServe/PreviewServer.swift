import Foundation
import HTTPTypes
import Hummingbird
import Jixiao
import JixiaoModel
import JixiaoSystem
import JixiaoTemplates
import Logging
import NIOCore
import ServiceLifecycle

/// `jixiao serve`: builds the site, serves it on loopback, rebuilds when content or templates
/// change, and tells open pages to reload; while a build fails, the last good site stays served and
/// every page shows the errors.
public struct PreviewServer: Sendable {
    public let root: URL
    public let output: URL
    public let host: String
    public let port: Int
    /// Called with the address once the server listens, and with each build's report.
    public let announce: @Sendable (String) -> Void

    public init(root: URL, output: URL? = nil, host: String = "127.0.0.1", port: Int = 1313,
                announce: @escaping @Sendable (String) -> Void)
    {
        self.root = root
        self.output = output ?? root.appendingPathComponent("public")
        self.host = host
        self.port = port
        self.announce = announce
    }

    /// How long the sources must stay unchanged after a change before the rebuild starts.
    public static let debounce = Duration.milliseconds(50)

    /// Runs until SIGINT or SIGTERM.
    public func run() async throws {
        let state = PreviewState()
        let session = BuildSession(root: root, output: output, removingPreviousSitesLater: true)
        // SIGINT and SIGTERM stop a build under way at once, the first one included (the service group
        // below, which stops the server, runs only after it).
        let signals = TerminationSignals { session.stop() }
        defer { signals.cancel() }
        // Watching before the first build: a file saved while it runs is built once the server is up.
        let watcher = Watcher(root: root)
        watcher.start()
        defer { watcher.stop() }
        let first = await rebuild(session, state, watcher)
        if session.isStopped { return await session.removedPreviousSites() }
        // A folder jixiao may not write into is not one to serve either (it may be / or content/).
        if first.diagnostics.contains(where: { Self.refusals.contains($0.code) }) {
            throw OutputRefused(output: output.path)
        }
        let output = output
        let restore: @Sendable ([String]) async -> Bool = { paths in
            // Only a file the last good build wrote, and not while the site has errors (a build would fail).
            guard paths.contains(where: session.wrote), await state.errors.isEmpty else { return false }
            await self.rebuild(session, state, watcher)
            return true
        }
        let responder = CallbackResponder<BasicRequestContext> { request, _ in
            try await Self.respond(to: request, output: output, state: state, restore: restore)
        }
        var logger = Logger(label: "jixiao.serve")
        logger.logLevel = .warning
        let host = host
        let announce = announce
        let app = Application(
            responder: responder,
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: "jixiao"),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                announce("Serving the site at \(Self.address(host: host, port: port)) (Ctrl-C to stop)")
            },
            logger: logger
        )
        let reloads = LiveReloadService(watcher: watcher, state: state) { await self.rebuild(session, state, watcher) }
        // On SIGINT or SIGTERM the services stop in reverse order: first the watcher and the open
        // event streams (which would otherwise keep the server waiting), then the server.
        let group = ServiceGroup(configuration: .init(services: [app, reloads], gracefulShutdownSignals: [.sigterm, .sigint],
                                                      logger: logger))
        try await group.run()
        await session.removedPreviousSites()
    }

    static let refusals: Set<DiagnosticCode> = [.outputNotAllowed, .outputNotOwn, .outputNotAFolder]

    /// The output folder is one jixiao may not write into: the server does not start.
    public struct OutputRefused: Error, CustomStringConvertible {
        public let output: String
        public var description: String { "nothing to serve: jixiao does not write into \(output) (see above)" }
    }

    /// Builds on a queue of its own (a build keeps every core busy and would stall the server's tasks).
    /// When the task is cancelled (the server shuts down), the build stops at its next page or step.
    @discardableResult
    /// What changed since the last build is what `watcher` saw: the files it names are looked at again.
    private func rebuild(_ session: BuildSession, _ state: PreviewState, _ watcher: Watcher) async -> BuildReport {
        let report = await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                Self.builds.async { continuation.resume(returning: session.build(changed: watcher.takeChanges())) }
            }
        } onCancel: {
            session.stop()
        }
        if report.stopped {
            announce("build stopped: the server is shutting down; the output folder was left as it was")
            return report
        }
        for diagnostic in report.diagnostics { announce(diagnostic.description) }
        if report.succeeded {
            announce(report.summary)
        } else if !report.diagnostics.contains(where: { Self.refusals.contains($0.code) }) {
            announce(await state.hasBuilt ? "build failed: the last good site is still served"
                : "build failed: no site has been built yet; fix the errors and the pages will appear")
        }
        await state.finished(report)
        // Once the reload has gone out: the work for the next build that can be done while waiting.
        if report.succeeded {
            Task.detached {
                try? await Task.sleep(for: .milliseconds(100))
                session.settle()
            }
        }
        return report
    }

    private static let builds = DispatchQueue(label: "jixiao.serve.build")

    /// `restore`: builds again when a file the last build wrote is missing from the output folder
    /// (deleted by hand while serving), given the paths relative to the folder it may have; `false`
    /// when none is one.
    static func respond(to request: Request, output: URL, state: PreviewState,
                        restore: @Sendable ([String]) async -> Bool = { _ in false }) async throws -> Response
    {
        var path = request.uri.path
        if path == LiveReload.eventsPath {
            guard request.method == .get else { return Response(status: .methodNotAllowed, headers: [.allow: "GET"]) }
            return events(state)
        }
        guard request.method == .get || request.method == .head else {
            return Response(status: .methodNotAllowed)
        }
        let base = await state.basePath
        if base != "/", path.hasPrefix(base) || path + "/" == base {
            path = "/" + path.dropFirst(min(base.count, path.count))
        }
        guard var file = StaticFiles.resolve(path, in: output) else {
            if await !state.hasBuilt, await !state.errors.isEmpty { return try await notBuilt(state: state) }
            return try await notFound(state: state, status: .forbidden)
        }
        var contents = FileManager.default.contents(atPath: file.path)
        if contents == nil {
            // A page of the site deleted from the output folder (a folder, or its index.html): built again.
            let relative = String(file.path.dropFirst(output.path.count + 1))
            if await restore([relative, relative + "/index.html"]), let again = StaticFiles.resolve(path, in: output) {
                file = again
                contents = FileManager.default.contents(atPath: file.path)
            }
        }
        guard let data = contents else {
            // Before any build has succeeded there is nothing to serve: the errors are the page.
            if await !state.hasBuilt, await !state.errors.isEmpty { return try await notBuilt(state: state) }
            return try await notFound(state: state, status: .notFound)
        }
        let stamp = FileStamp(path: file.path)
        let modified = Date(timeIntervalSince1970: TimeInterval(stamp?.seconds ?? 0))
        let errors = await state.errors
        let generation = await state.generation
        let tag = "\"\(data.count)-\(stamp?.seconds ?? 0)-\(stamp?.nanoseconds ?? 0)-\(generation)\""
        var headers: HTTPFields = [
            .contentType: StaticFiles.contentType(file),
            .eTag: tag,
            .lastModified: httpDate(modified),
            .cacheControl: "no-cache",
        ]
        if request.headers[.ifNoneMatch] == tag {
            return Response(status: .notModified, headers: headers)
        }
        var body = data
        if file.pathExtension == "html" {
            body = Data(LiveReload.inject(into: String(decoding: data, as: UTF8.self), errors: errors).utf8)
        }
        headers[.contentLength] = String(body.count)
        if request.method == .head { return Response(status: .ok, headers: headers) }
        return Response(status: .ok, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// Server-Sent Events: one `data: reload` message after every build.
    static func events(_ state: PreviewState) -> Response {
        let headers: HTTPFields = [.contentType: "text/event-stream", .cacheControl: "no-cache"]
        return Response(status: .ok, headers: headers, body: ResponseBody { writer in
            let stream = await state.subscribe()
            try await writer.write(ByteBuffer(string: ": connected\n\n"))
            for await event in stream {
                try await writer.write(ByteBuffer(string: "data: \(event)\n\n"))
            }
            try await writer.finish(nil)
        })
    }

    /// A page for what is not there, with the site's style sheet and a link home under its base_url.
    static func notFound(state: PreviewState, status: HTTPResponse.Status) async throws -> Response {
        let errors = await state.errors
        let base = Escape.html(await state.basePath)
        let page = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>页面不存在</title>
        <link rel="stylesheet" href="\(base)static/jixiao.css"></head>
        <body><main><h1>页面不存在</h1><p>没有这个页面。<a href="\(base)">返回首页</a></p></main></body></html>
        """
        let body = Data(LiveReload.inject(into: page, errors: errors).utf8)
        return Response(status: status, headers: [.contentType: "text/html; charset=utf-8", .contentLength: String(body.count)],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// What every address shows while no build of this session has succeeded: the errors, and that
    /// the pages appear once they are fixed.
    static func notBuilt(state: PreviewState) async throws -> Response {
        let page = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"><title>站点尚未构建</title></head>
        <body><main><h1>站点尚未构建</h1><p>no site has been built yet：构建有错误，修复后页面会自动出现。</p></main></body></html>
        """
        let body = Data(LiveReload.inject(into: page, errors: await state.errors, built: false).utf8)
        return Response(status: .ok, headers: [.contentType: "text/html; charset=utf-8", .contentLength: String(body.count), .cacheControl: "no-cache"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// The address a browser opens: an IPv6 host in brackets (`http://[::1]:1313/`).
    static func address(host: String, port: Int) -> String {
        let shown = host.contains(":") && !host.hasPrefix("[") ? "[\(host)]" : host
        return "http://\(shown):\(port)/"
    }

    static func httpDate(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter.string(from: date)
    }
}

/// Watches the sources and rebuilds after each settled change until shutdown; then ends every
/// live-reload stream, so that the server can close its connections.
package struct LiveReloadService: Service {
    let watcher: Watcher
    let state: PreviewState
    let rebuild: @Sendable () async -> Void

    /// `watcher`: started already.
    package func run() async throws {
        let watcher = watcher, rebuild = rebuild
        await cancelWhenGracefulShutdown {
            // Counted from the watcher's start: a change seen before this loop first looks is built too.
            var built = 0
            for await _ in watcher.wakeUps {
                // Wait until the editor has finished writing: no change for the debounce since the last one.
                var (seen, last) = watcher.lastChange
                guard seen != built else { continue }
                while true {
                    let quiet = last + PreviewServer.debounce
                    if ContinuousClock.now < quiet { try? await Task.sleep(until: quiet) }
                    let now = watcher.lastChange
                    if now.count == seen { break }
                    (seen, last) = now
                }
                built = seen
                await rebuild()
            }
        }
        watcher.stop()
        await state.closeAll()
    }
}
