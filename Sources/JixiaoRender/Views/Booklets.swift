import Foundation
import JixiaoModel
import JixiaoTemplates

extension BookletKind {
    var sheetName: String { self == .goals ? "项目绩效目标表" : "项目支出绩效自评表" }
    var crumb: String { self == .goals ? "全部绩效目标表" : "全部绩效自评表" }
}

/// A unit's booklet: its sheets of one kind, one after another, to print in one go.
struct BookletView: TemplateView {
    let unitName: String
    let unitURL: String
    let sheets: [RenderedSheet]

    var fields: TemplateFields {
        var fields: TemplateFields = ["unitName": .text(unitName), "unitURL": .text(unitURL), "sheetCount": TemplateValue(sheets.count)]
        fields.set("sheets", sheets)
        return fields
    }
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
        let chrome = frame.chrome(title: "\(unit.name)\(year.year)年度\(kind.sheetName)", path: path,
                                  trail: [("\(year.year)年", Paths.year(year)), (unit.name, Paths.unit(year, unit)), (kind.crumb, path)],
                                  kind: kind.page)
        let files = OfficeFiles.sheet(OfficeFiles.bookletName(kind), in: Paths.unit(year, unit), sheets.compactMap(\.office))
        return Page(path: path, chrome: chrome, view: BookletView(unitName: unit.name, unitURL: frame.url(Paths.unit(year, unit)), sheets: sheets),
                    files: files, frame: frame)
    }
}
