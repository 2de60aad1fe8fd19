/// One request a publish run would make, for `--dry-run`.
public struct PlannedRequest: Sendable, Equatable, CustomStringConvertible {
    /// `PUT`, `GET`, `POST` or `DELETE`.
    public var method: String
    /// The absolute URL.
    public var url: String
    /// Annotations in the body, if it carries any.
    public var annotationCount: Int?
    /// What the request is for.
    public var purpose: String

    /// Creates a planned request.
    public init(method: String, url: String, annotationCount: Int? = nil, purpose: String) {
        self.method = method
        self.url = url
        self.annotationCount = annotationCount
        self.purpose = purpose
    }

    public var description: String {
        var text = "\(method) \(url)"
        if let annotationCount { text += " (\(annotationCount) annotations)" }
        return text + " — \(purpose)"
    }
}
