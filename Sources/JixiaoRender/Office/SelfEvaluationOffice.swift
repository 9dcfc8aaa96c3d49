import JixiaoModel
import JixiaoOffice

extension ProjectPages {
    /// The self-evaluation as office files lay it out: the page's blocks, cell for cell.
    func office(_ sheet: SelfEvaluationSheetView) -> OfficeSheet {
        let common = sheet.header.common, layout = sheet.layout
        let heading = { (text: String, span: Int) in OfficeCell.text(text, columnSpan: span, heading: true) }
        var blocks: [OfficeBlock] = [.title(sheet.title), .subtitle(sheet.subtitle)]
        if layout.unitLine { blocks.append(.line(left: "", right: common.moneyCaption)) }

        let values: [SelfEvaluationLayout.Fact: String] = [
            .name: common.name, .department: common.department, .implementer: common.implementer, .contact: common.contact ?? "",
        ]
        // One table of eight columns, as the form prints it.
        var rows: [[OfficeCell]] = layout.facts.map { row in
            row.flatMap { fact in [heading(fact.label(common), 1), .text(values[fact] ?? "", columnSpan: row.count == 1 ? 7 : 3)] }
        }
        let unit = layout.unitLine ? "项目资金（\(common.moneyUnit)）" : "项目资金（\(common.moneyCaption)）"
        rows.append([heading(unit, 2)] + ["年初预算数", "全年预算数（A）", "全年执行数（B）", "分值", "执行率（B/A）", "得分"].map { heading($0, 1) })
        for row in sheet.funds {
            rows.append([heading(row.label, 2)] + [row.initial, row.budget, row.spent, row.weight, row.rate, row.score].map { .number($0) })
        }
        if let reason = sheet.header.executionReason { rows.append([heading("执行率偏低原因", 2), .text(reason, columnSpan: 6)]) }
        rows.append([OfficeCell.text("年度总体目标", rowSpan: 2, heading: true), heading("年初预期目标", 4), heading("目标实际完成情况", 3)])
        rows.append([.text(common.goal.plain, columnSpan: 4), .text(sheet.header.outcome.plain, columnSpan: 3)])
        let header = rows.count
        rows.append(["一级指标", "二级指标", "三级指标", "年度指标值（A）", "实际完成值（B）", "分值", "得分", "偏差原因分析及改进措施"].map { heading($0, 1) })
        for row in sheet.rows {
            rows.append(row.cells.office + [.text(row.target), .text(row.actual), .number(row.weight), .number(row.score), .text(row.reason)])
        }
        rows.append([heading("总分", 5), .number(sheet.total.weight, heading: true), .number(sheet.total.score, heading: true),
                     .text(layout.showsGrade ? "等级：\(sheet.total.grade)" : "")])
        for note in sheet.notes { rows.append([.text(note, columnSpan: 8)]) }
        blocks.append(.table(OfficeTable(rows: rows, headerRows: 0, repeatedRows: header ..< header + 1)))
        if !sheet.signatures.isEmpty { blocks.append(.paragraph(OfficeBlock.signatureLine(sheet.signatures))) }
        return OfficeSheet(name: project.name, blocks: blocks, landscape: sheet.print.landscape)
    }
}
