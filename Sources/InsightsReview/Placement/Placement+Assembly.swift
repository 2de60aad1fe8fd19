import InsightsCore

extension Placement {
    /// Sorts placed annotations into files, overview, obsolete and hidden lists, and counts them.
    ///
    /// - Parameters:
    ///   - placed: the placed annotations, in input order.
    ///   - reports: the shown reports.
    ///   - index: the indexed diff.
    /// - Returns: the result of ``place(_:)``.
    static func assemble(_ placed: [PlacedAnnotation], reports: [Report], index: DiffIndex) -> PlacedInsights {
        var files = index.files.map { file in
            PlacedFile(diff: file.diff, isConflicted: file.isConflicted, isChangedOnTarget: file.isChangedOnTarget)
        }
        var overview: [PlacedAnnotation] = []
        var obsolete: [PlacedAnnotation] = []
        var notShown: [PlacedAnnotation] = []
        for annotation in placed {
            switch annotation.position {
            case .inline(let path, _, _, _, _):
                if let file = index.file(at: path) { files[file.offset].inline.append(annotation) }
            case .fileLevel(let path, _):
                if let file = index.file(at: path) { files[file.offset].fileLevel.append(annotation) }
            case .overview: overview.append(annotation)
            case .obsolete: obsolete.append(annotation)
            case .notShown: notShown.append(annotation)
            }
        }
        for offset in files.indices { files[offset].inline = sortedByLine(files[offset].inline) }
        return PlacedInsights(
            reports: reports, files: files, overview: overview, obsolete: obsolete, notShown: notShown,
            summary: summarize(placed, reports: reports))
    }

    /// Orders inline annotations by line; annotations on one line keep their input order.
    ///
    /// - Parameter annotations: inline annotations of one file, in input order.
    /// - Returns: the annotations sorted by line, stably.
    static func sortedByLine(_ annotations: [PlacedAnnotation]) -> [PlacedAnnotation] {
        annotations.enumerated()
            .sorted { left, right in
                let leftLine = line(of: left.element), rightLine = line(of: right.element)
                return leftLine != rightLine ? leftLine < rightLine : left.offset < right.offset
            }
            .map(\.element)
    }

    /// Counts each report's annotations, wherever they are placed, per severity: total and new.
    ///
    /// - Parameters:
    ///   - placed: all placed annotations.
    ///   - reports: the shown reports, in the order the summary keeps.
    /// - Returns: one summary per report; counts only for severities that occur, highest first, none last.
    static func summarize(_ placed: [PlacedAnnotation], reports: [Report]) -> [ReportSummary] {
        let order: [AnnotationSeverity?] = AnnotationSeverity.allCases.sorted(by: >).map(Optional.some) + [nil]
        var byReport: [InsightKey: [PlacedAnnotation]] = [:]
        for annotation in placed { byReport[annotation.annotation.reportKey, default: []].append(annotation) }
        return reports.map { report in
            let annotations = byReport[report.key] ?? []
            let counts = order.compactMap { severity -> SeverityCount? in
                let matching = annotations.filter { $0.annotation.content.severity == severity }
                guard !matching.isEmpty else { return nil }
                return SeverityCount(
                    severity: severity, total: matching.count, new: matching.count { $0.isNew })
            }
            return ReportSummary(
                reportKey: report.key, counts: counts, total: annotations.count, new: annotations.count { $0.isNew })
        }
    }

    private static func line(of annotation: PlacedAnnotation) -> Int {
        if case .inline(_, let line, _, _, _) = annotation.position { return line }
        return 0
    }
}
