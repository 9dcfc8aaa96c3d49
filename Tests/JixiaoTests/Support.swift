import Foundation
@testable import Jixiao
@testable import JixiaoCheck

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

    /// The example site built once, for the tests that read its pages and files (none writes to it).
    static let output: URL = {
        let output = Scratch.folder("example-site").appendingPathComponent("public")
        _ = Pipeline.build(root: root, output: output)
        return output
    }()

    /// A file of the built example site, as text.
    static func page(_ path: String) throws -> String {
        try String(contentsOf: output.appendingPathComponent(path), encoding: .utf8)
    }
}

/// Temporary folders for tests that write, in one folder per test process, removed when the process exits
/// (and, when one was killed, by the next run).
enum Scratch {
    private static let prefix = "jixiao-tests-"

    private static let root: URL = {
        let temporary = FileManager.default.temporaryDirectory
        for name in (try? FileManager.default.contentsOfDirectory(atPath: temporary.path)) ?? [] where name.hasPrefix(prefix) {
            if let process = Int32(name.dropFirst(prefix.count)), kill(process, 0) != 0, errno == ESRCH {
                try? FileManager.default.removeItem(at: temporary.appendingPathComponent(name))
            }
        }
        atexit {
            try? FileManager.default.removeItem(at: FileManager.default.temporaryDirectory.appendingPathComponent("jixiao-tests-\(getpid())"))
        }
        return temporary.appendingPathComponent(prefix + String(getpid()))
    }()

    static func folder(_ name: String = #function) -> URL {
        let url = root.appendingPathComponent(name.filter { $0.isLetter || $0.isNumber } + "-" + UUID().uuidString)
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// A copy of a fixture site, to change.
    static func copy(of fixture: String, _ name: String = #function) throws -> URL {
        let url = folder(name).appendingPathComponent(fixture)
        try FileManager.default.copyItem(at: Fixtures.url(fixture), to: url)
        return url
    }

    /// Every regular file below a folder, by relative path, with its bytes.
    static func tree(_ url: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        let base = url.standardizedFileURL.path
        guard let walker = FileManager.default.enumerator(atPath: base) else { return [:] }
        for case let path as String in walker {
            var isFolder: ObjCBool = false
            let full = base + "/" + path
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = FileManager.default.contents(atPath: full)
            }
        }
        return files
    }
}
