extension DataFieldFormatter {
    /// A NUMBER value, abbreviated as Bitbucket shows it: `999`, `1.5`, `14.3k`, `2.5M`, `7.1B`, `3T`.
    ///
    /// Below a thousand the number keeps up to two decimals; from a thousand on it is divided into `k`, `M`, `B`
    /// or `T` with one decimal, and a value that rounds up to a thousand of its unit moves to the next unit
    /// (999,950 is `1M`, not `1000k`). Negative numbers keep their sign.
    ///
    /// - Parameter number: the value.
    /// - Returns: the abbreviated text.
    public static func formatNumber(_ number: Double) -> String {
        let magnitude = abs(number)
        guard rounded(magnitude, fractionDigits: 2) >= 1000 else { return decimal(number, maxFractionDigits: 2) }
        let units = ["k", "M", "B", "T"]
        var scaled = magnitude / 1000
        var unit = 0
        while unit < units.count - 1, rounded(scaled, fractionDigits: 1) >= 1000 {
            scaled /= 1000
            unit += 1
        }
        return (number < 0 ? "-" : "") + decimal(scaled, maxFractionDigits: 1) + units[unit]
    }

    /// A PERCENTAGE value (0 to 100) with up to two decimals and a percent sign: `85.5%`, `100%`.
    ///
    /// - Parameter number: the percentage.
    /// - Returns: the text.
    public static func formatPercentage(_ number: Double) -> String {
        decimal(number, maxFractionDigits: 2) + "%"
    }

    /// A number with at most `maxFractionDigits` decimals and no trailing zeros, independent of any locale.
    ///
    /// - Parameters:
    ///   - number: a finite number.
    ///   - maxFractionDigits: how many decimals to keep at most.
    /// - Returns: e.g. `1.5`, `-3`, `0` (never `-0`).
    static func decimal(_ number: Double, maxFractionDigits: Int) -> String {
        let value = rounded(number, fractionDigits: maxFractionDigits)
        if value == 0 { return "0" }
        if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
        return "\(value)"
    }

    /// `number` rounded half away from zero to `fractionDigits` decimals.
    static func rounded(_ number: Double, fractionDigits: Int) -> Double {
        var scale = 1.0
        for _ in 0..<fractionDigits { scale *= 10 }
        let scaled = number * scale
        return scaled.isFinite ? scaled.rounded() / scale : number
    }
}
