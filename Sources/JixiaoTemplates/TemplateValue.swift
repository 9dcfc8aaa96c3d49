/// What a template renders: text, a flag, a list or an object of named values. Pages build their
/// view models from these, every string already formatted; the renderer never inspects Swift types at
/// run time, which is what keeps it fast.
public enum TemplateValue: Sendable {
    case text(String)
    case flag(Bool)
    case list([TemplateValue])
    case object([String: TemplateValue])

    public init(_ number: Int) { self = .text(String(number)) }

    /// Text, or `nil` when there is none, so that a missing value stays missing.
    public init?(_ text: String?) {
        guard let text else { return nil }
        self = .text(text)
    }

    /// A value as a section sees it: `false`, an empty list and a missing value hide the section.
    var isFalsy: Bool {
        switch self {
        case let .flag(flag): !flag
        case let .list(items): items.isEmpty
        case .text, .object: false
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
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}

/// The named values of one object in a view model.
public typealias TemplateFields = [String: TemplateValue]
