import Foundation
import Testing
import JixiaoSystem

/// The watch of content/ and templates/ that `jixiao serve` rebuilds on: which files changed, or that it
/// cannot tell.
@Suite struct WatcherTests {
    /// What the watcher tells after a change: taken until it tells `expected` (or that it cannot tell), or a
    /// few seconds pass, however the events come in batches; then a moment more for the events that follow.
    static func changes(_ watcher: Watcher, expecting expected: Set<String>?) -> Set<String>? {
        var found: Set<String>? = []
        let deadline = Date().addingTimeInterval(5)
        while found != nil, found != expected, Date() < deadline {
            usleep(10000)
            if let taken = watcher.takeChanges() { found?.formUnion(taken) } else { found = nil }
        }
        usleep(100_000)
        if let taken = watcher.takeChanges() { found?.formUnion(taken) } else { found = nil }
        return found
    }

    #if os(Linux)
    @Test func tellsWhichFilesChangedUntilAFolderDoes() throws {
        let root = Scratch.folder()
        let unit = root.appendingPathComponent("content/2023/u1")
        try FileManager.default.createDirectory(at: unit, withIntermediateDirectories: true)
        for name in ["p1.md", "p2.md", "p3.md"] { try Data("name: \(name)\n".utf8).write(to: unit.appendingPathComponent(name)) }
        let watcher = Watcher(root: root)
        watcher.start()
        defer { watcher.stop() }
        #expect(watcher.takeChanges() == [])
        // Written in place, saved as editors do (a hidden file renamed over it), removed, and a swap file
        // of an editor, which is not content.
        try Data("name: 改\n".utf8).write(to: unit.appendingPathComponent("p1.md"))
        try Data("name: 改\n".utf8).write(to: unit.appendingPathComponent(".p2.md.swp"))
        #expect(rename(unit.appendingPathComponent(".p2.md.swp").path, unit.appendingPathComponent("p2.md").path) == 0)
        try FileManager.default.removeItem(at: unit.appendingPathComponent("p3.md"))
        let saved: Set = ["content/2023/u1/p1.md", "content/2023/u1/p2.md", "content/2023/u1/p3.md"]
        #expect(Self.changes(watcher, expecting: saved) == saved)
        #expect(watcher.takeChanges() == [])
        // A folder made, or removed: what lies below it cannot be told, until the next take.
        for change in [{ try FileManager.default.createDirectory(at: root.appendingPathComponent("content/2023/u2"), withIntermediateDirectories: true) },
                       { try FileManager.default.removeItem(at: root.appendingPathComponent("content/2023/u2")) }] {
            try change()
            #expect(Self.changes(watcher, expecting: nil) == nil)
            #expect(watcher.takeChanges() == [])
        }
        // A file in a folder made after the watch began is seen too.
        try FileManager.default.createDirectory(at: root.appendingPathComponent("content/2023/u3"), withIntermediateDirectories: true)
        #expect(Self.changes(watcher, expecting: nil) == nil)
        try Data("name: 新\n".utf8).write(to: root.appendingPathComponent("content/2023/u3/p4.md"))
        #expect(Self.changes(watcher, expecting: ["content/2023/u3/p4.md"]) == ["content/2023/u3/p4.md"])
    }
    #endif

    /// Without inotify it polls, and cannot tell which files changed.
    @Test func aWatcherNotStartedCannotTell() {
        let watcher = Watcher(root: Scratch.folder())
        #expect(watcher.takeChanges() == nil)
    }
}
