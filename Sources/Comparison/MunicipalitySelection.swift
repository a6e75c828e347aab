import Foundation
import SwedishReportLanguage

/// Municipalities a user names: by kommunkod or name, the same län as one of them, or a group
/// file as Kolada or SKR's kommungrupper export one.
public enum MunicipalitySelection {
    /// Why a selection could not be made, said so a user can correct it.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String

        public init(description: String) {
            self.description = description
        }
    }

    /// The municipality a code or a name names (`1489`, `Alingsås`, `alingsås kommun`).
    public static func municipality(_ token: String) throws -> Municipality {
        let trimmed = token.trimmingCharacters(in: .whitespaces)
        if let found = Municipality.coded(trimmed) { return found }
        var name = trimmed
        for suffix in [" kommun", " stad"] where name.lowercased().hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        if let found = Municipality.named(name) { return found }
        throw Problem(description: "no municipality is called or coded '\(token)' (a kommunkod such as 1489, or a name such as Alingsås)")
    }

    /// The kommunkoder of a comma-separated list of codes and names.
    public static func codes(inList list: String) throws -> Set<String> {
        Set(try list.split(separator: ",").map { try municipality(String($0)).code })
    }

    /// The kommunkoder of the municipalities in the same län as `focus`.
    public static func sameCounty(as focus: Municipality) -> Set<String> {
        Set(Municipality.all.filter { $0.countyCode == focus.countyCode }.map(\.code))
    }

    /// The groups of a group file: a kommunkod and a group name on each line, parted by a
    /// semicolon, comma or tab (a header line and blank lines are skipped).
    public static func groups(inFile text: String) throws -> [String: Set<String>] {
        var groups: [String: Set<String>] = [:]
        for (number, raw) in text.split(whereSeparator: \.isNewline).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces).replacingOccurrences(of: "\u{FEFF}", with: "")
            guard !line.isEmpty else { continue }
            let fields = line.split(omittingEmptySubsequences: false, whereSeparator: { $0 == ";" || $0 == "," || $0 == "\t" })
                .map { $0.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
            guard fields.count >= 2 else { throw Problem(description: "line \(number + 1): expected a kommunkod and a group name, got '\(line)'") }
            let code = fields[0].count == 3 ? "0" + fields[0] : fields[0]  // a spreadsheet drops the leading zero
            guard Municipality.coded(code) != nil else {
                if number == 0 { continue }  // a header line
                throw Problem(description: "line \(number + 1): '\(fields[0])' is no kommunkod")
            }
            groups[fields[1], default: []].insert(code)
        }
        return groups
    }

    /// The municipalities of a group file: the group that holds `focus`, else every municipality
    /// the file lists.
    public static func codes(inGroupFile text: String, focus: String?) throws -> Set<String> {
        let groups = try groups(inFile: text)
        if let focus {
            let holding = groups.keys.sorted().filter { groups[$0]!.contains(focus) }
            if holding.count > 1 {
                throw Problem(description: "\(focus) is in several groups (\(holding.joined(separator: ", "))): keep one group per municipality in the file")
            }
            if let name = holding.first { return groups[name]! }
        }
        return groups.values.reduce(into: Set<String>()) { $0.formUnion($1) }
    }
}
