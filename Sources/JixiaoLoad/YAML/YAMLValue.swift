import JixiaoModel
import Yams

/// A line and a column (1-based, counted in Unicode scalars as libyaml counts them) in front matter.
package struct YAMLPosition: Sendable, Equatable {
    var line: Int
    var column: Int
}

/// A YAML value as the content readers see it: text as written (no type guessing), a list or a
/// mapping, each with where it starts.
package enum YAMLValue: Sendable {
    /// `plain` is an unquoted scalar, where `~`, `null` and nothing at all mean "no value".
    case scalar(String, plain: Bool, at: YAMLPosition)
    case sequence([YAMLValue], at: YAMLPosition)
    case mapping([YAMLPair], at: YAMLPosition)
    case alias(at: YAMLPosition)

    var position: YAMLPosition {
        switch self {
        case let .scalar(_, _, position), let .sequence(_, position), let .mapping(_, position), let .alias(position): position
        }
    }

    var string: String? {
        if case let .scalar(text, _, _) = self { return text }
        return nil
    }

    /// Written as null: `key:`, `key: ~`, `key: null`.
    var isNull: Bool {
        // The length first: comparing other text with these, character by character, is slow.
        guard case let .scalar(text, plain, _) = self, plain, text.utf8.count <= 4 else { return false }
        switch text {
        case "", "~", "null", "Null", "NULL": return true
        default: return false
        }
    }
}

extension YAMLValue {
    /// The first key or value holding a control character that content may not hold (written in the
    /// file as an escape such as `"\e"`: the text itself was checked when it was read), and where.
    func firstControlCharacter() -> (Unicode.Scalar, YAMLPosition)? {
        func refused(_ text: String) -> Unicode.Scalar? { text.unicodeScalars.first(where: ControlCharacters.isRefused) }
        switch self {
        case let .scalar(text, _, position): return refused(text).map { ($0, position) }
        case .alias: return nil
        case let .sequence(items, _):
            for item in items { if let found = item.firstControlCharacter() { return found } }
            return nil
        case let .mapping(pairs, _):
            for pair in pairs {
                if let scalar = refused(pair.key) { return (scalar, pair.keyPosition) }
                if let found = pair.value.firstControlCharacter() { return found }
            }
            return nil
        }
    }
}

package struct YAMLPair: Sendable {
    var key: String
    var keyPosition: YAMLPosition
    var value: YAMLValue
}

extension YAMLValue {
    /// A value composed by Yams; keys that are not text become "".
    init(_ node: Node) {
        func at(_ mark: Mark?) -> YAMLPosition { YAMLPosition(line: mark?.line ?? 1, column: mark?.column ?? 1) }
        switch node {
        case let .scalar(scalar):
            self = .scalar(scalar.string, plain: scalar.style == .plain, at: at(scalar.mark))
        case let .sequence(sequence):
            self = .sequence(sequence.map(YAMLValue.init), at: at(sequence.mark))
        case let .mapping(mapping):
            self = .mapping(mapping.map { YAMLPair(key: $0.key.string ?? "", keyPosition: at($0.key.mark), value: YAMLValue($0.value)) },
                            at: at(mapping.mark))
        case let .alias(alias):
            self = .alias(at: at(alias.mark))
        }
    }
}
