#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// This process and others, by their ids.
package enum Processes {
    package static var current: Int32 { getpid() }

    /// Whether a process with this id runs (one of another user's counts too).
    package static func isRunning(_ id: Int32) -> Bool {
        id > 0 && (kill(id, 0) == 0 || errno == EPERM)
    }
}
