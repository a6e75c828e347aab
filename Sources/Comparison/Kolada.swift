import Foundation
import GRDB
import SwedishReportLanguage
import Warehouse

/// Kolada's KPI catalogue and published values, read from the JSON files its API returns (`/kpi`
/// and `/data`, v2 and v3 alike: an object whose `values` lists KPIs, or values of a KPI for a
/// municipality and year by gender) and kept in the warehouse beside the reports. Nothing is
/// fetched: the user downloads the files.
public enum Kolada {
    /// What one file held.
    public struct ImportCount: Sendable, Equatable {
        public var kpis = 0
        public var values = 0

        public init(kpis: Int = 0, values: Int = 0) {
            self.kpis = kpis
            self.values = values
        }
    }

    /// Why a file could not be read, said with the file's name.
    public struct Problem: Error, CustomStringConvertible {
        public var description: String
    }

    /// One KPI of the catalogue.
    struct KPI: Decodable {
        var id: String
        var title: String
        var description: String?
        var municipality_type: String?
        var is_divided_by_gender: FlexibleBool?
        var divided_by_gender: FlexibleBool?
    }

    /// Values of one KPI for one municipality and year, by gender.
    struct DataItem: Decodable {
        struct Value: Decodable {
            var gender: String?
            var value: Double?
            var status: String?
        }
        var kpi: String
        var municipality: String
        var period: FlexibleInt
        var values: [Value]
    }

    /// Kolada writes booleans as `true` or as `0`/`1`, years as numbers or strings.
    struct FlexibleBool: Decodable {
        var value: Bool
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let bool = try? container.decode(Bool.self) { value = bool } else { value = (try container.decode(Int.self)) != 0 }
        }
    }

    struct FlexibleInt: Decodable {
        var value: Int
        init(from decoder: Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let int = try? container.decode(Int.self) { value = int; return }
            guard let parsed = Int(try container.decode(String.self)) else {
                throw DecodingError.dataCorruptedError(in: container, debugDescription: "not a year")
            }
            value = parsed
        }
    }

    /// Reads one downloaded file into the warehouse, replacing what it held for the same KPI,
    /// municipality, year and gender.
    public static func importFile(_ url: URL, into warehouse: Warehouse) throws -> ImportCount {
        let data: Data
        do { data = try Data(contentsOf: url) } catch { throw Problem(description: "\(url.path): cannot be read (\(error.localizedDescription))") }
        guard let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any], let items = object["values"] as? [[String: Any]] else {
            throw Problem(description: "\(url.path): not a Kolada API answer (a JSON object with a \"values\" list, as /kpi and /data return)")
        }
        var count = ImportCount()
        try warehouse.write { db in
            for (index, item) in items.enumerated() {
                let json = try JSONSerialization.data(withJSONObject: item)
                do {
                    if item["kpi"] != nil, item["municipality"] != nil {
                        let entry = try JSONDecoder().decode(DataItem.self, from: json)
                        for value in entry.values {
                            try db.execute(sql: """
                                INSERT OR REPLACE INTO kolada_values (kpi_id, municipality_code, year, gender, value, status)
                                VALUES (?, ?, ?, ?, ?, ?)
                                """, arguments: [entry.kpi, entry.municipality, entry.period.value, value.gender ?? "T", value.value, value.status])
                            count.values += 1
                        }
                    } else {
                        let kpi = try JSONDecoder().decode(KPI.self, from: json)
                        try db.execute(sql: """
                            INSERT OR REPLACE INTO kolada_kpis (id, title, description, municipality_type, divided_by_gender)
                            VALUES (?, ?, ?, ?, ?)
                            """, arguments: [kpi.id, kpi.title, kpi.description, kpi.municipality_type,
                                             (kpi.is_divided_by_gender ?? kpi.divided_by_gender)?.value ?? false])
                        count.kpis += 1
                    }
                } catch let error as DecodingError {
                    throw Problem(description: "\(url.path): item \(index + 1) is neither a KPI nor a value (\(Self.describe(error)))")
                }
            }
        }
        return count
    }

    static func describe(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): return "no \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            return context.codingPath.map(\.stringValue).joined(separator: ".") + ": " + context.debugDescription
        @unknown default: return "\(error)"
        }
    }
}
