import Foundation
import JixiaoModel

extension LegacyDumpReader {
    // MARK: Drafts

    static func joinGoal(_ parts: [String]) -> String {
        parts.reduce("") { text, part in
            guard let last = text.last, let first = part.first else { return text + part }
            return text + (last.isASCII && last.isLetter && first.isASCII && first.isLetter ? " " : "") + part
        }
    }

    mutating func build(_ rows: [TableRow], owners: [Int?], partners: [[Int?]], entries: [ListEntry], others: [Block]) {
        var drafts = entries.map { entry -> ProjectDraft in
            var draft = ProjectDraft(name: entry.name.text, location: at(entry.line, entry.name))
            draft.fieldLocations["name"] = at(entry.line, entry.name)
            if let category = entry.category {
                draft.category = category.text
                draft.fieldLocations["category"] = at(entry.line, category)
            }
            if let code = entry.code {
                draft.code = code.text
                draft.fieldLocations["code"] = at(entry.line, code)
            }
            if let unit = entry.unit {
                let name = Self.splitUnit(unit.text).name
                if name != set.unitName {
                    draft.implementer = name
                    draft.fieldLocations["implementer"] = at(entry.line, unit)
                }
            }
            return draft
        }
        var goals = [[DumpCell]](repeating: [], count: entries.count)
        var goalLines = [[Int]](repeating: [], count: entries.count)

        for (index, row) in rows.enumerated() {
            guard let owner = owners[index] else {
                warn("row skipped: it belongs to no project of the list (\(row.line.shown))", at(row.line.number))
                continue
            }
            let project = entries[owner].name.text
            if let budget = row.budget {
                drafts[owner].total = Self.amount(budget.text)
                drafts[owner].fieldLocations["funds.total"] = at(row.line, budget)
            }
            if !row.goal.isEmpty {
                goals[owner] += row.goal
                goalLines[owner].append(row.line.number)
                if drafts[owner].fieldLocations["goal"] == nil { drafts[owner].fieldLocations["goal"] = at(row.line, row.goal[0]) }
            }

            // The row's cells in every block.
            var values = row.values
            var lineOf: [LongTable.Column: Int] = [:]
            var missing: [Block] = []
            for (b, block) in others.enumerated() {
                if let partner = partners[b][index] {
                    for (column, cell) in Self.values(block.rows[partner], block) where values[column] == nil || values[column]!.text.isEmpty {
                        values[column] = cell
                        lineOf[column] = block.rows[partner].number
                    }
                } else {
                    missing.append(block)
                }
            }
            func text(_ column: LongTable.Column) -> String? {
                guard let value = values[column]?.text, !value.isEmpty else { return nil }
                return value
            }
            func location(_ column: LongTable.Column) -> SourceLocation? {
                guard let cell = values[column] else { return nil }
                return at(lineOf[column] ?? row.line.number, cell.column)
            }

            let hasIndicatorCells = [LongTable.Column.indicator, .target, .direction, .nature, .unit, .weight].contains { text($0) != nil }
            guard hasIndicatorCells else {
                if row.kind == .indicator {
                    let names = missing.map(\.shown).joined(separator: ", ")
                    warn("row of \(project) skipped: its 一级指标/二级指标 (\(row.level1?.text ?? "")/\(row.level2?.text ?? "")) match no row of the block at \(names)", at(row.line.number))
                } else if row.kind == .label {
                    warn("line \(row.line.number) holds only 预算数/年度绩效目标 of \(project), on a line of its own: taken as the project's heading, not as an indicator row (no row of the other blocks matches it)", at(row.line.number))
                }
                continue
            }
            guard let name = text(.indicator) else {
                warn("row of \(project) skipped: it has no 三级指标 (\(row.line.shown))", location(.target) ?? at(row.line.number))
                continue
            }
            let target = Self.target(direction: text(.direction), value: text(.target))
            guard !target.isEmpty else {
                warn("indicator \(name) of \(project) skipped: it has no 目标值", location(.indicator) ?? at(row.line.number))
                continue
            }
            if let direction = text(.direction), let value = text(.target), Target(parsing: value).isQualitative {
                warn("指标方向 \(direction) of \(name) (\(project)) is ignored: its 目标值 \(value) is no number", location(.direction) ?? at(row.line.number))
            }

            var level1 = row.level1, level2 = row.level2
            var levelLine = row.line.number
            if level1 == nil || level2 == nil {
                let sameProject = rows.indices.filter { owners[$0] == owner && $0 != index && rows[$0].level1 != nil && rows[$0].level2 != nil }
                if let donor = sameProject.first(where: { $0 > index }) ?? sameProject.last(where: { $0 < index }) {
                    level1 = level1 ?? rows[donor].level1
                    level2 = level2 ?? rows[donor].level2
                    levelLine = rows[donor].line.number
                    warn("line \(row.line.number) (\(project), 三级指标 \(name)) has no 一级指标/二级指标: assumed \(level1!.text)/\(level2!.text) from line \(levelLine), the nearest row of the same project", at(row.line.number))
                } else {
                    warn("indicator \(name) of \(project) skipped: it has no 一级指标/二级指标 and no other row of the project has them", location(.indicator) ?? at(row.line.number))
                    continue
                }
            }
            for block in missing {
                let names = block.columns.compactMap { $0?.headers.first }.joined(separator: ", ")
                warn("indicator \(name) of \(project) (line \(row.line.number)) has no row in the block at \(block.shown): kept without \(names)", location(.indicator) ?? at(row.line.number))
            }

            var unit = text(.unit)
            if let written = unit, Self.targetHasUnit(target, written) { unit = nil }
            var indicator = IndicatorDraft(
                level1: level1!.text, level2: level2!.text, name: name, target: target,
                location: location(.indicator) ?? at(row.line.number), unit: unit, nature: text(.nature),
                weight: text(.weight).map { Self.amount($0) ?? $0 }, actual: text(.actual), score: text(.score), reason: text(.reason))
            indicator.fieldLocations["level1"] = at(levelLine, level1!.column)
            indicator.fieldLocations["level2"] = at(levelLine, level2!.column)
            for (column, field) in [(LongTable.Column.target, "target"), (.nature, "nature"), (.weight, "weight"), (.actual, "actual"),
                                    (.score, "score"), (.reason, "reason")] where text(column) != nil
            {
                indicator.fieldLocations[field] = location(column)
            }
            if unit != nil { indicator.fieldLocations["unit"] = location(.unit) }
            drafts[owner].indicators.append(indicator)
        }

        for (owner, parts) in goals.enumerated() where !parts.isEmpty {
            drafts[owner].goal = Self.joinGoal(parts.map(\.text))
            if goalLines[owner].count > 1 {
                let shown = goalLines[owner].map(String.init).joined(separator: ", ")
                warn("年度绩效目标 of \(entries[owner].name.text) is split over lines \(shown); joined", at(goalLines[owner][0]))
            }
        }
        for (owner, draft) in drafts.enumerated() where draft.total == nil {
            warn("\(draft.name) has no 预算数 in the column blocks", at(entries[owner].line.number))
        }
        set.projects = drafts
    }

    /// 指标方向 and 目标值 as one target: `大于等于` + `10` → `≥10`; qualitative values as written.
    static func target(direction: String?, value: String?) -> String {
        guard let value else { return "" }
        guard let direction, let comparison = Comparison.allCases.first(where: { $0.chinese == direction || $0.rawValue == direction }),
              Target(parsing: value).comparison == .equal, !value.hasPrefix("=") && !value.hasPrefix("等于")
        else { return value }
        return comparison.rawValue + value
    }

    /// Whether the target already says its unit (`4次` with 计量单位 `次`).
    static func targetHasUnit(_ target: String, _ unit: String) -> Bool {
        if let written = Target(parsing: target).unit { return written == Target.normalizedUnit(unit) }
        return target.hasSuffix(unit)
    }
}
