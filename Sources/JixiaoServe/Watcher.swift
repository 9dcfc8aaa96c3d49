import Foundation

/// Notices changes to content/ and templates/ by polling file sizes and modification times every
/// `interval`: cheap (one stat a file), no busy loop, and it sees editors that save by rename.
struct Watcher: Sendable {
    let folders: [URL]
    var interval: Duration = .milliseconds(200)
    /// How long the tree must stay unchanged before a rebuild starts.
    var debounce: Duration = .milliseconds(100)

    /// Every visible file below the folders with its size and modification time.
    func signature() -> [String: Int64] {
        var result: [String: Int64] = [:]
        for folder in folders {
            guard let walker = FileManager.default.enumerator(atPath: folder.path) else { continue }
            for case let path as String in walker {
                if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
                var info = stat()
                let full = folder.path + "/" + path
                guard stat(full, &info) == 0 else { continue }
                result[full] = Int64(info.st_size) &* 1_000_003 &+ Int64(info.st_mtim.tv_sec) &* 1_000_000_000 &+ Int64(info.st_mtim.tv_nsec)
            }
        }
        return result
    }

    /// Calls `changed` after each settled change, until the task is cancelled.
    func run(_ changed: @Sendable () async -> Void) async {
        var last = signature()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            var current = signature()
            guard current != last else { continue }
            // Wait until the editor has finished writing.
            while !Task.isCancelled {
                try? await Task.sleep(for: debounce)
                let again = signature()
                if again == current { break }
                current = again
            }
            last = current
            await changed()
        }
    }
}
