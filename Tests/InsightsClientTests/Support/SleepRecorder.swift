/// Records the waits a publisher asks for instead of sleeping.
actor SleepRecorder {
    private(set) var sleeps: [Duration] = []

    func record(_ duration: Duration) { sleeps.append(duration) }

    nonisolated var sleep: @Sendable (Duration) async throws -> Void {
        { duration in await self.record(duration) }
    }
}
