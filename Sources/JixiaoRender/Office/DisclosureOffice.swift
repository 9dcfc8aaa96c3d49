import JixiaoModel
import JixiaoOffice

extension DisclosureView {
    /// The 公开表 as office files lay it out: its title lines, the table with its 合计 where the form puts
    /// it, and the lines below.
    var office: OfficeSheet {
        let heading = { (text: String) in OfficeCell.text(text, heading: true) }
        var blocks: [OfficeBlock] = titleLines.isEmpty
            ? [.title("\(header.name)项目支出绩效目标公开表"), .subtitle("\(header.year)年度")]
            : titleLines.map(OfficeBlock.title)
        blocks.append(.line(left: "", right: header.moneyCaption))
        var table: [[OfficeCell]] = [headings.map { heading($0.text) }]
        // The published 合计 stays a number; the note below the table says where it differs from the sum.
        let totalRow = [heading("合计")] + totalCells.map { cell in
            cell.numeric ? OfficeCell.number(total, heading: true) : OfficeCell.text("", columnSpan: cell.span, heading: true)
        }
        if layout.totalFirst { table.append(totalRow) }
        table += officeRows
        if !layout.totalFirst { table.append(totalRow) }
        blocks.append(.table(OfficeTable(rows: table, headerRows: 1)))
        blocks += notes.map(OfficeBlock.paragraph)
        if let mismatch {
            blocks.append(.paragraph("※ 合计为公布数 \(total)；各项目金额之和为 \(mismatch.sum)，相差 \(mismatch.difference)（\(header.moneyUnit)）。"))
        }
        if !signatures.isEmpty { blocks.append(.paragraph(OfficeBlock.signatureLine(signatures))) }
        return OfficeSheet(name: "公开表", blocks: blocks, landscape: headings.count > 6)
    }

    private var officeRows: [[OfficeCell]] {
        rows.map { row in
            var cells: [OfficeCell] = []
            if let project = row.project {
                let place = { (cell: Cell) -> OfficeCell in
                    cell.numeric ? .number(cell.text, rowSpan: cell.span) : .text(cell.rich?.plain ?? cell.text, rowSpan: cell.span)
                }
                cells += project.before.map(place) + [.text(project.name, rowSpan: project.span)] + project.after.map(place)
            }
            if let levels = row.cells { cells += levels.office }
            return cells + row.columns.map { $0.numeric ? .number($0.text) : .text($0.text) }
        }
    }
}
