import Foundation
import Testing
import JixiaoSystem
@testable import JixiaoWrite

/// The output folder's manifest as a file: written sorted by the bytes of its paths, on all cores, and
/// read back line for line.
@Suite struct ManifestFileTests {
    typealias Generator = FrontMatterDifferentialTests.Generator

    static let parts = ["2023", "u01", "项目", "a", "a-b", "a.b", "ab", "Z", "目标表", "é", "e\u{301}", "index.html", "data.json", "😀"]

    static func path(_ g: inout Generator) -> String {
        (0 ..< 1 + g.below(4)).map { _ in g.pick(parts) }.joined(separator: "/")
    }

    /// The order of texts by their bytes, whatever Unicode says of them (`é` written two ways is two paths).
    @Test func textsAreOrderedByTheirBytes() {
        var g = Generator(state: 18)
        for _ in 0 ..< 50 {
            let texts = (0 ..< g.below(300)).map { _ in g.chance(5) ? "" : Self.path(&g) }
            let expected = texts.sorted { Array($0.utf8).lexicographicallyPrecedes(Array($1.utf8)) }
            #expect(ByteOrder.sorted(texts) == expected)
            #expect(ByteOrder.order(texts).map { texts[$0] } == expected)
            #expect(texts.sorted(by: ByteOrder.precedes) == expected)
            for (a, b) in zip(texts, Array(texts.reversed()) + texts) {
                #expect(ByteOrder.equal(a, b) == (Array(a.utf8) == Array(b.utf8)), "\(a) \(b)")
            }
        }
        #expect(ByteOrder.sorted(["é", "e\u{301}", "f", "e"]) == ["e", "e\u{301}", "f", "é"])
        #expect(!ByteOrder.equal("é", "e\u{301}") && ByteOrder.equal("é", "é") && ByteOrder.equal("", ""))
    }

    /// The files of one manifest that another does not record the same (the spare's against the output
    /// folder's): found by walking both manifests read from their files in step, the same as by looking
    /// each path up: for paths in one, the other or both, with the same or other hashes, sizes and times.
    @Test func manifestsWalkedInStepDifferWhereTheyDiffer() throws {
        var g = Generator(state: 41)
        let folder = Scratch.folder()
        for round in 0 ..< 40 {
            var live: [String: Manifest.Entry] = [:], spare: [String: Manifest.Entry] = [:]
            for index in 0 ..< g.below(400) {
                let path = Self.path(&g) + (g.chance(4) ? "" : "/\(index)")
                let entry = Manifest.Entry(hash: g.next() % 3, size: g.below(3), modified: FileTime(seconds: 1_700_000_000 + g.below(2), nanoseconds: 0))
                switch g.below(4) {
                case 0: live[path] = entry
                case 1: spare[path] = entry
                case 2: (live[path], spare[path]) = (entry, entry)
                default: (live[path], spare[path]) = (entry, Manifest.Entry(hash: g.next() % 3, size: g.below(3), modified: entry.modified))
                }
            }
            let liveFile = folder.appendingPathComponent("live\(round)").path, spareFile = folder.appendingPathComponent("spare\(round)").path
            _ = try Manifest.write(live, to: liveFile)
            _ = try Manifest.write(spare, to: spareFile)
            let (liveRead, spareRead) = (Manifest.read(liveFile), Manifest.read(spareFile))
            #expect(liveRead.orderedEntries != nil && spareRead.orderedEntries != nil)
            let expected = Set(live.compactMap { path, entry in spare[path] == entry ? nil : path })
            #expect(SpareLookup.differing(liveRead, from: spareRead) == expected, "round \(round)")
            // Manifests made in memory (no order read from a file) are looked up path by path.
            #expect(SpareLookup.differing(Manifest(entries: live, written: nil), from: Manifest(entries: spare, written: nil)) == expected)
        }
    }

    /// Thousands of entries come back as they were written, with times before 1970 and nanoseconds
    /// that need leading zeros; the lines are in the bytes' order, in the documented form.
    @Test func entriesComeBackAsWritten() throws {
        var g = Generator(state: 7)
        var entries: [String: Manifest.Entry] = [:]
        for index in 0 ..< 5000 {
            let seconds = g.chance(2) ? -Int(g.below(1000)) - 1 : 1_700_000_000 + g.below(100_000)
            let modified = g.chance(3) ? nil : FileTime(seconds: seconds, nanoseconds: g.chance(10) ? g.below(10) : g.below(1_000_000_000))
            entries[Self.path(&g) + "/\(index)"] = Manifest.Entry(hash: g.next(), size: g.below(1 << 20), modified: modified)
        }
        let file = Scratch.folder().appendingPathComponent("manifest").path
        let written = try Manifest.write(entries, to: file)
        let read = Manifest.read(file)
        #expect(read.ignored == 0 && read.written == written.written)
        // Its paths in their order, as written and as read back.
        #expect(written.ordered == ByteOrder.sorted(Array(entries.keys)))
        #expect(read.ordered == written.ordered)
        #expect(read.entries.count == entries.count)
        for (path, entry) in entries {
            // A manifest without a time reads back as time zero: older manifests had none.
            let expected = entry.modified.map { _ in entry } ?? Manifest.Entry(hash: entry.hash, size: entry.size, modified: FileTime(seconds: 0, nanoseconds: 0))
            #expect(read.entries[path] == expected, "\(path)")
        }
        let lines = try String(contentsOfFile: file, encoding: .utf8).split(separator: "\n").map(String.init)
        let paths = lines.map { String($0.split(separator: " ", maxSplits: 3)[3]) }
        #expect(paths == ByteOrder.sorted(Array(entries.keys)))
        for (line, path) in zip(lines, paths) {
            let entry = try #require(entries[path])
            let time = entry.modified ?? FileTime(seconds: 0, nanoseconds: 0)
            #expect(line == "\(String(entry.hash, radix: 16)) \(entry.size) \(time.description) \(path)")
        }
    }

    /// A manifest with the same paths as one this process wrote, or read from its file, is written from that
    /// one's text, only the lines of entries that changed made again: byte for byte the manifest written
    /// whole, whichever lines changed (none, the first, the last, many, a path named twice or whose entry is
    /// the same).
    @Test func aPatchedManifestIsTheOneWrittenWhole() throws {
        var g = Generator(state: 29)
        let folder = Scratch.folder()
        var entries: [String: Manifest.Entry] = [:]
        for index in 0 ..< 2000 {
            entries[Self.path(&g) + "/\(index)"] = Manifest.Entry(hash: g.next(), size: g.below(1 << 20),
                                                                    modified: FileTime(seconds: 1_700_000_000 + g.below(100), nanoseconds: g.below(1_000_000_000)))
        }
        var previous = try Manifest.write(entries, to: folder.appendingPathComponent("first").path)
        let ordered = try #require(previous.ordered)
        for round in 0 ..< 30 {
            var changed: [String] = []
            let count = [0, 1, 2, 50, 1999][round % 5]
            for _ in 0 ..< count {
                let path = round % 7 == 3 ? ordered[g.chance(50) ? 0 : ordered.count - 1] : g.pick(ordered)
                if !g.chance(20) { entries[path] = Manifest.Entry(hash: g.next(), size: g.below(1000), modified: FileTime(seconds: g.below(1 << 40), nanoseconds: 7)) }
                changed.append(path)
            }
            let patched = try Manifest.write(entries, ordered: ordered, patching: (previous, changed), to: folder.appendingPathComponent("patched").path)
            _ = try Manifest.write(entries, to: folder.appendingPathComponent("whole").path)
            let bytes = try Data(contentsOf: folder.appendingPathComponent("patched"))
            #expect(bytes == (try Data(contentsOf: folder.appendingPathComponent("whole"))), "round \(round)")
            #expect(Manifest.read(folder.appendingPathComponent("patched").path).entries == entries)
            // The same paths: the folders found for the one before stand for it.
            if round == 0 { _ = OutputWriter.folders(of: previous) }
            #expect(OutputWriter.folders(of: patched) == OutputWriter.folders(of: Manifest.read(folder.appendingPathComponent("whole").path)))
            // Every other round, from the file as a new process reads it.
            let read = Manifest.read(folder.appendingPathComponent("patched").path)
            #expect(read.text?.bytes == [UInt8](bytes))
            previous = round % 2 == 0 ? patched : read
        }
        // A file with a blank line keeps no text (its lines are not one a path).
        let blank = folder.appendingPathComponent("blank")
        try (Data("\n".utf8) + (try Data(contentsOf: folder.appendingPathComponent("whole")))).write(to: blank)
        #expect(Manifest.read(blank.path).text == nil && Manifest.read(blank.path).entries == entries)
        // A path it does not have: written whole.
        entries["zz/new"] = Manifest.Entry(hash: 1, size: 1, modified: nil)
        _ = try Manifest.write(entries, ordered: ordered + ["zz/new"], patching: (previous, ["zz/new"]), to: folder.appendingPathComponent("patched").path)
        #expect(Manifest.read(folder.appendingPathComponent("patched").path).entries.count == entries.count)
    }

    /// Where a text is in a list in its order, by halving; texts equal as Unicode but not byte for byte are not it.
    @Test func aTextIsFoundInOrderedTexts() {
        var g = Generator(state: 5)
        for _ in 0 ..< 50 {
            let texts = ByteOrder.sorted(Array(Set((0 ..< g.below(200)).map { _ in Self.path(&g) })))
            for (index, text) in texts.enumerated() { #expect(ByteOrder.index(of: text, inOrdered: texts) == index) }
            let other = Self.path(&g) + "/x"
            #expect(ByteOrder.index(of: other, inOrdered: texts) == texts.firstIndex { $0.utf8.elementsEqual(other.utf8) })
        }
        #expect(ByteOrder.index(of: "e\u{301}", inOrdered: ["a", "é"]) == nil)
    }

    /// Each line's numbers as the standard library writes them, at their limits too.
    @Test func linesAtTheLimits() {
        for (hash, size, seconds, nanoseconds) in [(UInt64(0), 0, 0, 0), (UInt64.max, Int.max, Int.max, 999_999_999), (0x10, 10, 9, 1),
                                                   (0xF, 9, 10, 100_000_000), (1 << 60, 1 << 40, 1_700_000_000, 5)] {
            var text: [UInt8] = []
            Manifest.line("a/b", Manifest.Entry(hash: hash, size: size, modified: FileTime(seconds: seconds, nanoseconds: nanoseconds)), into: &text)
            let time = FileTime(seconds: seconds, nanoseconds: nanoseconds)
            #expect(String(decoding: text, as: UTF8.self) == "\(String(hash, radix: 16)) \(size) \(time.description) a/b\n")
        }
    }

    /// A manifest read in order only when every line was: one out of place, or a line not trusted, and the
    /// order is not known (the folders are then found from the paths as a set).
    @Test func aManifestOutOfOrderHasNoOrder() throws {
        let folder = Scratch.folder()
        func read(_ lines: [String]) throws -> Manifest {
            let file = folder.appendingPathComponent("manifest").path
            try Data(lines.map { $0 + "\n" }.joined().utf8).write(to: URL(fileURLWithPath: file))
            return Manifest.read(file)
        }
        let line = { (path: String) in "1f 3 1700000000.000000000 \(path)" }
        #expect(try read(["a/b", "a/c", "b"].map(line)).ordered == ["a/b", "a/c", "b"])
        #expect(try read(["a/c", "a/b", "b"].map(line)).ordered == nil)
        #expect(try read(["a/b", "a/b", "b"].map(line)).ordered == nil)
        #expect(try read(["a/b", "../x", "b"].map(line)).ordered == nil)
        // Far apart, in other chunks of the file: 5,000 lines in order but the last.
        let many = (0 ..< 5000).map { String(format: "p/%05d", $0) }
        #expect(try read(many.map(line)).ordered == many)
        #expect(try read((many + ["p/00000x"]).map(line)).ordered == nil)
    }
}
