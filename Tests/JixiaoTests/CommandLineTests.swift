import Foundation
import Testing

/// The built `jixiao` executable, run as users and scripts run it.
@Suite struct CommandLineTests {
    static var executable: URL {
        // Tests run from the build products folder, where the executable was built too.
        var folder = Bundle.main.bundleURL
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("jixiao")
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue {
                return candidate
            }
            folder.deleteLastPathComponent()
        }
        return URL(fileURLWithPath: "jixiao")
    }

    static func run(_ arguments: [String]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: stdout, as: UTF8.self), String(decoding: stderr, as: UTF8.self))
    }

    @Test func checkExitsZeroOnTheExampleSite() throws {
        let result = try Self.run(["check", ExampleSite.root.path])
        #expect(result.status == 0)
        #expect(!result.stdout.contains(": error: "))
        #expect(result.stderr.contains("0 errors"))
    }

    @Test func checkExitsOneAndPrintsCompilerStyleErrors() throws {
        let result = try Self.run(["check", Fixtures.url("unknown-key").path])
        #expect(result.status == 1)
        #expect(result.stdout.split(separator: "\n").first == "content/2022/test/a.md:4:1: error: unknown key `colour` in project")
    }

    @Test func jsonHasTheContractShape() throws {
        let result = try Self.run(["check", Fixtures.url("overachieve-low-execution").path, "--json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(Set(object.keys) == ["errors", "warnings", "projects"])
        let warning = try #require((object["warnings"] as? [[String: Any]])?.first)
        #expect(warning["file"] as? String == "content/2022/test/a.md")
        #expect(warning["line"] as? Int == 3)
        #expect(warning["column"] as? Int == 1)
        #expect((warning["message"] as? String)?.hasPrefix("预算执行率 82.6%") == true)
        let project = try #require((object["projects"] as? [[String: Any]])?.first)
        #expect(Set(project.keys) == ["year", "unit", "slug", "name", "code", "money_unit", "funds", "execution", "indicators", "total", "grade"])
        #expect(project["year"] as? Int == 2022)
        #expect(project["unit"] as? String == "test")
        #expect(project["slug"] as? String == "a")
        #expect(project["funds"] as? [String: String] == ["initial": "50", "budget": "50", "spent": "41.3"])
        #expect(project["execution"] as? [String: String] == ["weight": "10", "rate": "0.826", "score": "8.26"])
        let indicator = try #require((project["indicators"] as? [[String: Any]])?.first)
        #expect(indicator as? [String: String] == ["level1": "产出指标", "level2": "数量指标", "name": "培训次数", "target": "≥10", "actual": "13", "weight": "50", "score": "50"])
        #expect(project["total"] as? String == "98.26")
        #expect(project["grade"] as? String == "优")
    }

    @Test func jsonOfABrokenSiteListsErrorsAndExitsOne() throws {
        let result = try Self.run(["check", Fixtures.url("qualitative-band").path, "--json"])
        #expect(result.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let errors = try #require(object["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["line"] as? Int == 22)
    }
}
