import JixiaoModel
import JixiaoOffice

extension ProjectPages {
    /// The goal table as office files lay it out: the page's blocks, cell for cell.
    func office(_ sheet: GoalSheetView) -> OfficeSheet {
        let header = sheet.header, common = header.common, layout = header.layout
        let heading = { (text: String, span: Int) in OfficeCell.text(text, columnSpan: span, heading: true) }
        var blocks: [OfficeBlock] = [.title(sheet.title)]
        if let subtitle = sheet.subtitle { blocks.append(.subtitle(subtitle)) }
        blocks.append(.line(left: header.unitLine ?? "", right: common.moneyCaption))

        var facts: [[OfficeCell]] = []
        if layout.budgetScale {
            facts.append([heading("项目编码", 1), .text(common.code ?? "", columnSpan: 2), heading("项目名称", 1), .text(common.name, columnSpan: 3)])
            facts.append([OfficeCell.text("预算规模及资金用途", rowSpan: 2, heading: true), heading("预算数", 1), .number(header.amount),
                          heading("其中：财政资金", 1), .number(header.fiscal ?? ""), heading("其他资金", 1), .number(header.nonFiscal ?? "")])
            facts.append([.text(header.purpose.plain, columnSpan: 6)])
        } else {
            if let code = common.code { facts.append([heading("项目编码", 2), .text(code)]) }
            facts.append([heading(common.nameLabel, 2), .text(common.name)])
            if layout.showsUnits {
                facts.append([heading("主管部门", 2), .text(common.department)])
                facts.append([heading("实施单位", 2), .text(common.implementer)])
            }
            if let category = common.category { facts.append([heading("项目类别", 2), .text(category)]) }
            let funds = [("财政拨款数", header.fiscal), ("非财政拨款数", header.nonFiscal), ("预算执行率权重（%）", header.executionWeight)]
                .compactMap { label, value in value.map { (label, $0) } }
            facts.append([OfficeCell.text("投入目标（\(common.moneyUnit)）", rowSpan: 1 + funds.count, heading: true), heading("资金总额", 1),
                          .number(header.amount)])
            for (label, value) in funds { facts.append([heading(label, 1), .number(value)]) }
            if header.purpose.html != nil { facts.append([heading("资金用途", 2), .text(header.purpose.plain)]) }
            facts.append([heading(layout.goalLabel, 2), .text(common.goal.plain)])
        }
        blocks.append(.table(OfficeTable(rows: facts)))
        if !header.spendingPlan.isEmpty {
            blocks.append(.paragraph("资金支出计划（%）"))
            blocks.append(.table(OfficeTable(rows: [header.spendingPlan.map { heading($0.month, 1) }, header.spendingPlan.map { .number($0.percent) }],
                                             headerRows: 1)))
        }
        if layout.budgetScale { blocks.append(.table(OfficeTable(rows: [[heading(layout.goalLabel, 1), .text(common.goal.plain)]]))) }

        blocks.append(.paragraph("绩效指标"))
        var rows: [[OfficeCell]] = [(["一级指标", "二级指标", "三级指标"] + sheet.columns.map(\.heading)).map { heading($0, 1) }]
        for row in sheet.rows {
            rows.append(row.cells.office + row.columns.map { $0.numeric ? .number($0.text) : .text($0.text) })
        }
        blocks.append(.table(OfficeTable(rows: rows, headerRows: 1)))
        blocks += sheet.notes.map(OfficeBlock.paragraph)
        if !sheet.signatures.isEmpty { blocks.append(.paragraph(OfficeBlock.signatureLine(sheet.signatures))) }
        return OfficeSheet(name: project.name, blocks: blocks, landscape: sheet.print.landscape)
    }
}

extension IndicatorCells {
    /// The row's 一级 and 二级 cells (where it starts their groups) and its 三级指标.
    var office: [OfficeCell] {
        var cells: [OfficeCell] = []
        if let level1 { cells.append(.text(level1.text, rowSpan: level1.span, heading: true)) }
        if let level2 { cells.append(.text(level2.text, rowSpan: level2.span, heading: true)) }
        return cells + [.text(name)]
    }
}

extension OfficeBlock {
    /// `填报单位：　　　　负责人：　　　　`.
    static func signatureLine(_ labels: [String]) -> String { labels.map { $0 + "：　　　　" }.joined() }
}
