/// The store implementations the contract suite runs against.
///
/// Add `postgres` here with a factory branch in ``StoreFixture``; it runs only when `INSIGHTS_TEST_POSTGRES_URL` is
/// set, so ``enabled`` is the list every contract test takes as its arguments.
enum StoreKind: String, CaseIterable, CustomStringConvertible, Sendable {
    /// ``SQLiteStore`` on a new file in a unique temporary directory.
    case sqlite

    /// The kinds to run now.
    static var enabled: [StoreKind] { [.sqlite] }

    var description: String { rawValue }
}
