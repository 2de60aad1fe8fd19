/// What a caller asks for when opening a pull request: validated title, description and branches.
public struct PullRequestDraft: Hashable, Sendable {
    /// The longest title accepted, in characters.
    public static let maxTitleLength = 255
    /// The longest description accepted, in characters.
    public static let maxDescriptionLength = 32_768

    /// A one-line summary.
    public var title: String
    /// Free text, if any.
    public var description: String?
    /// The branch whose changes are proposed.
    public var source: BranchName
    /// The branch they would be merged into.
    public var target: BranchName

    /// Validates a draft.
    ///
    /// - Throws: `invalid` for an empty or too long title, a too long description, text with U+0000, or the same
    ///   branch on both sides.
    public init(title: String, description: String?, source: BranchName, target: BranchName) throws(InsightsError) {
        guard !title.isEmpty else { throw .missingField(FieldPath("title")) }
        guard title.count <= Self.maxTitleLength else {
            throw .fieldTooLong(FieldPath("title"), max: Self.maxTitleLength)
        }
        try NullCharacterRule.check(title, at: FieldPath("title"))
        if let description {
            guard description.count <= Self.maxDescriptionLength else {
                throw .fieldTooLong(FieldPath("description"), max: Self.maxDescriptionLength)
            }
            try NullCharacterRule.check(description, at: FieldPath("description"))
        }
        guard source != target else {
            throw .invalidValue(FieldPath("toRef"), "The source and target branch must differ.")
        }
        self.title = title
        self.description = description
        self.source = source
        self.target = target
    }
}
