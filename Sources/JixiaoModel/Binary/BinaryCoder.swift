import Foundation

/// Writes values as compact bytes, for what a build keeps between runs (the parsed projects): integers
/// as variable-length numbers, text as its length and UTF-8 bytes, decimals as their exact parts.
public struct BinaryWriter {
    public private(set) var bytes: [UInt8] = []
    /// Short texts written again and again (field names, kinds), by their number in order of first use.
    private var symbols = SymbolTable()

    public init(capacity: Int = 1024) {
        bytes.reserveCapacity(capacity)
    }

    public mutating func write(_ value: UInt64) {
        var value = value
        while value >= 0x80 {
            bytes.append(UInt8(value & 0x7F) | 0x80)
            value >>= 7
        }
        bytes.append(UInt8(value))
    }

    /// Zigzag: small negative numbers stay short.
    public mutating func write(_ value: Int) {
        write(UInt64(bitPattern: Int64((value << 1) ^ (value >> 63))))
    }

    public mutating func write(_ value: Bool) { bytes.append(value ? 1 : 0) }

    public mutating func write(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            write(UInt64(utf8.count))
            bytes.append(contentsOf: utf8)
        }
    }

    /// A text of a small set written many times (a field's name): its number when written before.
    public mutating func write(symbol text: String) {
        let (number, isNew) = symbols.number(of: text)
        if isNew {
            write(UInt64(0))
            write(text)
        } else {
            write(UInt64(number) + 1)
        }
    }

    /// Its sign, exponent and integer significand: the value exactly, as the public API builds it again.
    /// A significand of 2^53 or more (up to 39 digits) is written as its digits.
    public mutating func write(_ value: Decimal) {
        write(value.sign == .minus)
        write(value.exponent)
        if let significand = value.smallSignificand {
            write(false)
            write(significand)
        } else {
            write(true)
            write(value.significand.description)
        }
    }

    /// A flag, then the value when there is one.
    public mutating func write<T>(_ value: T?, _ each: (inout BinaryWriter, T) -> Void) {
        write(value != nil)
        if let value { each(&self, value) }
    }

    public mutating func write(_ text: String?) { write(text) { $0.write($1) } }

    /// The count, then each element.
    public mutating func write<T>(_ values: [T], _ each: (inout BinaryWriter, T) -> Void) {
        write(UInt64(values.count))
        for value in values { each(&self, value) }
    }

    public mutating func write(bytes other: [UInt8]) { bytes += other }

    /// Bytes written on their own (by another writer, with symbols of their own): their count, then them.
    public mutating func write(blob: some Collection<UInt8>) {
        write(UInt64(blob.count))
        bytes.append(contentsOf: blob)
    }
}

/// What `BinaryReader` throws on bytes that are not what `BinaryWriter` wrote: cut short or damaged.
public struct BinaryDamage: Error, Sendable {
    public init() {}
}

/// Reads what `BinaryWriter` wrote, checking every length against the bytes there are: damaged bytes
/// throw `BinaryDamage`, never read past the end or build an impossible value.
public struct BinaryReader {
    /// What `bytes` lie in: kept while they are read, and by the values that keep their bytes (`blob()`).
    private let store: ByteStore
    private let bytes: UnsafeBufferPointer<UInt8>
    /// The symbols read so far (`BinaryWriter.write(symbol:)`), in order.
    private var symbols: [String] = []
    public private(set) var offset: Int
    private let end: Int
    /// Where values kept as bytes (`Encoded`) count bytes that do not decode.
    public let damage: ModelDamage

    public init(_ store: ByteStore, from start: Int = 0, to end: Int? = nil, damage: ModelDamage = .unread) {
        self.store = store
        bytes = store.bytes
        offset = start
        self.end = min(end ?? bytes.count, bytes.count)
        self.damage = damage
    }

    /// Reads a copy of `bytes`.
    public init(_ bytes: [UInt8]) {
        self.init(ByteStore(bytes))
    }

    public var isAtEnd: Bool { offset >= end }

    @inline(__always)
    public mutating func byte() throws -> UInt8 {
        guard offset < end else { throw BinaryDamage() }
        defer { offset += 1 }
        return bytes[offset]
    }

    @inline(__always)
    public mutating func unsigned() throws -> UInt64 {
        // Most numbers (lengths, counts, small values) fit one byte.
        if offset < end, bytes[offset] < 0x80 {
            defer { offset += 1 }
            return UInt64(bytes[offset])
        }
        return try longUnsigned()
    }

    private mutating func longUnsigned() throws -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        while true {
            let byte = try byte()
            guard shift < 64 else { throw BinaryDamage() }
            value |= UInt64(byte & 0x7F) << shift
            if byte < 0x80 { return value }
            shift += 7
        }
    }

    public mutating func skip(_ count: Int) throws {
        guard count >= 0, count <= end - offset else { throw BinaryDamage() }
        offset += count
    }

    public mutating func int() throws -> Int {
        let raw = try unsigned()
        return Int(Int64(bitPattern: (raw >> 1) ^ (0 &- (raw & 1))))
    }

    /// A count of things each at least one byte long: no more than the bytes left.
    public mutating func count() throws -> Int {
        let count = try unsigned()
        guard count <= UInt64(end - offset) else { throw BinaryDamage() }
        return Int(count)
    }

    @inline(__always)
    public mutating func bool() throws -> Bool {
        switch try byte() {
        case 0: false
        case 1: true
        default: throw BinaryDamage()
        }
    }

    /// What `BinaryWriter.write(blob:)` wrote: where its bytes are, among the bytes read (not copied).
    public mutating func blob() throws -> (store: ByteStore, range: Range<Int>) {
        let length = try count()
        defer { offset += length }
        return (store, offset ..< offset + length)
    }

    public mutating func string() throws -> String {
        let length = try count()
        defer { offset += length }
        return String(decoding: UnsafeBufferPointer(rebasing: bytes[offset ..< offset + length]), as: UTF8.self)
    }

    public mutating func symbol() throws -> String {
        let number = try unsigned()
        if number == 0 {
            let text = try string()
            symbols.append(text)
            return text
        }
        guard number <= UInt64(symbols.count) else { throw BinaryDamage() }
        return symbols[Int(number - 1)]
    }

    public mutating func decimal() throws -> Decimal {
        let negative = try bool()
        let exponent = try int()
        guard (-128 ... 127).contains(exponent) else { throw BinaryDamage() }
        let significand: Decimal
        if try bool() {
            let digits = try string()
            // A significand is below 2^128: 39 digits at most.
            guard digits.utf8.count <= 39, digits.utf8.allSatisfy({ (0x30 ... 0x39).contains($0) }), let value = Decimal(string: digits)
            else { throw BinaryDamage() }
            significand = value
        } else {
            significand = Decimal(try unsigned())
        }
        return Decimal(sign: negative && !significand.isZero ? .minus : .plus, exponent: exponent, significand: significand)
    }

    public mutating func optional<T>(_ read: (inout BinaryReader) throws -> T) throws -> T? {
        try bool() ? read(&self) : nil
    }

    public mutating func optionalString() throws -> String? { try optional { try $0.string() } }

    public mutating func array<T>(_ read: (inout BinaryReader) throws -> T) throws -> [T] {
        let count = try count()
        var values: [T] = []
        values.reserveCapacity(count)
        for _ in 0 ..< count { values.append(try read(&self)) }
        return values
    }

    /// One of the cases of a `String`-backed enum, by its raw value.
    public mutating func choice<T: RawRepresentable>(_: T.Type) throws -> T where T.RawValue == String {
        guard let value = T(rawValue: try symbol()) else { throw BinaryDamage() }
        return value
    }
}
