/// A static file of the web UI, served as is: the stylesheet or the script.
public struct WebAsset: Sendable, Hashable {
    /// The file name, the last component of ``WebPaths/asset(_:)``.
    public var name: String
    /// The `Content-Type` to serve it with.
    public var contentType: String
    /// The file's bytes.
    public var body: [UInt8]

    /// Creates an asset.
    ///
    /// - Parameters:
    ///   - name: the file name.
    ///   - contentType: its media type.
    ///   - body: its bytes.
    public init(name: String, contentType: String, body: [UInt8]) {
        self.name = name
        self.contentType = contentType
        self.body = body
    }
}
