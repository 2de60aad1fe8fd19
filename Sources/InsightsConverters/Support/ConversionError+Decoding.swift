import Foundation

extension ConversionError {
    /// Describes a JSON decoding failure with the coding path where it happened.
    ///
    /// - Parameters:
    ///   - error: what the decoder threw.
    ///   - format: the format name, e.g. `SARIF`.
    ///   - url: the input file.
    /// - Returns: an error naming the file and the offending JSON path.
    static func decoding(_ error: any Error, format: String, url: URL) -> ConversionError {
        let detail: String
        switch error {
        case DecodingError.dataCorrupted(let context):
            detail = Self.describe(context, fallback: "the file is not valid JSON")
        case DecodingError.keyNotFound(let key, let context):
            detail = "missing '\(key.stringValue)' at \(Self.path(context.codingPath))"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            detail = Self.describe(context, fallback: "unexpected value")
        default:
            detail = String(describing: error)
        }
        return ConversionError("\(url.lastPathComponent) is not valid \(format): \(detail)")
    }

    private static func describe(_ context: DecodingError.Context, fallback: String) -> String {
        let path = Self.path(context.codingPath)
        let text = context.debugDescription.isEmpty ? fallback : context.debugDescription
        return context.codingPath.isEmpty ? text : "\(text) at \(path)"
    }

    private static func path(_ codingPath: [any CodingKey]) -> String {
        guard !codingPath.isEmpty else { return "the top level" }
        return codingPath.map { key in
            key.intValue.map { "[\($0)]" } ?? ".\(key.stringValue)"
        }.joined()
    }
}
