import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoLoad
@testable import JixiaoModel

/// `jixiao build` keeps the projects it parsed in `.jixiao-model`, so that the next build parses only the
/// files that changed: every field comes back as it was, and a file that is damaged or another jixiao's
/// is thrown away whole.
@Suite struct ModelFileTests {
    /// A project with every field set, down to each indicator's and the monitoring's.
    static var everything: Project {
        let file = "content/2023/demo/all.md"
        var locations = FieldLocations(item: SourceLocation(file: file, line: 2, column: 1))
        locations.record("funds.fiscal.spent", SourceLocation(file: file, line: 9, column: 5))
        locations.record(indicator: 0, "", SourceLocation(file: file, line: 20, column: 5))
        locations.record(indicator: 0, "weight", SourceLocation(file: file, line: 23, column: 7))
        var rules = Rules()
        rules.executionWeight = 20
        rules.grades = [("优秀", 95), ("合格", 60)]
        rules.reverseFormula = .linear
        let amount = { (text: String) in Amount(Decimal.exact(text)!, places: Decimal.places(of: text)) }
        var project = Project(slug: "all", name: "全部字段", code: "A01", department: "示例局", implementer: "示例中心", category: "专项",
                              contact: "张三 123", moneyUnit: .yuan, purpose: "**用途**",
                              funds: Funds(fiscal: FundLine(initial: amount("100.50"), budget: amount("120"), spent: amount("-3.25")),
                                           carryover: FundLine(initial: amount("0"), budget: amount("1"), spent: amount("2")),
                                           other: FundLine(initial: amount("3"), budget: amount("4"), spent: amount("5")),
                                           total: FundLine(initial: amount("123456789012345678901234567890.12"), budget: amount("6"), spent: amount("7"))),
                              executionWeight: 15, spendingPlan: [(3, 25), (12, Decimal.exact("100.0")!)], goal: "目标", outcome: "完成",
                              executionReason: "原因", body: "正文\n", rules: rules, locations: locations)
        var indicator = Indicator(level1: "产出指标", level2: "数量指标", name: "培训人次", target: Target(parsing: "≥ 90%以上"), unit: "%",
                                  weight: Decimal.exact("10.50"), nature: .positive, description: "说明", basis: "依据", note: "备注",
                                  actual: "95%", rating: .partlyAchieved, score: Decimal.exact("9.5"), reason: "偏差")
        indicator.weightPlaces = 2
        var qualitative = indicator
        qualitative.target = Target(parsing: "按时完成")
        project.indicators = [indicator, qualitative]
        project.indicatorsText = "1. 培训人次"
        project.satisfactionNotApplicable = "不适用"
        project.monitoring = Monitoring(month: 6, spent: amount("50"), expectedSpent: amount("118"), outcome: "过半",
                                        indicators: [MonitoredIndicator(name: "培训人次", progress: "40%", expected: "95%", cause: .staff,
                                                                        likelihood: .possible, measure: "加派人手")])
        return project
    }

    /// Paths of the optional fields that are `nil` and the lists that are empty, through every stored field.
    static func unset(_ value: Any, _ path: String = "project") -> [String] {
        if value is Decimal || value is String { return [] }
        let mirror = Mirror(reflecting: value)
        switch mirror.displayStyle {
        case .optional:
            guard let child = mirror.children.first else { return [path] }
            return unset(child.value, path)
        case .collection, .dictionary, .set:
            if mirror.children.isEmpty { return [path] }
            return mirror.children.enumerated().flatMap { unset($1.value, "\(path)[\($0)]") }
        case .struct, .tuple, .enum:
            return mirror.children.enumerated().flatMap { unset($1.value, path + "." + ($1.label ?? "\($0)")) }
        default:
            return []
        }
    }

    static func roundTrip(_ project: Project) throws -> Project {
        var out = BinaryWriter()
        project.encode(into: &out)
        var input = BinaryReader(out.bytes)
        let read = try Project(from: &input)
        #expect(input.isAtEnd)
        return read
    }

    /// Everything a project holds, as text: its locations apart (a dictionary prints in no set order).
    static func expectSame(_ read: Project, _ project: Project, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(read.locations == project.locations, "\(project.slug)", sourceLocation: sourceLocation)
        var (a, b) = (read, project)
        a.locations = FieldLocations(item: SourceLocation(file: ""))
        b.locations = a.locations
        // Indicators read back are held as bytes until asked for: compared as they decode.
        a.indicators = read.indicators
        b.indicators = project.indicators
        var (left, right) = ("", "")
        dump(a, to: &left)
        dump(b, to: &right)
        #expect(left == right, "\(project.slug)", sourceLocation: sourceLocation)
    }

    /// The fixture sets every field (a field added to the model and not here fails), and every field
    /// comes back: the decimals with their digits, the texts, the choices, the locations.
    @Test func everyFieldComesBack() throws {
        let project = Self.everything
        #expect(Self.unset(project).isEmpty, "fields the fixture leaves unset: \(Self.unset(project))")
        let read = try Self.roundTrip(project)
        Self.expectSame(read, project)
        #expect(read.funds.total?.initial?.value == Decimal(string: "123456789012345678901234567890.12"))
        #expect(read.funds.fiscal?.spent?.value == Decimal.exact("-3.25") && read.indicators[0].weightText == "10.50")
        #expect(read.indicators[1].isQualitative && read.indicators[0].target.comparison == .atLeast)
        #expect(ProjectScoring.evaluate(read).total == ProjectScoring.evaluate(project).total)
    }

    /// Indicators and field positions read back stay bytes until asked for; whether any indicator has an
    /// actual value is known without them; written again, they are the same bytes; changed, they are
    /// written as changed.
    @Test func indicatorsAndPositionsAreDecodedOnlyWhenAskedFor() throws {
        var project = Self.everything
        project.funds.fiscal?.spent = nil
        project.funds.carryover?.spent = nil
        project.funds.other?.spent = nil
        project.funds.total?.spent = nil
        for actual in ["95%", nil] {
            for index in project.indicators.indices { project.indicators[index].actual = actual }
            let read = try Self.roundTrip(project)
            guard case let .encoded(indicators, _) = read.indicatorStore, case let .encoded(positions) = read.locations.store else {
                Issue.record("what was read back was decoded at once")
                continue
            }
            #expect(read.isSelfEvaluation == (actual != nil) && read.locations.item == project.locations.item)
            var again = BinaryWriter()
            read.encode(into: &again)
            var first = BinaryWriter()
            project.encode(into: &first)
            #expect(again.bytes == first.bytes && !indicators.isDecoded && !positions.isDecoded)
            #expect(read.indicators.map(\.name) == project.indicators.map(\.name) && indicators.isDecoded)
            #expect(read.locations["indicators.0.weight"] == project.locations["indicators.0.weight"] && positions.isDecoded)
            var changed = read
            changed.indicators[1].name = "改"
            changed.locations.record("goal", SourceLocation(file: project.locations.item.file, line: 30, column: 1))
            #expect(read.indicators[1].name == project.indicators[1].name, "the project read back is not changed through its copy")
            #expect(read.locations["goal"] == project.locations["goal"])
            let changedBack = try Self.roundTrip(changed)
            #expect(changedBack.indicators.map(\.name) == [project.indicators[0].name, "改"])
            #expect(changedBack.locations["goal"].line == 30 && changedBack.locations == changed.locations)
        }
    }

    /// A project's scores come back as scoring made them, findings and monitoring lights included.
    @Test func scoresComeBack() throws {
        var projects = [Self.everything]
        projects += SiteLoader(root: ExampleSite.root).load().0.years.flatMap(\.units).flatMap(\.projects)
        for project in projects {
            let evaluation = ProjectScoring.evaluate(project)
            var out = BinaryWriter()
            evaluation.encode(into: &out)
            var input = BinaryReader(out.bytes)
            let read = try ProjectEvaluation(from: &input)
            #expect(input.isAtEnd)
            var (left, right) = ("", "")
            dump(read, to: &left)
            dump(evaluation, to: &right)
            #expect(left == right, "\(project.slug)")
        }
        let evaluation = ProjectScoring.evaluate(Self.everything)
        #expect(evaluation.monitoring != nil && evaluation.execution != nil && !evaluation.findings.isEmpty)
    }

    /// Every project of the example site and of the test sites comes back as it was read.
    @Test(arguments: ["", "golden", "year-over-year", "monitoring-spent", "table-source", "target-words", "unit-order"])
    func everyProjectOfASiteComesBack(_ fixture: String) throws {
        let root = fixture.isEmpty ? ExampleSite.root : try Scratch.copy(of: fixture)
        let (site, _) = SiteLoader(root: root).load()
        let projects = site.years.flatMap(\.units).flatMap(\.projects)
        #expect(!projects.isEmpty)
        for project in projects { Self.expectSame(try Self.roundTrip(project), project) }
    }

    /// The whole file: read back by the jixiao that wrote it, and refused whole when it is another's, cut
    /// short, or has any byte changed.
    @Test func aDamagedFileIsThrownAwayWhole() throws {
        let cache = LoadCache()
        let (site, _) = SiteLoader(root: try Scratch.copy(of: "golden"), cache: cache).load()
        #expect(site.years.flatMap(\.units).flatMap(\.projects).count > 1)
        let data = cache.encoded(binary: "this jixiao")
        #expect(LoadCache().read(data, binary: "this jixiao"))
        #expect(!LoadCache().read(data, binary: "another jixiao"))
        #expect(!LoadCache().read(Data(), binary: "this jixiao"))
        var random = FrontMatterDifferentialTests.Generator(state: 20261130)
        for _ in 0 ..< 200 {
            let cut = Int(random.next() % UInt64(data.count))
            #expect(!LoadCache().read(data.prefix(cut), binary: "this jixiao"), "cut at \(cut)")
            var damaged = data
            let at = Int(random.next() % UInt64(data.count))
            damaged[at] ^= UInt8(1 + random.next() % 255)
            #expect(!LoadCache().read(damaged, binary: "this jixiao"), "byte \(at) changed")
        }
    }

    /// A build in a new process parses only the files that changed since the last; the site it writes is
    /// the one a full build writes.
    @Test func aBuildParsesOnlyWhatChanged() throws {
        let root = try Scratch.copy(of: "golden")
        let output = root.appendingPathComponent("public")
        let first = BuildCacheTests.build(root, output)
        #expect(first.succeeded && first.parsed == 2)
        #expect(FileManager.default.fileExists(atPath: output.appendingPathComponent(LoadCache.fileName).path))
        let file = try #require(FileManager.default.enumerator(atPath: root.appendingPathComponent("content/2023/demo").path)?
            .compactMap { $0 as? String }.filter { $0.hasSuffix(".md") && $0 != "_unit.md" }.sorted().first)
        try BuildSessionTests.edit(root, "content/2023/demo/\(file)") { $0.replacingOccurrences(of: "name: ", with: "name: 改") }
        let second = BuildCacheTests.build(root, output)
        #expect(second.succeeded && second.parsed == 1, "parsed \(second.parsed)")
        #expect(second.diagnostics.map(\.description) == first.diagnostics.map(\.description))
        BuildCacheTests.expectSameAsFullBuild(output, root, "one project edited")
        // A damaged model file: every file is parsed again, and the site is still the full build's.
        try Data("damaged".utf8).write(to: output.appendingPathComponent(LoadCache.fileName))
        try BuildSessionTests.edit(root, "content/2023/demo/\(file)") { $0.replacingOccurrences(of: "name: 改", with: "name: 再改") }
        let third = BuildCacheTests.build(root, output)
        #expect(third.succeeded && third.parsed == first.parsed, "parsed \(third.parsed)")
        BuildCacheTests.expectSameAsFullBuild(output, root, "model file damaged")
    }

    /// A generated site of 40 projects in one unit, in a scratch folder, and its output folder.
    static func generatedSite() throws -> (root: URL, output: URL) {
        let root = Scratch.folder()
        try GeneratedSite.write(root, projects: 40)
        return (root, root.appendingPathComponent("public"))
    }

    /// Puts `mark` before project `name`'s name (p0 … p39).
    static func rename(_ root: URL, _ name: String, _ mark: String) throws {
        try BuildSessionTests.edit(root, "content/2023/u0/\(name).md") { $0.replacingOccurrences(of: "\nname: ", with: "\nname: \(mark)") }
    }

    /// A build in a new process succeeds, parsing `parsed` files, and writes what a full build writes.
    static func expectBuild(_ root: URL, _ output: URL, parsing parsed: Int, _ step: String,
                            sourceLocation: Testing.SourceLocation = #_sourceLocation)
    {
        let report = BuildCacheTests.build(root, output)
        #expect(report.succeeded && report.parsed == parsed, "\(step): parsed \(report.parsed)", sourceLocation: sourceLocation)
        BuildCacheTests.expectSameAsFullBuild(output, root, step, sourceLocation: sourceLocation)
    }

    static func inode(_ url: URL) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.systemFileNumber] as? UInt64
    }

    /// After an edit, the build writes only what changed (`.jixiao-model-delta`) beside the same model
    /// file, linked as it is; the next build reads both and parses only what changed since. A delta that
    /// is damaged is left out: the files it held are parsed again, and the site is still the full build's.
    @Test func anEditWritesOnlyWhatChangedBesideTheSameModelFile() throws {
        let (root, output) = try Self.generatedSite()
        let model = output.appendingPathComponent(LoadCache.fileName), delta = output.appendingPathComponent(LoadCache.deltaName)
        #expect(BuildCacheTests.build(root, output).succeeded)
        #expect(!FileManager.default.fileExists(atPath: delta.path))
        let written = try #require(Self.inode(model))
        for (round, number) in [3, 8, 15].enumerated() {
            try Self.rename(root, "p\(number)", "改\(round)")
            // Each build parses the one file edited since the last: the earlier edits come from the delta.
            Self.expectBuild(root, output, parsing: 1, "edit \(round)")
            #expect(Self.inode(model) == written)
            #expect(FileManager.default.fileExists(atPath: delta.path))
        }
        var damaged = try Data(contentsOf: delta)
        damaged[damaged.count / 2] ^= 0x5A
        try damaged.write(to: delta)
        try Self.rename(root, "p20", "又改")
        // The three files the delta held, and the one edited since.
        Self.expectBuild(root, output, parsing: 4, "delta damaged")
    }

    /// A model file made to hash right whose project's indicators do not decode (only a file made so
    /// could): the build does not stop or publish the project without them; it builds again from the
    /// content alone, and writes a sound model file.
    @Test func indicatorsThatDoNotDecodeBuildAgainFromTheContent() throws {
        let (root, output) = try Self.generatedSite()
        let model = output.appendingPathComponent(LoadCache.fileName)
        #expect(BuildCacheTests.build(root, output).succeeded)
        let read = LoadCache()
        #expect(read.read(file: model.path, binary: BuildCache.binary))
        let hostile = LoadCache()
        for (path, entry) in read.snapshot() {
            var projects = entry.projects
            if path.hasSuffix("/p5.md") {
                projects[0].indicatorStore = .encoded(Encoded((ByteStore([0xFF, 0xFF, 0xFF]), 0 ..< 3), fallback: [], damage: .unread) { try $0.array { try Indicator(from: &$0) } },
                                                      anyActual: true)
            }
            hostile.take([(path, LoadCache.Entry(stamp: entry.stamp, context: entry.context, projects: projects, diagnostics: entry.diagnostics,
                                                   evaluations: entry.evaluations))])
        }
        try hostile.encoded(binary: BuildCache.binary).write(to: model)
        try? FileManager.default.removeItem(at: output.appendingPathComponent(LoadCache.deltaName))
        // The damage is counted by the reader of the file where the bytes are asked for, and by no other.
        let first = LoadCache(), second = LoadCache()
        #expect(first.read(file: model.path, binary: BuildCache.binary) && second.read(file: model.path, binary: BuildCache.binary))
        let p5 = try #require(first.snapshot().first { $0.key.hasSuffix("/p5.md") }?.value.projects.first)
        #expect(p5.indicators.isEmpty)
        #expect(first.damage.count.load(ordering: .relaxed) == 1 && second.damage.count.load(ordering: .relaxed) == 0)
        // p6's unit lays out p5's sheets again for its booklets: they do not decode, and every file is parsed.
        try Self.rename(root, "p6", "改")
        Self.expectBuild(root, output, parsing: 40, "indicators that do not decode")
        try Self.rename(root, "p7", "改")
        Self.expectBuild(root, output, parsing: 1, "after the build from the content")
    }

    /// A delta written over another model file is left out: the model file alone stands, each entry for
    /// its own file's stamp. (Here the delta says a file is gone that the other model file holds.)
    @Test func aDeltaOverAnotherModelFileIsLeftOut() throws {
        let (root, output) = try Self.generatedSite()
        #expect(BuildCacheTests.build(root, output).succeeded)
        let file = root.appendingPathComponent("content/2023/u0/p7.md")
        let text = try Data(contentsOf: file)
        try FileManager.default.removeItem(at: file)
        #expect(BuildCacheTests.build(root, output).succeeded)
        try text.write(to: file)
        // Another model file of this site, written whole with p7 back, where the delta's was.
        let other = Scratch.folder("other").appendingPathComponent("public")
        #expect(BuildCacheTests.build(root, other).succeeded)
        try FileManager.default.removeItem(at: output.appendingPathComponent(LoadCache.fileName))
        try FileManager.default.copyItem(at: other.appendingPathComponent(LoadCache.fileName), to: output.appendingPathComponent(LoadCache.fileName))
        try Self.rename(root, "p6", "改")
        // The other model file holds p7 as it is now: only p6 is parsed.
        Self.expectBuild(root, output, parsing: 1, "another model file")
    }

    /// When more than an eighth of the files changed (and more than 16), the model is written whole again, without a delta.
    @Test func manyChangesWriteTheWholeModelAgain() throws {
        let (root, output) = try Self.generatedSite()
        let model = output.appendingPathComponent(LoadCache.fileName)
        #expect(BuildCacheTests.build(root, output).succeeded)
        let written = try #require(Self.inode(model))
        for number in 0 ..< 17 {
            try Self.rename(root, "p\(number)", "改")
        }
        Self.expectBuild(root, output, parsing: 17, "many changes")
        #expect(Self.inode(model) != written)
        #expect(!FileManager.default.fileExists(atPath: output.appendingPathComponent(LoadCache.deltaName).path))
        try Self.rename(root, "p30", "改")
        Self.expectBuild(root, output, parsing: 1, "one change after them")
    }
}
