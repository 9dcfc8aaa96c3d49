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
/// (`weight`, `funds.fiscal.spent`, `indicators.3.score`). Lookups fall back to the closest enclosing
/// field and then to the item itself, so every finding can be placed.
///
/// Every field of an item is in the item's file, so only lines and columns are kept, and the fields
/// of each indicator apart from the rest: a site holds hundreds of thousands of them.
public struct FieldLocations: Sendable, Hashable {
    public var item: SourceLocation
    /// The fields' positions: as recorded, or as a model file keeps them (`init(from:)`), decoded when
    /// first asked for.
    var store = Store.table(Table())

    enum Store: Sendable {
        case table(Table)
        case encoded(Encoded<Table>)
    }

    /// The positions of one item's fields, as they are recorded while its file is read.
    package struct Table: Sendable, Hashable {
        var fields: [String: Position] = [:]
        /// Per indicator: the mapping itself (key "") and its fields, in the order written.
        var indicators: [[Entry]] = []

        package init() {}

        /// Records where a field is; the first record of a path stands.
        package mutating func record(_ path: String, _ location: SourceLocation) {
            if let (index, key) = FieldLocations.indicatorPath(path) {
                record(indicator: index, key, location)
            } else if fields[path] == nil {
                fields[path] = Position(line: Int32(clamping: location.line), column: Int32(clamping: location.column))
            }
        }

        /// Makes room for `count` positions of indicator `index` at once: held for every indicator of the
        /// site, they are kept no larger than they need be.
        package mutating func reserve(indicator index: Int, _ count: Int) {
            makeRoom(for: index)
            indicators[index].reserveCapacity(count)
        }

        private mutating func makeRoom(for index: Int) {
            if indicators.count <= index { indicators += Array(repeating: [], count: index + 1 - indicators.count) }
        }

        /// Records where a field of indicator `index` is (`key` "" for the indicator's mapping).
        package mutating func record(indicator index: Int, _ key: String, _ location: SourceLocation) {
            makeRoom(for: index)
            guard !indicators[index].contains(where: { $0.key == key }) else { return }
            indicators[index].append(Entry(key: key, position: Position(line: Int32(clamping: location.line), column: Int32(clamping: location.column))))
        }
    }

    var table: Table {
        get {
            switch store {
            case let .table(table): table
            case let .encoded(encoded): encoded.value
            }
        }
        set { store = .table(newValue) }
        _modify {
            var table = self.table
            // Held once only, so that a record does not copy them all.
            store = .table(Table())
            defer { store = .table(table) }
            yield &table
        }
    }

    struct Position: Sendable, Hashable {
        var line: Int32
        var column: Int32
    }

    struct Entry: Sendable, Hashable {
        var key: String
        var position: Position
    }

    /// The positions recorded in `table`, of the item at `item`.
    package init(item: SourceLocation, table: Table) {
        self.item = item
        store = .table(table)
    }

    public init(item: SourceLocation, fields: [String: SourceLocation] = [:]) {
        self.item = item
        for (path, location) in fields { record(path, location) }
    }

    public static func == (lhs: FieldLocations, rhs: FieldLocations) -> Bool {
        lhs.item == rhs.item && lhs.table == rhs.table
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(item)
        hasher.combine(table)
    }

    /// Records where a field is; the first record of a path stands.
    public mutating func record(_ path: String, _ location: SourceLocation) {
        table.record(path, location)
    }

    /// Records where a field of indicator `index` is (`key` "" for the indicator's mapping).
    public mutating func record(indicator index: Int, _ key: String, _ location: SourceLocation) {
        table.record(indicator: index, key, location)
    }

    public subscript(_ path: String) -> SourceLocation {
        let table = self.table
        if let (index, key) = Self.indicatorPath(path), index < table.indicators.count {
            let entries = table.indicators[index]
            if let entry = entries.first(where: { $0.key == key }) ?? entries.first(where: { $0.key.isEmpty }) {
                return at(entry.position)
            }
            return self["indicators"]
        }
        var key = Substring(path)
        while !key.isEmpty {
            if let position = table.fields[String(key)] { return at(position) }
            guard let dot = key.lastIndex(of: ".") else { break }
            key = key[..<dot]
        }
        return item
    }

    private func at(_ position: Position) -> SourceLocation {
        SourceLocation(file: item.file, line: Int(position.line), column: Int(position.column))
    }

    /// `indicators.3.score` → (3, "score"); `indicators.3` → (3, "").
    fileprivate static func indicatorPath(_ path: String) -> (Int, String)? {
        guard path.hasPrefix("indicators.") else { return nil }
        let rest = path.dropFirst("indicators.".count)
        let digits = rest.prefix(while: \.isASCIIDigit)
        guard let index = Int(digits) else { return nil }
        let key = rest.dropFirst(digits.count)
        if key.isEmpty { return (index, "") }
        guard key.first == "." else { return nil }
        return (index, String(key.dropFirst()))
    }
}
