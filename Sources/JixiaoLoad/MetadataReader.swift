import JixiaoModel

/// `metadata:` in site.yaml or `_unit.md`: the government-site metadata of the pages (`PageMetadata`).
enum MetadataReader {
    static func read(_ root: MappingReader) -> PageMetadata {
        var metadata = PageMetadata()
        guard let reader = root.mapping("metadata", fields: .metadata) else { return metadata }
        let keys: [(String, WritableKeyPath<PageMetadata, String?>)] = [
            ("site_name", \.siteName), ("site_domain", \.siteDomain), ("site_code", \.siteCode), ("column", \.column),
            ("column_type", \.columnType), ("keywords", \.keywords), ("publisher", \.publisher), ("published", \.published),
            ("written", \.written), ("index", \.index), ("number", \.number),
        ]
        for (key, path) in keys {
            guard let value = reader.text(key).map(Trim.whitespace), !value.isEmpty else { continue }
            if key == "published" || key == "written", !PageMetadata.isDate(value) {
                reader.sink.error(.notADate, "\(FieldSet.metadata.name(key)) must be a date such as 2022-01-15 or 2022-01-15 09:30, not \"\(Excerpt.of(value))\"",
                                  at: reader.locationOf(key))
                continue
            }
            metadata[keyPath: path] = value
        }
        return metadata
    }
}
