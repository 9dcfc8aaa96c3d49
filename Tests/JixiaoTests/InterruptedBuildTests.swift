import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `jixiao build` killed with SIGKILL at any moment leaves the output folder holding exactly the
/// previous site or exactly the new one, never a mix; the next build clears what the killed one left.
@Suite struct InterruptedBuildTests {
    /// The site as a reader sees it: every file of the output folder but jixiao's own (the manifest, the build cache).
    static func site(_ output: URL) -> [String: Data] {
        Scratch.tree(output).filter { !$0.key.hasPrefix(".jixiao-") }
    }

    /// Runs `jixiao build root --output output`; kills it with SIGKILL after `killAfter` seconds unless it
    /// has ended. Returns whether it was killed and how long it ran.
    static func build(_ root: URL, into output: URL, killAfter: TimeInterval? = nil) throws -> (killed: Bool, status: Int32, seconds: Double) {
        let process = Process()
        process.executableURL = CommandLineTests.executable
        process.arguments = ["build", root.path, "--output", output.path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        let start = Date()
        try process.run()
        if let killAfter {
            let deadline = start.addingTimeInterval(killAfter)
            while process.isRunning, Date() < deadline { usleep(2_000) }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        }
        process.waitUntilExit()
        let killed = process.terminationReason == .uncaughtSignal
        return (killed, process.terminationStatus, Date().timeIntervalSince(start))
    }

    /// Hidden folders jixiao stages in or leaves beside the output.
    static func leftovers(beside output: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: output.deletingLastPathComponent().path)) ?? []
        return names.filter { $0.hasPrefix(".\(output.lastPathComponent).jixiao-") }
    }

    @Test func aKilledBuildLeavesTheOldSiteOrTheNewOne() throws {
        let scratch = Scratch.folder()
        defer { try? FileManager.default.removeItem(at: scratch) }  // three sites of thousands of files
        let old = scratch.appendingPathComponent("old"), new = scratch.appendingPathComponent("new")
        try GeneratedSite.write(old, projects: 1_000)
        // Every page of the new site differs (another title); 50 projects are gone and 50 are new.
        try GeneratedSite.write(new, projects: 1_050, title: "生成的站点（新）", skip: Set(0 ..< 50))

        // The two sites, each built to the end, the second over the first: the references.
        let output = scratch.appendingPathComponent("out/public")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        try Data("placeholder".utf8).write(to: output.appendingPathComponent("README.md"))
        var references: [[String: Data]] = []
        var longest = 0.0
        for root in [old, new] {
            let run = try Self.build(root, into: output)
            #expect(run.status == 0)
            longest = max(longest, run.seconds)
            references.append(Self.site(output))
        }
        #expect(references[0] != references[1])
        #expect(references.allSatisfy { $0.count > 3_000 && $0["README.md"] == Data("placeholder".utf8) })

        // Builds of the other site, each killed at a random moment up to a little past the longest build.
        var current = 1, runs = 0, interrupted = 0
        // Long enough for a dozen builds, however slow the machine is under the other tests.
        let deadline = Date().addingTimeInterval(max(12, longest * 12))
        while interrupted < 25, Date() < deadline {
            let target = 1 - current
            let run = try Self.build([old, new][target], into: output, killAfter: Double.random(in: 0 ... longest * 1.1))
            runs += 1
            if run.killed { interrupted += 1 }
            let now = Self.site(output)
            guard let state = references.firstIndex(of: now) else {
                let mixed = Set(now.keys).union(references[0].keys).filter { now[$0] != references[0][$0] && now[$0] != references[1][$0] }
                Issue.record("run \(runs), killed: \(run.killed): the output is neither site; \(mixed.count) files differ from both, e.g. \(mixed.sorted().prefix(5))")
                break
            }
            current = state
        }
        #expect(interrupted >= 3, "only \(interrupted) of \(runs) builds were killed before they ended")

        // A build to the end clears what the killed ones left beside the output, and keeps the site it
        // swapped out as the next build's spare.
        let target = 1 - current
        #expect(try Self.build([old, new][target], into: output).status == 0)
        #expect(Self.site(output) == references[target])
        #expect(Self.leftovers(beside: output) == [".public.jixiao-spare"])
    }
}
