import Foundation
import JixiaoModel
import JixiaoTables

/// Writes drafts as content files: one project file each, and `_unit.md` when the source names the unit.
package struct ContentWriter {
    struct Outcome {
        /// File names written, `_unit.md` first when it was.
        var written: [String] = []
        /// Files not written because they exist (without `force`), one warning each.
        var refused: [Diagnostic] = []
        /// Files that could not be written.
        var failed: [Diagnostic] = []
        /// Project files written, and their indicators.
        var projects = 0
        var indicators = 0
        /// The file name (without `.md`) of each project written, by its index in the set.
        var slugs: [Int: String] = [:]
    }

    let folder: URL
    /// Shown in messages: the folder as the user named it.
    let folderName: String
    let force: Bool

    func write(_ set: DraftSet) -> Outcome {
        var outcome = Outcome()
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            outcome.failed.append(.error(.cannotWriteContent, "cannot create the folder: \(error.localizedDescription)", at: SourceLocation(file: folderName)))
            return outcome
        }
        let names = Self.fileNames(set.projects)
        if let name = set.unitName {
            // The source's order, where the file names alone would sort otherwise (codes).
            let order = names.sorted() == names ? [] : names
            save("_unit.md", unitText(set, name: name, order: order), origin: SourceLocation(file: folderName), into: &outcome)
        }
        for (index, (draft, name)) in zip(set.projects, names).enumerated() {
            if save(name + ".md", projectText(draft, moneyUnit: set.unitName == nil ? set.moneyUnit : nil), origin: draft.location, into: &outcome) {
                outcome.projects += 1
                outcome.indicators += draft.indicators.count
                outcome.slugs[index] = name
            }
        }
        return outcome
    }

    /// Each project's file name (without `.md`): its code when that is a usable name, else its number
    /// in the set (`01`, `02` …). A name taken already gets the project's number appended.
    static func fileNames(_ projects: [ProjectDraft]) -> [String] {
        let width = max(2, String(projects.count).count)
        var used: Set<String> = ["_unit"]
        return projects.enumerated().map { index, draft in
            let number = String(index + 1)
            var name = draft.code.flatMap { Names.problem($0) == nil ? $0 : nil }
                ?? String(repeating: "0", count: max(0, width - number.count)) + number
            while used.contains(name) { name += "-\(number)" }
            used.insert(name)
            return name
        }
    }

    @discardableResult
    private func save(_ name: String, _ text: String, origin: SourceLocation, into outcome: inout Outcome) -> Bool {
        let url = folder.appendingPathComponent(name)
        if !force, FileManager.default.fileExists(atPath: url.path) {
            outcome.refused.append(.warning(.notOverwritten, "not written: \(folderName)/\(name) exists (use --force to overwrite)", at: origin))
            return false
        }
        do {
            try Data(text.utf8).write(to: url, options: .atomic)
            outcome.written.append(name)
            return true
        } catch {
            outcome.failed.append(.error(.cannotWriteContent, "cannot write \(folderName)/\(name): \(error.localizedDescription)", at: origin))
            return false
        }
    }
}
