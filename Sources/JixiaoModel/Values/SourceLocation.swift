/// Where a value was written: a path relative to the site root, and a 1-based line and column.
public struct SourceLocation: Sendable, Hashable, Comparable {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int = 1, column: Int = 1) {
        self.file = file
        self.line = line
        self.column = column
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.line, lhs.column) < (rhs.file, rhs.line, rhs.column)
    }
}

/// Source positions of an item's fields, keyed by the field's path as the user wrote it
/// (`weight`, `funds.fiscal.spent`). Lookups fall back to the closest enclosing field and then
/// to the item itself, so every finding can be placed.
public struct FieldLocations: Sendable, Hashable {
    public var item: SourceLocation
    public var fields: [String: SourceLocation]

    public init(item: SourceLocation, fields: [String: SourceLocation] = [:]) {
        self.item = item
        self.fields = fields
    }

    public subscript(_ path: String) -> SourceLocation {
        var key = Substring(path)
        while !key.isEmpty {
            if let location = fields[String(key)] { return location }
            guard let dot = key.lastIndex(of: ".") else { break }
            key = key[..<dot]
        }
        return item
    }
}
