import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import JixiaoModel

extension XLSXSheet {
    /// How cell styles show numbers, where it matters to the text: a cell stored as 0.95 and shown
    /// as 95% is read as `95%`, one stored as 1200.5 and shown as 1,200.50 as `1200.50`, as its reader
    /// sees it (never rounded: a stored digit is never dropped).
    struct NumberShape: Sendable, Equatable {
        var percent = false
        /// Decimals the format shows, when it fixes them.
        var places: Int?

        /// The stored number as the cell shows it.
        func text(_ stored: String) -> String? {
            guard let value = Decimal(string: stored.trimmingCharacters(in: .whitespaces), locale: Locale(identifier: "en_US_POSIX")) else { return nil }
            // Stored as binary floating point (0.30000000000000004): 10 places are far beyond what a sheet shows.
            var shown = ((percent ? value * 100 : value).roundedHalfUp(10))
            if shown.isNaN { shown = value }
            var digits = shown.plain
            if let places {
                let have = Decimal.places(of: digits)
                if have < places { digits += (have == 0 ? "." : "") + String(repeating: "0", count: places - have) }
            }
            return digits + (percent ? "%" : "")
        }
    }

    enum Styles {
        /// Each `<cellXfs>` style's number shape, by index; styles that show numbers as stored are left out.
        static func numberShapes(_ data: Data, part: String) throws -> [Int: NumberShape] {
            var custom: [Int: String] = [:]
            var formats: [Int] = []
            try XMLEvents.parse(data, part: part, root: "styleSheet") { path, attributes in
                if path.count == 3, path[1] == "numFmts", path[2] == "numFmt",
                   let id = attributes["numFmtId"].flatMap(Int.init), let code = attributes["formatCode"]
                {
                    custom[id] = code
                }
                if path.count == 3, path[1] == "cellXfs", path[2] == "xf" {
                    formats.append(attributes["numFmtId"].flatMap(Int.init) ?? 0)
                }
            }
            var shapes: [Int: NumberShape] = [:]
            for (index, id) in formats.enumerated() {
                let code = custom[id] ?? builtIn[id]
                guard let code else { continue }
                let shape = NumberShape(percent: isPercent(code), places: places(code))
                if shape != NumberShape() { shapes[index] = shape }
            }
            return shapes
        }

        /// The built-in formats that fix decimals or show percentages.
        static let builtIn: [Int: String] = [2: "0.00", 4: "#,##0.00", 9: "0%", 10: "0.00%", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;[Red](#,##0.00)"]

        /// A `%` outside quoted text and escapes (`0.0%`, not `0.0"%"` or `0\\%`).
        static func isPercent(_ code: String) -> Bool {
            var quoted = false, escaped = false
            for character in code {
                if escaped { escaped = false; continue }
                switch character {
                case "\\": escaped = true
                case "\"": quoted.toggle()
                case "%" where !quoted: return true
                default: continue
                }
            }
            return false
        }

        /// The decimals the format's first section shows (`#,##0.00` → 2, `0` → 0); `nil` for a general or
        /// text format.
        static func places(_ code: String) -> Int? {
            let section = code.split(separator: ";", omittingEmptySubsequences: false).first.map(String.init) ?? code
            guard section.contains("0") || section.contains("#") else { return nil }
            guard let point = section.firstIndex(of: ".") else { return 0 }
            return section[section.index(after: point)...].prefix { $0 == "0" || $0 == "#" }.filter { $0 == "0" }.count
        }
    }
}
