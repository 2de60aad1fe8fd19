import Foundation
import Hummingbird
import InsightsCore
import NIOCore

extension Request {
    /// Reads the whole body, refusing more than `maxBytes`.
    ///
    /// - Throws: ``InsightsError/payloadTooLarge(max:)`` past the limit.
    mutating func collectData(upTo maxBytes: Int) async throws -> Data {
        do {
            let buffer = try await collectBody(upTo: maxBytes)
            return Data(buffer.readableBytesView)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw InsightsError.payloadTooLarge(max: maxBytes)
        } catch is NIOTooManyBytesError {
            throw InsightsError.payloadTooLarge(max: maxBytes)
        }
    }
}
