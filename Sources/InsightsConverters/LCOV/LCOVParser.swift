import Foundation

/// Reads an LCOV tracefile line by line from a memory-mapped file into a ``CoverageAccumulator``.
///
/// Understands `SF:`, `DA:line,hits[,checksum]`, `BRDA:line,block,branch,taken` (`-` is not taken),
/// `LF`/`LH`/`BRF`/`BRH` (used only when no record has `DA` lines) and `end_of_record`; other records
/// (`TN`, `VER`, `FN`, `FNDA`, `FNF`, `FNH`, …) are skipped.
struct LCOVParser {
    /// The repository root used to make `SF:` paths relative.
    let root: URL?

    /// Parses the tracefile at `url`.
    ///
    /// - Parameter url: a local LCOV file.
    /// - Returns: the accumulated hits.
    /// - Throws: ``ConversionError`` for an unreadable file, a line that is not an LCOV record, a `DA`/`BRDA`
    ///   line outside a record or with bad numbers, or a file without any `SF:` record.
    func parse(contentsOf url: URL) throws -> CoverageAccumulator {
        let data: Data
        do {
            data = try Data(contentsOf: url, options: .alwaysMapped)
        } catch {
            throw ConversionError("\(url.path): cannot read the LCOV file")
        }
        var accumulator = CoverageAccumulator()
        var declared = (lines: 0, coveredLines: 0, branches: 0, coveredBranches: 0)
        var currentPath: String?
        var recordCount = 0
        var lineNumber = 0
        var start = data.startIndex
        while start < data.endIndex {
            let end = data[start...].firstIndex(of: UInt8(ascii: "\n")) ?? data.endIndex
            lineNumber += 1
            var slice = data[start..<end]
            start = end < data.endIndex ? data.index(after: end) : end
            if slice.last == UInt8(ascii: "\r") { slice = slice.dropLast() }
            let line = String(decoding: slice, as: UTF8.self).trimmingCharacters(in: .whitespaces)
            if line.isEmpty { continue }
            if line == "end_of_record" {
                currentPath = nil
                continue
            }
            guard let colon = line.firstIndex(of: ":") else {
                throw ConversionError("\(url.path): line \(lineNumber): not an LCOV record: \(line.prefix(80))")
            }
            let key = line[..<colon]
            let value = line[line.index(after: colon)...]
            switch key {
            case "SF":
                let path = RepositoryPath.relative(String(value), root: root)
                currentPath = path
                recordCount += 1
                accumulator.addFile(path)
            case "DA":
                let fields = value.split(separator: ",", omittingEmptySubsequences: false)
                guard let path = currentPath, fields.count >= 2, let number = Int(fields[0]), number > 0,
                    let hits = Self.count(fields[1])
                else { throw Self.badRecord(url, lineNumber, line) }
                accumulator.addLine(number, hits: hits, path: path)
            case "BRDA":
                let fields = value.split(separator: ",", omittingEmptySubsequences: false)
                guard let path = currentPath, fields.count >= 4, let number = Int(fields[0]), number > 0,
                    let taken = fields.last
                else { throw Self.badRecord(url, lineNumber, line) }
                accumulator.addBranch(line: number, isTaken: (Self.count(taken) ?? 0) > 0, path: path)
            case "LF": declared.lines += Int(value) ?? 0
            case "LH": declared.coveredLines += Int(value) ?? 0
            case "BRF": declared.branches += Int(value) ?? 0
            case "BRH": declared.coveredBranches += Int(value) ?? 0
            default:
                guard key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }) else {
                    throw ConversionError("\(url.path): line \(lineNumber): not an LCOV record: \(line.prefix(80))")
                }
            }
        }
        guard recordCount > 0 else {
            throw ConversionError("\(url.path): not an LCOV tracefile (no SF: record)")
        }
        accumulator.declaredTotals = declared
        return accumulator
    }

    /// Parses a hit count; `-` (never evaluated) is 0, and counts written as floats are truncated.
    private static func count(_ field: Substring) -> Int? {
        if field == "-" { return 0 }
        if let int = Int(field) { return int }
        guard let double = Double(field), double.isFinite, double < 1e15 else { return nil }
        return Int(double)
    }

    /// The error for a `DA`/`BRDA` line that cannot be used.
    private static func badRecord(_ url: URL, _ lineNumber: Int, _ line: String) -> ConversionError {
        ConversionError("\(url.path): line \(lineNumber): malformed or misplaced LCOV record: \(line.prefix(80))")
    }
}
