import Foundation

/// A source's forms, one project each, and the rows before the first (where a department publishes its
/// own goals). A form starts at its title (a row of one cell ending in 绩效目标表 or 绩效自评表), or, in a
/// source without titles, where the label that opened the form before (项目编码 or 项目名称) comes again.
struct FormSections {
    var preamble: ArraySlice<FormRow>
    var forms: [ArraySlice<FormRow>]

    static let titleEndings = ["绩效目标表", "绩效自评表", "绩效目标申报表", "绩效自评报告表", "绩效运行监控表", "绩效目标执行监控表", "绩效监控表"]

    /// The title a row holds, without markup; nil when the row is no form title.
    static func title(_ row: FormRow) -> String? {
        guard let cell = row.single else { return nil }
        let text = FormText.plain(cell.text)
        return titleEndings.contains { text.filter { !$0.isWhitespace }.hasSuffix($0) } ? text : nil
    }

    static func split(_ rows: [FormRow]) -> FormSections {
        let hasTitles = rows.contains { title($0) != nil }
        var starts: [Int] = []
        var opening: FormLabel?
        for (index, row) in rows.enumerated() {
            if title(row) != nil {
                starts.append(index)
                opening = nil
                continue
            }
            let identifying = [FormLabel.code, .name, .unitName].first { row.has($0) }
            guard let identifying else { continue }
            if opening == nil {
                opening = identifying
                if starts.isEmpty && !hasTitles { starts.append(0) }
            } else if identifying == opening || row.has(opening!) {
                starts.append(index)
            }
        }
        guard let first = starts.first else { return FormSections(preamble: rows[...], forms: []) }
        let bounds = starts + [rows.count]
        let forms = (0 ..< starts.count).map { rows[bounds[$0] ..< bounds[$0 + 1]] }
        return FormSections(preamble: rows[..<first], forms: forms)
    }
}
