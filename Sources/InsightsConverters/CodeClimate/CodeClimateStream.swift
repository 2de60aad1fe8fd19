import Foundation

/// Splits Code Climate input into issues: a JSON array (GitLab Code Quality, `ruff --output-format=gitlab`) or a
/// stream of objects separated by NUL bytes (the Code Climate engine spec) or newlines (JSON Lines).
enum CodeClimateStream {
    /// Decodes all issues in `data`.
    ///
    /// - Parameters:
    ///   - data: the file's bytes.
    ///   - url: the file, for error messages.
    /// - Returns: the issues in file order.
    /// - Throws: ``ConversionError`` when a chunk is not a valid issue object.
    static func issues(in data: Data, url: URL) throws(ConversionError) -> [CodeClimateIssue] {
        let decoder = JSONDecoder()
        guard let first = data.firstIndex(where: { !Self.isWhitespace($0) }) else { return [] }
        if data[first] == UInt8(ascii: "[") {
            do {
                return try decoder.decode([CodeClimateIssue].self, from: data)
            } catch {
                throw ConversionError.decoding(error, format: "Code Climate JSON", url: url)
            }
        }
        var issues: [CodeClimateIssue] = []
        for chunk in data.split(separator: 0) where chunk.contains(where: { !Self.isWhitespace($0) }) {
            if let issue = try? decoder.decode(CodeClimateIssue.self, from: chunk) {
                issues.append(issue)
                continue
            }
            // Not one object: try JSON Lines inside this chunk.
            for line in chunk.split(separator: UInt8(ascii: "\n"))
            where line.contains(where: { !Self.isWhitespace($0) }) {
                do {
                    issues.append(try decoder.decode(CodeClimateIssue.self, from: line))
                } catch {
                    throw ConversionError.decoding(error, format: "Code Climate JSON", url: url)
                }
            }
        }
        return issues
    }

    private static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09
    }
}
