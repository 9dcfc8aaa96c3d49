import JixiaoModel
import JixiaoTemplates

/// A typed view model: what one page, sheet or row shows, every string formatted. `fields` is the one
/// place where its properties get the names the templates use.
protocol TemplateView {
    var fields: TemplateFields { get }
}

extension TemplateFields {
    /// Sets `key` to the text, or leaves it out when there is none (a template then looks it up in the
    /// enclosing object, or finds nothing).
    mutating func set(_ key: String, _ text: String?) {
        if let text { self[key] = .text(text) }
    }

    /// Sets `key` to a flag only when it is true.
    mutating func flag(_ key: String, _ on: Bool) {
        if on { self[key] = true }
    }

    /// A Markdown field for both formats: `<key>HTML` rendered, `<key>MD` as a Markdown block.
    mutating func set(_ key: String, _ text: RichText) {
        set(key + "HTML", text.html)
        set(key + "MD", text.markdown)
    }

    mutating func set(_ key: String, _ view: some TemplateView) {
        self[key] = .object(view.fields)
    }

    mutating func set(_ key: String, _ views: [some TemplateView]) {
        self[key] = .list(views.map { .object($0.fields) })
    }
}

/// A Markdown field of the content, rendered for the HTML page and kept as Markdown for its twin;
/// both `nil` when the field is empty.
struct RichText: Equatable {
    var html: String?
    var markdown: String?

    static let none = RichText()

    /// The text the page shows, for office files: a line per paragraph, list item or line break, tags
    /// left out, entities decoded.
    var plain: String {
        guard let html else { return "" }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(html.utf8.count)
        var tag: [UInt8]?
        for byte in html.utf8 {
            if tag != nil {
                if byte == UInt8(ascii: ">") {
                    let name = String(decoding: tag!, as: UTF8.self).lowercased()
                    if name.hasPrefix("/p") || name.hasPrefix("/li") || name.hasPrefix("br") || name.hasPrefix("/h") || name.hasPrefix("/tr") {
                        bytes.append(0x0A)
                    }
                    tag = nil
                } else {
                    tag!.append(byte)
                }
            } else if byte == UInt8(ascii: "<") {
                tag = []
            } else {
                bytes.append(byte)
            }
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let decoded = ByteScan.contains(text, UInt8(ascii: "&")) ? text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&amp;", with: "&") : text
        return decoded.split(separator: "\n").map { Trim.whitespace(String($0)) }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

/// A link: its text and address.
struct Link: TemplateView {
    let title: String
    let url: String
    /// How many sheets it leads to, for the booklets.
    var count: Int?

    var fields: TemplateFields {
        var fields: TemplateFields = ["title": .text(title), "url": .text(url)]
        if let count { fields["count"] = TemplateValue(count) }
        return fields
    }
}
