import Foundation
import JixiaoModel
import Yams

/// Parses front-matter YAML into values: the common shapes by the fast reader, everything else
/// (and every error, with its position) by Yams.
package enum YAMLParser {
    /// The document's value (`nil` for an empty document), or why it does not parse.
    static func parse(_ yaml: String, file: String, lineOffset: Int) -> Result<YAMLValue?, Diagnostic> {
        if let value = FrontMatterYAML.parse(yaml) { return .success(value) }
        do {
            // Plain scalars stay text (no tag guessing): every value is read as the user wrote it.
            return .success(try Yams.compose(yaml: yaml, .basic).map(YAMLValue.init))
        } catch let error as YamlError {
            if let hint = YAMLHints.explain(yaml, file: file, lineOffset: lineOffset) { return .failure(hint) }
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

