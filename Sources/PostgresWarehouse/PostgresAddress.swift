import Foundation

/// Where a PostgreSQL warehouse is: a `postgresql://` URL read the way libpq reads it, with
/// the same fallbacks (`PGHOST`, `PGPORT`, `PGUSER`, `PGDATABASE`, `PGPASSWORD`, `~/.pgpass`),
/// so a user's existing set-up works unchanged.
///
/// The password is kept apart: ``description`` never shows it, and neither does any message
/// or row of the warehouse.
public struct PostgresAddress: Sendable, Equatable, CustomStringConvertible {
    /// The role to log in as.
    public var user: String
    /// The password, if the URL, `PGPASSWORD` or the password file gives one.
    public var password: String?
    /// A host name or address, or the directory of the server's Unix socket (starts with `/`).
    public var host: String
    /// The port (also the number in the socket's file name).
    public var port: Int
    /// The database.
    public var database: String
    /// `disable`, `prefer` or `require` (encryption without checking the certificate), or
    /// `verify-full`; libpq's names.
    public var sslMode: String
    /// A password file that was not read because others may read it (libpq ignores it too,
    /// with a warning), to say so if the server then asks for a password.
    public var ignoredPasswordFile: String?
    /// How the connections show in `pg_stat_activity` (`application_name`; `kommunrapport`).
    public var applicationName = "kommunrapport"
    /// Seconds to wait for the server to answer (`connect_timeout`; 0: libpq's "forever", here 15).
    public var connectTimeout = 15

    /// libpq's other parameter names, which a message may name.
    static let libpqParameters: Set<String> = [
        "hostaddr", "passfile", "channel_binding", "options", "fallback_application_name", "keepalives",
        "keepalives_idle", "keepalives_interval", "keepalives_count", "tcp_user_timeout", "replication", "gssencmode",
        "sslcompression", "sslcert", "sslkey", "sslpassword", "sslrootcert", "sslcrl", "sslcrldir", "sslsni",
        "requirepeer", "ssl_min_protocol_version", "ssl_max_protocol_version", "krbsrvname", "gsslib", "service",
        "target_session_attrs", "load_balance_hosts", "client_encoding",
    ]

    /// The URL parameters read; any other is refused.
    static let parameters: Set<String> = [
        "host", "port", "user", "password", "dbname", "sslmode", "connect_timeout", "application_name",
    ]

    /// Whether a destination names a PostgreSQL server rather than an SQLite file.
    public static func isAddress(_ destination: String) -> Bool {
        destination.hasPrefix("postgresql://") || destination.hasPrefix("postgres://")
    }

    /// Reads a URL (`postgresql://user@host:port/database?host=/socket/dir&sslmode=require`).
    public init(
        url: String, environment: [String: String] = ProcessInfo.processInfo.environment,
        passwordFile: String? = nil
    ) throws {
        guard Self.isAddress(url), let parts = URLComponents(string: url) else {
            throw PostgresWarehouseError.badAddress(Self.redacted(url))
        }
        var query: [String: String] = [:]
        for item in parts.queryItems ?? [] { query[item.name] = item.value ?? "" }
        // A parameter not read here would be ignored without a word (`options=-csearch_path=…`
        // would write into another schema), so it is refused by name.
        if let unknown = query.keys.sorted().first(where: { !Self.parameters.contains($0) }) {
            // A name libpq does not know may be the tail of a password typed with an `&` in it.
            let named = Self.libpqParameters.contains(unknown) ? "parameter \(unknown)" : "a parameter"
            throw PostgresWarehouseError.badParameter(
                Self.redacted(url), "\(named) is not supported; these are: \(Self.parameters.sorted().joined(separator: ", "))")
        }
        func nonEmpty(_ value: String?) -> String? { value.flatMap { $0.isEmpty ? nil : $0 } }

        let socketDirectory = "/var/run/postgresql"
        // An IPv6 address comes in brackets (`[::1]`); the host is the address without them.
        let hostInURL = nonEmpty(parts.percentEncodedHost?.removingPercentEncoding.map {
            $0.hasPrefix("[") && $0.hasSuffix("]") ? String($0.dropFirst().dropLast()) : $0
        })
        host = nonEmpty(query["host"]) ?? hostInURL ?? nonEmpty(environment["PGHOST"])
            ?? (FileManager.default.fileExists(atPath: socketDirectory) ? socketDirectory : "localhost")
        if let port = parts.port {
            guard (1...65535).contains(port) else {
                throw PostgresWarehouseError.badParameter(Self.redacted(url), "port \(port) is not between 1 and 65535")
            }
            self.port = port
        } else if let text = nonEmpty(query["port"]) ?? nonEmpty(environment["PGPORT"]) {
            guard let port = Int(text), (1...65535).contains(port) else {
                throw PostgresWarehouseError.badParameter(Self.redacted(url), "port \(text) is not between 1 and 65535")
            }
            self.port = port
        } else {
            port = 5432
        }
        user = nonEmpty(parts.user) ?? nonEmpty(query["user"]) ?? nonEmpty(environment["PGUSER"]) ?? Self.loginName()
        let path = parts.percentEncodedPath.hasPrefix("/") ? String(parts.percentEncodedPath.dropFirst()) : parts.percentEncodedPath
        database = nonEmpty(path.removingPercentEncoding) ?? nonEmpty(query["dbname"]) ?? nonEmpty(environment["PGDATABASE"]) ?? user
        sslMode = nonEmpty(query["sslmode"]) ?? nonEmpty(environment["PGSSLMODE"]) ?? "prefer"
        guard ["disable", "allow", "prefer", "require", "verify-ca", "verify-full"].contains(sslMode) else {
            throw PostgresWarehouseError.badParameter(
                Self.redacted(url), "sslmode \(sslMode) is not one of disable, allow, prefer, require, verify-ca, verify-full")
        }
        if let name = nonEmpty(query["application_name"]) { applicationName = name }
        if let text = nonEmpty(query["connect_timeout"]) {
            guard let seconds = Int(text), seconds >= 0 else {
                throw PostgresWarehouseError.badParameter(Self.redacted(url), "connect_timeout \(text) is not a number of seconds")
            }
            connectTimeout = seconds
        }
        password = nonEmpty(parts.password) ?? nonEmpty(query["password"]) ?? nonEmpty(environment["PGPASSWORD"])
        if password == nil {
            let file = passwordFile ?? nonEmpty(environment["PGPASSFILE"])
                ?? (nonEmpty(environment["HOME"]) ?? NSHomeDirectory()) + "/.pgpass"
            if Self.isReadableByOthers(file) {
                ignoredPasswordFile = file
            } else {
                password = Self.password(in: file, host: host, port: port, database: database, user: user)
            }
        }
    }

    /// Whether the server is reached through a Unix socket.
    public var isSocket: Bool { host.hasPrefix("/") }

    /// The socket file for a socket connection (`/var/run/postgresql/.s.PGSQL.5432`).
    public var socketPath: String { "\(host)/.s.PGSQL.\(port)" }

    /// The address as users write it, without the password.
    public var description: String {
        let place = isSocket ? "" : (host.contains(":") ? "[\(host)]" : host) + ":\(port)"
        var text = "postgresql://\(user)@\(place)/\(database)"
        if isSocket { text += "?host=\(host)" + (port == 5432 ? "" : "&port=\(port)") }
        return text
    }

    /// A URL with any password in it replaced by `***` (for a message about a URL that could
    /// not be read). A password need not be percent-encoded by whoever typed it, so everything
    /// from the first `:` after the user to the last `@` is masked, whatever characters it holds.
    public static func redacted(_ url: String) -> String {
        var text = url
        if let scheme = text.range(of: "://"), let at = text.range(of: "@", options: .backwards),
           at.lowerBound > scheme.upperBound,
           let colon = text.range(of: ":", range: scheme.upperBound..<at.lowerBound) {
            text.replaceSubrange(colon.upperBound..<at.lowerBound, with: "***")
        }
        // The query: only parameters this tool or libpq knows are shown, with their values
        // unless the name is a password's; anything else may be a password's tail.
        guard let question = text.firstIndex(of: "?") else { return text }
        let shown = text[text.index(after: question)...].split(separator: "&").map { pair -> String in
            let name = pair.split(separator: "=", maxSplits: 1).first.map(String.init) ?? ""
            guard parameters.contains(name) || libpqParameters.contains(name) else { return "***" }
            return name.lowercased().contains("password") ? "\(name)=***" : String(pair)
        }
        return String(text[..<question]) + "?" + shown.joined(separator: "&")
    }

    /// The password of the first matching line of a libpq password file
    /// (`hostname:port:database:username:password`, `*` matches anything, `\:` and `\\` escape).
    /// As libpq does, a file others may read is ignored, and a socket connection matches `localhost`.
    static func password(in file: String, host: String, port: Int, database: String, user: String) -> String? {
        guard !isReadableByOthers(file), let text = try? String(contentsOfFile: file, encoding: .utf8) else { return nil }
        let hostNames: Set<String> = host.hasPrefix("/") ? ["localhost", host] : [host]
        for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
            let fields = Self.passwordFileFields(String(line))
            guard fields.count == 5 else { continue }
            func matches(_ field: String, _ values: Set<String>) -> Bool { field == "*" || values.contains(field) }
            if matches(fields[0], hostNames), matches(fields[1], [String(port)]), matches(fields[2], [database]),
               matches(fields[3], [user]) {
                return fields[4]
            }
        }
        return nil
    }

    /// Whether a file exists and its group or others may read or write it.
    static func isReadableByOthers(_ file: String) -> Bool {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: file),
              let permissions = attributes[.posixPermissions] as? Int else { return false }
        return permissions & 0o077 != 0
    }

    private static func passwordFileFields(_ line: String) -> [String] {
        var fields: [String] = []
        var current = ""
        var escaped = false
        for character in line {
            if escaped {
                current.append(character)
                escaped = false
            } else if character == "\\" {
                escaped = true
            } else if character == ":" && fields.count < 4 {
                fields.append(current)
                current = ""
            } else {
                current.append(character)
            }
        }
        fields.append(current)
        return fields
    }

    private static func loginName() -> String {
        if let entry = getpwuid(getuid()), let name = entry.pointee.pw_name { return String(cString: name) }
        return ProcessInfo.processInfo.environment["USER"] ?? "postgres"
    }
}

/// Why a PostgreSQL warehouse could not be used. Every message names the server by its
/// address without the password.
public enum PostgresWarehouseError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The URL could not be read.
    case badAddress(String)
    /// The URL's shape is right, but a part of it is not (a port, an sslmode, a parameter).
    case badParameter(String, String)

    public var description: String {
        switch self {
        case .badParameter(let url, let problem):
            return "\(url): \(problem)"
        case .badAddress(let url):
            return "\(url): not a PostgreSQL address (write postgresql://user@host:port/database)"
        }
    }
}
