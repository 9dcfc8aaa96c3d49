import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs a program in a process group of its own, its output into a file, and stops the whole group
/// when it takes too long: a browser's helper processes go with it. (Foundation's Process waits for
/// every process holding the child's descriptors, and cannot stop a group.)
package enum Subprocess {
    package enum Outcome: Equatable {
        case exited(Int32)
        case signaled(Int32)
        case timedOut
    }

    package struct CannotStart: Error {
        package let code: Int32
        package var description: String { String(cString: strerror(code)) }
    }

    package static func run(_ executable: String, _ arguments: [String], output: String, timeout: TimeInterval) throws(CannotStart) -> Outcome {
        #if os(Linux)
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        #else
        var actions: posix_spawn_file_actions_t?
        var attributes: posix_spawnattr_t?
        #endif
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_adddup2(&actions, 1, 2)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP))
        posix_spawnattr_setpgroup(&attributes, 0)

        let argv: [UnsafeMutablePointer<CChar>?] = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid = pid_t()
        let code = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard code == 0 else { throw CannotStart(code: code) }

        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if let outcome = reap(pid, blocking: false) { return outcome }
            usleep(20_000)
        }
        kill(-pid, SIGTERM)
        let grace = Date().addingTimeInterval(5)
        while Date() < grace {
            if reap(pid, blocking: false) != nil { return .timedOut }
            usleep(20_000)
        }
        kill(-pid, SIGKILL)
        _ = reap(pid, blocking: true)
        return .timedOut
    }

    /// The child's outcome once it has ended; `nil` while it runs.
    private static func reap(_ pid: pid_t, blocking: Bool) -> Outcome? {
        var status: Int32 = 0
        while true {
            let result = waitpid(pid, &status, blocking ? 0 : WNOHANG)
            if result == -1, errno == EINTR { continue }
            guard result == pid else { return result == -1 ? .exited(-1) : nil }
            let signal = status & 0x7F
            return signal == 0 ? .exited((status >> 8) & 0xFF) : .signaled(signal)
        }
    }
}
