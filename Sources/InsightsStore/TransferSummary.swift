/// What a ``StoreCopier`` copied, and whether the destination holds every row of the source.
public struct TransferSummary: Sendable, Hashable {
    /// Per kind: rows copied, already there and refused.
    public var tallies: [TransferKind: TransferTally]
    /// The source's rows per kind, counted after copying.
    public var sourceCounts: [TransferKind: Int]
    /// The destination's rows per kind, counted after copying.
    public var destinationCounts: [TransferKind: Int]

    /// Creates a summary.
    public init(
        tallies: [TransferKind: TransferTally], sourceCounts: [TransferKind: Int],
        destinationCounts: [TransferKind: Int]
    ) {
        self.tallies = tallies
        self.sourceCounts = sourceCounts
        self.destinationCounts = destinationCounts
    }

    /// The tally of one kind (zero when the source had none).
    public func tally(of kind: TransferKind) -> TransferTally {
        tallies[kind, default: TransferTally()]
    }

    /// What is wrong with the copy, one sentence per kind; empty when it is verified.
    public var problems: [String] {
        TransferKind.allCases.compactMap { kind in
            let tally = tally(of: kind)
            let source = sourceCounts[kind, default: 0]
            let destination = destinationCounts[kind, default: 0]
            if tally.refused > 0 {
                return "\(kind): \(tally.refused) not copied: the destination lacks a row they refer to or holds a "
                    + "different one under the same name (a project key, a repository slug, a token name)."
            }
            if tally.total != source {
                return "\(kind): the source holds \(source) but \(tally.total) were read: it changed during the "
                    + "copy; run the copy again."
            }
            if destination < source {
                return "\(kind): the destination holds \(destination), fewer than the source's \(source)."
            }
            return nil
        }
    }

    /// Whether the destination holds every row of the source.
    public var isVerified: Bool { problems.isEmpty }
}
