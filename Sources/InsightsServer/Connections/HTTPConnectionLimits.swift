import NIOCore

/// The limits every connection is held to before its requests reach the router: timeouts, the longest URL and the
/// largest head.
///
/// The timeouts come from ``ServerConfiguration``; the size limits are fixed and documented in `docs/operations.md`.
struct HTTPConnectionLimits: Sendable {
    /// The longest request target (the URL in the request line) accepted, in bytes: 16 KiB. Longer ones get 414.
    static let defaultMaxURLBytes = 16 * 1024
    /// The most bytes of request line and header fields together, and of any one field: 80 KiB, NIO's default.
    /// More get 431.
    static let defaultMaxHeaderBytes = 80 * 1024
    /// The most header fields in one request (Hummingbird's default). More get 431.
    static let defaultMaxHeaderFields = 1000

    /// How long a keep-alive connection may wait for its next request.
    var idleTimeout: TimeAmount
    /// How long a request's head may take from its first byte, and how long its body may pause between bytes.
    var readTimeout: TimeAmount
    /// The longest request target accepted, in bytes.
    var maxURLBytes = defaultMaxURLBytes
    /// The most bytes of request line and header fields together.
    var maxHeaderBytes = defaultMaxHeaderBytes
    /// The most header fields in one request.
    var maxHeaderFields = defaultMaxHeaderFields
    /// How long a rejected connection keeps reading (and discarding) after its error response before it closes, so
    /// that a client still sending its request reads the response instead of a reset.
    var lingerTimeout: TimeAmount = .seconds(2)

    /// The limits of `configuration`'s timeouts and the fixed size limits.
    ///
    /// - Parameter configuration: the validated server settings.
    init(_ configuration: ServerConfiguration) {
        idleTimeout = TimeAmount(configuration.idleTimeout)
        readTimeout = TimeAmount(configuration.readTimeout)
    }
}
