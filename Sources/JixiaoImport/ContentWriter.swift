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
        for (draft, name) in zip(set.projects, names) {
            if save(name + ".md", projectText(draft, moneyUnit: set.unitName == nil ? set.moneyUnit : nil), origin: draft.location, into: &outcome) {
                outcome.projects += 1
                outcome.indicators += draft.indicators.count
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

    func unitText(_ set: DraftSet, name: String, order: [String] = []) -> String {
        let unit = FieldSet.unit
        var text = "---\n" + YAMLText.field("name", name, of: unit)
        if let code = set.unitCode { text += YAMLText.field("code", code, of: unit) }
        if let money = set.moneyUnit { text += YAMLText.field("money_unit", money, of: unit) }
        if let total = set.unitTotal { text += "# 合计 as published\n" + YAMLText.field("total", total, of: unit) }
        if let note = set.unitNote {
            // The notes printed below the table become the unit's text, after the front matter.
            return text + orderText(order) + "---\n" + note + "\n"
        }
        return text + orderText(order) + "---\n"
    }

    private func orderText(_ order: [String]) -> String {
        guard !order.isEmpty else { return "" }
        return "# the projects in the order of the source\norder:\n" + order.map { "  - " + YAMLText.scalar($0) + "\n" }.joined()
    }

    func projectText(_ draft: ProjectDraft, moneyUnit: String?) -> String {
        var text = "---\n"
        text += "# imported from \(draft.location.file):\(draft.location.line)\n"
        let project = FieldSet.project, funds = FieldSet.funds, line = FieldSet.fundLine, row = FieldSet.indicator
        text += YAMLText.field("name", draft.name, of: project)
        for (key, value) in [("code", draft.code), ("department", draft.department), ("implementer", draft.implementer),
                             ("category", draft.category), ("money_unit", draft.moneyUnit ?? moneyUnit)]
        {
            if let value { text += YAMLText.field(key, value, of: project) }
        }
        text += "funds:\n"
        if let fiscal = draft.fiscal { text += YAMLText.field("fiscal", fiscal, of: funds, indent: 2) }
        if let other = draft.other { text += YAMLText.field("other", other, of: funds, indent: 2) }
        if draft.budget != nil || draft.spent != nil {
            text += "  total:\n"
            if let total = draft.total { text += YAMLText.field("initial", total, of: line, indent: 4) }
            if let budget = draft.budget { text += YAMLText.field("budget", budget, of: line, indent: 4) }
            if let spent = draft.spent { text += YAMLText.field("spent", spent, of: line, indent: 4) }
        } else if let total = draft.total {
            text += YAMLText.field("total", total, of: funds, indent: 2)
        }
        if let goal = draft.goal { text += YAMLText.field("goal", goal, of: project) }
        text += "indicators:\n"
        for indicator in draft.indicators {
            text += "  - " + YAMLText.field("level1", indicator.level1, of: row, indent: 4).dropFirst(4)
            text += YAMLText.field("level2", indicator.level2, of: row, indent: 4)
            text += YAMLText.field("name", indicator.name, of: row, indent: 4)
            text += YAMLText.field("target", indicator.target, of: row, indent: 4)
            for (key, value) in [("unit", indicator.unit), ("nature", indicator.nature), ("weight", indicator.weight), ("note", indicator.note),
                                 ("actual", indicator.actual), ("score", indicator.score), ("reason", indicator.reason)]
            {
                if let value { text += YAMLText.field(key, value, of: row, indent: 4) }
            }
        }
        return text + "---\n"
    }
}
