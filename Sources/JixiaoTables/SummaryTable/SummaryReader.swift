import Foundation
import JixiaoModel

struct SummaryReader {
    struct Columns {
        var code: Int?
        var name: Int
        var amount: Int?
        var goal: Int?
        var indicators: Int
        var moneyUnit: String?

        init?(_ header: [String]) {
            guard header.count >= 3 else { return nil }
            func find(_ keys: [String]) -> Int? {
                for key in keys { if let index = header.firstIndex(where: { $0.contains(key) }) { return index } }
                return nil
            }
            guard let name = find(["项目名称", "名称"]), let indicators = find(["绩效指标"]) else { return nil }
            self.name = name
            self.indicators = indicators
            code = find(["编码", "编号", "序号"])
            amount = find(["金额", "预算数", "资金"])
            goal = find(["绩效目标", "年度目标"])
            if let amount {
                moneyUnit = header[amount].contains("万元") ? "万元" : header[amount].contains("元") ? "元" : nil
            }
        }
    }

    let file: String
    var set = DraftSet()

    init(file: String) { self.file = file }

    func at(_ text: LocatedText, _ index: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: text.line, column: text.column(at: index))
    }

    mutating func note(_ message: String, at location: SourceLocation) { set.notes.append(.warning(.readWithChange, message, at: location)) }

    mutating func read(_ text: String) {
        var text = text
        if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .enumerated().map { LocatedText(line: $0.offset + 1, $0.element) }
        var columns: Columns?
        var before: [String] = []
        for line in lines {
            let cells = line.split(on: ["\t"])
            guard let header = columns else {
                if let found = Columns(cells.map { $0.trimmed().string }) {
                    columns = found
                    set.moneyUnit = found.moneyUnit ?? before.lazy.compactMap(Self.moneyUnit).first
                    set.unitName = Self.unitName(before)
                } else if !line.trimmed().isEmpty {
                    before.append(line.trimmed().string)
                }
                continue
            }
            readRow(line, cells.map { $0.trimmed() }, header)
        }
        if columns == nil {
            set.unitName = Self.unitName(before)
            set.notes.append(.error(.layoutIncomplete, "no header row naming 单位及项目名称 and 绩效指标: nothing read", at: SourceLocation(file: file)))
        }
    }

    /// The unit from the title: what comes before the year (`门源县工业商务和信息化局2024年部门预算…`).
    static func unitName(_ lines: [String]) -> String? {
        let titles = lines.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "# ").union(.whitespaces)) }
            .filter { !$0.isEmpty && !$0.hasPrefix("单位") && !$0.hasPrefix("附件") }
        guard let title = titles.first(where: { $0.contains("绩效") || $0.contains("预算") }) ?? titles.first else { return nil }
        let chars = Array(title)
        var cut = chars.count
        for index in 0 ..< chars.count where index + 4 < chars.count {
            if chars[index ..< index + 4].allSatisfy(Chars.isDigit), chars[index + 4] == "年",
               index == 0 || !Chars.isDigit(chars[index - 1])
            {
                cut = index
                break
            }
        }
        if cut == chars.count {
            for marker in ["部门预算", "预算项目", "项目支出", "绩效目标"] {
                if let range = title.range(of: marker) {
                    cut = title.distance(from: title.startIndex, to: range.lowerBound)
                    break
                }
            }
        }
        let name = String(chars[0 ..< cut]).trimmingCharacters(in: .whitespaces)
        return name.isEmpty ? nil : name
    }

    static func moneyUnit(_ line: String) -> String? {
        guard line.contains("单位") else { return nil }
        return line.contains("万元") ? "万元" : line.contains("元") ? "元" : nil
    }

    mutating func readRow(_ line: LocatedText, _ cells: [LocatedText], _ columns: Columns) {
        if cells.allSatisfy(\.isEmpty) { return }
        // A Markdown table's rule (`---\t---…`) is layout, not data.
        if cells.allSatisfy({ $0.chars.allSatisfy { "-:|".contains($0) } }) { return }
        let first = cells.first { !$0.isEmpty } ?? line
        if cells.count == 1 {
            note("line skipped: it is no row of the table (no tab-separated cells): \"\(Excerpt.of(first.string))\"", at: at(first))
            return
        }
        func cell(_ index: Int?) -> LocatedText? {
            guard let index, index < cells.count, !cells[index].isEmpty else { return nil }
            return cells[index]
        }
        let isTotal = [columns.code, columns.name].contains { index in
            cell(index).map { ["合计", "总计"].contains($0.string.filter { !$0.isWhitespace }) } ?? false
        }
        if isTotal {
            guard let amount = cell(columns.amount) else {
                note("合计 row without an amount", at: at(first))
                return
            }
            if set.unitTotal == nil {
                set.unitTotal = amount.string
            } else {
                note("a second 合计 row (\(amount.string)) ignored; the first one is \(set.unitTotal ?? "")", at: at(amount))
            }
            return
        }
        guard let name = cell(columns.name) else {
            note("row skipped: it has no 单位及项目名称: \"\(Excerpt.of(first.string))\"", at: at(first))
            return
        }
        let code = cell(columns.code)?.string
        let goal = cell(columns.goal), indicators = cell(columns.indicators)
        // A unit's own row: its code, no goal or indicators.
        if goal == nil, indicators == nil, let code, code.count >= 4, code.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) {
            if set.unitCode == nil { set.unitCode = code }
            if set.unitName == nil { set.unitName = name.string }
            if set.unitName != name.string || set.unitCode != code {
                note("row taken as a unit's own row (\(code) \(name.string)), not as a project", at: at(name))
            }
            return
        }
        var draft = ProjectDraft(name: name.string, location: at(name))
        draft.fieldLocations["name"] = at(name)
        // A row number (1, 2 …) is no code.
        if let code, let codeCell = cell(columns.code), !(code.count <= 3 && code.allSatisfy(Chars.isDigit)) {
            draft.code = code
            draft.fieldLocations["code"] = at(codeCell)
        }
        if let amount = cell(columns.amount) {
            draft.total = amount.string
            draft.fieldLocations["funds.total"] = at(amount)
        } else {
            note("project \"\(Excerpt.of(name.string))\" has no amount (金额)", at: at(name))
        }
        if let goal {
            let text = HTMLFragments.markdown(HTMLFragments.blocks(goal))
            if !text.isEmpty {
                draft.goal = text
                draft.fieldLocations["goal"] = at(goal)
            }
        }
        if let indicators {
            var reader = IndicatorReader(file: file)
            reader.read(indicators)
            draft.indicators = reader.indicators
            let lines = HTMLFragments.blocks(indicators).map { Trim.whitespace($0.string) }.filter { !$0.isEmpty }
            if !lines.isEmpty { draft.indicatorsText = lines.joined(separator: "\n") }
            draft.fieldLocations["indicators"] = at(indicators)
            set.notes += reader.notes
            if reader.indicators.isEmpty {
                note("project \"\(Excerpt.of(name.string))\": no indicator could be read from its 绩效指标", at: at(indicators))
            }
        } else {
            note("project \"\(Excerpt.of(name.string))\" has no 绩效指标", at: at(name))
        }
        set.projects.append(draft)
    }
}
