import Foundation
import JixiaoModel

extension Target.Problem {
    /// The error for the target written as `text`, placed at it: front matter and tables say the same.
    func diagnostic(_ text: String, at location: SourceLocation) -> Diagnostic {
        let name = FieldSet.indicator.name("target")
        switch self {
        case let .noNumber(comparison):
            return .error(.targetWithoutNumber, "\(name) \"\(Excerpt.of(text))\" has a comparison (\(comparison.rawValue)) but no number: write the number (\(comparison.rawValue)95%), or write a 定性 target as text without the comparison", at: location)
        case let .negative(value):
            return .error(.negative, "\(name) \"\(Excerpt.of(text))\" is negative (\(value.plain)): a target may not be negative", at: location)
        case .tooManyDigits:
            return .error(.tooManyDigits, "\(name) \"\(Excerpt.of(text))\" has more digits than can be held exactly: \(Decimal.digitsLimit)", at: location)
        }
    }
}
