public import Foundation

/// The two timestamp encodings of the dialects: Data Center's epoch milliseconds and Cloud's ISO-8601 strings.
public enum WireTime {
    /// Unix epoch milliseconds, e.g. `1630041546433`.
    public static func epochMilliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// ISO-8601 in UTC with milliseconds, e.g. `2021-08-27T05:19:06.433Z`.
    public static func iso8601(_ date: Date) -> String {
        date.formatted(
            Date.ISO8601FormatStyle(includingFractionalSeconds: true, timeZone: TimeZone(secondsFromGMT: 0) ?? .gmt))
    }
}
