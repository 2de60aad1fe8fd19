public import Foundation
public import InsightsCore

/// Maps the paths of converted findings onto the repository's tracked files, for reports written on another machine
/// (a container, a CI workspace) whose absolute paths name a root that is not this checkout.
///
/// Applied after conversion, to the merged bundle; pure, fed the tracked-file list by the caller. For each distinct
/// path, in order:
///
/// 1. **Overrides.** The first ``stripPrefixes`` entry the path starts with (at a `/` boundary) is removed; then
///    ``pathPrefix`` is put before every relative path.
/// 2. **The checkout.** An absolute path under ``repositoryRoot`` loses that prefix.
/// 3. **Suffix matching.** An absolute path that ends (at a `/` boundary) with a tracked file's path becomes that
///    path; of several, the longest wins. `/builds/org/repo/src/a.py` becomes `src/a.py` when `src/a.py` is tracked.
///
/// Without a tracked-file list (outside a git repository) only the overrides and the checkout prefix apply, and no
/// path counts as unmatched or outside. Findings whose path is still absolute and names no tracked file are outside
/// the repository (system headers, site-packages); ``apply(to:keepingOutside:)`` leaves them out unless asked not to.
public struct PathMapper: Sendable {
    /// The checkout's working tree, if known.
    public var repositoryRoot: URL?
    /// The repository's tracked files, relative to ``repositoryRoot``; `nil` outside a git repository.
    public var trackedFiles: Set<String>?
    /// Prefixes removed from paths that start with them (`--strip-prefix`); the first that matches is used.
    public var stripPrefixes: [String]
    /// A directory put before every relative path after stripping (`--path-prefix`).
    public var pathPrefix: String?

    /// Tracked files by last path component, for suffix matching.
    private let trackedByName: [Substring: [String]]

    /// Creates a mapper.
    ///
    /// - Parameters:
    ///   - repositoryRoot: the checkout's working tree, if known.
    ///   - trackedFiles: the tracked files (`git ls-files`); `nil` outside a git repository.
    ///   - stripPrefixes: prefixes to remove; a `file://` URI is read as its path.
    ///   - pathPrefix: a directory to put before every relative path.
    public init(
        repositoryRoot: URL?, trackedFiles: Set<String>?, stripPrefixes: [String] = [], pathPrefix: String? = nil
    ) {
        self.repositoryRoot = repositoryRoot
        self.trackedFiles = trackedFiles
        self.stripPrefixes = stripPrefixes.map(Self.normalizedPrefix).filter { !$0.isEmpty }
        self.pathPrefix = pathPrefix.map(Self.normalizedPrefix).flatMap { $0.isEmpty ? nil : $0 }
        var byName: [Substring: [String]] = [:]
        for file in trackedFiles ?? [] {
            byName[Self.lastComponent(of: file), default: []].append(file)
        }
        trackedByName = byName
    }

    /// Where one path went.
    public struct Mapping: Sendable, Equatable {
        /// The path to use.
        public var path: String
        /// Whether it differs from the path the converter produced.
        public var isMapped: Bool
        /// Whether it names no tracked file (always `false` without a tracked-file list).
        public var isUnmatched: Bool
        /// Whether it is absolute, outside the checkout and names no tracked file.
        public var isOutside: Bool
    }

    /// Maps one path as described in the type's overview.
    ///
    /// - Parameter path: a path as a converter produced it (repository-relative, or absolute when outside the root).
    /// - Returns: the path to use and how it was classified. URIs of other schemes (`https:`) are left alone.
    public func map(_ path: String) -> Mapping {
        guard !Self.hasNonFileScheme(path) else {
            return Mapping(path: path, isMapped: false, isUnmatched: false, isOutside: false)
        }
        var mapped = path
        if let prefix = stripPrefixes.first(where: { Self.remainder(of: mapped, below: $0) != nil }),
            let rest = Self.remainder(of: mapped, below: prefix)
        {
            mapped = rest
        }
        if let pathPrefix, !mapped.hasPrefix("/") {
            mapped = mapped.isEmpty ? pathPrefix : pathPrefix + "/" + mapped
        }
        if mapped.hasPrefix("/"), let root = repositoryRoot?.standardizedFileURL.path,
            let rest = Self.remainder(of: mapped, below: root)
        {
            mapped = rest
        }
        if mapped.hasPrefix("/"), let tracked = longestTrackedSuffix(of: mapped) {
            mapped = tracked
        }
        let isUnmatched = trackedFiles.map { !$0.contains(mapped) } ?? false
        return Mapping(
            path: mapped, isMapped: mapped != path, isUnmatched: isUnmatched,
            isOutside: isUnmatched && mapped.hasPrefix("/"))
    }

    /// Maps every annotation's path and, unless `keepingOutside`, leaves out findings outside the repository.
    ///
    /// Left-out findings are subtracted from the `Critical`/`High`/`Medium`/`Low` `NUMBER` data fields the
    /// static-analysis converters write, and counted in a line added to the report details.
    ///
    /// - Parameters:
    ///   - bundle: the converted (and merged) bundle.
    ///   - keepingOutside: keep findings outside the repository (`--keep-outside`).
    /// - Returns: the mapped bundle and what was done.
    public func apply(to bundle: InsightBundle, keepingOutside: Bool) -> (InsightBundle, PathMappingSummary) {
        var cache: [String: Mapping] = [:]
        var summary = PathMappingSummary(isOutsideKept: keepingOutside)
        var result = bundle
        var kept: [AnnotationContent] = []
        kept.reserveCapacity(bundle.annotations.count)
        for var annotation in bundle.annotations {
            guard let path = annotation.path, !path.isEmpty else {
                kept.append(annotation)
                continue
            }
            let mapping: Mapping
            if let known = cache[path] {
                mapping = known
            } else {
                mapping = map(path)
                cache[path] = mapping
                if mapping.isMapped { summary.mappedPaths += 1 }
                if mapping.isUnmatched { summary.unmatchedPaths += 1 }
                if mapping.isOutside { summary.outsidePaths += 1 }
            }
            annotation.path = mapping.path
            if mapping.isOutside {
                summary.outsideFindings += 1
                if !keepingOutside {
                    Self.subtract(annotation.severity, from: &result.report.data)
                    continue
                }
            }
            kept.append(annotation)
        }
        result.annotations = kept
        if summary.outsideFindings > 0, !keepingOutside {
            let line = "\(Self.findings(summary.outsideFindings)) outside the repository left out."
            result.report.details = [result.report.details, line].compactMap { $0 }.filter { !$0.isEmpty }
                .joined(separator: "\n")
        }
        return (result, summary)
    }

    /// `1 finding`, `2 findings`.
    static func findings(_ count: Int) -> String { count == 1 ? "1 finding" : "\(count) findings" }

    /// Lowers the severity's count field by one, when the converter wrote one.
    private static func subtract(_ severity: AnnotationSeverity?, from data: inout [DataField]) {
        guard let severity else { return }
        let title = String(severity.rawValue.prefix(1)) + severity.rawValue.dropFirst().lowercased()
        guard let index = data.firstIndex(where: { $0.title == title && $0.type == .number }),
            case .number(let count) = data[index].value, count >= 1
        else { return }
        data[index].value = .number(count - 1)
    }

    /// The longest tracked path that `path` ends with at a `/` boundary.
    private func longestTrackedSuffix(of path: String) -> String? {
        let candidates = trackedByName[Self.lastComponent(of: path)] ?? []
        return candidates.filter { path.hasSuffix("/" + $0) }.max { $0.count < $1.count }
    }

    /// The part of `path` below `prefix` (which has no trailing `/`), or `nil` when it is not below it.
    private static func remainder(of path: String, below prefix: String) -> String? {
        if prefix == "/" { return path.hasPrefix("/") ? String(path.dropFirst()) : nil }
        if path == prefix { return "" }
        guard path.hasPrefix(prefix + "/") else { return nil }
        return String(path.dropFirst(prefix.count + 1))
    }

    /// A prefix as given on the command line: a `file://` URI read as its path, a trailing `/` and a leading `./`
    /// removed.
    private static func normalizedPrefix(_ value: String) -> String {
        var text = value
        if text.lowercased().hasPrefix("file://") { text = String(text.dropFirst("file://".count)) }
        while text.hasPrefix("./") { text = String(text.dropFirst(2)) }
        while text.count > 1, text.hasSuffix("/") { text = String(text.dropLast()) }
        return text == "." ? "" : text
    }

    private static func lastComponent(of path: String) -> Substring {
        path.split(separator: "/").last ?? Substring(path)
    }

    /// Whether the text starts with a URI scheme other than `file` (`https://…`); one letter is a drive (`C:`).
    private static func hasNonFileScheme(_ text: String) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let scheme = text[..<colon]
        guard scheme.count > 1, let first = scheme.first, first.isASCII, first.isLetter else { return false }
        let isScheme = scheme.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || "+-.".contains($0)) }
        return isScheme && scheme.lowercased() != "file"
    }
}
