import Foundation
import JixiaoModel
import JixiaoTables

/// A content file read as text: BOM removed, CRLF and CR made LF, UTF-8 validated.
package struct SourceFile {
    /// Path relative to the site root, as diagnostics show it.
    let path: String
    let text: String

    /// Reads and decodes a file, refused over the limit; a file that is not valid UTF-8 is a diagnostic
    /// at its first bad byte.
    static func read(_ url: URL, as path: String, limits: ReadLimits) -> Result<SourceFile, Diagnostic> {
        read(url.path, as: path, limits: limits)
    }

    static func read(_ location: String, as path: String, limits: ReadLimits) -> Result<SourceFile, Diagnostic> {
        limits.bytes(location, shown: path, kind: .content).flatMap { decode($0, as: path) }
    }

    static func decode(_ data: Data, as path: String) -> Result<SourceFile, Diagnostic> {
        decode([UInt8](data), as: path)
    }

    static func decode(_ bytes: [UInt8], as path: String) -> Result<SourceFile, Diagnostic> {
        var bytes = bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { bytes.removeFirst(3) }
        guard var text = String(validating: bytes, as: UTF8.self) else {
            let bad = TextDecoding.firstInvalidUTF8(bytes)!
            return .failure(.error(.notUTF8, "the file is not valid UTF-8 (byte 0x\(String(format: "%02X", bytes[bad.offset])) here); save it as UTF-8",
                                   at: SourceLocation(file: path, line: bad.line, column: bad.column)))
        }
        if ByteScan.contains(bytes, 0x0D) {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        if let (scalar, line, column) = ControlCharacters.first(in: text) {
            return .failure(.error(.controlCharacter, "control character \(ControlCharacters.name(scalar)) here: content may hold tabs and line breaks, but no other control characters",
                                   at: SourceLocation(file: path, line: line, column: column)))
        }
        return .success(SourceFile(path: path, text: text))
    }
}

/// A Markdown file split into its YAML front matter and its body.
package struct FrontMatterFile {
    /// The YAML between the `---` lines.
    let yaml: String
    /// Lines before the YAML's first line (the opening `---`): added to YAML line numbers.
    let lineOffset: Int
    let body: String

    enum Problem: Error {
        case empty
        case missing
        case notClosed
    }

    static func split(_ text: String) -> Result<FrontMatterFile, Problem> {
        if Trim.isBlank(text) { return .failure(.empty) }
        // Lines found on the bytes (a `\n` never falls inside a multi-byte character), by offset: a
        // native string's UTF-8 index is found from an offset at once.
        let bytes = text.utf8
        let count = bytes.count
        func index(_ offset: Int) -> String.Index { bytes.index(bytes.startIndex, offsetBy: offset) }
        func lineEnd(from start: Int) -> Int { ByteScan.firstOffset(of: 0x0A, in: text, from: start) ?? count }
        func line(_ start: Int, _ end: Int) -> Substring { text[index(start) ..< index(end)] }
        let firstEnd = lineEnd(from: 0)
        guard isFence(line(0, firstEnd)) else { return .failure(.missing) }
        guard firstEnd < count else { return .failure(.notClosed) }
        let yamlStart = firstEnd + 1
        var lineStart = yamlStart
        while true {
            let end = lineEnd(from: lineStart)
            if isFence(line(lineStart, end)) {
                let yaml = lineStart == yamlStart ? "" : String(line(yamlStart, lineStart - 1))
                let body = end < count ? String(text[index(end + 1)...]) : ""
                return .success(FrontMatterFile(yaml: yaml, lineOffset: 1, body: body))
            }
            guard end < count else { return .failure(.notClosed) }
            lineStart = end + 1
        }
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.utf8.count < 16 && Trim.whitespace(String(line)) == "---"
    }
}
