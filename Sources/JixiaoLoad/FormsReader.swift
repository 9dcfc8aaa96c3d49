import JixiaoModel

/// `forms:` in site.yaml or `_unit.md`: where the sheets follow a publisher's form (a title, rows below).
enum FormsReader {
    static func read(_ root: MappingReader) -> SheetForms {
        guard let forms = root.mapping("forms", fields: .forms) else { return SheetForms() }
        return SheetForms(goalTable: form(forms, "goal_table"), selfEvaluation: form(forms, "self_evaluation"))
    }

    private static func form(_ forms: MappingReader, _ key: String) -> SheetForm {
        guard let form = forms.mapping(key, fields: .form) else { return SheetForm() }
        let notes = (form.sequence("notes") ?? []).compactMap { node -> String? in
            guard let text = node.string else {
                form.sink.error(.wrongKind, "\(FieldSet.form.name("notes")) must be a list of lines of text", at: form.location(of: node))
                return nil
            }
            return text
        }
        return SheetForm(title: form.text("title"), notes: notes)
    }
}
