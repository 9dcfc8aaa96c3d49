/// Where a project is in the site: its year, its unit's folder and its file name.
public struct ProjectAddress: Sendable, Hashable, Comparable {
    public var year: Int
    public var unit: String
    public var project: String

    public init(year: Int, unit: String, project: String) {
        self.year = year
        self.unit = unit
        self.project = project
    }

    public static func < (lhs: ProjectAddress, rhs: ProjectAddress) -> Bool {
        (lhs.year, lhs.unit, lhs.project) < (rhs.year, rhs.unit, rhs.project)
    }
}

/// Projects with the same 项目编码 in several years, linked: each year's pages link the others and
/// compare their indicators, and review rule R08 compares a target with last year's.
public struct YearOverYear: Sendable {
    /// By code, the projects that carry it, oldest year first; only codes found in two years or more.
    public let groups: [String: [ProjectAddress]]
    /// The site, and where in it each linked project is: a project is taken from it when asked for,
    /// instead of thousands being copied for the few pages that ask.
    private let site: Site
    private let positions: [ProjectAddress: Position]

    private struct Position {
        let y: Int, u: Int, p: Int
    }

    /// `reusing`: the links of an earlier version of the site, taken as they are where every year, unit and
    /// project is in the same place with the same code, name and file (as after most edits).
    public init(_ site: Site, reusing earlier: YearOverYear? = nil) {
        if let earlier, Self.samePlaces(site, earlier.site) {
            (groups, files, positions, self.site) = (earlier.groups, earlier.files, earlier.positions, site)
            return
        }
        var byCode: [String: [(address: ProjectAddress, at: Position)]] = [:]
        for y in site.years.indices {
            for u in site.years[y].units.indices {
                let unit = site.years[y].units[u].slug
                for p in site.years[y].units[u].projects.indices {
                    guard let code = site.years[y].units[u].projects[p].code.map(Trim.whitespace), !code.isEmpty else { continue }
                    let address = ProjectAddress(year: site.years[y].year, unit: unit, project: site.years[y].units[u].projects[p].slug)
                    byCode[code, default: []].append((address, Position(y: y, u: u, p: p)))
                }
            }
        }
        // A code in one year only (or twice in one year, which `check` reports) links nothing.
        var groups: [String: [ProjectAddress]] = [:], files: [String: [String]] = [:]
        var positions: [ProjectAddress: Position] = [:]
        positions.reserveCapacity(byCode.count * 2)
        for (code, found) in byCode where found.contains(where: { $0.address.year != found[0].address.year }) {
            let sorted = found.sorted { $0.address < $1.address }
            groups[code] = sorted.map(\.address)
            files[code] = sorted.map { site.years[$0.at.y].units[$0.at.u].projects[$0.at.p].locations.item.file }
            for each in sorted { positions[each.address] = each.at }
        }
        self.groups = groups
        self.files = files
        self.site = site
        self.positions = positions
    }

    /// Whether every project of `site` is where it is in `earlier`, with the same code, name and file.
    private static func samePlaces(_ site: Site, _ earlier: Site) -> Bool {
        guard site.years.count == earlier.years.count else { return false }
        for y in site.years.indices {
            let year = site.years[y], before = earlier.years[y]
            guard year.year == before.year, year.units.count == before.units.count else { return false }
            for u in year.units.indices {
                let unit = year.units[u], other = before.units[u]
                guard unit.slug == other.slug, unit.projects.count == other.projects.count else { return false }
                // The same projects, not copied since (a unit a rebuild did not read again).
                if unit.projects.sharesStorage(with: other.projects) { continue }
                // By index: a closure over each project would copy it whole.
                for p in unit.projects.indices {
                    guard unit.projects[p].code == other.projects[p].code, unit.projects[p].slug == other.projects[p].slug,
                          unit.projects[p].locations.item.file == other.projects[p].locations.item.file else { return false }
                }
            }
        }
        return true
    }

    /// The projects of other years with the project's code, oldest first.
    public func others(of project: Project, at address: ProjectAddress) -> [ProjectAddress] {
        guard let code = project.code.map(Trim.whitespace), let group = groups[code] else { return [] }
        return group.filter { $0.year != address.year }
    }

    /// The project of the latest earlier year with the same code.
    public func previous(of project: Project, at address: ProjectAddress) -> (address: ProjectAddress, project: Project)? {
        guard let last = others(of: project, at: address).last(where: { $0.year < address.year }), let found = self.project(last) else { return nil }
        return (last, found)
    }

    public func project(_ address: ProjectAddress) -> Project? {
        positions[address].map { site.years[$0.y].units[$0.u].projects[$0.p] }
    }

    /// Every linked file, by code (in the order of `groups`): what a page comparing the years shows, so
    /// that it is rendered again when one of them changes.
    public let files: [String: [String]]
}

extension Array {
    /// Whether both arrays are the same storage (one a copy of the other, neither changed since): then they
    /// hold the same elements, without a look at them.
    func sharesStorage(with other: [Element]) -> Bool {
        withUnsafeBufferPointer { mine in other.withUnsafeBufferPointer { $0.baseAddress == mine.baseAddress && $0.count == mine.count } }
    }
}
