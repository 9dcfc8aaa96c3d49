import Foundation
import JixiaoModel
import JixiaoTemplates

/// The cells every indicator table shares: the 三级指标 and the published sheets' merged 一级/二级 cells.
/// The first row of a group carries the group's value and rowspan; the Markdown twin repeats the value on
/// that row only.
struct IndicatorCells {
    struct Merged {
        let text: String
        let span: Int
    }

    let name: String
    /// Set on the first row of its group.
    let level1: Merged?
    let level2: Merged?

    /// The names of its values, which a row's own follow.
    static let names = ["name", "level1Start", "level1Span", "level1", "level2Start", "level2Span", "level2"]

    /// Its values in the order of `names`: a group's on its first row only.
    func append(to values: inout [TemplateValue?]) {
        values.append(.text(name))
        Self.append(level1, to: &values)
        Self.append(level2, to: &values)
    }

    /// `…Start`, `…Span` and the group's text, when the row starts the group.
    private static func append(_ merged: Merged?, to values: inout [TemplateValue?]) {
        values.append(.flag(when: merged != nil))
        values.append(merged.map { TemplateValue($0.span) })
        values.append(merged.map { .text($0.text) })
    }

    /// The rows of a table of `indicators`, 一级 labelled by `level1Label`; with `merged` false every row
    /// prints its own 一级 and 二级 (as a form without merged cells does).
    static func rows(_ indicators: [Indicator], merged: Bool = true, level1Label: (String) -> String = { $0 }) -> [IndicatorCells] {
        let spans = merged ? spans(indicators) : Array(repeating: (level1: Int?.some(1), level2: Int?.some(1)), count: indicators.count)
        // By index: iterating would copy each indicator.
        return indicators.indices.map { index in
            IndicatorCells(name: indicators[index].name,
                           level1: spans[index].level1.map { Merged(text: level1Label(indicators[index].level1), span: $0) },
                           level2: spans[index].level2.map { Merged(text: indicators[index].level2, span: $0) })
        }
    }

    /// Per row: the span of the 一级 and 二级 groups it starts, if it starts one.
    static func spans(_ indicators: [Indicator]) -> [(level1: Int?, level2: Int?)] {
        var result = Array(repeating: (level1: Int?.none, level2: Int?.none), count: indicators.count)
        var start1 = 0
        while start1 < indicators.count {
            var end1 = start1
            while end1 < indicators.count, indicators[end1].level1 == indicators[start1].level1 { end1 += 1 }
            result[start1].level1 = end1 - start1
            var start2 = start1
            while start2 < end1 {
                var end2 = start2
                while end2 < end1, indicators[end2].level2 == indicators[start2].level2 { end2 += 1 }
                result[start2].level2 = end2 - start2
                start2 = end2
            }
            start1 = end1
        }
        return result
    }
}

extension Indicator {
    /// The target as one cell: with the indicator's unit when the target does not write one.
    var targetCell: String { target.text + (target.unit == nil ? (unit ?? "") : "") }
}
