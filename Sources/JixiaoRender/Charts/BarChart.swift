import Foundation
import JixiaoTemplates

/// A horizontal bar chart drawn as SVG by jixiao, readable without script: each row's label above its
/// bar and its value as text beside it, marks (90%, 100%) as dashed lines with their labels. It prints in
/// black and white (dark bars, no colour carries meaning), scales to the width of a phone, and comes with
/// a title, a description of what it shows and the same numbers as a table.
struct BarChart {
    struct Row {
        let label: String
        let value: Decimal
        /// The value as the page writes it (`97%`, `99.23`, `3`).
        let text: String
        /// Said after the value in the table and the picture (`优 10 · 良 2`).
        var note: String?
    }

    let id: String
    let title: String
    /// What the chart shows, in a sentence or two, for readers who do not see it.
    let description: String
    /// The table's column headings: the rows' label, value and note.
    let headings: (label: String, value: String, note: String?)
    let rows: [Row]
    /// The value of a full bar; larger values are drawn full, their text says how much.
    let scale: Decimal
    let marks: [(value: Decimal, label: String)]

    /// Drawn 400 wide, so that on a phone (390 px) the text is as large as it is written.
    static let width = 400, labelHeight = 16, barHeight = 12, rowHeight = 40, valueSpace = 96, top = 22
    /// The most characters of a label the picture shows (the table has them all).
    static let labelLength = 28

    var svg: String {
        let barWidth = Double(Self.width - Self.valueSpace)
        func x(_ value: Decimal) -> Double {
            guard scale > 0 else { return 0 }
            let share = min(max(NSDecimalNumber(decimal: value / scale).doubleValue, 0), 1)
            return (share * barWidth * 10).rounded() / 10
        }
        let height = Self.top + rows.count * Self.rowHeight + 4
        var svg = "<svg class=\"bar-chart\" viewBox=\"0 0 \(Self.width) \(height)\" role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\" "
            + "xmlns=\"http://www.w3.org/2000/svg\">"
        svg += "<title id=\"\(id)-title\">\(Escape.html(title))</title><desc id=\"\(id)-desc\">\(Escape.html(description))</desc>"
        for mark in marks {
            let position = x(mark.value)
            svg += "<line class=\"mark\" x1=\"\(position)\" y1=\"\(Self.top - 6)\" x2=\"\(position)\" y2=\"\(height - 2)\"/>"
            svg += "<text class=\"mark-label\" x=\"\(position)\" y=\"12\" text-anchor=\"middle\">\(Escape.html(mark.label))</text>"
        }
        for (index, row) in rows.enumerated() {
            let y = Self.top + index * Self.rowHeight
            let label = row.label.count > Self.labelLength ? String(row.label.prefix(Self.labelLength - 1)) + "…" : row.label
            svg += "<text class=\"label\" x=\"0\" y=\"\(y + Self.labelHeight - 4)\">\(Escape.html(label))</text>"
            let length = x(row.value)
            svg += "<rect class=\"bar\" x=\"0\" y=\"\(y + Self.labelHeight + 2)\" width=\"\(length)\" height=\"\(Self.barHeight)\"/>"
            let value = row.note.map { "\(row.text)（\($0)）" } ?? row.text
            svg += "<text class=\"value\" x=\"\(length + 6)\" y=\"\(y + Self.labelHeight + 12)\">\(Escape.html(value))</text>"
        }
        return svg + "</svg>"
    }

    /// The chart in a figure, with its numbers as a table one click away.
    var html: String {
        var table = "<table class=\"chart-data\"><caption>\(Escape.html(title))</caption><thead><tr><th scope=\"col\">\(Escape.html(headings.label))</th>"
            + "<th scope=\"col\">\(Escape.html(headings.value))</th>" + (headings.note.map { "<th scope=\"col\">\(Escape.html($0))</th>" } ?? "") + "</tr></thead><tbody>"
        for row in rows {
            table += "<tr><th scope=\"row\">\(Escape.html(row.label))</th><td class=\"num\">\(Escape.html(row.text))</td>"
                + (headings.note != nil ? "<td>\(Escape.html(row.note ?? ""))</td>" : "") + "</tr>"
        }
        table += "</tbody></table>"
        return "<figure class=\"chart\" id=\"\(id)\"><figcaption>\(Escape.html(title))</figcaption>\(svg)"
            + "<p class=\"chart-description\">\(Escape.html(description))</p>"
            + "<details class=\"chart-table\"><summary>查看数据表</summary>\(table)</details></figure>"
    }

    /// The chart's numbers as a Markdown table under its title.
    var markdown: String {
        func cell(_ text: String) -> String { MarkdownText.escape(text) }
        var text = "**\(cell(title))**\n\n\(cell(description))\n\n| \(cell(headings.label)) | \(cell(headings.value)) |" + (headings.note.map { " \(cell($0)) |" } ?? "")
            + "\n| --- | ---: |" + (headings.note != nil ? " --- |" : "") + "\n"
        for row in rows {
            text += "| \(cell(row.label)) | \(cell(row.text)) |" + (headings.note != nil ? " \(cell(row.note ?? "")) |" : "") + "\n"
        }
        return text
    }
}
