import Foundation

/// The subset of a SARIF 2.1.0 log that ``SARIFConverter`` reads.
///
/// Only the fields the mapping needs are declared; everything else (code flows, graphs, fixes, rule descriptions,
/// …) is skipped, so memory stays close to the file size plus the results. ``SARIFLogReader`` builds these values
/// from the bytes; the `Decodable` conformances define what it must produce (what `JSONDecoder` would), and the
/// reader still uses them for each run's `tool`, `artifacts` and `originalUriBaseIds`.
struct SARIFLog: Decodable, Equatable {
    /// The log's `version`; only 2.1.x is accepted.
    var version: String?
    /// The tool runs in the log.
    var runs: [Run]

    /// One invocation of one tool.
    struct Run: Decodable, Equatable {
        var tool: Tool
        var results: [Result]?
        var artifacts: [Artifact]?
        var originalUriBaseIds: [String: ArtifactLocation]?
    }

    /// The tool and its extensions (plug-ins that may define rules).
    struct Tool: Decodable, Equatable {
        var driver: ToolComponent
        var extensions: [ToolComponent]?
    }

    /// A driver or extension: its name, version and rules.
    struct ToolComponent: Decodable, Equatable {
        var name: String
        var version: String?
        var semanticVersion: String?
        var rules: [Rule]?
    }

    /// A rule (`reportingDescriptor`).
    struct Rule: Decodable, Equatable {
        var id: String?
        var helpUri: String?
        var messageStrings: [String: MessageString]?
        var defaultConfiguration: Configuration?
        var properties: Properties?
    }

    /// A `multiformatMessageString`; only the plain text is used.
    struct MessageString: Decodable, Equatable {
        var text: String?
    }

    /// A rule's `defaultConfiguration`.
    struct Configuration: Decodable, Equatable {
        var level: String?
    }

    /// The property bag entries that influence severity and type.
    struct Properties: Decodable, Equatable {
        /// GitHub's `security-severity`: a CVSS score, written as a string (spec) or, by some tools, a number.
        var securitySeverity: Double?
        var tags: [String]?

        enum CodingKeys: String, CodingKey {
            case securitySeverity = "security-severity"
            case tags
        }

        /// The score written as a string: surrounding spaces ignored, `nil` unless it is a number.
        ///
        /// - Parameter text: the property's value.
        /// - Returns: the score.
        static func score(_ text: String) -> Double? {
            Double(text.trimmingCharacters(in: .whitespaces))
        }
    }

    /// One finding.
    struct Result: Decodable, Equatable {
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
    struct RuleReference: Decodable, Equatable {
        var id: String?
        var index: Int?
        var toolComponent: ToolComponentReference?
    }

    /// A `toolComponentReference`; only the index form is resolved.
    struct ToolComponentReference: Decodable, Equatable {
        var index: Int?
        var name: String?
    }

    /// A result message: literal text, or a rule message string id with arguments.
    struct Message: Decodable, Equatable {
        var text: String?
        var id: String?
        var arguments: [String]?
    }

    /// A `location`; only the physical part is used.
    struct Location: Decodable, Equatable {
        var physicalLocation: PhysicalLocation?
    }

    /// A file and a region in it.
    struct PhysicalLocation: Decodable, Equatable {
        var artifactLocation: ArtifactLocation?
        var region: Region?
    }

    /// A URI reference, possibly relative to a named base, or an index into `run.artifacts`.
    struct ArtifactLocation: Decodable, Equatable {
        var uri: String?
        var uriBaseId: String?
        var index: Int?
    }

    /// An entry of `run.artifacts`.
    struct Artifact: Decodable, Equatable {
        var location: ArtifactLocation?
    }

    /// A text region; only the start line is used.
    struct Region: Decodable, Equatable {
        var startLine: Int?
    }

    /// A suppression; a result counts as suppressed unless every suppression is `rejected`.
    struct Suppression: Decodable, Equatable {
        var status: String?
    }
}

extension SARIFLog.Properties {
    /// Decodes leniently: a score or tags of an unexpected type read as absent.
    init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        if let text = try? container.decodeIfPresent(String.self, forKey: .securitySeverity) {
            securitySeverity = Self.score(text)
        } else {
            securitySeverity = try? container.decodeIfPresent(Double.self, forKey: .securitySeverity)
        }
        tags = try? container.decodeIfPresent([String].self, forKey: .tags)
    }
}
