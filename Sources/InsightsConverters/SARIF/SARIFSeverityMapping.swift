import InsightsCore

/// How SARIF levels and security scores become annotation severities and types.
///
/// | input | severity |
/// |---|---|
/// | `security-severity` ≥ 9.0 | CRITICAL |
/// | `security-severity` ≥ 7.0 | HIGH |
/// | `security-severity` ≥ 4.0 | MEDIUM |
/// | `security-severity` > 0 | LOW |
/// | otherwise level `error` | HIGH |
/// | level `warning` | MEDIUM |
/// | level `note` or `none` | LOW |
///
/// The score is read from the result's properties, then the rule's. The level is the result's, then the rule's
/// `defaultConfiguration.level`, then `warning` (SARIF §3.27.10). Type: `VULNERABILITY` when a score is present or
/// the rule is tagged `security`, `BUG` for level `error`, otherwise `CODE_SMELL`.
enum SARIFSeverityMapping {
    /// The effective SARIF level of a result.
    ///
    /// - Parameters:
    ///   - result: the result's own level.
    ///   - rule: the rule's default level.
    ///   - kind: the result's `kind`; a kind other than `fail` defaults the level to `none`.
    /// - Returns: the lowercased level.
    static func level(result: String?, rule: String?, kind: String?) -> String {
        if let result { return result.lowercased() }
        if let kind, kind.lowercased() != "fail" { return "none" }
        return (rule ?? "warning").lowercased()
    }

    /// The severity for a score and level, per the table above.
    ///
    /// - Parameters:
    ///   - securitySeverity: the CVSS-like score, if any.
    ///   - level: the effective level.
    /// - Returns: the annotation severity.
    static func severity(securitySeverity: Double?, level: String) -> AnnotationSeverity {
        if let score = securitySeverity, score > 0 {
            switch score {
            case 9.0...: return .critical
            case 7.0..<9.0: return .high
            case 4.0..<7.0: return .medium
            default: return .low
            }
        }
        switch level {
        case "error": return .high
        case "note", "none": return .low
        default: return .medium
        }
    }

    /// The annotation type for a finding.
    ///
    /// - Parameters:
    ///   - securitySeverity: the score, if any.
    ///   - tags: the rule's and result's tags.
    ///   - level: the effective level.
    /// - Returns: `VULNERABILITY`, `BUG` or `CODE_SMELL`.
    static func type(securitySeverity: Double?, tags: [String], level: String) -> AnnotationType {
        if securitySeverity != nil || tags.contains(where: { $0.lowercased() == "security" }) {
            return .vulnerability
        }
        return level == "error" ? .bug : .codeSmell
    }
}
