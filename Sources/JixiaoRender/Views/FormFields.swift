import JixiaoModel
import JixiaoTemplates

extension TemplateFields {
    /// A sheet's title as its form writes it (`sheetTitle`), and what the form prints below it.
    mutating func setForm(title: String, notes: [String], signatures: [String] = []) {
        self["sheetTitle"] = .text(title)
        setFormRows(notes: notes, signatures: signatures)
    }

    /// The rows a form prints below the table (`formNotes`, each `{text}`) and the labels of its signature
    /// line (`formSignatures`, each `{label}`, with `hasSignatures`).
    mutating func setFormRows(notes: [String], signatures: [String]) {
        if !notes.isEmpty { self["formNotes"] = .list(notes.map { ["text": .text($0)] }) }
        if !signatures.isEmpty {
            self["hasSignatures"] = true
            self["formSignatures"] = .list(signatures.map { ["label": .text($0)] })
        }
    }
}
