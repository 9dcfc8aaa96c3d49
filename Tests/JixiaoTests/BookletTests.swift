import Foundation
import Testing
@testable import Jixiao

/// The units' booklets: every goal table, and every self-evaluation sheet, on one page for printing.
@Suite struct BookletTests {
    static let built: [String: String] = {
        let output = Scratch.folder("booklets")
        let report = Pipeline.build(root: ExampleSite.root, output: output)
        precondition(report.succeeded, "\(report.diagnostics)")
        return Scratch.tree(output).mapValues { String(decoding: $0, as: UTF8.self) }
    }()

    /// The `<article class="sheet …">` elements of a page, in order.
    static func sheets(_ html: String) -> [String] {
        html.components(separatedBy: "<article class=\"sheet ").dropFirst().map {
            "<article class=\"sheet " + $0.components(separatedBy: "</article>")[0] + "</article>"
        }
    }

    @Test func everyUnitHasItsBookletsInBothFormats() throws {
        let checked = Pipeline.check(root: ExampleSite.root)
        for year in checked.site.years {
            for unit in year.units {
                let base = "\(year.year)/\(unit.slug)/"
                let evaluated = unit.projects.filter { checked.evaluation(year, unit, $0)?.execution != nil }
                let goals = try #require(Self.built[base + "goal-tables/index.html"], "\(base)")
                #expect(Self.built[base + "goal-tables/index.md"] != nil)
                #expect(Self.sheets(goals).count == unit.projects.count, "\(base)")
                let unitPage = try #require(Self.built[base + "index.html"])
                #expect(unitPage.contains("<a href=\"/\(base)goal-tables/\">全部绩效目标表</a>（\(unit.projects.count) 张，打印用）"))
                if evaluated.isEmpty {
                    #expect(Self.built[base + "self-evaluations/index.html"] == nil, "\(base)")
                    #expect(!unitPage.contains("self-evaluations/"))
                } else {
                    let booklet = try #require(Self.built[base + "self-evaluations/index.html"], "\(base)")
                    #expect(Self.built[base + "self-evaluations/index.md"] != nil)
                    #expect(Self.sheets(booklet).count == evaluated.count)
                    #expect(unitPage.contains("<a href=\"/\(base)self-evaluations/\">全部绩效自评表</a>（\(evaluated.count) 张，打印用）"))
                }
            }
        }
    }

    /// Each sheet of a booklet is its project's own page's sheet, numbered for its printed pages.
    @Test func bookletSheetsAreTheProjectPagesSheets() throws {
        let checked = Pipeline.check(root: ExampleSite.root)
        let zibo = try #require(checked.site.years.first { $0.year == 2021 }?.units.first { $0.slug == "zibo" })
        for (kind, page) in [("self-evaluations", "self-evaluation/index.html"), ("goal-tables", "index.html")] {
            let booklet = try #require(Self.built["2021/zibo/\(kind)/index.html"])
            let sheets = Self.sheets(booklet)
            #expect(sheets.count == 12)
            for (index, project) in zibo.projects.enumerated() {
                let html = try #require(Self.built["2021/zibo/\(project.slug)/\(page)"])
                let single = try #require(Self.sheets(html).first)
                let numbered = single.replacingOccurrences(of: "id=\"sheet-1\"", with: "id=\"sheet-\(index + 1)\"")
                #expect(sheets[index] == numbered, "\(kind): \(project.slug)")
                #expect(booklet.contains("@page sheet-\(index + 1) { size: A4 portrait; @bottom-left { content: \"\(project.name)"))
                #expect(booklet.contains("#sheet-\(index + 1) { page: sheet-\(index + 1); }"))
            }
        }
    }

    /// The Zibo booklet reads like seed 004: twelve sheets, each titled as published, with its 总分 and no 等级
    /// (the form prints none).
    @Test func ziboSelfEvaluationBookletHoldsEverySheetOfSeed004() throws {
        let markdown = try #require(Self.built["2021/zibo/self-evaluations/index.md"])
        #expect(markdown.hasPrefix("[首页](/) › [2021年](/2021/) › [淄博市工业和信息化局](/2021/zibo/) › 全部绩效自评表\n\n# 淄博市工业和信息化局2021年度项目支出绩效自评表\n\n共 12 张\n"))
        let sheets = markdown.components(separatedBy: "\n---\n\n").dropFirst()
        #expect(sheets.count == 12)
        for sheet in sheets {
            // Titled as the form publishes it (the zibo form, chosen in the unit's _unit.md).
            #expect(sheet.hasPrefix("# 市级预算项目支出绩效自评表\n"))
            #expect(sheet.contains("| **总分** | | | | | **100** | **100** |  |"))
            #expect(!sheet.contains("等级"))
        }
        for name in ExampleSiteTests.publishedZiboScores.map(\.slug) {
            #expect(markdown.contains("](/2021/zibo/\(name)/)"), "\(name)")
        }
    }

    @Test func aProjectCannotTakeABookletsAddress() throws {
        let site = try Scratch.copy(of: "golden")
        let content = site.appendingPathComponent("content/2023/demo")
        try FileManager.default.moveItem(at: content.appendingPathComponent("a-goal.md"), to: content.appendingPathComponent("goal-tables.md"))
        let report = Pipeline.build(root: site, output: site.appendingPathComponent("public"))
        #expect(report.diagnostics.filter { $0.severity == .error }.map(\.description) == [
            "content/2023/demo/goal-tables.md:2:1: error: project `goal-tables` would be published at /site/2023/demo/goal-tables/, the address of the unit's booklet of 绩效目标表; rename the file",
        ])
    }
}
