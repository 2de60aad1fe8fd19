public import Foundation

/// Recognises a tool output format from the first few kilobytes of a file (`--format auto`).
///
/// | content | format |
/// |---|---|
/// | JSON object with a `sarif` `$schema`, or `"runs"` and version `2.1.0` | ``InsightFormat/sarif`` |
/// | JSON array, or objects with `check_name` or `fingerprint` + `location` | ``InsightFormat/codeclimate`` |
/// | XML root `<checkstyle>` | ``InsightFormat/checkstyle`` |
/// | XML root `<results>` and a `<cppcheck` element in the inspected bytes | ``InsightFormat/cppcheck`` |
/// | XML root `<testsuites>` or `<testsuite>` | ``InsightFormat/junit`` |
/// | XML root `<coverage>` | ``InsightFormat/cobertura`` |
/// | a line starting with `TN:` or `SF:` | ``InsightFormat/lcov`` |
public enum FormatDetector {
    /// How many bytes are inspected.
    static let sniffLength = 16 * 1024

    /// Detects the format of the file at `url`.
    ///
    /// - Parameter url: a local file.
    /// - Returns: the detected format.
    /// - Throws: ``ConversionError`` when the file cannot be read or matches no known format.
    public static func detect(contentsOf url: URL) throws -> InsightFormat {
        let head: Data
        do {
            let handle = try FileHandle(forReadingFrom: url)
            defer { try? handle.close() }
            head = try handle.read(upToCount: sniffLength) ?? Data()
        } catch {
            throw ConversionError("Cannot read \(url.path): \(error.localizedDescription)")
        }
        guard let format = detect(prefix: head) else {
            throw ConversionError(
                "Cannot tell the format of \(url.lastPathComponent); pass --format "
                    + InsightFormat.allCases.map(\.rawValue).joined(separator: "|")
            )
        }
        return format
    }

    /// Detects the format from the start of a file.
    ///
    /// - Parameter prefix: the first bytes of the file (a truncated multi-byte character at the end is fine).
    /// - Returns: the format, or `nil` when nothing matches.
    public static func detect(prefix: Data) -> InsightFormat? {
        let text = String(decoding: prefix, as: UTF8.self)
        let trimmed = text.drop { $0 == "\u{FEFF}" || $0.isWhitespace || $0 == "\0" }
        switch trimmed.first {
        case "{": return detectJSONObject(trimmed)
        case "[": return .codeclimate
        case "<": return XMLRootSniffer.rootElement(of: trimmed).flatMap { format(forXMLRoot: $0, in: trimmed) }
        default: return isLCOV(trimmed) ? .lcov : nil
        }
    }

    private static func detectJSONObject(_ text: Substring) -> InsightFormat? {
        let lowered = text.lowercased()
        let compact = lowered.filter { !$0.isWhitespace }
        if compact.contains("\"$schema\":\"") && lowered.contains("sarif") { return .sarif }
        if compact.contains("\"runs\":[") && compact.contains("\"version\":\"2.1") { return .sarif }
        if lowered.contains("\"check_name\"")
            || (lowered.contains("\"fingerprint\"") && lowered.contains("\"location\""))
        {
            return .codeclimate
        }
        if compact.contains("\"runs\":[") { return .sarif }
        return nil
    }

    /// The format for an XML root element; `text` is the start of the document.
    private static func format(forXMLRoot name: String, in text: Substring) -> InsightFormat? {
        switch name.lowercased() {
        case "checkstyle": .checkstyle
        // `<results>` is a common root; cppcheck's has a `<cppcheck version>` child before its `<errors>`.
        case "results": text.contains("<cppcheck") ? .cppcheck : nil
        case "testsuites", "testsuite": .junit
        case "coverage": .cobertura
        default: nil
        }
    }

    private static func isLCOV(_ text: Substring) -> Bool {
        text.split(whereSeparator: \.isNewline).prefix(50).contains { line in
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            return trimmed.hasPrefix("TN:") || trimmed.hasPrefix("SF:")
        }
    }
}
