import Foundation
import JixiaoModel

/// Published single-project forms, one after another: project goal tables (绩效目标表, `GoalForm`) and
/// self-evaluation sheets (绩效自评表, `SelfEvaluationForm`), from a text dump (tab-separated cells, or one
/// cell a line) or from the rows of a worksheet. Each form is read by the reader its indicator header
/// calls for (a 实际完成值 column makes it a self-evaluation). What comes before the first form is read as
/// the department's own goals (`UnitGoals`).
///
/// The unit is the budget unit the forms name above their labels (`436001玉田县工业和信息化局本级`: code
/// and name, without 本级), else the 主管部门 most forms give (without `(部门)`).
package enum PublishedForms {
    /// Whether a text dump holds such forms.
    package static func recognizes(_ text: String) -> Bool { recognizes(rows: FormRows.dump(text)) }

    /// Whether rows hold such forms: a form title (…绩效目标表, …绩效自评表) or a 项目名称 or 项目编码 label with
    /// its value, and below it an indicator header (一级指标 or 二级指标, 三级指标, 指标值). A long table, whose
    /// header row names 项目名称 beside the indicator columns, is not one.
    package static func recognizes(rows: FormRows) -> Bool {
        guard let label = rows.rows.firstIndex(where: { row in
            FormSections.title(row) != nil || IndicatorColumns.header(row) == nil
                && row.labelled.contains { [.name, .code, .unitName].contains($0.label) && $0.value != nil }
        }) else { return false }
        guard let header = FormIndicators.headerIndex(rows.rows[(label + 1)...]) else { return false }
        // A summary table, one project a row block, names 项目名称 as a column of its header.
        return !header.columns.titles.values.contains { FormLabel.of($0) == .name }
    }

    package static func read(_ text: String, file: String) -> DraftSet {
        read(rows: FormRows.dump(text), file: file)
    }

    package static func read(rows source: FormRows, file: String) -> DraftSet {
        var set = DraftSet()
        let sections = FormSections.split(source.rows)
        if sections.forms.isEmpty || !recognizes(rows: source) {
            set.notes.append(.error(.layoutIncomplete, "no project form: no form title, 项目名称 or 项目编码 label with its value above an indicator header", at: SourceLocation(file: file)))
            return set
        }
        var goals = UnitGoals(file: file)
        goals.read(sections.preamble)
        set.unitGoal = goals.goal
        set.unitTargets = goals.targets
        set.unitMeasures = goals.measures
        set.notes += goals.notes

        var budgetUnits: [(code: String, name: String)] = []
        for rows in sections.forms {
            let header = FormIndicators.headerIndex(rows)
            let isSelfEvaluation = header?.columns.has(.actual) ?? rows.contains { FundsTable.header($0)?.columns[.spent] != nil }
            let result = MonitoringForm.recognizes(rows, header: header?.columns) ? MonitoringForm.read(rows, source: source, file: file)
                : isSelfEvaluation ? SelfEvaluationForm.read(rows, source: source, file: file)
                : GoalForm.read(rows, source: source, file: file)
            set.notes += result.notes
            if let unit = result.budgetUnit { budgetUnits.append(unit) }
            guard let draft = result.draft else { continue }
            if !Self.isDepartmentWide(rows) {
                set.projects.append(draft)
            } else if let overall = set.overall {
                set.notes.append(.warning(.rowSkipped, "department-wide sheet not read: the sheet of \(overall.location.file):\(overall.location.line) is read already; "
                    + "a unit has one", at: draft.location))
            } else {
                set.overall = draft
            }
        }
        if let unit = budgetUnits.first {
            set.unitCode = unit.code
            set.unitName = Self.unitName(unit.name, dropping: ["本级"])
        } else if let department = mostCommon(set.projects.compactMap(\.department)) {
            set.unitName = Self.unitName(department, dropping: ["(部门)", "（部门）"])
        }
        if set.unitName == nil, let overall = set.overall { set.unitName = overall.name }
        let units = (set.projects + (set.overall.map { [$0] } ?? [])).compactMap(\.moneyUnit)
        set.moneyUnit = mostCommon(units)
        return set
    }

    /// Whether a form is a department's own sheet (部门整体支出绩效目标表 or 自评表): its title says 整体, or
    /// it names a 部门名称 or 单位名称 and no 项目名称.
    static func isDepartmentWide(_ rows: ArraySlice<FormRow>) -> Bool {
        if rows.contains(where: { FormSections.title($0).map { $0.contains("整体") } ?? false }) { return true }
        return rows.contains { $0.has(.unitName) } && !rows.contains { $0.has(.name) }
    }

    /// A unit's name without the suffix that names its level.
    static func unitName(_ name: String, dropping suffixes: [String]) -> String {
        for suffix in suffixes where name.hasSuffix(suffix) && name.count > suffix.count {
            return String(name.dropLast(suffix.count))
        }
        return name
    }

    /// The value most items give; the first of them on a tie.
    static func mostCommon(_ values: [String]) -> String? {
        var counts: [String: Int] = [:]
        for value in values { counts[value, default: 0] += 1 }
        return values.first { counts[$0] == counts.values.max() }
    }
}
