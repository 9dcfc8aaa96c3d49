import Foundation
import Synchronization
import JixiaoModel
import JixiaoSystem

/// Projects read from files, kept between loads (by `jixiao serve`) so that only changed files are
/// read again. Safe to use from many threads.
public final class LoadCache: Sendable {
    /// A file's projects as read: an object, so that handing one on (ten thousand at a time, several
    /// times a build) is one count, not one for each of its arrays and for the model file's bytes.
    final class Entry: Sendable {
        let stamp: FileStamp
        let context: UnitContext
        let projects: [Project]
        let diagnostics: [Diagnostic]
        /// Each project's scores, once a check scored them: kept so that a project read back unchanged is
        /// not scored again (scoring depends on the project alone).
        let evaluations: [ProjectEvaluation]?
        /// Where the cache's file holds the entry, and the hash that file gave it, when it was read from
        /// one (`read(_:binary:)`): written again as it is.
        let stored: (store: ByteStore, range: Range<Int>, hash: UInt64)?

        init(stamp: FileStamp, context: UnitContext, projects: [Project], diagnostics: [Diagnostic], evaluations: [ProjectEvaluation]? = nil,
             stored: (store: ByteStore, range: Range<Int>, hash: UInt64)? = nil)
        {
            self.stamp = stamp
            self.context = context
            self.projects = projects
            self.diagnostics = diagnostics
            self.evaluations = evaluations
            self.stored = stored
        }

        /// The same projects with their scores (and so no longer as the file holds them).
        func scored(_ evaluations: [ProjectEvaluation]) -> Entry {
            Entry(stamp: stamp, context: context, projects: projects, diagnostics: diagnostics, evaluations: evaluations)
        }
    }

    private let entries = Mutex<[String: Entry]>([:])
    /// The model file the entries were read from, if they were: what the next one need not repeat.
    let base = Mutex<ModelBase?>(nil)
    /// Bytes of the model files read that would not decode, counted as they are asked for.
    public let damage = ModelDamage()

    public init() {}

    func snapshot() -> [String: Entry] { entries.withLock { $0 } }

    /// Forgets every entry, and the model file they were read from.
    public func removeAll() {
        entries.withLock { $0 = [:] }
        base.withLock { $0 = nil }
    }

    /// The scores kept with the projects of a file, in the file's order with each project's address, when a
    /// check scored them (empty otherwise).
    public func evaluations(_ path: String) -> [(slug: String, evaluation: ProjectEvaluation)] {
        entries.withLock { entries in
            guard let entry = entries[path], let evaluations = entry.evaluations else { return [] }
            return zip(entry.projects, evaluations).map { ($0.slug, $1) }
        }
    }

    /// The files whose projects have no scores kept with them: those parsed since the cache was read.
    public func filesWithoutScores() -> Set<String> {
        entries.withLock { entries in Set(entries.compactMap { $0.value.evaluations == nil ? $0.key : nil }) }
    }

    /// Keeps the scores of each file's projects (by file, then project address) with the files that hold
    /// none yet.
    public func keep(evaluations: [String: [String: ProjectEvaluation]]) {
        entries.withLock { entries in
            for (path, scores) in evaluations {
                guard let index = entries.index(forKey: path), entries.values[index].evaluations == nil else { continue }
                let entry = entries.values[index]
                let aligned = entry.projects.compactMap { scores[$0.slug] }
                guard aligned.count == entry.projects.count else { continue }
                entries.values[index] = entry.scored(aligned)
            }
        }
    }

    /// Takes entries read from the model file, or from content files parsed, in place of any with the same path.
    func take(_ taken: [(String, Entry)]) {
        entries.withLock { entries in
            entries.reserveCapacity(entries.count + taken.count)
            for (path, entry) in taken { entries[path] = entry }
        }
    }

    /// Forgets these files.
    func forget(_ paths: [String]) {
        entries.withLock { entries in
            for path in paths { entries[path] = nil }
        }
    }

    /// Forgets the files that are gone.
    func keep(_ paths: Set<String>) {
        entries.withLock { entries in
            // Removed where gone: the entries are kept in place, not copied into a new table.
            for path in entries.keys.filter({ !paths.contains($0) }) { entries[path] = nil }
        }
    }
}

/// The settings a unit's files are read under: the stamps of site.yaml and of the unit's _unit.md. A file
/// read under other settings is read again.
package struct UnitContext: Hashable, Sendable {
    package var site: FileStamp?
    package var unit: FileStamp?
}
