import JixiaoModel

/// What people who type front matter in a Chinese input method or copy it from a word processor
/// most often get wrong, found in the text when the YAML does not parse, so that the message says
/// the fix instead of the parser's words: a tab for indentation, a full-width colon after a key, a
/// full-width comma inside a one-line `{…}` or `[…]`.
enum YAMLHints {
    /// The first such mistake in the text, as a diagnostic; `nil` when none is found.
    static func explain(_ yaml: String, file: String, lineOffset: Int) -> Diagnostic? {
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = index + 1 + lineOffset
            func at(_ offset: Int) -> SourceLocation {
                SourceLocation(file: file, line: number, column: line.unicodeScalars.prefix(offset).count + 1)
            }
            let scalars = Array(line.unicodeScalars)
            var indent = 0
            while indent < scalars.count, scalars[indent] == " " || scalars[indent] == "\t" {
                if scalars[indent] == "\t" {
                    return .error(.malformedYAML, "tab used for indentation; YAML needs spaces", at: at(indent))
                }
                indent += 1
            }
            var start = indent
            if start + 1 < scalars.count, scalars[start] == "-", scalars[start + 1] == " " {
                start += 2
                while start < scalars.count, scalars[start] == " " { start += 1 }
            }
            if scalars.indices.contains(start), scalars[start] != "#" {
                var end = start
                while end < scalars.count, isKeyScalar(scalars[end]) { end += 1 }
                var colon = end
                while colon < scalars.count, scalars[colon] == " " { colon += 1 }
                if end > start, colon < scalars.count, scalars[colon] == "：" {
                    let key = String(String.UnicodeScalarView(scalars[start ..< end]))
                    return .error(.malformedYAML, "full-width colon `：` after `\(key)`; use `:`", at: at(colon))
                }
            }
            if let open = scalars.firstIndex(where: { $0 == "{" || $0 == "[" }),
               let comma = scalars[open...].firstIndex(of: "，")
            {
                let brackets = scalars[open] == "{" ? "{…}" : "[…]"
                return .error(.malformedYAML, "full-width comma `，` inside `\(brackets)`; use `,`", at: at(comma))
            }
        }
        return nil
    }

    /// ASCII letters, digits, `_` and `-`: the keys of content files.
    private static func isKeyScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (scalar.properties.isAlphabetic || ("0" ... "9").contains(scalar) || scalar == "_" || scalar == "-")
    }
}
