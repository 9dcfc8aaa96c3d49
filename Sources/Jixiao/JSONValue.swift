import Foundation

/// A JSON value whose objects keep their keys in order, so reports are stable and readable.
public indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case int(Int)
    case string(String)
    case array([JSONValue])
    case object([(String, JSONValue)])

    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        lhs.serialized() == rhs.serialized()
    }

    public static func optional(_ text: String?) -> JSONValue {
        text.map(JSONValue.string) ?? .null
    }

    public func serialized(indent: Int = 0, pretty: Bool = true) -> String {
        var out = ""
        write(to: &out, depth: indent, pretty: pretty)
        return out
    }

    private func write(to out: inout String, depth: Int, pretty: Bool) {
        let newline = pretty ? "\n" : ""
        let pad = { (level: Int) in pretty ? String(repeating: "  ", count: level) : "" }
        switch self {
        case .null: out += "null"
        case let .bool(value): out += value ? "true" : "false"
        case let .int(value): out += String(value)
        case let .string(value): out += JSONValue.quote(value)
        case let .array(items):
            if items.isEmpty { out += "[]"; return }
            out += "[" + newline
            for (index, item) in items.enumerated() {
                out += pad(depth + 1)
                item.write(to: &out, depth: depth + 1, pretty: pretty)
                out += (index < items.count - 1 ? "," : "") + newline
            }
            out += pad(depth) + "]"
        case let .object(members):
            if members.isEmpty { out += "{}"; return }
            out += "{" + newline
            for (index, (key, value)) in members.enumerated() {
                out += pad(depth + 1) + JSONValue.quote(key) + (pretty ? ": " : ":")
                value.write(to: &out, depth: depth + 1, pretty: pretty)
                out += (index < members.count - 1 ? "," : "") + newline
            }
            out += pad(depth) + "}"
        }
    }

    static func quote(_ text: String) -> String {
        // Most strings need no escape: check the bytes once (U+2028 and U+2029 begin with E2 80).
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == 0x22 || $0 == 0x5C || $0 == 0xE2 }) { return "\"" + text + "\"" }
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case let s where s.value < 0x20 || s == "\u{2028}" || s == "\u{2029}":
                out += String(format: "\\u%04X", s.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
