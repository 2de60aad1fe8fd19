import Foundation
import InsightsClient
import InsightsWire

/// Standard output for `convert`: JSON bytes are buffered and written in chunks, so the printed document is
/// never held whole in memory.
///
/// ``write(_:reportEncoder:)`` prints an ``InsightDocument`` byte for byte as `JSONEncoder` would with
/// `.sortedKeys` and `.withoutEscapingSlashes` (plus `.prettyPrinted` when ``isPretty``): keys in byte order,
/// absent values left out, `"` `\` and control characters escaped, everything else written as UTF-8.
struct JSONOutput {
    /// Bytes collected before a write to standard output.
    private static let chunkSize = 1 << 16

    /// Whether to indent like `JSONEncoder`'s `.prettyPrinted` (two spaces, `" : "` after keys).
    let isPretty: Bool
    private var buffer: [UInt8] = []

    /// Creates an empty output.
    ///
    /// - Parameter isPretty: whether ``write(_:reportEncoder:)`` indents.
    init(isPretty: Bool) {
        self.isPretty = isPretty
        buffer.reserveCapacity(Self.chunkSize + 4096)
    }

    /// Prints `document`.
    ///
    /// - Parameters:
    ///   - document: the native document.
    ///   - reportEncoder: encodes the (small) report part; configured as for the whole document.
    /// - Throws: what the encoder or standard output throws.
    mutating func write(_ document: InsightDocument, reportEncoder: JSONEncoder) throws {
        let report = Array(try reportEncoder.encode(document.report))
        buffer.append(UInt8(ascii: "{"))
        newline(depth: 1)
        key("annotations")
        buffer.append(UInt8(ascii: "["))
        for (index, annotation) in document.annotations.enumerated() {
            if index > 0 { buffer.append(UInt8(ascii: ",")) }
            newline(depth: 2)
            write(annotation)
            if buffer.count >= Self.chunkSize { try flush() }
        }
        // JSONEncoder writes an empty array as "[", an empty line and the indented "]".
        if isPretty, document.annotations.isEmpty { buffer.append(UInt8(ascii: "\n")) }
        newline(depth: 1)
        buffer.append(contentsOf: "],".utf8)
        newline(depth: 1)
        key("report")
        for (index, byte) in report.enumerated() {
            buffer.append(byte)
            // Nest the report one level deeper; blank lines (inside empty containers) stay blank.
            if isPretty, byte == UInt8(ascii: "\n"), index + 1 < report.count,
                report[index + 1] != UInt8(ascii: "\n")
            {
                buffer.append(contentsOf: "  ".utf8)
            }
        }
        buffer.append(UInt8(ascii: ","))
        newline(depth: 1)
        key("version")
        buffer.append(contentsOf: String(document.version).utf8)
        newline(depth: 0)
        buffer.append(UInt8(ascii: "}"))
    }

    /// Appends bytes as they are.
    ///
    /// - Parameter data: encoded JSON or text.
    /// - Throws: when writing to standard output fails.
    mutating func append(_ data: some Sequence<UInt8>) throws {
        buffer.append(contentsOf: data)
        if buffer.count >= Self.chunkSize { try flush() }
    }

    /// Appends a string's UTF-8 bytes as they are.
    ///
    /// - Parameter text: e.g. the final newline.
    /// - Throws: when writing to standard output fails.
    mutating func append(_ text: String) throws {
        try append(text.utf8)
    }

    /// Writes what is buffered to standard output.
    ///
    /// - Throws: when the write fails.
    mutating func flush() throws {
        try FileHandle.standardOutput.write(contentsOf: buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    /// One annotation object, its members in byte order of their keys.
    private mutating func write(_ annotation: InsightDocument.Annotation) {
        var isFirst = true
        buffer.append(UInt8(ascii: "{"))
        member("details", annotation.details, isFirst: &isFirst)
        member("externalId", annotation.externalId, isFirst: &isFirst)
        if let line = annotation.line {
            separate(&isFirst)
            key("line")
            buffer.append(contentsOf: String(line).utf8)
        }
        member("link", annotation.link, isFirst: &isFirst)
        member("message", annotation.message, isFirst: &isFirst)
        member("path", annotation.path, isFirst: &isFirst)
        member("result", annotation.result, isFirst: &isFirst)
        member("severity", annotation.severity, isFirst: &isFirst)
        member("title", annotation.title, isFirst: &isFirst)
        member("type", annotation.type, isFirst: &isFirst)
        newline(depth: 2)
        buffer.append(UInt8(ascii: "}"))
    }

    /// A string member of an annotation, unless `value` is `nil`.
    private mutating func member(_ name: StaticString, _ value: String?, isFirst: inout Bool) {
        guard let value else { return }
        separate(&isFirst)
        key(name)
        string(value)
    }

    /// The comma before an annotation's member (unless it is the first) and its indentation.
    private mutating func separate(_ isFirst: inout Bool) {
        if !isFirst { buffer.append(UInt8(ascii: ",")) }
        isFirst = false
        newline(depth: 3)
    }

    /// `"name":`, or `"name" : ` when pretty.
    private mutating func key(_ name: StaticString) {
        buffer.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { buffer.append(contentsOf: $0) }
        buffer.append(contentsOf: (isPretty ? "\" : " : "\":").utf8)
    }

    /// A line break and `depth` levels of indentation when pretty; nothing when compact.
    private mutating func newline(depth: Int) {
        guard isPretty else { return }
        buffer.append(UInt8(ascii: "\n"))
        buffer.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// A JSON string, escaped as `JSONEncoder` escapes it.
    private mutating func string(_ value: String) {
        JSONStringWriter.append(value, to: &buffer)
    }
}
