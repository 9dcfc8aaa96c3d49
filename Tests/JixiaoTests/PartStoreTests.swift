import Testing
import JixiaoModel
@testable import JixiaoRender
@testable import JixiaoTemplates

/// The parts of projects a session keeps between builds, within their budget.
@Suite struct PartStoreTests {
    static func key(_ unit: String, _ project: Int) -> PartStore.Key {
        PartStore.Key(unit: UnitKey(year: 2024, unit: unit), project: "p\(project)", kind: .sheet(.goal))
    }

    /// Past the budget, a build's sheets take the room of the units that earlier builds used least lately,
    /// never of those the same build used: a first build keeps what fits, and a rebuild keeps the sheets
    /// of the units it renders (those being edited).
    @Test func aRebuildsSheetsTakeTheRoomOfUnitsUsedLeastLately() {
        // Room for four sheets without text (256 bytes each).
        let store = PartStore(budget: 1024)
        store.beginBuild()
        for project in 0 ..< 2 { store.store(Self.key("a", project), file: "a/p\(project).md", .sheet(nil)) }
        for project in 0 ..< 2 { store.store(Self.key("b", project), file: "b/p\(project).md", .sheet(nil)) }
        // Full: this build's own are not dropped for it.
        store.store(Self.key("c", 0), file: "c/p0.md", .sheet(nil))
        #expect(store.part(Self.key("c", 0)) == nil)
        #expect(store.part(Self.key("a", 1)) != nil && store.part(Self.key("b", 1)) != nil)

        store.beginBuild()
        // b used by this build: a, used last by the one before, makes room.
        #expect(store.part(Self.key("b", 0)) != nil)
        store.store(Self.key("c", 0), file: "c/p0.md", .sheet(nil))
        #expect(store.part(Self.key("c", 0)) != nil)
        #expect(store.part(Self.key("a", 0)) == nil && store.part(Self.key("a", 1)) == nil)
        #expect(store.part(Self.key("b", 1)) != nil)
        // A unit dropped as changed leaves its room.
        store.retain(units: { $0.unit != "b" }, dropping: [])
        for project in 1 ..< 4 { store.store(Self.key("c", project), file: "c/p\(project).md", .sheet(nil)) }
        #expect((0 ..< 4).allSatisfy { store.part(Self.key("c", $0)) != nil })
    }

    /// A project's data is kept beside its sheets, dropped with them when its file is read again.
    @Test func dataIsKeptAndDroppedWithTheProjectsSheets() {
        let store = PartStore(budget: 1 << 20)
        store.beginBuild()
        let data = PartStore.Key(unit: UnitKey(year: 2024, unit: "a"), project: "p0", kind: .data)
        store.store(Self.key("a", 0), file: "a/p0.md", .sheet(nil))
        store.store(data, file: "a/p0.md", .data(json: "{}", csv: "x\r\n"))
        guard case let .data(json, csv)? = store.part(data) else {
            Issue.record("no data kept")
            return
        }
        #expect(json == "{}" && csv == "x\r\n")
        store.retain(units: { _ in true }, dropping: ["a/p0.md"])
        #expect(store.part(data) == nil && store.part(Self.key("a", 0)) == nil)
    }

    /// Once a build finds no room to make, it keeps none of its other parts, until parts are dropped.
    @Test func aFullStoreStopsLookingForRoomUntilPartsAreDropped() {
        let store = PartStore(budget: 1024)
        store.beginBuild()
        for project in 0 ..< 5 { store.store(Self.key("a", project), file: "a/p\(project).md", .sheet(nil)) }
        #expect((0 ..< 4).allSatisfy { store.part(Self.key("a", $0)) != nil } && store.part(Self.key("a", 4)) == nil)
        store.retain(units: { _ in true }, dropping: ["a/p0.md"])
        store.store(Self.key("a", 4), file: "a/p4.md", .sheet(nil))
        #expect(store.part(Self.key("a", 4)) != nil)
    }

    /// A sheet is kept at the length of its text: one rendered into an array that grew as it went holds
    /// up to twice that, which tens of thousands of kept sheets would pay.
    @Test func keptTextTakesOnlyItsLength() {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(4096)
        bytes += Array("<table class=\"sheet\"><tr><td>项目名称</td></tr></table>".utf8)
        let rendered = Rendered(bytes: bytes)
        let kept = SheetText(html: rendered, markdown: rendered, office: nil).compacted()
        #expect(kept.html == rendered && kept.markdown == rendered)
        #expect(kept.bytes < 2 * 128)
        #expect(SheetText(html: rendered, markdown: rendered, office: nil).bytes >= 2 * 4096)
    }
}
