import Foundation
import Synchronization
import JixiaoSystem
import JixiaoWrite

/// The units' `data.json` files as a session's builds wrote them, by path, for the site's `data.json`,
/// which holds them all: a unit whose file a build kept is taken from here, not read back from the output
/// folder (tens of megabytes at 10,000 projects, at every rebuild of `jixiao serve`).
final class UnitDataStore: Sendable {
    private let files = Mutex<[String: (hash: UInt64, data: Data)]>([:])

    /// Keeps a unit's file as written (its bytes, last line break included).
    func keep(_ path: String, _ data: Data) {
        let hash = Manifest.hash(data)
        files.withLock { $0[path] = (hash, data) }
    }

    /// The file kept for `path`, when it has the bytes the writer recorded for it (`recorded`: their hash).
    func data(_ path: String, recorded: UInt64?) -> Data? {
        guard let recorded, let file = files.withLock({ $0[path] }), file.hash == recorded else { return nil }
        return file.data
    }
}
