/// Folder and file names become URLs: `/<year>/<unit>/<project>/`.
public enum Names {
    /// Why a name cannot be used in a URL, or `nil` when it can: letters of any script, digits,
    /// `-`, `_` and `.`, not starting with `.`.
    public static func problem(_ name: String) -> String? {
        if name.isEmpty { return "the name is empty" }
        // The common case, ASCII letters, digits, `-`, `_` and single `.` not first, decided on bytes.
        var previous: UInt8 = UInt8(ascii: ".")
        if name.utf8.allSatisfy({ byte in
            defer { previous = byte }
            switch byte {
            case UInt8(ascii: "a") ... UInt8(ascii: "z"), UInt8(ascii: "A") ... UInt8(ascii: "Z"), UInt8(ascii: "0") ... UInt8(ascii: "9"),
                 UInt8(ascii: "-"), UInt8(ascii: "_"): return true
            case UInt8(ascii: "."): return previous != UInt8(ascii: ".")
            default: return false
            }
        }) { return nil }
        if name == ".." || name.contains("..") { return "`..` would leave the output folder" }
        if name.hasPrefix(".") { return "a name may not start with `.`" }
        for character in name {
            if character == "/" || character == "\\" { return "`\(character)` is a path separator" }
            if character.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                return "control characters are not allowed"
            }
            if character.isWhitespace { return "spaces are not allowed" }
            if !(character.isLetter || character.isNumber || "-_.".contains(character)) {
                return "`\(character)` is not allowed (use letters, digits, `-`, `_` and `.`)"
            }
        }
        return nil
    }

    public static func isYear(_ name: String) -> Bool {
        name.count == 4 && name.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
