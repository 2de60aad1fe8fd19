public import Foundation
public import InsightsCore

/// Formats report data fields for display, by their declared type, as the Code Insights reference describes
/// (Data Center's "Data parameters"): BOOLEAN as Yes/No, DATE relative when less than a week from ``now`` and
/// absolute beyond, DURATION (milliseconds) human readable, NUMBER abbreviated (`14.3k`), PERCENTAGE with `%`,
/// LINK as a link (http and https only), TEXT as is.
///
/// Pure: the output depends only on the field and ``now``, never on the machine's locale or time zone. Untyped
/// fields, and values that do not match their declared type, are shown as plain text.
///
/// ## Topics
/// - ``format(_:)``
/// - ``formatDate(_:)``
/// - ``formatDuration(milliseconds:)``
/// - ``formatNumber(_:)``
/// - ``formatPercentage(_:)``
public struct DataFieldFormatter: Sendable {
    /// The moment relative dates are measured from.
    public var now: Date

    /// Creates a formatter.
    ///
    /// - Parameter now: the moment relative dates are measured from (the request time).
    public init(now: Date) {
        self.now = now
    }

    /// The display form of a data field's value.
    ///
    /// - Parameter field: a validated data field.
    /// - Returns: text, or a link when the field is a LINK to an http(s) URL.
    public func format(_ field: DataField) -> FormattedValue {
        switch (field.type, field.value) {
        case (.boolean?, .bool(let flag)):
            return .text(flag ? "Yes" : "No")
        case (.date?, .number(let milliseconds)):
            return .text(formatDate(milliseconds: milliseconds))
        case (.duration?, .number(let milliseconds)):
            return .text(Self.formatDuration(milliseconds: milliseconds))
        case (.number?, .number(let number)):
            return .text(Self.formatNumber(number))
        case (.percentage?, .number(let number)):
            return .text(Self.formatPercentage(number))
        case (_, .link(let text, let href)):
            let label = text.isEmpty ? href : text
            return WebLink.isValid(href) ? .link(text: label, href: href) : .text(label)
        case (_, .string(let text)):
            return .text(text)
        case (_, .bool(let flag)):
            return .text(flag ? "true" : "false")
        case (_, .number(let number)):
            return .text(Self.decimal(number, maxFractionDigits: 6))
        }
    }

    /// A DATE value: a Unix timestamp in milliseconds, shown relative to ``now`` when less than a week away.
    ///
    /// - Parameter milliseconds: milliseconds since 1970-01-01T00:00:00Z.
    /// - Returns: e.g. `3 minutes ago`, `in 5 hours`, `12 Mar 2026`; the number itself when it lies beyond the
    ///   dates JavaScript can represent (±8.64e15).
    func formatDate(milliseconds: Double) -> String {
        guard abs(milliseconds) <= Self.largestDateMilliseconds else {
            return Self.decimal(milliseconds, maxFractionDigits: 0)
        }
        return formatDate(Date(timeIntervalSince1970: milliseconds / 1000))
    }

    /// The largest timestamp, in milliseconds, that ECMAScript dates accept.
    static let largestDateMilliseconds = 8.64e15
}
