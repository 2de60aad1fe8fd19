import Foundation

/// The subset of a SARIF 2.1.0 log that ``SARIFConverter`` reads.
///
/// Only the fields the mapping needs are declared; the decoder skips everything else (code flows, graphs,
/// rule descriptions, …), so memory stays close to the file size plus the results.
struct SARIFLog: Decodable {
    /// The log's `version`; only 2.1.x is accepted.
    var version: String?
    /// The tool runs in the log.
    var runs: [Run]

    /// One invocation of one tool.
    struct Run: Decodable {
        var tool: Tool
        var results: [Result]?
        var artifacts: [Artifact]?
        var originalUriBaseIds: [String: ArtifactLocation]?
    }

    /// The tool and its extensions (plug-ins that may define rules).
    struct Tool: Decodable {
        var driver: ToolComponent
        var extensions: [ToolComponent]?
    }

    /// A driver or extension: its name, version and rules.
    struct ToolComponent: Decodable {
        var name: String
        var version: String?
        var semanticVersion: String?
        var rules: [Rule]?
    }

    /// A rule (`reportingDescriptor`).
    struct Rule: Decodable {
        var id: String?
        var helpUri: String?
        var messageStrings: [String: MessageString]?
        var defaultConfiguration: Configuration?
        var properties: Properties?
    }

    /// A `multiformatMessageString`; only the plain text is used.
    struct MessageString: Decodable {
        var text: String?
    }

    /// A rule's `defaultConfiguration`.
    struct Configuration: Decodable {
        var level: String?
    }

    /// The property bag entries that influence severity and type.
    struct Properties: Decodable {
        /// GitHub's `security-severity`: a CVSS score, written as a string (spec) or, by some tools, a number.
        var securitySeverity: Double?
        var tags: [String]?

        enum CodingKeys: String, CodingKey {
            case securitySeverity = "security-severity"
            case tags
        }

        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            if let text = try? container.decodeIfPresent(String.self, forKey: .securitySeverity) {
                securitySeverity = Double(text.trimmingCharacters(in: .whitespaces))
            } else {
                securitySeverity = try? container.decodeIfPresent(Double.self, forKey: .securitySeverity)
            }
            tags = try? container.decodeIfPresent([String].self, forKey: .tags)
        }
    }

    /// One finding.
    struct Result: Decodable {
        var ruleId: String?
        var ruleIndex: Int?
        var rule: RuleReference?
        var kind: String?
        var level: String?
        var message: Message
        var locations: [Location]?
        var fingerprints: [String: String]?
        var partialFingerprints: [String: String]?
        var suppressions: [Suppression]?
        var baselineState: String?
        var properties: Properties?
    }

    /// A `reportingDescriptorReference`: which rule, and in which tool component.
    struct RuleReference: Decodable {
        var id: String?
        var index: Int?
        var toolComponent: ToolComponentReference?
    }

    /// A `toolComponentReference`; only the index form is resolved.
    struct ToolComponentReference: Decodable {
        var index: Int?
        var name: String?
    }

    /// A result message: literal text, or a rule message string id with arguments.
    struct Message: Decodable {
        var text: String?
        var id: String?
        var arguments: [String]?
    }

    /// A `location`; only the physical part is used.
    struct Location: Decodable {
        var physicalLocation: PhysicalLocation?
    }

    /// A file and a region in it.
    struct PhysicalLocation: Decodable {
        var artifactLocation: ArtifactLocation?
        var region: Region?
    }

    /// A URI reference, possibly relative to a named base, or an index into `run.artifacts`.
    struct ArtifactLocation: Decodable {
        var uri: String?
        var uriBaseId: String?
        var index: Int?
    }

    /// An entry of `run.artifacts`.
    struct Artifact: Decodable {
        var location: ArtifactLocation?
    }

    /// A text region; only the start line is used.
    struct Region: Decodable {
        var startLine: Int?
    }

    /// A suppression; a result counts as suppressed unless every suppression is `rejected`.
    struct Suppression: Decodable {
        var status: String?
    }
}
