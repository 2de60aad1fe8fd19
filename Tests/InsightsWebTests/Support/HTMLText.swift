import Foundation

/// Substring lookups on rendered HTML for ordering assertions.
extension String {
    /// The offset of the first occurrence of `needle` at or after `start`, or `nil`.
    func offset(of needle: String, from start: Int = 0) -> Int? {
        guard start <= count else { return nil }
        let from = index(startIndex, offsetBy: start)
        guard let range = self[from...].range(of: needle) else { return nil }
        return distance(from: startIndex, to: range.lowerBound)
    }

    /// The text between the first occurrence of `start` and the next occurrence of `end` after it.
    func section(from start: String, to end: String) -> String? {
        guard let lower = range(of: start), let upper = self[lower.upperBound...].range(of: end) else { return nil }
        return String(self[lower.lowerBound..<upper.lowerBound])
    }

    /// How many times `needle` occurs.
    func occurrences(of needle: String) -> Int {
        components(separatedBy: needle).count - 1
    }
}
