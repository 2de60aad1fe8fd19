import Foundation
import InsightsCore

extension CoverageAccumulator {
    /// Turns the accumulated hits into a coverage report.
    ///
    /// Data fields: "Line coverage" (PERCENTAGE, 0–100, two decimals), "Branch coverage" (only when the input
    /// has branch data), "Lines covered" (TEXT, `"39 / 49"`). With `options.changedLines`: "Changed-line
    /// coverage" and "Changed lines covered" over the instrumented changed lines, and one MEDIUM
    /// ``AnnotationType/codeSmell`` annotation per range of uncovered changed lines (see
    /// ``uncoveredRanges(_:instrumented:)``). Without changed lines there are no annotations. The report has no
    /// result: coverage has no threshold here.
    ///
    /// - Parameters:
    ///   - title: the report title.
    ///   - options: the changed lines, if any.
    /// - Returns: the report and its annotations, sorted by path and line.
    func makeBundle(title: String, options: ConversionOptions) -> InsightBundle {
        var totalLines = 0
        var coveredLines = 0
        for hits in lineHits.values {
            totalLines += hits.count
            coveredLines += hits.values.filter { $0 > 0 }.count
        }
        var totalBranches = 0
        var coveredBranches = 0
        for perLine in branches.values {
            for counts in perLine.values {
                totalBranches += counts.total
                coveredBranches += counts.covered
            }
        }
        for taken in lcovBranches.values {
            totalBranches += taken.count
            coveredBranches += taken.values.filter { $0 }.count
        }
        if !hasLineData, let declared = declaredTotals {
            (totalLines, coveredLines) = (declared.lines, declared.coveredLines)
            (totalBranches, coveredBranches) = (declared.branches, declared.coveredBranches)
        }
        var data: [DataField] = []
        var details: [String] = []
        if totalLines > 0 {
            let rate = Self.percentage(coveredLines, of: totalLines)
            data.append(DataField(title: "Line coverage", type: .percentage, value: .number(rate)))
            details.append("Lines: \(coveredLines) of \(totalLines) covered (\(Self.format(rate)) %).")
        } else {
            details.append("No instrumented lines.")
        }
        if totalBranches > 0 {
            let rate = Self.percentage(coveredBranches, of: totalBranches)
            data.append(DataField(title: "Branch coverage", type: .percentage, value: .number(rate)))
            details.append("Branches: \(coveredBranches) of \(totalBranches) covered (\(Self.format(rate)) %).")
        }
        if totalLines > 0 {
            data.append(
                DataField(title: "Lines covered", type: .text, value: .string("\(coveredLines) / \(totalLines)")))
        }
        var annotations: [AnnotationContent] = []
        if let changed = options.changedLines {
            let result = changedLineCoverage(changed, mapper: options.pathMapper)
            annotations = result.annotations
            if result.total > 0 {
                let rate = Self.percentage(result.covered, of: result.total)
                data.append(DataField(title: "Changed-line coverage", type: .percentage, value: .number(rate)))
                data.append(
                    DataField(
                        title: "Changed lines covered", type: .text,
                        value: .string("\(result.covered) / \(result.total)")))
                details.append("Changed lines: \(result.covered) of \(result.total) covered (\(Self.format(rate)) %).")
            } else {
                details.append("No changed line is instrumented.")
            }
        }
        let report = ReportContent(
            title: title, details: details.joined(separator: " "), reportType: .coverage, data: data)
        return InsightBundle(report: report, annotations: annotations)
    }

    /// Counts the instrumented changed lines and annotates the uncovered ones.
    private func changedLineCoverage(
        _ changed: [String: Set<Int>], mapper: PathMapper?
    ) -> (covered: Int, total: Int, annotations: [AnnotationContent]) {
        var covered = 0
        var total = 0
        var annotations: [AnnotationContent] = []
        var ids = ExternalIDAllocator(prefix: "uncovered")
        for path in lineHits.keys.sorted() {
            guard let changedInFile = changed[mapper?.map(path).path ?? path], !changedInFile.isEmpty,
                let hits = lineHits[path]
            else { continue }
            var uncovered: [Int] = []
            for (line, count) in hits where changedInFile.contains(line) {
                total += 1
                if count > 0 { covered += 1 } else { uncovered.append(line) }
            }
            for range in Self.uncoveredRanges(uncovered, instrumented: Set(hits.keys)) {
                let message =
                    range.lowerBound == range.upperBound
                    ? "Line \(range.lowerBound) is not covered by tests"
                    : "Lines \(range.lowerBound)–\(range.upperBound) are not covered by tests"
                annotations.append(
                    AnnotationContent(
                        externalID: ids.reserve("uncovered:\(path):\(range.lowerBound)-\(range.upperBound)"),
                        path: path, line: range.lowerBound, message: message, severity: .medium, type: .codeSmell))
            }
        }
        return (covered, total, annotations)
    }

    /// Groups uncovered lines into ranges.
    ///
    /// Two uncovered lines share a range when every line between them is not instrumented (blank lines,
    /// comments, `else:`), so `{3, 4, 5, 9}` gives `3…5` and `9` when 6–8 are code, and `3…9` when they are not.
    ///
    /// - Parameters:
    ///   - lines: the uncovered lines, in any order.
    ///   - instrumented: every line of the file that has coverage data.
    /// - Returns: closed ranges in ascending order.
    static func uncoveredRanges(_ lines: [Int], instrumented: Set<Int>) -> [ClosedRange<Int>] {
        var ranges: [ClosedRange<Int>] = []
        for line in Set(lines).sorted() {
            if let last = ranges.last, !(last.upperBound + 1..<line).contains(where: instrumented.contains) {
                ranges[ranges.count - 1] = last.lowerBound...line
            } else {
                ranges.append(line...line)
            }
        }
        return ranges
    }

    /// `part / whole` as a percentage rounded to two decimals.
    static func percentage(_ part: Int, of whole: Int) -> Double {
        guard whole > 0 else { return 0 }
        return (Double(part) * 10_000 / Double(whole)).rounded() / 100
    }

    /// Formats a percentage without trailing zeros: `79.59`, `50`.
    private static func format(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }
}
