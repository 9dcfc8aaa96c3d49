import Foundation
import JixiaoModel

extension LegacyDumpReader {
    // MARK: Projects

    static func isSatisfaction(_ row: TableRow) -> Bool { row.level1?.text.contains("满意") ?? false }

    /// The project (index into the list) each row belongs to; nil when the row belongs to none.
    mutating func assign(_ rows: [TableRow], to entries: [ListEntry], block: Block) -> [Int?] {
        let anchors = rows.indices.filter { rows[$0].budget != nil }
        if anchors.count != entries.count {
            let location = anchors.count < entries.count ? (entries.last.map { at($0.line.number) } ?? at(block.header.number))
                : at(rows[anchors[entries.count]].line.number)
            warn("the project list has \(entries.count) projects, but the 预算数 column of the block at \(block.shown) has \(anchors.count) amounts; they are paired in order", location)
        }
        var owners = [Int?](repeating: nil, count: rows.count)
        guard let firstAnchor = anchors.first else { return owners }
        if firstAnchor > 0, !entries.isEmpty {
            warn("lines \(rows[0].line.number)–\(rows[firstAnchor - 1].line.number) come before the first 预算数; taken as rows of \(entries[0].name.text)", at(rows[0].line.number))
            for index in 0..<firstAnchor { owners[index] = 0 }
        }
        for (k, anchor) in anchors.enumerated() {
            let end = k + 1 < anchors.count ? anchors[k + 1] : rows.count
            let owner: Int? = k < entries.count ? k : nil
            for index in anchor..<end { owners[index] = owner }
            guard owner != nil else { continue }
            // The project's merged cells may be printed in the middle of its rows: rows after the previous project's
            // 满意度指标 rows that go back to another 一级指标 are the next project's first rows.
            guard let opening = (anchor..<end).first(where: { rows[$0].level1 != nil }).flatMap({ rows[$0].level1?.text }),
                  let lastSatisfaction = (anchor..<end).last(where: { Self.isSatisfaction(rows[$0]) }),
                  let restart = (lastSatisfaction + 1..<end).first(where: { rows[$0].level1 != nil }),
                  rows[restart].level1?.text == opening
            else { continue }
            let moved = lastSatisfaction + 1..<end
            let from = rows[moved.lowerBound].line.number, to = rows[moved.upperBound - 1].line.number
            if k + 1 < min(anchors.count, entries.count) {
                for index in moved { owners[index] = k + 1 }
                let next = entries[k + 1].name.text, nextLine = rows[anchors[k + 1]].line.number
                warn("lines \(from)–\(to) follow the 满意度指标 rows of \(entries[k].name.text) and start again at \(rows[restart].level1!.text) before the next 预算数 (line \(nextLine)): taken as the first rows of \(next), whose 预算数 and 年度绩效目标 are printed in the middle of its rows", at(from))
            } else {
                warn("lines \(from)–\(to) follow the 满意度指标 rows of \(entries[k].name.text), the last project, and start again at \(rows[restart].level1!.text); kept in it", at(from))
            }
        }
        return owners
    }

    // MARK: Joining the blocks

    /// What a row (or rows joined so far) says, for pairing rows of different blocks by content. A field is nil
    /// when no block joined so far has that column, and empty when the column is there but the cell is empty.
    struct Signals {
        var level: String?
        var level2: String?
        var name: String?
        var target: String?
        var direction: String?
        var nature: String?
        var unit: String?

        func merged(_ other: Signals) -> Signals {
            Signals(level: level ?? other.level, level2: level2 ?? other.level2, name: name ?? other.name,
                    target: target ?? other.target, direction: direction ?? other.direction,
                    nature: nature ?? other.nature, unit: unit ?? other.unit)
        }
    }

    static func signals(_ row: TableRow) -> Signals {
        var result = Signals()
        if row.level1 != nil || row.level2 != nil {
            result.level = (row.level1?.text ?? "") + (row.level2?.text ?? "")
            result.level2 = row.level2?.text ?? ""
        }
        return result.merged(signals(row.values.mapValues(\.text)))
    }

    static func signals(_ values: [LongTable.Column: String]) -> Signals {
        Signals(level: nil, level2: nil, name: values[.indicator], target: values[.target], direction: values[.direction],
                nature: values[.nature], unit: values[.unit])
    }

    static func values(_ line: DumpLine, _ block: Block) -> [LongTable.Column: DumpCell] {
        var values: [LongTable.Column: DumpCell] = [:]
        for (index, column) in block.columns.enumerated() {
            guard let column, values[column] == nil else { continue }
            values[column] = index < line.cells.count ? line.cells[index] : DumpCell(text: "", column: line.cells.last.map { $0.column + $0.text.count + 1 } ?? 1)
        }
        return values
    }

    static let countUnits: Set<String> = ["次", "个", "人", "人次", "家", "部", "项", "件", "场", "期", "户", "台", "套", "篇", "条", "名", "所", "批", "旗区", "天", "小时"]

    static func containsAny(_ text: String, _ words: [String]) -> Bool { words.contains { text.contains($0) } }

    static func isQualitative(_ signals: Signals) -> Bool? {
        if let nature = signals.nature, !nature.isEmpty { return nature == "定性" }
        if let direction = signals.direction, !direction.isEmpty { return false }
        guard let target = signals.target, !target.isEmpty else { return nil }
        return Target(parsing: target).isQualitative
    }

    /// How well the fields agree with each other: 二级指标 with 三级指标/目标值/计量单位, and whether a target
    /// is qualitative with whether it has a 计量单位.
    static func agreement(_ s: Signals) -> Int {
        var score = 0
        let name = s.name ?? "", target = s.target ?? "", unit = s.unit ?? ""
        if let level = s.level, s.name != nil || s.target != nil || s.unit != nil {
            let level2 = s.level2 ?? level
            if name.contains("满意") { score += level.contains("满意") ? 2 : -1 }
            if level2.contains("时效") {
                if s.name != nil || s.target != nil {
                    score += containsAny(name + target, ["时间", "及时", "时效", "进度", "期限", "周期", "年", "月", "日", "前"]) ? 2 : -1
                }
            } else if target.range(of: #"[0-9]{4}年|[0-9]{1,2}月"#, options: .regularExpression) != nil {
                score -= 1
            }
            if level2.contains("成本"), s.name != nil || s.unit != nil {
                score += containsAny(name, ["费", "成本", "经费", "资金", "金额", "补助", "补贴", "价", "支出", "预算"]) || unit.hasSuffix("元") ? 2 : -1
            }
            if level2.contains("数量"), countUnits.contains(unit) || containsAny(name, ["数", "次", "量"]) { score += 1 }
            if level2.contains("质量"), containsAny(name, ["率", "质量", "合格", "效果", "达标", "准确"]) { score += 1 }
            if level2.contains("可持续"), containsAny(name + target, ["长期", "持续"]) { score += 1 }
        }
        if let unitColumn = s.unit, let qualitative = isQualitative(s) {
            score += qualitative == unitColumn.isEmpty ? 2 : -2
            if unit.hasSuffix("元"), containsAny(name, ["费", "成本", "经费", "资金", "金额", "补助", "补贴"]) { score += 1 }
            if unit == "%" || unit == "％", containsAny(name, ["率", "满意"]) { score += 1 }
        }
        return score
    }

    static let gap = -3

    /// Pairs the rows of two blocks: for each row of `a`, the row of `b` it is joined with. Rows pair in order;
    /// where the counts differ (or content disagrees), rows are left unpaired where the fields agree best, and
    /// as late as possible when nothing tells.
    static func align(_ a: [Signals], priors: [Int], _ b: [Signals]) -> [Int?] {
        let n = a.count, m = b.count
        let band = abs(n - m) + 32
        let width = 2 * band + 1
        let never = Int.min / 4
        let ownA = a.map(agreement), ownB = b.map(agreement)
        func centre(_ i: Int) -> Int { n == 0 ? 0 : i * m / n }
        // best[i][j]: the best score of pairing a[i...] with b[j...].
        var best = [Int](repeating: never, count: (n + 1) * width)
        func slot(_ i: Int, _ j: Int) -> Int? {
            let offset = j - centre(i) + band
            return offset >= 0 && offset < width && j >= 0 && j <= m ? i * width + offset : nil
        }
        func value(_ i: Int, _ j: Int) -> Int { slot(i, j).map { best[$0] } ?? never }
        func pair(_ i: Int, _ j: Int) -> Int { priors[i] + agreement(a[i].merged(b[j])) - ownA[i] - ownB[j] }
        for i in stride(from: n, through: 0, by: -1) {
            let low = max(0, centre(i) - band), high = min(m, centre(i) + band)
            guard low <= high else { continue }
            for j in stride(from: high, through: low, by: -1) {
                let here: Int
                if i == n { here = gap * (m - j) } else if j == m { here = gap * (n - i) } else {
                    var options = [value(i + 1, j), value(i, j + 1)].map { $0 == never ? never : $0 + gap }
                    let diagonal = value(i + 1, j + 1)
                    if diagonal != never { options.append(diagonal + pair(i, j)) }
                    here = options.max()!
                }
                best[slot(i, j)!] = here
            }
        }
        var result = [Int?](repeating: nil, count: n)
        var i = 0, j = 0
        while i < n, j < m {
            let here = value(i, j)
            if value(i + 1, j + 1) != never, here == value(i + 1, j + 1) + pair(i, j) {
                result[i] = j
                i += 1
                j += 1
            } else if value(i + 1, j) != never, here == value(i + 1, j) + gap {
                i += 1
            } else {
                j += 1
            }
        }
        return result
    }

    /// For each other block, the row joined with each row of the first block.
    mutating func join(_ rows: [TableRow], anchorBlock: Block, others: [Block]) -> [[Int?]] {
        let counts = [rows.count] + others.map(\.rows.count)
        if Set(counts).count > 1 {
            let listed = ([anchorBlock] + others).enumerated().map { index, block in
                "\(block.shown): \(counts[index]) rows"
            }.joined(separator: "; ")
            warn("the column blocks differ in length (\(listed), not counting 合计); rows were paired by content where the counts differ, and every row left without a partner is noted", at(anchorBlock.header.number))
        }
        var signals = rows.map(Self.signals)
        let priors = rows.map { $0.kind == .label ? -1 : 0 }
        var partners: [[Int?]] = []
        for block in others {
            let theirs = block.rows.map { Self.signals(Self.values($0, block).mapValues(\.text)) }
            var pairing: [Int?]
            if counts.allSatisfy({ $0 == rows.count }) {
                pairing = rows.indices.map { $0 }
            } else {
                // A heading line that no block so far joined stays a heading.
                let candidates = rows.indices.filter { index in
                    rows[index].kind != .label || partners.isEmpty || partners.contains { $0[index] != nil }
                }
                let subset = Self.align(candidates.map { signals[$0] }, priors: candidates.map { priors[$0] }, theirs)
                pairing = [Int?](repeating: nil, count: rows.count)
                for (position, index) in candidates.enumerated() { pairing[index] = subset[position] }
            }
            for (index, partner) in pairing.enumerated() {
                if let partner { signals[index] = signals[index].merged(theirs[partner]) }
            }
            let paired = Set(pairing.compactMap { $0 })
            for (index, line) in block.rows.enumerated() where !paired.contains(index) {
                warn("row of the block at \(block.shown) skipped: no row of the first block (\(anchorBlock.shown)) matches it (\(line.shown))", at(line.number))
            }
            partners.append(pairing)
        }
        return partners
    }
}
