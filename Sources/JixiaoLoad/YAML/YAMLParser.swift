import Foundation
import JixiaoModel
import Yams

/// Parses front-matter YAML into values: the common shapes by the fast reader, everything else
/// (and every error, with its position) by Yams.
package enum YAMLParser {
    /// Why a document does not parse: one diagnostic, or one for each repeated key.
    package struct Failure: Error {
        package var diagnostics: [Diagnostic]

        init(_ diagnostics: [Diagnostic]) { self.diagnostics = diagnostics }
    }

    /// The document's value (`nil` for an empty document), or why it does not parse: one diagnostic,
    /// or one for each repeated key.
    static func parse(_ yaml: String, file: String, lineOffset: Int) -> Result<YAMLValue?, Failure> {
        parseValue(yaml, file: file, lineOffset: lineOffset).flatMap { value in
            // Escapes in double quotes (`"\e"`, `"\0"`) are the only way to a control character in a value.
            guard ByteScan.contains(yaml, UInt8(ascii: "\\")), let (scalar, position) = value?.firstControlCharacter() else { return .success(value) }
            return .failure(Failure([.error(.controlCharacter, "control character \(ControlCharacters.name(scalar)) in this value: content may hold tabs and line breaks, but no other control characters",
                                            at: SourceLocation(file: file, line: position.line + lineOffset, column: position.column))]))
        }
    }

    private static func parseValue(_ yaml: String, file: String, lineOffset: Int) -> Result<YAMLValue?, Failure> {
        func at(_ position: YAMLPosition) -> SourceLocation {
            SourceLocation(file: file, line: position.line + lineOffset, column: position.column)
        }
        if let (value, duplicates) = FrontMatterYAML.read(yaml) {
            guard duplicates.isEmpty else { return .failure(Failure(duplicates.map { $0.diagnostic(file: file, lineOffset: lineOffset) })) }
            return .success(value)
        }
        // The fast reader takes neither anchors nor deep nesting: refuse them before Yams builds anything.
        switch YAMLGuard.check(yaml) {
        case let .anchorOrAlias(position, alias)?:
            let what = alias ? "an alias (`*name`)" : "an anchor (`&name`)"
            return .failure(Failure([.error(.anchorOrAlias, "content files may not use YAML anchors or aliases, and this is \(what): write the value out (and quote text that starts with & or *)",
                                    at: at(position))]))
        case let .tooDeep(position)?:
            return .failure(Failure([.error(.nestedTooDeep, "the YAML nests more than \(YAMLGuard.maxDepth) levels deep here; content needs a few (look at the indentation and brackets)",
                                    at: at(position))]))
        case nil:
            break
        }
        var text = yaml
        var duplicates: [DuplicateKey] = []
        // Each pass finds the repetitions of one key; a file cannot hold more than a few hundred.
        for _ in 0 ..< 1000 {
            do {
                // Plain scalars stay text (no tag guessing): every value is read as the user wrote it.
                let value = try Yams.compose(yaml: text, .basic).map(YAMLValue.init)
                return duplicates.isEmpty ? .success(value) : .failure(Failure(duplicates.map { $0.diagnostic(file: file, lineOffset: lineOffset) }))
            } catch let YamlError.duplicatedKeysInMapping(keys, context) {
                let first = YAMLPosition(line: context.mark.line, column: context.mark.column)
                var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
                let later = keys.first.map { DuplicateKeys.later($0, first: first, in: lines) } ?? []
                guard let key = keys.first, !later.isEmpty else {
                    let names = keys.map { "`\(Excerpt.of($0))`" }.joined(separator: ", ")
                    let found = duplicates.map { $0.diagnostic(file: file, lineOffset: lineOffset) }
                    return .failure(Failure(found + [.error(.duplicateKey, "key \(names) is written more than once in this mapping: give each key once", at: at(first))]))
                }
                for (number, range) in later {
                    let line = lines[number - 1]
                    let column = line.unicodeScalars[..<range.lowerBound].count + 1
                    duplicates.append(DuplicateKey(key: key, position: YAMLPosition(line: number, column: column), first: first))
                    // A name no content uses, so that the next pass finds the next repeated key.
                    lines[number - 1] = line[..<range.lowerBound] + "jixiao-repeated-key-\(duplicates.count)" + line[range.upperBound...]
                }
                text = lines.joined(separator: "\n")
            } catch let error as YamlError {
                if let hint = YAMLHints.explain(yaml, file: file, lineOffset: lineOffset) {
                    return .failure(Failure(duplicates.map { $0.diagnostic(file: file, lineOffset: lineOffset) } + [hint]))
                }
                let (problem, mark) = describe(error)
                let location = SourceLocation(file: file, line: (mark?.line ?? 1) + lineOffset, column: mark?.column ?? 1)
                return .failure(Failure(duplicates.map { $0.diagnostic(file: file, lineOffset: lineOffset) }
                    + [.error(.malformedYAML, "malformed YAML: \(problem)", at: location)]))
            } catch {
                return .failure(Failure([.error(.malformedYAML, "malformed YAML: \(error)", at: SourceLocation(file: file, line: 1 + lineOffset))]))
            }
        }
        return .failure(Failure(duplicates.map { $0.diagnostic(file: file, lineOffset: lineOffset) }))
    }

    private static func describe(_ error: YamlError) -> (String, Mark?) {
        switch error {
        case let .scanner(context, problem, mark, _), let .parser(context, problem, mark, _),
             let .composer(context, problem, mark, _):
            return ([context?.text, problem].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ": "), mark)
        default:
            return (error.description, nil)
        }
    }
}
