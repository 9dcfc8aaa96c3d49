import Foundation
import JixiaoModel
import JixiaoTemplates

/// The two booklets of a unit: every goal table (绩效目标表), or every self-evaluation sheet (绩效自评表),
/// one after another on one page, to print in one go. Each sheet is laid out by the same partial as
/// its own page and prints on pages of its own.
public enum BookletKind: String, CaseIterable, Sendable {
    case goals = "goal-tables"
    case selfEvaluations = "self-evaluations"

    /// The booklet's folder below the unit's; a project file of this name would take its address.
    var folder: String { rawValue + "/" }

    var template: String { self == .goals ? "goal-booklet" : "self-evaluation-booklet" }
    var sheetName: String { self == .goals ? "项目绩效目标表" : "项目支出绩效自评表" }
    var crumb: String { self == .goals ? "全部绩效目标表" : "全部绩效自评表" }
}

extension UnitSheets {
    /// The sheets a booklet holds, in the unit's order: every project's goal table, or the
    /// self-evaluation of each evaluated project.
    func sheets(_ kind: BookletKind) -> [RenderedSheet] {
        unit.projects.indices.compactMap { kind == .goals ? goal($0) : selfEvaluation($0) }
    }

    /// `nil` when the booklet would hold no sheet.
    func booklet(_ kind: BookletKind) -> Page? {
        let sheets = sheets(kind)
        guard !sheets.isEmpty else { return nil }
        let path = Paths.booklet(kind, year, unit)
        var context = frame.context(title: "\(unit.name)\(year.year)年度\(kind.sheetName)", path: path,
                                    trail: [("\(year.year)年", Paths.year(year)), (unit.name, Paths.unit(year, unit)), (kind.crumb, path)],
                                    kind: kind.template)
        context["unitName"] = .text(unit.name)
        context["unitURL"] = .text(frame.url(Paths.unit(year, unit)))
        context["sheets"] = .list(sheets.map { .object($0.placed) })
        context["sheetCount"] = TemplateValue(sheets.count)
        return Page(path: path, template: kind.template, context: context)
    }
}
