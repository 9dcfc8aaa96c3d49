/// A project's indicators as it holds them: decoded, or still the bytes a model file keeps them in
/// (`Project.init(from:)`), decoded the first time they are asked for.
enum IndicatorStore: Sendable {
    case decoded([Indicator])
    /// With whether any of them has an actual value, known without decoding them.
    case encoded(Encoded<[Indicator]>, anyActual: Bool)

    var value: [Indicator] {
        switch self {
        case let .decoded(indicators): indicators
        case let .encoded(encoded, _): encoded.value
        }
    }

    /// Whether any indicator has an actual value (实际完成值).
    var anyActual: Bool {
        switch self {
        case let .decoded(indicators): indicators.contains { $0.actual != nil }
        case let .encoded(_, anyActual): anyActual
        }
    }
}
