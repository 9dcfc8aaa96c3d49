import Foundation
import Jixiao
import Testing
@testable import JixiaoServe
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
        /// What the server printed before it was ready.
        let announced: String
        private let output = Pipe()

        /// `site`: the site to serve (a copy of the golden site when not given); `wait`: whether to
        /// wait until it serves.
        init(_ options: [String] = [], site: URL? = nil, wait: Bool = true) throws {
            self.site = try site ?? Scratch.copy(of: "golden")
            process.executableURL = CommandLineTests.executable
            process.arguments = ["serve", self.site.path, "--port", "0"] + options
            process.standardOutput = output
            process.standardError = output
            try process.run()
            var seen = ""
            let deadline = Date().addingTimeInterval(wait ? 60 : 0)
            while Date() < deadline, !seen.contains("Serving the site at") {
                let chunk = output.fileHandleForReading.availableData
                if chunk.isEmpty { break }
                seen += String(decoding: chunk, as: UTF8.self)
            }
            let match = seen.range(of: #"http://[0-9.]+:(\d+)/"#, options: .regularExpression).map { String(seen[$0]) }
            port = match.flatMap { Int($0.split(separator: ":").last!.dropLast()) } ?? 0
            announced = seen
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

    /// The live-reload stream answers GET only; an IPv6 address is printed in brackets; a port out of
    /// range is refused before anything starts.
    @Test func eventsAnswerGetOnlyAndAddressesAreWhatABrowserOpens() throws {
        let server = try Server()
        try #require(server.port > 0)
        let post = HTTPProbe.request("POST", "/__jixiao/events", port: server.port)
        #expect(post.status == 405)
        #expect(PreviewServer.address(host: "::1", port: 1313) == "http://[::1]:1313/")
        #expect(PreviewServer.address(host: "127.0.0.1", port: 80) == "http://127.0.0.1:80/")
        let refused = try CommandLineTests.run(["serve", server.site.path, "--port", "99999"])
        #expect(refused.status != 0 && refused.stderr.contains("--port must be a port number from 0 to 65535"))
    }

    /// A first build that fails leaves nothing to serve: every address answers 200 with the errors
    /// and says that no site has been built yet; the terminal says so too.
    @Test func aFirstBuildThatFailsShowsItsErrors() throws {
        let server = try Server(site: try Scratch.copy(of: "unknown-key"))
        try #require(server.port > 0)
        var page = HTTPProbe.get("/", port: server.port)
        let deadline = Date().addingTimeInterval(20)
        while !page.text.contains("jixiao-errors"), Date() < deadline {
            Thread.sleep(forTimeInterval: 0.1)
            page = HTTPProbe.get("/", port: server.port)
        }
        #expect(page.status == 200)
        #expect(page.text.contains("no site has been built yet"))
        #expect(page.text.contains("content/2022/test/a.md:4:1: error: unknown key `colour` in project"))
        #expect(page.text.contains("还没有构建成功的站点"))
        #expect(HTTPProbe.get("/2022/test/a/", port: server.port).status == 200)
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
        // The site is served under its base_url (/site/): the 404 page's links are too.
        #expect(missing.text.contains("href=\"/site/static/jixiao.css\"") && missing.text.contains("<a href=\"/site/\">"))
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

    @Test func newAndDeletedFilesAndTemplatesRebuild() throws {
        let server = try Server()
        try #require(server.port > 0)
        let stream = try #require(HTTPProbe(port: server.port, timeout: 10))
        stream.send("/__jixiao/events")
        _ = stream.read(until: ": connected")
        #expect(HTTPProbe.get("/site/2023/demo/c-new/", port: server.port).status == 404)

        // A new project file: its page appears.
        let a = try String(contentsOf: server.site.appendingPathComponent("content/2023/demo/a-goal.md"), encoding: .utf8)
        try a.replacingOccurrences(of: "name: 培训项目", with: "name: 新增项目").replacingOccurrences(of: "code: \"A01\"", with: "code: \"C01\"")
            .write(to: server.site.appendingPathComponent("content/2023/demo/c-new.md"), atomically: true, encoding: .utf8)
        #expect(stream.read(until: "data: reload").contains("data: reload"))
        #expect(HTTPProbe.get("/site/2023/demo/c-new/", port: server.port).text.contains("新增项目项目绩效目标表"))
        #expect(HTTPProbe.get("/site/2023/demo/", port: server.port).text.contains("新增项目"))

        // Deleted: gone from the site and from the unit's table.
        try FileManager.default.removeItem(at: server.site.appendingPathComponent("content/2023/demo/c-new.md"))
        #expect(stream.read(until: "data: reload").contains("data: reload"))
        #expect(HTTPProbe.get("/site/2023/demo/c-new/", port: server.port).status == 404)
        #expect(!HTTPProbe.get("/site/2023/demo/", port: server.port).text.contains("新增项目"))

        // A site template (templates/ did not exist when the server started).
        let templates = server.site.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{<base.html}}{{$content}}<p class=\"custom\">自定义首页</p>{{/content}}{{/base.html}}\n"
            .write(to: templates.appendingPathComponent("home.html.mustache"), atomically: true, encoding: .utf8)
        #expect(stream.read(until: "data: reload").contains("data: reload"))
        #expect(HTTPProbe.get("/site/", port: server.port).text.contains("自定义首页"))
    }

    /// This machine's IPv4 addresses other than loopback.
    static func otherAddresses() throws -> [String] {
        var found: [String] = []
        var addresses: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&addresses) == 0 else { return [] }
        defer { freeifaddrs(addresses) }
        var cursor = addresses
        while let entry = cursor?.pointee {
            cursor = entry.ifa_next
            guard let address = entry.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
            var ip = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            inet_ntop(AF_INET, &ip, &text, socklen_t(INET_ADDRSTRLEN))
            let host = String(cString: text)
            if !host.hasPrefix("127.") { found.append(host) }
        }
        return found
    }

    @Test func listensOnLoopbackUnlessToldOtherwise() throws {
        let hosts = try Self.otherAddresses()
        let local = try Server()
        try #require(local.port > 0)
        #expect(local.announced.contains("http://127.0.0.1:"))
        for host in hosts { #expect(HTTPProbe(port: local.port, host: host) == nil, "answered on \(host)") }
        let open = try Server(["--host", "0.0.0.0"])
        try #require(open.port > 0)
        for host in hosts { #expect(HTTPProbe.get("/site/", port: open.port, host: host).status == 200, "no answer on \(host)") }
    }

    @Test func stopsOnSIGTERMToo() throws {
        let server = try Server()
        try #require(server.port > 0)
        let start = Date()
        kill(server.process.processIdentifier, SIGTERM)
        server.process.waitUntilExit()
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(server.process.terminationStatus == 0)
        #expect(HTTPProbe(port: server.port) == nil)
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

    /// A page deleted from the output folder while serving is back when it is asked for.
    @Test func restoresAPageDeletedFromTheOutput() throws {
        let server = try Server()
        try #require(server.port > 0)
        let page = server.site.appendingPathComponent("public/2023/demo/a-goal/index.html")
        let original = try Data(contentsOf: page)
        try FileManager.default.removeItem(at: page)
        let response = HTTPProbe.get("/site/2023/demo/a-goal/", port: server.port)
        #expect(response.status == 200)
        #expect(response.text.contains("<h1>培训项目项目绩效目标表</h1>"))
        #expect(try Data(contentsOf: page) == original)
        // A path the site never had is still a 404.
        #expect(HTTPProbe.get("/site/2023/demo/z-none/", port: server.port).status == 404)
    }

    /// An output folder that a build refuses is not served either: the command ends with status 1.
    @Test(arguments: ["content", "."])
    func doesNotServeAFolderItMayNotWriteInto(_ relative: String) throws {
        let site = try Scratch.copy(of: "golden")
        let server = try Server(["--output", site.appendingPathComponent(relative).path], site: site, wait: false)
        let deadline = Date().addingTimeInterval(30)
        while server.process.isRunning, Date() < deadline { usleep(10_000) }
        #expect(!server.process.isRunning)
        server.process.waitUntilExit()
        #expect(server.process.terminationStatus == 1)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("index.html").path))
    }

    /// Hidden folders jixiao stages in beside the output.
    static func staging(beside output: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(".\(output.lastPathComponent).jixiao-") }
    }

    /// Waits until a build stages its files beside the output (not an old tree being removed), or
    /// `timeout` passes.
    static func waitForStaging(beside output: URL, timeout: TimeInterval) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if staging(beside: output).contains(where: { $0.hasPrefix(".\(output.lastPathComponent).jixiao-new-") }) { return true }
            usleep(5_000)
        }
        return false
    }

    /// A generated site large enough that a build takes a while, built once into public/.
    static func largeSite(_ name: String = #function) throws -> (site: URL, output: URL, before: [String: Data]) {
        let site = Scratch.folder(name)
        try GeneratedSite.write(site, projects: 1_000)
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        return (site, output, Scratch.tree(output))
    }

    /// `jixiao serve` of the large site with another title (every page is written again), once its first
    /// build is staging pages; the site and output as `largeSite` gives them.
    static func duringFirstBuild(_ name: String = #function) throws -> (site: URL, output: URL, before: [String: Data], server: Server) {
        let (site, output, before) = try largeSite(name)
        try GeneratedSite.write(site, projects: 1_000, title: "生成的站点（新）")
        let server = try Server(site: site, wait: false)
        try #require(waitForStaging(beside: output, timeout: 10))
        return (site, output, before, server)
    }

    @Test func stopsOnSIGTERMDuringTheFirstBuildAndLeavesTheOutput() throws {
        let (site, output, before, server) = try Self.duringFirstBuild()
        defer { try? FileManager.default.removeItem(at: site) }
        let start = Date()
        kill(server.process.processIdentifier, SIGTERM)
        server.process.waitUntilExit()
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0)
        #expect(Scratch.tree(output) == before)
        // What it staged is kept for the next build, as its spare: nothing else is left beside the output.
        #expect(Self.staging(beside: output).allSatisfy { $0 == ".public.jixiao-spare" })
    }

    /// A project saved while the first build runs (the server is not up yet) is built once it is.
    @Test func aFileSavedDuringTheFirstBuildIsBuiltOnceTheServerIsUp() throws {
        let (site, output, _, server) = try Self.duringFirstBuild()
        defer { try? FileManager.default.removeItem(at: site) }
        try server.edit("content/2023/u7/p350.md") { $0.replacingOccurrences(of: "name: 培训项目350", with: "name: 培训项目350（改）") }
        let page = output.appendingPathComponent("2023/u7/p350/index.html")
        let deadline = Date().addingTimeInterval(60)
        var built = false
        while Date() < deadline, !built {
            built = ((try? String(contentsOf: page, encoding: .utf8)) ?? "").contains("培训项目350（改）")
            if !built { Thread.sleep(forTimeInterval: 0.1) }
        }
        #expect(built)
    }

    @Test func staysResponsiveAndStopsOnSIGTERMDuringARebuild() throws {
        let (site, output, _) = try Self.largeSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let server = try Server(site: site)
        try #require(server.port > 0)
        let before = Scratch.tree(output)
        // A partial that every page uses: the rebuild renders every page.
        let templates = site.appendingPathComponent("templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "<nav>{{#breadcrumbs}}{{title}} {{/breadcrumbs}}</nav>\n"
            .write(to: templates.appendingPathComponent("breadcrumbs.html.mustache"), atomically: true, encoding: .utf8)
        try #require(Self.waitForStaging(beside: output, timeout: 10))
        let asked = Date()
        #expect(HTTPProbe.get("/site/", port: server.port).status == 200)
        // Answered while the rebuild still stages its pages, or (when the machine is so loaded that
        // the rebuild got there first) within a second: a server waiting on the build does neither.
        let answeredDuringRebuild = Self.staging(beside: output).contains { $0.hasPrefix(".public.jixiao-new-") }
        #expect(answeredDuringRebuild || Date().timeIntervalSince(asked) < 1)
        let start = Date()
        kill(server.process.processIdentifier, SIGTERM)
        server.process.waitUntilExit()
        #expect(Date().timeIntervalSince(start) < 2)
        #expect(server.process.terminationReason == .exit && server.process.terminationStatus == 0)
        #expect(Scratch.tree(output) == before)
        // What it staged is kept for the next build, as its spare: nothing else is left beside the output.
        #expect(Self.staging(beside: output).allSatisfy { $0 == ".public.jixiao-spare" })
    }
}
