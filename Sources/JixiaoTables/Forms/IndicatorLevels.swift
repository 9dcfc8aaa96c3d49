import Foundation

/// The levels of the national indicator framework (财预〔2020〕10号, and the later forms that make 成本指标
/// a 一级指标 of its own): which 一级指标 each 二级指标 belongs to. Readers use it to tell a level cell
/// printed in the wrong column by what it says, and to place a 二级指标 whose 一级指标 the source lost.
enum IndicatorLevels {
    static let level1 = ["产出指标", "成本指标", "效益指标", "满意度指标"]

    /// 二级指标 → its 一级指标. 成本指标 is a 二级指标 of 产出指标 in the 2020 framework.
    static let parents: [String: String] = [
        "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
        "经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",
        "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标", "可持续影响指标": "效益指标",
        "服务对象满意度指标": "满意度指标",
    ]

    /// What a level cell says, given the 一级指标 of the rows above.
    enum Word: Equatable {
        /// A 一级指标, by its framework name.
        case level1(String)
        /// A 二级指标, with the 一级指标 the framework puts it under.
        case level2(parent: String)
        /// Not a word of the framework.
        case unknown

        var isLevel1: Bool { if case .level1 = self { true } else { false } }
        var isLevel2: Bool { if case .level2 = self { true } else { false } }
    }

    /// Both `经济效益` and `经济效益指标` are the same level: compared without the final 指标.
    static func key(_ text: String) -> String {
        text.hasSuffix("指标") ? String(text.dropLast(2)) : text
    }

    /// The framework's 一级指标 a label names (`满意度` and `满意度指标` alike), if any.
    static func level1Name(_ text: String) -> String? {
        level1.first { key($0) == key(text) }
    }

    /// The 一级指标 the framework puts a 二级指标 under (`社会效益` and `社会效益指标` alike).
    static func parent(ofLevel2 text: String) -> String? {
        parents[key(text) + "指标"]
    }

    /// 成本指标 alone is a 二级指标 under 产出指标 (2020) and a 一级指标 otherwise.
    static func classify(_ text: String, under level1: String?) -> Word {
        if key(text) == "成本", level1 == "产出指标" { return .level2(parent: "产出指标") }
        if let name = level1Name(text) { return .level1(name) }
        if let parent = parent(ofLevel2: text) { return .level2(parent: parent) }
        return .unknown
    }

    /// A 一级指标 label as self-evaluation sheets print it, with the group's points: `产出指标(50分)` →
    /// (`产出指标`, `50`).
    static func points(_ text: String) -> (label: String, points: String?) {
        let compact = String(text.filter { !$0.isWhitespace })
        guard let range = compact.range(of: #"[（(]([0-9.]+)分[)）]$"#, options: .regularExpression) else { return (compact, nil) }
        let points = compact[range].filter { $0.isNumber || $0 == "." }
        return (String(compact[..<range.lowerBound]), String(points))
    }
}
