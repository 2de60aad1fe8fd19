import Foundation
import InsightsWire

/// Reads the human message out of an error body of either dialect.
enum ServerErrorMessage {
    private struct PlainMessage: Decodable {
        var message: String?
    }

    /// The server's message: Data Center's `errors[].message` (joined, with each `context`), Cloud's
    /// `error.message` and `error.detail`, a bare `{"message": …}` (Cloud's bulk-limit answer), or the start of the
    /// body as text.
    ///
    /// - Parameters:
    ///   - body: the response body.
    ///   - status: the HTTP status, used when the body says nothing.
    static func message(from body: Data, status: Int) -> String {
        let decoder = JSONDecoder()
        if let dataCenter = try? decoder.decode(DataCenterErrorBody.self, from: body), !dataCenter.errors.isEmpty {
            return dataCenter.errors.map { entry in
                if let context = entry.context { return "\(context): \(entry.message)" }
                return entry.message
            }.joined(separator: "; ")
        }
        if let cloud = try? decoder.decode(CloudErrorBody.self, from: body) {
            if let detail = cloud.error.detail, !detail.isEmpty { return "\(cloud.error.message) (\(detail))" }
            return cloud.error.message
        }
        if let plain = try? decoder.decode(PlainMessage.self, from: body), let message = plain.message {
            return message
        }
        let text = String(decoding: body.prefix(300), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? HTTPStatusText.reason(status) : text
    }
}
