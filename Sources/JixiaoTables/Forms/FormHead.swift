import Foundation
import JixiaoModel

/// The upper part of a project form, above its indicators: title, label cells and their values, the
/// money unit, the budget unit (`436001玉田县工业和信息化局本级`), a spending plan and 资金用途. Both form
/// readers read their heads with it; what only one of them has (a self-evaluation's funds table) they
/// read before handing the other rows here.
struct FormHead {
    let file: String
    var cellText: CellText
    var notes: [Diagnostic] = []

    var title: (text: String, cell: FormCell)?
    /// Each value label's value, the first time the form gives it.
    var values: [FormLabel: (text: String, cell: FormCell)] = [:]
    var moneyUnit: String?
    /// The budget unit a form names above its labels: its code and name.
    var budgetUnit: (code: String, name: String, cell: FormCell)?
    /// The budget unit's code and name, for the form's result.
    var unit: (code: String, name: String)? { budgetUnit.map { ($0.code, $0.name) } }
    var spendingPlan: [MonthPercent] = []
    var spendingPlanCell: FormCell?
    /// The months of a spending plan whose percents are on the next row.
    private var pendingMonths: [(month: Int, cell: FormCell)] = []
    /// The row before announced 资金用途 on this one.
    private var purposeFollows = false

    init(file: String, wraps: Bool) {
        self.file = file
        cellText = CellText(wraps: wraps)
    }

    func at(_ cell: FormCell) -> SourceLocation { SourceLocation(file: file, line: cell.line, column: cell.column) }

    /// Reads one row of the head.
    mutating func read(_ row: FormRow) {
        let expectsPurpose = purposeFollows
        purposeFollows = false
        let filled = row.filled
        for cell in filled where moneyUnit == nil {
            moneyUnit = FormText.moneyUnit(cell.text)
        }
        if let text = FormSections.title(row), title == nil {
            title = (text, row.single ?? filled[0])
            return
        }
        if !pendingMonths.isEmpty, readPercents(row) { return }
        if expectsPurpose, filled.count == 1, FormLabel.of(filled[0].text) == nil {
            take(.purpose, filled[0])
            return
        }
        purposeFollows = row.has(.budgetGroup)
        if row.has(.spendingPlan) {
            readMonths(row)
            return
        }
        let labelled = row.labelled
        for (label, _, value) in labelled {
            if let value { take(label, value) }
        }
        if !labelled.isEmpty || filled.allSatisfy({ FormLabel.of($0.text) != nil || FormText.moneyUnit($0.text) != nil }) { return }
        if filled.count <= 2, let unit = Self.budgetUnit(filled[0].text), budgetUnit == nil {
            budgetUnit = (unit.code, unit.name, filled[0])
            return
        }
        if let single = row.single, Self.isYear(single.text) { return }
        notes.append(.warning(.rowSkipped, "row not read: it holds no label of the form's: \(row.shown)", at: at(filled[0])))
    }

    private mutating func take(_ label: FormLabel, _ cell: FormCell) {
        guard values[label] == nil else {
            if cellText.text(cell) != values[label]!.text {
                notes.append(.warning(.cellDiffers, "\(label.shown) \"\(cell.text)\" not read: the form gives \"\(values[label]!.text)\" above", at: at(cell)))
            }
            return
        }
        values[label] = (cellText.text(cell), cell)
    }

    private mutating func readMonths(_ row: FormRow) {
        for cell in row.filled where FormLabel.of(cell.text) == nil {
            guard let month = Self.month(cell.text) else {
                notes.append(.warning(.rowSkipped, "资金支出计划 \(cell.text) not read: it names no month", at: at(cell)))
                continue
            }
            pendingMonths.append((month, cell))
        }
        spendingPlanCell = row.filled.first
    }

    /// The percents under the months of the row above, in order; false (and the plan noted as not read)
    /// when the row holds something else, which is then read as any row.
    private mutating func readPercents(_ row: FormRow) -> Bool {
        let percents = row.filled
        defer { pendingMonths = [] }
        guard percents.count == pendingMonths.count, percents.allSatisfy({ Self.percent($0.text) != nil }) else {
            notes.append(.warning(.rowSkipped, "资金支出计划 not read: \(counted(pendingMonths.count, "month")) above, but the row below holds \(row.shown)",
                                  at: at(spendingPlanCell ?? percents[0])))
            return !percents.contains { FormLabel.of($0.text) != nil }
        }
        spendingPlan = zip(pendingMonths, percents).map { MonthPercent(month: $0.month, percent: Self.percent($1.text)!) }
        return true
    }

    /// `3月底`, `6月末`, `12月` → the month.
    static func month(_ text: String) -> Int? {
        let compact = text.filter { !$0.isWhitespace }
        guard let range = compact.range(of: #"^([0-9]{1,2})月(底|末|份)?(前)?$"#, options: .regularExpression), range == compact.startIndex ..< compact.endIndex,
              let month = Int(compact.prefix { $0.isNumber }), (1 ... 12).contains(month)
        else { return nil }
        return month
    }

    /// `25%` → `25`.
    static func percent(_ text: String) -> String? {
        var compact = text.filter { !$0.isWhitespace }
        if compact.hasSuffix("%") || compact.hasSuffix("％") { compact.removeLast() }
        return Decimal.exact(compact) != nil ? compact : nil
    }

    /// `(2022年)`, `（ 2021 年度）`.
    static func isYear(_ text: String) -> Bool {
        text.filter { !$0.isWhitespace }.range(of: #"^[（(][0-9]{4}年度?[)）]$"#, options: .regularExpression) != nil
    }

    /// A budget unit as a form names it above its labels: its code, then its name (`436001玉田县工业和信息化局本级`,
    /// `436001-玉田县工业和信息化局`).
    static func budgetUnit(_ text: String) -> (code: String, name: String)? {
        let compact = Trim.whitespace(text)
        let code = compact.prefix { $0.isASCII && $0.isNumber }
        guard code.count >= 3 else { return nil }
        var name = compact.dropFirst(code.count)
        while let first = name.first, first.isWhitespace || "-－—_:：".contains(first) { name = name.dropFirst() }
        guard let first = name.first, Chars.isIdeograph(first) else { return nil }
        return (String(code), String(name))
    }
}
