import HTTPTypes
import Logging
import NIOCore

/// The first handler of every connection, before NIO's HTTP decoder: it watches the raw bytes for the read timeout
/// and for an over-long request line, and once the connection is being refused it discards what still arrives and
/// closes gracefully.
///
/// - A request's head must be complete ``HTTPConnectionLimits/readTimeout`` after its first byte, otherwise the
///   connection is answered 408 and closed.
/// - While a request's body is read, a pause of ``HTTPConnectionLimits/readTimeout`` without a byte closes the
///   connection (a handler is already waiting for the body, so no response can be written).
/// - A request target longer than ``HTTPConnectionLimits/maxURLBytes`` is answered 414.
///
/// Refusals are passed down the pipeline as ``HTTPLayerRejection`` errors and answered by ``HTTPLayerErrorHandler``,
/// which tells this handler where requests begin and end (``headReceived()``, ``messageEnded()``) and when its
/// answer is written (``closeAfterResponse()``).
final class RequestLineGuard: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer

    private enum Phase {
        /// No byte of the next request has arrived.
        case betweenRequests
        /// The head of a request is arriving.
        case readingHead
        /// The head has been decoded, its body is arriving.
        case readingBody
        /// The connection is being refused: input is discarded.
        case rejecting
    }

    private let limits: HTTPConnectionLimits
    private let logger: Logger
    private var phase = Phase.betweenRequests
    private var scanner: RequestLineScanner?
    private var timer: Scheduled<Void>?
    private var headStarted = NIODeadline.now()
    private var lastBodyByte = NIODeadline.now()
    private var context: ChannelHandlerContext?

    /// The path of the request whose head is arriving, once its request line was read; `nil` when it is not known.
    private(set) var currentPath: String?

    /// Whether the connection is between requests or reading a head, where a decoding error is the HTTP layer's to
    /// answer; during a body it belongs to the handler reading it.
    var isBeforeRouting: Bool { phase == .betweenRequests || phase == .readingHead }

    /// Creates the handler of one connection.
    ///
    /// - Parameters:
    ///   - limits: the timeouts and the longest URL.
    ///   - logger: where refusals are logged, at debug.
    init(limits: HTTPConnectionLimits, logger: Logger) {
        self.limits = limits
        self.logger = logger
    }

    func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelTimer()
        self.context = nil
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelTimer()
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch phase {
        case .rejecting:
            return
        case .betweenRequests:
            phase = .readingHead
            currentPath = nil
            scanner = RequestLineScanner(maxTargetBytes: limits.maxURLBytes)
            headStarted = .now()
        case .readingBody:
            lastBodyByte = .now()
        case .readingHead:
            break
        }
        if var scanning = scanner {
            let buffer = unwrapInboundIn(data)
            switch scanning.scan(buffer.readableBytesView) {
            case .needsMoreBytes:
                scanner = scanning
            case .complete(let path):
                scanner = nil
                currentPath = path
            case .notARequestLine:
                scanner = nil
            case .targetTooLong(let path):
                scanner = nil
                currentPath = path
                reject(.uriTooLong(path: path, max: limits.maxURLBytes), context: context)
                return
            }
        }
        context.fireChannelRead(data)
        // Timers are only started for a head or body that did not end with this read, so the usual request, whose
        // head and body arrive together, starts none.
        guard timer == nil else { return }
        switch phase {
        case .readingHead:
            schedule(at: headStarted + limits.readTimeout) { [self] in headTimedOut() }
        case .readingBody:
            schedule(at: lastBodyByte + limits.readTimeout) { [self] in bodyTimerFired() }
        case .betweenRequests, .rejecting:
            break
        }
    }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if phase == .rejecting, let event = event as? ChannelEvent, event == .inputClosed {
            // The client has sent everything and read our answer: nothing left to wait for.
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    /// The decoder has produced a request's head: its body, if any, follows.
    func headReceived() {
        guard phase != .rejecting else { return }
        if phase != .readingHead {
            // The head began in the same read as the end of the previous request (pipelining), so its request line
            // was not scanned here.
            currentPath = nil
        }
        phase = .readingBody
        scanner = nil
        cancelTimer()
        lastBodyByte = .now()
    }

    /// The decoder has produced a request's end: the next byte starts a new request.
    func messageEnded() {
        guard phase != .rejecting else { return }
        phase = .betweenRequests
        scanner = nil
        cancelTimer()
    }

    /// The connection is being refused for an error found after this handler (e.g. by the decoder): from now on,
    /// input is discarded.
    func rejectionStarted() {
        phase = .rejecting
        scanner = nil
        cancelTimer()
    }

    /// The refusal's answer has been written: closes the output, reads and discards input until the client closes
    /// its side or ``HTTPConnectionLimits/lingerTimeout`` passes, then closes the connection.
    func closeAfterResponse() {
        rejectionStarted()
        guard let context else { return }
        let closed = context.eventLoop.makePromise(of: Void.self)
        closed.futureResult.assumeIsolated().whenFailure { _ in context.close(promise: nil) }
        context.close(mode: .output, promise: closed)
        schedule(at: .now() + limits.lingerTimeout) { context.close(promise: nil) }
    }

    private func reject(_ rejection: HTTPLayerRejection, context: ChannelHandlerContext) {
        rejectionStarted()
        logger.debug(
            "Refusing a request before routing",
            metadata: ["http.status": "\(rejection.status.code)", "http.path": "\(rejection.path ?? "-")"])
        context.fireErrorCaught(rejection)
    }

    private func headTimedOut() {
        guard phase == .readingHead, let context else { return }
        reject(
            .headTimeout(path: currentPath, seconds: limits.readTimeout.nanoseconds / 1_000_000_000), context: context)
    }

    private func bodyTimerFired() {
        guard phase == .readingBody, let context else { return }
        let deadline = lastBodyByte + limits.readTimeout
        guard deadline <= .now() else {
            schedule(at: deadline) { [self] in bodyTimerFired() }
            return
        }
        logger.debug("Closing a connection whose request body paused too long")
        rejectionStarted()
        context.close(promise: nil)
    }

    private func schedule(at deadline: NIODeadline, _ task: @escaping () -> Void) {
        cancelTimer()
        guard let context else { return }
        timer = context.eventLoop.assumeIsolated().scheduleTask(deadline: deadline) {
            self.timer = nil
            task()
        }
    }

    private func cancelTimer() {
        timer?.cancel()
        timer = nil
    }
}
