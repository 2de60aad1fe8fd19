public import Foundation
public import InsightsCore

/// Decodes request bodies of either dialect, turning JSON and shape errors into ``InsightsError`` values that name
/// the offending field.
public enum WireDecoder {
    /// Decodes `type` from `data`.
    ///
    /// - Parameters:
    ///   - type: the dialect's request type.
    ///   - data: the raw body.
    /// - Returns: the decoded value.
    /// - Throws: ``InsightsError`` (`invalid`) with the field path of a type mismatch, or without a field for JSON
    ///   that does not parse.
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws(InsightsError) -> T {
        guard !data.isEmpty else {
            throw .invalidValue(.root, "The request body is empty; a JSON document is required.")
        }
        do {
            return try JSONDecoder().decode(type, from: data)
        } catch let error as DecodingError {
            throw insightsError(from: error)
        } catch {
            throw .invalidValue(.root, "The request body is not valid JSON.")
        }
    }

    private static func insightsError(from error: DecodingError) -> InsightsError {
        switch error {
        case .typeMismatch(let expected, let context):
            let field = path(context.codingPath)
            return .invalidValue(field, "'\(field)' must be \(describe(expected)).")
        case .valueNotFound(let expected, let context):
            let field = path(context.codingPath)
            return .invalidValue(field, "'\(field)' must be \(describe(expected)), not null.")
        case .keyNotFound(let key, let context):
            return .missingField(path(context.codingPath + [key]))
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty {
                return .invalidValue(.root, "The request body is not valid JSON.")
            }
            let field = path(context.codingPath)
            return .invalidValue(field, "'\(field)' has an invalid value.")
        @unknown default:
            return .invalidValue(.root, "The request body could not be read.")
        }
    }

    private static func path(_ codingPath: [any CodingKey]) -> FieldPath {
        FieldPath(
            components: codingPath.map { key in
                if let index = key.intValue { return .index(index) }
                return .key(key.stringValue)
            })
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is String.Type: "a string"
        case is Bool.Type: "a boolean"
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is [Any].Type: "an array"
        default: "an object"
        }
    }
}
