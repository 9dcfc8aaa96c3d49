import JixiaoModel

/// content/site.yaml: site title, links and scoring rules.
package struct SiteSettings {
    var title = "预算项目支出绩效信息公开"
    var publisher: String?
    var baseURL = "/"
    var unsafeHTML = false
    var officeFiles = true
    var search = false
    var rules = Rules()
    var forms = SheetForms()
    var review = ReviewSettings()
    var metadata = PageMetadata()
    var limits = ReadLimits()

    static func read(_ root: MappingReader) -> SiteSettings {
        var settings = SiteSettings()
        if let title = root.requiredText("title", in: "site.yaml") { settings.title = title }
        settings.publisher = root.text("publisher")
        if var base = root.text("base_url") {
            if BaseURL.isAcceptable(base) {
                if !base.hasSuffix("/") { base += "/" }
                settings.baseURL = base
            } else {
                root.sink.error(.badBaseURL, "\(root.fields.name("base_url")) must be an absolute path such as `/` or `/site/`, an http(s) address such as `https://example.org/site/`, or a `file:///` folder, not \"\(base)\"",
                                at: root.locationOf("base_url"))
            }
        }
        settings.unsafeHTML = root.bool("unsafe_html") ?? false
        settings.officeFiles = root.bool("office_files") ?? true
        settings.search = root.bool("search") ?? false
        if let kilobytes = root.integer("max_file_kb", in: ReadLimits.allowedKB) { settings.limits.fileKB = kilobytes }
        if let kilobytes = root.integer("max_table_kb", in: ReadLimits.allowedKB) { settings.limits.tableKB = kilobytes }
        if let rules = root.mapping("rules", fields: .rules) {
            settings.rules = RulesReader.read(rules, over: Rules())
        }
        settings.forms = SheetForms().overridden(by: FormsReader.read(root))
        settings.review = ReviewReader.read(root)
        settings.metadata = MetadataReader.read(root)
        return settings
    }
}
