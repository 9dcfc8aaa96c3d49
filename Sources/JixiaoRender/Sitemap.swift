import JixiaoTemplates

/// sitemap.xml: every HTML page's address.
package enum Sitemap {
    package static func xml(_ paths: [String], base: String) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for path in paths {
            xml += "  <url><loc>" + Escape.html(base + path) + "</loc></url>\n"
        }
        return xml + "</urlset>\n"
    }
}
