import Foundation
import Synchronization
import JixiaoModel

/// What earlier builds of a session (`jixiao serve`) made of each project for its unit's files, so that a
/// rebuild makes again only what changed: a unit's booklets hold every sheet of the unit, its data files
/// every project's data, and a save changes one project.
///
/// The session keeps only what still holds: before each build it drops the parts of project files read
/// again and of units whose settings or list of projects changed, and everything when a template
/// changed (`retain`). What it keeps is bounded by `budget` bytes (the text and office parts of 10,000
/// projects' sheets, with their data, take about 400 MB); past it, parts are made each time, as without a
/// store.
package final class PartStore: Sendable {
    package enum Kind: Hashable, Sendable {
        case sheet(SheetKind)
        /// The project's part of its unit's `data.json` and `data.csv`.
        case data
    }

    package enum Part: Sendable {
        /// `nil`: the project has no sheet of this kind.
        case sheet(SheetText?)
        /// The project's object in its unit's `data.json` (compact), and its lines of `data.csv`.
        case data(json: String, csv: String)

        /// The bytes it takes in memory, with what holds it in the store.
        var bytes: Int {
            switch self {
            case let .sheet(sheet): (sheet?.bytes ?? 0) + 256
            case let .data(json, csv): json.utf8.count + csv.utf8.count + 256
            }
        }
    }

    package struct Key: Hashable, Sendable {
        let unit: UnitKey
        let project: String
        let kind: Kind

        package init(unit: UnitKey, project: String, kind: Kind) {
            (self.unit, self.project, self.kind) = (unit, project, kind)
        }
    }

    private struct Stored: Sendable {
        /// The project's file, relative to the site root.
        let file: String
        let part: Part
        let bytes: Int
    }

    private let state = Mutex(State())

    private struct State {
        var parts: [Key: Stored] = [:]
        /// The keys stored, by unit and by project file: what `retain` drops is found without going
        /// through the thousands kept.
        var byUnit: [UnitKey: Set<Key>] = [:]
        var byFile: [String: Set<Key>] = [:]
        var bytes = 0
        /// The build under way (`beginBuild()`), and the last build that used each unit's parts.
        var build = 0
        var used: [UnitKey: Int] = [:]
        /// The build that found no room left, if any: the parts it makes after are not kept.
        var full: Int?

        mutating func remove(_ key: Key) {
            guard let stored = parts.removeValue(forKey: key) else { return }
            bytes -= stored.bytes
            byUnit[key.unit]?.remove(key)
            byFile[stored.file]?.remove(key)
        }
    }
    private let budget: Int

    package init(budget: Int = PartStore.defaultBudget) {
        self.budget = budget
    }

    /// 512 MB, or a sixteenth of the machine's memory where that is less.
    package static let defaultBudget = Int(min(512 << 20, ProcessInfo.processInfo.physicalMemory / 16))

    /// Starts a build: past the budget, the parts of units that earlier builds used and this one has not
    /// yet make room for this one's (the units of a rebuild are those being edited, and likely to be again).
    package func beginBuild() {
        state.withLock { $0.build += 1 }
    }

    /// The part made before, `nil` when none is kept.
    package func part(_ key: Key) -> Part? {
        state.withLock { state in
            guard let stored = state.parts[key] else { return nil }
            state.used[key.unit] = state.build
            return stored.part
        }
    }

    package func store(_ key: Key, file: String, _ part: Part) {
        let bytes = part.bytes
        state.withLock { state in
            state.remove(key)
            state.used[key.unit] = state.build
            if state.bytes + bytes > budget {
                // Nothing of earlier builds is left to give room: this build's other parts are not kept either.
                if state.full == state.build { return }
                // Least lately used first; never those of this build. Room is made for more than this part,
                // so that the next ones do not each go through the units again.
                let build = state.build, target = budget - budget / 8
                let older = state.byUnit.keys.compactMap { unit in state.used[unit].map { (unit, $0) } }.filter { $0.1 < build }.sorted { $0.1 < $1.1 }
                for (unit, _) in older where state.bytes + bytes > target {
                    for key in state.byUnit.removeValue(forKey: unit) ?? [] { state.remove(key) }
                }
            }
            guard state.bytes + bytes <= budget else {
                state.full = state.build
                return
            }
            state.parts[key] = Stored(file: file, part: part, bytes: bytes)
            state.byUnit[key.unit, default: []].insert(key)
            state.byFile[file, default: []].insert(key)
            state.bytes += bytes
        }
    }

    /// Keeps the parts of the units for which `holds` is true, less those of the project files `dropping`.
    package func retain(units holds: (UnitKey) -> Bool, dropping files: Set<String>) {
        state.withLock { state in
            state.full = nil
            for unit in state.byUnit.keys.filter({ !holds($0) }) {
                for key in state.byUnit.removeValue(forKey: unit) ?? [] { state.remove(key) }
                state.used[unit] = nil
            }
            for file in files {
                for key in state.byFile.removeValue(forKey: file) ?? [] { state.remove(key) }
            }
        }
    }

    package func removeAll() {
        state.withLock { $0 = State(build: $0.build) }
    }
}
