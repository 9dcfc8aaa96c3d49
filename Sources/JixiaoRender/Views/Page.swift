import Foundation
import JixiaoModel
import JixiaoTemplates
import Synchronization

/// One page of the site: where it goes, which kind it is (its templates), and its view model.
/// Each page is written twice: `index.html` from `<template>.html` and `index.md` from `<template>.md`.
package struct Page {
    /// The page's folder relative to the output root, with a trailing `/` (`""` for the home page).
    package let path: String
    package let kind: PageKind
    let context: TemplateFields
    /// The office files written with the page (paths relative to the output root), made when written.
    package let files: [PageFile]

    /// The page's frame and its own view, as one view model; `files` and `links` (files written with other
    /// pages or by the build) are linked from the page as downloads (`downloads`, each `{title, url}`).
    init(path: String, chrome: PageChrome, view: some TemplateView, files: [PageFile] = [], links: [String] = [], frame: PageFrame? = nil) {
        self.path = path
        kind = chrome.kind
        var context = chrome.fields
        context.merge(view.fields)
        let downloads = files.map(\.path) + links
        if let frame, !downloads.isEmpty {
            context["hasDownloads"] = true
            context["downloads"] = .list(downloads.map { ["title": .text(PageFile.title(of: $0)), "url": .text(frame.url($0))] })
        }
        self.context = context
        self.files = files
    }
}

/// An office file of a page: where it goes and how it is made.
package struct PageFile {
    package let path: String
    package let make: () throws -> Data

    /// The link's text for a file: 下载 Excel, 下载 Word; on a unit's page, what each file holds.
    static func title(of path: String) -> String {
        let file = path.split(separator: "/").last.map(String.init) ?? path
        let parts = file.split(separator: ".", maxSplits: 1)
        let kind = ["xlsx": "Excel", "docx": "Word", "json": "JSON", "csv": "CSV"][parts.count > 1 ? String(parts[1]) : ""] ?? ""
        switch parts.first {
        case "disclosure": return "下载公开表（\(kind)）"
        case "goal-tables": return "下载全部绩效目标表（\(kind)）"
        case "self-evaluations": return "下载全部绩效自评表（\(kind)）"
        case "monitoring" where !path.contains("/monitoring/"): return "下载全部绩效运行监控表（\(kind)）"
        case "overall-goal-table": return "下载部门整体绩效目标表（\(kind)）"
        case "data": return "下载数据（\(kind)）"
        default: return "下载 \(kind)"
        }
    }
}

/// What every page's layout shows: titles, links, breadcrumbs.
struct PageChrome: TemplateView {
    let title: String
    package let kind: PageKind
    let url: String
    let markdownURL: String
    let breadcrumbs: [Crumb]
    let css: String
    /// The reading settings' script (text size, high contrast).
    let script: String
    let siteTitle: String
    let home: String
    let publisher: String?
    /// The government-site metadata tags: `<meta name="SiteName" content="…">` ….
    let meta: [(name: String, content: String)]
    /// The search page, when the site has one: every page has a search box.
    let searchURL: String?
    /// What the search index shows for the page (`2021年 · 淄博市工业和信息化局 · …`); `nil` for pages it leaves out.
    let searchTitle: String?

    struct Crumb: TemplateView {
        let title: String
        let url: String
        let current: Bool

        var fields: TemplateFields { ["title": .text(title), "url": .text(url), "current": .flag(current)] }
    }

    var fields: TemplateFields {
        var fields: TemplateFields = [
            "title": .text(title), "kind": .text(kind.rawValue), "url": .text(url), "markdownURL": .text(markdownURL),
            "css": .text(css), "script": .text(script), "siteTitle": .text(siteTitle), "home": .text(home),
        ]
        fields.set("breadcrumbs", breadcrumbs)
        fields.set("publisher", publisher)
        fields["meta"] = .list(meta.map { ["name": .text($0.name), "content": .text($0.content)] })
        fields.set("searchURL", searchURL)
        fields.set("searchTitle", searchTitle)
        return fields
    }
}

/// What the views of every page need from the site: links under base_url, Markdown rendering.
struct PageFrame {
    let site: Site
    /// The Markdown rendered for the pages made with this frame, when it keeps it (a unit's sheets and
    /// page show each project's goal up to three times).
    var renderedMarkdown: RenderedMarkdown? = nil

    /// A link the site writes: base_url + the page's path.
    func url(_ path: String) -> String { site.baseURL + path }

    /// `unit`: the unit the page belongs to, whose metadata it carries (else the site's); `description`:
    /// what the page is about, for the Description tag.
    func chrome(title: String, path: String, trail: [(title: String, path: String)], kind: PageKind, unit: JixiaoModel.Unit? = nil,
                description: String? = nil) -> PageChrome
    {
        var crumbs = [PageChrome.Crumb(title: "首页", url: url(""), current: path.isEmpty)]
        for (index, step) in trail.enumerated() {
            crumbs.append(PageChrome.Crumb(title: step.title, url: url(step.path), current: index == trail.count - 1))
        }
        return PageChrome(title: title, kind: kind, url: url(path), markdownURL: url(path + "index.md"), breadcrumbs: crumbs,
                          css: url("static/jixiao.css"), script: url("static/jixiao.js"), siteTitle: site.title, home: url(""), publisher: site.publisher,
                          meta: meta(title: title, metadata: unit?.metadata ?? site.metadata, description: description),
                          searchURL: site.search ? url("search/") : nil,
                          searchTitle: site.search && Self.searched.contains(kind) ? (trail.map(\.title).dropLast() + [title]).joined(separator: " · ") : nil)
    }

    /// The pages the search index holds: each unit's and each sheet's own page once (booklets repeat them).
    static let searched: Set<PageKind> = [.unit, .goal, .selfEvaluation, .monitoring]

    /// The metadata tags of 政府网站网页设计规范, each only where the content gives its value (SiteName and
    /// ContentSource fall back on the site's title and publisher, ArticleTitle is the page's title).
    func meta(title: String, metadata: PageMetadata, description: String?) -> [(name: String, content: String)] {
        let tags: [(String, String?)] = [
            ("SiteName", metadata.siteName ?? site.title), ("SiteDomain", metadata.siteDomain), ("SiteIDCode", metadata.siteCode),
            ("ColumnName", metadata.column), ("ColumnType", metadata.columnType), ("ArticleTitle", title),
            ("PubDate", metadata.published), ("ContentSource", metadata.publisher ?? site.publisher), ("Keywords", metadata.keywords),
            ("Description", description.map { Self.excerpt($0) }),
        ]
        return tags.compactMap { name, value in value.flatMap { Trim.isBlank($0) ? nil : (name, $0) } }
    }

    /// A description's first 120 characters, on one line, as text: Markdown's links and images as their
    /// words, its marks of emphasis and headings and any HTML tags left out.
    static func excerpt(_ text: String) -> String {
        // Links and images as their text, tags left out: looked for only where the text has a `[` or a `<`.
        var words = text
        if ByteScan.contains(words, UInt8(ascii: "[")) {
            words = words.replacingOccurrences(of: #"!?\[([^\]]*)\]\([^)]*\)"#, with: "$1", options: .regularExpression)
        }
        if ByteScan.contains(words, UInt8(ascii: "<")) { words = words.replacingOccurrences(of: #"<[^>]*>"#, with: "", options: .regularExpression) }
        // Each line without the marks, trimmed; the lines that hold anything joined with a space.
        var line = "", current = String.UnicodeScalarView()
        func endLine() {
            let trimmed = Trim.whitespace(String(current))
            if !trimmed.isEmpty { line += line.isEmpty ? trimmed : " " + trimmed }
            current.removeAll(keepingCapacity: true)
        }
        for scalar in words.unicodeScalars {
            switch scalar {
            case "\n", "\r", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}": endLine()
            case "*", "_", "#", "`", ">": continue
            default: current.append(scalar)
            }
        }
        endLine()
        return line.utf8.count > 120 && line.count > 120 ? String(line.prefix(120)) + "…" : line
    }

    /// A Markdown field of the content for both formats.
    func rich(_ markdown: String?) -> RichText {
        guard let markdown, !Trim.isBlank(markdown) else { return .none }
        let unsafe = site.unsafeHTML
        let render = { RichText(html: Markdown.html(markdown, unsafe: unsafe), markdown: MarkdownText.block(markdown, unsafe: unsafe)) }
        return renderedMarkdown?.text(markdown, render) ?? render()
    }

    /// Plain text of several lines, each its own paragraph, as published: nothing in it is Markdown.
    func lines(_ lines: [String]) -> RichText {
        guard !lines.isEmpty else { return .none }
        return RichText(html: lines.map { "<p>\(Escape.html($0))</p>" }.joined(separator: "\n"), markdown: lines.joined(separator: "\n\n"))
    }
}

/// Markdown rendered for both formats, by its text: safe to use from many threads at once.
final class RenderedMarkdown: Sendable {
    private let texts = Mutex<[Source: RichText]>([:])

    /// The text rendered before, or rendered by `render` now and kept.
    func text(_ markdown: String, _ render: () -> RichText) -> RichText {
        let source = Source(text: markdown)
        if let kept = texts.withLock({ $0[source] }) { return kept }
        let rendered = render()
        texts.withLock { $0[source] = rendered }
        return rendered
    }

    /// Markdown compared and hashed by its bytes: a `String` puts non-ASCII text (all of a Chinese
    /// goal) into normal form first, which takes about as long as rendering it.
    private struct Source: Hashable {
        let text: String

        static func == (lhs: Source, rhs: Source) -> Bool { lhs.text.utf8.elementsEqual(rhs.text.utf8) }

        func hash(into hasher: inout Hasher) {
            var text = text
            text.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}

enum Paths {
    static func year(_ year: Year) -> String { "\(year.year)/" }
    static func unit(_ year: Year, _ unit: JixiaoModel.Unit) -> String { "\(year.year)/\(unit.slug)/" }
    static func project(_ year: Year, _ unit: JixiaoModel.Unit, _ project: Project) -> String {
        self.project(year.year, unit.slug, project.slug)
    }
    static func project(_ year: Int, _ unit: String, _ project: String) -> String { "\(year)/\(unit)/\(project)/" }
    static func selfEvaluation(_ year: Year, _ unit: JixiaoModel.Unit, _ project: Project) -> String {
        self.project(year, unit, project) + "self-evaluation/"
    }
    /// The unit's department-wide self-evaluation.
    static func overall(_ year: Year, _ unit: JixiaoModel.Unit) -> String { self.unit(year, unit) + "self-evaluation/" }

    static func review(_ year: Year, _ unit: JixiaoModel.Unit) -> String { self.unit(year, unit) + "review/" }

    static func monitoring(_ year: Year, _ unit: JixiaoModel.Unit, _ project: Project) -> String {
        self.project(year, unit, project) + "monitoring/"
    }
    static func booklet(_ kind: BookletKind, _ year: Year, _ unit: JixiaoModel.Unit) -> String {
        self.unit(year, unit) + kind.folder
    }
}
