import Foundation
import Synchronization
import JixiaoRender
import JixiaoSystem
import JixiaoWrite

/// The site's `data.json`: every unit's `data.json` laid end to end (tens of megabytes at 10,000
/// projects). It is staged as soon as the units being rendered have their data made, on a core of its
/// own, while the rest of their pages (booklets, office files) are still being rendered.
final class SiteDataFile: Sendable {
    private let pages: SitePages
    private let writer: OutputWriter
    private let store: UnitDataStore?
    /// Where it goes; `nil` when the build does not write it (its home page is kept, or there are no data files).
    private let file: String?
    /// The `data.json` files of the units rendered by this build, by place.
    private let made = Mutex<[UnitPlace: Data]>([:])
    private let left: Atomic<Int>
    private let job = Mutex<Lookahead<(any Error)?>?>(nil)

    /// `units`: how many units this build renders the data of. `store`: the units' files as the session's
    /// last builds wrote them.
    init(_ pages: SitePages, writer: OutputWriter, store: UnitDataStore?, writing: Bool, units: Int) {
        (self.pages, self.writer, self.store) = (pages, writer, store)
        file = writing ? pages.dataFiles(.home).first : nil
        left = Atomic(units)
        if units == 0 { start() }
    }

    /// A unit's `data.json` as this build stages it (last line break included).
    func made(_ place: UnitPlace, _ path: String, _ data: Data) {
        made.withLock { $0[place] = data }
        store?.keep(path, data)
        if left.subtract(1, ordering: .acquiringAndReleasing).newValue == 0 { start() }
    }

    /// Stages it, unless that was started already.
    func start() {
        guard let file else { return }
        job.withLock { job in
            guard job == nil else { return }
            job = Lookahead { [self] in
                do { try stage(file) } catch { return error }
                return nil
            }
        }
    }

    /// Waits for it, if it was started: the build failed, and nothing may be staged once it is discarded.
    func abandon() {
        _ = job.withLock({ $0 })?.value
    }

    /// Waits for it to be staged (starting it, where a unit's data was not made), and throws what failed.
    func finish() throws {
        start()
        if let error = job.withLock({ $0 })?.value { throw error }
    }

    private func stage(_ file: String) throws(OutputFailure) {
        let made = made.withLock { $0 }
        let years = pages.checked.site.years
        let places = years.indices.flatMap { y in years[y].units.indices.map { UnitPlace(year: y, unit: $0) } }
        // A unit kept as written: its file as the session last wrote it, or read back from the new tree, on all cores.
        let kept = Parallel.map(places) { place -> Data? in
            guard made[place] == nil, let path = pages.dataFiles(.unit(place.year, place.unit)).first else { return nil }
            if let data = store?.data(path, recorded: writer.recordedHash(path)) { return data }
            guard let data = writer.keptBytes(path), data.last == 0x0A else { return nil }
            store?.keep(path, data)
            return data
        }
        let texts = Dictionary(uniqueKeysWithValues: zip(places, kept).compactMap { place, data in data.map { (place, $0) } })
        // In parts: hashed and written without being put together.
        try writer.stage(file, parts: OpenData.site(pages.checked) { y, u in
            (texts[UnitPlace(year: y, unit: u)] ?? made[UnitPlace(year: y, unit: u)])?.dropLast()
        })
    }
}

/// A unit by its place in the site: year and unit index.
struct UnitPlace: Hashable {
    let year: Int
    let unit: Int
}
