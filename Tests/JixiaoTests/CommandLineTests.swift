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

    /// `environment`: variables set for the run over this process's (`PATH` replaced, …).
    static func run(_ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]) throws -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if !environment.isEmpty { process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 } }
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
        // The contract's keys, and `units` added.
        #expect(Set(object.keys) == ["errors", "warnings", "projects", "units"])
        let warning = try #require((object["warnings"] as? [[String: Any]])?.first)
        #expect(warning["file"] as? String == "content/2022/test/a.md")
        #expect(warning["line"] as? Int == 3)
        #expect(warning["column"] as? Int == 1)
        #expect((warning["message"] as? String)?.hasPrefix("预算执行率 82.6%") == true)
        #expect(warning["code"] as? String == "JX307")
        let project = try #require((object["projects"] as? [[String: Any]])?.first)
        // The contract's keys, and `monitoring` added (null: the project is not monitored).
        #expect(Set(project.keys) == ["year", "unit", "slug", "name", "code", "money_unit", "funds", "execution", "indicators", "total", "grade", "monitoring"])
        #expect(project["monitoring"] is NSNull)
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
        #expect(errors.first?["code"] as? String == "JX316")
    }

    /// `jixiao import` as a user runs it: paths relative to the current folder, messages compiler-style,
    /// the summary last, exit 1 when files were refused.
    @Test func importWritesChecksAndRefusesToOverwrite() throws {
        let folder = Scratch.folder()
        try FileManager.default.copyItem(at: Fixtures.url("seeds").appendingPathComponent("002_menyuan.txt"),
                                         to: folder.appendingPathComponent("002_menyuan.txt"))
        let first = try Self.run(["import", "002_menyuan.txt", "--into", "content/2024/menyuan-gsx/"], in: folder)
        #expect(first.status == 0)
        let lines = first.stdout.split(separator: "\n")
        #expect(lines.count == 33)
        #expect(lines.first == "002_menyuan.txt:7:254: warning: indicator kept as qualitative: no comparison and number in \"大力引进外资企业到门源投资 定性 效果明显\"")
        #expect(lines.allSatisfy { $0.hasPrefix("002_menyuan.txt:") })
        #expect(first.stderr == "imported 9 projects (102 indicators) into content/2024/menyuan-gsx: 10 files written, 0 refused; "
            + "33 rows skipped or changed (listed above); 0 errors, 0 warnings\n")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent("content/2024/menyuan-gsx").path)
        #expect(written.sorted() == ["01.md", "02.md", "03.md", "04.md", "05.md", "06.md", "07.md", "08.md", "09.md", "_unit.md"])
        #expect(try Self.run(["check", folder.path]).status == 0)

        let again = try Self.run(["import", "002_menyuan.txt", "--into", "content/2024/menyuan-gsx"], in: folder)
        #expect(again.status == 1)
        #expect(again.stdout.contains("002_menyuan.txt:18:3: warning: not written: content/2024/menyuan-gsx/09.md exists (use --force to overwrite)\n"))
        #expect(again.stderr.hasPrefix("imported 0 projects (0 indicators) into content/2024/menyuan-gsx: 0 files written, 10 refused;"))

        let forced = try Self.run(["import", "002_menyuan.txt", "--into", "content/2024/menyuan-gsx", "--force"], in: folder)
        #expect(forced.status == 0)
        #expect(forced.stderr.contains(": 10 files written, 0 refused;"))
    }

    @Test func importOfAnUnknownFileExitsOne() throws {
        let folder = Scratch.folder()
        try Data("没有表头的文字\n".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        let result = try Self.run(["import", "notes.txt", "--into", "content/2024/u"], in: folder)
        #expect(result.status == 1)
        #expect(result.stdout.hasPrefix("notes.txt:1:1: error: cannot tell what the file holds: jixiao imports .csv long tables, .xlsx workbooks"))
        #expect(result.stderr == "imported 0 projects (0 indicators) into content/2024/u: 0 files written, 0 refused; nothing skipped or changed; 1 error: nothing written\n")
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("content").path))

        let usage = try Self.run(["import", "notes.txt"], in: folder)
        #expect(usage.status == 64)
        #expect(usage.stderr.contains("Missing expected argument '--into <folder>'"))
    }
}
