import InsightsCore

/// One data field of a report card: its title and formatted value.
struct DataFieldView: Sendable {
    /// What the value represents.
    let title: String
    /// The formatted value, or the link text.
    let text: String
    /// The link's http(s) URL for a LINK field; `nil` for text.
    let href: String?

    /// The view of a data field.
    ///
    /// - Parameters:
    ///   - field: the field.
    ///   - formatter: formats its value.
    init(_ field: DataField, formatter: DataFieldFormatter) {
        title = field.title
        switch formatter.format(field) {
        case .text(let text):
            self.text = text
            href = nil
        case .link(let text, let href):
            self.text = text
            self.href = href
        }
    }
}
