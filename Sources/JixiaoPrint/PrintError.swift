import Foundation
import JixiaoModel

/// Why `jixiao pdf` printed nothing, in words that say what to do.
public enum PrintError: Error, Sendable, Equatable, CustomStringConvertible {
    case badUnit(String)
    case unknownUnit(String, units: [String])
    case noSelfEvaluation(String)
    case noMonitoring(String)
    case noOverall(String)
    case noProjects(String)
    case contentHasErrors(Int)
    case templatesHaveErrors(Int)
    case noChromium
    case chromiumNotExecutable(String)
    case chromiumFailed(String)
    case chromiumTimedOut(String, seconds: TimeInterval)
    case cannotWrite(String, reason: String)

    /// The failure as a diagnostic: it concerns the command or the machine, not a place in the content.
    public var diagnostic: Diagnostic { .error(code, description, at: nil) }

    public var code: DiagnosticCode {
        switch self {
        case .badUnit: .badUnitArgument
        case .unknownUnit: .unknownUnit
        case .noSelfEvaluation, .noMonitoring, .noOverall, .noProjects: .nothingToPrint
        case .contentHasErrors, .templatesHaveErrors: .notPrintedForErrors
        case .noChromium, .chromiumNotExecutable: .noBrowser
        case .chromiumFailed, .chromiumTimedOut: .printFailed
        case .cannotWrite: .cannotWritePDF
        }
    }

    public var description: String {
        switch self {
        case let .badUnit(given):
            return "--unit must name a unit as <year>/<unit>, e.g. 2021/zibo; `\(given)` is not one"
        case let .unknownUnit(given, units):
            return "there is no unit \(given) in content/; the units are: " + (units.isEmpty ? "(none)" : units.joined(separator: ", "))
        case let .noSelfEvaluation(unit):
            return "no project of \(unit) has a self-evaluation (绩效自评表); print its goal tables without --self-evaluation"
        case let .noMonitoring(unit):
            return "no project of \(unit) is monitored (绩效运行监控表); print its goal tables without --monitoring"
        case let .noOverall(unit):
            return "\(unit) has no department-wide sheet (overall: in its _unit.md); print its goal tables without --overall"
        case let .noProjects(unit):
            return "\(unit) has no projects; there is nothing to print"
        case let .contentHasErrors(count):
            return "the content has \(counted(count, "error")) (listed above); nothing was printed"
        case let .templatesHaveErrors(count):
            return "the templates have \(counted(count, "error")) (listed above); nothing was printed"
        case .noChromium:
            return """
                jixiao pdf prints with headless Chromium, and found none: no \(Chromium.names.joined(separator: ", ")) on PATH. \
                Install it with the Chinese fonts, e.g. `sudo apt-get install chromium fonts-noto-cjk` on Debian \
                (`chromium-browser` on Ubuntu, `brew install --cask chromium` on macOS), \
                or set \(Chromium.variable) to the browser's executable.
                """
        case let .chromiumNotExecutable(path):
            return "\(Chromium.variable) names \(path), which is not an executable file"
        case let .chromiumFailed(what):
            return "printing failed: \(what)"
        case let .chromiumTimedOut(path, seconds):
            return "printing failed: \(path) did not finish within \(Int(seconds)) s and was stopped"
        case let .cannotWrite(path, reason):
            return "cannot write \(path): \(reason)"
        }
    }
}
