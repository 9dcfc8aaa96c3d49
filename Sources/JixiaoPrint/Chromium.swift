import Foundation
import JixiaoSystem

/// Headless Chromium (or Google Chrome), which prints pages to PDF as the browser prints them: with
/// the print style sheet, named pages and page-margin footers, and the text kept as text.
public struct Chromium: Sendable {
    /// The executable names looked for on PATH, in order.
    public static let names = ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"]
    /// Where macOS keeps the browsers, which are not on PATH there.
    static let applications = [
        "/Applications/Chromium.app/Contents/MacOS/Chromium",
        "/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
    ]
    /// Names a browser to use instead of looking for one.
    public static let variable = "JIXIAO_CHROMIUM"

    public let executable: URL

    public init(executable: URL) { self.executable = executable }

    /// The browser that `JIXIAO_CHROMIUM` names, or the first of `names` on PATH.
    public static func locate(environment: [String: String] = ProcessInfo.processInfo.environment) throws(PrintError) -> Chromium {
        if let named = environment[variable], !named.isEmpty {
            guard isExecutable(named) else { throw .chromiumNotExecutable(named) }
            return Chromium(executable: URL(fileURLWithPath: named))
        }
        let folders = (environment["PATH"] ?? "").split(separator: ":").map(String.init)
        for name in names {
            for folder in folders where isExecutable(folder + "/" + name) {
                return Chromium(executable: URL(fileURLWithPath: folder + "/" + name))
            }
        }
        for path in applications where isExecutable(path) {
            return Chromium(executable: URL(fileURLWithPath: path))
        }
        throw .noChromium
    }

    private static func isExecutable(_ path: String) -> Bool {
        var isFolder: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) && !isFolder.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    }

    /// The command line that prints `page` to `pdf`. `profile` is a fresh folder for the browser's
    /// profile, so that a running browser's profile is neither used nor locked.
    static func arguments(printing page: URL, to pdf: URL, profile: URL) -> [String] {
        [
            "--headless",
            // Root in containers and CI cannot use the sandbox; the page is one jixiao wrote, without scripts.
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--no-default-browser-check",
            "--disable-extensions",
            "--user-data-dir=\(profile.path)",
            "--run-all-compositor-stages-before-draw",
            // The page's own footer (sheet name, page numbers) instead of the browser's date and URL.
            "--no-pdf-header-footer",
            "--print-to-pdf=\(pdf.path)",
            page.absoluteString,
        ]
    }

    /// Prints `page` to `pdf`; `work` is a folder for the browser's profile and output.
    func printToPDF(_ page: URL, to pdf: URL, work: URL, timeout: TimeInterval) throws(PrintError) {
        let profile = work.appendingPathComponent("profile")
        let log = work.appendingPathComponent("chromium.log")
        try? FileManager.default.removeItem(at: pdf)
        let outcome: Subprocess.Outcome
        do {
            outcome = try Subprocess.run(executable.path, Self.arguments(printing: page, to: pdf, profile: profile),
                                         output: log.path, timeout: timeout)
        } catch {
            throw .chromiumFailed("\(executable.path) could not be started: \(error.description)")
        }
        let said = Self.lastLines(of: log)
        switch outcome {
        case .timedOut:
            throw .chromiumTimedOut(executable.path, seconds: timeout)
        case let .signaled(signal):
            throw .chromiumFailed("\(executable.path) was stopped by signal \(signal)" + (said.isEmpty ? "" : ":\n" + said))
        case let .exited(status) where status != 0:
            throw .chromiumFailed("\(executable.path) exited with status \(status)" + (said.isEmpty ? "" : ":\n" + said))
        case .exited:
            break
        }
        guard let handle = try? FileHandle(forReadingFrom: pdf), let head = try? handle.read(upToCount: 5), head == Data("%PDF-".utf8) else {
            throw .chromiumFailed("\(executable.path) wrote no PDF" + (said.isEmpty ? "" : ":\n" + said))
        }
        try? handle.close()
    }

    /// What the browser said last, for an error message.
    private static func lastLines(of log: URL, count: Int = 12) -> String {
        guard let data = FileManager.default.contents(atPath: log.path) else { return "" }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n").map { "  " + $0 }
        return lines.suffix(count).joined(separator: "\n")
    }
}
