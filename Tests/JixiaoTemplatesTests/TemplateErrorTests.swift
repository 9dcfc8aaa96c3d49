import JixiaoTemplates
import Testing

/// Templates that do not parse say why, at the line and column of the tag at fault.
@Suite struct TemplateErrorTests {
    static func error(_ text: String) -> TemplateError? {
        do {
            _ = try Template(text)
            return nil
        } catch {
            return error as? TemplateError
        }
    }

    @Test func unclosedSectionPointsAtItsOpeningTag() throws {
        let error = try #require(Self.error("<p>\n  {{#rows}}\n  {{name}}\n"))
        #expect(error.description == "2:3: {{#rows}} is not closed: no {{/rows}} follows")
    }

    @Test func mismatchedCloseNamesBothSections() throws {
        let error = try #require(Self.error("{{#a}}\n{{#b}}x{{/a}}"))
        #expect((error.line, error.column) == (2, 8))
        #expect(error.message == "{{/a}} does not close the open section {{#b}}")
    }

    @Test func closeWithoutOpen() throws {
        #expect(Self.error("x {{/a}}")?.message == "{{/a}} closes a section that was never opened")
    }

    @Test func unfinishedTagAndBadNames() throws {
        #expect(Self.error("{{name")?.message.hasPrefix("tag is not closed with }}: found the end of the template") == true)
        #expect(Self.error("{{项目}}")?.message.hasPrefix("tag is not closed with }}: found `项`") == true)
        #expect(Self.error("{{{name}}")?.message == "{{{name}} is not closed with }}}")
        #expect(Self.error("{{! comment")?.description == "1:1: comment is not closed with }}")
    }

    @Test func unsupportedFeaturesAreErrorsNotSilence() throws {
        #expect(Self.error("{{uppercased(name)}}")?.message == "transforms such as `name(value)` are not supported")
        #expect(Self.error("{{>*dynamic}}")?.message == "dynamic partial names (`*name`) are not supported")
        #expect(Self.error("{{% CONTENT_TYPE: PDF }}")?.message == "unknown content type `PDF`: HTML, MARKDOWN or TEXT")
        #expect(Self.error("{{% LOCALE: zh }}")?.message == "unknown pragma `LOCALE`: only CONTENT_TYPE is understood")
        #expect(Self.error("{{=<% =}}")?.message == "set-delimiter tag must read {{=<start> <end>=}}")
    }

    @Test func parentsHoldOnlyBlockOverrides() throws {
        #expect(Self.error("{{<base}}{{name}}{{/base}}")?.message == "only {{$block}} overrides may stand inside {{<base}}")
        #expect(Self.error("{{<base}}\n{{$a}}x{{/a}}\n{{/base}}") == nil)
    }

    @Test func partialReferencesKeepTheirPositions() throws {
        let template = try Template("a\n  {{> head}}\n{{#x}}{{<base}}{{$b}}{{> inner}}{{/b}}{{/base}}{{/x}}")
        let references = template.partialReferences.map { "\($0.name)@\($0.line):\($0.column)" }
        #expect(references.sorted() == ["base@3:7", "head@2:3", "inner@3:22"])
    }
}
