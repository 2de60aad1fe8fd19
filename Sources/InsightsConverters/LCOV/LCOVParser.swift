import Foundation

/// Reads an LCOV tracefile line by line from a memory-mapped file into a ``CoverageAccumulator``.
///
/// Understands `SF:`, `DA:line,hits[,checksum]`, `BRDA:line,block,branch,taken` (`-` is not taken; records of
/// the same file, line, block and branch are one branch, as lcov merges them),
/// `LF`/`LH`/`BRF`/`BRH` (used only when no record has `DA` lines) and `end_of_record`; other records
/// (`TN`, `VER`, `FN`, `FNDA`, `FNF`, `FNH`, …) are skipped. Lines are parsed as bytes; only paths and error
/// messages become strings.
struct LCOVParser {
    /// The repository root used to make `SF:` paths relative.
    let root: URL?

    /// The state of one parse: the open record and what has been gathered.
    private struct State {
        var accumulator = CoverageAccumulator()
        var declared = (lines: 0, coveredLines: 0, branches: 0, coveredBranches: 0)
        var path: String?
        var hits: [Int: Int] = [:]
        var branches: [LCOVBranchID: Bool] = [:]
        var recordCount = 0

        /// Hands the open record's line hits and branches to the accumulator.
        mutating func closeRecord() {
            if let path, !hits.isEmpty {
                accumulator.addLines(hits, path: path)
            }
            if let path, !branches.isEmpty {
                accumulator.addBranches(branches, path: path)
            }
            hits.removeAll(keepingCapacity: true)
            branches.removeAll(keepingCapacity: true)
            path = nil
        }
    }

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
        var state = State()
        try data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            var lineNumber = 0
            var start = 0
            while start < buffer.count {
                var end = start
                while end < buffer.count, buffer[end] != UInt8(ascii: "\n") { end += 1 }
                lineNumber += 1
                try parseLine(buffer[start..<end], lineNumber: lineNumber, url: url, state: &state)
                start = end + 1
            }
        }
        state.closeRecord()
        guard state.recordCount > 0 else {
            throw ConversionError("\(url.path): not an LCOV tracefile (no SF: record)")
        }
        state.accumulator.declaredTotals = state.declared
        return state.accumulator
    }

    /// Parses one line (without its `\n`).
    private func parseLine(
        _ raw: Slice<UnsafeRawBufferPointer>, lineNumber: Int, url: URL, state: inout State
    ) throws {
        let line = Self.trimmed(raw)
        guard !line.isEmpty else { return }
        if line.elementsEqual("end_of_record".utf8) {
            state.closeRecord()
            return
        }
        guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else {
            throw Self.error(url, lineNumber, "not an LCOV record", line)
        }
        let key = line[line.startIndex..<colon]
        let value = line[(colon + 1)...]
        if key.count == 2, key.first == UInt8(ascii: "D"), key.last == UInt8(ascii: "A") {
            // The hot path: most lines are `DA:line,hits`.
            guard state.path != nil, let comma = value.firstIndex(of: UInt8(ascii: ",")),
                let number = Self.integer(value[value.startIndex..<comma]), number > 0
            else { throw Self.error(url, lineNumber, "malformed or misplaced LCOV record", line) }
            let rest = value[(comma + 1)...]
            let hitsField = rest[rest.startIndex..<(rest.firstIndex(of: UInt8(ascii: ",")) ?? rest.endIndex)]
            guard let hits = Self.count(hitsField) else {
                throw Self.error(url, lineNumber, "malformed or misplaced LCOV record", line)
            }
            state.hits[number] = max(state.hits[number] ?? 0, hits)
        } else if key.elementsEqual("SF".utf8) {
            state.closeRecord()
            let path = RepositoryPath.relative(String(decoding: value, as: UTF8.self), root: root)
            state.path = path
            state.recordCount += 1
            state.accumulator.addFile(path)
        } else if key.elementsEqual("BRDA".utf8) {
            // `line,block,branch,taken`; the branch may be an expression with commas (lcov 2), so the identity is
            // everything between the line and the taken count. Records of one branch merge as lcov merges them.
            let fields = value.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
            guard state.path != nil, fields.count >= 4, let number = Self.integer(fields[0]), number > 0,
                let taken = fields.last
            else { throw Self.error(url, lineNumber, "malformed or misplaced LCOV record", line) }
            let identity = value[fields[1].startIndex..<(taken.startIndex - 1)]
            let branch = LCOVBranchID(line: number, blockAndBranch: String(decoding: identity, as: UTF8.self))
            let isTaken = (Self.count(taken) ?? 0) > 0
            state.branches[branch] = (state.branches[branch] ?? false) || isTaken
        } else if key.elementsEqual("LF".utf8) {
            state.declared.lines += Self.integer(value) ?? 0
        } else if key.elementsEqual("LH".utf8) {
            state.declared.coveredLines += Self.integer(value) ?? 0
        } else if key.elementsEqual("BRF".utf8) {
            state.declared.branches += Self.integer(value) ?? 0
        } else if key.elementsEqual("BRH".utf8) {
            state.declared.coveredBranches += Self.integer(value) ?? 0
        } else if !key.allSatisfy(Self.isKeyByte) {
            throw Self.error(url, lineNumber, "not an LCOV record", line)
        }
    }

    /// Drops leading and trailing spaces, tabs and a trailing `\r`.
    private static func trimmed(_ bytes: Slice<UnsafeRawBufferPointer>) -> Slice<UnsafeRawBufferPointer> {
        var lower = bytes.startIndex
        var upper = bytes.endIndex
        let blank: (UInt8) -> Bool = { $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }
        while lower < upper, blank(bytes[lower]) { lower += 1 }
        while upper > lower, blank(bytes[upper - 1]) { upper -= 1 }
        return bytes[lower..<upper]
    }

    /// Whether `byte` may appear in a record key (`A-Z`, `a-z`, `0-9`, `_`).
    private static func isKeyByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"):
            true
        default:
            false
        }
    }

    /// Parses decimal digits with an optional leading `-`; `nil` for anything else or overflow.
    private static func integer(_ bytes: Slice<UnsafeRawBufferPointer>) -> Int? {
        var digits = bytes[...]
        let isNegative = digits.first == UInt8(ascii: "-")
        if isNegative { digits = digits.dropFirst() }
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return isNegative ? -value : value
    }

    /// Parses a hit count; `-` (never evaluated) is 0, and counts written as floats (`1.0`, `3e2`) are truncated.
    private static func count(_ bytes: Slice<UnsafeRawBufferPointer>) -> Int? {
        if bytes.elementsEqual("-".utf8) { return 0 }
        if let int = integer(bytes) { return int }
        guard let double = Double(String(decoding: bytes, as: UTF8.self)), double.isFinite, double < 1e15 else {
            return nil
        }
        return Int(double)
    }

    /// The error for a line that cannot be used, quoting its start.
    private static func error(
        _ url: URL, _ lineNumber: Int, _ reason: String, _ line: Slice<UnsafeRawBufferPointer>
    ) -> ConversionError {
        let text = String(decoding: line.prefix(80), as: UTF8.self)
        return ConversionError("\(url.path): line \(lineNumber): \(reason): \(text)")
    }
}
