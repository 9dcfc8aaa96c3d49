import Foundation
import JixiaoModel

/// Reads one 绩效指标 cell into indicators, keeping the current 一级/二级指标 headings.
struct IndicatorReader {
    struct Open {
        var name: String
        var written: String
        var location: SourceLocation
        var items = 0
        var children = 0
    }

    let file: String
    var indicators: [IndicatorDraft] = []
    var notes: [Diagnostic] = []
    var level1: Open?
    var level2: Open?

    init(file: String) { self.file = file }

    func at(_ text: LocatedText, _ index: Int = 0) -> SourceLocation {
        SourceLocation(file: file, line: text.line, column: text.column(at: index))
    }

    mutating func note(_ message: String, at location: SourceLocation) { notes.append(.warning(.readWithChange, message, at: location)) }

    mutating func read(_ cell: LocatedText) {
        for block in HTMLFragments.blocks(cell) { readBlock(block) }
        closeLevel1()
    }

    mutating func readBlock(_ block: LocatedText) {
        var rest = block.trimmed()
        while !rest.isEmpty {
            if let heading = Headings.level1(rest) {
                openLevel1(heading, rest)
                rest = rest.from(heading.length).trimmed(Chars.nameEdge)
                continue
            }
            if let heading = Headings.level2(rest) {
                openLevel2(heading, rest)
                rest = rest.from(heading.length).trimmed(Chars.nameEdge)
                continue
            }
            var current: Int?
            if let number = Items.number(rest) {
                let after = rest.from(number.length).trimmed()
                if Headings.level1(after) != nil || Headings.level2(after) != nil {
                    rest = after // a heading numbered like an item (`2、成本指标：`)
                    continue
                }
                current = number.value
                rest = after
            }
            let (end, next) = Items.boundary(rest, current: current)
            let item = rest.upTo(end).trimmed(Chars.nameEdge, Chars.itemEnd)
            if !item.isEmpty { readItem(item) }
            rest = rest.from(next).trimmed()
        }
    }

    mutating func openLevel1(_ heading: Heading, _ text: LocatedText) {
        closeLevel1()
        level1 = Open(name: heading.name, written: text.upTo(heading.length).trimmed().string, location: at(text))
    }

    mutating func openLevel2(_ heading: Heading, _ text: LocatedText) {
        closeLevel2()
        let written = text.upTo(heading.length).trimmed().string
        if level1 == nil, let inferred = Headings.level1(for: heading.name) {
            level1 = Open(name: inferred, written: written, location: at(text))
            note("no 一级指标 heading before \"\(Excerpt.of(written))\": 一级指标 taken to be \(inferred)", at: at(text))
        }
        level1?.children += 1
        level2 = Open(name: heading.name, written: written, location: at(text))
    }

    mutating func closeLevel2() {
        if let open = level2, open.items == 0 {
            note("heading \"\(Excerpt.of(open.written))\" has nothing under it: no indicator read", at: open.location)
        }
        level2 = nil
    }

    mutating func closeLevel1() {
        closeLevel2()
        if let open = level1, open.items == 0, open.children == 0 {
            note("heading \"\(Excerpt.of(open.written))\" has nothing under it: no indicator read", at: open.location)
        }
        level1 = nil
    }

    /// `定性`/`定量` written between an item's name and its value (`投资 定性 效果明显`), not as part of a
    /// word (`稳定性`, `确定性`, `定性分析`).
    func natureMark(_ text: LocatedText) -> (start: Int, word: String)? {
        for word in ["定性", "定量"] {
            var from = 0
            while let index = text.firstIndex(of: word, from: from) {
                from = index + 1
                if index > 0, "稳确决规鉴特否肯固限设约判界不".contains(text[index - 1]) { continue }
                if ["分析", "评价", "描述", "指标", "研究", "的", "化"].contains(where: { text.hasPrefix($0, at: index + 2) }) { continue }
                return (index, word)
            }
        }
        return nil
    }

    mutating func readItem(_ item: LocatedText) {
        let whole = item.trimmed(Chars.nameEdge, Chars.itemEnd)
        guard !whole.isEmpty else { return }
        // Several values separated by `；`, or `name；qualitative target`.
        let parts = whole.split(on: ["；", ";"]).map { $0.trimmed(both: Chars.nameEdge) }.filter { !$0.isEmpty }
        if parts.count >= 2 {
            if parts.count == 2, parts[1].count <= 10, !parts[1].chars.contains(where: Chars.isDigit),
               natureMark(parts[0]) == nil, Quantities.find(parts[0]) == nil
            {
                qualitative(name: parts[0], target: parts[1], item: whole, nature: nil)
                return
            }
            note("item split at \"；\" into \(parts.count) indicators: \"\(Excerpt.of(whole.string))\"", at: at(whole))
            for part in parts { readItem(part) }
            return
        }
        // `name 定性 value`, `name 定量 value`.
        if let mark = natureMark(whole) {
            let name = whole.upTo(mark.start).trimmed(both: Chars.nameEdge)
            let value = whole.from(mark.start + mark.word.count).trimmed(both: Chars.nameEdge)
            let nature = mark.word == "定性" ? ("定性", at(whole, mark.start)) : nil
            if name.isEmpty || value.isEmpty {
                qualitative(name: whole, target: whole, item: whole, nature: nature)
            } else if var quantity = Quantities.atStart(value) {
                quantity.name = name
                let remark = nature == nil ? nil
                    : "indicator marked 定性 in the source: kept as 定性 although its target \"\(Excerpt.of(quantity.target))\" is a comparison and number (\"\(Excerpt.of(whole.string))\")"
                take(quantity, in: value, nature: nature, item: whole, remark: remark)
            } else {
                qualitative(name: name, target: value, item: whole, nature: nature)
            }
            return
        }
        if let quantity = Quantities.find(whole) {
            take(quantity, in: whole.trimmed([], Chars.itemEnd), nature: nil, item: whole, remark: nil)
            return
        }
        qualitative(name: whole, target: whole, item: whole, nature: nil)
    }

    /// Adds a quantitative indicator (with a remark about it, if any) and reads what follows its target.
    mutating func take(_ quantity: Quantity, in text: LocatedText, nature: (String, SourceLocation)?, item: LocatedText,
                       remark: String?)
    {
        let name = quantity.name.string + (quantity.qualifier?.string ?? "")
        guard add(name: name, nameAt: at(quantity.name), target: quantity.target, targetAt: at(text, quantity.targetStart),
                  nature: nature, item: item) else { return }
        if let remark { note(remark, at: at(item)) }
        if let dropped = quantity.dropped {
            note("\"\(Excerpt.of(dropped.string))\" before the comparison left out: read as \(name) \(quantity.target) (\"\(Excerpt.of(item.string))\")",
                 at: at(dropped))
        }
        if let remainder = quantity.remainder {
            note("text after the target \(quantity.target) read as an indicator of its own: \"\(Excerpt.of(remainder.string))\"", at: at(remainder))
            readItem(remainder)
        }
    }

    mutating func qualitative(name: LocatedText, target: LocatedText, item: LocatedText, nature: (String, SourceLocation)?) {
        if add(name: name.string, nameAt: at(name), target: target.string, targetAt: at(target), nature: nature, item: item) {
            note("indicator kept as qualitative: no comparison and number in \"\(Excerpt.of(item.string))\"", at: at(item))
        }
    }

    /// Adds an indicator under the current headings; false (with a note) when there is no 一级指标.
    mutating func add(name: String, nameAt: SourceLocation, target: String, targetAt: SourceLocation,
                      nature: (String, SourceLocation)?, item: LocatedText) -> Bool
    {
        guard let first = level1 else {
            note("not read as an indicator: no 一级指标 heading comes before \"\(Excerpt.of(item.string))\"", at: at(item))
            return false
        }
        var fields = ["name": nameAt, "target": targetAt, "level1": first.location]
        let second: String
        if let open = level2 {
            second = open.name
            fields["level2"] = open.location
        } else if first.name.contains("满意度") {
            second = "服务对象满意度指标"
        } else {
            second = first.name
            note("no 二级指标 heading before \"\(Excerpt.of(item.string))\": 二级指标 set to \(first.name)", at: at(item))
        }
        if let nature { fields["nature"] = nature.1 }
        indicators.append(IndicatorDraft(level1: first.name, level2: second, name: name, target: target, location: nameAt,
                                         nature: nature?.0, fieldLocations: fields))
        level1?.items += 1
        level2?.items += 1
        return true
    }
}
