import Foundation
import JixiaoModel
import JixiaoSystem

/// Projects read from files, kept between loads (by `jixiao serve`) so that only changed files are
/// read again. Safe to use from many threads.
public final class LoadCache: @unchecked Sendable {
    struct Entry {
        let stamp: FileStamp
        let context: UnitContext
        let projects: [Project]
        let diagnostics: [Diagnostic]
    }

    private let lock = NSLock()
    private var entries: [String: Entry] = [:]

    public init() {}

    func entry(_ path: String, stamp: FileStamp, context: UnitContext) -> Entry? {
        lock.withLock {
            guard let entry = entries[path], entry.stamp == stamp, entry.context == context else { return nil }
            return entry
        }
    }

    func store(_ path: String, _ entry: Entry) {
        lock.withLock { entries[path] = entry }
    }

    /// Forgets the files that are gone.
    func keep(_ paths: Set<String>) {
        lock.withLock { entries = entries.filter { paths.contains($0.key) } }
    }
}

/// The settings a unit's files are read under: the stamps of site.yaml and of the unit's _unit.md. A file
/// read under other settings is read again.
package struct UnitContext: Hashable, Sendable {
    package var site: FileStamp?
    package var unit: FileStamp?
}
