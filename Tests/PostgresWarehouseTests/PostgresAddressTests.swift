import Foundation
import PostgresWarehouse
import XCTest

/// Reading `postgresql://` URLs as libpq does, and keeping the password out of sight.
final class PostgresAddressTests: XCTestCase {
    private let noEnvironment: [String: String] = ["HOME": "/nonexistent"]

    func testAURLGivesUserHostPortAndDatabase() throws {
        let address = try PostgresAddress(url: "postgresql://etl@db.example:6543/rapporter", environment: noEnvironment)
        XCTAssertEqual(address.user, "etl")
        XCTAssertEqual(address.host, "db.example")
        XCTAssertEqual(address.port, 6543)
        XCTAssertEqual(address.database, "rapporter")
        XCTAssertNil(address.password)
        XCTAssertFalse(address.isSocket)
        XCTAssertEqual(address.description, "postgresql://etl@db.example:6543/rapporter")
    }

    func testWhatTheURLLeavesOutComesFromTheEnvironmentAsForPsql() throws {
        let environment = ["PGHOST": "pg.internal", "PGPORT": "5433", "PGUSER": "loader", "PGDATABASE": "kommun",
                           "HOME": "/nonexistent"]
        let address = try PostgresAddress(url: "postgresql://", environment: environment)
        XCTAssertEqual([address.host, String(address.port), address.user, address.database],
                       ["pg.internal", "5433", "loader", "kommun"])
        // The database defaults to the user's name.
        let bare = try PostgresAddress(url: "postgres://anna@host", environment: noEnvironment)
        XCTAssertEqual(bare.database, "anna")
        XCTAssertEqual(bare.port, 5432)
    }

    func testASocketFolderInTheQueryOrEncodedAsHostReachesALocalServer() throws {
        let query = try PostgresAddress(url: "postgresql://me@/w?host=/run/pg&port=5499", environment: noEnvironment)
        XCTAssertTrue(query.isSocket)
        XCTAssertEqual(query.socketPath, "/run/pg/.s.PGSQL.5499")
        XCTAssertEqual(query.description, "postgresql://me@/w?host=/run/pg&port=5499")
        let encoded = try PostgresAddress(url: "postgresql://me@%2Frun%2Fpg/w", environment: noEnvironment)
        XCTAssertEqual(encoded.socketPath, "/run/pg/.s.PGSQL.5432")
    }

    func testThePasswordComesFromTheURLThenPGPASSWORDThenThePasswordFile() throws {
        let url = "postgresql://etl:p%40ss:word@db.example/w"
        XCTAssertEqual(try PostgresAddress(url: url, environment: noEnvironment).password, "p@ss:word")
        let environment = ["PGPASSWORD": "from-env", "HOME": "/nonexistent"]
        XCTAssertEqual(try PostgresAddress(url: "postgresql://etl@db.example/w", environment: environment).password, "from-env")

        let file = try passwordFile("""
            # comment
            other.example:*:*:etl:wrong-host
            db.example:5432:w:someone:wrong-user
            db.example:*:w:etl:from\\:file
            *:*:*:*:fallback
            """)
        let fromFile = try PostgresAddress(url: "postgresql://etl@db.example/w", environment: ["PGPASSFILE": file])
        XCTAssertEqual(fromFile.password, "from:file")
        let wildcard = try PostgresAddress(url: "postgresql://x@elsewhere/y", environment: ["PGPASSFILE": file])
        XCTAssertEqual(wildcard.password, "fallback")
    }

    func testAPasswordFileOthersMayReadIsIgnoredAsLibpqDoesAndThatIsKept() throws {
        let file = try passwordFile("*:*:*:*:secret", permissions: 0o644)
        let address = try PostgresAddress(url: "postgresql://etl@db.example/w", environment: ["PGPASSFILE": file])
        XCTAssertNil(address.password)
        XCTAssertEqual(address.ignoredPasswordFile, file)
    }

    func testAnIPv6AddressInBracketsIsTheHost() throws {
        let address = try PostgresAddress(url: "postgresql://etl@[::1]:5433/w", environment: noEnvironment)
        XCTAssertEqual(address.host, "::1")
        XCTAssertEqual(address.description, "postgresql://etl@[::1]:5433/w")
    }

    func testASocketConnectionMatchesLocalhostInThePasswordFile() throws {
        let file = try passwordFile("localhost:5432:w:etl:local-secret")
        let address = try PostgresAddress(url: "postgresql://etl@/w?host=/run/pg", environment: ["PGPASSFILE": file])
        XCTAssertEqual(address.password, "local-secret")
    }

    func testThePasswordNeverShowsInTheDescriptionOrInAMessageAboutABadURL() throws {
        let address = try PostgresAddress(url: "postgresql://etl:hemligt@db.example/w", environment: noEnvironment)
        XCTAssertFalse(address.description.contains("hemligt"), address.description)
        XCTAssertEqual(PostgresAddress.redacted("postgresql://etl:hemligt@db.example/w"), "postgresql://etl:***@db.example/w")
        XCTAssertEqual(PostgresAddress.redacted("postgresql://db/w?password=hemligt&sslmode=require"), "postgresql://db/w?password=***&sslmode=require")
        // A password typed with `&` in it: its tail is no parameter anyone knows, so it is masked too.
        XCTAssertEqual(PostgresAddress.redacted("postgresql://db/w?password=ab&cd=1"), "postgresql://db/w?password=***&***")
        XCTAssertEqual(PostgresAddress.redacted("postgresql://db/w?PASSWORD=hemligt"), "postgresql://db/w?***")
        XCTAssertThrowsError(try PostgresAddress(url: "postgresql://db/w?password=ab&cd=1", environment: noEnvironment)) {
            XCTAssertFalse("\($0)".contains("cd"), "\($0)")
        }
        XCTAssertThrowsError(try PostgresAddress(url: "postgresql://etl:hemligt@db.example:99999/w", environment: noEnvironment)) { error in
            XCTAssertFalse("\(error)".contains("hemligt"), "\(error)")
        }
        XCTAssertThrowsError(try PostgresAddress(url: "postgresql://etl:hemligt@db/w?sslmode=maybe", environment: noEnvironment)) {
            XCTAssertTrue("\($0)".contains("sslmode maybe"), "\($0)")
            XCTAssertFalse("\($0)".contains("hemligt"), "\($0)")
        }
    }

    func testAPasswordTypedWithoutPercentEncodingIsMaskedWhateverItHolds() {
        for password in ["ab#cd", "ab/cd", "p@ss", "a:b?c"] {
            let url = "postgresql://etl:\(password)@db.example/w"
            let shown = PostgresAddress.redacted(url)
            XCTAssertEqual(shown, "postgresql://etl:***@db.example/w", url)
            if let error = Result(catching: { try PostgresAddress(url: url, environment: noEnvironment) }).failure {
                XCTAssertFalse("\(error)".contains(password), "\(error)")
            }
        }
    }

    func testAParameterThatWouldBeIgnoredIsRefusedByName() {
        XCTAssertThrowsError(try PostgresAddress(url: "postgresql://etl:pw@db/w?options=-csearch_path%3Dx", environment: noEnvironment)) {
            XCTAssertTrue("\($0)".contains("parameter options is not supported"), "\($0)")
            XCTAssertFalse("\($0)".contains(":pw@"), "\($0)")
        }
        XCTAssertEqual(try PostgresAddress(url: "postgresql://db/w?connect_timeout=3&application_name=x", environment: noEnvironment).connectTimeout, 3)
    }

    func testADatabaseNameWithAPercentSignIsDecodedOnce() throws {
        XCTAssertEqual(try PostgresAddress(url: "postgresql://etl@db/100%25", environment: noEnvironment).database, "100%")
    }

    func testOnlyPostgresURLsAreServers() {
        XCTAssertTrue(PostgresAddress.isAddress("postgresql://x/y"))
        XCTAssertTrue(PostgresAddress.isAddress("postgres://x/y"))
        XCTAssertFalse(PostgresAddress.isAddress("warehouse.sqlite"))
        XCTAssertFalse(PostgresAddress.isAddress("postgresql.sqlite"))
    }

    private func passwordFile(_ text: String, permissions: Int = 0o600) throws -> String {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("pgpass-\(UUID().uuidString)")
        try text.write(to: url, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: permissions], ofItemAtPath: url.path)
        addTeardownBlock { try? FileManager.default.removeItem(at: url) }
        return url.path
    }
}

extension Result {
    /// The error, if this is a failure.
    var failure: Failure? {
        if case .failure(let error) = self { return error }
        return nil
    }
}
