/// Writes a value's JSON straight into bytes as it encodes, without building a tree first.
///
/// Synthesized `Codable` (and every type of this module) encodes in order: each member once, a nested container
/// finished before its parent continues. This encoder relies on that: it opens `{` or `[` when a container is
/// requested and closes it when the value's `encode(to:)` returns or its parent writes its next member. A value that
/// breaks the order (writes into a container after a sibling container was opened, asks for a `superEncoder`, or
/// encodes nothing) makes ``encode(_:)`` return `nil`, and ``WireEncoder`` encodes it with ``CompactJSONEncoder``
/// instead, which has no such restriction. The output is identical either way.
final class StreamingJSONEncoder {
    /// Encodes `value`, or returns `nil` when it does not encode in order.
    ///
    /// - Throws: `EncodingError.invalidValue` for a non-finite number.
    static func encode<T: Encodable>(_ value: T) throws -> [UInt8]? {
        let encoder = StreamingJSONEncoder()
        do {
            try encoder.writeValue(value)
        } catch is OutOfOrder {
            return nil
        }
        guard !encoder.isBroken, encoder.open.isEmpty else { return nil }
        return encoder.output
    }

    /// The signal that the value does not encode in order.
    private struct OutOfOrder: Error {}

    /// An open container.
    private struct Frame {
        let id: Int
        let isObject: Bool
        var count = 0
    }

    private var output: [UInt8] = []
    private var open: [Frame] = []
    private var nextID = 0
    /// Set when a non-throwing requirement (a container request) was used out of order.
    private var isBroken = false
    /// Whether the value being written has written anything yet.
    private var valueStarted = false
    /// The container the value being written opened, if any (a second request for it returns the same one).
    private var valueContainer: Int?
    fileprivate var path: [any CodingKey] = []

    private init() {
        output.reserveCapacity(1024)
    }

    /// Writes one value where the output stands (after a key, a comma, or at the start).
    fileprivate func writeValue<T: Encodable>(_ value: T) throws {
        if T.self == String.self { return JSONStringWriter.append(unsafeBitCast(value, to: String.self), to: &output) }
        if T.self == Bool.self {
            return output.append(contentsOf: (unsafeBitCast(value, to: Bool.self) ? "true" : "false").utf8)
        }
        if T.self == Int.self { return output.append(contentsOf: String(unsafeBitCast(value, to: Int.self)).utf8) }
        if T.self == Int64.self { return output.append(contentsOf: String(unsafeBitCast(value, to: Int64.self)).utf8) }
        if T.self == Double.self {
            return output.append(
                contentsOf: try JSONNumberText.double(unsafeBitCast(value, to: Double.self), codingPath: path).utf8)
        }
        let depth = open.count
        let outerStarted = valueStarted
        let outerContainer = valueContainer
        valueStarted = false
        valueContainer = nil
        try value.encode(to: self)
        guard valueStarted, !isBroken else { throw outOfOrder() }
        while open.count > depth { close(open.removeLast()) }
        valueStarted = outerStarted
        valueContainer = outerContainer
    }

    /// Writes a primitive's text as the current value.
    fileprivate func writeScalar(_ text: String) throws {
        guard !valueStarted else { throw outOfOrder() }
        valueStarted = true
        output.append(contentsOf: text.utf8)
    }

    /// Makes container `id` the innermost open one, closing the finished nested containers above it, and writes the
    /// comma before its next member.
    fileprivate func beginMember(of id: Int) throws {
        guard let index = open.lastIndex(where: { $0.id == id }) else { throw outOfOrder() }
        while open.count > index + 1 { close(open.removeLast()) }
        if open[index].count > 0 { output.append(UInt8(ascii: ",")) }
        open[index].count += 1
    }

    /// The number of members container `id` has.
    fileprivate func count(of id: Int) -> Int {
        open.last { $0.id == id }?.count ?? 0
    }

    /// Writes `"key":`.
    fileprivate func writeKey(_ key: String) {
        JSONStringWriter.append(key, to: &output)
        output.append(UInt8(ascii: ":"))
    }

    /// Opens a container; returns its id.
    fileprivate func openContainer(isObject: Bool) -> Int {
        nextID += 1
        open.append(Frame(id: nextID, isObject: isObject))
        output.append(isObject ? UInt8(ascii: "{") : UInt8(ascii: "["))
        return nextID
    }

    /// Records a misuse that a non-throwing requirement cannot report.
    fileprivate func breakOrder() {
        isBroken = true
    }

    /// Records a misuse and returns the error to throw, so a value that swallows the error still falls back.
    fileprivate func outOfOrder() -> some Error {
        isBroken = true
        return OutOfOrder()
    }

    private func close(_ frame: Frame) {
        output.append(frame.isObject ? UInt8(ascii: "}") : UInt8(ascii: "]"))
    }

    /// The container of the value being written: opens one, or returns the one already opened for it.
    fileprivate func containerForValue(isObject: Bool) -> Int {
        if valueStarted {
            guard let id = valueContainer, let frame = open.last, frame.id == id, frame.isObject == isObject else {
                breakOrder()
                return 0
            }
            return id
        }
        valueStarted = true
        let id = openContainer(isObject: isObject)
        valueContainer = id
        return id
    }
}

extension StreamingJSONEncoder: Encoder {
    var codingPath: [any CodingKey] { path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(KeyedContainer<Key>(encoder: self, id: containerForValue(isObject: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedContainer(encoder: self, id: containerForValue(isObject: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: StreamingJSONEncoder
        let id: Int
        var codingPath: [any CodingKey] { encoder.path }

        private func member(_ key: Key) throws {
            try encoder.beginMember(of: id)
            encoder.writeKey(key.stringValue)
        }

        mutating func encodeNil(forKey key: Key) throws {
            try member(key)
            encoder.output.append(contentsOf: "null".utf8)
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            try member(key)
            encoder.path.append(key)
            defer { encoder.path.removeLast() }
            try encoder.writeValue(value)
        }

        mutating func encode(_ value: String, forKey key: Key) throws {
            try member(key)
            JSONStringWriter.append(value, to: &encoder.output)
        }

        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            guard let value else { return }
            try encode(value, forKey: key)
        }

        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            guard let value else { return }
            try member(key)
            encoder.output.append(contentsOf: String(value).utf8)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, id: nested(key, isObject: true)))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            UnkeyedContainer(encoder: encoder, id: nested(key, isObject: false))
        }

        private func nested(_ key: Key, isObject: Bool) -> Int {
            do {
                try member(key)
            } catch {
                encoder.breakOrder()
                return 0
            }
            return encoder.openContainer(isObject: isObject)
        }

        mutating func superEncoder() -> any Encoder {
            encoder.breakOrder()
            return encoder
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            encoder.breakOrder()
            return encoder
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: StreamingJSONEncoder
        let id: Int
        var codingPath: [any CodingKey] { encoder.path }
        var count: Int { encoder.count(of: id) }

        mutating func encodeNil() throws {
            try encoder.beginMember(of: id)
            encoder.output.append(contentsOf: "null".utf8)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            let index = count
            try encoder.beginMember(of: id)
            encoder.path.append(JSONIndexKey(index))
            defer { encoder.path.removeLast() }
            try encoder.writeValue(value)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            KeyedEncodingContainer(KeyedContainer<NestedKey>(encoder: encoder, id: nested(isObject: true)))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            UnkeyedContainer(encoder: encoder, id: nested(isObject: false))
        }

        private func nested(isObject: Bool) -> Int {
            do {
                try encoder.beginMember(of: id)
            } catch {
                encoder.breakOrder()
                return 0
            }
            return encoder.openContainer(isObject: isObject)
        }

        mutating func superEncoder() -> any Encoder {
            encoder.breakOrder()
            return encoder
        }
    }

    private struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: StreamingJSONEncoder
        var codingPath: [any CodingKey] { encoder.path }

        mutating func encodeNil() throws { try encoder.writeScalar("null") }
        mutating func encode(_ value: Bool) throws { try encoder.writeScalar(value ? "true" : "false") }
        mutating func encode(_ value: String) throws {
            try encoder.writeScalar("")
            JSONStringWriter.append(value, to: &encoder.output)
        }
        mutating func encode(_ value: Double) throws {
            try encoder.writeScalar(try JSONNumberText.double(value, codingPath: codingPath))
        }
        mutating func encode(_ value: Float) throws {
            try encoder.writeScalar(try JSONNumberText.float(value, codingPath: codingPath))
        }
        mutating func encode(_ value: Int) throws { try encoder.writeScalar(String(value)) }
        mutating func encode(_ value: Int8) throws { try encoder.writeScalar(String(value)) }
        mutating func encode(_ value: Int16) throws { try encoder.writeScalar(String(value)) }
        mutating func encode(_ value: Int32) throws { try encoder.writeScalar(String(value)) }
        mutating func encode(_ value: Int64) throws { try encoder.writeScalar(String(value)) }
        mutating func encode(_ value: UInt) throws { try encoder.writeScalar(String(value)) }
        mutating func encode(_ value: UInt8) throws { try encoder.writeScalar(String(value)) }
        mutating func encode(_ value: UInt16) throws { try encoder.writeScalar(String(value)) }
        mutating func encode(_ value: UInt32) throws { try encoder.writeScalar(String(value)) }
        mutating func encode(_ value: UInt64) throws { try encoder.writeScalar(String(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            guard !encoder.valueStarted else { throw encoder.outOfOrder() }
            // The value stands for this one: write it in place.
            try encoder.writeValue(value)
            encoder.valueStarted = true
        }
    }
}
