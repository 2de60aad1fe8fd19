import HummingbirdCore
import Logging
import NIOCore
import NIOHTTP1

/// Hummingbird's HTTP/1.1 child channel with an ``AbsoluteFormHandler`` right after NIO's request decoder.
///
/// `HTTP1Channel`'s own `additionalChannelHandlers` sit after Hummingbird's codec, where the request target has
/// already lost its absolute form, so the handler is inserted once `HTTP1Channel` has built its pipeline.
struct ProxyHTTP1Channel: ServerChildChannel {
    /// The channel whose pipeline and request handling this one reuses.
    let base: HTTP1Channel

    /// Builds `base`'s pipeline, then inserts the absolute-form handler after its request decoder.
    ///
    /// - Parameters:
    ///   - channel: the accepted connection.
    ///   - logger: the logger used while setting up.
    /// - Returns: `base`'s asynchronous channel.
    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1Channel.Value> {
        base.setup(channel: channel, logger: logger).flatMapThrowing { value in
            let operations = channel.pipeline.syncOperations
            let decoder = try operations.handler(type: ByteToMessageHandler<HTTPRequestDecoder>.self)
            try operations.addHandler(AbsoluteFormHandler(), position: .after(decoder))
            return value
        }
    }

    /// Serves the connection's requests as `base` does.
    ///
    /// - Parameters:
    ///   - value: the asynchronous channel from ``setup(channel:logger:)``.
    ///   - logger: the connection's logger.
    func handle(value: HTTP1Channel.Value, logger: Logger) async {
        await base.handle(value: value, logger: logger)
    }
}
