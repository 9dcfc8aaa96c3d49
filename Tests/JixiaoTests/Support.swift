import Foundation
@testable import Jixiao

/// Fixture sites live beside the tests, one folder each, with a content/ folder inside.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func url(_ name: String) -> URL { folder.appendingPathComponent(name) }

    static func check(_ name: String) -> CheckedSite { Pipeline.check(root: url(name)) }

    /// The diagnostics of a fixture site, compiler-style, one string each.
    static func diagnostics(_ name: String) -> [String] { check(name).diagnostics.map(\.description) }
}

/// The repository's own example site.
enum ExampleSite {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
}
