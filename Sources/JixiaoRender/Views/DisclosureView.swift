import Foundation
import JixiaoCheck
import JixiaoModel
import JixiaoTemplates

/// A unit's page: 部门整体绩效目标 when given, then the 公开表 of every project with its indicators and the 合计.
struct DisclosureView: TemplateView {
    struct Header: TemplateView {
        let name: String
        let moneyCaption: String
        let moneyUnit: String
        let year: Int
        let code: String?
        let goal: RichText
        let measures: RichText
        let body: RichText
        let targets: [Target]
        let hasOverallGoals: Bool

        struct Target: TemplateView {
            let number: String
            let name: String
            let indicators: [String]
            let goal: String?

            var fields: TemplateFields {
                var fields: TemplateFields = ["number": .text(number), "name": .text(name)]
                fields.set("goal", goal.map(Trim.whitespace))
                if !indicators.isEmpty {
                    fields["hasIndicators"] = true
                    fields["indicators"] = .list(indicators.enumerated().map { ["text": .text($1), "first": .flag($0 == 0)] })
                }
                return fields
            }
        }

        var fields: TemplateFields {
            var fields: TemplateFields = ["name": .text(name), "moneyCaption": .text(moneyCaption), "moneyUnit": .text(moneyUnit),
                                          "year": TemplateValue(year)]
            fields.set("code", code)
            fields.set("goal", goal)
            fields.set("measures", measures)
            fields.set("body", body)
            if !targets.isEmpty {
                fields["hasTargets"] = true
                fields.set("targets", targets)
            }
            fields.flag("hasOverallGoals", hasOverallGoals)
            // The parts present, numbered 一、二、三 as the published documents number them.
            let parts = [("goalHeading", goal.html == nil ? nil : "总体绩效目标"), ("targetsHeading", targets.isEmpty ? nil : "分项绩效目标"),
                         ("measuresHeading", measures.html == nil ? nil : "工作保障措施")]
            var number = 0
            for (key, title) in parts {
                guard let title else { continue }
                number += 1
                fields[key] = .text("\(DisclosureView.chineseOrdinal(number))、\(title)")
            }
            return fields
        }
    }

    /// The project's cells on its first row, merged down its rows: the name (linked, with the
    /// self-evaluation's score when evaluated), then the form's other project columns.
    struct ProjectCells: TemplateView {
        let name: String
        let url: String
        let span: Int
        /// Where the name comes among the cells, and the cells before and after it.
        let before: [Cell]
        let after: [Cell]
        /// For an evaluated project: its self-evaluation's address, total and grade.
        let evaluated: (url: String, score: String, grade: String)?

        var fields: TemplateFields {
            var fields: TemplateFields = ["name": .text(name), "url": .text(url), "span": TemplateValue(span)]
            fields["before"] = .records(before)
            fields["after"] = .records(after)
            if let evaluated {
                fields["selfEvaluationURL"] = .text(evaluated.url)
                fields["score"] = .text(evaluated.score)
                fields["grade"] = .text(evaluated.grade)
            }
            return fields
        }
    }

    /// A cell of the table: text, or rich text (a goal, published lines), and how it aligns.
    struct Cell: TemplateRecord {
        var text = ""
        var rich: RichText? = nil
        var numeric = false
        var span = 1

        static let names = RecordNames(["text", "num", "span", "colspan", "rich", "contentHTML", "contentMD"])

        func append(to values: inout [TemplateValue?]) {
            values.append(.text(text))
            values.append(.flag(numeric))
            values.append(TemplateValue(span))
            values.append(span > 1 ? TemplateValue(span) : nil)
            values.append(.flag(when: rich != nil))
            values.append(TemplateValue(rich?.html))
            values.append(TemplateValue(rich?.markdown))
        }
    }

    /// One row of the table: an indicator (or none, for a project without any), the project's cells on its first row.
    struct Row: TemplateRecord {
        let cells: IndicatorCells?
        let columns: [Cell]
        let project: ProjectCells?

        static let names = RecordNames(IndicatorCells.names + ["hasLevels", "cells", "project"])

        func append(to values: inout [TemplateValue?]) {
            if let cells {
                cells.append(to: &values)
            } else {
                values += repeatElement(nil, count: IndicatorCells.names.count)
            }
            values.append(.flag(cells != nil))
            values.append(.records(columns))
            values.append(project.map { .object($0.fields) })
        }
    }

    let header: Header
    let rows: [Row]
    /// The 合计 as published, or the projects' sum when none is.
    let total: String
    /// The projects' sum and the difference to the published 合计, when they differ.
    let mismatch: (sum: String, difference: String)?
    let layout: DisclosureLayout
    let titleLines: [String]
    let notes: [String]
    let signatures: [String]
    let headings: [(text: String, numeric: Bool)]
    /// The 合计 row's cells after its label: the amount under 金额, blanks elsewhere.
    let totalCells: [Cell]
    let projectColumnCount: Int
    let projectCount: Int
    let booklets: [Link]

    init(_ unit: JixiaoModel.Unit, of year: Year, checked: CheckedSite, frame: PageFrame) {
        header = Header(
            name: unit.name, moneyCaption: Format.unitCaption(unit.moneyUnit), moneyUnit: unit.moneyUnit.rawValue, year: year.year,
            code: unit.code, goal: frame.rich(unit.goal), measures: frame.rich(unit.measures), body: frame.rich(unit.body),
            targets: unit.targets.enumerated().map { index, target in
                Header.Target(number: Self.chineseOrdinal(index + 1), name: target.name, indicators: target.indicators, goal: target.goal)
            },
            hasOverallGoals: unit.goal != nil || !unit.targets.isEmpty || unit.measures != nil)
        let form = unit.forms.disclosure
        let layout = DisclosureLayout.named(form.name)
        let money = { (amount: Amount?) in Format.money(amount, grouped: layout.groupsThousands) }
        let projectColumns = layout.projectColumns(for: unit.projects)
        let indicatorColumns = layout.indicatorColumns
        var rows: [Row] = []
        var evaluatedCount = 0
        for (place, project) in unit.projects.enumerated() {
            let indicatorRows = layout.indicatorLevels ? IndicatorCells.rows(project.indicators, merged: layout.mergesLevels) : []
            var evaluated: (String, String, String)?
            if let evaluation = checked.evaluation(year, unit, project), evaluation.execution != nil {
                evaluated = (frame.url(Paths.selfEvaluation(year, unit, project)), Format.points(evaluation.total), evaluation.grade ?? "")
                evaluatedCount += 1
            }
            let span = max(1, indicatorRows.count)
            let cells = projectColumns.map { entry -> Cell in
                switch entry.column {
                case .serial: Cell(text: String(place + 1), span: span)
                case .name: Cell(text: project.name, span: span)
                case .unit: Cell(text: [unit.code, unit.name].compactMap { $0 }.joined(separator: "-"), span: span)
                case .code: Cell(text: project.code ?? "", span: span)
                case .category: Cell(text: project.category ?? "", span: span)
                case .amount: Cell(text: money(project.amount.converted(from: project.moneyUnit, to: unit.moneyUnit)), numeric: true, span: span)
                case .goal: Cell(text: Trim.whitespace(project.goal), rich: frame.rich(project.goal), span: span)
                case .indicatorsText:
                    Cell(text: project.indicatorsLines.joined(separator: " "), rich: frame.lines(project.indicatorsLines), span: span)
                }
            }
            let nameAt = projectColumns.firstIndex { $0.column == .name } ?? 0
            let projectCells = ProjectCells(
                name: project.name, url: frame.url(Paths.project(year, unit, project)), span: span,
                before: Array(cells[..<nameAt]), after: Array(cells[(nameAt + 1)...]), evaluated: evaluated)
            if indicatorRows.isEmpty {
                rows.append(Row(cells: nil, columns: [], project: projectCells))
            }
            for (index, row) in indicatorRows.enumerated() {
                let indicator = project.indicators[index]
                rows.append(Row(cells: row, columns: zip(indicatorColumns.texts(of: indicator), indicatorColumns).map { Cell(text: $0, numeric: $1.isNumeric) },
                                project: index == 0 ? projectCells : nil))
            }
        }
        self.rows = rows
        let sum = checked.projectsTotal(year, unit)
        total = money(unit.total ?? sum)
        if let published = unit.total, published != sum {
            mismatch = (money(sum), (published.value - sum.value).grouped(max(published.places, sum.places)))
        } else {
            mismatch = nil
        }
        self.layout = layout
        let fill = { (text: String) in SheetForm.title(text, year: year.year, unit: unit.name, moneyUnit: unit.moneyUnit.rawValue) }
        titleLines = form.title.map { [fill($0)] } ?? layout.titleLines.map(fill)
        notes = form.notes ?? []
        signatures = form.signatures
        headings = projectColumns.map { (fill($0.heading), $0.column == .amount) }
            + (layout.indicatorLevels ? ["一级指标", "二级指标", "三级指标"].map { ($0, false) } : [])
            + indicatorColumns.map { ($0.heading, $0.isNumeric) }
        let levels = layout.indicatorLevels ? 3 : 0
        projectColumnCount = projectColumns.count
        totalCells = projectColumns.dropFirst().map { Cell(numeric: $0.column == .amount) }
            + (levels + indicatorColumns.count > 0 ? [Cell(span: levels + indicatorColumns.count)] : [])
        projectCount = unit.projects.count
        // The booklets SitePages lists for the unit: all goal tables, and all self-evaluations when there are any.
        var booklets: [Link] = []
        if !unit.projects.isEmpty {
            booklets.append(Link(title: BookletKind.goals.crumb, url: frame.url(Paths.booklet(.goals, year, unit)), count: unit.projects.count))
        }
        if evaluatedCount > 0 {
            booklets.append(Link(title: BookletKind.selfEvaluations.crumb, url: frame.url(Paths.booklet(.selfEvaluations, year, unit)),
                                 count: evaluatedCount))
        }
        let monitored = unit.projects.filter { checked.evaluation(year, unit, $0)?.monitoring != nil }.count
        if monitored > 0 {
            booklets.append(Link(title: BookletKind.monitoring.crumb, url: frame.url(Paths.booklet(.monitoring, year, unit)), count: monitored))
        }
        self.booklets = booklets
    }

    var fields: TemplateFields {
        var fields = TemplateFields()
        fields.set("unit", header)
        fields["rows"] = .records(rows)
        var totals: TemplateFields = ["amount": .text(total)]
        if let mismatch {
            totals["mismatch"] = true
            totals["sum"] = .text(mismatch.sum)
            totals["difference"] = .text(mismatch.difference)
        }
        fields["total"] = .object(totals)
        fields.flag("totalFirst", layout.totalFirst)
        fields.flag("unitLine", layout.unitLine)
        if !titleLines.isEmpty { fields["titleLines"] = .list(titleLines.map { ["text": .text($0)] }) }
        fields.setFormRows(notes: notes, signatures: signatures)
        fields["headings"] = .cells(headings)
        // The Markdown twin's empty project cells on an indicator's own row.
        fields["projectBlanks"] = .list(Array(repeating: [:], count: projectColumnCount))
        fields["totalCells"] = .records(Records(Self.totalCellNames, count: totalCells.count) { index, values in
            totalCells[index].append(to: &values)
            values.append(.flag(when: totalCells[index].numeric))
        })
        fields["projectCount"] = TemplateValue(projectCount)
        fields.set("booklets", booklets)
        return fields
    }

    /// A 合计 row's cell: a cell, and whether it is the amount's.
    private static let totalCellNames = RecordNames(Cell.names.texts + ["amount"])

    static func chineseOrdinal(_ number: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        switch number {
        case 1 ... 9: return digits[number]
        case 10: return "十"
        case 11 ... 19: return "十" + digits[number - 10]
        case 20 ... 99: return digits[number / 10] + "十" + digits[number % 10]
        default: return String(number)
        }
    }
}

/// A unit's page: its 公开表, and its department-wide goal table (`overall:`) when it has one.
struct UnitPageView: TemplateView {
    let disclosure: DisclosureView
    let overallGoal: RenderedSheet?
    /// The 公开 information the portals print above a disclosure: 索引号, 发布机构, 发布日期, 成文日期, 文号, as given.
    let metadata: PageMetadata
    let overallSelfEvaluationURL: String?
    let charts: [BarChart]

    var fields: TemplateFields {
        var fields = disclosure.fields
        let info: [(String, String?)] = [("索引号", metadata.index), ("发布机构", metadata.publisher), ("发布日期", metadata.published),
                                         ("成文日期", metadata.written), ("文号", metadata.number)]
        let given = info.compactMap { label, value in value.map { ["label": TemplateValue.text(label), "value": .text($0)] as TemplateValue } }
        if !given.isEmpty {
            fields["hasDisclosureInfo"] = true
            fields["disclosureInfo"] = .list(given)
        }
        fields.setCharts(charts)
        if let overallGoal {
            fields["overallSheetHTML"] = .rendered(overallGoal.html)
            fields["overallSheetMD"] = .rendered(overallGoal.markdown)
        }
        fields.set("overallSelfEvaluationURL", overallSelfEvaluationURL)
        return fields
    }
}
