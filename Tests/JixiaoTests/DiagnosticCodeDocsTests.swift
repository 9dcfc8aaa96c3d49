import Foundation
import JixiaoModel
import Testing

/// docs/content-format.md lists every diagnostic code with its meaning.
struct DiagnosticCodeDocsTests {
    @Test func everyCodeIsDocumented() throws {
        let docs = try String(contentsOf: ExampleSite.root.appendingPathComponent("docs/content-format.md"), encoding: .utf8)
        for code in DiagnosticCode.all {
            #expect(docs.contains("| \(code) | \(code.meaning) |"), "\(code) is not in docs/content-format.md")
        }
        let documented = docs.split(separator: "\n").filter { $0.hasPrefix("| JX") }.count
        #expect(documented == DiagnosticCode.all.count)
    }
}
