import Foundation
import PostgresNIO

/// A one-dimensional PostgreSQL array whose elements may be `NULL`, bound as one parameter in the binary format.
///
/// PostgresNIO encodes arrays of non-optional elements only; a bulk statement over nullable columns binds each column
/// as one of these and reads the rows back with `unnest(…)`, so a batch of any size takes one parameter per column.
struct NullableArray<Element: NullableArrayElement>: PostgresEncodable {
    /// An array too long for PostgreSQL's 32-bit lengths.
    struct TooLong: Error {}

    /// The elements, `nil` for `NULL`.
    var elements: [Element?]

    static var psqlType: PostgresDataType { Element.arrayType }

    static var psqlFormat: PostgresFormat { .binary }

    /// Creates the array of `elements`.
    init(_ elements: [Element?]) {
        self.elements = elements
    }

    /// Writes the binary array format `array_recv` reads: the number of dimensions, whether any element is `NULL`,
    /// the element type, the length and lower bound (1) of the one dimension, then each element's byte count (-1 for
    /// `NULL`) and bytes.
    func encode<JSONEncoder: PostgresJSONEncoder>(
        into buffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>
    ) throws {
        buffer.writeInteger(elements.isEmpty ? 0 : 1, as: Int32.self)
        buffer.writeInteger(elements.contains { $0 == nil } ? 1 : 0, as: Int32.self)
        buffer.writeInteger(Element.psqlType.rawValue)
        guard !elements.isEmpty else { return }
        buffer.writeInteger(try Self.length(elements.count))
        buffer.writeInteger(1, as: Int32.self)
        for element in elements {
            guard let element else {
                buffer.writeInteger(-1, as: Int32.self)
                continue
            }
            let lengthIndex = buffer.writerIndex
            buffer.writeInteger(0, as: Int32.self)
            try element.encode(into: &buffer, context: context)
            buffer.setInteger(try Self.length(buffer.writerIndex - lengthIndex - 4), at: lengthIndex)
        }
    }

    private static func length(_ count: Int) throws -> Int32 {
        guard let length = Int32(exactly: count) else { throw TooLong() }
        return length
    }
}

/// An element type of a ``NullableArray``: one PostgresNIO encodes in the binary format, with its array type.
protocol NullableArrayElement: PostgresEncodable {
    /// The type of an array of these, e.g. `text[]`.
    static var arrayType: PostgresDataType { get }
}

extension String: NullableArrayElement {
    static var arrayType: PostgresDataType { .textArray }
}

extension Int64: NullableArrayElement {
    static var arrayType: PostgresDataType { .int8Array }
}

extension Data: NullableArrayElement {
    static var arrayType: PostgresDataType { .byteaArray }
}
