public import Foundation
import InsightsCore

/// Turns the paths tools write (absolute, `file://` URIs, `./`-prefixed) into repository-relative paths.
///
/// Every converter passes its paths through ``relative(_:root:)`` so annotations point at the same files
/// whatever the tool's working directory was.
public enum RepositoryPath {
    /// Makes `path` relative to the repository root.
    ///
    /// - `file://` URIs (`file:///abs`, `file:/abs`, `file://localhost/abs`) become percent-decoded paths first.
    /// - Absolute paths under `root` lose the root prefix; `.` and `..` components are resolved lexically,
    ///   and symbolic links are resolved only when the lexical comparison fails (e.g. `/tmp` → `/private/tmp`).
    /// - Absolute paths outside `root` are returned unchanged (normalized), so nothing is silently misplaced.
    /// - Relative paths lose a leading `./` and are otherwise kept as they are.
    ///
    /// - Parameters:
    ///   - path: a path or `file://` URI as written by a tool.
    ///   - root: the repository's working tree; `nil` means the current directory.
    /// - Returns: the repository-relative path, using `/` separators and no leading `./`.
    public static func relative(_ path: String, root: URL?) -> String {
        let filePath = Self.filePath(fromURIOrPath: path)
        guard filePath.hasPrefix("/") else {
            return Self.normalizedRelative(filePath)
        }
        let absolute = Self.normalizedAbsolute(filePath)
        let rootPath = Self.normalizedAbsolute(
            (root?.standardizedFileURL.path) ?? FileManager.default.currentDirectoryPath
        )
        if let relative = Self.strip(prefix: rootPath, from: absolute) {
            return relative
        }
        let resolvedRoot = URL(fileURLWithPath: rootPath).resolvingSymlinksInPath().path
        let resolvedPath = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
        if let relative = Self.strip(prefix: resolvedRoot, from: resolvedPath) {
            return relative
        }
        return absolute
    }

    /// Turns a `file:` URI into a decoded path; anything else is returned as written.
    private static func filePath(fromURIOrPath value: String) -> String {
        guard value.lowercased().hasPrefix("file:") else { return value }
        var rest = value.dropFirst("file:".count)
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            // Drop the authority (usually empty or `localhost`).
            if let slash = rest.firstIndex(of: "/") {
                rest = rest[slash...]
            } else {
                rest = ""
            }
        }
        let encoded = String(rest)
        return encoded.percentDecoded ?? encoded
    }

    /// Resolves `.` and `..` lexically in an absolute path and removes trailing and doubled slashes.
    private static func normalizedAbsolute(_ path: String) -> String {
        var parts: [Substring] = []
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": _ = parts.popLast()
            default: parts.append(component)
            }
        }
        return "/" + parts.joined(separator: "/")
    }

    /// Removes leading `./` segments and doubled slashes from a relative path.
    private static func normalizedRelative(_ path: String) -> String {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        let kept = parts.drop(while: { $0 == "." }).filter { $0 != "." }
        return kept.joined(separator: "/")
    }

    /// The part of `path` below `prefix`, or `nil` when `path` is not inside `prefix`.
    private static func strip(prefix: String, from path: String) -> String? {
        if prefix == "/" { return String(path.dropFirst()) }
        guard path.hasPrefix(prefix + "/") else { return nil }
        return String(path.dropFirst(prefix.count + 1))
    }
}
