/// A template laid out for rendering: its tokens flattened into one list of instructions whose
/// payloads are plain numbers (a section's body follows its instruction, up to its end), with the
/// text, names and partials they refer to in tables beside it.
///
/// Every thread renders the same templates. Walking tokens retained and released each one, and
/// counting references to objects shared by the cores made them wait on each other; walking a
/// program touches no reference count (its tables are read in place, through pointers that live
/// as long as the program).
final class Program: @unchecked Sendable {
    enum Op {
        /// Text: a run of the text bytes.
        case text(start: Int32, count: Int32)
        case variable(path: Int32, escaped: Bool)
        /// A section: its body is the instructions after it, up to `end`.
        case section(path: Int32, end: Int32)
        case inverted(path: Int32, end: Int32)
        case partial(Int32)
        /// A block, rendered as its override or else as the instructions after it, up to `end`.
        case block(Int32, end: Int32)
        case contentType(ContentType)
    }

    /// A name as written, as a run of the names table.
    struct Path {
        let start: Int32
        let count: Int32
        let currentOnly: Bool
    }

    struct Partial {
        let name: String
        let indentation: String?
        let overrides: [String: Template]?
    }

    struct Block {
        let name: String
        let indentation: String?
    }

    let ops: UnsafeMutableBufferPointer<Op>
    /// The UTF-8 of every text, end to end.
    let texts: UnsafeMutableBufferPointer<UInt8>
    let paths: UnsafeMutableBufferPointer<Path>
    let names: UnsafeMutableBufferPointer<FieldName>
    let partials: [Partial]
    let blocks: [Block]

    init(_ tokens: [Token]) {
        var builder = Builder()
        builder.add(tokens)
        ops = Self.table(builder.ops)
        texts = Self.table(builder.texts)
        paths = Self.table(builder.paths)
        names = Self.table(builder.names)
        partials = builder.partials
        blocks = builder.blocks
    }

    deinit {
        ops.deallocate()
        paths.deallocate()
        texts.deallocate()
        names.deinitialize().deallocate()
    }

    private static func table<Element>(_ elements: [Element]) -> UnsafeMutableBufferPointer<Element> {
        let table = UnsafeMutableBufferPointer<Element>.allocate(capacity: max(elements.count, 1))
        _ = table.initialize(from: elements)
        return UnsafeMutableBufferPointer(rebasing: table[0 ..< elements.count])
    }

    private struct Builder {
        var ops: [Op] = []
        var texts: [UInt8] = []
        var paths: [Path] = []
        var names: [FieldName] = []
        var partials: [Partial] = []
        var blocks: [Block] = []

        mutating func add(_ tokens: [Token]) {
            for token in tokens {
                switch token {
                case let .text(text):
                    ops.append(.text(start: Int32(texts.count), count: Int32(text.utf8.count)))
                    texts.append(contentsOf: text.utf8)
                case let .variable(path, escaped):
                    ops.append(.variable(path: add(path), escaped: escaped))
                case let .section(path, template):
                    let path = add(path)
                    let at = opening(.section(path: path, end: 0))
                    add(template.tokens)
                    ops[at] = .section(path: path, end: Int32(ops.count))
                case let .inverted(path, template):
                    let path = add(path)
                    let at = opening(.inverted(path: path, end: 0))
                    add(template.tokens)
                    ops[at] = .inverted(path: path, end: Int32(ops.count))
                case let .partial(reference, indentation, overrides):
                    ops.append(.partial(Int32(partials.count)))
                    partials.append(Partial(name: reference.name, indentation: indentation, overrides: overrides))
                case let .block(name, fallback, indentation):
                    let index = Int32(blocks.count)
                    blocks.append(Block(name: name, indentation: indentation))
                    let at = opening(.block(index, end: 0))
                    add(fallback.tokens)
                    ops[at] = .block(index, end: Int32(ops.count))
                case .definition:
                    // Collected into its parent's overrides by the parser; never rendered.
                    break
                case let .contentType(type):
                    ops.append(.contentType(type))
                }
            }
        }

        private mutating func opening(_ op: Op) -> Int {
            ops.append(op)
            return ops.count - 1
        }

        private mutating func add(_ path: VariablePath) -> Int32 {
            paths.append(Path(start: Int32(names.count), count: Int32(path.parts.count), currentOnly: path.currentOnly))
            names.append(contentsOf: path.parts)
            return Int32(paths.count - 1)
        }
    }
}
