import Foundation
import Testing
@testable import Jixiao

/// Each example unit's pages laid beside its published seed, cell by cell: the text of every cell the
/// seed publishes (headings, labels, values, titles, notes rows) must appear on the unit's pages, in the
/// published order.
///
/// The seeds are text extracted from published PDFs and Word files: a table row is a line with its cells
/// between tabs. Cells are compared with their white space removed and with full- and half-width brackets
/// and colons as one (the extraction writes `(A)` on one sheet and `（A）` on the next of the same form).
/// Order is the longest run of seed cells found one after another among the page's text cells. A wide
/// table that the PDF printed in column bands (seed 000) is compared band by band.
@Suite struct SeedCellsTests {
    struct Seed {
        let file: String
        /// The pages that show the seed, in the order the seed shows them.
        let pages: [String]
        /// The first text of each column band after the first.
        var bands: [String] = []
        /// The share of the seed's cells that must appear in order.
        var required = 0.97
    }

    static let seeds = [
        Seed(file: "000_ordos.txt", pages: ["2022/982001/index.html"],
             bands: ["项目名称\t项目单位", "## 项目绩效目标表", "三级指标\t指标性质", "单位：万元"]),
        Seed(file: "001_ordos-xzsp.txt", pages: ["2022/ordos-xzsp/goal-tables/index.html"]),
        Seed(file: "002_menyuan.txt", pages: ["2024/menyuan-gsx/index.html"]),
        Seed(file: "003_yutian.txt", pages: ["2025/436001/index.html", "2025/436001/goal-tables/index.html"]),
        Seed(file: "004_zibo.txt", pages: ["2021/zibo/self-evaluations/index.html"]),
    ]

    static let built: Result<URL, Error> = Result { ExampleSite.output }

    @Test(arguments: seeds.map(\.file)) func pagesShowEveryPublishedCell(_ file: String) throws {
        let seed = try #require(Self.seeds.first { $0.file == file })
        let output = try Self.built.get()
        let text = try String(contentsOf: Fixtures.url("seeds").appendingPathComponent(seed.file), encoding: .utf8)
        let page = try seed.pages.flatMap { try SeedCells.pageCells(String(contentsOf: output.appendingPathComponent($0), encoding: .utf8)) }
        var total = 0, found = 0
        var missing: [String] = []
        for band in SeedCells.seedCells(text, bands: seed.bands) {
            let matched = SeedCells.inOrder(band, page)
            total += band.count
            found += matched.count
            missing += band.indices.filter { !matched.contains($0) }.map { band[$0] }
        }
        let share = Double(found) / Double(total)
        #expect(share >= seed.required, "\(seed.file): \(found) of \(total) cells in order; missing: \(missing.prefix(40))")
    }

    /// No cell of the pages writes a comparison, percent or 以上 / 以下 that the seed did not publish, unless
    /// a note on the page names it (says why).
    @Test(arguments: seeds.map(\.file)) func pagesAddNoComparisonOrUnit(_ file: String) throws {
        let seed = try #require(Self.seeds.first { $0.file == file })
        let output = try Self.built.get()
        let text = try String(contentsOf: Fixtures.url("seeds").appendingPathComponent(seed.file), encoding: .utf8)
        let published = Set(SeedCells.seedCells(text, bands: seed.bands).joined())
        let pages = try seed.pages.map { try String(contentsOf: output.appendingPathComponent($0), encoding: .utf8) }
        let page = pages.flatMap(SeedCells.pageCells)
        let tables = pages.flatMap(SeedCells.tableCells)
        let words = ["等于", "大于", "小于", "≥", "≤", ">", "<", "=", "%", "百分比", "以上", "以下"]
        let invented = tables.filter { cell in
            words.contains { cell.contains($0) } && !published.contains(cell) && !page.contains { $0 != cell && $0.contains(cell) }
        }
        #expect(invented.isEmpty, "\(seed.file): \(invented.prefix(20))")
    }

    @Test func comparisonCountsOrder() {
        #expect(SeedCells.inOrder(["a", "b", "c"], ["a", "x", "b", "c"]) == [0, 1, 2])
        #expect(SeedCells.inOrder(["a", "b", "c"], ["c", "b", "a"]).count == 1)
        #expect(SeedCells.inOrder(["b", "a", "b"], ["a", "b"]).count == 2)
        #expect(SeedCells.inOrder(["z"], ["a"]).isEmpty)
    }

    @Test func cellsOfSeedsAndPages() {
        #expect(SeedCells.seedCells("# 标题\n\n一级指 标\t（50 分）\t\n<p>甲</p> <p>乙</p>\n", bands: []) == [["标题", "一级指标", "(50分)", "甲", "乙"]])
        #expect(SeedCells.seedCells("<p>1. 甲<math>\\geq 12</math>次</p>\t---\n", bands: []) == [["1.甲≥12次"]])
        #expect(SeedCells.tableCells("<p>≥1</p><table><tr><td>≥2</td></tr></table><p>≥3</p>") == ["≥2"])
        #expect(SeedCells.pageCells("<html><head><title>x</title></head><body><td>a &amp; b</td><td> </td><p>（A）</p><p><strong>甲：</strong>乙<br>丙</p><td>1.0<sup>※</sup></td></body></html>") == ["a&b", "(A)", "甲:乙", "丙", "1.0"])
    }
}

/// Cells of a seed and of a page, as the comparison reads them.
enum SeedCells {
    /// White space removed; full-width brackets and colons as half-width ones.
    static func normalized(_ text: some StringProtocol) -> String {
        var out = ""
        for character in text where !character.isWhitespace {
            switch character {
            case "（": out.append("(")
            case "）": out.append(")")
            case "：": out.append(":")
            default: out.append(character)
            }
        }
        return out
    }

    /// The seed's cells band by band: each line's cells between tabs, a cell's paragraphs (`<p>`) apart,
    /// Markdown heading marks and bookmarks dropped, the seeds' TeX signs (`<math>\geq</math>`) as signs.
    static func seedCells(_ text: String, bands: [String]) -> [[String]] {
        var result: [[String]] = [[]]
        for var line in text.components(separatedBy: "\n") {
            if bands.contains(where: { line.hasPrefix($0) }) { result.append([]) }
            line = line.replacingOccurrences(of: #"^\s*#+\s"#, with: "", options: .regularExpression)
                .replacingOccurrences(of: #"\[bookmark:[^\]]*\]"#, with: "", options: .regularExpression)
            line = texSigns(line)
            for cell in line.components(separatedBy: "\t") {
                for part in cell.replacingOccurrences(of: "<[^>]+>", with: "\t", options: .regularExpression).components(separatedBy: "\t") {
                    let text = normalized(part)
                    // A Markdown table's rule (`---`) is the dump's, not a published cell.
                    if !text.isEmpty, text.contains(where: { $0 != "-" }) { result[result.count - 1].append(text) }
                }
            }
        }
        return result.filter { !$0.isEmpty }
    }

    /// The cells of a page's tables.
    static func tableCells(_ html: String) -> [String] {
        var cells: [String] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<table"), let close = rest.range(of: "</table>", range: open.upperBound ..< rest.endIndex) {
            cells += pageCells(String(rest[open.lowerBound ..< close.upperBound]))
            rest = rest[close.upperBound...]
        }
        return cells
    }

    /// The seeds' TeX signs (`<math>\geq 12</math>`) as the signs they print (`≥12`).
    static func texSigns(_ line: String) -> String {
        guard line.contains("<math>") else { return line }
        var out = ""
        var rest = Substring(line)
        while let open = rest.range(of: "<math>"), let close = rest.range(of: "</math>", range: open.upperBound ..< rest.endIndex) {
            out += rest[..<open.lowerBound]
            out += rest[open.upperBound ..< close.lowerBound].replacingOccurrences(of: #"\geq"#, with: "≥")
                .replacingOccurrences(of: #"\leq"#, with: "≤").replacingOccurrences(of: #"\%"#, with: "%")
            rest = rest[close.upperBound...]
        }
        return out + rest
    }

    /// The text between a page's block tags (cells, paragraphs, headings, line breaks; its head left out),
    /// entities decoded: inline tags (`<strong>`, `<a>` …) are part of the text around them, and footnote
    /// marks (`<sup>`) are the page's own.
    static func pageCells(_ html: String) -> [String] {
        let body = html.replacingOccurrences(of: "(?s)<head>.*?</head>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "(?s)<script.*?</script>", with: "", options: .regularExpression)
            .replacingOccurrences(of: "(?s)<sup\\b.*?</sup>", with: "", options: .regularExpression)
            .replacingOccurrences(of: #"</?(?:strong|em|b|i|span|a|sup|sub|code|abbr)\b[^>]*>"#, with: "", options: .regularExpression)
        return body.replacingOccurrences(of: "<[^>]+>", with: "\u{0}", options: .regularExpression)
            .components(separatedBy: "\u{0}")
            .map { normalized(decoded($0)) }
            .filter { !$0.isEmpty }
    }

    static func decoded(_ text: String) -> String {
        guard text.contains("&") else { return text }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// The indexes of the longest run of `cells` found one after another in `page` (Hunt–Szymanski).
    static func inOrder(_ cells: [String], _ page: [String]) -> Set<Int> {
        var positions: [String: [Int]] = [:]
        for (index, cell) in page.enumerated() { positions[cell, default: []].append(index) }
        final class Link {
            let cell: Int
            let previous: Link?
            init(_ cell: Int, _ previous: Link?) { self.cell = cell; self.previous = previous }
        }
        var ends: [Int] = []
        var links: [Link] = []
        for (index, cell) in cells.enumerated() {
            for position in (positions[cell] ?? []).reversed() {
                var low = 0, high = ends.count
                while low < high {
                    let middle = (low + high) / 2
                    if ends[middle] < position { low = middle + 1 } else { high = middle }
                }
                let link = Link(index, low > 0 ? links[low - 1] : nil)
                if low == ends.count { ends.append(position); links.append(link) } else { ends[low] = position; links[low] = link }
            }
        }
        var matched = Set<Int>()
        var link = links.last
        while let current = link { matched.insert(current.cell); link = current.previous }
        return matched
    }
}
