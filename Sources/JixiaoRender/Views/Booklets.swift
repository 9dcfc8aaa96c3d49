import Foundation
import JixiaoModel
import JixiaoTemplates

extension BookletKind {
    var sheetName: String {
        switch self {
        case .goals: "项目绩效目标表"
        case .selfEvaluations: "项目支出绩效自评表"
        case .monitoring: "项目绩效运行监控表"
        }
    }

    /// The kind of the sheets it holds.
    package var sheet: SheetKind {
        switch self {
        case .goals: .goal
        case .selfEvaluations: .selfEvaluation
        case .monitoring: .monitoring
        }
    }

    var crumb: String {
        switch self {
        case .goals: "全部绩效目标表"
        case .selfEvaluations: "全部绩效自评表"
        case .monitoring: "全部绩效运行监控表"
        }
    }
}

/// A unit's booklet: its sheets of one kind, one after another, to print in one go.
struct BookletView: TemplateView {
    let unitName: String
    let unitURL: String
    let sheets: [RenderedSheet]
    /// The monitoring booklet's summary: counts of lights, and the projects lagging most first.
    var summary: TemplateValue?

    var fields: TemplateFields {
        var fields: TemplateFields = ["unitName": .text(unitName), "unitURL": .text(unitURL), "sheetCount": TemplateValue(sheets.count)]
        fields.set("sheets", sheets)
        if let summary { fields["summary"] = summary }
        return fields
    }
}

extension UnitSheets {
    /// The sheets a booklet holds, in the unit's order: every project's goal table, or the
    /// self-evaluation of each evaluated project.
    package func sheets(_ kind: BookletKind) -> [RenderedSheet] {
        unit.projects.indices.compactMap { sheet($0, kind.sheet) }
    }

    /// The lights of the unit's monitored projects: how many of each, and the projects by their lag, most first.
    func monitoringSummary() -> TemplateValue {
        var rows: [(lag: Decimal?, fields: TemplateValue)] = []
        var counts: [Light: Int] = [:]
        var number = 0
        for project in unit.projects {
            guard let result = checked.evaluation(year, unit, project)?.monitoring else { continue }
            number += 1
            counts[result.light, default: 0] += 1
            let lag = result.rate.map { (result.timeProgress - $0) * 100 }
            rows.append((lag, [
                "name": .text(project.name), "page": .text("sheet-\(number)"), "rate": .text(Format.rate(result.rate)),
                "time": .text(Format.rate(result.timeProgress.roundedHalfUp(4))), "lag": .text(lag.map { $0.roundedHalfUp(1).plain } ?? ""),
                "light": MonitoringSheetView.light(result.light),
            ]))
        }
        // Most lagging first; a project without a rate last; otherwise the unit's order.
        let ordered = rows.enumerated().sorted { a, b in
            switch (a.element.lag, b.element.lag) {
            case let (x?, y?) where x != y: x > y
            case (nil, _?): false
            case (_?, nil): true
            default: a.offset < b.offset
            }
        }.map(\.element.fields)
        return ["red": TemplateValue(counts[.red] ?? 0), "yellow": TemplateValue(counts[.yellow] ?? 0), "green": TemplateValue(counts[.green] ?? 0),
                "rows": .list(ordered)]
    }

    /// `nil` when the booklet would hold no sheet.
    package func booklet(_ kind: BookletKind) -> Page? {
        let sheets = sheets(kind)
        guard !sheets.isEmpty else { return nil }
        let path = Paths.booklet(kind, year, unit)
        let chrome = frame.chrome(title: "\(unit.name)\(year.year)年度\(kind.sheetName)", path: path,
                                  trail: [("\(year.year)年", Paths.year(year)), (unit.name, Paths.unit(year, unit)), (kind.crumb, path)],
                                  kind: kind.page, unit: unit)
        let files = OfficeFiles.sheet(OfficeFiles.bookletName(kind), in: Paths.unit(year, unit), sheets.compactMap(\.office))
        var view = BookletView(unitName: unit.name, unitURL: frame.url(Paths.unit(year, unit)), sheets: sheets)
        if kind == .monitoring { view.summary = monitoringSummary() }
        return Page(path: path, chrome: chrome, view: view, files: files, frame: frame)
    }
}
