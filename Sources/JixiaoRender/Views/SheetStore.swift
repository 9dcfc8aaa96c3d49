import Synchronization
import JixiaoModel

/// Sheets laid out by earlier builds of a session (`jixiao serve`), so that a rebuild lays out again only
/// the sheets that changed: a unit's booklets hold every sheet of the unit, and a save changes one.
///
/// The session keeps only what still holds: before each build it drops the sheets of project files read
/// again and of units whose settings or list of projects changed, and everything when a template
/// changed (`retain`). What it keeps is bounded by `budget` bytes of laid-out text; past it, sheets are
/// laid out each time, as without a store.
package final class SheetStore: Sendable {
    package struct Key: Hashable, Sendable {
        let unit: UnitKey
        let project: String
        let kind: SheetKind
    }

    private struct Stored: Sendable {
        /// The project's file, relative to the site root.
        let file: String
        /// `nil`: the project has no sheet of this kind.
        let sheet: RenderedSheet?
        let bytes: Int
    }

    private let state = Mutex(State())

    private struct State {
        var sheets: [Key: Stored] = [:]
        /// The keys stored, by unit and by project file: what `retain` drops is found without going
        /// through the thousands kept.
        var byUnit: [UnitKey: Set<Key>] = [:]
        var byFile: [String: Set<Key>] = [:]
        var bytes = 0
        /// The build under way (`beginBuild()`), and the last build that used each unit's sheets.
        var build = 0
        var used: [UnitKey: Int] = [:]

        mutating func remove(_ key: Key) {
            guard let stored = sheets.removeValue(forKey: key) else { return }
            bytes -= stored.bytes
            byUnit[key.unit]?.remove(key)
            byFile[stored.file]?.remove(key)
        }
    }
    private let budget: Int

    package init(budget: Int = 128 << 20) {
        self.budget = budget
    }

    /// Starts a build: past the budget, the sheets of units that earlier builds used and this one has not
    /// yet make room for this one's (the units of a rebuild are those being edited, and likely to be again).
    package func beginBuild() {
        state.withLock { $0.build += 1 }
    }

    /// The sheet laid out before: `.some(nil)` when the project had none of this kind, `nil` when none is kept.
    func sheet(_ key: Key) -> RenderedSheet?? {
        state.withLock { state in
            guard let stored = state.sheets[key] else { return nil }
            state.used[key.unit] = state.build
            return .some(stored.sheet)
        }
    }

    func store(_ key: Key, file: String, _ sheet: RenderedSheet?) {
        let bytes = (sheet.map { $0.html.bytes.count + $0.markdown.bytes.count } ?? 0) * 2 + 256
        state.withLock { state in
            state.remove(key)
            state.used[key.unit] = state.build
            if state.bytes + bytes > budget {
                // Least lately used first; never those of this build.
                let build = state.build
                let older = state.byUnit.keys.compactMap { unit in state.used[unit].map { (unit, $0) } }.filter { $0.1 < build }.sorted { $0.1 < $1.1 }
                for (unit, _) in older where state.bytes + bytes > budget {
                    for key in state.byUnit.removeValue(forKey: unit) ?? [] { state.remove(key) }
                }
            }
            guard state.bytes + bytes <= budget else { return }
            state.sheets[key] = Stored(file: file, sheet: sheet, bytes: bytes)
            state.byUnit[key.unit, default: []].insert(key)
            state.byFile[file, default: []].insert(key)
            state.bytes += bytes
        }
    }

    /// Keeps the sheets of the units for which `holds` is true, less those of the project files `dropping`.
    package func retain(units holds: (UnitKey) -> Bool, dropping files: Set<String>) {
        state.withLock { state in
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
