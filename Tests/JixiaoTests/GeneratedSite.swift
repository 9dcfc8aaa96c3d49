import Foundation

/// A site of many small projects, written by the tests that need builds to take a while: the golden
/// fixture's two projects (a goal table and a self-evaluation) copied under new names and codes, in
/// units of 50.
enum GeneratedSite {
    static let goal = fixture("a-goal")
    static let selfEvaluation = fixture("b-self")

    static func fixture(_ name: String) -> String {
        let url = Fixtures.url("golden").appendingPathComponent("content/2023/demo/\(name).md")
        return (try? String(contentsOf: url, encoding: .utf8)) ?? ""
    }

    /// Writes `root/content/` with `projects` projects (every second one evaluated) under the site title
    /// `title`; `skip` leaves out every project whose number it holds.
    static func write(_ root: URL, projects: Int, title: String = "生成的站点", skip: Set<Int> = []) throws {
        let content = root.appendingPathComponent("content")
        try? FileManager.default.removeItem(at: content)
        try FileManager.default.createDirectory(at: content, withIntermediateDirectories: true)
        try Data("title: \(title)\npublisher: 测试财政局\nbase_url: /site/\n".utf8).write(to: content.appendingPathComponent("site.yaml"))
        for unit in 0 ..< (projects + 49) / 50 {
            let folder = content.appendingPathComponent("2023/u\(unit)")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("---\nname: 测试单位\(unit)\ncode: \"9\(unit)\"\nmoney_unit: 万元\n---\n".utf8)
                .write(to: folder.appendingPathComponent("_unit.md"))
            for number in unit * 50 ..< min(projects, unit * 50 + 50) where !skip.contains(number) {
                let text = (number % 2 == 0 ? goal : selfEvaluation)
                    .replacingOccurrences(of: "name: 培训项目", with: "name: 培训项目\(number)")
                    .replacingOccurrences(of: "name: 运维项目", with: "name: 运维项目\(number)")
                    .replacingOccurrences(of: "code: \"A01\"", with: "code: \"P\(number)\"")
                    .replacingOccurrences(of: "code: \"A02\"", with: "code: \"P\(number)\"")
                try Data(text.utf8).write(to: folder.appendingPathComponent("p\(number).md"))
            }
        }
    }
}
