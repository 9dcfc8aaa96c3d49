import Testing
import JixiaoModel
@testable import JixiaoRender

/// The sheets a session keeps between builds, within their budget.
@Suite struct SheetStoreTests {
    static func key(_ unit: String, _ project: Int) -> SheetStore.Key {
        SheetStore.Key(unit: UnitKey(year: 2024, unit: unit), project: "p\(project)", kind: .goal)
    }

    /// Past the budget, a build's sheets take the room of the units that earlier builds used least lately,
    /// never of those the same build used: a first build keeps what fits, and a rebuild keeps the sheets
    /// of the units it renders (those being edited).
    @Test func aRebuildsSheetsTakeTheRoomOfUnitsUsedLeastLately() {
        // Room for four sheets without text (256 bytes each).
        let store = SheetStore(budget: 1024)
        store.beginBuild()
        for project in 0 ..< 2 { store.store(Self.key("a", project), file: "a/p\(project).md", nil) }
        for project in 0 ..< 2 { store.store(Self.key("b", project), file: "b/p\(project).md", nil) }
        // Full: this build's own are not dropped for it.
        store.store(Self.key("c", 0), file: "c/p0.md", nil)
        #expect(store.sheet(Self.key("c", 0)) == nil)
        #expect(store.sheet(Self.key("a", 1)) != nil && store.sheet(Self.key("b", 1)) != nil)

        store.beginBuild()
        // b used by this build: a, used last by the one before, makes room.
        #expect(store.sheet(Self.key("b", 0)) != nil)
        store.store(Self.key("c", 0), file: "c/p0.md", nil)
        #expect(store.sheet(Self.key("c", 0)) != nil)
        #expect(store.sheet(Self.key("a", 0)) == nil && store.sheet(Self.key("a", 1)) == nil)
        #expect(store.sheet(Self.key("b", 1)) != nil)
        // A unit dropped as changed leaves its room.
        store.retain(units: { $0.unit != "b" }, dropping: [])
        for project in 1 ..< 4 { store.store(Self.key("c", project), file: "c/p\(project).md", nil) }
        #expect((0 ..< 4).allSatisfy { store.sheet(Self.key("c", $0)) != nil })
    }
}
