import Foundation
import JixiaoModel
import JixiaoSystem

/// A site after check: the model, every diagnostic (sorted), and each project's evaluation.
public struct CheckedSite: Sendable {
    public var site: Site
    public var diagnostics: [Diagnostic]
    /// Keyed by `ProjectKey`.
    public var evaluations: [ProjectKey: ProjectEvaluation]
    /// Each unit's department-wide sheet (`overall:`), scored like a project.
    public var overallEvaluations: [UnitKey: ProjectEvaluation] = [:]
    /// Each unit's projects added up (`Unit.projectsTotal`), as check found them.
    public var unitTotals: [UnitKey: Amount] = [:]
    /// What check found, by year and by unit: what `Checker.recheck` starts from.
    var parts: CheckParts?
    /// Each unit's scored projects, as `scores(_:_:)` gives them, as check found them.
    var unitScores: [UnitKey: [(total: Decimal, grade: String?)]] = [:]

    /// What the unit's projects add up to: as check found it, or added up now for a unit it did not see.
    public func projectsTotal(_ year: Year, _ unit: JixiaoModel.Unit) -> Amount {
        unitTotals[UnitKey(year: year.year, unit: unit.slug)] ?? unit.projectsTotal
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }

    public func overallEvaluation(_ year: Year, _ unit: JixiaoModel.Unit) -> ProjectEvaluation? {
        overallEvaluations[UnitKey(year: year.year, unit: unit.slug)]
    }

    public func evaluation(_ year: Year, _ unit: JixiaoModel.Unit, _ project: Project) -> ProjectEvaluation? {
        evaluations[ProjectKey(year: year.year, unit: unit.slug, project: project.slug)]
    }

    /// The total and grade of each scored project, in the unit's order: for pages that go through every unit
    /// of a year, where handing each project to `evaluation` would copy it, and each evaluation too.
    public func scores(_ year: Year, _ unit: JixiaoModel.Unit) -> [(total: Decimal, grade: String?)] {
        unitScores[UnitKey(year: year.year, unit: unit.slug)] ?? []
    }
}

/// What check found in each part of the site: the findings of each year's codes (by the year's index), and
/// those of each unit and its projects.
struct CheckParts: Sendable {
    var years: [[Diagnostic]]
    var units: [UnitKey: [Diagnostic]]
}

/// What check found in one unit.
struct UnitCheck: Sendable {
    let key: UnitKey
    let sum: Amount
    let evaluations: [(ProjectKey, ProjectEvaluation)]
    let overall: ProjectEvaluation?
    let diagnostics: [Diagnostic]
}

extension CheckedSite {
    /// Takes a unit's scores and totals, and its findings into `parts`.
    fileprivate mutating func take(_ unit: UnitCheck, into parts: inout CheckParts) {
        for (key, evaluation) in unit.evaluations { evaluations[key] = evaluation }
        unitScores[unit.key] = unit.evaluations.compactMap { _, evaluation in evaluation.total.map { ($0, evaluation.grade) } }
        overallEvaluations[unit.key] = unit.overall
        unitTotals[unit.key] = unit.sum
        parts.units[unit.key] = unit.diagnostics
    }

    /// Every diagnostic of the load and of `parts`, each once, sorted.
    fileprivate mutating func finish(_ parts: CheckParts, loadDiagnostics: [Diagnostic]) {
        var all = Set(loadDiagnostics)
        for found in parts.years { all.formUnion(found) }
        for found in parts.units.values { all.formUnion(found) }
        diagnostics = all.sorted()
        self.parts = parts
    }
}

/// Identifies a project across the site: its URL parts.
public typealias ProjectKey = ProjectAddress

/// check: scores every project and checks what spans several of them.
public enum Checker {
    /// `reuse` holds scores known to stand (of projects unchanged since they were scored).
    public static func check(_ site: Site, loadDiagnostics: [Diagnostic] = [], reuse: [ProjectKey: ProjectEvaluation] = [:]) -> CheckedSite {
        let broken = brokenFiles(loadDiagnostics)
        // What spans several projects, a year at a time, and each unit with its projects, on all cores.
        let years = Parallel.map(Array(site.years.indices)) { duplicateCodes(site.years[$0]) }
        let places = site.years.indices.flatMap { y in site.years[y].units.indices.map { (y, $0) } }
        let units = Parallel.map(places) { y, u in checkUnit(site, y, u, broken: broken, reuse: reuse) }
        var checked = CheckedSite(site: site, diagnostics: [], evaluations: [:])
        checked.evaluations.reserveCapacity(units.reduce(0) { $0 + $1.evaluations.count })
        var parts = CheckParts(years: years, units: [:])
        for unit in units { checked.take(unit, into: &parts) }
        checked.finish(parts, loadDiagnostics: loadDiagnostics)
        return checked
    }

    /// `previous` checked again after a load that changed only the units at `changed` (year and unit
    /// indices, the same in both sites): their projects are scored (less those `reuse` holds), their years'
    /// codes compared again; the rest is taken from `previous`. `nil` when `previous` was not checked whole.
    public static func recheck(_ previous: CheckedSite, site: Site, changed: [(year: Int, unit: Int)], loadDiagnostics: [Diagnostic],
                               reuse: [ProjectKey: ProjectEvaluation] = [:]) -> CheckedSite?
    {
        guard var parts = previous.parts, parts.years.count == site.years.count else { return nil }
        let broken = brokenFiles(loadDiagnostics)
        var checked = previous
        checked.site = site
        for (y, u) in changed {
            let before = previous.site.years[y].units[u]
            for p in before.projects.indices {
                checked.evaluations[ProjectKey(year: previous.site.years[y].year, unit: before.slug, project: before.projects[p].slug)] = nil
            }
        }
        for unit in Parallel.map(changed, { y, u in checkUnit(site, y, u, broken: broken, reuse: reuse) }) { checked.take(unit, into: &parts) }
        // A year's codes compared again where a unit's codes or their places changed.
        for y in Set(changed.map(\.year)) where changed.contains(where: { $0.year == y && !sameCodes(site.years[y].units[$0.unit], previous.site.years[y].units[$0.unit]) }) {
            parts.years[y] = duplicateCodes(site.years[y])
        }
        checked.finish(parts, loadDiagnostics: loadDiagnostics)
        return checked
    }

    /// Whether the unit's projects have the codes they had, written where they were: what `duplicateCodes`
    /// finds of them is the same.
    private static func sameCodes(_ unit: JixiaoModel.Unit, _ before: JixiaoModel.Unit) -> Bool {
        unit.projects.count == before.projects.count && unit.projects.indices.allSatisfy { p in
            unit.projects[p].code == before.projects[p].code && unit.projects[p].locations["code"] == before.projects[p].locations["code"]
        }
    }

    /// The files that did not load: their projects are missing from their unit's sum.
    private static func brokenFiles(_ loadDiagnostics: [Diagnostic]) -> Set<String> {
        Set(loadDiagnostics.filter(\.isError).compactMap(\.location?.file))
    }

    /// What check finds in one unit: its 合计 and booklet addresses, each project's scores and findings
    /// (by position: a project bound to a name would be copied), and its department-wide sheet's.
    private static func checkUnit(_ site: Site, _ y: Int, _ u: Int, broken: Set<String>, reuse: [ProjectKey: ProjectEvaluation]) -> UnitCheck {
        let year = site.years[y], unit = year.units[u]
        let key = UnitKey(year: year.year, unit: unit.slug)
        let sum = unit.projectsTotal
        let folder = "content/\(year.year)/\(unit.slug)/"
        var diagnostics = broken.contains(where: { $0.hasPrefix(folder) }) ? [] : unitTotal(unit, sum: sum)
        diagnostics += bookletAddresses(unit, of: year, base: site.baseURL)
        var evaluations: [(ProjectKey, ProjectEvaluation)] = []
        evaluations.reserveCapacity(unit.projects.count)
        for p in unit.projects.indices {
            let projectKey = ProjectKey(year: year.year, unit: unit.slug, project: unit.projects[p].slug)
            let evaluation = reuse[projectKey] ?? ProjectScoring.evaluate(unit.projects[p])
            diagnostics += evaluation.findings.map { Diagnostic($0.code, $0.severity, $0.message, at: unit.projects[p].locations[$0.field]) }
            evaluations.append((projectKey, evaluation))
        }
        // The department-wide sheet, scored like a project.
        let overall = unit.overall.map { sheet in
            let evaluation = ProjectScoring.evaluate(sheet)
            diagnostics += evaluation.findings.map { Diagnostic($0.code, $0.severity, $0.message, at: sheet.locations[$0.field]) }
            return evaluation
        }
        return UnitCheck(key: key, sum: sum, evaluations: evaluations, overall: overall, diagnostics: diagnostics)
    }

    /// 项目编码 is unique within a year.
    static func duplicateCodes(_ year: Year) -> [Diagnostic] {
        // The first project of each code by position (not copied); where a code is, looked up only for a duplicate.
        var first: [String: (unit: Int, project: Int)] = [:]
        var diagnostics: [Diagnostic] = []
        for u in year.units.indices {
            for p in year.units[u].projects.indices {
                guard let code = year.units[u].projects[p].code.map(Trim.whitespace), !code.isEmpty else { continue }
                if let earlier = first[code] {
                    let there = year.units[earlier.unit].projects[earlier.project].locations["code"]
                    diagnostics.append(.error(.duplicateCode, "\(FieldSet.project.name("code")) \(Excerpt.of(code)) is used twice in \(year.year): also at \(there.file):\(there.line)",
                                              at: year.units[u].projects[p].locations["code"]))
                } else {
                    first[code] = (u, p)
                }
            }
        }
        return diagnostics
    }

    /// The unit's booklets have addresses of their own (`/<year>/<unit>/goal-tables/`): no project may take them.
    static func bookletAddresses(_ unit: JixiaoModel.Unit, of year: Year, base: String) -> [Diagnostic] {
        // By index: a closure over each project would copy it whole.
        unit.projects.indices.compactMap { index in
            let slug = unit.projects[index].slug
            // The department-wide self-evaluation's address.
            if slug == "self-evaluation" {
                return .error(.bookletAddress, "project `self-evaluation` would be published at \(base)\(year.year)/\(unit.slug)/self-evaluation/, the address of the unit's 部门整体支出绩效自评表; rename the file",
                              at: unit.projects[index].locations.item)
            }
            if slug == "review" {
                return .error(.bookletAddress, "project `review` would be published at \(base)\(year.year)/\(unit.slug)/review/, the address of the unit's review findings (审核意见); rename the file",
                              at: unit.projects[index].locations.item)
            }
            guard let kind = BookletKind(rawValue: slug) else { return nil }
            return .error(.bookletAddress, "project `\(slug)` would be published at \(base)\(year.year)/\(unit.slug)/\(kind.folder), the address of the unit's booklet of \(kind.sheet); rename the file",
                          at: unit.projects[index].locations.item)
        }
    }

    /// A unit's published 合计 equals the sum of its projects (checked only when all of them loaded: a
    /// project file with errors would make the sum look wrong too).
    static func unitTotal(_ unit: JixiaoModel.Unit, sum: Amount) -> [Diagnostic] {
        guard let total = unit.total, total != sum else { return [] }
        let money = unit.moneyUnit.rawValue
        let places = max(total.places, sum.places)
        let difference = (total.value - sum.value).grouped(places)
        return [.warning(.unitTotalMismatch, "\(FieldSet.unit.name("total")) is \(total.value.grouped(places)) \(money), but the projects add up to \(sum.value.grouped(places)) \(money) (difference \(difference) \(money))",
                         at: unit.locations["total"])]
    }
}
