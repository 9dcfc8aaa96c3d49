import Foundation
import JixiaoModel

/// Every string a page shows is formatted here, so templates only lay out.
package enum Format {
    /// `18,150.89`, keeping the published decimals.
    static func money(_ amount: Amount?) -> String { amount?.grouped ?? "" }

    /// Money as a form prints it: grouped (`1,200.00`) or as written (`1200.00`).
    static func money(_ amount: Amount?, grouped: Bool) -> String { (grouped ? amount?.grouped : amount?.text) ?? "" }

    /// Points and scores: `10`, `8.26`.
    static func points(_ value: Decimal?) -> String { value?.plain ?? "" }

    /// A rate as a percentage: `82.6%`.
    static func rate(_ value: Decimal?) -> String { value?.percent ?? "" }

    /// `单位：万元`.
    static func unitCaption(_ unit: MoneyUnit) -> String { "单位：\(unit.rawValue)" }

    /// 指标方向 and 目标值 of the published goal tables.
    static func targetParts(_ target: Target) -> (direction: String, value: String) {
        switch target.meaning {
        case let .quantitative(comparison, value, _): (comparison.chinese, value.plain)
        case .qualitative: ("", target.text)
        }
    }
}
