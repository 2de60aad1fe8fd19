/// Reads the request line at the start of a request's head as its bytes arrive, far enough to learn the path of the
/// request target and whether the target is longer than allowed.
///
/// It is strict on purpose: anything that does not start like `METHOD /…`, `METHOD *` or `METHOD http…` ends the
/// scan with ``Outcome/notARequestLine`` and leaves the bytes to NIO's decoder, so that it never refuses what the
/// decoder would accept.
struct RequestLineScanner {
    /// What the bytes so far tell.
    enum Outcome: Equatable {
        /// The request target has not ended yet.
        case needsMoreBytes
        /// The request target ended within the limit; `path` is its path (see ``path``).
        case complete(path: String)
        /// The request target passed the limit; `path` is the path of its first bytes.
        case targetTooLong(path: String)
        /// The bytes do not start a request line.
        case notARequestLine
    }

    private enum State {
        case leadingLineBreaks
        case method(length: Int)
        case targetStart
        case target
    }

    /// The longest method token accepted as the start of a request line.
    static let maxMethodBytes = 24
    /// How many bytes of the target are kept to tell its path: enough for every base path.
    static let keptTargetBytes = 1024

    /// The longest request target allowed, in bytes.
    let maxTargetBytes: Int
    private var state = State.leadingLineBreaks
    private var targetLength = 0
    private var keptTarget: [UInt8] = []

    /// Creates a scanner for one request line.
    ///
    /// - Parameter maxTargetBytes: the longest request target allowed, in bytes.
    init(maxTargetBytes: Int) {
        self.maxTargetBytes = maxTargetBytes
    }

    /// Reads the next bytes of the connection.
    ///
    /// - Parameter bytes: the bytes that arrived, in order.
    /// - Returns: ``Outcome/needsMoreBytes`` until the request target has ended, passed the limit or turned out not
    ///   to be one; after any other outcome the scanner must not be fed again.
    mutating func scan(_ bytes: some Sequence<UInt8>) -> Outcome {
        for byte in bytes {
            switch state {
            case .leadingLineBreaks:
                // As llhttp, empty lines before a request line are skipped.
                if byte == .carriageReturn || byte == .lineFeed { continue }
                guard byte.isMethodCharacter else { return .notARequestLine }
                state = .method(length: 1)
            case .method(let length):
                if byte == .space {
                    state = .targetStart
                } else if byte.isMethodCharacter, length < Self.maxMethodBytes {
                    state = .method(length: length + 1)
                } else {
                    return .notARequestLine
                }
            case .targetStart:
                guard byte == .slash || byte == .asterisk || byte.isLetter else { return .notARequestLine }
                state = .target
                keep(byte)
            case .target:
                if byte == .space || byte == .carriageReturn || byte == .lineFeed { return .complete(path: path) }
                keep(byte)
                if targetLength > maxTargetBytes { return .targetTooLong(path: path) }
            }
        }
        return .needsMoreBytes
    }

    /// The path of the request target read so far: without query, and without scheme and authority for an
    /// absolute URL (`http://host/2.0/…` is `/2.0/…`).
    var path: String {
        let target = String(decoding: keptTarget, as: UTF8.self)
        var path = Substring(target)
        if let schemeEnd = path.firstRange(of: "://") {
            let afterScheme = path[schemeEnd.upperBound...]
            path = afterScheme.firstIndex(of: "/").map { afterScheme[$0...] } ?? "/"
        }
        if let query = path.firstIndex(where: { $0 == "?" || $0 == "#" }) { path = path[..<query] }
        return String(path)
    }

    private mutating func keep(_ byte: UInt8) {
        targetLength += 1
        if keptTarget.count < Self.keptTargetBytes { keptTarget.append(byte) }
    }
}

extension UInt8 {
    fileprivate static let carriageReturn = UInt8(ascii: "\r")
    fileprivate static let lineFeed = UInt8(ascii: "\n")
    fileprivate static let space = UInt8(ascii: " ")
    fileprivate static let slash = UInt8(ascii: "/")
    fileprivate static let asterisk = UInt8(ascii: "*")

    /// Whether the byte is an ASCII letter.
    fileprivate var isLetter: Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(self)
    }

    /// Whether the byte may appear in a method as servers meet them: upper-case letters, `-` and `_`.
    fileprivate var isMethodCharacter: Bool {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(self) || self == UInt8(ascii: "-") || self == UInt8(ascii: "_")
    }
}
