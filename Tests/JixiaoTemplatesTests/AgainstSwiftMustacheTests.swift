import Foundation
import JixiaoTemplates
import Mustache
import Testing

/// The engine gives the bytes swift-mustache gives, template for template: every case here is
/// rendered by both and compared.
@Suite struct AgainstSwiftMustacheTests {
    /// `TemplateValue` as swift-mustache reads view models: dictionaries, arrays, strings and flags.
    static func plain(_ value: TemplateValue) -> Any {
        switch value {
        case let .text(text): text
        case let .rendered(text): text.string
        case let .flag(flag): flag
        case let .list(items): items.map(plain)
        case let .object(fields): Dictionary(uniqueKeysWithValues: fields.names.map { ($0, plain(fields[$0]!)) })
        case let .records(records): (0 ..< records.count).map { plain(.object(records.fields($0))) }
        case let .record(records, index): plain(.object(records.fields(index)))
        }
    }

    struct Markdown: MustacheContentType {
        func escapeText(_ text: String) -> String { AgainstSwiftMustacheTests.markdown(text) }
    }

    @Sendable static func markdown(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: "<br>")
    }

    static let registered: Void = MustacheContentTypes.register(Markdown(), named: "MARKDOWN")

    static let context: TemplateValue = [
        "title": "标题 <b>&\"'</b>",
        "empty": "",
        "yes": true,
        "no": false,
        "none": [],
        "count": 3,
        "cell": "a | b\nc",
        "project": ["name": "项目", "code": "150600230000000001", "inner": ["deep": "深"]],
        "rows": [
            ["name": "一", "first": true, "span": 2],
            ["name": "二", "first": false],
            ["name": "三", "title": "行内标题"],
        ],
        // The rows again, as one table: a name a row leaves out is looked up further out.
        "table": .records(Records(RecordNames(["name", "first", "span", "title"]), count: 3) { index, values in
            values += [["一", "二", "三"][index], [true, false, nil][index].map(TemplateValue.flag), index == 0 ? 2 : nil, index == 2 ? "行内标题" : nil]
        }),
        "noRows": .records(Records(RecordNames(["name"]), count: 0) { _, _ in }),
        "words": ["甲", "乙", "丙"],
        "escapes": ["<", "a&", "&&b'", "\"", "无"],
    ]

    /// Templates by name: the first is rendered, the others are its partials and parents.
    static let cases: [(String, [String: String])] = [
        ("plain text", ["main": "只有文字\n第二行"]),
        ("variables", ["main": "{{title}} {{{title}}} {{&title}} {{missing}}|{{empty}}|{{count}}"]),
        ("dotted names", ["main": "{{project.name}} {{project.inner.deep}} {{project.missing.deep}} {{#project}}{{name}}/{{title}}{{/project}}"]),
        ("current only", ["main": "{{#project}}{{.name}}[{{.title}}]{{/project}}"]),
        ("implicit iterator", ["main": "{{#words}}<{{.}}>{{/words}}"]),
        ("sections", ["main": "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{#none}}E{{/none}}{{#empty}}[{{.}}]{{/empty}}{{#missing}}M{{/missing}}"]),
        ("inverted", ["main": "{{^yes}}Y{{/yes}}{{^no}}N{{/no}}{{^none}}E{{/none}}{{^missing}}M{{/missing}}{{^title}}T{{/title}}"]),
        ("lists reach outwards", ["main": "{{#rows}}{{name}}:{{title}}{{#first}}*{{/first}}{{#span}}({{span}}){{/span}};{{/rows}}"]),
        ("tables reach outwards", ["main": "{{#table}}{{name}}:{{title}}{{#first}}*{{/first}}{{#span}}({{span}}){{/span}}{{.name}}[{{.title}}];{{/table}}"]),
        ("empty tables", ["main": "{{#noRows}}R{{/noRows}}{{^noRows}}none{{/noRows}}{{^table}}T{{/table}}{{#table}}{{^first}}-{{/first}}{{/table}}"]),
        ("standalone sections", ["main": "<ul>\n  {{#rows}}\n  <li>{{name}}</li>\n  {{/rows}}\n</ul>\n"]),
        ("standalone with CRLF", ["main": "a\r\n  {{#yes}}\r\n  b\r\n  {{/yes}}\r\nc\r\n"]),
        ("not standalone", ["main": "  {{#yes}}x{{/yes}}  \n {{title}} {{#no}}\n{{/no}} end\n"]),
        ("comments", ["main": "a{{! one }}b\n  {{! standalone }}\nc\n{{!\nmulti\n}}\nd"]),
        ("set delimiters", ["main": "{{=<% %>=}}\n<%title%> {{title}}\n<%={{ }}=%>\n{{title}}"]),
        ("partials", ["main": "[{{> item}}]\n  {{> block}}\nend", "item": "{{title}}", "block": "one\ntwo {{count}}\n"]),
        ("partial in a list", ["main": "{{#rows}}{{> row}}{{/rows}}", "row": "<{{name}}>\n"]),
        ("inheritance", [
            "main": "{{<base}}\n{{$body}}内容 {{title}}{{/body}}\n{{/base}}\n",
            "base": "<html>\n  {{$head}}默认{{/head}}\n<body>{{$body}}{{/body}}</body>\n</html>\n",
        ]),
        ("nested inheritance", [
            "main": "{{<middle}}{{$a}}main-a{{/a}}{{/middle}}",
            "middle": "{{<base}}{{$a}}middle-a{{/a}}{{$b}}middle-b{{/b}}{{/base}}",
            "base": "{{$a}}base-a{{/a}}|{{$b}}base-b{{/b}}|{{$c}}base-c{{/c}}",
        ]),
        ("indented inheritance", [
            "main": "x\n  {{<base}}\n  {{$b}}\n  one\n    two\n  {{/b}}\n  {{/base}}\ny\n",
            "base": "<div>\n  {{$b}}\n  d\n  {{/b}}\n</div>\n",
        ]),
        ("content types", [
            "main": "{{% CONTENT_TYPE: MARKDOWN }}\n| {{cell}} |\n{{> html}}\n{{% CONTENT_TYPE: TEXT }}\n{{title}}\n",
            "html": "{{title}}\n",
        ]),
        ("markdown layout", [
            "main": "{{% CONTENT_TYPE: MARKDOWN }}\n{{<layout}}\n{{$content}}\n| {{cell}} |\n{{/content}}\n{{/layout}}\n",
            "layout": "{{% CONTENT_TYPE: MARKDOWN }}\n# {{title}}\n\n{{$content}}{{/content}}\n",
        ]),
        ("escapes at the edges", ["main": "{{#escapes}}[{{.}}]{{/escapes}}"]),
        ("pragma in a section", ["main": "{{#yes}}{{% CONTENT_TYPE: TEXT }}{{title}}{{/yes}}|{{title}}"]),
        ("blocks in sections", [
            "main": "{{<base}}{{$row}}<{{name}}>{{/row}}{{/base}}",
            "base": "{{#rows}}{{$row}}({{name}}){{/row}}{{^first}}-{{/first}}{{/rows}}",
        ]),
        ("trailing spaces", ["main": "a\n  "]),
        ("unicode", ["main": "{{#words}}{{.}}、{{/words}}　全角空格　\n"]),
    ]

    @Test(arguments: cases.map(\.0))
    func rendersLikeSwiftMustache(_ name: String) throws {
        _ = Self.registered
        let templates = try #require(Self.cases.first { $0.0 == name }).1
        var ours = TemplateLibrary(markdownEscape: Self.markdown)
        var theirs = MustacheLibrary()
        for (key, text) in templates {
            ours.register(try Template(text), named: key)
            try theirs.register(text, named: key)
        }
        let expected = try #require(theirs.render(Self.plain(Self.context), withTemplate: "main"))
        #expect(ours.render(Self.context, with: "main") == expected)
    }

    /// Text already laid out (`.rendered`, a sheet on its page) is placed exactly as the same text
    /// given as a string: escaped or not, in HTML and Markdown, as a section's value, at an indentation.
    @Test func renderedTextIsPlacedAsText() throws {
        var library = TemplateLibrary(markdownEscape: Self.markdown)
        library.register(try Template("<p title=\"{{title}}\">{{cell}}</p>\n甲 & 'b'\r\n"), named: "sheet")
        library.register(try Template("[{{x}}]{{{x}}}{{#x}}({{.}}){{/x}}{{^x}}none{{/x}}\n{{% CONTENT_TYPE: MARKDOWN }}{{x}}|{{&x}}\n  {{> inner}}\n"), named: "page")
        library.register(try Template("{{{x}}}\n"), named: "inner")
        let sheet = try #require(library.rendered(Self.context, with: "sheet"))
        #expect(sheet.string == library.render(Self.context, with: "sheet"))
        let asText = library.render(["x": .text(sheet.string)], with: "page")
        #expect(library.render(["x": .rendered(sheet)], with: "page") == asText)
        #expect(library.rendered(["x": .rendered(sheet)], with: "page")?.bytes == asText.map { Array($0.utf8) })
        var dropped = sheet
        dropped.dropLastLineBreak()
        #expect(dropped.string == String(sheet.string.dropLast()))
    }

    /// Numbers are shown as written in decimal, the ones formatted in advance as the others.
    @Test func numbersShowTheirDigits() throws {
        var library = TemplateLibrary(markdownEscape: Self.markdown)
        library.register(try Template("{{#n}}[{{.}}]{{/n}}"), named: "numbers")
        let numbers = [-1, 0, 1, 9, 10, 63, 64, 65, 1000, Int.max]
        let shown = library.render(["n": .list(numbers.map { TemplateValue($0) })], with: "numbers")
        #expect(shown == numbers.map { "[\($0)]" }.joined())
    }
}
