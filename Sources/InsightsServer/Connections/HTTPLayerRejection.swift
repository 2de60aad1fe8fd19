import HTTPTypes
import InsightsWire
import NIOHTTP1

/// A request refused by the HTTP layer before it reaches the router (a URL or head too large, a malformed head, a
/// head that took too long), answered in the error body of the dialect that owns its path and followed by closing
/// the connection.
///
/// Paths under Cloud's base paths get Cloud's body, `{"type":"error","error":{"message":…}}`; every other path, and
/// a request whose path is not known, gets Data Center's, `{"errors":[{"context":null,"message":…,
/// "exceptionName":null}]}`, as ``DialectErrorMiddleware`` does for paths no dialect owns.
struct HTTPLayerRejection: Error, Equatable {
    /// The base paths of ``CloudRoutes``; a unit test pins that they agree.
    static let cloudBasePaths = ["/2.0"]

    /// The status answered.
    let status: HTTPResponse.Status
    /// The explanation in the body.
    let message: String
    /// The request's path, when its request line was read.
    let path: String?

    /// A request target longer than `max` bytes: 414.
    ///
    /// - Parameters:
    ///   - path: the path of the target's first bytes.
    ///   - max: the longest target allowed.
    /// - Returns: the rejection.
    static func uriTooLong(path: String, max: Int) -> HTTPLayerRejection {
        HTTPLayerRejection(
            status: .uriTooLong, message: "The request URL is longer than \(max) bytes.", path: path)
    }

    /// A head that was not complete `seconds` after its first byte: 408.
    ///
    /// - Parameters:
    ///   - path: the request's path, if its request line arrived.
    ///   - seconds: the read timeout.
    /// - Returns: the rejection.
    static func headTimeout(path: String?, seconds: Int64) -> HTTPLayerRejection {
        HTTPLayerRejection(
            status: .requestTimeout,
            message: "The request's headers did not arrive within \(seconds) s.", path: path)
    }

    /// What NIO's decoder found wrong with a head: 431 for too many or too large header fields, 400 otherwise.
    ///
    /// - Parameters:
    ///   - error: the decoder's error.
    ///   - path: the request's path, if its request line was read.
    ///   - limits: the limits the decoder was given.
    init(_ error: HTTPParserError, path: String?, limits: HTTPConnectionLimits) {
        switch error {
        case .headerOverflow:
            self.init(
                status: .requestHeaderFieldsTooLarge,
                message: "The request's headers are larger than \(limits.maxHeaderBytes) bytes "
                    + "or more than \(limits.maxHeaderFields) fields.",
                path: path)
        default:
            self.init(status: .badRequest, message: "The request is not valid HTTP/1.1.", path: path)
        }
    }

    /// Creates a rejection.
    ///
    /// - Parameters:
    ///   - status: the status answered.
    ///   - message: the explanation in the body.
    ///   - path: the request's path, if known.
    init(status: HTTPResponse.Status, message: String, path: String?) {
        self.status = status
        self.message = message
        self.path = path
    }

    /// Whether the request's path lies under one of Cloud's base paths.
    var isCloudPath: Bool {
        guard let path else { return false }
        return isPath(path, under: Self.cloudBasePaths)
    }

    /// The JSON error body in the dialect owning ``path``.
    ///
    /// - Returns: the encoded body.
    /// - Throws: an encoding error (not expected for these plain values).
    func body() throws -> [UInt8] {
        if isCloudPath {
            return try WireEncoder.bytes(CloudErrorBody(message: message))
        }
        return try WireEncoder.bytes(
            DataCenterErrorBody(errors: [.init(context: nil, message: message, exceptionName: nil)]))
    }
}
