import Foundation
import JixiaoModel
import JixiaoTemplates

extension BookletKind {
    var sheetName: String { self == .goals ? "项目绩效目标表" : "项目支出绩效自评表" }
    var crumb: String { self == .goals ? "全部绩效目标表" : "全部绩效自评表" }
}

extension UnitSheets {
    /// The sheets a booklet holds, in the unit's order: every project's goal table, or the
    /// self-evaluation of each evaluated project.
    package func sheets(_ kind: BookletKind) -> [RenderedSheet] {
        unit.projects.indices.compactMap { kind == .goals ? goal($0) : selfEvaluation($0) }
    }

    /// `nil` when the booklet would hold no sheet.
    package func booklet(_ kind: BookletKind) -> Page? {
        let sheets = sheets(kind)
        guard !sheets.isEmpty else { return nil }
        let path = Paths.booklet(kind, year, unit)
        var context = frame.context(title: "\(unit.name)\(year.year)年度\(kind.sheetName)", path: path,
                                    trail: [("\(year.year)年", Paths.year(year)), (unit.name, Paths.unit(year, unit)), (kind.crumb, path)],
                                    kind: kind.page)
        context["unitName"] = .text(unit.name)
        context["unitURL"] = .text(frame.url(Paths.unit(year, unit)))
        context["sheets"] = .list(sheets.map { .object($0.placed) })
        context["sheetCount"] = TemplateValue(sheets.count)
        return Page(path: path, kind: kind.page, context: context)
    }
}
