import Foundation
import Jixiao
import JixiaoLoad
import JixiaoModel
import JixiaoSystem
import JixiaoTables

/// What `jixiao import` is asked to do.
public struct ImportOptions: Sendable {
    /// The files to read, as the user gave them.
    public var files: [String]
    /// The unit folder to write into, `…/content/<year>/<unit>`, as the user gave it.
    public var into: String
    /// Overwrite files that exist.
    public var force: Bool
    /// The sheet of .xlsx workbooks to read (default: the first).
    public var sheet: String?
    /// The folder relative paths start from (the current folder).
    public var base: URL
    /// Show how many files were read on the terminal, when reading takes more than a second.
    public var progress: Bool

    public init(files: [String], into: String, force: Bool = false, sheet: String? = nil,
                base: URL = URL(fileURLWithPath: FileManager.default.currentDirectoryPath), progress: Bool = false)
    {
        self.progress = progress
        self.files = files
        self.into = into
        self.force = force
        self.sheet = sheet
        self.base = base
    }
}

/// What `jixiao import` did. Paths are as the user gave them.
public struct ImportReport: CommandReport, Sendable {
    /// The unit folder, as given.
    public var into: String
    /// Every file written, as a path.
    public var written: [String] = []
    /// Files not written because they exist (without --force).
    public var refused: [Diagnostic] = []
    /// Project files written, and their indicators.
    public var projects = 0
    public var indicators = 0
    /// A department-wide sheet was written as the unit's `overall:`.
    public var overall = false
    /// Every row or item of the sources that was skipped or taken with a change, at its place in the source.
    public var notes: [Diagnostic] = []
    /// What `check` says of the unit folder once written.
    public var checked: [Diagnostic] = []
    /// 得分 and 总分 typed on the sources' forms that differ from what jixiao computes, at their places in the sources.
    public var scores: [Diagnostic] = []
    /// What stopped the import or a file from being written: unreadable or unknown sources, a bad --into
    /// folder, write failures. Nothing is written when a source cannot be read.
    public var errors: [Diagnostic] = []

    /// Everything was written and `check` finds no error in it.
    public var succeeded: Bool {
        errors.isEmpty && refused.isEmpty && !checked.contains { $0.severity == .error }
    }

    /// Every message: errors, the sources' notes, refusals, then `check` and the typed scores it does not reproduce.
    public var reported: [Diagnostic] { errors + notes.sorted() + refused + checked + scores }

    /// Every message, compiler-style, one a line.
    public var lines: [String] { reported.map(\.description) }

    /// One line: what was written, refused, skipped or changed, and what `check` found.
    public var summary: String {
        let skipped = notes.isEmpty ? "nothing skipped or changed" : "\(counted(notes.count, "row")) skipped or changed (listed above)"
        var line = "imported \(counted(projects, "project")) (\(counted(indicators, "indicator")))"
            + (overall ? " and the department-wide sheet" : "") + " into \(into): "
            + "\(counted(written.count, "file")) written, \(refused.count) refused; \(skipped)"
        if !errors.isEmpty, written.isEmpty, refused.isEmpty {
            line += "; \(counted(errors.count, "error")): nothing written"
        } else {
            let checkErrors = checked.filter { $0.severity == .error }.count
            line += "; \(counted(errors.count + checkErrors, "error")), \(counted(checked.count - checkErrors + scores.count, "warning"))"
        }
        return line
    }
}

/// `jixiao import`: reads table sources and published layouts, writes them as content files into one
/// unit folder, and checks what it wrote with the same loader and checker as `jixiao check`.
public enum Importer {
    public static func run(_ options: ImportOptions) -> ImportReport {
        var report = ImportReport(into: options.into)
        let folder: UnitFolder
        switch UnitFolder.parse(options.into, base: options.base) {
        case let .success(parsed): folder = parsed
        case let .failure(error):
            report.errors.append(error)
            return report
        }
        report.into = folder.shown
        if options.files.isEmpty {
            report.errors.append(.error(.nothingToImport, "no file to import: give at least one .csv, .xlsx or text file", at: SourceLocation(file: folder.shown)))
            return report
        }
        if let sheet = options.sheet, !options.files.contains(where: { $0.lowercased().hasSuffix(".xlsx") }) {
            report.errors.append(.error(.sheetWithoutWorkbook, "--sheet \(sheet) applies to .xlsx workbooks, and none of the files is one", at: SourceLocation(file: options.files[0])))
            return report
        }

        // Read every file; a file that cannot be read stops the import before anything is written.
        var sources: [(file: String, set: DraftSet)] = []
        let limits = SiteLoader.limits(root: folder.root)
        let progress = ProgressLine("files read", total: options.files.count, quiet: !options.progress)
        defer { progress.finish() }
        for file in options.files {
            defer { progress.advance() }
            let url = file.hasPrefix("/") ? URL(fileURLWithPath: file) : options.base.appendingPathComponent(file)
            switch ImportSource.read(url, shown: file, sheet: options.sheet, limits: limits) {
            case let .success(set):
                report.errors += set.notes.filter { $0.severity == .error }
                if set.projects.isEmpty, set.overall == nil, !set.notes.contains(where: { $0.severity == .error }) {
                    report.errors.append(.error(.nothingToImport, "no project found in the file", at: SourceLocation(file: file)))
                }
                sources.append((file, set))
            case let .failure(error):
                report.errors.append(error)
            }
        }
        let set = DraftSet.combined(sources)
        report.notes = set.notes.filter { $0.severity != .error }
        guard report.errors.isEmpty else { return report }

        let outcome = ContentWriter(folder: folder.url, folderName: folder.shown, force: options.force).write(set)
        report.written = outcome.written.map { "\(folder.shown)/\($0)" }
        report.refused = outcome.refused
        report.errors += outcome.failed
        report.projects = outcome.projects
        report.indicators = outcome.indicators
        report.overall = set.overall != nil && outcome.written.contains("_unit.md")

        // Prove that check accepts what is now in the folder.
        let checked = Pipeline.check(root: folder.root)
        report.checked = checked.diagnostics.compactMap { diagnostic in
            guard let file = diagnostic.location?.file, folder.contains(file) else { return nil }
            var shown = diagnostic
            shown.location?.file = folder.shown(file)
            return shown
        }
        let unit = checked.site.years.first { $0.year == folder.year }?.units.first { $0.slug == folder.unit }
        report.scores = PublishedScores.compare(set.projects, slugs: outcome.slugs, in: unit, folder: folder.shown)
        return report
    }
}
