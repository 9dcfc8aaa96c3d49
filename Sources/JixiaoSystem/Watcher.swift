import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Tells when anything changes below the site's content/ and templates/ folders: created, written,
/// renamed or deleted files, editors that save by renaming included. On Linux it listens to inotify
/// (no polling); elsewhere it compares sizes and times every 200 ms. Hidden files (editors' swap
/// files) and backups ending in `~` are ignored.
package final class Watcher: Sendable {
    let root: URL
    let folders: [String]
    /// How many changes were seen, when the last was, and whether to stop; the files changed since
    /// `takeChanges()`, relative to the root, unless what changed cannot be told (`known` false).
    private let state = Mutex((count: 0, last: ContinuousClock.now, stopped: false, paths: Set<String>(), known: true))
    private let (stream, continuation) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    /// Whether every folder is watched by inotify: what changed can be told.
    private let reliable = Atomic(false)

    package init(root: URL, folders: [String] = ["content", "templates"]) {
        self.root = root
        self.folders = folders
    }

    /// How many changes have been seen: a debounce waits until it stops moving.
    package var changes: Int { state.withLock { $0.count } }

    /// How many changes have been seen, and when the last one was.
    package var lastChange: (count: Int, at: ContinuousClock.Instant) { state.withLock { ($0.count, $0.last) } }

    /// Wakes up after changes (several changes may wake it once).
    package var wakeUps: AsyncStream<Void> { stream }

    /// Starts watching on a thread of its own, and returns once it watches: a change from then on is seen.
    package func start() {
        let watching = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            #if os(Linux)
            if listen(watching) { return }
            #endif
            poll(watching)
        }
        thread.name = "jixiao watcher"
        thread.start()
        watching.wait()
    }

    /// The files (paths relative to the root) created, written, renamed or removed since the last call,
    /// or since watching began; `nil` when what changed cannot be told: a folder created, removed or
    /// renamed, events lost (the system's queue overflowed), a folder that could not be watched, or no
    /// inotify (the watcher then polls).
    package func takeChanges() -> Set<String>? {
        state.withLock { state in
            defer { (state.paths, state.known) = ([], true) }
            return state.known && reliable.load(ordering: .relaxed) ? state.paths : nil
        }
    }

    package func stop() {
        state.withLock { $0.stopped = true }
        continuation.finish()
    }

    private var isStopped: Bool { state.withLock { $0.stopped } }

    /// `paths`: the files that changed (relative to the root); `nil` when that cannot be told.
    private func changed(_ paths: Set<String>? = nil) {
        state.withLock {
            $0.count += 1
            $0.last = .now
            if let paths { $0.paths.formUnion(paths) } else { $0.known = false }
        }
        continuation.yield()
    }

    /// A path below the root, relative to it; `nil` for one elsewhere.
    private func relative(_ path: String) -> String? {
        let prefix = root.path.hasSuffix("/") ? root.path : root.path + "/"
        return path.hasPrefix(prefix) ? String(path.dropFirst(prefix.count)) : nil
    }

    static func ignored(_ name: Substring) -> Bool { name.hasPrefix(".") || name.hasSuffix("~") }

    #if os(Linux)
    private static let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_DELETE_SELF | IN_MOVE_SELF)

    /// Listens to inotify until stopped, signalling `watching` once every folder is watched; `false`
    /// (and nothing signalled) when inotify is not available.
    private func listen(_ watching: DispatchSemaphore) -> Bool {
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return false }
        defer { close(descriptor) }
        var watched: [Int32: String] = [:]
        // Until a folder cannot be watched: then a change there would go unseen, and no list of changes is kept.
        reliable.store(true, ordering: .relaxed)
        func watch(_ path: String) {
            let id = inotify_add_watch(descriptor, path, Self.mask)
            // A folder gone (or not made yet) is not one to miss changes in: its parent's watch sees it come.
            if id >= 0 { watched[id] = path } else if errno != ENOENT { reliable.store(false, ordering: .relaxed) }
        }
        func watchTree(_ path: String) {
            watch(path)
            guard let walker = FileManager.default.enumerator(atPath: path) else { return }
            for case let relative as String in walker {
                var isFolder: ObjCBool = false
                let full = path + "/" + relative
                if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue { watch(full) }
            }
        }
        // The root, only to see content/ or templates/ appear.
        let rootID = inotify_add_watch(descriptor, root.path, UInt32(IN_CREATE | IN_MOVED_TO))
        if rootID < 0 { reliable.store(false, ordering: .relaxed) }
        for folder in folders { watchTree(root.appendingPathComponent(folder).path) }
        watching.signal()
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while !isStopped {
            guard Glibc.poll(&poller, 1, 200) > 0 else { continue }
            let length = read(descriptor, &buffer, buffer.count)
            guard length > 0 else { continue }
            var offset = 0, relevant = false
            var paths: Set<String>? = []
            while offset + MemoryLayout<inotify_event>.size <= length {
                let (id, eventMask, nameLength) = buffer.withUnsafeBytes { bytes in
                    let event = bytes.loadUnaligned(fromByteOffset: offset, as: inotify_event.self)
                    return (event.wd, event.mask, Int(event.len))
                }
                let nameStart = offset + MemoryLayout<inotify_event>.size
                let name = String(decoding: buffer[nameStart ..< nameStart + nameLength].prefix { $0 != 0 }, as: UTF8.self)
                offset = nameStart + nameLength
                if eventMask & UInt32(IN_Q_OVERFLOW) != 0 {
                    (relevant, paths) = (true, nil)
                    continue
                }
                if id == rootID {
                    if folders.contains(name) {
                        watchTree(root.appendingPathComponent(name).path)
                        (relevant, paths) = (true, nil)
                    }
                    continue
                }
                guard let folder = watched[id] else { continue }
                if eventMask & UInt32(IN_IGNORED) != 0 { watched[id] = nil }
                if eventMask & UInt32(IN_ISDIR) != 0, eventMask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    watchTree(folder + "/" + name)
                }
                if !Self.ignored(Substring(name)) {
                    relevant = true
                    // A folder's own change (created, removed, renamed: what lies below it changed too) tells no file.
                    let isFile = eventMask & UInt32(IN_ISDIR | IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED) == 0 && !name.isEmpty
                    if isFile, let path = relative(folder + "/" + name) { paths?.insert(path) } else { paths = nil }
                }
            }
            if relevant { changed(paths) }
        }
        return true
    }
    #endif

    /// Compares every file's size and time every 200 ms.
    private func poll(_ watching: DispatchSemaphore) {
        var last = signature()
        watching.signal()
        while !isStopped {
            Thread.sleep(forTimeInterval: 0.2)
            let current = signature()
            if current != last {
                last = current
                changed()
            }
        }
    }

    private func signature() -> [String: Int64] {
        var result: [String: Int64] = [:]
        for folder in folders {
            let base = root.appendingPathComponent(folder).path
            guard let walker = FileManager.default.enumerator(atPath: base) else { continue }
            for case let path as String in walker {
                if path.split(separator: "/").contains(where: Self.ignored) { continue }
                guard let stamp = FileStamp(path: base + "/" + path) else { continue }
                result[path] = stamp.size &* 1_000_003 &+ Int64(stamp.seconds) &* 1_000_000_000 &+ Int64(stamp.nanoseconds)
            }
        }
        return result
    }
}
