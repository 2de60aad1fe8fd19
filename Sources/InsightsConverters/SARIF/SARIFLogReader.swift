import Foundation

/// Decodes a ``SARIFLog`` without materialising the whole document.
///
/// `JSONDecoder` builds an index of every token before decoding, which for a 40 MB log with tens of thousands
/// of results costs several times the file size. This reader walks the outer structure with ``JSONScanner``
/// and gives `JSONDecoder` only small pieces. ``read()`` decodes each run's `tool`, `artifacts` and
/// `originalUriBaseIds` and only notes where each batch of about ``batchBytes`` of consecutive `results` elements is
/// (tools such as ruff write `results` before `tool`); ``forEachResultBatch(run:batches:_:)`` then decodes the
/// batches one at a time, so a
/// caller can map results as they come and peak memory stays near the mapped file plus the mapped output.
/// Everything else in the log is validated as JSON and skipped.
struct SARIFLogReader {
    /// A log whose runs carry no results yet, and where each run's `results` array is.
    struct Outline {
        /// The log; every run's `results` is `nil`.
        var log: SARIFLog
        /// Per run, the byte ranges of consecutive `results` elements (commas included), in file order; empty when
        /// the run has no results.
        var resultBatches: [[Range<Int>]]
    }

    /// Roughly how many bytes of consecutive results are decoded together; large enough to amortise the
    /// decoder's per-call cost, small enough that its token index stays a few megabytes.
    static let batchBytes = 1 << 20

    private let data: Data
    private let url: URL
    private let decoder = JSONDecoder()

    /// Creates a reader.
    ///
    /// - Parameters:
    ///   - data: the log's bytes (typically memory-mapped).
    ///   - url: the file, for error messages.
    init(data: Data, url: URL) {
        self.data = data
        self.url = url
    }

    /// Decodes everything but the results, and validates the whole document as JSON.
    ///
    /// - Returns: the outline of the log.
    /// - Throws: ``ConversionError`` naming the file when the bytes are not JSON or not shaped like SARIF.
    func read() throws(ConversionError) -> Outline {
        try wrappingErrors {
            try data.withUnsafeBytes { raw in
                var scanner = JSONScanner(raw)
                return try readLog(&scanner)
            }
        }
    }

    /// Decodes the results of one run batch by batch and hands each batch to `body`, in file order.
    ///
    /// - Parameters:
    ///   - run: the run's index in the outline's log, for error messages.
    ///   - batches: the run's batches, from ``Outline/resultBatches``.
    ///   - body: called with consecutive results.
    /// - Throws: ``ConversionError`` when a result is not shaped like a SARIF result.
    func forEachResultBatch(
        run: Int, batches: [Range<Int>], _ body: ([SARIFLog.Result]) -> Void
    ) throws(ConversionError) {
        let path: [Key] = [Key("runs"), Key(run), Key("results")]
        try wrappingErrors {
            var decoded = 0
            for batch in batches {
                let results = try decodeBatch(batch, path, decoded)
                decoded += results.count
                body(results)
            }
        }
    }

    /// Runs `body`, turning scanner and decoder errors into a ``ConversionError`` that names the file.
    private func wrappingErrors<Value>(_ body: () throws -> Value) throws(ConversionError) -> Value {
        do {
            return try body()
        } catch let error as ConversionError {
            throw ConversionError("\(url.lastPathComponent) is not valid SARIF: \(error.message)")
        } catch let error as DecodingError {
            throw ConversionError.decoding(error, format: "SARIF", url: url)
        } catch {
            throw ConversionError("\(url.lastPathComponent) is not valid SARIF: \(error)")
        }
    }

    private func readLog(_ scanner: inout JSONScanner) throws -> Outline {
        var version: String?
        var runs: [SARIFLog.Run]?
        var ranges: [[Range<Int>]] = []
        try scanner.beginObject()
        while let key = try scanner.nextMember() {
            switch key {
            case "version":
                if scanner.isNullNext() {
                    version = nil
                    _ = try scanner.skipValue()
                } else {
                    version = try scanner.readString()
                }
            case "runs":
                var decoded: [SARIFLog.Run] = []
                ranges = []
                try scanner.beginArray()
                while try scanner.nextElement() {
                    let (run, range) = try readRun(&scanner, index: decoded.count)
                    decoded.append(run)
                    ranges.append(range)
                }
                runs = decoded
            default:
                _ = try scanner.skipValue()
            }
        }
        try scanner.finish()
        guard let runs else { throw ConversionError("missing 'runs' at the top level") }
        return Outline(log: SARIFLog(version: version, runs: runs), resultBatches: ranges)
    }

    private func readRun(_ scanner: inout JSONScanner, index: Int) throws -> (SARIFLog.Run, [Range<Int>]) {
        var tool: SARIFLog.Tool?
        var results: [Range<Int>] = []
        var artifacts: [SARIFLog.Artifact]?
        var bases: [String: SARIFLog.ArtifactLocation]?
        let path: [Key] = [Key("runs"), Key(index)]
        try scanner.beginObject()
        while let key = try scanner.nextMember() {
            switch key {
            case "tool":
                tool = try decode(SARIFLog.Tool.self, at: scanner.skipValue(), path: path + [Key(key)])
            case "artifacts":
                artifacts = try decodeUnlessNull([SARIFLog.Artifact].self, &scanner, path: path + [Key(key)])
            case "originalUriBaseIds":
                bases = try decodeUnlessNull(
                    [String: SARIFLog.ArtifactLocation].self, &scanner, path: path + [Key(key)])
            case "results":
                if scanner.isNullNext() {
                    _ = try scanner.skipValue()
                    results = []
                } else {
                    results = try Self.batches(&scanner)
                }
            default:
                _ = try scanner.skipValue()
            }
        }
        guard let tool else { throw ConversionError("missing 'tool' at .runs[\(index)]") }
        let run = SARIFLog.Run(tool: tool, results: nil, artifacts: artifacts, originalUriBaseIds: bases)
        return (run, results)
    }

    /// Skips an array, returning the byte ranges of runs of consecutive elements of about ``batchBytes`` each.
    private static func batches(_ scanner: inout JSONScanner) throws(ConversionError) -> [Range<Int>] {
        var batches: [Range<Int>] = []
        var batch: Range<Int>?
        try scanner.beginArray()
        while try scanner.nextElement() {
            let element = try scanner.skipValue()
            let extended = (batch?.lowerBound ?? element.lowerBound)..<element.upperBound
            batch = extended
            if extended.count >= batchBytes {
                batches.append(extended)
                batch = nil
            }
        }
        if let batch { batches.append(batch) }
        return batches
    }

    /// Decodes the comma-separated elements in `range` as one array.
    private func decodeBatch(_ range: Range<Int>, _ path: [Key], _ first: Int) throws -> [SARIFLog.Result] {
        var chunk = Data(capacity: range.count + 2)
        chunk.append(UInt8(ascii: "["))
        chunk.append(slice(range))
        chunk.append(UInt8(ascii: "]"))
        do {
            return try decoder.decode([SARIFLog.Result].self, from: chunk)
        } catch let error as DecodingError {
            throw Self.rebase(error, path: path, first: first)
        }
    }

    private func decodeUnlessNull<Value: Decodable>(
        _ type: Value.Type, _ scanner: inout JSONScanner, path: [Key]
    ) throws -> Value? {
        if scanner.isNullNext() {
            _ = try scanner.skipValue()
            return nil
        }
        return try decode(type, at: scanner.skipValue(), path: path)
    }

    private func decode<Value: Decodable>(_ type: Value.Type, at range: Range<Int>, path: [Key]) throws -> Value {
        do {
            return try decoder.decode(type, from: slice(range))
        } catch let error as DecodingError {
            throw Self.rebase(error, path: path, first: nil)
        }
    }

    /// The bytes at scanner offsets `range` (offsets count from the start of `data`, not from its `startIndex`).
    private func slice(_ range: Range<Int>) -> Data {
        data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)]
    }

    /// Prefixes a decoding error's coding path with where the piece sits in the log; for a batch, the leading
    /// array index is shifted by the index of the batch's first element.
    private static func rebase(_ error: DecodingError, path: [Key], first: Int?) -> DecodingError {
        func moved(_ context: DecodingError.Context) -> DecodingError.Context {
            var inner: [any CodingKey] = context.codingPath
            if let first, let head = inner.first?.intValue {
                inner[0] = Key(head + first)
            }
            return DecodingError.Context(
                codingPath: path + inner, debugDescription: context.debugDescription,
                underlyingError: context.underlyingError)
        }
        switch error {
        case .dataCorrupted(let context): return .dataCorrupted(moved(context))
        case .keyNotFound(let key, let context): return .keyNotFound(key, moved(context))
        case .typeMismatch(let type, let context): return .typeMismatch(type, moved(context))
        case .valueNotFound(let type, let context): return .valueNotFound(type, moved(context))
        @unknown default: return error
        }
    }

    /// A coding key for error paths.
    private struct Key: CodingKey {
        var stringValue: String
        var intValue: Int?

        init(_ string: String) {
            stringValue = string
        }

        init(_ int: Int) {
            stringValue = String(int)
            intValue = int
        }

        init?(stringValue: String) { self.init(stringValue) }
        init?(intValue: Int) { self.init(intValue) }
    }
}
