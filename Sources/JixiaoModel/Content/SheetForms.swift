/// The sheets a form lays out.
public enum FormKind: String, Sendable, Hashable, CaseIterable {
    case goalTable = "goal_table"
    case selfEvaluation = "self_evaluation"
    case disclosure
    case monitoring
    case overallGoalTable = "overall_goal_table"
    case overallSelfEvaluation = "overall_self_evaluation"

    /// The built-in forms of this sheet, by the name `forms:` chooses them with: the national layout
    /// (财预〔2020〕10号) first, then the publishers' own. The monitoring sheet's `ticked` prints the cause and
    /// the likelihood as a column per category, ticked (√), as the 财预〔2019〕136号 form does.
    public var builtInForms: [String] {
        switch self {
        case .goalTable: ["national", "ordos", "yutian"]
        case .selfEvaluation: ["national", "zibo"]
        case .disclosure: ["national", "ordos-table15", "menyuan"]
        case .monitoring: ["national", "ticked"]
        case .overallGoalTable, .overallSelfEvaluation: ["national"]
        }
    }
}

/// A sheet's form: a built-in layout (`name`), with the title, the rows below the table and the signature
/// line a site or unit may write over it. A title may name the project and its place: `{序号}.{项目名称}绩效目标表`.
public struct SheetForm: Sendable, Hashable {
    public var name: String
    public var title: String?
    public var notes: [String]?
    /// The labels of the line printed below the sheet for signing: 填报单位, 负责人, 填报日期 ….
    public var signatures: [String]

    public init(name: String = "national", title: String? = nil, notes: [String]? = nil, signatures: [String] = []) {
        self.name = name
        self.title = title
        self.notes = notes
        self.signatures = signatures
    }

    /// This form with what `other` states written over it.
    public func overridden(by other: StatedForm) -> SheetForm {
        SheetForm(name: other.name ?? name, title: other.title ?? title, notes: other.notes ?? notes,
                  signatures: other.signatures ?? signatures)
    }

    /// `pattern` with `{项目名称}`, `{序号}` and `{年度}` filled in, and on a unit's sheets `{单位}` and `{金额单位}`.
    public static func title(_ pattern: String, project: String = "", number: Int = 0, year: Int, unit: String = "", moneyUnit: String = "") -> String {
        guard ByteScan.contains(pattern, UInt8(ascii: "{")) else { return pattern }
        // In one pass: a name that holds `{年度}` stays as written.
        func value(_ placeholder: Substring) -> String? {
            switch placeholder {
            case "项目名称": project
            case "序号": String(number)
            case "年度": String(year)
            case "单位": unit
            case "金额单位": moneyUnit
            default: nil
            }
        }
        var title = ""
        var rest = Substring(pattern)
        while let open = rest.firstIndex(of: "{") {
            title += rest[..<open]
            if let close = rest[open...].firstIndex(of: "}"), let value = value(rest[rest.index(after: open) ..< close]) {
                title += value
                rest = rest[rest.index(after: close)...]
            } else {
                title += "{"
                rest = rest[rest.index(after: open)...]
            }
        }
        return title + rest
    }
}

/// What a `forms:` entry states; what it leaves out comes from the level above.
public struct StatedForm: Sendable, Hashable {
    public var name: String?
    public var title: String?
    public var notes: [String]?
    public var signatures: [String]?

    public init(name: String? = nil, title: String? = nil, notes: [String]? = nil, signatures: [String]? = nil) {
        self.name = name
        self.title = title
        self.notes = notes
        self.signatures = signatures
    }
}

/// The forms of a site or unit, one per sheet kind; a unit's override the site's.
public struct SheetForms: Sendable, Hashable {
    public var goalTable = SheetForm()
    public var selfEvaluation = SheetForm()
    public var disclosure = SheetForm()
    public var monitoring = SheetForm()
    public var overallGoalTable = SheetForm()
    public var overallSelfEvaluation = SheetForm()

    public init(goalTable: SheetForm = SheetForm(), selfEvaluation: SheetForm = SheetForm(), disclosure: SheetForm = SheetForm()) {
        self.goalTable = goalTable
        self.selfEvaluation = selfEvaluation
        self.disclosure = disclosure
    }

    public subscript(kind: FormKind) -> SheetForm {
        get {
            switch kind {
            case .goalTable: goalTable
            case .selfEvaluation: selfEvaluation
            case .disclosure: disclosure
            case .monitoring: monitoring
            case .overallGoalTable: overallGoalTable
            case .overallSelfEvaluation: overallSelfEvaluation
            }
        }
        set {
            switch kind {
            case .goalTable: goalTable = newValue
            case .selfEvaluation: selfEvaluation = newValue
            case .disclosure: disclosure = newValue
            case .monitoring: monitoring = newValue
            case .overallGoalTable: overallGoalTable = newValue
            case .overallSelfEvaluation: overallSelfEvaluation = newValue
            }
        }
    }

    public func overridden(by stated: [FormKind: StatedForm]) -> SheetForms {
        var forms = self
        for (kind, form) in stated { forms[kind] = self[kind].overridden(by: form) }
        return forms
    }
}
