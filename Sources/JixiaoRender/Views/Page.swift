import Foundation
import JixiaoModel
import JixiaoTemplates

/// One page of the site: where it goes, which template lays it out, and its view model.
/// Each page is written twice: `index.html` from `<template>.html` and `index.md` from `<template>.md`.
package struct Page {
    /// The page's folder relative to the output root, with a trailing `/` (`""` for the home page).
    package let path: String
    let kind: PageKind
    package let context: TemplateFields
}

/// What every page's layout needs: titles, links, breadcrumbs.
package struct PageFrame {
    let site: Site

    /// A link the site writes: base_url + the page's path.
    func url(_ path: String) -> String { site.baseURL + path }

    func context(title: String, path: String, trail: [(title: String, path: String)], kind: PageKind) -> TemplateFields {
        var crumbs: [TemplateValue] = [["title": "首页", "url": .text(url("")), "current": .flag(path.isEmpty)]]
        for (index, step) in trail.enumerated() {
            crumbs.append(["title": .text(step.title), "url": .text(url(step.path)), "current": .flag(index == trail.count - 1)])
        }
        var page: TemplateFields = [
            "title": .text(title),
            "kind": .text(kind.rawValue),
            "url": .text(url(path)),
            "markdownURL": .text(url(path + "index.md")),
            "breadcrumbs": .list(crumbs),
            "css": .text(url("static/jixiao.css")),
            "siteTitle": .text(site.title),
            "home": .text(url("")),
        ]
        page["publisher"] = TemplateValue(site.publisher)
        return page
    }

    func html(_ markdown: String?) -> String? {
        guard let markdown, !Trim.isBlank(markdown) else { return nil }
        return Markdown.html(markdown, unsafe: site.unsafeHTML)
    }

    func markdownBlock(_ markdown: String?) -> String? {
        guard let markdown, !Trim.isBlank(markdown) else { return nil }
        return MarkdownText.block(markdown, unsafe: site.unsafeHTML)
    }

    /// A Markdown field for both formats: `<key>HTML` rendered, `<key>MD` as a Markdown block.
    func markdown(_ key: String, _ value: String?, into context: inout TemplateFields) {
        context[key + "HTML"] = TemplateValue(html(value))
        context[key + "MD"] = TemplateValue(markdownBlock(value))
    }
}

package enum Paths {
    static func year(_ year: Year) -> String { "\(year.year)/" }
    static func unit(_ year: Year, _ unit: JixiaoModel.Unit) -> String { "\(year.year)/\(unit.slug)/" }
    static func project(_ year: Year, _ unit: JixiaoModel.Unit, _ project: Project) -> String {
        "\(year.year)/\(unit.slug)/\(project.slug)/"
    }
    static func selfEvaluation(_ year: Year, _ unit: JixiaoModel.Unit, _ project: Project) -> String {
        self.project(year, unit, project) + "self-evaluation/"
    }
    static func booklet(_ kind: BookletKind, _ year: Year, _ unit: JixiaoModel.Unit) -> String {
        self.unit(year, unit) + kind.folder
    }
}
