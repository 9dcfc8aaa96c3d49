import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import JixiaoModel
import ZIPFoundation

/// Streams an XML part to closures that see the path of local element names (prefixes dropped)
/// from the root to the current element. Errors thrown by the closures stop the parse and are
/// rethrown; XML that is not well-formed throws `XLSXError.malformedXML`.
final class XMLEvents: NSObject, XMLParserDelegate {
    typealias Start = (_ path: [String], _ attributes: [String: String]) throws -> Void
    typealias End = (_ path: [String]) throws -> Void

    let part: String
    let root: String
    let start: Start
    let end: End
    let text: (String) -> Void
    var path: [String] = []
    var failure: Error?

    private init(part: String, root: String, start: @escaping Start, end: @escaping End, text: @escaping (String) -> Void) {
        self.part = part
        self.root = root
        self.start = start
        self.end = end
        self.text = text
    }

    static func parse(_ data: Data, part: String, root: String, start: @escaping Start,
                      end: @escaping End = { _ in }, text: @escaping (String) -> Void = { _ in }) throws {
        let data = try utf8(data, part: part)
        if let problem = forbiddenMarkup(data) { throw XLSXError.malformed(part: part, reason: problem) }
        let events = XMLEvents(part: part, root: root, start: start, end: end, text: text)
        // Through a stream, so that the parser gets the part in chunks: FoundationXML hands `Data` to
        // libxml2 in one piece, which refuses more than 10 MB at once (a 60,000-row sheet) as if the
        // XML were not well-formed.
        let parser = XMLParser(stream: InputStream(data: data))
        parser.shouldProcessNamespaces = false
        parser.shouldReportNamespacePrefixes = false
        parser.shouldResolveExternalEntities = false
        parser.delegate = events
        let parsed = parser.parse()
        if let failure = events.failure { throw failure }
        // FoundationXML on Linux returns true for some broken documents (and records the error).
        guard parsed, parser.parserError == nil else {
            throw XLSXError.malformedXML(part: part, line: parser.lineNumber, column: parser.columnNumber, reason: nil)
        }
        guard events.sawRoot else {
            throw XLSXError.malformedXML(part: part, line: parser.lineNumber, column: parser.columnNumber, reason: "no root element")
        }
        if let open = events.path.last {
            throw XLSXError.malformedXML(part: part, line: parser.lineNumber, column: parser.columnNumber, reason: "<\(open)> is not closed")
        }
    }

    private var sawRoot = false

    /// The part as UTF-8 without a byte order mark. SpreadsheetML parts are UTF-8 or UTF-16; UTF-16
    /// is converted (and its XML declaration dropped). Invalid UTF-8 is refused here, before
    /// the parser sees it: FoundationXML on Linux traps on names and attributes that are not UTF-8.
    static func utf8(_ data: Data, part: String) throws -> Data {
        let bytes = [UInt8](data)
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            guard bytes.count % 2 == 0, var text = String(data: data, encoding: .utf16), !text.contains("\u{FFFD}") else {
                throw XLSXError.malformed(part: part, reason: "it is not valid UTF-16 text")
            }
            if text.hasPrefix("\u{FEFF}") { text.removeFirst() }
            if text.hasPrefix("<?xml"), let close = text.range(of: "?>") { text.removeSubrange(..<close.upperBound) }
            return Data(text.utf8)
        }
        let body = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? Array(bytes.dropFirst(3)) : bytes
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = body.makeIterator()
        var line = 1
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1, encoded.first == 0x0A { line += 1 }
            case .emptyInput:
                return body.count == bytes.count ? data : Data(body)
            case .error:
                throw XLSXError.malformed(part: part, reason: "line \(line) is not UTF-8 text")
            }
        }
    }

    /// Markup that SpreadsheetML parts never contain and that is refused before parsing: document
    /// type declarations (entity expansion can make a small part huge) and processing instructions
    /// other than the XML declaration (FoundationXML on Linux crashes on `<?x?>`). Comments and
    /// CDATA sections are skipped over.
    static func forbiddenMarkup(_ data: Data) -> String? {
        data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) -> String? in
            let bytes = raw.bindMemory(to: UInt8.self)
            func starts(_ prefix: StaticString, at index: Int) -> Bool {
                let count = prefix.utf8CodeUnitCount
                guard index + count <= bytes.count else { return false }
                return (0..<count).allSatisfy { bytes[index + $0] == prefix.utf8Start[$0] }
            }
            func skip(to end: StaticString, from index: Int) -> Int {
                var index = index
                while index < bytes.count, !starts(end, at: index) { index += 1 }
                return index + end.utf8CodeUnitCount
            }
            var index = 0
            while index < bytes.count {
                guard bytes[index] == UInt8(ascii: "<"), index + 1 < bytes.count else { index += 1; continue }
                switch bytes[index + 1] {
                case UInt8(ascii: "!"):
                    if starts("<!--", at: index) {
                        index = skip(to: "-->", from: index + 4)
                    } else if starts("<![CDATA[", at: index) {
                        index = skip(to: "]]>", from: index + 9)
                    } else {
                        return "it has a document type or entity declaration, which .xlsx parts never have"
                    }
                case UInt8(ascii: "?"):
                    let isDeclaration = index == 0 && starts("<?xml", at: 0) && bytes.count > 5
                        && [0x20, 0x09, 0x0A, 0x0D].contains(bytes[5])
                    guard isDeclaration else { return "it has a processing instruction, which .xlsx parts never have" }
                    index = skip(to: "?>", from: index + 5)
                default:
                    index += 1
                }
            }
            return nil
        }
    }

    private func stop(_ parser: XMLParser, _ error: Error) {
        if failure == nil { failure = error }
        parser.abortParsing()
    }

    private static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        guard failure == nil else { return }
        let name = Self.local(elementName)
        if path.isEmpty {
            guard !sawRoot else { return stop(parser, XLSXError.malformedXML(part: part, line: parser.lineNumber, column: parser.columnNumber, reason: "more than one root element")) }
            guard name == root else {
                return stop(parser, XLSXError.malformed(part: part, reason: "expected a <\(root)> element, found <\(elementName)>"))
            }
            sawRoot = true
        }
        path.append(name)
        do { try start(path, attributeDict) } catch { stop(parser, error) }
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        guard failure == nil, !path.isEmpty else { return }
        do { try end(path) } catch { stop(parser, error) }
        path.removeLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard failure == nil else { return }
        text(string)
    }

    func parser(_ parser: XMLParser, foundCDATA CDATABlock: Data) {
        guard failure == nil else { return }
        guard let string = String(data: CDATABlock, encoding: .utf8) else {
            return stop(parser, XLSXError.malformed(part: part, reason: "a CDATA section is not UTF-8"))
        }
        text(string)
    }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: Error) {}
}
