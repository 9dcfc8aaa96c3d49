import JixiaoModel
import JixiaoOffice

extension ProjectPages {
    /// The monitoring sheet as office files lay it out: the page's blocks, cell for cell, the light in words.
    func office(_ sheet: MonitoringSheetView) -> OfficeSheet {
        let common = sheet.header
        let heading = { (text: String) in OfficeCell.text(text, heading: true) }
        let month = sheet.result.month
        var blocks: [OfficeBlock] = [.title(sheet.title), .subtitle(sheet.subtitle), .line(left: "", right: common.moneyCaption)]
        blocks.append(.table(OfficeTable(rows: [
            [heading("项目名称"), .text(common.name, columnSpan: 3)],
            [heading("主管部门"), .text(common.department), heading("实施单位"), .text(common.implementer)],
        ])))
        let funds = sheet.funds
        blocks.append(.table(OfficeTable(rows: [
            ["年初预算数", "全年预算数", "1-\(month)月执行数", "执行进度", "全年预计执行数", "时间进度", "偏差（百分点）", "监控结果"].map(heading),
            [funds.initial, funds.budget, funds.spent, funds.rate, funds.expected, funds.time, funds.lag].map { OfficeCell.number($0) }
                + [.text(sheet.result.light.chinese)],
        ], headerRows: 1)))
        blocks.append(.table(OfficeTable(rows: [
            [heading("全年预期目标"), heading("1-\(month)月执行情况")],
            [.text(common.goal.plain), .text(sheet.outcome)],
        ], headerRows: 1)))
        let leading = ["一级指标", "二级指标", "三级指标", "年度指标值", "1-\(month)月执行情况", "全年预计完成情况"]
        var rows: [[OfficeCell]]
        if sheet.ticked {
            let tall = { (text: String) in OfficeCell.text(text, rowSpan: 2, heading: true) }
            rows = [leading.map(tall) + [OfficeCell.text("偏差原因分析", columnSpan: DeviationCause.allCases.count, heading: true),
                                         OfficeCell.text("完成目标可能性", columnSpan: Likelihood.allCases.count, heading: true), tall("纠偏措施")],
                    (DeviationCause.allCases.map(\.rawValue) + Likelihood.allCases.map(\.rawValue)).map(heading)]
        } else {
            rows = [(leading + ["偏差原因分析", "完成目标可能性", "纠偏措施"]).map(heading)]
        }
        for row in sheet.rows {
            let line = row.line
            let light = row.light?.chinese
            var cells = row.cells.office + [.text(row.target), .text(line?.progress ?? ""), .text(line?.expected ?? "")]
            if sheet.ticked {
                cells += DeviationCause.allCases.map { .text(line?.cause == $0 ? "√" : "") }
                cells += Likelihood.allCases.map { .text(line?.likelihood == $0 ? "√" : "") }
                cells.append(.text(line?.measure ?? ""))
            } else {
                cells += [.text(line?.cause?.rawValue ?? ""), .text([line?.likelihood?.rawValue, light].compactMap { $0 }.joined(separator: " ")),
                          .text(line?.measure ?? "")]
            }
            rows.append(cells)
        }
        blocks.append(.table(OfficeTable(rows: rows, headerRows: sheet.ticked ? 2 : 1)))
        blocks += sheet.notes.map(OfficeBlock.paragraph)
        if !sheet.signatures.isEmpty { blocks.append(.paragraph(OfficeBlock.signatureLine(sheet.signatures))) }
        return OfficeSheet(name: project.name, blocks: blocks, landscape: true)
    }
}
