import Foundation
import HTTPTypes
import Hummingbird
import InsightsWire
import NIOCore

/// A request the proxy answers itself instead of forwarding, with Bitbucket Cloud's error body
/// `{"type":"error","error":{"message":…}}` and the same message in a `Proxy-Status` header (RFC 9209).
///
/// The header matters for `CONNECT`: SwiftNIO's response encoder never writes a body in answer to `CONNECT`, so there
/// the header is the only place for the explanation.
struct ProxyRefusal: HTTPResponseError {
    /// The status of the answer.
    let status: HTTPResponse.Status
    /// The explanation, in the body, the `Proxy-Status` header and the log.
    let message: String
    /// The RFC 9209 error type of the `Proxy-Status` header.
    var proxyStatusError = "http_request_error"
    /// Whether the connection closes after the answer (a refused tunnel leaves nothing more to read).
    var closesConnection = false

    /// The `Proxy-Status` field name.
    private static let proxyStatusField = HTTPField.Name("Proxy-Status") ?? .via

    /// A request for a host that is not in the allowed list.
    ///
    /// - Parameters:
    ///   - host: the requested host name.
    ///   - allowed: the hosts the proxy serves.
    /// - Returns: a 403.
    static func hostNotAllowed(_ host: String, allowed: [String]) -> ProxyRefusal {
        ProxyRefusal(
            status: .forbidden,
            message: "This proxy does not forward requests for '\(host)'; it serves "
                + allowed.joined(separator: ", ") + ".",
            proxyStatusError: "http_request_denied")
    }

    /// A `CONNECT` request: a tunnel would hide the request, so no `Authorization` could be added.
    static let tunnelRefused = ProxyRefusal(
        status: .methodNotAllowed,
        message: "CONNECT (https tunnelling) is not supported: send plain http through the proxy, e.g. "
            + "curl --proxy http://localhost:29418 http://api.bitbucket.org/2.0/…, so it can add the Authorization "
            + "header.",
        proxyStatusError: "http_request_denied", closesConnection: true)

    /// A request in origin form (`GET /2.0/… HTTP/1.1`): sent to the proxy instead of through it.
    static let notAbsoluteForm = ProxyRefusal(
        status: .badRequest,
        message: "This is a forward proxy: send requests through it with an absolute URL "
            + "(curl --proxy http://localhost:29418 http://api.bitbucket.org/2.0/…), not to it.")

    /// A body larger than the limit.
    ///
    /// - Parameter limit: the largest body forwarded, in bytes.
    /// - Returns: a 413.
    static func bodyTooLarge(limit: Int) -> ProxyRefusal {
        ProxyRefusal(status: .contentTooLarge, message: "The request body is larger than \(limit) bytes.")
    }

    /// The upstream server could not be reached or broke off the exchange.
    static let upstreamUnreachable = ProxyRefusal(
        status: .badGateway, message: "The upstream server cannot be reached.",
        proxyStatusError: "destination_unavailable")

    /// The upstream server did not answer in time.
    static let upstreamTimedOut = ProxyRefusal(
        status: .gatewayTimeout, message: "The upstream server did not answer in time.",
        proxyStatusError: "http_response_timeout")

    /// Renders the refusal as Cloud's error JSON.
    ///
    /// - Parameters:
    ///   - request: the refused request.
    ///   - context: its context.
    /// - Returns: the response.
    func response(from request: Request, context: some RequestContext) throws -> Response {
        let body = try JSONEncoder().encode(CloudErrorBody(message: message))
        var headers: HTTPFields = [
            .contentType: "application/json;charset=UTF-8", Self.proxyStatusField: proxyStatus,
        ]
        if closesConnection { headers[.connection] = "close" }
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: body)))
    }

    /// `insights-proxy; error=…; details="…"`, the message reduced to printable ASCII and escaped as a structured
    /// field string.
    private var proxyStatus: String {
        let printable = message.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 && $0.value < 0x7F ? $0 : "?" }
        var details = ""
        for scalar in printable {
            if scalar == "\"" || scalar == "\\" { details.append("\\") }
            details.unicodeScalars.append(scalar)
        }
        return "insights-proxy; error=\(proxyStatusError); details=\"\(details)\""
    }
}
