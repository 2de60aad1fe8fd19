import Foundation

extension Date {
    /// Whole milliseconds since 1970, the store's representation of time.
    var millisecondsSince1970: Int64 {
        Int64((timeIntervalSince1970 * 1000).rounded())
    }

    /// The date `milliseconds` after 1970.
    ///
    /// - Parameter milliseconds: a stored time.
    init(millisecondsSince1970 milliseconds: Int64) {
        self.init(timeIntervalSince1970: Double(milliseconds) / 1000)
    }
}
