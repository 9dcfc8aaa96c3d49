import JixiaoModel

/// `forms:` in site.yaml or `_unit.md`: which form each sheet follows (a built-in layout by `name`), and the
/// title and rows below the table written over it.
enum FormsReader {
    static func read(_ root: MappingReader) -> [FormKind: StatedForm] {
        guard let forms = root.mapping("forms", fields: .forms) else { return [:] }
        var stated: [FormKind: StatedForm] = [:]
        for kind in FormKind.allCases {
            if let form = form(forms, kind) { stated[kind] = form }
        }
        return stated
    }

    private static func form(_ forms: MappingReader, _ kind: FormKind) -> StatedForm? {
        guard let form = forms.mapping(kind.rawValue, fields: .form) else { return nil }
        var name: String?
        if let raw = form.text("name") {
            let written = Trim.whitespace(raw)
            if kind.builtInForms.contains(written) {
                name = written
            } else {
                form.sink.error(.notAChoice, "\(FieldSet.form.name("name")) of \(FieldSet.forms.name(kind.rawValue)) must be one of \(kind.builtInForms.joined(separator: " | ")), not \"\(Excerpt.of(raw))\"", at: form.locationOf("name"))
            }
        }
        return StatedForm(name: name, title: form.text("title"), notes: lines(form, "notes"), signatures: lines(form, "signatures"))
    }

    private static func lines(_ form: MappingReader, _ key: String) -> [String]? {
        form.sequence(key)?.compactMap { node -> String? in
            guard let text = node.string else {
                form.sink.error(.wrongKind, "\(FieldSet.form.name(key)) must be a list of lines of text", at: form.location(of: node))
                return nil
            }
            return text
        }
    }
}
