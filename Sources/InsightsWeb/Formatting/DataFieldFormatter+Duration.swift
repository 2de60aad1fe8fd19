extension DataFieldFormatter {
    /// A DURATION value (milliseconds), human readable.
    ///
    /// Under a second it is milliseconds (`350 ms`), under a minute seconds with one decimal (`45s`, `1.5s`), beyond
    /// that the two largest units of days, hours, minutes and seconds, leaving out a zero second unit (`1h 2m`,
    /// `2m 5s`, `3d`). Rounding carries into the next unit: 59,960 ms is `1m`.
    ///
    /// - Parameter milliseconds: the duration; a negative one is shown with a leading `-`.
    /// - Returns: the text.
    public static func formatDuration(milliseconds: Double) -> String {
        let sign = milliseconds.rounded() < 0 ? "-" : ""
        let magnitude = abs(milliseconds)
        guard magnitude.rounded() >= 1000 else { return "\(sign)\(decimal(magnitude, maxFractionDigits: 0)) ms" }
        let tenths = (magnitude / 100).rounded()
        guard tenths >= 600 else { return sign + decimal(tenths / 10, maxFractionDigits: 1) + "s" }
        let seconds = (magnitude / 1000).rounded()
        let parts: [(value: Double, unit: String)] = [
            ((seconds / 86_400).rounded(.down), "d"),
            ((seconds.truncatingRemainder(dividingBy: 86_400) / 3600).rounded(.down), "h"),
            ((seconds.truncatingRemainder(dividingBy: 3600) / 60).rounded(.down), "m"),
            (seconds.truncatingRemainder(dividingBy: 60), "s"),
        ]
        let first = parts.firstIndex { $0.value > 0 } ?? parts.count - 1
        let shown = parts[first...].prefix(2).enumerated().filter { $0.offset == 0 || $0.element.value > 0 }
        return sign
            + shown.map { decimal($0.element.value, maxFractionDigits: 0) + $0.element.unit }.joined(separator: " ")
    }
}
