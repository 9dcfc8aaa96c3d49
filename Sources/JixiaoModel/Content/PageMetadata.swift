/// What government-site inspections look for on each page (政府网站发展指引, 国办发〔2017〕47号): the site's
/// name, domain and code, the column the pages sit in, and for a unit's disclosure its 发布机构, dates,
/// 索引号 and 文号. `metadata:` in site.yaml gives the site's, `_unit.md` a unit's, key by key over the
/// site's. Nothing is shown that was not given.
public struct PageMetadata: Sendable, Hashable {
    /// SiteName (网站名称); the site's title when not given.
    public var siteName: String?
    /// SiteDomain (网站域名).
    public var siteDomain: String?
    /// SiteIDCode (网站标识码).
    public var siteCode: String?
    /// ColumnName (栏目名称).
    public var column: String?
    /// ColumnType (栏目类别).
    public var columnType: String?
    /// Keywords (关键词).
    public var keywords: String?
    /// ContentSource and 发布机构; the site's `publisher` when not given.
    public var publisher: String?
    /// PubDate (发布日期), as written: `2022-01-15` or `2022-01-15 09:30`.
    public var published: String?
    /// 成文日期.
    public var written: String?
    /// 索引号.
    public var index: String?
    /// 文号.
    public var number: String?

    public init() {}

    /// This metadata with what `other` gives written over it.
    public func overridden(by other: PageMetadata) -> PageMetadata {
        var merged = self
        for key in Self.keys {
            if let value = other[keyPath: key] { merged[keyPath: key] = value }
        }
        return merged
    }

    static var keys: [WritableKeyPath<PageMetadata, String?>] { [
        \.siteName, \.siteDomain, \.siteCode, \.column, \.columnType, \.keywords, \.publisher, \.published, \.written, \.index, \.number,
    ] }

    /// `2022-01-15` or `2022-01-15 09:30`: how a date of the metadata is written.
    public static func isDate(_ text: String) -> Bool {
        text.range(of: #"^[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])( ([01][0-9]|2[0-3]):[0-5][0-9])?$"#, options: .regularExpression) != nil
    }
}
