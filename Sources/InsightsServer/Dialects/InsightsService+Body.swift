import Foundation
import Hummingbird
import InsightsStore

extension InsightsService {
    /// Reads a request's whole body within the server's body limit.
    ///
    /// - Throws: ``InsightsCore/InsightsError/payloadTooLarge(max:)`` past the limit.
    func body(of request: Request) async throws -> Data {
        var request = request
        return try await request.collectData(upTo: limits.maxBodyBytes)
    }
}
