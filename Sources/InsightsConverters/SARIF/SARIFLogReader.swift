import Foundation

/// Decodes a ``SARIFLog`` in one pass over its bytes, without materialising the document.
///
/// `JSONDecoder` builds an index of every token before decoding, which for a 40 MB log with tens of thousands of
/// results costs several times the file size and most of the conversion time. This reader walks the log with
/// ``JSONScanner``, decodes each run's `results` with ``SARIFResultDecoder`` as it passes them (tools such as ruff
/// write `results` before `tool`), and hands `JSONDecoder` only the small `tool`, `artifacts` and
/// `originalUriBaseIds` values. Everything else in the log is validated as JSON and skipped.
struct SARIFLogReader {
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

    /// Decodes the log and validates the whole document as JSON.
    ///
    /// - Returns: the log, with the same values `JSONDecoder` would give.
    /// - Throws: ``ConversionError`` naming the file when the bytes are not JSON or not shaped like SARIF.
    func read() throws(ConversionError) -> SARIFLog {
        do {
            return try data.withUnsafeBytes { raw in
                var scanner = JSONScanner(raw)
                return try readLog(&scanner)
            }
        } catch let error as ConversionError {
            throw ConversionError("\(url.lastPathComponent) is not valid SARIF: \(error.message)")
        } catch let error as DecodingError {
            throw ConversionError.decoding(error, format: "SARIF", url: url)
        } catch {
            throw ConversionError("\(url.lastPathComponent) is not valid SARIF: \(error)")
        }
    }

    private func readLog(_ scanner: inout JSONScanner) throws -> SARIFLog {
        var version: String??
        var runs: [SARIFLog.Run]?
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "version" where version == nil:
                var reader = JSONValueReader(scanner, path: ".version")
                version = try reader.string()
                scanner = reader.scanner
            case "runs" where runs == nil:
                var decoded: [SARIFLog.Run] = []
                try scanner.beginArray()
                while try scanner.nextElement() {
                    decoded.append(try readRun(&scanner, index: decoded.count))
                }
                runs = decoded
            default:
                _ = try scanner.skipValue()
            }
        }
        try scanner.finish()
        guard let runs else { throw ConversionError("missing 'runs' at the top level") }
        return SARIFLog(version: version ?? nil, runs: runs)
    }

    private func readRun(_ scanner: inout JSONScanner, index: Int) throws -> SARIFLog.Run {
        var tool: SARIFLog.Tool?
        var results: [SARIFLog.Result]??
        var artifacts: [SARIFLog.Artifact]??
        var bases: [String: SARIFLog.ArtifactLocation]??
        let path = ".runs[\(index)]"
        try scanner.beginObject()
        while let key = try scanner.nextKey() {
            switch key {
            case "tool" where tool == nil:
                tool = try decode(SARIFLog.Tool.self, &scanner, path: [Key("runs"), Key(index), Key("tool")])
            case "artifacts" where artifacts == nil:
                artifacts = try decode(
                    [SARIFLog.Artifact]?.self, &scanner, path: [Key("runs"), Key(index), Key("artifacts")])
            case "originalUriBaseIds" where bases == nil:
                bases = try decode(
                    [String: SARIFLog.ArtifactLocation]?.self, &scanner,
                    path: [Key("runs"), Key(index), Key("originalUriBaseIds")])
            case "results" where results == nil:
                var reader = JSONValueReader(scanner, path: path + ".results")
                results = try SARIFResultDecoder.results(&reader)
                scanner = reader.scanner
            default:
                _ = try scanner.skipValue()
            }
        }
        guard let tool else { throw ConversionError("missing 'tool' at \(path)") }
        return SARIFLog.Run(
            tool: tool, results: results ?? nil, artifacts: artifacts ?? nil, originalUriBaseIds: bases ?? nil)
    }

    /// Skips the value at the cursor and decodes it with `JSONDecoder`; errors name `path` before their own path.
    private func decode<Value: Decodable>(
        _ type: Value.Type, _ scanner: inout JSONScanner, path: [Key]
    ) throws -> Value {
        let range = try scanner.skipValue()
        do {
            return try decoder.decode(
                type, from: data[(data.startIndex + range.lowerBound)..<(data.startIndex + range.upperBound)])
        } catch let error as DecodingError {
            throw Self.rebase(error, path: path)
        }
    }

    /// Prefixes a decoding error's coding path with where the decoded value sits in the log.
    private static func rebase(_ error: DecodingError, path: [Key]) -> DecodingError {
        func moved(_ context: DecodingError.Context) -> DecodingError.Context {
            DecodingError.Context(
                codingPath: path + context.codingPath, debugDescription: context.debugDescription,
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
