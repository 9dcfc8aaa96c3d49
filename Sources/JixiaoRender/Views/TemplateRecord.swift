import JixiaoTemplates

/// A view shown many times over in a table (a sheet's indicator rows, their cells): its objects share
/// their names and are laid out together as one `Records`, not as an object each.
protocol TemplateRecord {
    /// The names of its values, in the order `append(to:)` gives them.
    static var names: RecordNames { get }
    /// Appends its values in the order of `names`, `nil` for a name it leaves out (a template then
    /// looks that name up in the enclosing object, as it would for a missing field).
    func append(to values: inout [TemplateValue?])
}

extension TemplateValue {
    /// The rows as one table of objects.
    static func records<Row: TemplateRecord>(_ rows: [Row]) -> TemplateValue {
        .records(Records(Row.names, count: rows.count) { rows[$0].append(to: &$1) })
    }

    /// A table's cells of text, each with whether it holds a number (`text`, `num`).
    static func cells(_ cells: [(text: String, numeric: Bool)]) -> TemplateValue {
        .records(Records(cellNames, count: cells.count) { index, values in
            values.append(.text(cells[index].text))
            values.append(.flag(cells[index].numeric))
        })
    }

    private static let cellNames = RecordNames(["text", "num"])
}

extension Optional where Wrapped == TemplateValue {
    /// A flag only when it is set: a template's `{{#flag}}` then also looks further out when it is not,
    /// as for a field left out.
    static func flag(when on: Bool) -> TemplateValue? { on ? .flag(true) : nil }
}
