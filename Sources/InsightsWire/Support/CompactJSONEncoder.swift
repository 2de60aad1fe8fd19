/// A JSON encoder for response bodies: compact output, keys in the order the value encodes them.
///
/// Foundation's `JSONEncoder` builds a tree of dictionaries, sorts keys when asked and boxes every value; for the
/// server's responses (a report, a list of up to 1000 annotations) that was a third of a request's CPU time. This
/// encoder builds a small ordered tree (objects keep their keys in encoding order, so synthesized `Codable` types come
/// out in declaration order) and writes it into one byte array.
///
/// Output rules, the same as `JSONEncoder` with `.withoutEscapingSlashes`: strings escape `"`, `\` and control
/// characters only; integers print as integers; a `Double` or `Float` prints in Swift's shortest round-tripping form
/// without a trailing `.0` (`20`, `81.5`, `1e+21`); NaN and infinities throw `EncodingError.invalidValue`. A key
/// encoded twice in one object appears twice.
struct CompactJSONEncoder {
    /// Encodes `value`.
    ///
    /// - Throws: `EncodingError.invalidValue` for a non-finite number or a value that encodes nothing.
    func encode<T: Encodable>(_ value: T) throws -> [UInt8] {
        let node = try JSONTreeEncoder.node(for: value, path: nil)
        var output: [UInt8] = []
        output.reserveCapacity(256)
        node.write(to: &output)
        return output
    }
}

/// A node of the tree the encoder builds; containers are reference boxes so nested containers can fill in later.
private enum JSONNode {
    case null
    case literal(String)
    case string(String)
    case array(JSONArrayBox)
    case object(JSONObjectBox)
    /// The value of the encoder `superEncoder` returned, read when written.
    case slot(JSONTreeEncoder)

    func write(to output: inout [UInt8]) {
        switch self {
        case .null: output.append(contentsOf: "null".utf8)
        case .literal(let text): output.append(contentsOf: text.utf8)
        case .string(let text): JSONStringWriter.append(text, to: &output)
        case .array(let box):
            output.append(UInt8(ascii: "["))
            for (index, item) in box.items.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                item.write(to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let box):
            output.append(UInt8(ascii: "{"))
            for (index, member) in box.members.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                JSONStringWriter.append(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                member.value.write(to: &output)
            }
            output.append(UInt8(ascii: "}"))
        case .slot(let encoder): (encoder.node ?? .object(JSONObjectBox())).write(to: &output)
        }
    }
}

private final class JSONArrayBox {
    var items: [JSONNode] = []
}

private final class JSONObjectBox {
    var members: [(key: String, value: JSONNode)]

    init() {
        // The dialect types have up to a dozen fields; this avoids most regrowth.
        members = []
        members.reserveCapacity(12)
    }
}

/// A coding path as a linked list: making one costs one small allocation instead of copying an array.
private final class CodingPathNode {
    let parent: CodingPathNode?
    let key: any CodingKey

    init(parent: CodingPathNode?, key: any CodingKey) {
        self.parent = parent
        self.key = key
    }

    /// The keys from the root to `node`.
    static func keys(_ node: CodingPathNode?) -> [any CodingKey] {
        var keys: [any CodingKey] = []
        var current = node
        while let node = current {
            keys.append(node.key)
            current = node.parent
        }
        return keys.reversed()
    }
}

/// The `Encoder` behind ``CompactJSONEncoder``: one per encoded value.
private final class JSONTreeEncoder: Encoder {
    /// Where the value sits, built only for values that need an encoder of their own.
    let path: CodingPathNode?
    let userInfo: [CodingUserInfoKey: Any] = [:]
    /// What the value encoded; `nil` until it asks for a container.
    var node: JSONNode?

    var codingPath: [any CodingKey] { CodingPathNode.keys(path) }

    init(path: CodingPathNode?) {
        self.path = path
    }

    /// The node of `value`, with fast paths for the common leaf types.
    static func node<T: Encodable>(for value: T, path: @autoclosure () -> CodingPathNode?) throws -> JSONNode {
        // Comparing type metadata is cheap; a failed dynamic cast (`as?`) per candidate type is not.
        if T.self == String.self { return .string(unsafeBitCast(value, to: String.self)) }
        if T.self == Bool.self { return .literal(unsafeBitCast(value, to: Bool.self) ? "true" : "false") }
        if T.self == Int.self { return .literal(String(unsafeBitCast(value, to: Int.self))) }
        if T.self == Int64.self { return .literal(String(unsafeBitCast(value, to: Int64.self))) }
        if T.self == Double.self {
            return try number(unsafeBitCast(value, to: Double.self), codingPath: CodingPathNode.keys(path()))
        }
        let encoder = JSONTreeEncoder(path: path())
        try value.encode(to: encoder)
        guard let node = encoder.node else {
            throw EncodingError.invalidValue(
                value,
                EncodingError.Context(codingPath: encoder.codingPath, debugDescription: "The value encoded nothing."))
        }
        return node
    }

    /// A number as JSON: integral values below 2^53 without a fraction, others in shortest round-trip form.
    static func number(_ value: Double, codingPath: @autoclosure () -> [any CodingKey]) throws -> JSONNode {
        guard value.isFinite else {
            throw EncodingError.invalidValue(
                value, EncodingError.Context(codingPath: codingPath(), debugDescription: "\(value) is not valid JSON."))
        }
        if value.rounded() == value, abs(value) < 9_007_199_254_740_992 {
            return .literal(String(Int64(value)))
        }
        return .literal(withoutZeroFraction(value.description))
    }

    /// Swift's shortest form without a trailing `.0`, as `JSONEncoder` writes it.
    static func withoutZeroFraction(_ text: String) -> String {
        text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        let box: JSONObjectBox
        if case .object(let existing) = node {
            box = existing
        } else {
            box = JSONObjectBox()
            node = .object(box)
        }
        return KeyedEncodingContainer(KeyedContainer<Key>(box: box, path: path))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        let box: JSONArrayBox
        if case .array(let existing) = node {
            box = existing
        } else {
            box = JSONArrayBox()
            node = .array(box)
        }
        return UnkeyedContainer(box: box, path: path)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleValueContainer(encoder: self)
    }

    private struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let box: JSONObjectBox
        let path: CodingPathNode?
        var codingPath: [any CodingKey] { CodingPathNode.keys(path) }

        mutating func encodeNil(forKey key: Key) throws {
            box.members.append((key.stringValue, .null))
        }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            box.members.append(
                (key.stringValue, try JSONTreeEncoder.node(for: value, path: CodingPathNode(parent: path, key: key))))
        }

        // The types synthesized `Codable` encodes most, without the generic path's casts and coding path.
        mutating func encode(_ value: String, forKey key: Key) throws {
            box.members.append((key.stringValue, .string(value)))
        }

        mutating func encode(_ value: Bool, forKey key: Key) throws {
            box.members.append((key.stringValue, .literal(value ? "true" : "false")))
        }

        mutating func encode(_ value: Int, forKey key: Key) throws {
            box.members.append((key.stringValue, .literal(String(value))))
        }

        mutating func encode(_ value: Int64, forKey key: Key) throws {
            box.members.append((key.stringValue, .literal(String(value))))
        }

        mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws {
            guard let value else { return }
            box.members.append((key.stringValue, .string(value)))
        }

        mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws {
            guard let value else { return }
            box.members.append((key.stringValue, .literal(String(value))))
        }

        mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws {
            guard let value else { return }
            box.members.append((key.stringValue, .literal(String(value))))
        }

        mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws {
            guard let value else { return }
            box.members.append((key.stringValue, .literal(value ? "true" : "false")))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type, forKey key: Key
        ) -> KeyedEncodingContainer<NestedKey> {
            let nested = JSONObjectBox()
            box.members.append((key.stringValue, .object(nested)))
            return KeyedEncodingContainer(
                KeyedContainer<NestedKey>(box: nested, path: CodingPathNode(parent: path, key: key)))
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let nested = JSONArrayBox()
            box.members.append((key.stringValue, .array(nested)))
            return UnkeyedContainer(box: nested, path: CodingPathNode(parent: path, key: key))
        }

        mutating func superEncoder() -> any Encoder {
            superEncoder(named: "super")
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            superEncoder(named: key.stringValue)
        }

        private func superEncoder(named name: String) -> any Encoder {
            let encoder = JSONTreeEncoder(path: path)
            box.members.append((name, .slot(encoder)))
            return encoder
        }
    }

    private struct UnkeyedContainer: UnkeyedEncodingContainer {
        let box: JSONArrayBox
        let path: CodingPathNode?
        var codingPath: [any CodingKey] { CodingPathNode.keys(path) }
        var count: Int { box.items.count }

        /// The path of the next element.
        private var elementPath: CodingPathNode { CodingPathNode(parent: path, key: IndexKey(count)) }

        mutating func encodeNil() throws {
            box.items.append(.null)
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            box.items.append(try JSONTreeEncoder.node(for: value, path: elementPath))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(
            keyedBy keyType: NestedKey.Type
        ) -> KeyedEncodingContainer<NestedKey> {
            let nested = JSONObjectBox()
            let nestedPath = elementPath
            box.items.append(.object(nested))
            return KeyedEncodingContainer(KeyedContainer<NestedKey>(box: nested, path: nestedPath))
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let nested = JSONArrayBox()
            let nestedPath = elementPath
            box.items.append(.array(nested))
            return UnkeyedContainer(box: nested, path: nestedPath)
        }

        mutating func superEncoder() -> any Encoder {
            let encoder = JSONTreeEncoder(path: elementPath)
            box.items.append(.slot(encoder))
            return encoder
        }
    }

    private struct SingleValueContainer: SingleValueEncodingContainer {
        let encoder: JSONTreeEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() throws {
            encoder.node = .null
        }

        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.node = try JSONTreeEncoder.node(for: value, path: encoder.path)
        }

        mutating func encode(_ value: Bool) throws { encoder.node = .literal(value ? "true" : "false") }
        mutating func encode(_ value: String) throws { encoder.node = .string(value) }
        mutating func encode(_ value: Double) throws {
            encoder.node = try JSONTreeEncoder.number(value, codingPath: codingPath)
        }
        mutating func encode(_ value: Float) throws {
            guard value.isFinite else {
                throw EncodingError.invalidValue(
                    value,
                    EncodingError.Context(codingPath: codingPath, debugDescription: "\(value) is not valid JSON."))
            }
            encoder.node = .literal(JSONTreeEncoder.withoutZeroFraction(value.description))
        }
        mutating func encode(_ value: Int) throws { encoder.node = .literal(String(value)) }
        mutating func encode(_ value: Int8) throws { encoder.node = .literal(String(value)) }
        mutating func encode(_ value: Int16) throws { encoder.node = .literal(String(value)) }
        mutating func encode(_ value: Int32) throws { encoder.node = .literal(String(value)) }
        mutating func encode(_ value: Int64) throws { encoder.node = .literal(String(value)) }
        mutating func encode(_ value: UInt) throws { encoder.node = .literal(String(value)) }
        mutating func encode(_ value: UInt8) throws { encoder.node = .literal(String(value)) }
        mutating func encode(_ value: UInt16) throws { encoder.node = .literal(String(value)) }
        mutating func encode(_ value: UInt32) throws { encoder.node = .literal(String(value)) }
        mutating func encode(_ value: UInt64) throws { encoder.node = .literal(String(value)) }
    }

    /// The coding key of an array element.
    private struct IndexKey: CodingKey {
        let intValue: Int?
        var stringValue: String { "Index \(intValue ?? 0)" }

        init(_ index: Int) { intValue = index }
        init?(stringValue: String) { nil }
        init?(intValue: Int) { self.intValue = intValue }
    }
}
