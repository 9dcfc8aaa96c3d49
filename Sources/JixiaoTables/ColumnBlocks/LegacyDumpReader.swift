import Foundation
import JixiaoModel

/// Reads one dump of the column-block layout; its parts are in the files beside this one.
struct LegacyDumpReader {
    let file: String
    let lines: [DumpLine]
    var set = DraftSet()

    init(file: String, lines: [DumpLine]) {
        self.file = file
        self.lines = lines
    }

    /// A project as the list gives it.
    struct ListEntry {
        var line: DumpLine
        var name: DumpCell
        var unit: DumpCell?
        var category: DumpCell?
        var code: DumpCell?
    }

    /// A column block: its header line, the column each header cell names, and its rows.
    struct Block {
        var header: DumpLine
        var columns: [LongTable.Column?]
        var rows: [DumpLine] = []

        func index(of column: LongTable.Column) -> Int? { columns.firstIndex(of: column) }

        /// `line 241 (三级指标, 指标性质 …)`, for messages.
        var shown: String {
            let names = header.cells.map(\.text).filter { !$0.isEmpty }
            return "line \(header.number) (\(names.prefix(2).joined(separator: ", "))\(names.count > 2 ? " …" : ""))"
        }
    }

    /// A row of the first block, with what was found in it.
    struct TableRow {
        enum Kind {
            /// 一级指标 and 二级指标 (maybe beside 预算数 and 年度绩效目标).
            case indicator
            /// Only 预算数 and/or 年度绩效目标 in their own columns: the text of merged cells, on a line of its own.
            case label
            /// No 一级指标/二级指标, but text where they belong: a row whose cells were overwritten.
            case displaced
        }

        var line: DumpLine
        var kind: Kind
        var budget: DumpCell?
        var goal: [DumpCell] = []
        var level1: DumpCell?
        var level2: DumpCell?
        /// Other columns of the first block, by column.
        var values: [LongTable.Column: DumpCell] = [:]
        /// How the row was repaired, for the notes (rows with the same repair side by side share a note).
        var repair: String?
    }

    func at(_ line: Int, _ column: Int = 1) -> SourceLocation { SourceLocation(file: file, line: line, column: column) }
    func at(_ line: DumpLine, _ cell: DumpCell) -> SourceLocation { at(line.number, cell.column) }

    mutating func warn(_ message: String, _ location: SourceLocation) {
        set.notes.append(.warning(.readWithChange, message, at: location))
    }

    mutating func read() -> DraftSet {
        guard let listHeader = lines.firstIndex(where: { Self.listColumns($0) != nil }) else {
            set.notes.append(.error(.layoutIncomplete, "no project list: no line names the column 项目名称", at: at(1)))
            return set
        }
        let (entries, next, listTotal) = readList(header: listHeader)
        let blocks = readBlocks(from: next)
        unit(of: entries)
        guard let first = blocks.firstIndex(where: { $0.index(of: .total) != nil || $0.index(of: .goal) != nil }) else {
            set.notes.append(.error(.layoutIncomplete, "no column block with 预算数 or 年度绩效目标 follows the project list", at: at(lines[listHeader].number)))
            return set
        }
        var others = blocks
        let anchorBlock = others.remove(at: first)

        var rows = anchorBlock.rows.map { parseFirstBlockRow($0, block: anchorBlock) }
        noteRepairs(rows)
        // 合计: the last row holding only a number.
        if let last = rows.last, last.kind == .label, last.budget != nil, last.goal.isEmpty {
            set.unitTotal = Self.amount(last.budget!.text)
            rows.removeLast()
        } else if let listTotal {
            set.unitTotal = listTotal
        }

        let owners = assign(rows, to: entries, block: anchorBlock)
        let partners = join(rows, anchorBlock: anchorBlock, others: others)
        build(rows, owners: owners, partners: partners, entries: entries, others: others)
        set.notes.sort()
        return set
    }
}
