import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Testing
@testable import Jixiao
import JixiaoSystem
@testable import JixiaoWrite

/// What the output folder holds besides the last build's files, found by listing only the folders
/// changed since its manifest: always what a walk of the whole folder finds.
@Suite struct ForeignEntriesTests {
    typealias Generator = FrontMatterDifferentialTests.Generator

    /// What a build carries over, of a list of entries: empty folders, and files and links the manifest
    /// does not name.
    static func foreign(_ entries: [FileTree.Entry], _ manifest: Manifest) -> Set<String> {
        Set(entries.compactMap { entry in
            switch entry.kind {
            case .folder where entry.isEmpty: return entry.path + "/"
            case .file where manifest.entries[entry.path] == nil: return entry.path
            case .link where manifest.entries[entry.path] == nil: return entry.path + "@"
            default: return nil
            }
        })
    }

    /// Changes a project's text, so that the next build writes a new site (one that finds nothing changed
    /// writes nothing, and carries nothing over).
    static func edit(_ site: URL, _ round: Int) throws {
        let file = site.appendingPathComponent("content/2023/demo/a-goal.md")
        try (try String(contentsOf: file, encoding: .utf8) + "\n第 \(round) 次修改。\n").write(to: file, atomically: true, encoding: .utf8)
    }

    /// The output folder's manifest, a tick of the file system's clock after it was written: folders
    /// left alone since are older than it.
    static func manifestAfterATick(_ output: URL) -> Manifest {
        usleep(20000)
        return Manifest.read(output.path + "/" + OutputWriter.manifestName)
    }

    /// The folder of the manifest's first project page (`2023/demo/a-goal`).
    static func firstProjectFolder(_ manifest: Manifest) throws -> String {
        let page = try #require(manifest.entries.keys.filter { $0.hasSuffix("/index.html") && $0.split(separator: "/").count == 4 }.sorted().first)
        return String(page.dropLast("/index.html".count))
    }

    /// The folders of the output, with `/` after each, and `""` for the output itself.
    static func folders(_ output: URL) -> [String] {
        [""] + FileTree.entries(output.path).filter { $0.kind == .folder }.map { $0.path + "/" }
    }

    /// Random changes by hand to the output folder between builds: files and folders put in, removed,
    /// emptied, replaced, links. After each change the entries found from the changed folders are those a
    /// whole walk finds; after each build too, and the build carries over what the walk finds.
    @Test func changedFoldersAloneFindWhatAWalkFinds() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        var g = Generator(state: 20261130)
        var added: [String] = []
        for round in 0 ..< 12 {
            let manifest = Self.manifestAfterATick(output)
            for _ in 0 ..< 1 + g.below(3) {
                let folders = Self.folders(output)
                let folder = output.path + "/" + g.pick(folders)
                let fm = FileManager.default
                switch g.below(7) {
                case 0, 1:
                    let path = folder + "note-\(round)-\(g.below(1000)).txt"
                    fm.createFile(atPath: path, contents: Data("手写".utf8))
                    added.append(path)
                case 2:
                    let path = folder + "docs-\(round)"
                    try fm.createDirectory(atPath: path + "/a/b", withIntermediateDirectories: true)
                    fm.createFile(atPath: path + "/a/readme.md", contents: Data("x".utf8))
                    if g.chance(50) { try fm.createDirectory(atPath: path + "/empty", withIntermediateDirectories: true) }
                    added.append(path)
                case 3:
                    let path = folder + "link-\(round)"
                    try? fm.createSymbolicLink(atPath: path, withDestinationPath: "index.html")
                    added.append(path)
                case 4 where !added.isEmpty:
                    try? fm.removeItem(atPath: added.remove(at: g.below(added.count)))
                case 5:
                    // A page removed by hand: the build writes it again.
                    let files = manifest.entries.keys.sorted()
                    try? fm.removeItem(atPath: output.path + "/" + g.pick(files))
                default:
                    try? fm.createDirectory(atPath: folder + "empty-\(round)", withIntermediateDirectories: true)
                    added.append(folder + "empty-\(round)")
                }
            }
            let found = OutputWriter.foreignEntries(output.path, previous: manifest)
            #expect(Self.foreign(found, manifest) == Self.foreign(FileTree.entries(output.path), manifest), "round \(round)")
            // Folders before what they hold.
            #expect(found.map(\.path) == found.map(\.path).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
            try Self.edit(site, round)
            #expect(Pipeline.build(root: site, output: output).succeeded, "round \(round)")
            let now = Manifest.read(output.path + "/" + OutputWriter.manifestName)
            let carried = try String(contentsOfFile: output.path + "/" + OutputWriter.carriedName, encoding: .utf8)
            let expected = Self.foreign(FileTree.entries(output.path), now).filter { !$0.hasPrefix(".jixiao-") }
            #expect(Set(carried.split(separator: "\n").map { String($0) }) == Set(expected.map { $0.hasSuffix("@") ? String($0.dropLast()) : $0 }),
                    "round \(round)")
        }
    }

    /// A folder carried over empty that gets a file, and a file put where a page's folder was.
    @Test func aFolderCarriedEmptyThatFillsAndAPageFolderReplacedByAFile() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        try FileManager.default.createDirectory(at: output.appendingPathComponent("uploads"), withIntermediateDirectories: true)
        try Self.edit(site, 1)
        #expect(Pipeline.build(root: site, output: output).succeeded)
        #expect(try String(contentsOfFile: output.path + "/" + OutputWriter.carriedName, encoding: .utf8) == "uploads/\n")
        let manifest = Self.manifestAfterATick(output)
        #expect(Self.foreign(OutputWriter.foreignEntries(output.path, previous: manifest), manifest).filter { !$0.hasPrefix(".jixiao-") } == ["uploads/"])
        try Data("x".utf8).write(to: output.appendingPathComponent("uploads/a.pdf"))
        let page = try Self.firstProjectFolder(manifest)
        let folder = output.appendingPathComponent(page)
        try FileManager.default.removeItem(at: folder)
        try Data("in the way".utf8).write(to: folder)
        let found = Self.foreign(OutputWriter.foreignEntries(output.path, previous: manifest), manifest)
        #expect(found == Self.foreign(FileTree.entries(output.path), manifest))
        #expect(found.contains("uploads/a.pdf") && found.contains(page))
    }

    /// A folder of the site emptied and replaced by another renamed into place, whose times were set back:
    /// what it holds is found (a folder's status change time moves when it is renamed; no one sets it back).
    @Test func aFolderRenamedIntoPlaceIsListed() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        let manifest = Self.manifestAfterATick(output)
        let page = try Self.firstProjectFolder(manifest)
        let folder = output.appendingPathComponent(page)
        let fm = FileManager.default
        for name in try fm.contentsOfDirectory(atPath: folder.path) { try fm.removeItem(at: folder.appendingPathComponent(name)) }
        let prepared = site.appendingPathComponent("prepared")
        try fm.createDirectory(at: prepared, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: prepared.appendingPathComponent("note.txt"))
        try fm.setAttributes([.modificationDate: Date(timeIntervalSince1970: 946_684_800)], ofItemAtPath: prepared.path)
        #expect(rename(prepared.path, folder.path) == 0)
        let found = Self.foreign(OutputWriter.foreignEntries(output.path, previous: manifest), manifest)
        #expect(found == Self.foreign(FileTree.entries(output.path), manifest))
        #expect(found.contains(page + "/note.txt"))
    }

    /// Without the list of what the last build carried over, the whole folder is walked.
    @Test func withoutTheCarriedListTheFolderIsWalked() throws {
        let site = try Scratch.copy(of: "golden")
        let output = site.appendingPathComponent("public")
        #expect(Pipeline.build(root: site, output: output).succeeded)
        let manifest = Self.manifestAfterATick(output)
        let file = try #require(manifest.entries.keys.sorted().last)
        let note = output.path + "/" + file + ".note"
        FileManager.default.createFile(atPath: note, contents: Data())
        try FileManager.default.removeItem(atPath: output.path + "/" + OutputWriter.carriedName)
        let found = OutputWriter.foreignEntries(output.path, previous: manifest)
        #expect(found.map(\.path) == FileTree.entries(output.path).map(\.path))
        #expect(Self.foreign(found, manifest).contains(file + ".note"))
    }

    /// The folders above paths, found in one pass over them in their order, are those found path by path:
    /// for random paths (folder names that are prefixes of one another, `-` and `.` before `/`), in order
    /// and in any order.
    @Test func theFoldersAboveOrderedPathsAreFoundInOnePass() {
        var g = Generator(state: 31)
        for _ in 0 ..< 300 {
            let paths = Array(Set((0 ..< g.below(60)).map { _ in ManifestFileTests.path(&g) }))
            var expected: Set<Substring> = []
            for path in paths {
                var folder = Substring(path)
                while let slash = folder.lastIndex(of: "/") {
                    folder = folder[..<slash]
                    expected.insert(folder)
                }
            }
            #expect(OutputWriter.folders(ofOrdered: ByteOrder.sorted(paths)[...]) == expected, "\(paths)")
            #expect(OutputWriter.folders(ofOrdered: paths[...]) == expected, "\(paths)")
        }
    }
}
