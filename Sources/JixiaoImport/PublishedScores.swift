import Foundation
import JixiaoModel
import JixiaoTables

/// The 得分 and 总分 a self-evaluation form types, against the scores jixiao computes (ProjectScoring)
/// for the project as import wrote it. jixiao's own scores stand; each typed figure that differs is a
/// warning at its place in the source, with both numbers.
enum PublishedScores {
    /// `slugs`: the file name each written draft got, by its index in `drafts`.
    static func compare(_ drafts: [ProjectDraft], slugs: [Int: String], in unit: JixiaoModel.Unit?, folder: String) -> [Diagnostic] {
        guard let unit else { return [] }
        var found: [Diagnostic] = []
        for (index, draft) in drafts.enumerated() {
            let typed = draft.publishedTotal != nil || draft.publishedExecutionScore != nil || draft.indicators.contains { $0.publishedScore != nil }
            guard typed, let slug = slugs[index], let project = unit.projects.first(where: { $0.slug == slug }),
                  project.indicators.count == draft.indicators.count
            else { continue }
            let evaluation = ProjectScoring.evaluate(project)
            let file = "\(folder)/\(slug).md"
            func compare(_ text: String?, _ computed: Decimal?, at location: SourceLocation?, _ what: (String, String) -> String) {
                guard let text, let published = Decimal.exact(Trim.whitespace(text)), let computed, published != computed else { return }
                found.append(.warning(.publishedFigureDiffers, what(published.plain, computed.plain) + " (\(file)); jixiao's score is kept",
                                      at: location ?? draft.location))
            }
            for (position, indicator) in draft.indicators.enumerated() where position < evaluation.indicatorScores.count {
                compare(indicator.publishedScore, evaluation.indicatorScores[position], at: indicator.fieldLocations["score"]) {
                    "\(FieldSet.indicator.name("score")) of \(FieldSet.indicator.name("name")) \(indicator.name) is \($0) on the form, but jixiao scores it \($1)"
                }
            }
            compare(draft.publishedExecutionScore, evaluation.execution?.score, at: draft.fieldLocations["execution.score"]) {
                "得分 of the execution rate (预算执行率) is \($0) on the form, but jixiao scores it \($1)"
            }
            compare(draft.publishedTotal, evaluation.total, at: draft.fieldLocations["total"]) {
                "总分 of \(draft.name) is \($0) on the form, but jixiao's total is \($1)"
            }
        }
        return found
    }
}
