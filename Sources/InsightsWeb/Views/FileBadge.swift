/// A tag in a file's header: `Added`, `Deleted`, `Renamed`, `Copied`, `Binary`, `Conflicted`, `Changed on target`.
struct FileBadge: Sendable, Hashable {
    /// The CSS modifier.
    let cssClass: String
    /// The word.
    let label: String
}
