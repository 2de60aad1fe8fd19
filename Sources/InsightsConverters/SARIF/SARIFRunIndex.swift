import Foundation
import InsightsCore

/// Per-run lookups: rules by index or id, artifacts, and URI base resolution.
struct SARIFRunIndex {
    private let run: SARIFLog.Run
    private let rulesByID: [String: SARIFLog.Rule]
    private let repositoryRoot: URL?

    /// Indexes a run.
    ///
    /// - Parameters:
    ///   - run: the decoded run.
    ///   - repositoryRoot: the root that absolute paths are made relative to.
    init(run: SARIFLog.Run, repositoryRoot: URL?) {
        self.run = run
        self.repositoryRoot = repositoryRoot
        var byID: [String: SARIFLog.Rule] = [:]
        let components = [run.tool.driver] + (run.tool.extensions ?? [])
        for component in components {
            for rule in component.rules ?? [] {
                if let id = rule.id, byID[id] == nil { byID[id] = rule }
            }
        }
        rulesByID = byID
    }

    /// The rule a result refers to: by `rule.index`/`ruleIndex` in the referenced component, else by id.
    ///
    /// - Parameter result: the result.
    /// - Returns: the rule, or `nil` when the run does not describe it.
    func rule(for result: SARIFLog.Result) -> SARIFLog.Rule? {
        let component: SARIFLog.ToolComponent? =
            if let index = result.rule?.toolComponent?.index {
                run.tool.extensions.flatMap { $0.indices.contains(index) ? $0[index] : nil }
            } else {
                run.tool.driver
            }
        if let index = result.rule?.index ?? result.ruleIndex, let rules = component?.rules,
            rules.indices.contains(index)
        {
            return rules[index]
        }
        return Self.ruleID(of: result).flatMap { rulesByID[$0] }
    }

    /// The rule id of a result: `ruleId`, else `rule.id`.
    ///
    /// - Parameter result: the result.
    /// - Returns: the id, if written.
    static func ruleID(of result: SARIFLog.Result) -> String? {
        result.ruleId ?? result.rule?.id
    }

    /// The artifact location of a result's first physical location, with `index` resolved into `run.artifacts`.
    ///
    /// - Parameter result: the result.
    /// - Returns: the location when it has a non-empty URI, else `nil` (a report-level result).
    func artifactLocation(for result: SARIFLog.Result) -> SARIFLog.ArtifactLocation? {
        guard var location = result.locations?.first?.physicalLocation?.artifactLocation else { return nil }
        if location.uri == nil, let index = location.index, let artifacts = run.artifacts,
            artifacts.indices.contains(index), let artifact = artifacts[index].location
        {
            location = artifact
        }
        guard let uri = location.uri, !uri.isEmpty else { return nil }
        return location
    }

    /// The repository-relative path of an artifact location: its URI resolved through `uriBaseId`, percent-decoded
    /// and made relative to the repository root. URIs with a scheme other than `file` are returned as written.
    ///
    /// - Parameter location: a location from ``artifactLocation(for:)``.
    /// - Returns: the path.
    func path(for location: SARIFLog.ArtifactLocation) -> String {
        let resolved = resolve(location.uri ?? "", baseID: location.uriBaseId, depth: 0)
        if resolved.lowercased().hasPrefix("file:") {
            return RepositoryPath.relative(resolved, root: repositoryRoot)
        }
        if Self.hasNonFileScheme(resolved) { return resolved }
        return RepositoryPath.relative(resolved.percentDecoded ?? resolved, root: repositoryRoot)
    }

    /// Prefixes `uri` with its base (recursively), unless it is already absolute or the base is unknown.
    private func resolve(_ uri: String, baseID: String?, depth: Int) -> String {
        guard let baseID, depth < 16, !uri.hasPrefix("/"), !Self.hasScheme(uri),
            let base = run.originalUriBaseIds?[baseID]
        else { return uri }
        var prefix = base.uri ?? ""
        if !prefix.isEmpty, !prefix.hasSuffix("/") { prefix += "/" }
        return resolve(prefix + uri, baseID: base.uriBaseId, depth: depth + 1)
    }

    private static func hasScheme(_ uri: String) -> Bool {
        guard let colon = uri.firstIndex(of: ":"), colon != uri.startIndex else { return false }
        let scheme = uri[..<colon]
        return scheme.count > 1 && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    private static func hasNonFileScheme(_ uri: String) -> Bool {
        hasScheme(uri) && !uri.lowercased().hasPrefix("file:")
    }
}
