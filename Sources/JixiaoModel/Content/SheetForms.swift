/// Where a publisher's form differs from the national layout of a sheet: its title, and the rows it
/// prints below the table (Zibo's 自评表 asks for the reasons of a total under 80 there).
public struct SheetForm: Sendable, Hashable {
    public var title: String?
    public var notes: [String]

    public init(title: String? = nil, notes: [String] = []) {
        self.title = title
        self.notes = notes
    }

    /// This form with `other`'s title and notes where it gives them.
    public func overridden(by other: SheetForm) -> SheetForm {
        SheetForm(title: other.title ?? title, notes: other.notes.isEmpty ? notes : other.notes)
    }
}

/// The forms of a site or unit, one per sheet kind; a unit's override the site's.
public struct SheetForms: Sendable, Hashable {
    public var goalTable = SheetForm()
    public var selfEvaluation = SheetForm()

    public init(goalTable: SheetForm = SheetForm(), selfEvaluation: SheetForm = SheetForm()) {
        self.goalTable = goalTable
        self.selfEvaluation = selfEvaluation
    }

    public func overridden(by other: SheetForms) -> SheetForms {
        SheetForms(goalTable: goalTable.overridden(by: other.goalTable), selfEvaluation: selfEvaluation.overridden(by: other.selfEvaluation))
    }
}
