/// Why the web UI's templates or assets could not be loaded.
public struct WebRenderingError: Error, Hashable, CustomStringConvertible {
    private enum Code: Hashable {
        case missingResources(String)
        case missingTemplate(String)
        case missingAsset(String)
    }

    private let code: Code

    /// The module's resource directory (`Templates` or `Assets`) is not in its bundle.
    ///
    /// - Parameter directory: the directory's name.
    public static func missingResources(_ directory: String) -> Self { Self(code: .missingResources(directory)) }

    /// A page or partial template is not among the loaded templates.
    ///
    /// - Parameter name: the template's name.
    public static func missingTemplate(_ name: String) -> Self { Self(code: .missingTemplate(name)) }

    /// A static asset could not be read.
    ///
    /// - Parameter name: the asset's file name.
    public static func missingAsset(_ name: String) -> Self { Self(code: .missingAsset(name)) }

    public var description: String {
        switch code {
        case .missingResources(let directory): "The web UI's '\(directory)' resources are missing from the bundle."
        case .missingTemplate(let name): "The web UI's template '\(name)' is missing."
        case .missingAsset(let name): "The web UI's asset '\(name)' is missing."
        }
    }
}
