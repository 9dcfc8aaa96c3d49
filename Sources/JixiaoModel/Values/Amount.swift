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

    /// Parses an amount as people write it, the one way every reader does: an optional sign, digits
    /// with thousands separators in their places or none (`1,200.50`, `1200.50`), an optional decimal
    /// point, spaces around. `nil` for anything else (`1,20`, `1.200,50`, `12万`).
    public init?(parsing text: String) {
        let trimmed = Trim.whitespace(text)
        guard let digits = Amount.ungrouped(trimmed) else { return nil }
        self.init(digits)
    }

    /// Whether the text is an amount as `init(parsing:)` reads it, but with more digits than a Decimal
    /// holds exactly.
    public static func exceedsPrecision(parsing text: String) -> Bool {
        guard let digits = ungrouped(Trim.whitespace(text)), Decimal.isNumeral(digits) else { return false }
        return Decimal.exceedsPrecision(digits)
    }

    /// `1,200.50` → `1200.50`; the text itself when it has no separator; `nil` when separators are misplaced.
    static func ungrouped(_ text: String) -> String? {
        guard text.contains(",") else { return text }
        var body = Substring(text)
        var sign = ""
        if let first = body.first, first == "-" || first == "+" {
            sign = String(first)
            body = body.dropFirst()
        }
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = parts[0].split(separator: ",", omittingEmptySubsequences: false)
        guard let head = groups.first, (1 ... 3).contains(head.count), head.first != "0" || groups.count == 1,
              groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return sign + groups.joined() + (parts.count == 2 ? "." + parts[1] : "")
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
