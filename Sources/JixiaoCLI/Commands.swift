import ArgumentParser
import Foundation
import Jixiao
import JixiaoImport
import JixiaoModel
import JixiaoPrint
import JixiaoServe
import JixiaoSystem

@main
struct JixiaoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "jixiao",
        abstract: "Budget performance disclosure sites: goal tables, 公开表 and self-evaluation sheets.",
        version: JixiaoVersion.current,
        subcommands: [Init.self, Build.self, Check.self, Review.self, Serve.self, Import.self, PDF.self]
    )

    /// Sets the allocator up for large sites before any thread has a heap of its own: a heap takes its
    /// first step's size when it is made (`Allocator`).
    static func main() async {
        Allocator.preferLargeSteps()
        await main(nil)
    }
}

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write a new site to start from: site settings, one unit and two example projects, every key explained.",
        discussion: "The folder must be new or empty. The new site checks and builds clean; the built-in templates apply."
    )

    @Argument(help: "The folder to write the new site into (default: the current folder).")
    var folder: String = "."

    func run() throws {
        let year = Calendar(identifier: .gregorian).component(.year, from: Date())
        switch NewSite.write(into: URL(fileURLWithPath: folder), shown: folder, year: year) {
        case let .success(files):
            for file in files { print(file) }
            let root = folder == "." ? "" : " \(folder)"
            FileHandle.standardError.write(Data("wrote a new site of \(files.count) files; preview it with `jixiao serve\(root)`\n".utf8))
        case let .failure(diagnostic):
            FileHandle.standardError.write(Data("\(diagnostic)\n".utf8))
            throw ExitCode(1)
        }
    }
}

/// The site root, as every command that works on a site takes it.
struct SiteRoot: ParsableArguments {
    @Argument(help: "The site root (the folder holding content/).")
    var root: String = "."

    var url: URL { URL(fileURLWithPath: root) }
}

struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Validate the content and score every project; exit 1 when there are errors."
    )

    @OptionGroup var site: SiteRoot

    @Flag(help: "Print one JSON object: errors, warnings and every project's figures.")
    var json = false

    @Flag(help: "Also build the site into a folder of its own and check that every link and download of its pages leads to a file (and anchor) of the site.")
    var links = false

    func run() throws {
        let checked = Pipeline.check(root: site.url)
        let linkReport = links && checked.succeeded ? Pipeline.checkLinks(root: site.url) : nil
        if json {
            var report = CheckReport.json(checked)
            if let linkReport, case let .object(members) = report {
                report = .object(members + [("links", .object([
                    ("pages", .int(linkReport.pages)), ("checked", .int(linkReport.links)),
                    ("broken", .array(linkReport.broken.map(CheckReport.json))),
                ]))])
            }
            print(report.serialized())
        } else {
            ReportPrinter.print(checked)
            if let linkReport {
                FileHandle.standardOutput.write(Data(linkReport.broken.map { "\($0)\n" }.joined().utf8))
                FileHandle.standardError.write(Data(("checked \(linkReport.links) links and downloads in \(linkReport.pages) pages: "
                    + "\(linkReport.broken.count) broken\n").utf8))
            }
        }
        if !checked.succeeded || !(linkReport?.broken.isEmpty ?? true) { throw ExitCode(1) }
    }
}

struct Review: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Judge the goals before they are published (审核): the review rules R01–R10; exit 1 when a finding is an error.",
        discussion: "Rules: " + ReviewRule.allCases.map { "\($0.rawValue) \($0.summary)" }.joined(separator: "; ")
            + ". Each rule is a warning unless `review:` in site.yaml makes it an error or a note, or turns it off."
    )

    @OptionGroup var site: SiteRoot

    @Flag(help: "Print one JSON object: the findings, the projects linked across years, and check's errors.")
    var json = false

    @Option(help: ArgumentHelp("Review this year only (may be given more than once).", valueName: "year"))
    var year: [Int] = []

    @Option(help: ArgumentHelp("Review this unit only, by its folder name (may be given more than once).", valueName: "unit"))
    var unit: [String] = []

    func run() throws {
        let report = Pipeline.review(ReviewRequest(root: site.url, years: Set(year), units: Set(unit)))
        if json {
            print(report.json.serialized())
        } else {
            FileHandle.standardOutput.write(Data(report.lines.map { $0 + "\n" }.joined().utf8))
            FileHandle.standardError.write(Data((report.summary + "\n").utf8))
        }
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the content, then render every page in HTML and Markdown into the output folder."
    )

    @OptionGroup var site: SiteRoot

    @Option(help: "The output folder (default: ROOT/public).")
    var output: String?

    @Flag(help: "Also write each unit's review findings (审核意见) at /<year>/<unit>/review/, for internal preview: not linked, not in the sitemap.")
    var review = false

    @Flag(help: "Show no progress line on the terminal (one is shown, on standard error, while the work takes more than a second).")
    var quiet = false

    func run() throws {
        let report = Pipeline.build(root: site.url, output: output.map { URL(fileURLWithPath: $0) }, review: review, progress: !quiet, endsProcess: true)
        ReportPrinter.print(report)
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site, serve it for preview, and rebuild and reload pages when content or templates change."
    )

    @OptionGroup var site: SiteRoot

    @Option(help: "The address to listen on. Only this machine can connect unless you give another.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on (0: any free port).")
    var port = 1313

    @Option(help: "The output folder (default: ROOT/public).")
    var output: String?

    func validate() throws {
        guard (0 ... 65535).contains(port) else { throw ValidationError("--port must be a port number from 0 to 65535 (0: any free port), not \(port)") }
    }

    func run() async throws {
        // Unbuffered, so that scripts and editors see the address as soon as it is printed.
        let server = PreviewServer(root: site.url, output: output.map { URL(fileURLWithPath: $0) },
                                   host: host, port: port) { FileHandle.standardOutput.write(Data(($0 + "\n").utf8)) }
        try await server.run()
    }
}

struct Import: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Write project files from tables: .csv long tables, .xlsx workbooks and text dumps of published tables.",
        discussion: """
            Reads every FILE, writes one .md file per project (and _unit.md when a source names the unit) into \
            the unit folder given by --into, then checks that folder as `jixiao check` does. Rows that are \
            skipped or changed are listed with their place in the source. Files that exist are not overwritten \
            without --force. Exit status 0 when every file was written and the check finds no errors, 1 otherwise.
            """
    )

    @Argument(help: "The files to import: .csv, .xlsx, or text dumps of the published layouts.")
    var files: [String]

    @Option(help: ArgumentHelp("The unit folder to write into: content/<year>/<unit>.", valueName: "folder"))
    var into: String

    @Flag(help: "Overwrite files that exist.")
    var force = false

    @Option(help: "The sheet of .xlsx workbooks to read (default: the first).")
    var sheet: String?

    @Flag(help: "Show no progress line on the terminal (one is shown, on standard error, while the work takes more than a second).")
    var quiet = false

    func run() throws {
        let report = Importer.run(ImportOptions(files: files, into: into, force: force, sheet: sheet, progress: !quiet))
        ReportPrinter.print(report)
        if !report.succeeded { throw ExitCode(1) }
    }
}

struct PDF: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "pdf",
        abstract: "Print a unit's booklet to PDF with headless Chromium: its goal tables, or with --self-evaluation its self-evaluation sheets, with --monitoring its monitoring sheets, or with --overall its department-wide sheets.",
        discussion: """
            Checks the content, renders the booklet with the site's templates and prints it with Chromium \
            (chromium, chromium-browser or google-chrome on PATH, or the one JIXIAO_CHROMIUM names), each sheet \
            starting on a new A4 page, the text kept as text. Exit status 0 when the PDF was written, 1 otherwise.
            """
    )

    @OptionGroup var site: SiteRoot

    @Option(help: ArgumentHelp("The unit to print: <year>/<unit>, e.g. 2021/zibo.", valueName: "year/unit"))
    var unit: String

    @Flag(help: "Print the self-evaluation sheets (绩效自评表) instead of the goal tables (绩效目标表).")
    var selfEvaluation = false

    @Flag(help: "Print the mid-year monitoring sheets (绩效运行监控表) instead of the goal tables (绩效目标表).")
    var monitoring = false

    @Flag(help: "Print the department-wide goal table and self-evaluation (部门整体绩效目标表, 部门整体支出绩效自评表) instead of the goal tables.")
    var overall = false

    @Option(help: ArgumentHelp("The PDF file to write.", valueName: "file"))
    var output: String

    @Option(help: ArgumentHelp("Seconds to wait for Chromium.", valueName: "seconds"))
    var timeout = 120

    @Flag(help: "Show no progress line on the terminal (one is shown, on standard error, while the work takes more than a second).")
    var quiet = false

    func validate() throws {
        guard timeout > 0 else { throw ValidationError("--timeout must be a positive number of seconds") }
        guard [selfEvaluation, monitoring, overall].filter({ $0 }).count <= 1 else {
            throw ValidationError("--self-evaluation, --monitoring and --overall print different sheets: give one")
        }
    }

    func run() throws {
        var request = PrintRequest(
            root: site.url, unit: unit, kind: monitoring ? .monitoring : selfEvaluation ? .selfEvaluations : .goals, overall: overall,
            output: URL(fileURLWithPath: output), timeout: TimeInterval(timeout))
        request.progress = !quiet
        let report = Pipeline.pdf(request)
        ReportPrinter.print(report)
        if !report.succeeded { throw ExitCode(1) }
    }
}
