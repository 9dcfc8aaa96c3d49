import Foundation
import JixiaoModel

extension LegacyDumpReader {
    // MARK: The project list

    static let unitHeaders = ["项目单位", "单位名称", "实施单位", "项目实施单位", "预算单位", "单位"]

    /// The columns of the list's header: name, unit, category, code.
    static func listColumns(_ line: DumpLine) -> (name: Int, unit: Int?, category: Int?, code: Int?)? {
        let names = line.cells.map { $0.text.filter { !$0.isWhitespace } }
        guard let name = names.firstIndex(of: "项目名称") else { return nil }
        return (name, names.firstIndex(where: unitHeaders.contains), names.firstIndex(of: "项目类别"), names.firstIndex(of: "项目编码"))
    }

    /// Reads the list; returns its projects, the index of the line after it, and a 合计 if its line has one.
    mutating func readList(header: Int) -> ([ListEntry], Int, String?) {
        let columns = Self.listColumns(lines[header])!
        let width = lines[header].cells.count
        var entries: [ListEntry] = []
        var index = header + 1
        while index < lines.count {
            let line = lines[index]
            if line.isBlank { index += 1; continue }
            if Self.isHeading(line) || Self.blockColumns(line) != nil { return (entries, index, nil) }
            func cell(_ column: Int?) -> DumpCell? {
                guard let column, column < line.cells.count, !line.cells[column].text.isEmpty else { return nil }
                return line.cells[column]
            }
            let firstText = line.cells.first(where: { !$0.text.isEmpty })?.text.filter { !$0.isWhitespace } ?? ""
            if firstText == "合计" || firstText == "总计" {
                let total = line.cells.lazy.compactMap { Self.amount($0.text) }.first
                return (entries, index + 1, total)
            }
            guard let name = cell(columns.name) else {
                warn("row of the project list skipped: it has no 项目名称 (\(line.shown))", at(line.number))
                index += 1
                continue
            }
            if line.cells.count < width {
                warn("row of the project list has \(line.cells.count) cells, the header \(width); read by position", at(line.number))
            }
            entries.append(ListEntry(line: line, name: name, unit: cell(columns.unit), category: cell(columns.category), code: cell(columns.code)))
            index += 1
        }
        return (entries, index, nil)
    }

    /// 单位名称 and 单位编码 from the list's 项目单位 cells (`982001-鄂尔多斯市工业和信息化局`): the one most
    /// projects name.
    mutating func unit(of entries: [ListEntry]) {
        var counts: [String: Int] = [:]
        for entry in entries { if let unit = entry.unit { counts[unit.text, default: 0] += 1 } }
        guard let text = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) })?.key else { return }
        let (code, name) = Self.splitUnit(text)
        set.unitName = name
        set.unitCode = code
    }

    static func splitUnit(_ text: String) -> (code: String?, name: String) {
        guard let match = text.range(of: #"^[0-9A-Za-z]+\s*[-－—–]\s*"#, options: .regularExpression) else { return (nil, text) }
        let code = text[match].prefix(while: { $0.isASCII && ($0.isLetter || $0.isNumber) })
        return (String(code), String(text[match.upperBound...]))
    }
}
