import Foundation
import JixiaoModel

/// Reads one YAML mapping of a content file: checks its keys against a `FieldSet`, reads typed
/// values, reports wrong types at the value's position, and records where each field was written.
package struct MappingReader {
    let file: String
    let lineOffset: Int
    let fields: FieldSet
    /// The mapping's path from the item's root (`funds.fiscal`), empty at the root.
    let path: String
    /// For an indicator's mapping, its index: its fields are recorded apart (`indicators.3.weight`).
    let indicator: Int?
    let sink: DiagnosticSink
    let recorder: LocationRecorder
    /// The pairs as written; a key written twice stops the file before it is read (`DuplicateKey`), and
    /// the first stands. A mapping has a few dozen keys at most: looked up in order, not hashed.
    private let pairs: [YAMLPair]
    let location: SourceLocation

    init?(_ node: YAMLValue, fields: FieldSet, path: String, indicator: Int? = nil, file: String, lineOffset: Int,
          sink: DiagnosticSink, recorder: LocationRecorder, what: @autoclosure () -> String)
    {
        self.file = file
        self.lineOffset = lineOffset
        self.fields = fields
        self.path = path
        self.indicator = indicator
        self.sink = sink
        self.recorder = recorder
        location = SourceLocation(file: file, line: node.position.line + lineOffset, column: node.position.column)
        guard case let .mapping(mapping, _) = node else {
            sink.error(.wrongKind, "\(what()) must be a mapping of `key: value` lines, not \(MappingReader.kindName(node))", at: location)
            return nil
        }
        if let indicator {
            recorder.reserve(indicator: indicator, mapping.count + 1)
            recorder.record(indicator: indicator, "", location)
        } else {
            recorder.record(path, location)
        }
        for (index, pair) in mapping.enumerated() {
            let key = pair.key
            let at = SourceLocation(file: file, line: pair.keyPosition.line + lineOffset, column: pair.keyPosition.column)
            if let indicator {
                recorder.record(indicator: indicator, key, at)
            } else {
                recorder.record(path.isEmpty ? key : "\(path).\(key)", at)
            }
            if let split = MappingReader.splitNumber(mapping, at: index) {
                sink.error(.notAnAmount, "`\(split.text)` in a one-line `{…}` reads as two entries, `\(split.before)` and `\(key)`, "
                    + "because a comma separates them there: write \(split.text.replacingOccurrences(of: ",", with: "")), or quote it, \"\(split.text)\"",
                    at: SourceLocation(file: file, line: split.position.line + lineOffset, column: split.position.column))
            } else if fields.label(key) == nil {
                let known = fields.keys
                var message = "unknown key `\(Excerpt.of(key))` in \(fields.kind)"
                if let guess = suggestion(for: key, among: known) {
                    message += "; did you mean `\(guess)` (\(fields.label(guess) ?? guess))?"
                }
                sink.error(.unknownKey, message, at: at)
            }
        }
        pairs = mapping
    }

    func location(of node: YAMLValue) -> SourceLocation { location(of: node.position) }

    func location(of position: YAMLPosition) -> SourceLocation {
        SourceLocation(file: file, line: position.line + lineOffset, column: position.column)
    }

    /// The full path of one of this mapping's keys.
    func key(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// The value node of `key`, `nil` when absent or written as null (`key:` or `key: ~`).
    func node(_ key: String) -> YAMLValue? {
        for index in pairs.indices where pairs[index].key == key {
            let node = pairs[index].value
            return node.isNull ? nil : node
        }
        return nil
    }

    func has(_ key: String) -> Bool { node(key) != nil }

    /// Where `key`'s value is (or the mapping, when the key is absent).
    func locationOf(_ key: String) -> SourceLocation { node(key).map(location(of:)) ?? location }

    func text(_ key: String) -> String? {
        guard let node = node(key) else { return nil }
        guard case let .scalar(text, _, _) = node else {
            sink.error(.wrongKind, "\(fields.name(key)) must be text, not \(MappingReader.kindName(node))", at: location(of: node))
            return nil
        }
        return text
    }

    func requiredText(_ key: String, in what: String) -> String? {
        guard let value = text(key) else {
            if !has(key) { sink.error(.missingField, "\(fields.name(key)) is missing: every \(what) needs one", at: location) }
            return nil
        }
        if Trim.isBlank(value) {
            sink.error(.emptyField, "\(fields.name(key)) is empty", at: locationOf(key))
            return nil
        }
        return value
    }

    func number(_ key: String) -> Decimal? {
        guard let raw = text(key) else { return nil }
        let text = Trim.whitespace(raw)
        guard let value = Decimal.exact(text) else {
            if Decimal.isNumeral(text), Decimal.exceedsPrecision(text) {
                sink.error(.tooManyDigits, "\(fields.name(key)) \(Excerpt.of(text)) has more digits than can be held exactly: \(Decimal.digitsLimit)", at: locationOf(key))
            } else {
                sink.error(.notANumber, "\(fields.name(key)) must be a number, not \"\(Excerpt.of(raw))\"", at: locationOf(key))
            }
            return nil
        }
        return value
    }

    /// A number that may not be negative.
    func nonNegative(_ key: String) -> Decimal? {
        guard let value = number(key) else { return nil }
        if value < 0 {
            sink.error(.negative, "\(fields.name(key)) may not be negative (\(value.plain))", at: locationOf(key))
            return nil
        }
        return value
    }

    /// Money: an exact, non-negative amount keeping its published decimals.
    func amount(_ key: String) -> Amount? {
        guard let raw = text(key) else { return nil }
        guard let amount = Amount(parsing: raw) else {
            if Amount.exceedsPrecision(parsing: raw) {
                sink.error(.tooManyDigits, "\(fields.name(key)) \(Excerpt.of(Trim.whitespace(raw))) has more digits than can be held exactly: \(Decimal.digitsLimit)", at: locationOf(key))
                return nil
            }
            sink.error(.notAnAmount, "\(fields.name(key)) must be an amount of money (digits, e.g. 18150.89), not \"\(Excerpt.of(raw))\"", at: locationOf(key))
            return nil
        }
        if amount.value < 0 {
            sink.error(.negative, "\(fields.name(key)) may not be negative (\(Excerpt.of(Trim.whitespace(raw))))", at: locationOf(key))
            return nil
        }
        return amount
    }

    func integer(_ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let raw = text(key) else { return nil }
        guard let value = Int(Trim.whitespace(raw)), range.contains(value) else {
            sink.error(.outOfRange, "\(fields.name(key)) must be a whole number from \(range.lowerBound) to \(range.upperBound), not \"\(Excerpt.of(raw))\"", at: locationOf(key))
            return nil
        }
        return value
    }

    func bool(_ key: String) -> Bool? {
        guard let raw = text(key) else { return nil }
        switch raw {
        case "true", "True", "TRUE", "yes": return true
        case "false", "False", "FALSE", "no": return false
        default:
            sink.error(.notABoolean, "\(fields.name(key)) must be true or false, not \"\(Excerpt.of(raw))\"", at: locationOf(key))
            return nil
        }
    }

    /// One of a fixed set of values (`money_unit: 万元`).
    func choice<T: RawRepresentable & CaseIterable>(_ key: String, _: T.Type) -> T? where T.RawValue == String {
        guard let raw = text(key) else { return nil }
        if let value = T(rawValue: Trim.whitespace(raw)) { return value }
        let allowed = T.allCases.map(\.rawValue).joined(separator: " | ")
        sink.error(.notAChoice, "\(fields.name(key)) must be one of \(allowed), not \"\(Excerpt.of(raw))\"", at: locationOf(key))
        return nil
    }

    func mapping(_ key: String, fields: FieldSet) -> MappingReader? {
        guard let node = node(key) else { return nil }
        return MappingReader(node, fields: fields, path: self.key(key), file: file, lineOffset: lineOffset, sink: sink,
                             recorder: recorder, what: self.fields.name(key))
    }

    /// The raw pairs of a free-form mapping (`level1_weights: {产出指标: 50}`).
    func pairs(_ key: String) -> [YAMLPair]? {
        guard let node = node(key) else { return nil }
        guard case let .mapping(pairs, _) = node else {
            sink.error(.wrongKind, "\(fields.name(key)) must be a mapping, not \(MappingReader.kindName(node))", at: location(of: node))
            return nil
        }
        return pairs
    }

    func sequence(_ key: String) -> [YAMLValue]? {
        guard let node = node(key) else { return nil }
        guard case let .sequence(items, _) = node else {
            sink.error(.wrongKind, "\(fields.name(key)) must be a list, not \(MappingReader.kindName(node))", at: location(of: node))
            return nil
        }
        return items
    }

    /// A number with thousands separators written in a flow mapping (`{spent: 1,000}`), which YAML reads
    /// as the entry `spent: 1` and a key `000` without a value: the whole number, the part before the
    /// comma, and where it starts.
    static func splitNumber(_ pairs: [YAMLPair], at index: Int) -> (text: String, before: String, position: YAMLPosition)? {
        let pair = pairs[index]
        guard index > 0, pair.value.isNull, !pair.key.isEmpty, pair.key.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              case let .scalar(before, true, position) = pairs[index - 1].value, !before.isEmpty, before.allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        var text = before + "," + pair.key
        var next = index + 1
        // `1,000,000` reads as three entries: take the rest of the number too.
        while next < pairs.count, pairs[next].value.isNull, pairs[next].key.count == 3, pairs[next].key.allSatisfy({ $0.isASCII && $0.isNumber }) {
            text += "," + pairs[next].key
            next += 1
        }
        return (text, before, position)
    }

    static func kindName(_ node: YAMLValue) -> String {
        switch node {
        case .scalar: "a single value"
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        }
    }
}

/// Collects where each field of one item was written.
package final class LocationRecorder {
    private var recorded = FieldLocations.Table()

    func record(_ path: String, _ location: SourceLocation) {
        if !path.isEmpty { recorded.record(path, location) }
    }

    func record(indicator: Int, _ key: String, _ location: SourceLocation) {
        recorded.record(indicator: indicator, key, location)
    }

    func reserve(indicator: Int, _ count: Int) {
        recorded.reserve(indicator: indicator, count)
    }

    func locations(item: SourceLocation) -> FieldLocations {
        FieldLocations(item: item, table: recorded)
    }
}
