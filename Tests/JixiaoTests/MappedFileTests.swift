import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoLoad
@testable import JixiaoModel
@testable import JixiaoSystem

/// The model file is read mapped into memory, not copied: the bytes are the file's, and what was read
/// from them (projects whose indicators stay bytes until asked for) stays sound after the reader is gone
/// and the file is replaced by the next build.
@Suite struct MappedFileTests {
    @Test func aMappedFileHoldsItsBytes() throws {
        let folder = Scratch.folder()
        var random = FrontMatterDifferentialTests.Generator(state: 20261201)
        for length in [0, 1, 4095, 4096, 4097, 100_000] {
            let bytes = (0 ..< length).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            let file = folder.appendingPathComponent("f\(length)")
            try Data(bytes).write(to: file)
            guard case let .success(mapped) = FileRead.mapped(file.path) else {
                Issue.record("\(length) bytes: not mapped")
                continue
            }
            let store = ByteStore(unchangingBuffer: mapped.bytes, release: mapped.release)
            #expect(store.withBytes { Array($0) } == bytes, "\(length) bytes")
            #expect(store.withBytes(length / 2 ..< length) { Array($0) } == Array(bytes[(length / 2)...]))
        }
        #expect(Self.failure(folder.path) == .folder)
        #expect(Self.failure(folder.appendingPathComponent("missing").path) == .system(code: ENOENT))
        #expect(ByteStore([1, 2, 3]).withBytes { Array($0) } == [1, 2, 3] && ByteStore([]).count == 0)
    }

    private static func failure(_ path: String) -> FileRead.Failure? {
        if case let .failure(failure) = FileRead.mapped(path) { return failure }
        return nil
    }

    /// Projects read from a model file keep its bytes: their indicators decode, the same as parsed, after
    /// the cache that read them is gone and another file has taken the model file's name.
    @Test func projectsOutliveTheModelFileTheyWereReadFrom() throws {
        let (root, output) = try ModelFileTests.generatedSite()
        #expect(BuildCacheTests.build(root, output).succeeded)
        let model = output.appendingPathComponent(LoadCache.fileName)
        var projects: [String: Project] = [:]
        do {
            let cache = LoadCache()
            #expect(cache.read(file: model.path, binary: BuildCache.binary))
            for (path, entry) in cache.snapshot() { projects[path] = entry.projects.first }
        }
        #expect(projects.count == 40)
        // Replaced as a build replaces it: another file renamed over it.
        let other = output.appendingPathComponent("other")
        try Data(repeating: 0, count: 16).write(to: other)
        #expect(rename(other.path, model.path) == 0)
        let parsed = LoadCache()
        _ = SiteLoader(root: root, cache: parsed).loadAll()
        for (path, entry) in parsed.snapshot() {
            let project = try #require(projects[path], "\(path)")
            guard case .encoded = project.indicatorStore else {
                Issue.record("\(path): indicators decoded at once")
                continue
            }
            let again = try #require(entry.projects.first)
            #expect(project.indicators.count == again.indicators.count && !project.indicators.isEmpty, "\(path)")
            #expect(String(describing: project.indicators) == String(describing: again.indicators), "\(path)")
        }
    }
}
