import CSV
import Foundation
import JixiaoModel

/// A long table of projects (content-format.md, "Table sources"): one row per indicator, the project
/// columns repeated or left empty on continuation rows, headers in Chinese as published.
package enum LongTable {
    /// The recognised columns, by every header spelling, and the field each one fills.
    enum Column: String, CaseIterable {
        case name, code, department, implementer, category, total, fiscal, other, budget, spent, goal
        case level1, level2, indicator, nature, direction, target, unit, weight, actual, score, reason, note

        var headers: [String] {
            switch self {
            case .name: ["项目名称"]
            case .code: ["项目编码"]
            case .department: ["主管部门"]
            case .implementer: ["实施单位", "项目实施单位"]
            case .category: ["项目类别"]
            case .total: ["资金总额", "预算数", "年初预算数", "金额", "项目金额", "预算金额"]
            case .fiscal: ["财政拨款", "财政拨款数", "当年财政拨款"]
            case .other: ["其他资金", "非财政拨款", "非财政拨款数"]
            case .budget: ["全年预算数"]
            case .spent: ["全年执行数"]
            case .goal: ["年度目标", "年度绩效目标", "绩效目标"]
            case .level1: ["一级指标"]
            case .level2: ["二级指标"]
            case .indicator: ["三级指标"]
            case .nature: ["指标性质"]
            case .direction: ["指标方向"]
            case .target: ["目标值", "指标值", "年度指标值", "年度目标值"]
            case .unit: ["计量单位", "度量单位"]
            case .weight: ["分值", "权重"]
            case .actual: ["实际完成值"]
            case .score: ["得分"]
            case .reason: ["偏差原因", "偏差原因分析及改进措施"]
            case .note: ["备注"]
            }
        }

        /// The column a header cell names (spaces, a BOM and a parenthesised unit such as `（万元）` aside).
        static func named(_ title: String) -> Column? {
            let clean = TableHeader.clean(title)
            guard !clean.isEmpty else { return nil }
            let bare = clean.replacingOccurrences(of: #"[（(][^）)]*[)）]"#, with: "", options: .regularExpression)
            return lookup[clean] ?? lookup[bare]
        }

        private static let lookup: [String: Column] = {
            var table: [String: Column] = [:]
            for column in allCases {
                for header in column.headers where table[header] == nil { table[header] = column }
            }
            return table
        }()

        /// The draft's field a project column fills on continuation rows (not the name and code, which
        /// decide where a project starts).
        var draftField: WritableKeyPath<ProjectDraft, String?>? {
            switch self {
            case .department: \.department
            case .implementer: \.implementer
            case .category: \.category
            case .total: \.total
            case .fiscal: \.fiscal
            case .other: \.other
            case .budget: \.budget
            case .spent: \.spent
            case .goal: \.goal
            default: nil
            }
        }

        /// The content-file field a column fills, for locations.
        var field: String {
            switch self {
            case .total: "funds.total"
            case .fiscal: "funds.fiscal"
            case .other: "funds.other"
            case .budget: "funds.total.budget"
            case .spent: "funds.total.spent"
            case .indicator: "name"
            default: rawValue
            }
        }
    }

    /// Headings of columns that are known and not data: the row's number, the unit's code.
    static let ignoredHeadings: Set<String> = ["序号", "单位编码", "编号", "行次"]

    static let projectColumns: [Column] = [.name, .code, .department, .implementer, .category, .total, .fiscal, .other,
                                           .budget, .spent, .goal]

    /// Reads a CSV file's bytes (UTF-8 or GB18030) into a grid of fields.
    package static func csvRows(_ data: Data, file: String) -> Result<[[String]], Diagnostic> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        guard let (text, _) = TextDecoding.decode(data) else {
            if let (row, column, encoding) = CSVText.firstRowInAnotherEncoding(bytes) {
                return .failure(.error(.tableEncoding, "row \(row) is not \(encoding.rawValue) text like the rows above it: the table mixes encodings; save it in one (UTF-8)",
                                       at: SourceLocation(file: file, line: row, column: column)))
            }
            return .failure(.error(.tableEncoding, "the table is neither UTF-8 nor GB18030 text", at: SourceLocation(file: file)))
        }
        // A quote that never closes would swallow the rest of the table into one cell.
        if let (row, column) = CSVText.records(bytes).unterminated {
            return .failure(.error(.invalidCSV, "unterminated quote: the quoted cell that starts here has no closing \"", at: SourceLocation(file: file, line: row, column: column)))
        }
        do {
            let reader = try CSVReader(string: text)
            var rows: [[String]] = []
            while let row = reader.next() { rows.append(row) }
            if let error = reader.error {
                return .failure(.error(.invalidCSV, "the table is not valid CSV: \(error)", at: SourceLocation(file: file, line: rows.count + 1)))
            }
            return .success(rows)
        } catch {
            return .failure(.error(.invalidCSV, "the table is not valid CSV: \(error)", at: SourceLocation(file: file)))
        }
    }

    /// Turns rows into drafts: title rows and the header (found among the first rows), then one row
    /// per indicator; a 合计 row gives the published total, 注/说明 rows below the table the unit's note.
    /// Locations are `file:row:column`.
    package static func drafts(_ rows: [[String]], file: String, hidden: Set<Int> = []) -> DraftSet {
        var set = DraftSet()
        guard rows.contains(where: { $0.contains { !TableHeader.clean($0).isEmpty } }) else {
            set.notes.append(.error(.emptyTable, "the table is empty: it needs a header row", at: SourceLocation(file: file)))
            return set
        }
        // Nothing is read from a table with a control character in a cell (a line break in a cell is fine).
        for (row, cells) in rows.enumerated() {
            for (column, cell) in cells.enumerated() {
                guard let scalar = cell.unicodeScalars.first(where: ControlCharacters.isRefused) else { continue }
                set.notes.append(.error(.tableControlCharacter, "control character \(ControlCharacters.name(scalar)) in this cell: a table may hold tabs and line breaks, but no other control characters",
                                        at: SourceLocation(file: file, line: row + 1, column: column + 1)))
                return set
            }
        }
        guard let header = TableHeader.find(rows) else {
            set.notes.append(.error(.missingColumn, "no header row: none of the first \(TableHeader.searchedRows) rows names the columns "
                + "项目名称, 三级指标 and 目标值 (or their other spellings)", at: SourceLocation(file: file, line: 1)))
            return set
        }
        let columns = header.columns
        set.moneyUnit = header.moneyUnit
        set.unitName = header.unitName
        for (row, text) in header.titles {
            set.notes.append(.note(.readWithChange, "title row: \(Excerpt.of(text))\(header.unitName.map { text.contains($0) ? " (the unit: \($0))" : "" } ?? "")", at: SourceLocation(file: file, line: row + 1)))
        }
        for (index, title) in header.unknown {
            set.notes.append(.warning(.ignoredColumn, "column `\(Excerpt.of(title))` is not one jixiao reads; its values are ignored", at: SourceLocation(file: file, line: header.row + 1, column: index + 1)))
        }
        for required in [Column.name, .indicator, .target] where columns[required] == nil {
            set.notes.append(.error(.missingColumn, "the table has no column \(required.headers.joined(separator: " / "))", at: SourceLocation(file: file, line: header.row + 1)))
        }
        guard set.notes.allSatisfy({ $0.severity != .error }) else { return set }

        var afterTable = false
        for (offset, row) in rows.enumerated().dropFirst(header.dataStart).map({ ($0.offset - 1, $0.element) }) {
            let line = offset + 2
            func cell(_ column: Column) -> String? {
                guard let index = columns[column], index < row.count else { return nil }
                let value = row[index].trimmingCharacters(in: .whitespacesAndNewlines)
                return value.isEmpty ? nil : value
            }
            func at(_ column: Column) -> SourceLocation {
                SourceLocation(file: file, line: line, column: (columns[column] ?? 0) + 1)
            }
            if row.allSatisfy({ $0.trimmingCharacters(in: .whitespaces).isEmpty }) { continue }
            let firstText = row.first { !TableHeader.clean($0).isEmpty }.map(TableHeader.clean) ?? ""
            if hidden.contains(offset + 1) {
                set.notes.append(.warning(.rowSkipped, "row skipped: it is hidden in the workbook", at: SourceLocation(file: file, line: line)))
                continue
            }
            if ["合计", "总计", "合计金额", "总合计"].contains(cell(.name).map(TableHeader.clean) ?? firstText) {
                if let total = cell(.total) {
                    set.unitTotal = total
                    set.notes.append(.note(.readWithChange, "the 合计 row: \(total) read as the unit's published 合计 (total), not as a project", at: at(.total)))
                } else {
                    set.notes.append(.warning(.rowSkipped, "row skipped: a 合计 row without an amount in the 资金总额 column", at: SourceLocation(file: file, line: line)))
                }
                afterTable = true
                continue
            }
            if Self.isNote(firstText) || (afterTable && cell(.indicator) == nil) {
                let text = row.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }.reduce(into: [String]()) { kept, cell in
                    if kept.last != cell { kept.append(cell) }  // a note merged across the row reads once
                }.joined(separator: " ")
                set.unitNote = set.unitNote.map { $0 + "\n\n" + text } ?? text
                set.notes.append(.note(.readWithChange, "a note below the table, kept as the unit's note: \(Excerpt.of(text))", at: SourceLocation(file: file, line: line)))
                afterTable = true
                continue
            }
            // A new project starts where a name or code appears that differs from the current one's.
            let name = cell(.name), code = cell(.code)
            let current = set.projects.last
            if (name != nil && name != current?.name) || (code != nil && code != current?.code) || current == nil {
                guard let name = name ?? (code != nil ? nil : current?.name) else {
                    let reason = code.map { "it starts a project (项目编码 \($0)) but has no 项目名称" } ?? "it has no 项目名称 and no project starts above it"
                    set.notes.append(.warning(.rowSkipped, "row skipped: \(reason)", at: code == nil ? at(.name) : at(.code)))
                    continue
                }
                var draft = ProjectDraft(name: name, location: at(.name))
                draft.code = code
                draft.department = cell(.department)
                draft.implementer = cell(.implementer)
                draft.category = cell(.category)
                draft.total = cell(.total)
                draft.fiscal = cell(.fiscal)
                draft.other = cell(.other)
                draft.budget = cell(.budget)
                draft.spent = cell(.spent)
                draft.goal = cell(.goal)
                for column in projectColumns where cell(column) != nil {
                    draft.fieldLocations[column.field] = at(column)
                }
                set.projects.append(draft)
            } else {
                // A continuation row: a project cell left empty above is taken; one that differs is not.
                let last = set.projects.count - 1
                for column in projectColumns {
                    guard let field = column.draftField, let value = cell(column) else { continue }
                    if let kept = set.projects[last][keyPath: field] {
                        if kept != value {
                            set.notes.append(.warning(.cellDiffers, "\(column.headers[0]) \"\(Excerpt.of(value))\" ignored: it differs from the project's on an earlier row (\"\(Excerpt.of(kept))\"); a project's columns are read once", at: at(column)))
                        }
                    } else {
                        set.projects[last][keyPath: field] = value
                        set.projects[last].fieldLocations[column.field] = at(column)
                    }
                }
            }
            guard let indicatorName = cell(.indicator) else {
                let indicatorColumns = Column.allCases.filter { !projectColumns.contains($0) && $0 != .indicator }
                if indicatorColumns.contains(where: { cell($0) != nil }) {
                    set.notes.append(.warning(.rowSkipped, "row skipped: it has no 三级指标 (indicator name)", at: at(.indicator)))
                }
                continue
            }
            var target = cell(.target) ?? ""
            if let direction = cell(.direction), let signed = TargetDirection.signed(target, direction: direction) {
                target = signed
            }
            let previous = set.projects[set.projects.count - 1].indicators.last
            var indicator = IndicatorDraft(
                level1: cell(.level1) ?? previous?.level1 ?? "", level2: cell(.level2) ?? previous?.level2 ?? "",
                name: indicatorName, target: target, location: at(.indicator), unit: cell(.unit), nature: cell(.nature),
                weight: cell(.weight), actual: cell(.actual), score: cell(.score), reason: cell(.reason))
            indicator.note = cell(.note)
            for column in [Column.level1, .level2, .target, .unit, .nature, .weight, .actual, .score, .reason, .note] where cell(column) != nil {
                indicator.fieldLocations[column.field] = at(column)
            }
            set.projects[set.projects.count - 1].indicators.append(indicator)
        }
        return set
    }

    /// `注：…`, `说明：…`, `填表说明` …: a note below the table.
    static func isNote(_ text: String) -> Bool {
        ["注：", "注:", "注1", "说明：", "说明:", "填表说明", "备注：", "备注:", "附注"].contains { text.hasPrefix($0) }
    }
}
