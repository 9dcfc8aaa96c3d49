import JixiaoModel
import JixiaoTemplates

extension TemplateFields {
    /// A sheet's title as its form writes it (`sheetTitle`), and the rows the form prints below the
    /// table (`formNotes`, each `{text}`).
    mutating func setForm(title: String, notes: [String]) {
        self["sheetTitle"] = .text(title)
        if !notes.isEmpty { self["formNotes"] = .list(notes.map { ["text": .text($0)] }) }
    }
}
