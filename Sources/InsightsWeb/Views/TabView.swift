/// One tab of the pull request list: a state filter.
struct TabView: Sendable {
    /// `Open`, `Merged`, `Declined`, `All`.
    let label: String
    /// The list in that state.
    let url: String
    /// Whether the list shows this state now.
    let isCurrent: Bool
}
