import JixiaoModel
import JixiaoTables

extension DraftSet {
    /// The drafts of several files as one set, projects in file order. The unit (name, code, money unit,
    /// 合计, goals and measures) comes from the first file that gives it; a file that gives another name, code or 合计 is noted.
    /// Every project carries its file's money unit, so that its file says it whatever `_unit.md` says.
    static func combined(_ sources: [(file: String, set: DraftSet)]) -> DraftSet {
        var result = DraftSet()
        var origin: [String: String] = [:]
        func take(_ value: String?, _ key: String, from file: String, into field: inout String?, notes: inout [Diagnostic]) {
            guard let value else { return }
            guard let kept = field else {
                field = value
                origin[key] = file
                return
            }
            if kept != value {
                notes.append(.warning(.notCombined, "\(FieldSet.unit.name(key)) \(Excerpt.of(value)) is not written: _unit.md takes \(Excerpt.of(kept)) from \(origin[key] ?? "the first file")",
                                      at: SourceLocation(file: file)))
            }
        }
        for (file, set) in sources {
            var notes = set.notes
            take(set.unitName, "name", from: file, into: &result.unitName, notes: &notes)
            take(set.unitCode, "code", from: file, into: &result.unitCode, notes: &notes)
            result.moneyUnit = result.moneyUnit ?? set.moneyUnit
            take(set.unitTotal, "total", from: file, into: &result.unitTotal, notes: &notes)
            take(set.unitGoal, "goal", from: file, into: &result.unitGoal, notes: &notes)
            take(set.unitMeasures, "measures", from: file, into: &result.unitMeasures, notes: &notes)
            if !set.unitTargets.isEmpty {
                if result.unitTargets.isEmpty {
                    result.unitTargets = set.unitTargets
                    origin["targets"] = file
                } else if result.unitTargets.map(\.name) != set.unitTargets.map(\.name) {
                    notes.append(.warning(.notCombined, "\(FieldSet.unit.name("targets")) of this file are not written: _unit.md takes those of \(origin["targets"] ?? "the first file")",
                                          at: SourceLocation(file: file)))
                }
            }
            if let overall = set.overall {
                if result.overall == nil {
                    result.overall = overall
                    origin["overall"] = file
                } else {
                    notes.append(.warning(.notCombined, "\(FieldSet.unit.name("overall")) of this file is not written: _unit.md takes the one of \(origin["overall"] ?? "the first file")",
                                          at: overall.location))
                }
            }
            if let note = set.unitNote { result.unitNote = result.unitNote.map { $0 + "\n\n" + note } ?? note }
            result.projects += set.projects.map { draft in
                var draft = draft
                draft.moneyUnit = draft.moneyUnit ?? set.moneyUnit
                return draft
            }
            result.notes += notes
        }
        if result.unitName == nil, result.unitGoal != nil || !result.unitTargets.isEmpty || result.unitMeasures != nil {
            let file = origin["goal"] ?? origin["targets"] ?? origin["measures"] ?? ""
            result.notes.append(.warning(.notCombined, "the department's goals (\(FieldSet.unit.label("goal")!), \(FieldSet.unit.label("targets")!), \(FieldSet.unit.label("measures")!)) "
                + "are not written: the source names no unit, so no _unit.md is written", at: SourceLocation(file: file)))
        }
        if result.unitName == nil, let total = result.unitTotal {
            result.notes.append(.warning(.notCombined, "\(FieldSet.unit.name("total")) \(total) is not written: the source names no unit, so no _unit.md is written",
                                         at: SourceLocation(file: origin["total"] ?? "")))
        }
        return result
    }
}
