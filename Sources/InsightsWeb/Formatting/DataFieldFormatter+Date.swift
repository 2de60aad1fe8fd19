public import Foundation

extension DataFieldFormatter {
    /// A moment as the web UI shows it: relative to ``now`` when less than a week away, else its day.
    ///
    /// Exactly one week away is already shown as a day. Relative forms count whole units, rounded down: under a
    /// minute is `just now`, then `1 minute ago` … `59 minutes ago`, `1 hour ago` … `23 hours ago`, `1 day ago` …
    /// `6 days ago` (or `in 5 hours` for the future).
    ///
    /// - Parameter date: the moment.
    /// - Returns: the relative text, or the day in UTC with English month names, e.g. `12 Mar 2026`.
    public func formatDate(_ date: Date) -> String {
        let offset = date.timeIntervalSince(now)
        let distance = abs(offset)
        guard distance < Self.week else { return Self.formatDay(date) }
        guard distance >= 60 else { return "just now" }
        let (count, unit): (Int, String) =
            switch distance {
            case ..<3600: (Int(distance / 60), "minute")
            case ..<86_400: (Int(distance / 3600), "hour")
            default: (Int(distance / 86_400), "day")
            }
        let phrase = "\(count) \(unit)\(count == 1 ? "" : "s")"
        return offset < 0 ? "\(phrase) ago" : "in \(phrase)"
    }

    /// A day in UTC, `12 Mar 2026`, with fixed English month abbreviations.
    ///
    /// - Parameter date: the moment.
    /// - Returns: day of the month, abbreviated month and year.
    static func formatDay(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .gmt
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let month = parts.month.flatMap { monthNames.indices.contains($0 - 1) ? monthNames[$0 - 1] : nil } ?? ""
        return "\(parts.day ?? 1) \(month) \(parts.year ?? 1970)"
    }

    /// Seven days, in seconds.
    static let week: TimeInterval = 7 * 86_400

    private static let monthNames = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ]
}
