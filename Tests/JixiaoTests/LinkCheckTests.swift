import Foundation
import Testing
@testable import Jixiao

/// `check --links`: every link and download that stays inside the site leads somewhere.
@Suite struct LinkCheckTests {
    @Test func theExampleSiteHasNoBrokenLink() throws {
        let report = try #require(Pipeline.checkLinks(root: ExampleSite.root))
        #expect(report.pages > 90 && report.links > 1000)
        #expect(report.broken.map(\.description) == [])
    }

    @Test func brokenLinksAndAnchorsAreFoundAtTheirPlaces() throws {
        let root = try Scratch.copy(of: "golden")
        try BuildSessionTests.edit(root, "content/2023/demo/a-goal.md") {
            $0 + "\n[旧页面](/site/2023/demo/old/) [说明](#no-such-anchor) [本表](#sheet-1) [外部](https://example.org/x/) [邮件](mailto:a@b.c)\n"
        }
        let result = try CommandLineTests.run(["check", root.path, "--links"])
        #expect(result.status == 1)
        let broken = result.stdout.split(separator: "\n").filter { $0.contains("leads nowhere") }
        // The project's text is on its page and in the unit's booklet; the links to an anchor of the page
        // (#sheet-1) and out of the site are fine.
        #expect(broken.filter { $0.hasPrefix("public/2023/demo/a-goal/") } == [
            "public/2023/demo/a-goal/index.html:\(try Self.line(of: "/site/2023/demo/old/", in: root)): error: /site/2023/demo/old/ leads nowhere: no such file (/2023/demo/old/index.html)",
            "public/2023/demo/a-goal/index.html:\(try Self.line(of: "#no-such-anchor", in: root)): error: #no-such-anchor leads nowhere: no element with id \"no-such-anchor\" on that page (/2023/demo/a-goal/index.html)",
        ].map { Substring($0) })
        #expect(broken.filter { $0.hasPrefix("public/2023/demo/goal-tables/index.html:") }.count == 2 && broken.count == 4)
        #expect(result.stderr.hasSuffix("in 11 pages: 4 broken\n"))
        let json = try CommandLineTests.run(["check", root.path, "--links", "--json"])
        let links = try #require((try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])?["links"] as? [String: Any])
        #expect((links["broken"] as? [Any])?.count == 4 && links["pages"] as? Int == 11)
        // Without --links, the JSON has no such key, as before.
        let plain = try CommandLineTests.run(["check", root.path, "--json"])
        #expect((try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])?["links"] == nil)
    }

    /// The line and column of a link's attribute in the built page, as the checker reports it.
    static func line(of link: String, in root: URL) throws -> String {
        let output = Scratch.folder("line-\(link.count)").appendingPathComponent("public")
        #expect(BuildSession(root: root, output: output).build().succeeded)
        let text = try String(contentsOf: output.appendingPathComponent("2023/demo/a-goal/index.html"), encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for (number, line) in lines.enumerated() {
            if let range = line.range(of: " href=\"\(link)\"") {
                return "\(number + 1):\(line.distance(from: line.startIndex, to: range.lowerBound) + 2)"
            }
        }
        return "?"
    }

    @Test func linksResolveAsABrowserResolvesThem() {
        let resolve = { (link: String, base: String) in LinkCheck.resolve(link, from: "2023/u/p/index.html", base: base, prefix: LinkCheck.basePath(base)) }
        #expect(resolve("../", "/")?.path == "2023/u/")
        #expect(resolve("goal-table.xlsx", "/")?.path == "2023/u/p/goal-table.xlsx")
        #expect(resolve("/2023/u/?x=1#top", "/").map { [$0.path, $0.anchor ?? ""] } == ["2023/u/", "top"])
        #expect(resolve("/site/static/jixiao.css", "/site/")?.path == "static/jixiao.css")
        #expect(resolve("/other/", "/site/") == nil)
        #expect(resolve("https://example.org/site/2023/", "https://example.org/site/")?.path == "2023/")
        #expect(resolve("https://elsewhere.org/", "https://example.org/site/") == nil)
        #expect(resolve("mailto:a@b.c", "/") == nil && resolve("%E4%B8%AD/", "/")?.path == "2023/u/p/中/")
        #expect(resolve("#sheet-1", "/").map { [$0.path, $0.anchor ?? ""] } == ["2023/u/p/index.html", "sheet-1"])
    }
}
