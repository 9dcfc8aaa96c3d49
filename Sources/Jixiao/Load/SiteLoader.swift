import Foundation
import JixiaoModel


/// load: the files under content/ → a typed `Site`, every value remembering where it was written.
public struct SiteLoader {
    public let root: URL

    public init(root: URL) {
        self.root = root
    }

    public func load() -> (Site, [Diagnostic]) {
        let sink = DiagnosticSink()
        let content = root.appendingPathComponent("content")
        var site = Site()
        guard isDirectory(content) else {
            sink.error("no content folder: expected content/<year>/<unit>/<project>.md", at: SourceLocation(file: "content"))
            return (site, sink.diagnostics)
        }
        let settingsURL = content.appendingPathComponent("site.yaml")
        if FileManager.default.fileExists(atPath: settingsURL.path) {
            let settings = readSettings(settingsURL, sink: sink)
            site = Site(title: settings.title, publisher: settings.publisher, baseURL: settings.baseURL,
                        unsafeHTML: settings.unsafeHTML, rules: settings.rules)
        }
        for name in entries(content) where name != "site.yaml" {
            let url = content.appendingPathComponent(name)
            let path = "content/\(name)"
            guard isDirectory(url) else { continue }
            guard Names.isYear(name), let year = Int(name) else {
                sink.error("`\(name)` is not a year folder: folders in content/ are budget years of four digits, e.g. 2022",
                           at: SourceLocation(file: path))
                continue
            }
            site.years.append(Year(year: year, units: readYear(url, path: path, rules: site.rules, sink: sink)))
        }
        return (site, sink.diagnostics)
    }

    private func readYear(_ url: URL, path: String, rules: Rules, sink: DiagnosticSink) -> [JixiaoModel.Unit] {
        var units: [JixiaoModel.Unit] = []
        for name in entries(url) {
            let unitURL = url.appendingPathComponent(name)
            guard isDirectory(unitURL) else {
                if name.hasSuffix(".md") {
                    sink.error("project files belong in a unit folder: content/<year>/<unit>/<project>.md", at: SourceLocation(file: "\(path)/\(name)"))
                }
                continue
            }
            if let problem = Names.problem(name) {
                sink.error("unit folder name `\(name)` cannot be used in a URL: \(problem)", at: SourceLocation(file: "\(path)/\(name)"))
                continue
            }
            units.append(readUnit(unitURL, slug: name, path: "\(path)/\(name)", siteRules: rules, sink: sink))
        }
        return units
    }

    private func readUnit(_ url: URL, slug: String, path: String, siteRules: Rules, sink: DiagnosticSink) -> JixiaoModel.Unit {
        var settings = UnitSettings(name: slug, rules: siteRules, locations: FieldLocations(item: SourceLocation(file: path)))
        let unitFile = url.appendingPathComponent("_unit.md")
        if FileManager.default.fileExists(atPath: unitFile.path),
           let (reader, body) = readDocument(unitFile, path: "\(path)/_unit.md", fields: .unit, what: "_unit.md", sink: sink)
        {
            settings = UnitSettings.read(reader, body: body, slug: slug, siteRules: siteRules)
        }
        let defaults = ProjectReader.UnitDefaults(name: settings.name, moneyUnit: settings.moneyUnit, rules: settings.rules)
        // Project files are parsed on all cores; tables and diagnostics keep the folder's order.
        enum Entry { case file(URL, String, String), table([Project]) }
        var listed: [Entry] = []
        for name in entries(url) where name != "_unit.md" {
            let fileURL = url.appendingPathComponent(name)
            let filePath = "\(path)/\(name)"
            if isDirectory(fileURL) {
                sink.warning("folder `\(name)` in a unit folder is ignored: projects are the .md files of the unit", at: SourceLocation(file: filePath))
                continue
            }
            if name.hasSuffix(".csv") {
                listed.append(.table(readTable(fileURL, path: filePath, defaults: defaults, sink: sink)))
                continue
            }
            guard name.hasSuffix(".md") else { continue }
            let slug = String(name.dropLast(3))
            if let problem = Names.problem(slug) {
                sink.error("file name `\(name)` cannot be used in a URL: \(problem)", at: SourceLocation(file: filePath))
                continue
            }
            listed.append(.file(fileURL, filePath, slug))
        }
        let parsed: [(Project?, [Diagnostic])] = Parallel.map(listed) { entry in
            guard case let .file(fileURL, filePath, slug) = entry else { return (nil, []) }
            let local = DiagnosticSink()
            let project = readDocument(fileURL, path: filePath, fields: .project, what: "a project's front matter", sink: local)
                .flatMap { ProjectReader(unit: defaults, sink: local).read($0.0, slug: slug, body: $0.1) }
            return (project, local.diagnostics)
        }
        var projects: [Project] = []
        for (entry, (project, diagnostics)) in zip(listed, parsed) {
            if case let .table(tableProjects) = entry { projects += tableProjects }
            if let project { projects.append(project) }
            diagnostics.forEach(sink.add)
        }
        var seen: [String: String] = [:]
        for project in projects {
            if let earlier = seen[project.slug] {
                sink.error("two projects would be published at the same address /\(project.slug)/: also \(earlier)", at: project.locations.item)
            }
            seen[project.slug] = project.locations.item.file
        }
        return JixiaoModel.Unit(slug: slug, name: settings.name, code: settings.code, moneyUnit: settings.moneyUnit,
                                total: settings.total, goal: settings.goal, targets: settings.targets, measures: settings.measures,
                                body: settings.body, rules: settings.rules, projects: projects, locations: settings.locations)
    }

    /// A table source: each project of the table becomes a project of the unit. Its address is its
    /// 项目编码 when that is a usable name, else the table's name and the project's number in it.
    private func readTable(_ url: URL, path: String, defaults: ProjectReader.UnitDefaults, sink: DiagnosticSink) -> [Project] {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            sink.error("cannot read the file", at: SourceLocation(file: path))
            return []
        }
        let rows: [[String]]
        switch LongTable.csvRows(data, file: path) {
        case let .success(read): rows = read
        case let .failure(diagnostic):
            sink.add(diagnostic)
            return []
        }
        let set = LongTable.drafts(rows, file: path)
        set.notes.forEach(sink.add)
        let stem = url.deletingPathExtension().lastPathComponent
        let conversion = DraftConversion(unit: defaults, sink: sink)
        return set.projects.enumerated().compactMap { index, draft in
            let slug = draft.code.flatMap { Names.problem($0) == nil ? $0 : nil } ?? "\(stem)-\(index + 1)"
            return conversion.project(draft, slug: slug)
        }
    }

    // MARK: Files

    private func readSettings(_ url: URL, sink: DiagnosticSink) -> SiteSettings {
        let path = "content/site.yaml"
        guard case let .success(file) = SourceFile.read(url, as: path).mapError({ sink.add($0); return $0 }) else { return SiteSettings() }
        guard let node = YAMLParser.parse(file.text, file: path, lineOffset: 0, sink: sink) else {
            if !sink.hasErrors { sink.error("site.yaml is empty: give at least `title`", at: SourceLocation(file: path)) }
            return SiteSettings()
        }
        guard let reader = MappingReader(node, fields: .site, path: "", file: path, lineOffset: 0, sink: sink,
                                         recorder: LocationRecorder(), what: "site.yaml")
        else { return SiteSettings() }
        return SiteSettings.read(reader)
    }

    /// Reads a Markdown file with front matter; `nil` (with diagnostics) when it cannot be read.
    private func readDocument(_ url: URL, path: String, fields: FieldSet, what: String, sink: DiagnosticSink) -> (MappingReader, String)? {
        let file: SourceFile
        switch SourceFile.read(url, as: path) {
        case let .success(read): file = read
        case let .failure(diagnostic):
            sink.add(diagnostic)
            return nil
        }
        let start = SourceLocation(file: path)
        let document: FrontMatterFile
        switch FrontMatterFile.split(file.text) {
        case let .success(split): document = split
        case .failure(.empty):
            sink.error("the file is empty: it needs front matter between `---` lines", at: start)
            return nil
        case .failure(.missing):
            sink.error("front matter missing: the file must start with a line `---`, the YAML fields, and another `---`", at: start)
            return nil
        case .failure(.notClosed):
            sink.error("front matter is not closed: no second `---` line after the opening one", at: start)
            return nil
        }
        let errors = sink.diagnostics.count
        guard let node = YAMLParser.parse(document.yaml, file: path, lineOffset: document.lineOffset, sink: sink) else {
            if sink.diagnostics.count == errors { sink.error("front matter is empty", at: start) }
            return nil
        }
        guard let reader = MappingReader(node, fields: fields, path: "", file: path, lineOffset: document.lineOffset,
                                         sink: sink, recorder: LocationRecorder(), what: what)
        else { return nil }
        return (reader, document.body)
    }

    /// Visible entries of a folder, sorted by name; hidden ones (`.git`, `.DS_Store`) are skipped.
    private func entries(_ url: URL) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    private func isDirectory(_ url: URL) -> Bool {
        var directory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &directory) && directory.boolValue
    }
}
