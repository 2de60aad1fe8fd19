public import Foundation

/// A stored annotation: its content plus the identity the server assigns.
public struct Annotation: Hashable, Sendable {
    /// Generated on creation (Cloud's `uuid`); kept when the annotation is replaced by external id.
    public var uuid: UUID
    /// The key of the report the annotation belongs to.
    public var reportKey: InsightKey
    /// What the client wrote.
    public var content: AnnotationContent
    /// When the annotation was first created.
    public var createdAt: Date
    /// When the annotation was last written.
    public var updatedAt: Date

    /// Creates a stored annotation value.
    public init(uuid: UUID, reportKey: InsightKey, content: AnnotationContent, createdAt: Date, updatedAt: Date) {
        self.uuid = uuid
        self.reportKey = reportKey
        self.content = content
        self.createdAt = createdAt
        self.updatedAt = updatedAt
    }
}
