import Foundation
import InsightsClient
import InsightsConverters
import InsightsCore
import InsightsWire

extension Insights.Publish {
    /// Prints what `--dry-run` detected and would send; never the token.
    func printDryRun(
        ci: CIEnvironment, target: PublishTarget, commit: CommitID, fitted: FittedBundle, publisher: Publisher,
        paths: PathMappingSummary
    ) {
        print("Dry run: nothing is sent.")
        print("CI system:   \(ci.provider.rawValue)")
        if let proxy = ci.pipelinesProxy { print("CI proxy:    \(proxy) (Bitbucket Pipelines authentication proxy)") }
        print("Target:      \(target)")
        print("Commit:      \(commit)")
        if filter != .all { print("Filter:      \(filter.rawValue) against \(base ?? ci.baseRevision ?? "?")") }
        printCounts(fitted, cap: maxAnnotations, paths: paths)
        print("Requests:")
        guard let key = try? InsightKey(key) else { return }
        for request in publisher.plan(fitted, commit: commit, key: key) { print("  \(request)") }
        print("Report body:")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted]
        let body: Data?
        switch target.dialect {
        case .dataCenter: body = try? encoder.encode(DataCenterReportRequest(fitted.report))
        case .cloud: body = try? encoder.encode(CloudReportRequest(fitted.report))
        }
        print(String(decoding: body ?? Data(), as: UTF8.self))
    }

    /// Prints the end-of-run summary.
    func printSummary(fitted: FittedBundle, result: PublishResult, paths: PathMappingSummary) {
        print("Published \"\(fitted.report.title)\" to \(result.reportURL)")
        if let maximum = result.serverMaximum {
            printCounts(fitted.capped(at: maximum), cap: maximum, paths: paths)
            print("Server cap:  the server allows at most \(maximum) annotations per report; sent the most severe")
        } else {
            printCounts(fitted, cap: maxAnnotations, paths: paths)
        }
        let retries = result.retries == 1 ? "1 retry" : "\(result.retries) retries"
        print(
            "Requests:    \(result.requestCount) (\(retries)); \(result.annotationsSent) annotations sent, "
                + "\(result.annotationsDeleted) stale removed")
    }

    /// What to check after a 401: where the token is read from when none was found, and, for this server, that
    /// `serve` and `admin` must share one database.
    ///
    /// - Parameter target: the target the refused request went to.
    /// - Returns: the hint lines, empty when there is nothing to add.
    func unauthorizedHint(for target: PublishTarget) -> [String] {
        var lines: [String] = []
        if target.credentials == .none {
            // A token file that cannot be read or is empty already failed as bad input; only the variable is left.
            lines.append(
                "No token was found: \(tokenEnv) is unset or empty, so the request carried no credentials. "
                    + "The token is read from --token-file, or from the environment variable named by --token-env "
                    + "(default INSIGHTS_TOKEN).")
        }
        if target.kind == .server {
            lines.append(
                "Tokens and users live in the server's database: run `insights admin` with the same --data-dir "
                    + "(or INSIGHTS_DATA_DIR) as `insights serve`; both print the database path they use.")
        }
        return lines
    }

    private func printCounts(_ fitted: FittedBundle, cap: Int, paths: PathMappingSummary) {
        var line = "Findings:    \(fitted.totalFindings) reported"
        if fitted.matchingFindings != fitted.totalFindings { line += ", \(fitted.matchingFindings) in the change" }
        line += ", \(fitted.shownFindings) shown"
        if fitted.matchingFindings > fitted.shownFindings {
            line += " (capped at \(cap), most severe first)"
        }
        print(line)
        let order: [AnnotationSeverity] = [.critical, .high, .medium, .low]
        let counts = order.compactMap { severity in
            fitted.severityCounts[severity].map { "\($0) \(severity.rawValue.lowercased())" }
        }
        if !counts.isEmpty { print("Severities:  \(counts.joined(separator: ", "))") }
        if let line = paths.line { print("Paths:       \(line)") }
        if let result = fitted.report.result { print("Result:      \(result.rawValue)") }
        if fitted.truncatedFields > 0 { print("Shortened:   \(fitted.truncatedFields) texts or ids (marked with …)") }
        if !fitted.droppedDataFields.isEmpty {
            print("Dropped:     data fields \(fitted.droppedDataFields.joined(separator: ", ")) (dialect limit)")
        }
    }
}
