import JixiaoTemplates

/// How one sheet prints: on pages of its own (a CSS named page, `sheet-<number>`), A4 upright or
/// across, with a footer naming the sheet. The templates place these in a print style sheet:
/// `@page sheet-1 { size: A4 landscape; @bottom-left { content: "…"; } }` and `#sheet-1 { page: sheet-1; }`.
package struct SheetPrint {
    let number: Int
    /// The sheet's name for the footer, from content: written out only as an escaped CSS string.
    let title: String
    let landscape: Bool

    var fields: TemplateValue {
        [
            "page": .text("sheet-\(number)"),
            "size": .text(landscape ? "A4 landscape" : "A4 portrait"),
            "footer": .text(CSSText.string(title)),
        ]
    }
}
