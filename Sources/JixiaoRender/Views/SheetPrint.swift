import JixiaoTemplates

/// How one sheet prints: on pages of its own (a CSS named page, `sheet-<number>`, or `overall-goal` and
/// `overall-self-evaluation` for a unit's department-wide sheets), A4 upright or across, with a footer naming the sheet. The templates place these in a print style sheet:
/// `@page sheet-1 { size: A4 landscape; @bottom-left { content: "…"; } }` and `#sheet-1 { page: sheet-1; }`.
package struct SheetPrint {
    /// The named page, which is also the sheet's id.
    let page: String
    /// The sheet's name for the footer, from content: written out only as an escaped CSS string.
    let title: String
    let landscape: Bool

    init(number: Int, title: String, landscape: Bool) {
        self.init(page: "sheet-\(number)", title: title, landscape: landscape)
    }

    init(page: String, title: String, landscape: Bool) {
        self.page = page
        self.title = title
        self.landscape = landscape
    }

    var fields: TemplateValue {
        [
            "page": .text(page),
            "size": .text(landscape ? "A4 landscape" : "A4 portrait"),
            "footer": .text(CSSText.string(title)),
        ]
    }
}
