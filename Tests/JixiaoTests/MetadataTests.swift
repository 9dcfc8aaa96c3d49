import Foundation
import Testing
@testable import Jixiao

/// Government-site metadata: the tags every page carries, the 公开 information above a unit's
/// disclosure, each only as given.
@Suite struct MetadataTests {
    @Test func aUnitsMetadataIsWrittenOverTheSites() throws {
        let output = Scratch.folder().appendingPathComponent("public")
        #expect(Pipeline.build(root: Fixtures.url("golden"), output: output).succeeded)
        let unit = try String(contentsOf: output.appendingPathComponent("2023/demo/a-goal/index.html"), encoding: .utf8)
        // The unit's column over the site's; the site's code and domain kept.
        #expect(unit.contains("<meta name=\"ColumnName\" content=\"部门预算绩效\">\n<meta name=\"ColumnType\" content=\"信息公开\">"))
        #expect(unit.contains("<meta name=\"SiteIDCode\" content=\"9999000001\">") && unit.contains("<meta name=\"PubDate\" content=\"2023-02-15 09:30\">"))
        #expect(unit.contains("<meta name=\"ArticleTitle\" content=\"培训项目项目绩效目标表\">"))
        #expect(unit.contains("<meta name=\"Description\" content=\"1. 开展培训； 2. 提升能力。\">"))
        let home = try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(!home.contains("PubDate") && home.contains("<meta name=\"ContentSource\" content=\"示例财政局\">"))
    }

    @Test func withoutMetadataOnlyWhatTheSiteSaysIsTagged() throws {
        let root = Scratch.folder()
        try GeneratedSite.write(root, projects: 2)
        let output = root.appendingPathComponent("public")
        #expect(Pipeline.build(root: root, output: output).succeeded)
        let page = try String(contentsOf: output.appendingPathComponent("2023/u0/index.html"), encoding: .utf8)
        let tags = page.matches(of: /<meta name="([A-Za-z]+)" content=/).map { String($0.1) }
        #expect(tags == ["viewport", "SiteName", "ArticleTitle", "ContentSource", "Description"])
        #expect(!page.contains("disclosure-info"))
    }

    @Test func datesAreCheckedAndNamed() throws {
        let root = try Scratch.copy(of: "golden")
        try BuildSessionTests.edit(root, "content/2023/demo/_unit.md") {
            $0.replacingOccurrences(of: "published: 2023-02-15 09:30", with: "published: 2023年2月15日")
        }
        let errors = Pipeline.check(root: root).errors.map(\.description)
        #expect(errors == ["content/2023/demo/_unit.md:15:14: error: 发布日期 (published) must be a date such as 2022-01-15 or 2022-01-15 09:30, not \"2023年2月15日\""])
    }
}
