import Testing

@testable import insights

@Suite struct TaskExecutorChoiceTests {
    @Test func theEventLoopsAreTheDefaultOnSQLite() throws {
        #expect(try TaskExecutorChoice.chosen(in: [:], arguments: ["serve"]).get() == .eventLoop)
        #expect(
            try TaskExecutorChoice.chosen(in: [:], arguments: ["serve", "--data-dir", "/tmp/x"]).get() == .eventLoop)
    }

    @Test(arguments: [
        (["INSIGHTS_DATABASE_URL": "postgres://u@127.0.0.1/db"], ["serve"]),
        ([:], ["serve", "--database", "postgresql://u@127.0.0.1/db"]),
        ([:], ["serve", "--database=POSTGRES://u@127.0.0.1/db"]),
    ])
    func swiftsExecutorIsTheDefaultOnPostgreSQL(environment: [String: String], arguments: [String]) throws {
        #expect(try TaskExecutorChoice.chosen(in: environment, arguments: arguments).get() == .swift)
    }

    @Test func anArgumentAfterTheEndOfOptionsNamesNoDatabase() throws {
        #expect(
            try TaskExecutorChoice.chosen(in: [:], arguments: ["serve", "--", "--database=postgres://u@h/db"]).get()
                == .eventLoop)
    }

    @Test func theVariableChoosesOverTheDefault() throws {
        let postgres = ["serve", "--database", "postgres://u@127.0.0.1/db"]
        #expect(
            try TaskExecutorChoice.chosen(in: ["INSIGHTS_EXECUTOR": "event-loop"], arguments: postgres).get()
                == .eventLoop)
        #expect(try TaskExecutorChoice.chosen(in: ["INSIGHTS_EXECUTOR": "swift"], arguments: ["serve"]).get() == .swift)
        #expect(throws: TaskExecutorChoice.UsageMessage.self) {
            try TaskExecutorChoice.chosen(in: ["INSIGHTS_EXECUTOR": "threads"], arguments: ["serve"]).get()
        }
    }
}
