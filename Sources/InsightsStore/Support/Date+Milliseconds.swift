package import Foundation

/// Time as both stores keep it; shared by the store implementations of this package.
extension Date {
    /// Whole milliseconds since 1970, the store's representation of time.
    package var millisecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    /// The date `milliseconds` after 1970.
    ///
    /// - Parameter milliseconds: a stored time.
    package init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
