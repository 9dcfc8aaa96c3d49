import Foundation
import JixiaoModel
import Yams

/// Parses front-matter YAML into values: the common shapes by the fast reader, everything else
/// (and every error, with its position) by Yams.
package enum YAMLParser {
    /// The document's value (`nil` for an empty document), or why it does not parse.
    static func parse(_ yaml: String, file: String, lineOffset: Int) -> Result<YAMLValue?, Diagnostic> {
        if let value = FrontMatterYAML.parse(yaml) { return .success(value) }
        // The fast reader takes neither anchors nor deep nesting: refuse them before Yams builds anything.
        switch YAMLGuard.check(yaml) {
        case let .anchorOrAlias(position, alias)?:
            let what = alias ? "an alias (`*name`)" : "an anchor (`&name`)"
            return .failure(.error(.anchorOrAlias, "content files may not use YAML anchors or aliases, and this is \(what): write the value out (and quote text that starts with & or *)",
                                   at: SourceLocation(file: file, line: position.line + lineOffset, column: position.column)))
        case let .tooDeep(position)?:
            return .failure(.error(.nestedTooDeep, "the YAML nests more than \(YAMLGuard.maxDepth) levels deep here; content needs a few (look at the indentation and brackets)",
                                   at: SourceLocation(file: file, line: position.line + lineOffset, column: position.column)))
        case nil:
            break
        }
        do {
            // Plain scalars stay text (no tag guessing): every value is read as the user wrote it.
            return .success(try Yams.compose(yaml: yaml, .basic).map(YAMLValue.init))
        } catch let error as YamlError {
            let (problem, mark) = describe(error)
            let location = SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
            return .failure(.error(.malformedYAML, "malformed YAML: \(problem)", at: location))
        } catch {
            return .failure(.error(.malformedYAML, "malformed YAML: \(error)", at: SourceLocation(file: file, line: 1 + lineOffset)))
        }
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return ([context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": "), mark)
        case let .duplicatedKeysInMapping(duplicates, context):
            return ("key \(duplicates.map { "`\($0)`" }.joined(separator: ", ")) appears more than once", context.mark)
        default:
            return (error.description, nil)
        }
    }
}

