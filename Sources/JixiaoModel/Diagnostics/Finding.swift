/// Something the scoring rules have to say about a project, placed by the field it concerns
/// (a path as the user wrote it, relative to the project: `indicators.3.score`, `funds`).
public struct Finding: Sendable, Hashable {
    public var code: DiagnosticCode
    public var severity: Diagnostic.Severity
    public var field: String
    public var message: String

    public init(_ code: DiagnosticCode, _ severity: Diagnostic.Severity, _ field: String, _ message: String) {
        self.code = code
        self.severity = severity
        self.field = field
        self.message = message
    }

    /// The same finding, its field placed under `prefix` (`score` → `indicators.3.score`).
    func under(_ prefix: String) -> Finding {
        Finding(code, severity, field.isEmpty ? prefix : "\(prefix).\(field)", message)
    }
}
