import JixiaoModel

/// A CSV file's bytes, split into records the way RFC 4180 splits them, before any reader turns them
/// into fields: a quoted field runs to its closing quote, over commas and line breaks. The places it
/// finds are rows and columns as table diagnostics count them (the header is row 1; a record that spans
/// lines is one row). The bytes that split records (`"`, `,`, line breaks) are ASCII, and neither UTF-8
/// nor GB18030 uses them inside a character, so the split holds before the text is decoded.
package enum CSVText {
    /// Where each record starts (a byte offset), and the row and column of a quoted field that never
    /// closes, if one does not.
    static func records(_ bytes: [UInt8]) -> (starts: [Int], unterminated: (row: Int, column: Int)?) {
        var starts = bytes.isEmpty ? [] : [0]
        var row = 1, column = 1, atFieldStart = true, inQuotes = false
        var quoteStart = (row: 1, column: 1)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if inQuotes {
                if byte == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count, bytes[index + 1] == UInt8(ascii: "\"") { index += 1 } else { inQuotes = false }
                }
            } else if byte == UInt8(ascii: "\""), atFieldStart {
                inQuotes = true
                quoteStart = (row, column)
                atFieldStart = false
            } else if byte == UInt8(ascii: ",") {
                column += 1
                atFieldStart = true
            } else if byte == 0x0A || byte == 0x0D {
                if byte == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
                row += 1
                column = 1
                atFieldStart = true
                if index + 1 < bytes.count { starts.append(index + 1) }
            } else {
                atFieldStart = false
            }
            index += 1
        }
        return (starts, inQuotes ? quoteStart : nil)
    }

    /// The column (1-based field number) of the byte at `offset` in the record starting at `start`.
    static func column(of offset: Int, inRecordAt start: Int, _ bytes: [UInt8]) -> Int {
        var column = 1, inQuotes = false
        for index in start ..< min(offset, bytes.count) {
            if bytes[index] == UInt8(ascii: "\"") { inQuotes.toggle() }
            if bytes[index] == UInt8(ascii: ","), !inQuotes { column += 1 }
        }
        return column
    }

    /// In a table that is neither UTF-8 nor GB18030 as a whole: the first row that is not in the
    /// encoding of the rows above it (the first row with text other than ASCII sets it), the column
    /// where its text goes wrong, and that encoding. `nil` when no row can be told apart.
    static func firstRowInAnotherEncoding(_ bytes: [UInt8]) -> (row: Int, column: Int, encoding: TextDecoding.Encoding)? {
        let starts = records(bytes).starts
        var encoding: TextDecoding.Encoding?
        for (row, start) in starts.enumerated() {
            let end = row + 1 < starts.count ? starts[row + 1] : bytes.count
            let record = Array(bytes[start ..< end])
            guard let firstWide = record.firstIndex(where: { $0 >= 0x80 }) else { continue }
            let invalidUTF8 = TextDecoding.firstInvalidUTF8(record)
            guard let expected = encoding else {
                encoding = invalidUTF8 == nil ? .utf8 : .gb18030
                continue
            }
            switch expected {
            case .utf8:
                if let bad = invalidUTF8 { return (row + 1, column(of: start + bad.offset, inRecordAt: start, bytes), .utf8) }
            case .gb18030:
                // GB18030 text other than ASCII is never valid UTF-8; UTF-8 text often decodes as GB18030.
                if invalidUTF8 == nil || TextDecoding.fromGB18030(record) == nil {
                    return (row + 1, column(of: start + firstWide, inRecordAt: start, bytes), .gb18030)
                }
            }
        }
        return nil
    }
}
