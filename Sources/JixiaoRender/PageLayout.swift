import JixiaoCheck
import JixiaoModel

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
