import Foundation
import JixiaoModel
import Testing
@testable import Jixiao
@testable import JixiaoPrint

/// `jixiao pdf` without a browser: arguments, errors, and the browser's command line, with a stand-in
/// for Chromium. script/browser-test prints with the real one.
@Suite struct PrintTests {
    /// A folder holding an executable `chromium` stand-in: it records its arguments (`calls`) and the
    /// page it was asked to print (`page.html`), then behaves as `mode` says.
    static func fakeChromium(_ mode: String = "ok", _ name: String = #function) throws -> URL {
        let folder = Scratch.folder(name).appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let script = """
            #!/bin/sh
            here=$(dirname "$0")
            printf '%s\\n' "$@" > "$here/calls"
            for arg in "$@"; do
              case "$arg" in
                --print-to-pdf=*) pdf="${arg#--print-to-pdf=}" ;;
                file://*) page="${arg#file://}" ;;
              esac
            done
            cp "$page" "$here/page.html"
            css=$(sed -n 's|.*<link rel="stylesheet" href="file://\\([^"]*\\)".*|\\1|p' "$page")
            [ -f "$css" ] && cp "$css" "$here/page.css"
            case "\(mode)" in
              sleep) sleep 30 ;;
              fail) echo "boom: no display" >&2; exit 3 ;;
              nopdf) exit 0 ;;
            esac
            printf '%%PDF-1.4\\n%% stand-in\\n' > "$pdf"
            """
        let url = folder.appendingPathComponent("chromium")
        try script.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: url.path)
        return folder
    }

    static func request(_ unit: String, _ kind: BookletKind = .selfEvaluations, root: URL = ExampleSite.root,
                        timeout: TimeInterval = 60, _ name: String = #function) -> PrintRequest {
        PrintRequest(root: root, unit: unit, kind: kind, output: Scratch.folder(name).appendingPathComponent("out/booklet.pdf"), timeout: timeout)
    }

    /// An environment whose PATH holds only `folder`.
    static func path(_ folder: URL) -> [String: String] { ["PATH": folder.path] }

    @Test func printsTheBookletWithTheBrowser() throws {
        let bin = try Self.fakeChromium()
        let request = Self.request("2021/zibo")
        let report = Pipeline.pdf(request, environment: Self.path(bin))
        #expect(report.error == nil, "\(String(describing: report.error))")
        #expect(report.sheets == 12)
        #expect(report.output.hasSuffix("out/booklet.pdf"))
        #expect(report.summary == "printed 12 self-evaluation sheets (绩效自评表) of 淄博市工业和信息化局 (2021/zibo) to \(report.output), each starting on a new page")
        #expect(FileManager.default.contents(atPath: request.output.path)?.prefix(5) == Data("%PDF-".utf8))

        let calls = try String(contentsOf: bin.appendingPathComponent("calls"), encoding: .utf8).split(separator: "\n").map(String.init)
        for flag in ["--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer"] {
            #expect(calls.contains(flag), "\(flag)")
        }
        #expect(calls.contains { $0.hasPrefix("--print-to-pdf=/") && $0.hasSuffix(".pdf") })
        #expect(calls.contains { $0.hasPrefix("--user-data-dir=/") })
        let page = try #require(calls.last)
        #expect(page.hasPrefix("file:///") && page.hasSuffix("/2021/zibo/self-evaluations/index.html"))

        // The page is the booklet, rendered with the site's templates, its style sheet beside it on disk.
        let html = try String(contentsOf: bin.appendingPathComponent("page.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<article class=\"sheet self-evaluation-sheet\"").count == 13)
        #expect(html.contains("<link rel=\"stylesheet\" href=\"file:///"))
        let css = try String(contentsOf: bin.appendingPathComponent("page.css"), encoding: .utf8)
        #expect(css.contains("@media print"))
        // The private folder is gone afterwards.
        let folder = String(page.dropFirst("file://".count).dropLast("site/2021/zibo/self-evaluations/index.html".count))
        #expect(!FileManager.default.fileExists(atPath: folder))
    }

    @Test func printsTheGoalTablesOfEveryExampleUnit() throws {
        let bin = try Self.fakeChromium()
        for (unit, count) in [("2021/zibo", 12), ("2022/ordos-xzsp", 9), ("2025/436001", 10), ("2022/982001", 25), ("2024/menyuan-gsx", 9)] {
            let report = Pipeline.pdf(Self.request(unit, .goals), environment: Self.path(bin))
            #expect(report.error == nil && report.sheets == count, "\(unit): \(String(describing: report.error))")
            let html = try String(contentsOf: bin.appendingPathComponent("page.html"), encoding: .utf8)
            #expect(html.components(separatedBy: "<article class=\"sheet goal-sheet\"").count == count + 1, "\(unit)")
        }
    }

    @Test func warningsAreTheUnitsOnly() throws {
        let bin = try Self.fakeChromium()
        let zibo = Pipeline.pdf(Self.request("2021/zibo"), environment: Self.path(bin))
        #expect(zibo.diagnostics.isEmpty)
        let ordos = Pipeline.pdf(Self.request("2022/982001", .goals), environment: Self.path(bin))
        #expect(!ordos.diagnostics.isEmpty)
        #expect(ordos.diagnostics.allSatisfy { $0.location?.file.hasPrefix("content/2022/982001/") == true })
    }

    @Test func anUnknownUnitIsAnErrorListingTheUnits() {
        let report = Pipeline.pdf(Self.request("2021/zib"), environment: [:])
        #expect(report.error == .unknownUnit("2021/zib", units: ["2021/zibo", "2022/982001", "2022/ordos-xzsp", "2024/menyuan-gsx", "2025/436001"]))
        #expect(report.error?.description == "there is no unit 2021/zib in content/; the units are: 2021/zibo, 2022/982001, 2022/ordos-xzsp, 2024/menyuan-gsx, 2025/436001")
    }

    @Test(arguments: ["zibo", "2021", "21/zibo", "2021/zibo/extra", "2021/a b", ""])
    func aUnitIsNamedByYearAndFolder(_ given: String) {
        let report = Pipeline.pdf(Self.request(given), environment: [:])
        #expect(report.error == .badUnit(given))
    }

    @Test func theUnitMayBeGivenAsItsFolder() throws {
        for given in ["2021/zibo", "2021/zibo/", "content/2021/zibo", "./content/2021/zibo/"] {
            #expect(try Pipeline.unitArgument(given) == (2021, "zibo"), "\(given)")
        }
    }

    @Test func aUnitWithoutSelfEvaluationsHasNoSuchBooklet() {
        let report = Pipeline.pdf(Self.request("2022/ordos-xzsp"), environment: [:])
        #expect(report.error == .noSelfEvaluation("2022/ordos-xzsp"))
        #expect(report.error?.description.contains("without --self-evaluation") == true)
    }

    /// `jixiao pdf --monitoring`: the unit's monitoring sheets, or an error where none is monitored.
    @Test func printsTheMonitoringBooklet() throws {
        let bin = try Self.fakeChromium()
        let report = Pipeline.pdf(Self.request("2025/436001", .monitoring), environment: Self.path(bin))
        #expect(report.error == nil && report.sheets == 3)
        #expect(report.summary.hasPrefix("printed 3 monitoring sheets (绩效运行监控表) of 玉田县工业和信息化局 (2025/436001)"))
        let html = try String(contentsOf: bin.appendingPathComponent("page.html"), encoding: .utf8)
        #expect(html.components(separatedBy: "<article class=\"sheet monitoring-sheet\"").count == 4)
        let none = Pipeline.pdf(Self.request("2021/zibo", .monitoring), environment: [:])
        #expect(none.error == .noMonitoring("2021/zibo"))
    }

    /// `jixiao pdf --overall`: the unit's department-wide goal table and self-evaluation, each its own
    /// printed page; an error for a unit without `overall:`.
    @Test func printsTheDepartmentWideSheets() throws {
        let bin = try Self.fakeChromium()
        var request = Self.request("2021/zibo")
        request.overall = true
        let report = Pipeline.pdf(request, environment: Self.path(bin))
        #expect(report.error == nil && report.sheets == 2)
        #expect(report.summary.hasPrefix("printed 2 department-wide sheets (部门整体绩效目标表, 部门整体支出绩效自评表) of 淄博市工业和信息化局 (2021/zibo)"))
        let html = try String(contentsOf: bin.appendingPathComponent("page.html"), encoding: .utf8)
        #expect(html.contains("<article class=\"sheet goal-sheet\" id=\"overall-goal\">"))
        #expect(html.contains("<article class=\"sheet self-evaluation-sheet\" id=\"overall-self-evaluation\">"))
        #expect(html.contains("#overall-goal { page: overall-goal; }") && html.contains("#overall-self-evaluation { page: overall-self-evaluation; }"))
        request.unit = "2022/982001"
        let none = Pipeline.pdf(request, environment: [:])
        #expect(none.error == .noOverall("2022/982001"))
        #expect(none.error?.description.contains("without --overall") == true)
    }

    @Test func contentErrorsStopThePrint() {
        let report = Pipeline.pdf(Self.request("2022/test", .goals, root: Fixtures.url("unknown-key")), environment: [:])
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(!errors.isEmpty)
        #expect(report.error == .contentHasErrors(errors.count))
        #expect(errors.first?.description == "content/2022/test/a.md:4:1: error: unknown key `colour` in project")
    }

    @Test func withoutABrowserTheErrorSaysHowToInstallOne() {
        let empty = Scratch.folder()
        let report = Pipeline.pdf(Self.request("2021/zibo"), environment: Self.path(empty))
        #expect(report.error == .noChromium)
        let message = report.error?.description ?? ""
        #expect(message.contains("no chromium, chromium-browser, google-chrome, google-chrome-stable on PATH"))
        #expect(message.contains("sudo apt-get install chromium fonts-noto-cjk"))
        #expect(message.contains("JIXIAO_CHROMIUM"))
    }

    @Test func theBrowserIsFoundByNameOnPathOrByTheVariable() throws {
        let bin = try Self.fakeChromium()
        let other = Scratch.folder().appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: bin.appendingPathComponent("chromium"), to: other.appendingPathComponent("google-chrome"))
        let empty = Scratch.folder()
        #expect(try Chromium.locate(environment: ["PATH": "\(empty.path):\(other.path):\(bin.path)"]).executable.lastPathComponent == "chromium")
        #expect(try Chromium.locate(environment: ["PATH": "\(empty.path):\(other.path)"]).executable.lastPathComponent == "google-chrome")
        let named = other.appendingPathComponent("google-chrome").path
        #expect(try Chromium.locate(environment: ["PATH": bin.path, "JIXIAO_CHROMIUM": named]).executable.path == named)
        #expect(throws: PrintError.chromiumNotExecutable("/nowhere/chrome")) {
            try Chromium.locate(environment: ["PATH": bin.path, "JIXIAO_CHROMIUM": "/nowhere/chrome"])
        }
        // A file that cannot be run is not a browser.
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: other.appendingPathComponent("google-chrome").path)
        #expect(throws: PrintError.noChromium) { try Chromium.locate(environment: ["PATH": other.path]) }
    }

    @Test func aFailingBrowserIsReportedWithWhatItSaid() throws {
        let bin = try Self.fakeChromium("fail")
        let request = Self.request("2021/zibo")
        let report = Pipeline.pdf(request, environment: Self.path(bin))
        guard case let .chromiumFailed(what)? = report.error else {
            Issue.record("expected chromiumFailed, got \(String(describing: report.error))")
            return
        }
        #expect(what.contains("exited with status 3"))
        #expect(what.contains("boom: no display"))
        #expect(!FileManager.default.fileExists(atPath: request.output.path))
    }

    @Test func aBrowserThatWritesNoPDFIsAnError() throws {
        let bin = try Self.fakeChromium("nopdf")
        let report = Pipeline.pdf(Self.request("2021/zibo"), environment: Self.path(bin))
        guard case let .chromiumFailed(what)? = report.error else {
            Issue.record("expected chromiumFailed, got \(String(describing: report.error))")
            return
        }
        #expect(what.contains("wrote no PDF"))
    }

    @Test func aBrowserThatHangsIsStopped() throws {
        let bin = try Self.fakeChromium("sleep")
        let start = Date()
        let report = Pipeline.pdf(Self.request("2021/zibo", timeout: 1), environment: Self.path(bin))
        #expect(report.error == .chromiumTimedOut(bin.appendingPathComponent("chromium").path, seconds: 1))
        #expect(report.error?.description.hasSuffix("did not finish within 1 s and was stopped") == true)
        #expect(Date().timeIntervalSince(start) < 10)
    }

    /// `jixiao pdf` as a user runs it on a machine without a browser.
    @Test func theCommandSaysHowToInstallABrowser() throws {
        let empty = Scratch.folder()
        let result = try CommandLineTests.run(
            ["pdf", ExampleSite.root.path, "--unit", "2021/zibo", "--self-evaluation", "--output", empty.appendingPathComponent("z.pdf").path],
            environment: ["PATH": empty.path])
        #expect(result.status == 1)
        #expect(result.stderr.hasPrefix("error: jixiao pdf prints with headless Chromium, and found none"))
        #expect(!FileManager.default.fileExists(atPath: empty.appendingPathComponent("z.pdf").path))
    }
}
