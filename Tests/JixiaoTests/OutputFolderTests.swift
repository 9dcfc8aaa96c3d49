import Foundation
import Testing
@testable import Jixiao
import JixiaoModel
import JixiaoSystem
@testable import JixiaoWrite

/// What `build` may write into, what it does when it cannot, and that it writes nothing outside.
@Suite struct OutputFolderTests {
    static func leftovers(_ folder: URL) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).filter { $0.contains(".jixiao-") }
    }

    static func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    /// A folder where the site has a file: the error names it and the system's reason, and the previous
    /// site is left exactly as it was, although its pages would have changed.
    @Test func aFolderInTheWayIsNamedAndThePreviousSiteIsUntouched() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        let sitemap = output.appendingPathComponent("sitemap.xml")
        try FileManager.default.removeItem(at: sitemap)
        try FileManager.default.createDirectory(at: sitemap, withIntermediateDirectories: false)
        try Data("mine".utf8).write(to: sitemap.appendingPathComponent("notes.txt"))
        let before = Scratch.tree(output)
        try Self.edit(site.appendingPathComponent("content/2023/demo/a-goal.md")) { $0.replacingOccurrences(of: "name: 培训项目", with: "name: 培训项目（改）") }

        let report = Pipeline.build(root: site, output: output)
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter(\.isError)
        #expect(errors.count == 1)
        let message = errors.first?.message ?? ""
        #expect(errors.first?.code.number == 501)
        #expect(message.contains("\(output.path)/sitemap.xml: Is a directory"), "\(message)")
        #expect(message.hasSuffix("the previous site is untouched"), "\(message)")
        #expect(report.summary.hasSuffix("the output folder was left as it was"))
        #expect(Scratch.tree(output) == before)
        #expect(Self.leftovers(site) == [])
    }

    /// A manifest line naming a path outside the output folder is not trusted: nothing outside is
    /// deleted, and the line is reported.
    @Test func manifestLinesOutsideTheOutputAreIgnored() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        // Beside the site, and elsewhere by an absolute path.
        let victim = output.appendingPathComponent("../../victim").standardizedFileURL
        let absolute = Scratch.folder().appendingPathComponent("victim")
        for folder in [victim, absolute] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("keep me".utf8).write(to: folder.appendingPathComponent("file.txt"))
        }
        let manifest = output.appendingPathComponent(".jixiao-manifest")
        let lines = ["0 1 ../../victim", "0 1 \(absolute.path)", "0 1 2023/../../../victim", "0 1 2023//demo", "0 1 .hidden/x", "0 1 ./index.html"]
        try Data((try String(contentsOf: manifest, encoding: .utf8) + lines.joined(separator: "\n") + "\n").utf8).write(to: manifest)

        let report = Pipeline.build(root: site, output: output)
        #expect(report.succeeded, "\(report.diagnostics)")
        for folder in [victim, absolute] {
            #expect(FileManager.default.contents(atPath: folder.appendingPathComponent("file.txt").path) == Data("keep me".utf8), "\(folder.path)")
        }
        let ignored = report.diagnostics.filter { $0.code.number == 505 }
        #expect(ignored.count == 1)
        #expect(ignored.first?.severity == .warning)
        #expect(ignored.first?.message.contains("6 lines") == true, "\(ignored)")
        // The next manifest holds only what this build wrote.
        #expect(!(try String(contentsOf: manifest, encoding: .utf8)).contains("victim"))
        #expect(report.files.removed == 0)
    }

    /// Output folders that are not new, empty or jixiao's own, or that hold or sit in the site's
    /// sources, are refused before anything is written.
    @Test(arguments: [
        (".", 502, "the site root"), ("..", 502, "above the site root"), ("content", 502, "content/"),
        ("content/2023", 502, "content/"), ("templates/out", 502, "templates/"), ("notes", 503, "notes.txt"),
        ("file.txt", 504, "not a folder"),
    ])
    func refusesOutputFolders(_ relative: String, _ code: Int, _ reason: String) throws {
        let site = try Scratch.copy(of: "golden")
        try FileManager.default.createDirectory(at: site.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: site.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: site.appendingPathComponent("notes/notes.txt"))
        try Data("mine".utf8).write(to: site.appendingPathComponent("file.txt"))
        let output = site.appendingPathComponent(relative).standardizedFileURL
        let parent = site.deletingLastPathComponent()
        let before = Scratch.tree(parent)

        let report = Pipeline.build(root: site, output: output)
        #expect(!report.succeeded)
        let errors = report.diagnostics.filter(\.isError)
        #expect(errors.map(\.code.number) == [code], "\(errors)")
        #expect(errors.first?.message.contains(output.path) == true, "\(errors)")
        #expect(errors.first?.message.contains(reason) == true, "\(errors)")
        #expect(Scratch.tree(parent) == before)
        #expect(Self.leftovers(parent) == [] && Self.leftovers(site) == [])
    }

    /// New, empty, holding only a placeholder, or built by jixiao before: accepted; the placeholders stay.
    @Test func acceptsNewEmptyAndOwnFoldersAndKeepsPlaceholders() throws {
        let site = try Scratch.copy(of: "golden")
        let placeholders = site.appendingPathComponent("placeholders")
        try FileManager.default.createDirectory(at: placeholders, withIntermediateDirectories: true)
        try Data("about the output".utf8).write(to: placeholders.appendingPathComponent("README.md"))
        try Data().write(to: placeholders.appendingPathComponent(".gitkeep"))
        let empty = site.appendingPathComponent("empty")
        try FileManager.default.createDirectory(at: empty, withIntermediateDirectories: true)
        for output in [placeholders, empty, site.appendingPathComponent("new/public")] {
            #expect(Pipeline.build(root: site, output: output).succeeded, "\(output.path)")
            #expect(Pipeline.build(root: site, output: output).succeeded, "\(output.path) again")
        }
        let tree = Scratch.tree(placeholders)
        #expect(tree["README.md"] == Data("about the output".utf8) && tree[".gitkeep"] == Data())
    }

    /// The file system's root is refused by the same rule, tested without a build.
    @Test func refusesTheFileSystemRoot() throws {
        let site = try Scratch.copy(of: "golden")
        let refusal = try #require(OutputFolder.refusal(URL(fileURLWithPath: "/"), siteRoot: site))
        #expect(refusal.code.number == 502)
        #expect(refusal.message.contains("the file system's root"))
    }

    /// The id of a process that has ended.
    static func endedProcessID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "exit 0"]
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    /// What killed builds leave beside the output folder (and older versions inside it) is removed by
    /// the next build, and a previous site that was moved aside whole (where folders cannot be swapped)
    /// is moved back first; what a build that still runs stages is left alone.
    @Test func leftoversOfKilledBuildsAreRemoved() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        let ended = try Self.endedProcessID()
        for name in [".public.jixiao-new-\(ended)", ".public.jixiao-old-\(ended)-3", ".public.jixiao-new-1"] {
            let folder = site.appendingPathComponent(name + "/2023")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("half".utf8).write(to: folder.appendingPathComponent("index.html"))
        }
        // What older versions left inside the output folder: a file staged in place, a half-written manifest.
        try Data("half".utf8).write(to: output.appendingPathComponent("2023/.index.html.jixiao-staged"))
        try Data("0 1 index".utf8).write(to: output.appendingPathComponent(".dat.nosync1a2b.XyZ123"))
        #expect(Pipeline.build(root: site, output: output).succeeded)
        #expect(Self.leftovers(site) == [".public.jixiao-spare", ".public.jixiao-new-1"])  // process 1 runs
        #expect(Scratch.tree(output).keys.filter { $0.contains(".jixiao-staged") || $0.contains(".dat.nosync") } == [])

        try Data("placeholder".utf8).write(to: output.appendingPathComponent("README.md"))
        let aside = site.appendingPathComponent(".public.jixiao-previous-\(ended)")
        try FileManager.default.moveItem(at: output, to: aside)
        let report = Pipeline.build(root: site, output: output)
        #expect(report.succeeded)
        #expect(report.files.written == 0)
        #expect(FileManager.default.contents(atPath: output.appendingPathComponent("README.md").path) == Data("placeholder".utf8))
        #expect(Self.leftovers(site) == [".public.jixiao-spare", ".public.jixiao-new-1"])
    }

    /// Where folders cannot be swapped in one step, the output folder is moved aside and the new one
    /// moved into place; the old tree is removed, files jixiao did not write are kept.
    @Test func withoutASwapTheNewSiteIsMovedIntoPlace() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        try Data("placeholder".utf8).write(to: output.appendingPathComponent("README.md"))
        let before = Scratch.tree(output)
        let writer = try OutputWriter(folder: output, swapping: false)
        try writer.stage("index.html", "新首页")
        #expect(try writer.commit())
        writer.removeOldTree()
        let tree = Scratch.tree(output)
        #expect(Set(tree.keys) == ["index.html", "README.md", ".jixiao-manifest", ".jixiao-carried"])
        #expect(tree["index.html"] == Data("新首页".utf8) && tree["README.md"] == Data("placeholder".utf8))
        #expect(tree[".jixiao-carried"] == Data("README.md\n".utf8))
        // All but the home page, README.md, the manifest, the list of what was carried, the build cache and the model.
        #expect(writer.stats.removed == before.count - 6)
        #expect(Self.leftovers(site) == [".public.jixiao-spare"])
    }

    /// Every file below a folder and every folder, by relative path (`/` after a folder), with a file's bytes.
    static func listing(_ url: URL) -> [String: Data] {
        var found: [String: Data] = [:]
        for entry in FileTree.entries(url.path) {
            found[entry.path + (entry.kind == .folder ? "/" : "")] = entry.kind == .folder ? Data() : FileManager.default.contents(atPath: url.path + "/" + entry.path)
        }
        return found
    }

    /// One build with the writer alone: these files staged, committed.
    static func write(_ output: URL, _ files: [String: String]) throws -> OutputWriter {
        let writer = try OutputWriter(folder: output)
        for (path, text) in files { try writer.stage(path, text) }
        #expect(try writer.commit())
        writer.removeOldTree()
        return writer
    }

    /// The site a build swaps out is kept beside the output as the next build's spare: the next build starts
    /// from it and changes only what differs, and the output is exactly what a build from nothing gives,
    /// whatever the spare held: files of earlier sites, a folder where a file goes and a file where a
    /// folder goes, files jixiao did not write that are gone from the output, a file changed by hand.
    @Test func theSiteSwappedOutIsTheNextBuildsSpare() throws {
        let root = Scratch.folder()
        let output = root.appendingPathComponent("public"), spare = root.appendingPathComponent(".public.jixiao-spare")
        let first = ["index.html": "首页", "a/index.html": "甲", "b": "乙", "old/x/index.html": "旧", "same.html": "同"]
        _ = try Self.write(output, first)
        try Data("placeholder".utf8).write(to: output.appendingPathComponent("README.md"))
        try FileManager.default.createDirectory(at: output.appendingPathComponent("empty"), withIntermediateDirectories: true)
        _ = try Self.write(output, first.merging(["index.html": "首页二"]) { $1 })
        #expect(Self.listing(spare)["README.md"] == Data("placeholder".utf8))
        // The spare now holds the first site; the third build starts from it.
        try FileManager.default.removeItem(at: output.appendingPathComponent("README.md"))
        try Data("changed by hand".utf8).write(to: spare.appendingPathComponent("same.html"), options: .atomic)  // not the output's file
        let third = ["index.html": "首页三", "a": "甲是文件", "b/index.html": "乙是目录", "same.html": "同", "new/index.html": "新"]
        let writer = try Self.write(output, third)
        #expect(writer.stats.written == 4)  // all but same.html, which the spare holds changed: linked from the output
        var expected = third.mapValues { Data($0.utf8) }
        for folder in ["b/", "new/", "empty/"] { expected[folder] = Data() }
        let got = Self.listing(output).filter { !$0.key.hasPrefix(".jixiao-") }
        #expect(got == expected)
        // And again from the second site's tree, which held the first site's files and README.md.
        let fourth = try Self.write(output, third)
        #expect(fourth.stats.written == 0)
        #expect(Self.listing(output).filter { !$0.key.hasPrefix(".jixiao-") } == expected)
        #expect(Self.leftovers(root) == [".public.jixiao-spare"])
    }

    /// The spare's files looked up ahead (while a build reads its content) are what the writer trusts: a
    /// file changed or removed by hand before the lookup is written again, as without it.
    @Test func aSpareLookedUpAheadKeepsOnlyWhatItFound() throws {
        let root = Scratch.folder()
        let output = root.appendingPathComponent("public"), spare = root.appendingPathComponent(".public.jixiao-spare")
        let site = ["index.html": "首页", "a/index.html": "甲", "b/index.html": "乙", "same.html": "同"]
        // Each build's files a tick of the clock older than its manifest: their times are trusted.
        for home in ["首页", "首页二"] {
            let writer = try OutputWriter(folder: output)
            for (path, text) in site.merging(["index.html": home]) { $1 } { try writer.stage(path, text) }
            usleep(20000)
            #expect(try writer.commit())
            writer.removeOldTree()
        }
        try Data("changed by hand".utf8).write(to: spare.appendingPathComponent("same.html"), options: .atomic)
        try FileManager.default.removeItem(at: spare.appendingPathComponent("a/index.html"))
        let lookup = SpareLookup(output: output, known: nil)
        let writer = try OutputWriter(folder: output, spareLookup: lookup)
        let third = site.merging(["index.html": "首页三"]) { $1 }
        for (path, text) in third { try writer.stage(path, text) }
        #expect(try writer.commit())
        writer.removeOldTree()
        // index.html is new; same.html and a/index.html, not as the spare's manifest says, are linked from
        // the output; b/index.html is the spare's.
        #expect(writer.stats.written == 1 && writer.stats.unchanged == 3)
        #expect(Self.listing(output).filter { !$0.key.hasPrefix(".jixiao-") } == third.mapValues { Data($0.utf8) }.merging(["a/": Data(), "b/": Data()]) { $1 })
    }

    /// A rebuild with the same files as the last build counts those it does not stage again as kept, all at
    /// once, after the spare was looked up between builds: it looks only at the files the spare does not
    /// hold as the last build wrote them. One of those changed by hand since is reported (its page must be
    /// rendered again); the site is then exactly the files staged and kept, and the manifest records them.
    @Test func aRebuildWithTheSameFilesKeepsThemAllAtOnce() throws {
        for changedByHand in [false, true] {
            let root = Scratch.folder()
            let output = root.appendingPathComponent("public")
            let site = ["index.html": "首页", "a/index.html": "甲", "b/index.html": "乙", "c/d/index.html": "丁"]
            func commit(_ writer: OutputWriter) throws -> Manifest {
                usleep(20000)
                #expect(try writer.commit())
                writer.removeOldTree()
                return writer.written
            }
            let first = try Self.write(output, site).written
            // The second build changes b: the spare (the first site) holds b as it was.
            let writer = try OutputWriter(folder: output, known: first)
            for (path, text) in site.merging(["b/index.html": "乙二"]) { $1 } { try writer.stage(path, text) }
            let second = try commit(writer)
            let lookup = SpareLookup(output: output, spare: first, live: second)
            #expect(lookup.isUndisturbed)
            if changedByHand { try Data("乙 by hand".utf8).write(to: output.appendingPathComponent("b/index.html")) }
            let third = try OutputWriter(folder: output, known: second, knownSpare: first, spareLookup: lookup)
            let failed = try #require(third.keepAll(except: ["index.html"]))
            #expect(failed == (changedByHand ? ["b/index.html"] : []))
            try third.stage("index.html", "首页三")
            if changedByHand { try third.stage("b/index.html", "乙二") }
            let manifest = try commit(third)
            let expected = site.merging(["index.html": "首页三", "b/index.html": "乙二"]) { $1 }
            #expect(Self.listing(output).filter { !$0.key.hasPrefix(".jixiao-") && !$0.key.hasSuffix("/") } == expected.mapValues { Data($0.utf8) })
            #expect(third.stats.written == (changedByHand ? 2 : 1) && third.stats.unchanged == (changedByHand ? 2 : 3))
            #expect(Manifest.read(output.appendingPathComponent(OutputWriter.manifestName).path).entries == manifest.entries)
            #expect(Set(manifest.entries.keys) == Set(site.keys))
            #expect(manifest.intact(in: output.path))
        }
    }

    /// Without a lookup that compared the spare with the last build's manifest (made between builds, or
    /// beside the reading of the content with the manifest as it is read), it cannot tell without looking
    /// at each file, and says so; with one, every file is kept as it is.
    @Test func keepingAllNeedsTheSpareComparedWithTheLastManifest() throws {
        let root = Scratch.folder()
        let output = root.appendingPathComponent("public")
        let site = ["index.html": "首页", "a/index.html": "甲"]
        let first = try Self.write(output, site).written
        usleep(20000)
        let second = try Self.write(output, site).written
        let withoutLookup = try OutputWriter(folder: output, known: second, knownSpare: first)
        #expect(withoutLookup.keepAll(except: []) == nil)
        withoutLookup.discard()
        let duringBuild = try OutputWriter(folder: output, known: second, spareLookup: SpareLookup(output: output, known: first))
        #expect(duringBuild.keepAll(except: []) == nil)
        duringBuild.discard()
        // (A writer discarded took the spare with it: the next build's is the site it swaps out.)
        usleep(20000)
        let third = try Self.write(output, site).written
        let compared = try OutputWriter(folder: output, known: third,
                                        spareLookup: SpareLookup(output: output, known: second, live: Lookahead { third }))
        #expect(compared.keepAll(except: []) == [])
        #expect(try compared.commit())
        #expect(compared.stats.written == 0 && compared.stats.unchanged == 2)
        #expect(Self.listing(output).filter { !$0.key.hasPrefix(".jixiao-") && !$0.key.hasSuffix("/") } == site.mapValues { Data($0.utf8) })
    }

    /// A stopped build's staged tree is kept as the next build's spare, the output folder untouched: the
    /// next build does not write again what it staged, and its site is exactly what a build from nothing
    /// gives, whatever the stopped one staged that it does not have, or what was changed in the spare since.
    @Test func aStoppedBuildsStagedTreeIsTheNextBuildsSpare() throws {
        let root = Scratch.folder()
        let output = root.appendingPathComponent("public"), spare = root.appendingPathComponent(".public.jixiao-spare")
        _ = try Self.write(output, ["index.html": "首页", "a/index.html": "甲", "b/index.html": "乙"])
        try Data("placeholder".utf8).write(to: output.appendingPathComponent("README.md"))
        func stop(staging files: [String: String]) throws {
            let before = Self.listing(output)
            let stopped = try OutputWriter(folder: output)
            for (path, text) in files { try stopped.stage(path, text) }
            stopped.discard(keepingWork: true)
            #expect(Self.listing(output) == before)
            #expect(Self.leftovers(root) == [".public.jixiao-spare"])
        }
        func build(_ files: [String: String], written: Int) throws {
            let writer = try Self.write(output, files)
            #expect(writer.stats.written == written)
            var expected = files.mapValues { Data($0.utf8) }.merging(["README.md": Data("placeholder".utf8)]) { $1 }
            for path in files.keys { expected[String(path.prefix { $0 != "/" }) + "/"] = path.contains("/") ? Data() : nil }
            #expect(Self.listing(output).filter { !$0.key.hasPrefix(".jixiao-") } == expected)
            #expect(Self.leftovers(root) == [".public.jixiao-spare"])
        }
        // No spare yet: the stopped build's tree becomes one. 首页二 is not written again; c/ is not the site's.
        try stop(staging: ["index.html": "首页二", "a/index.html": "甲", "c/index.html": "丙"])
        try build(["index.html": "首页二", "a/index.html": "甲", "b/index.html": "乙二"], written: 1)
        // A stop that took the spare over (the first site's tree) keeps it, with what it staged.
        try stop(staging: ["index.html": "首页三", "d/index.html": "丁"])
        // Changed by hand in the spare since: written again.
        try Data("丁改".utf8).write(to: spare.appendingPathComponent("d/index.html"), options: .atomic)
        try build(["index.html": "首页三", "a/index.html": "甲", "b/index.html": "乙二", "d/index.html": "丁"], written: 1)
        // Stopped without the output folder (nothing to spare for), or after a file failed to be written
        // (the tree may hold part of it): removed.
        try FileManager.default.removeItem(at: spare)
        let failed = try OutputWriter(folder: output)
        try failed.stage("e", "戊")
        #expect(throws: OutputFailure.self) { try failed.stage("e/index.html", "戊") }
        failed.discard(keepingWork: true)
        #expect(Self.leftovers(root) == [])
        try FileManager.default.removeItem(at: output)
        let first = try OutputWriter(folder: output)
        try first.stage("index.html", "首页")
        first.discard(keepingWork: true)
        #expect(Self.leftovers(root) == [])
    }

    /// A spare without a site beside it (the output folder removed by hand) is removed by the next build.
    @Test func aSpareWithoutItsSiteIsRemoved() throws {
        let root = Scratch.folder()
        let output = root.appendingPathComponent("public")
        _ = try Self.write(output, ["index.html": "一"])
        _ = try Self.write(output, ["index.html": "二"])
        #expect(Self.leftovers(root) == [".public.jixiao-spare"])
        try FileManager.default.removeItem(at: output)
        _ = try Self.write(output, ["index.html": "三"])
        #expect(Self.leftovers(root) == [])
    }

    /// A page edited by hand to the same size is written again: files are compared by their bytes.
    @Test func aPageEditedByHandIsRepaired() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        let page = output.appendingPathComponent("2023/demo/a-goal/index.html")
        let original = try Data(contentsOf: page)
        let edited = Data(String(decoding: original, as: UTF8.self).replacingOccurrences(of: "培训项目", with: "培训课程").utf8)
        #expect(edited.count == original.count && edited != original)
        try edited.write(to: page)
        let report = Pipeline.build(root: site, output: output)
        #expect(report.succeeded)
        #expect(try Data(contentsOf: page) == original)
        #expect(report.files.written == 1)
    }
}
