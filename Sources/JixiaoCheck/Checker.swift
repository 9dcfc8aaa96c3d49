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

    /// Each project's evaluation, in the unit's order: for pages that go through every unit of a year,
    /// where handing each project to `evaluation` would copy it.
    public func evaluations(_ year: Year, _ unit: JixiaoModel.Unit) -> [ProjectEvaluation?] {
        unit.projects.indices.map { evaluations[ProjectKey(year: year.year, unit: unit.slug, project: unit.projects[$0].slug)] }
    }
}

/// Identifies a project across the site: its URL parts.
public typealias ProjectKey = ProjectAddress

/// check: scores every project and checks what spans several of them.
public enum Checker {
    /// `reuse` holds scores known to stand (of projects unchanged since they were scored).
    public static func check(_ site: Site, loadDiagnostics: [Diagnostic] = [], reuse: [ProjectKey: ProjectEvaluation] = [:]) -> CheckedSite {
        var diagnostics = loadDiagnostics
        // Files that did not load: their projects are missing from their unit's sum.
        let broken = Set(loadDiagnostics.filter(\.isError).compactMap(\.location?.file))
        // What spans several projects, a year or a unit at a time, on all cores.
        let places = site.years.indices.flatMap { y in [(y, nil)] + site.years[y].units.indices.map { (y, Optional($0)) } }
        // Each unit's projects added up once, for the check of its 合计 and for the pages that show it.
        var unitTotals: [UnitKey: Amount] = [:]
        for (found, total) in Parallel.map(places, { y, u -> ([Diagnostic], (UnitKey, Amount)?) in
            let year = site.years[y]
            guard let u else { return (duplicateCodes(year), nil) }
            let unit = year.units[u]
            let sum = unit.projectsTotal
            let total = broken.contains(where: { $0.hasPrefix("content/\(year.year)/\(unit.slug)/") }) ? [] : unitTotal(unit, sum: sum)
            return (total + bookletAddresses(unit, of: year, base: site.baseURL), (UnitKey(year: year.year, unit: unit.slug), sum))
        }) {
            diagnostics += found
            if let (key, sum) = total { unitTotals[key] = sum }
        }
        // Projects by position (year, unit, project), so that none is copied.
        var all: [(Int, Int, Int)] = []
        for (y, year) in site.years.enumerated() {
            for (u, unit) in year.units.enumerated() {
                all += unit.projects.indices.map { (y, u, $0) }
            }
        }
        // Scoring is pure: every project on all cores.
        let scored = Parallel.map(all) { y, u, p in
            // Through the site each time: a year or unit bound to a name would be copied for each project.
            let key = ProjectKey(year: site.years[y].year, unit: site.years[y].units[u].slug, project: site.years[y].units[u].projects[p].slug)
            let evaluation = reuse[key] ?? ProjectScoring.evaluate(site.years[y].units[u].projects[p])
            let findings = evaluation.findings.map {
                Diagnostic($0.code, $0.severity, $0.message, at: site.years[y].units[u].projects[p].locations[$0.field])
            }
            return (key, evaluation, findings)
        }
        var evaluations: [ProjectKey: ProjectEvaluation] = [:]
        evaluations.reserveCapacity(all.count)
        for (key, evaluation, findings) in scored {
            evaluations[key] = evaluation
            diagnostics += findings
        }
        // The department-wide sheets: few, scored here.
        var overall: [UnitKey: ProjectEvaluation] = [:]
        for year in site.years {
            for unit in year.units {
                guard let sheet = unit.overall else { continue }
                let evaluation = ProjectScoring.evaluate(sheet)
                overall[UnitKey(year: year.year, unit: unit.slug)] = evaluation
                diagnostics += evaluation.findings.map { Diagnostic($0.code, $0.severity, $0.message, at: sheet.locations[$0.field]) }
            }
        }
        var checked = CheckedSite(site: site, diagnostics: Array(Set(diagnostics)).sorted(), evaluations: evaluations)
        checked.overallEvaluations = overall
        checked.unitTotals = unitTotals
        return checked
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
