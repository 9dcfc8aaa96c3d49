import Foundation

/// A sum of money as published: an exact value and the number of decimals it was written with,
/// so that `60.00` stays `60.00` on every page.
public struct Amount: Sendable, Hashable, Comparable {
    public var value: Decimal
    public var places: Int

    public init(_ value: Decimal, places: Int = 0) {
        self.value = value
        self.places = places
    }

    /// Parses a numeral as written (`18150.89`, `60.00`); `nil` when it is not a plain number.
    public init?(_ text: String) {
        guard let value = Decimal.exact(text) else { return nil }
        self.init(value, places: Decimal.places(of: text))
    }

    public static let zero = Amount(0)

    public static func + (lhs: Amount, rhs: Amount) -> Amount {
        Amount(lhs.value + rhs.value, places: max(lhs.places, rhs.places))
    }

    public static func < (lhs: Amount, rhs: Amount) -> Bool { lhs.value < rhs.value }

    public static func == (lhs: Amount, rhs: Amount) -> Bool { lhs.value == rhs.value }

    public func hash(into hasher: inout Hasher) { hasher.combine(value) }

    /// Digits as published, e.g. `18150.89`.
    public var text: String { value.fixed(places) }

    /// With thousands separators, e.g. `18,150.89`.
    public var grouped: String { value.grouped(places) }

    /// The same sum expressed in another money unit (1 万元 = 10,000 元).
    public func converted(from source: MoneyUnit, to target: MoneyUnit) -> Amount {
        guard source != target else { return self }
        let converted = source == .wanYuan ? value * 10_000 : value / 10_000
        let needed = Decimal.places(of: converted.plain)
        // The published decimals carry over, shifted by the four places between 万元 and 元.
        return Amount(converted, places: max(needed, source == .wanYuan ? max(0, places - 4) : places))
    }
}

extension Sequence where Element == Amount {
    public func sum() -> Amount { reduce(.zero, +) }
}

/// The unit money is published in.
public enum MoneyUnit: String, Sendable, CaseIterable {
    case wanYuan = "万元"
    case yuan = "元"
}
