import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A blocking TCP connection to the server on 127.0.0.1, for sending bytes as slowly or as badly as a test needs;
/// every wait is bounded.
final class RawSocket {
    /// What one bounded wait for input saw.
    enum Received: Equatable {
        /// These bytes arrived.
        case bytes([UInt8])
        /// The server closed its side.
        case closed
        /// Nothing arrived in time.
        case nothing
    }

    /// A response as it arrived.
    struct Response {
        /// The status code of the status line.
        let status: Int
        /// The head, status line and fields.
        let head: String
        /// The body: everything after the head.
        let body: Data
        /// The body as text.
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    private let descriptor: Int32

    /// Connects to `port` on 127.0.0.1.
    ///
    /// - Parameter port: the server's port.
    /// - Throws: ``InsightsProcessError`` when the connection fails.
    init(port: Int) throws {
        #if canImport(Glibc)
            descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            descriptor = socket(AF_INET, SOCK_STREAM, 0)
        #endif
        guard descriptor >= 0 else { throw InsightsProcessError(message: "socket() failed: \(errno)") }
        #if canImport(Darwin)
            var one: Int32 = 1
            setsockopt(descriptor, SOL_SOCKET, SO_NOSIGPIPE, &one, socklen_t(MemoryLayout<Int32>.size))
        #endif
        // Bounded even when the server stops reading.
        var timeout = timeval(tv_sec: 10, tv_usec: 0)
        setsockopt(descriptor, SOL_SOCKET, SO_SNDTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let result = withUnsafePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
            }
        }
        guard result == 0 else {
            close(descriptor)
            throw InsightsProcessError(message: "connect() to 127.0.0.1:\(port) failed: \(errno)")
        }
    }

    deinit {
        close(descriptor)
    }

    /// Sends `bytes`, all of them unless the connection fails.
    ///
    /// - Parameter bytes: what to send.
    /// - Returns: whether everything was sent; `false` once the server has closed the connection.
    @discardableResult
    func send(_ bytes: [UInt8]) -> Bool {
        #if canImport(Glibc)
            let flags = Int32(MSG_NOSIGNAL)
        #else
            let flags: Int32 = 0
        #endif
        var offset = 0
        while offset < bytes.count {
            let sent = bytes.withUnsafeBytes { buffer in
                systemSend(descriptor, buffer.baseAddress.map { $0 + offset }, bytes.count - offset, flags)
            }
            guard sent > 0 else { return false }
            offset += sent
        }
        return true
    }

    /// Sends `text` as UTF-8.
    ///
    /// - Parameter text: what to send.
    /// - Returns: whether everything was sent.
    @discardableResult
    func send(_ text: String) -> Bool { send(Array(text.utf8)) }

    /// Waits up to `timeout` for input.
    ///
    /// - Parameter timeout: the longest wait.
    /// - Returns: the bytes that arrived, the server's close, or nothing.
    func receive(timeout: Duration) -> Received {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        let milliseconds = Int32(
            timeout.components.seconds * 1000 + timeout.components.attoseconds / 1_000_000_000_000_000)
        guard poll(&poller, 1, milliseconds) > 0 else { return .nothing }
        var buffer = [UInt8](repeating: 0, count: 65536)
        let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
        guard count > 0 else { return .closed }
        return .bytes(Array(buffer[..<count]))
    }

    /// Reads until the server closes the connection or `timeout` passes.
    ///
    /// - Parameter timeout: the longest wait in all.
    /// - Returns: what arrived, and whether the server closed the connection in time.
    func readUntilClosed(timeout: Duration) -> (bytes: [UInt8], isClosed: Bool) {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var bytes: [UInt8] = []
        while clock.now < deadline {
            switch receive(timeout: min(deadline - clock.now, .milliseconds(200))) {
            case .bytes(let more): bytes += more
            case .closed: return (bytes, true)
            case .nothing: continue
            }
        }
        return (bytes, false)
    }

    /// Reads one response whose length is given by `Content-Length`, or up to the server's close.
    ///
    /// - Parameter timeout: the longest wait in all.
    /// - Returns: the response, or `nil` when no complete one arrived in time.
    func readResponse(timeout: Duration) -> Response? {
        let clock = ContinuousClock()
        let deadline = clock.now + timeout
        var bytes: [UInt8] = []
        while clock.now < deadline {
            if let response = Self.parse(bytes) { return response }
            switch receive(timeout: min(deadline - clock.now, .milliseconds(200))) {
            case .bytes(let more): bytes += more
            case .closed: return Self.parse(bytes, isComplete: true)
            case .nothing: continue
            }
        }
        return nil
    }

    private static func parse(_ bytes: [UInt8], isComplete: Bool = false) -> Response? {
        let separator = Array("\r\n\r\n".utf8)
        guard let end = (0..<max(0, bytes.count - 3)).first(where: { Array(bytes[$0..<$0 + 4]) == separator })
        else { return nil }
        let head = String(decoding: bytes[..<end], as: UTF8.self)
        let fields = head.split(separator: "\r\n")
        guard let statusLine = fields.first, let status = Int(statusLine.split(separator: " ").dropFirst().first ?? "")
        else { return nil }
        let body = bytes[(end + 4)...]
        let length = fields.dropFirst().first { $0.lowercased().hasPrefix("content-length:") }
            .flatMap { Int($0.split(separator: ":").last?.trimmingCharacters(in: .whitespaces) ?? "") }
        if let length {
            guard body.count >= length else { return nil }
            return Response(status: status, head: head, body: Data(body.prefix(length)))
        }
        return isComplete ? Response(status: status, head: head, body: Data(body)) : nil
    }
}

/// The C library's `send`, which the method of the same name hides.
private func systemSend(_ descriptor: Int32, _ bytes: UnsafeRawPointer?, _ count: Int, _ flags: Int32) -> Int {
    #if canImport(Glibc)
        Glibc.send(descriptor, bytes, count, flags)
    #else
        Darwin.send(descriptor, bytes, count, flags)
    #endif
}
