import Foundation
import JixiaoModel

/// A department's own goals, as published before its project forms (部门整体绩效目标): headed sections
/// `一、总体绩效目标` (the overall goal), `二、分项绩效目标` (item goals: `（一）name`, `绩效目标：…`,
/// `绩效指标：name` with one more indicator name a line) and `三、工作保障措施` (measures). Lines of other
/// sections, and lines before the first, are listed as not read, except the part titles
/// (`第一部分`, `部门整体绩效目标`).
struct UnitGoals {
    let file: String
    var goal: String?
    var targets: [UnitTargetDraft] = []
    var measures: String?
    var notes: [Diagnostic] = []

    private enum Section { case none, goal, targets, measures, other }
    private var section = Section.none
    /// Inside an item goal: the lines after `绩效指标：` are more indicator names.
    private var readingIndicators = false

    init(file: String) { self.file = file }

    mutating func read(_ rows: ArraySlice<FormRow>) {
        for row in rows {
            for cell in row.filled { read(cell) }
        }
    }

    private mutating func read(_ cell: FormCell) {
        let text = FormText.plain(cell.text)
        guard !text.isEmpty else { return }
        let here = SourceLocation(file: file, line: cell.line, column: cell.column)
        if let heading = Self.heading(text) {
            readingIndicators = false
            section = heading.contains("总体") ? .goal : heading.contains("分项") ? .targets : heading.contains("保障措施") ? .measures : .other
            if section == .other { notes.append(.warning(.rowSkipped, "section \(text) not read: only 总体绩效目标, 分项绩效目标 and 工作保障措施 are", at: here)) }
            return
        }
        // A part title (第二部分) ends the sections; a part's name (部门整体绩效目标) is no content.
        if text.range(of: #"^第[一二三四五六七八九十]+部分$"#, options: .regularExpression) != nil {
            section = .none
            return
        }
        if text.hasSuffix("绩效目标"), section == .none { return }
        switch section {
        case .goal: goal = goal.map { $0 + "\n" + text } ?? text
        case .measures: measures = measures.map { $0 + "\n" + text } ?? text
        case .targets: readTarget(text, at: here)
        case .other: return
        case .none: notes.append(.warning(.rowSkipped, "line not read: it comes before the sections of the department's goals: \(FormText.short(text))", at: here))
        }
    }

    private mutating func readTarget(_ text: String, at here: SourceLocation) {
        if let range = text.range(of: #"^[（(][一二三四五六七八九十]+[)）]\s*"#, options: .regularExpression) {
            readingIndicators = false
            targets.append(UnitTargetDraft(name: Trim.whitespace(String(text[range.upperBound...])), location: here))
            return
        }
        guard !targets.isEmpty else {
            notes.append(.warning(.rowSkipped, "line not read: no item goal (（一）…) comes before it: \(FormText.short(text))", at: here))
            return
        }
        let last = targets.count - 1
        if let goal = Self.after(["绩效目标：", "绩效目标:"], in: text) {
            readingIndicators = false
            targets[last].goal = goal
        } else if let first = Self.after(["绩效指标：", "绩效指标:"], in: text) {
            readingIndicators = true
            if !first.isEmpty { targets[last].indicators.append(first) }
        } else if readingIndicators {
            targets[last].indicators.append(text)
        } else {
            targets[last].goal = targets[last].goal.map { $0 + "\n" + text } ?? text
        }
    }

    /// `一、总体绩效目标` → `总体绩效目标`.
    static func heading(_ text: String) -> String? {
        guard let range = text.range(of: #"^[一二三四五六七八九十]+[、.．]\s*"#, options: .regularExpression) else { return nil }
        return String(text[range.upperBound...])
    }

    static func after(_ prefixes: [String], in text: String) -> String? {
        for prefix in prefixes where text.hasPrefix(prefix) { return Trim.whitespace(String(text.dropFirst(prefix.count))) }
        return nil
    }
}
