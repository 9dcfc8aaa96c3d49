/// One message from any step (load, check, render, write, import, print), with a stable code. It is
/// an `Error` so that a step can fail with one. It has a place in the content when it concerns one.
public struct Diagnostic: Error, Sendable, Hashable, Comparable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, CaseIterable {
        case error, warning, note
    }

    public var code: DiagnosticCode
    public var severity: Severity
    public var message: String
    /// Where the finding is; `nil` for one about the command or the machine (a missing browser).
    public var location: SourceLocation?

    public init(_ code: DiagnosticCode, _ severity: Severity, _ message: String, at location: SourceLocation?) {
        self.code = code
        self.severity = severity
        self.message = message
        self.location = location
    }

    public static func error(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(code, .error, message, at: location)
    }

    public static func warning(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(code, .warning, message, at: location)
    }

    public static func note(_ code: DiagnosticCode, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(code, .note, message, at: location)
    }

    public var isError: Bool { severity == .error }

    /// Compiler style: `content/2022/982001/oa.md:14:5: error: …`, or `error: …` without a place. Control
    /// characters in the file's name or the message are escaped: a line is always one diagnostic.
    public var description: String {
        let message = ControlCharacters.escaped(self.message)
        guard let location else { return "\(severity.rawValue): \(message)" }
        return "\(ControlCharacters.escaped(location.file)):\(location.line):\(location.column): \(severity.rawValue): \(message)"
    }

    /// By place (those without one first), then severity and message.
    public static func < (lhs: Diagnostic, rhs: Diagnostic) -> Bool {
        if lhs.location != rhs.location {
            guard let left = lhs.location else { return true }
            guard let right = rhs.location else { return false }
            return left < right
        }
        return (lhs.severity.rawValue, lhs.message) < (rhs.severity.rawValue, rhs.message)
    }
}

extension Sequence where Element == Diagnostic {
    public var errorCount: Int { reduce(0) { $0 + ($1.isError ? 1 : 0) } }
    public var hasErrors: Bool { contains { $0.isError } }
}
