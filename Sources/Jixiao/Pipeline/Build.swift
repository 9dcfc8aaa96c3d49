import Foundation
import JixiaoModel

/// What a build did, for its one-line summary.
public struct BuildReport: Sendable {
    public var diagnostics: [Diagnostic]
    /// site.yaml's base_url: the prefix of every link the site writes.
    public var baseURL = "/"
    public var pages = 0
    public var files = WriteStats()
    /// Each step's name and duration in seconds, in order.
    public var timings: [(step: String, seconds: Double)] = []

    public var succeeded: Bool { !diagnostics.contains { $0.severity == .error } }

    public var summary: String {
        let steps = timings.map { "\($0.step) \(String(format: "%.0f", $0.seconds * 1000)) ms" }.joined(separator: ", ")
        let total = timings.map(\.seconds).reduce(0, +)
        return "built \(pages) pages (\(files.written) files written, \(files.unchanged) unchanged, \(files.removed) removed) in \(String(format: "%.0f", total * 1000)) ms: \(steps)"
    }
}

extension Pipeline {
    /// load → check → render → write. Nothing is written when check or the templates report errors.
    public static func build(root: URL, output: URL? = nil) -> BuildReport {
        var clock = StepClock()
        let (site, loadDiagnostics) = SiteLoader(root: root).load()
        clock.lap("load")
        let checked = Checker.check(site, loadDiagnostics: loadDiagnostics)
        clock.lap("check")
        var report = BuildReport(diagnostics: checked.diagnostics, baseURL: site.baseURL)
        guard report.succeeded else { return report }

        let (loaded, templateDiagnostics) = TemplateSet.load(root: root)
        guard let templates = loaded else {
            report.diagnostics += templateDiagnostics
            return report
        }
        let folder = output ?? root.appendingPathComponent("public")
        var written: OutputWriter?
        do {
            let writer = try OutputWriter(folder: folder)
            written = writer
            let pages = SitePages(checked)
            try render(pages, with: templates, into: writer)
            report.pages = pages.references.count
            clock.lap("render")
            try writer.commit()
            clock.lap("write")
        } catch {
            written?.discard()
            report.diagnostics.append(.error("cannot write the site: \(error.localizedDescription)", at: SourceLocation(file: folder.path)))
            return report
        }
        guard let writer = written else { return report }
        report.files = writer.stats
        report.timings = clock.laps
        return report
    }

    /// Renders every page in HTML and Markdown on all cores, then the sitemap and static files.
    static func render(_ pages: SitePages, with templates: TemplateSet, into writer: OutputWriter) throws {
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: pages.references.count) { index in
            guard !failure.isSet, let page = pages.page(pages.references[index]) else { return }
            do {
                try writer.stage(page.path + "index.html", templates.render(page.context, with: "\(page.template).html"))
                try writer.stage(page.path + "index.md", templates.render(page.context, with: "\(page.template).md"))
            } catch {
                failure.set(error)
            }
        }
        if let error = failure.error {
            writer.discard()
            throw error
        }
        do {
            for file in templates.staticFiles { try writer.stage(file.path, file.data) }
            try writer.stage("sitemap.xml", Sitemap.xml(pages.htmlPaths, base: pages.checked.site.baseURL))
        } catch {
            writer.discard()
            throw error
        }
    }
}

/// Times the steps of a build.
struct StepClock {
    private var last = DispatchTime.now()
    private(set) var laps: [(step: String, seconds: Double)] = []

    mutating func lap(_ step: String) {
        let now = DispatchTime.now()
        laps.append((step, Double(now.uptimeNanoseconds - last.uptimeNanoseconds) / 1e9))
        last = now
    }
}

/// The first error of a parallel loop.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var error: Error? { lock.withLock { stored } }
    var isSet: Bool { error != nil }

    func set(_ error: Error) {
        lock.withLock { if stored == nil { stored = error } }
    }
}

enum Sitemap {
    static func xml(_ paths: [String], base: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            let location = (base + path).replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            xml += "  <url><loc>\(location)</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
