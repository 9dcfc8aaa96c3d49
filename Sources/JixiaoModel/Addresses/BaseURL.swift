/// `base_url` starts every link the site writes. Only an absolute path (`/`, `/site/`), an http(s)
/// address, or a `file:///` folder (a copy opened from disk, as the browser tests open the example
/// site) keeps those links pointing at the site: `javascript:` would run script from every link, a
/// relative path breaks them on every page but the home page, and `//host` sends them to another host.
public enum BaseURL {
    public static func isAcceptable(_ text: String) -> Bool {
        // Nothing that could leave an HTML attribute or a URL's path: spaces, quotes, angle brackets,
        // backslashes, queries, fragments, control characters.
        let refused: Set<Character> = [" ", "\"", "'", "<", ">", "\\", "`", "?", "#", "@"]
        guard !text.contains(where: { refused.contains($0) || $0.isWhitespace }),
              !text.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else { return false }
        if text.hasPrefix("/") { return !text.hasPrefix("//") }
        let lower = text.lowercased()
        if lower.hasPrefix("file:///") { return true }
        guard let scheme = ["http://", "https://"].first(where: lower.hasPrefix) else { return false }
        let host = text.dropFirst(scheme.count).prefix { $0 != "/" }
        return !host.isEmpty && host.allSatisfy { $0.isLetter || $0.isNumber || ".-:[]".contains($0) }
    }
}
