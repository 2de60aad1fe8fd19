import InsightsCore

/// The findings of the target tip, to tell a source-commit annotation that is new in the pull request from one the
/// target branch already has.
///
/// An annotation with an external id exists when the target has one with the same report key and external id. One
/// without an external id exists when the target has one (with or without an id) with the same report key, path
/// (normalised as ``Placement/normalizedPath(_:)`` does), title, type and message. Line, severity and details are
/// ignored, so a finding that only moved is not new.
struct FindingFingerprints {
    /// What identifies an annotation that has an external id.
    private struct IdentifiedKey: Hashable {
        var reportKey: InsightKey
        var externalID: String
    }

    /// What identifies an annotation without an external id.
    private struct ContentKey: Hashable {
        var reportKey: InsightKey
        var path: String?
        var title: String?
        var type: AnnotationType?
        var message: String
    }

    private var identified: Set<IdentifiedKey> = []
    private var described: Set<ContentKey> = []

    /// Collects the target tip's findings.
    ///
    /// - Parameter targetAnnotations: the target tip's annotations.
    init(_ targetAnnotations: [Annotation]) {
        for annotation in targetAnnotations {
            if let externalID = annotation.content.externalID {
                identified.insert(IdentifiedKey(reportKey: annotation.reportKey, externalID: externalID))
            }
            described.insert(Self.contentKey(annotation))
        }
    }

    /// Whether an annotation is new: the target tip has no matching finding.
    ///
    /// - Parameter annotation: a source-commit annotation.
    /// - Returns: `true` when new.
    func isNew(_ annotation: Annotation) -> Bool {
        if let externalID = annotation.content.externalID {
            return !identified.contains(IdentifiedKey(reportKey: annotation.reportKey, externalID: externalID))
        }
        return !described.contains(Self.contentKey(annotation))
    }

    private static func contentKey(_ annotation: Annotation) -> ContentKey {
        ContentKey(
            reportKey: annotation.reportKey, path: Placement.normalizedPath(annotation.content.path),
            title: annotation.content.title, type: annotation.content.type, message: annotation.content.message)
    }
}
