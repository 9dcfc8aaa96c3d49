import Foundation
import Testing

/// `jixiao build` shows a progress line on a terminal while rendering takes more than a second, clears it
/// at the end, and shows none with `--quiet` or when standard error is no terminal.
@Suite struct ProgressTests {
    /// Runs jixiao under a pseudo-terminal (util-linux `script`), returning what the terminal received.
    static func onTerminal(_ arguments: [String]) throws -> String {
        let log = Scratch.folder().appendingPathComponent("typescript")
        try FileManager.default.createDirectory(at: log.deletingLastPathComponent(), withIntermediateDirectories: true)
        let command = ([CommandLineTests.executable.path] + arguments).map { "'\($0)'" }.joined(separator: " ")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, log.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return String(decoding: (try? Data(contentsOf: log)) ?? Data(), as: UTF8.self)
    }

    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script")))
    func aLongBuildShowsItsProgressOnATerminalOnly() throws {
        let root = Scratch.folder()
        try GeneratedSite.write(root, projects: 400)
        let output = root.appendingPathComponent("public")
        let shown = try Self.onTerminal(["build", root.path, "--output", output.path])
        let lines = shown.split(separator: "\r").filter { $0.contains("pages done: ") }
        #expect(!lines.isEmpty, "no progress line in \(shown.suffix(300))")
        #expect(lines.allSatisfy { $0.contains(/pages done: \d+ of \d+, \d+\.\d s/) })
        // The line is cleared before the summary: after the last count, the clearing sequence, then the report.
        let last = try #require(shown.range(of: "pages done: ", options: .backwards))
        let rest = shown[last.upperBound...]
        let cleared = try #require(rest.range(of: "\r\u{1B}[K"))
        #expect(rest[cleared.upperBound...].contains("built ") && !rest[cleared.upperBound...].contains("pages done"))
        try FileManager.default.removeItem(at: output)
        let quiet = try Self.onTerminal(["build", root.path, "--output", output.path, "--quiet"])
        #expect(!quiet.contains("pages done") && quiet.contains("built "))
        // Through a pipe: the report alone.
        try FileManager.default.removeItem(at: output)
        let piped = try CommandLineTests.run(["build", root.path, "--output", output.path])
        #expect(!piped.stderr.contains("pages done") && !piped.stderr.contains("\r"))
    }
}
