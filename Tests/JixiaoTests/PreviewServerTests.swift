import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `jixiao serve`, started as users start it, over real HTTP on a free port.
@Suite(.serialized) struct PreviewServerTests {
    /// A running `jixiao serve` of a copy of the golden site.
    final class Server {
        let process = Process()
        let site: URL
        let port: Int
        private let output = Pipe()

        init() throws {
            site = try Scratch.copy(of: "golden")
            process.executableURL = CommandLineTests.executable
            process.arguments = ["serve", site.path, "--port", "0"]
            process.standardOutput = output
            process.standardError = output
            try process.run()
            var seen = ""
            let deadline = Date().addingTimeInterval(30)
            while Date() < deadline, !seen.contains("Serving the site at") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            let match = seen.range(of: #"http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression).map { String(seen[$0]) }
            port = match.flatMap { Int($0.split(separator: ":").last!.dropLast()) } ?? 0
        }

        func edit(_ file: String, _ change: (String) -> String) throws {
            let url = site.appendingPathComponent(file)
            try change(try String(contentsOf: url, encoding: .utf8)).write(to: url, atomically: true, encoding: .utf8)
        }

        deinit {
            if process.isRunning {
                process.terminate()
                process.waitUntilExit()
            }
        }
    }

    @Test func servesPagesWithLiveReloadAndCachingHeaders() throws {
        let server = try Server()
        try #require(server.port > 0)
        let page = HTTPProbe.get("/site/2023/demo/a-goal/", port: server.port)
        #expect(page.status == 200)
        #expect(page.text.contains("Content-Type: text/html; charset=utf-8"))
        #expect(page.text.contains("<h1>培训项目项目绩效目标表</h1>"))
        #expect(page.text.contains("new EventSource(\"/__jixiao/events\")"))
        let tag = try #require(page.text.split(separator: "\r\n").first { $0.lowercased().hasPrefix("etag:") }?.split(separator: " ").last)
        #expect(page.text.lowercased().contains("last-modified:"))
        #expect(HTTPProbe.get("/site/2023/demo/a-goal/", port: server.port, headers: ["If-None-Match": String(tag)]).status == 304)
        let markdown = HTTPProbe.get("/site/2023/demo/a-goal/index.md", port: server.port)
        #expect(markdown.status == 200 && markdown.text.contains("text/markdown"))
        let css = HTTPProbe.get("/site/static/jixiao.css", port: server.port)
        #expect(css.text.contains("text/css"))
        let missing = HTTPProbe.get("/site/2023/nothing-here/", port: server.port)
        #expect(missing.status == 404 && missing.text.contains("页面不存在"))
    }

    @Test(arguments: ["/site/../../../etc/passwd", "/site/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2f..%2fetc%2fpasswd",
                      "/site/.jixiao-manifest", "/site/%2E%2E%5c%2E%2E%5cetc%5cpasswd"])
    func refusesPathsThatLeaveTheSite(_ path: String) throws {
        let server = try Server()
        try #require(server.port > 0)
        let response = HTTPProbe.get(path, port: server.port)
        #expect([403, 404].contains(response.status), "\(path): \(response.status)")
        #expect(!response.text.contains("root:"))
    }

    @Test func editsReloadPagesAndErrorsShowInTheBrowser() throws {
        let server = try Server()
        try #require(server.port > 0)
        let stream = try #require(HTTPProbe(port: server.port, timeout: 10))
        stream.send("/__jixiao/events")
        #expect(stream.read(until: ": connected").contains("text/event-stream"))

        // An edit: the event arrives and the page shows the change.
        try server.edit("content/2023/demo/a-goal.md") { $0.replacingOccurrences(of: "name: 培训项目", with: "name: 培训项目（修订）") }
        #expect(stream.read(until: "data: reload").contains("data: reload"))
        #expect(HTTPProbe.get("/site/2023/demo/a-goal/", port: server.port).text.contains("培训项目（修订）项目绩效目标表"))

        // A broken file: the overlay names it, the last good page is still served.
        try server.edit("content/2023/demo/a-goal.md") { $0.replacingOccurrences(of: "weight: 20", with: "weight: [20") }
        #expect(stream.read(until: "data: reload").contains("data: reload"))
        let broken = HTTPProbe.get("/site/2023/demo/a-goal/", port: server.port).text
        #expect(broken.contains("id=\"jixiao-errors\""))
        #expect(broken.contains("content/2023/demo/a-goal.md:"))
        #expect(broken.contains("培训项目（修订）项目绩效目标表"))

        // Fixed: the overlay is gone.
        try server.edit("content/2023/demo/a-goal.md") { $0.replacingOccurrences(of: "weight: [20", with: "weight: 20") }
        #expect(stream.read(until: "data: reload").contains("data: reload"))
        #expect(!HTTPProbe.get("/site/2023/demo/a-goal/", port: server.port).text.contains("jixiao-errors"))
    }

    @Test func stopsOnSIGINTAndFreesThePort() throws {
        let server = try Server()
        try #require(server.port > 0)
        let stream = try #require(HTTPProbe(port: server.port))
        stream.send("/__jixiao/events")
        _ = stream.read(until: ": connected")
        let start = Date()
        kill(server.process.processIdentifier, SIGINT)
        server.process.waitUntilExit()
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(HTTPProbe(port: server.port) == nil)
    }
}
