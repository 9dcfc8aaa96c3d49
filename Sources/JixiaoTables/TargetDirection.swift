import JixiaoModel

/// 指标方向 as the published sheets print it beside a bare 目标值 (大于等于 | 10): content files write the
/// two as one target, in the sheet's words (`大于等于10`), which is how every reader of tables combines them.
package enum TargetDirection {
    /// The comparison a 指标方向 cell names (大于等于, ≥, >= …), if it names one.
    package static func comparison(_ direction: String) -> Comparison? {
        let text = Trim.whitespace(direction)
        if let comparison = Comparison.allCases.first(where: { $0.chinese == text || $0.rawValue == text }) { return comparison }
        return ComparisonWords.before.first { !$0.isVerb && $0.spelling == text }?.comparison
    }

    /// The target with the direction written before it as published; nil when the direction names no
    /// comparison, or the target is empty, is no number or has a comparison of its own.
    package static func signed(_ target: String, direction: String) -> String? {
        guard comparison(direction) != nil, !target.isEmpty, !target.hasPrefix("="),
              Target(parsing: target).comparison == .equal
        else { return nil }
        return Trim.whitespace(direction) + target
    }
}
