/// The names the objects of a `Records` table share, in the order their values are given.
public struct RecordNames: Sendable {
    let names: [FieldName]

    public init(_ names: [String]) {
        self.names = names.map(FieldName.init)
    }

    public var count: Int { names.count }

    public var texts: [String] { names.map(\.text) }
}

/// Objects that share their names, their values in one array, row after row: one allocation for a
/// sheet's cells or rows where a list of objects takes one for each, every name hashed once.
public final class Records: Sendable {
    let names: RecordNames
    /// `count` rows of `names.count` values; `nil`: the row's object has no value of that name.
    let values: [TemplateValue?]
    public let count: Int

    /// `count` objects, `row` appending the values of each in the order of `names` (`nil` for a name it
    /// leaves out).
    public init(_ names: RecordNames, count: Int, _ row: (Int, inout [TemplateValue?]) -> Void) {
        var values: [TemplateValue?] = []
        values.reserveCapacity(count * names.count)
        for index in 0 ..< count {
            row(index, &values)
            precondition(values.count == (index + 1) * names.count, "a record gives a value (or nil) for each of its names")
        }
        self.names = names
        self.values = values
        self.count = count
    }

    /// The value `name` of object `index`, or `nil` when it has none.
    func value(_ index: Int, _ name: FieldName) -> TemplateValue? {
        let width = names.names.count
        for column in 0 ..< width where names.names[column] == name { return values[index * width + column] }
        return nil
    }

    /// Object `index` with its names and values, as a list of objects would hold it.
    public func fields(_ index: Int) -> TemplateFields {
        var fields = TemplateFields()
        for (column, name) in names.names.enumerated() {
            if let value = values[index * names.names.count + column] { fields[name.text] = value }
        }
        return fields
    }
}
