import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells whether anything in a set of folders changed since they were watched: an entry created, removed,
/// renamed, written or given other attributes in one of them, or a folder itself removed or moved. Linux
/// only (inotify); elsewhere, and where the system will not watch every folder, there is no watch.
///
/// It only answers "nothing changed" or "something may have": what changed is not kept.
package final class FolderWatch: Sendable {
    private let descriptor: Int32

    /// Watches `folders`; `nil` when one of them cannot be watched (gone, or past the system's limit).
    package init?(_ folders: [String]) {
        #if os(Linux)
        let descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF
            | IN_MOVE_SELF | IN_ONLYDIR)
        for folder in folders where inotify_add_watch(descriptor, folder, mask) < 0 {
            close(descriptor)
            return nil
        }
        self.descriptor = descriptor
        #else
        return nil
        #endif
    }

    deinit { close(descriptor) }

    /// Whether no event has come since the folders were watched (none is waiting to be read).
    package var isQuiet: Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        return poll(&poller, 1, 0) == 0
    }
}
