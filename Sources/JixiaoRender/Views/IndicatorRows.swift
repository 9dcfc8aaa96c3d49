import Foundation
import JixiaoModel
import JixiaoTemplates

/// Rows of an indicator table with the published sheets' merged 一级/二级 cells: the first row of a
/// group carries the group's value and rowspan; the Markdown twin repeats the value on that row only.
package enum IndicatorRows {
    /// Per row: (level1 group start?, its span, level2 group start?, its span).
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

    /// The cells every indicator table shares, with the merged-cell fields.
    static func base(_ indicators: [Indicator], level1Label: (String) -> String = { $0 }) -> [TemplateFields] {
        let spans = spans(indicators)
        return indicators.enumerated().map { index, indicator in
            var row: TemplateFields = ["name": .text(indicator.name)]
            if let span = spans[index].level1 {
                row["level1Start"] = true
                row["level1Span"] = TemplateValue(span)
                row["level1"] = .text(level1Label(indicator.level1))
            }
            if let span = spans[index].level2 {
                row["level2Start"] = true
                row["level2Span"] = TemplateValue(span)
                row["level2"] = .text(indicator.level2)
            }
            return row
        }
    }
}
