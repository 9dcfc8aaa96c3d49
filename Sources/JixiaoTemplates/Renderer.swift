/// What changes from one template to the partial or block it renders (the content type is set
/// apart, as a pragma changes it for the rest of its section).
struct Frame {
    var indentation: String?
    var inherited: [String: Template]?
}

/// Renders programs into UTF-8 bytes: text is copied from the program's bytes, values from their
/// strings' bytes in place.
struct Renderer {
    let library: TemplateLibrary
    /// The values of the enclosing sections, innermost last.
    var stack: [TemplateValue]

    /// Renders the instructions of `range`, the whole of a template or a section's body.
    mutating func render(_ program: Program, _ range: Range<Int>, into output: inout [UInt8], as type: ContentType, frame: Frame) {
        var type = type
        var index = range.lowerBound
        guard let indentation = frame.indentation, !indentation.isEmpty else {
            while index < range.upperBound {
                index = step(program, at: index, into: &output, type: &type, frame: frame)
            }
            return
        }
        // Indented partial: each instruction's output that starts a line is indented.
        var own: [UInt8] = []
        while index < range.upperBound {
            var piece: [UInt8] = []
            index = step(program, at: index, into: &piece, type: &type, frame: frame)
            if !piece.isEmpty, Self.endsWithLineFeed(own) { own.append(contentsOf: indentation.utf8) }
            own.append(contentsOf: piece)
        }
        output.append(contentsOf: own)
    }

    /// Whether the last character is a line feed (`\r\n` is one character, not a line feed).
    private static func endsWithLineFeed(_ bytes: [UInt8]) -> Bool {
        bytes.last == 0x0A && (bytes.count < 2 || bytes[bytes.count - 2] != 0x0D)
    }

    /// Renders one instruction (a section with its body); returns the index of the next.
    private mutating func step(_ program: Program, at index: Int, into output: inout [UInt8], type: inout ContentType, frame: Frame) -> Int {
        switch program.ops[index] {
        case let .text(start, count):
            output.append(contentsOf: UnsafeBufferPointer(rebasing: program.texts[Int(start) ..< Int(start) + Int(count)]))

        case let .variable(path, escaped):
            switch lookup(path, in: program) {
            case let .text(string)?: library.append(string, escapedAs: escaped ? type : .text, to: &output)
            case let .rendered(text)?: library.append(text, escapedAs: escaped ? type : .text, to: &output)
            case let .flag(flag)?: output.append(contentsOf: (flag ? "true" : "false").utf8)
            case .list?, .object?, .records?, .record?, nil: break
            }

        case let .section(path, end):
            let body = index + 1 ..< Int(end)
            switch lookup(path, in: program) {
            case let .list(items)?:
                for item in items {
                    stack.append(item)
                    render(program, body, into: &output, as: type, frame: frame)
                    stack.removeLast()
                }
            case let .records(records)?:
                for index in 0 ..< records.count {
                    stack.append(.record(records, index))
                    render(program, body, into: &output, as: type, frame: frame)
                    stack.removeLast()
                }
            case let .flag(flag)?:
                if flag { render(program, body, into: &output, as: type, frame: frame) }
            case let value?:
                stack.append(value)
                render(program, body, into: &output, as: type, frame: frame)
                stack.removeLast()
            case nil:
                break
            }
            return Int(end)

        case let .inverted(path, end):
            let body = index + 1 ..< Int(end)
            let value = lookup(path, in: program)
            guard value?.isFalsy ?? true else { return Int(end) }
            switch value {
            case .list?, .records?:
                stack.append(value!)
                render(program, body, into: &output, as: type, frame: frame)
                stack.removeLast()
            default:
                render(program, body, into: &output, as: type, frame: frame)
            }
            return Int(end)

        case let .partial(number):
            let partial = program.partials[Int(number)]
            guard let template = library.template(named: partial.name) else { break }
            var inner = frame
            if let indentation = partial.indentation { inner.indentation = (frame.indentation ?? "") + indentation }
            if let overrides = partial.overrides {
                // Overrides from further out win over those of this parent.
                inner.inherited = (frame.inherited ?? [:]).merging(overrides) { outer, _ in outer }
            }
            render(template.program, 0 ..< template.program.ops.count, into: &output, as: .html, frame: inner)

        case let .block(number, end):
            let block = program.blocks[Int(number)]
            var inner = frame
            if let indentation = block.indentation { inner.indentation = (frame.indentation ?? "") + indentation }
            if let override = frame.inherited?[block.name] {
                render(override.program, 0 ..< override.program.ops.count, into: &output, as: type, frame: inner)
            } else {
                render(program, index + 1 ..< Int(end), into: &output, as: type, frame: inner)
            }
            return Int(end)

        case let .contentType(newType):
            type = newType
        }
        return index + 1
    }

    /// A name's value: its first part is looked up from the innermost value outwards (or in the
    /// current value only, for `.name`), the other parts inside what was found.
    private func lookup(_ number: Int32, in program: Program) -> TemplateValue? {
        let path = program.paths[Int(number)]
        guard path.count > 0 else { return stack.last }
        let first = Int(path.start)
        var found: TemplateValue?
        if path.currentOnly {
            found = stack[stack.count - 1].field(program.names[first])
        } else {
            var level = stack.count - 1
            while level >= 0 {
                if let child = stack[level].field(program.names[first]) {
                    found = child
                    break
                }
                level -= 1
            }
        }
        for part in first + 1 ..< first + Int(path.count) {
            guard let value = found else { return nil }
            found = value.field(program.names[part])
        }
        return found
    }
}
