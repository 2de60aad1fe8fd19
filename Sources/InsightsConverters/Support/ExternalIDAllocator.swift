/// Makes stable, unique external ids: a 64-bit FNV-1a hash of an annotation's identifying parts.
///
/// The same parts always give the same id, so a rerun replaces annotations instead of duplicating them.
/// When two annotations hash alike (identical parts, or a real collision) the later ones get `-2`, `-3`, …
/// in the order they are allocated.
struct ExternalIDAllocator {
    /// A prefix that names the producing format, e.g. `"checkstyle"`.
    let prefix: String
    /// The ids handed out so far.
    private var used: Set<String> = []

    /// Creates an allocator whose ids start with `prefix` and a dash.
    init(prefix: String) {
        self.prefix = prefix
    }

    /// Returns the id for `parts`, unique among the ids this allocator made.
    ///
    /// - Parameter parts: the identifying values; they are joined with a NUL separator before hashing.
    /// - Returns: `"<prefix>-<16 hex digits>"`, with `-2`, `-3`, … appended on repeats.
    mutating func make(from parts: [String]) -> String {
        reserve("\(prefix)-\(Self.hexHash(parts.joined(separator: "\u{0}")))")
    }

    /// Reserves an id chosen by the caller, so later hashed ids cannot take it.
    ///
    /// - Parameter id: an id made without hashing, e.g. `"uncovered:path:3-5"`.
    /// - Returns: `id`, or `id` with `-2`, `-3`, … appended if it was already used.
    mutating func reserve(_ id: String) -> String {
        var candidate = id
        var suffix = 2
        while used.contains(candidate) {
            candidate = "\(id)-\(suffix)"
            suffix += 1
        }
        used.insert(candidate)
        return candidate
    }

    /// Makes room for `count` ids, so allocating them does not rehash.
    ///
    /// - Parameter count: how many ids will be allocated.
    mutating func reserveCapacity(_ count: Int) {
        used.reserveCapacity(count)
    }

    /// The 64-bit FNV-1a hash of the UTF-8 bytes of `text`, as 16 lowercase hex digits.
    static func hexHash(_ text: String) -> String {
        var hasher = FNV1aHasher()
        hasher.combine(text)
        return hasher.hex
    }
}
