import Foundation
import Hummingbird
import InsightsCore
import NIOCore

/// The fields of an `application/x-www-form-urlencoded` body, as the web UI's forms post them.
struct WebForm: Sendable {
    /// The largest form body read; the forms hold a few short fields.
    static let maxBytes = 16 * 1024

    private let fields: [String: String]

    /// Parses `name=value&…` with `+` for spaces and percent escapes; the first of repeated names wins.
    init(_ text: String) {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decode(parts[0]) else { continue }
            let value = parts.count > 1 ? Self.decode(parts[1]) : ""
            if fields[name] == nil, let value { fields[name] = value }
        }
        self.fields = fields
    }

    /// Reads and parses a request's form body.
    ///
    /// - Throws: `invalid` for a body over ``maxBytes``.
    static func read(_ request: Request) async throws -> WebForm {
        do {
            let buffer = try await request.body.collect(upTo: maxBytes)
            return WebForm(String(buffer: buffer))
        } catch is NIOTooManyBytesError {
            throw InsightsError.invalidValue(FieldPath("form"), "The form is too large.")
        }
    }

    /// The value of a field, `nil` when absent.
    subscript(_ name: String) -> String? { fields[name] }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
