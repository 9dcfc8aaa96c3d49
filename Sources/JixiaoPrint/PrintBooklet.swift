import Foundation
import Jixiao
import JixiaoModel
import JixiaoSystem
import JixiaoRender

/// What `jixiao pdf` prints: one unit's booklet, of goal tables, self-evaluation sheets or monitoring sheets,
/// or (`overall`) its department-wide sheets.
public struct PrintRequest: Sendable {
    public var root: URL
    /// `<year>/<unit>`, as the unit's address or folder below content/ (`2021/zibo`, `content/2021/zibo/`).
    public var unit: String
    public var kind: BookletKind
    /// Print the department-wide goal table and self-evaluation instead of a booklet.
    public var overall: Bool
    public var output: URL
    /// Seconds to wait for the browser.
    public var timeout: TimeInterval
    /// Show the time printing takes on the terminal, when it takes more than a second.
    public var progress = false

    public init(root: URL, unit: String, kind: BookletKind = .goals, overall: Bool = false, output: URL, timeout: TimeInterval = 120) {
        self.root = root
        self.unit = unit
        self.kind = kind
        self.overall = overall
        self.output = output
        self.timeout = timeout
    }
}

/// What `jixiao pdf` did.
public struct PrintReport: CommandReport, Sendable {
    /// check's errors, its warnings about the unit's files, and the templates' diagnostics.
    public var diagnostics: [Diagnostic] = []
    /// Warnings about the machine (no Chinese font).
    public var notes: [Diagnostic] = []
    public var error: PrintError?
    public var sheets = 0
    public var unitName = ""
    public var unit = ""
    public var kind = BookletKind.goals
    public var overall = false
    /// The PDF's path, as given.
    public var output = ""

    public var succeeded: Bool { error == nil }

    public var reported: [Diagnostic] { diagnostics + notes + (error.map { [$0.diagnostic] } ?? []) }

    /// One line for the end: what was printed where (nothing when printing failed: the error says it).
    public var summary: String {
        guard succeeded else { return "" }
        let booklet = switch kind {
        case .goals: "goal tables (绩效目标表)"
        case .selfEvaluations: "self-evaluation sheets (绩效自评表)"
        case .monitoring: "monitoring sheets (绩效运行监控表)"
        }
        let what = overall ? "department-wide sheets (部门整体绩效目标表, 部门整体支出绩效自评表)" : booklet
        return "printed \(sheets) \(what) of \(unitName) (\(unit)) to \(output), each starting on a new page"
    }
}

extension Pipeline {
    /// load → check → render the unit's booklet with the site's templates → print it to PDF with
    /// headless Chromium. The booklet is rendered afresh into a private folder, so the PDF shows the
    /// content as it is now and the site's output folder is left alone.
    public static func pdf(_ request: PrintRequest, environment: [String: String] = ProcessInfo.processInfo.environment) -> PrintReport {
        var report = PrintReport(kind: request.kind, overall: request.overall, output: request.output.relativePath)
        do {
            try printBooklet(request, environment: environment, into: &report)
        } catch {
            report.error = error
        }
        return report
    }

    private static func printBooklet(_ request: PrintRequest, environment: [String: String], into report: inout PrintReport) throws(PrintError) {
        let (yearNumber, unitSlug) = try unitArgument(request.unit)
        report.unit = "\(yearNumber)/\(unitSlug)"
        var checked = check(root: request.root)
        let folder = "content/\(report.unit)/"
        report.diagnostics = checked.diagnostics.filter { $0.isError || $0.location?.file.hasPrefix(folder) == true }
        if !checked.errors.isEmpty { throw .contentHasErrors(checked.errors.count) }
        guard let y = checked.site.years.firstIndex(where: { $0.year == yearNumber }),
              let u = checked.site.years[y].units.firstIndex(where: { $0.slug == unitSlug })
        else {
            let units = checked.site.years.flatMap { year in year.units.map { "\(year.year)/\($0.slug)" } }
            throw .unknownUnit(report.unit, units: units)
        }
        let (loaded, templateDiagnostics) = TemplateSet.load(root: request.root)
        report.diagnostics += templateDiagnostics
        guard let templates = loaded else { throw .templatesHaveErrors(templateDiagnostics.count) }
        report.unitName = checked.site.years[y].units[u].name

        let work = FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-pdf-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: work) }
        let site = work.appendingPathComponent("site")
        // Links and the style sheet point into the private folder, which the browser reads from disk.
        checked.site.baseURL = site.absoluteString.hasSuffix("/") ? site.absoluteString : site.absoluteString + "/"
        let year = checked.site.years[y], unit = year.units[u]
        let sheets = UnitSheets(checked: checked, year: year, unit: unit, templates: templates)
        let page: Page
        if request.overall {
            guard let booklet = sheets.overallBooklet() else { throw .noOverall(report.unit) }
            (page, report.sheets) = booklet
        } else {
            guard let booklet = sheets.booklet(request.kind) else {
                switch request.kind {
                case .goals: throw .noProjects(report.unit)
                case .selfEvaluations: throw .noSelfEvaluation(report.unit)
                case .monitoring: throw .noMonitoring(report.unit)
                }
            }
            page = booklet
            report.sheets = sheets.sheets(request.kind).count
        }

        let chromium = try Chromium.locate(environment: environment)
        if let warning = missingChineseFont(environment: environment) { report.notes.append(.warning(.noChineseFont, warning, at: nil)) }
        let html = site.appendingPathComponent(page.path + "index.html")
        do {
            for file in templates.staticFiles {
                try write(file.data, to: site.appendingPathComponent(file.path))
            }
            try write(Data(templates.render(page, as: .html).bytes), to: html)
        } catch {
            throw .cannotWrite(work.path, reason: error.localizedDescription)
        }
        let pdf = work.appendingPathComponent("booklet.pdf")
        let progress = ProgressLine("printing \(counted(report.sheets, "sheet")) with Chromium", quiet: !request.progress)
        defer { progress.finish() }
        try chromium.printToPDF(html, to: pdf, work: work, timeout: request.timeout)
        do {
            try write(Data(contentsOf: pdf), to: request.output)
        } catch {
            throw .cannotWrite(request.output.path, reason: error.localizedDescription)
        }
    }

    /// `2021/zibo`, `2021/zibo/` or `content/2021/zibo` → (2021, "zibo").
    static func unitArgument(_ given: String) throws(PrintError) -> (year: Int, unit: String) {
        var parts = given.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        if parts.first == "." { parts.removeFirst() }
        if parts.first == "content" { parts.removeFirst() }
        guard parts.count == 2, Names.isYear(parts[0]), let year = Int(parts[0]), Names.problem(parts[1]) == nil else {
            throw .badUnit(given)
        }
        return (year, parts[1])
    }

    private static func write(_ data: Data, to url: URL) throws {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    /// A warning when fontconfig knows no font for Chinese: the PDF would show empty boxes.
    static func missingChineseFont(environment: [String: String]) -> String? {
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        guard let fcList = folders.map({ $0 + "/fc-list" }).first(where: FileManager.default.isExecutableFile(atPath:)) else { return nil }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: fcList)
        process.arguments = [":lang=zh", "family"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard output.isEmpty else { return nil }
        return "no font for Chinese is installed (fc-list :lang=zh lists none), so the PDF shows empty boxes; install one, e.g. `sudo apt-get install fonts-noto-cjk` (or fonts-wqy-microhei)"
    }
}
