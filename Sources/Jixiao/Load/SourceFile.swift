import Foundation
import JixiaoModel

/// A content file read as text: BOM removed, CRLF and CR made LF, UTF-8 validated.
struct SourceFile {
    /// Path relative to the site root, as diagnostics show it.
    let path: String
    let text: String

    /// Reads and decodes a file; a file that is not valid UTF-8 is a diagnostic at its first bad byte.
    static func read(_ url: URL, as path: String) -> Result<SourceFile, Diagnostic> {
        guard let data = FileManager.default.contents(atPath: url.path) else {
            return .failure(.error("cannot read the file", at: SourceLocation(file: path)))
        }
        return decode(data, as: path)
    }

    static func decode(_ data: Data, as path: String) -> Result<SourceFile, Diagnostic> {
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let bad = firstInvalidUTF8(bytes) {
            return .failure(.error("the file is not valid UTF-8 (byte 0x\(String(format: "%02X", bytes[bad.offset])) here); save it as UTF-8",
                                   at: SourceLocation(file: path, line: bad.line, column: bad.column)))
        }
        var text = String(decoding: bytes, as: UTF8.self)
        if text.contains("\r") {
            text = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        }
        return .success(SourceFile(path: path, text: text))
    }

    /// The offset, line and column (in characters) of the first byte that is not valid UTF-8.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> (offset: Int, line: Int, column: Int)? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0, line = 1, column = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case let .valid(encoded):
                if encoded.count == 1 && encoded.first == 0x0A {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
                offset += encoded.count
            case .emptyInput:
                return nil
            case .error:
                return (offset, line, column)
            }
        }
    }
}

/// A Markdown file split into its YAML front matter and its body.
struct FrontMatterFile {
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
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return .failure(.empty) }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first.map(isFence) == true else { return .failure(.missing) }
        guard let close = lines.dropFirst().firstIndex(where: isFence) else { return .failure(.notClosed) }
        let yaml = lines[1 ..< close].joined(separator: "\n")
        let body = lines[(close + 1)...].joined(separator: "\n")
        return .success(FrontMatterFile(yaml: yaml, lineOffset: 1, body: body))
    }

    private static func isFence(_ line: Substring) -> Bool {
        line.trimmingCharacters(in: .whitespaces) == "---"
    }
}
