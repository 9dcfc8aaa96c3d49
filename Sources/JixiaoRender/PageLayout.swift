import JixiaoCheck
import JixiaoModel
import JixiaoSystem

extension SitePages {
    /// What the paths of a site's pages and of their files follow from: the pages, and the names and
    /// settings that make their paths. Two lists of pages with the same layout have the same files.
    package struct Layout: Equatable, Sendable {
        let references: [Reference]
        let officeFiles: Bool
        /// Each unit in order: its year, its name in paths, whether it has a department-wide goal, and its
        /// projects' names in paths.
        let units: [UnitNames]

        struct UnitNames: Equatable, Sendable {
            let year: Int
            let slug: String
            let overall: Bool
            let projects: [String]
        }

        /// A hash of it that is the same in every process (Swift's own hashes are seeded anew in each): kept
        /// in the build cache, it tells a new process that the last build's pages had the same files.
        package var fingerprint: UInt64 {
            var bytes: [UInt8] = [officeFiles ? 1 : 0]
            bytes.reserveCapacity(references.count * 16 + units.count * 32)
            func put(_ numbers: Int...) {
                for number in numbers { withUnsafeBytes(of: Int64(number).littleEndian) { bytes += $0 } }
            }
            func put(_ text: String) {
                put(text.utf8.count)
                bytes += text.utf8
            }
            put(references.count)
            for reference in references {
                switch reference {
                case .home: put(0)
                case .search: put(1)
                case let .year(y): put(2, y)
                case let .unit(y, u): put(3, y, u)
                case let .goal(y, u, p): put(4, y, u, p)
                case let .selfEvaluation(y, u, p): put(5, y, u, p)
                case let .monitoring(y, u, p): put(6, y, u, p)
                case let .overall(y, u): put(7, y, u)
                case let .booklet(kind, y, u):
                    put(8, y, u)
                    put(kind.rawValue)
                case let .review(y, u): put(9, y, u)
                }
            }
            put(units.count)
            for unit in units {
                put(unit.year, unit.overall ? 1 : 0, unit.projects.count)
                put(unit.slug)
                for project in unit.projects { put(project) }
            }
            return bytes.withUnsafeBytes { ContentHash.of($0) }
        }
    }

    package var layout: Layout {
        let units = checked.site.years.flatMap { year in
            year.units.map { unit in
                // By index: a closure over each project would copy it whole.
                Layout.UnitNames(year: year.year, slug: unit.slug, overall: unit.overall != nil, projects: unit.projects.indices.map { unit.projects[$0].slug })
            }
        }
        return Layout(references: references, officeFiles: checked.site.officeFiles, units: units)
    }
}
