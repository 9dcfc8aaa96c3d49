import Foundation
import JixiaoCheck
import JixiaoModel

/// What `check`, `build`, `import` and `pdf` report: every diagnostic, in the order to print, and one
/// summary line (empty when a failure says it all). The command line prints each with `ReportPrinter`.
public protocol CommandReport {
    /// Every diagnostic, in the order to print.
    var reported: [Diagnostic] { get }
    /// The last line: what was done.
    var summary: String { get }
    /// Whether the command did its work (the exit status is 0).
    var succeeded: Bool { get }
}

/// Prints a report: diagnostics with a place in the content on standard output, one a line; then those
/// about the command or the machine, and the summary, on standard error, after standard output is flushed.
public enum ReportPrinter {
    public static func print(_ report: some CommandReport) {
        var output = "", errors = ""
        for diagnostic in report.reported {
            if diagnostic.location == nil { errors += "\(diagnostic)\n" } else { output += "\(diagnostic)\n" }
        }
        FileHandle.standardOutput.write(Data(output.utf8))
        if !report.summary.isEmpty { errors += report.summary + "\n" }
        FileHandle.standardError.write(Data(errors.utf8))
    }
}

extension CheckedSite: CommandReport {
    public var reported: [Diagnostic] { diagnostics }

    public var summary: String {
        let projects = site.years.flatMap(\.units).flatMap(\.projects)
        let evaluated = projects.filter(\.isSelfEvaluation).count
        return "checked \(counted(projects.count, "project")) (\(counted(evaluated, "self-evaluation"))): "
            + "\(counted(errors.count, "error")), \(counted(warnings.count, "warning"))"
    }

    public var succeeded: Bool { errors.isEmpty }
}
