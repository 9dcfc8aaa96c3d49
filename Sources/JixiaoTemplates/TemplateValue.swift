/// What a template renders: text, a flag, a list or an object of named values. Pages build their
/// view models from these, every string already formatted; the renderer never inspects Swift types at
/// run time, which is what keeps it fast.
public enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object(TemplateFields)
    /// Text already laid out by a template (a sheet placed on its page), shown like `.text`.
    case rendered(Rendered)
    /// Objects of the same names held in one table (a sheet's rows, their cells): a section goes
    /// through them as through a list of objects.
    case records(Records)
    /// Object `index` of `records`, as a section over them sees it.
    case record(Records, Int)

    public init(_ number: Int) { self = Self.smallNumbers.indices.contains(number) ? Self.smallNumbers[number] : .text(String(number)) }

    /// The numbers views use most (spans, counts), formatted once.
    private static let smallNumbers: [TemplateValue] = (0 ..< 64).map { .text(String($0)) }

    /// Text, or `nil` when there is none, so that a missing value stays missing.
    public init?(_ text: String?) {
        guard let text else { return nil }
        self = .text(text)
    }

    /// A field of an object or of a record; `nil` for other values.
    @inline(__always)
    func field(_ name: FieldName) -> TemplateValue? {
        switch self {
        case let .object(fields): fields[name]
        case let .record(records, index): records.value(index, name)
        default: nil
        }
    }

    /// A value as a section sees it: `false`, an empty list and a missing value hide the section.
    var isFalsy: Bool {
        switch self {
        case let .flag(flag): !flag
        case let .list(items): items.isEmpty
        case let .records(records): records.count == 0
        case .text, .object, .rendered, .record: false
        }
    }
}

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByStringInterpolation {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(stringInterpolation: DefaultStringInterpolation) { self = .text(String(stringInterpolation: stringInterpolation)) }
}

extension TemplateValue: ExpressibleByBooleanLiteral {
    public init(booleanLiteral value: Bool) { self = .flag(value) }
}

extension TemplateValue: ExpressibleByIntegerLiteral {
    public init(integerLiteral value: Int) { self.init(value) }
}

extension TemplateValue: ExpressibleByArrayLiteral {
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
}

extension TemplateValue: ExpressibleByDictionaryLiteral {
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        var fields = TemplateFields()
        fields.reserveCapacity(elements.count)
        for (key, value) in elements { fields[key] = value }
        self = .object(fields)
    }
}

/// The named values of one object in a view model. View models are small (a few dozen names at
/// most), so a list searched in order beats hashing every name on every lookup; each name carries
/// a short code so that most mismatches are decided without comparing text.
public struct TemplateFields: Sendable, ExpressibleByDictionaryLiteral {
    /// Names and values side by side: one allocation an object.
    private var entries: [(name: FieldName, value: TemplateValue)] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        entries.reserveCapacity(elements.count)
        for (key, value) in elements { set(FieldName(key), value) }
    }

    /// A value by name; setting `nil` removes it.
    public subscript(key: String) -> TemplateValue? {
        get { self[FieldName(key)] }
        set {
            let name = FieldName(key)
            if let newValue {
                set(name, newValue)
            } else if let index = entries.firstIndex(where: { $0.name == name }) {
                entries.remove(at: index)
            }
        }
    }

    subscript(name: FieldName) -> TemplateValue? {
        // By index: iterating would copy (retain) each entry compared.
        for index in entries.indices where entries[index].name == name { return entries[index].value }
        return nil
    }

    mutating func reserveCapacity(_ count: Int) {
        entries.reserveCapacity(count)
    }

    private mutating func set(_ name: FieldName, _ value: TemplateValue) {
        if let index = entries.firstIndex(where: { $0.name == name }) {
            entries[index].value = value
        } else {
            // Room for a view model's usual number of names (a sheet's row has a dozen) at once, rather
            // than growing from the few it was made with.
            if entries.count == entries.capacity, entries.capacity < 16 { entries.reserveCapacity(16) }
            entries.append((name, value))
        }
    }

    public var names: [String] { entries.map(\.name.text) }

    /// Adds the other fields; where both have a name, the other's value stands.
    public mutating func merge(_ other: TemplateFields) {
        entries.reserveCapacity(entries.count + other.entries.count)
        for entry in other.entries { set(entry.name, entry.value) }
    }
}

/// A field's name and a code made from its bytes (FNV-1a): equal names have equal codes.
struct FieldName: Sendable, Equatable {
    let text: String
    let code: UInt64

    init(_ text: String) {
        var text = text
        // The bytes in place (a name is nearly always a literal or a small string).
        code = text.withUTF8 { bytes in
            var code: UInt64 = 0xCBF2_9CE4_8422_2325
            for byte in bytes {
                code ^= UInt64(byte)
                code &*= 0x0000_0100_0000_01B3
            }
            return code
        }
        self.text = text
    }

    static func == (lhs: FieldName, rhs: FieldName) -> Bool { lhs.code == rhs.code && lhs.text == rhs.text }
}
