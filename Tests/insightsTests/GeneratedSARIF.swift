import Foundation

/// A minimal SARIF 2.1.0 log built in the test, one result per ``Finding``, encoded with `Codable`.
struct GeneratedSARIF: Encodable {
    /// What a generated result says.
    struct Finding {
        var ruleID: String
        /// `error` (HIGH), `warning` (MEDIUM) or `note` (LOW).
        var level: String
        var path: String
        var line: Int
        var message: String
        var fingerprint: String?
    }

    private struct Run: Encodable {
        let tool: Tool
        let results: [Result]
    }

    private struct Tool: Encodable {
        struct Driver: Encodable { let name: String }
        let driver: Driver
    }

    private struct Result: Encodable {
        struct Message: Encodable { let text: String }
        struct Location: Encodable { let physicalLocation: PhysicalLocation }
        struct PhysicalLocation: Encodable {
            let artifactLocation: ArtifactLocation
            let region: Region
        }
        struct ArtifactLocation: Encodable { let uri: String }
        struct Region: Encodable { let startLine: Int }

        let ruleId: String
        let level: String
        let message: Message
        let locations: [Location]
        let partialFingerprints: [String: String]?
    }

    let version = "2.1.0"
    private let runs: [Run]

    init(_ findings: [Finding]) {
        let results = findings.map { finding in
            Result(
                ruleId: finding.ruleID, level: finding.level, message: Result.Message(text: finding.message),
                locations: [
                    Result.Location(
                        physicalLocation: Result.PhysicalLocation(
                            artifactLocation: Result.ArtifactLocation(uri: finding.path),
                            region: Result.Region(startLine: finding.line)))
                ],
                partialFingerprints: finding.fingerprint.map { ["primaryLocationLineHash": $0] })
        }
        runs = [Run(tool: Tool(driver: Tool.Driver(name: "generated")), results: results)]
    }

    /// Writes the log as `name` into `directory`.
    ///
    /// - Returns: the file's path.
    func write(named name: String, in directory: URL) throws -> String {
        let url = directory.appendingPathComponent(name)
        try JSONEncoder().encode(self).write(to: url)
        return url.path
    }
}
