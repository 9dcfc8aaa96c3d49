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

    private let state = Mutex<(sheets: [Key: Stored], bytes: Int)>(([:], 0))
    private let budget: Int

    package init(budget: Int = 128 << 20) {
        self.budget = budget
    }

    /// The sheet laid out before: `.some(nil)` when the project had none of this kind, `nil` when none is kept.
    func sheet(_ key: Key) -> RenderedSheet?? {
        state.withLock { $0.sheets[key].map(\.sheet) }
    }

    func store(_ key: Key, file: String, _ sheet: RenderedSheet?) {
        let bytes = (sheet.map { $0.html.utf8.count + $0.markdown.utf8.count } ?? 0) * 2 + 256
        state.withLock { state in
            if let before = state.sheets[key] { state.bytes -= before.bytes }
            guard state.bytes + bytes <= budget else {
                state.sheets[key] = nil
                return
            }
            state.sheets[key] = Stored(file: file, sheet: sheet, bytes: bytes)
            state.bytes += bytes
        }
    }

    /// Keeps the sheets of the units and project files for which `holds` is true.
    package func retain(where holds: (_ unit: UnitKey, _ file: String) -> Bool) {
        state.withLock { state in
            // Removed in place: a save drops a unit's sheets of thousands kept, and a filter hashes them all again.
            let dropped = state.sheets.filter { !holds($0.key.unit, $0.value.file) }
            for (key, stored) in dropped {
                state.sheets[key] = nil
                state.bytes -= stored.bytes
            }
        }
    }

    package func removeAll() {
        state.withLock { $0 = ([:], 0) }
    }
}
