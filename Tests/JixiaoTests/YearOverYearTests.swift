import Foundation
import Testing
import JixiaoLoad
import JixiaoModel

/// Projects linked across years by their code, and those links taken again from an earlier version of the site.
@Suite struct YearOverYearTests {
    /// Reused while every project is where it was with the same code; found again after a code changes,
    /// a project is added or one is removed: either way the links of the site as it is.
    @Test func linksReusedOnlyWhileTheProjectsAreInTheSamePlaces() throws {
        let root = try Scratch.copy(of: "year-over-year")
        let first = YearOverYear(SiteLoader(root: root).load().0)
        #expect(!first.groups.isEmpty)
        var earlier = first
        let edits: [(String, (String) -> String)] = [
            ("content/2023/demo/training.md", { $0.replacingOccurrences(of: "actual: \"620\"", with: "actual: \"640\"") }),
            ("content/2023/demo/training.md", { $0.replacingOccurrences(of: "code: \"2023-PX-01\"", with: "code: \"2023-PX-09\"") }),
            ("content/2023/demo/training.md", { $0.replacingOccurrences(of: "code: \"2023-PX-09\"", with: "code: \"2023-PX-01\"") }),
        ]
        for (step, (file, edit)) in edits.enumerated() {
            try BuildSessionTests.edit(root, file, edit)
            let site = SiteLoader(root: root).load().0
            let reused = YearOverYear(site, reusing: earlier), fresh = YearOverYear(site)
            // The second edit gives 2023's project a code of its own: nothing is linked until the third.
            #expect(fresh.groups.isEmpty == (step == 1))
            #expect(reused.groups == fresh.groups && reused.files == fresh.files)
            for (_, addresses) in fresh.groups {
                for address in addresses { #expect(reused.project(address)?.name == fresh.project(address)?.name) }
            }
            earlier = reused
        }
        #expect(earlier.groups == first.groups)
    }
}
