import Foundation
import ReportModel
import ReportSource

/// The JSON Schema (draft 2020-12) of one line of ``FactsExporter``'s NDJSON: a `oneOf` over the
/// fact kinds, each a closed object with every field the kind writes (a field with no value is
/// written as null), versioned with the model.
///
/// Each field's type is written once, by name, beside the exporter; a kind's fields are read off
/// the exporter itself (``CSVExporter``'s columns), so a field added to the facts without a type
/// here fails the schema test rather than passing unchecked.
public struct FactsSchemaExporter: Sendable {
    /// Creates a facts schema exporter.
    public init() {}

    /// The schema's id, naming the model version it describes.
    public static var schemaId: String { "urn:kommunrapport:facts:\(Report.currentSchemaVersion)" }

    /// The schema as pretty-printed JSON with sorted keys.
    public func schema() throws -> Data {
        var data = try JSONSerialization.data(withJSONObject: document(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    /// The fields whose type this schema does not know (none, while it follows the exporter).
    public static var untypedFields: [String] {
        Array(Set(CSVExporter.columnsByKind.values.flatMap { $0 }).subtracting(fieldTypes.keys)).sorted()
    }

    func document() -> [String: Any] {
        var kinds: [[String: Any]] = []
        for kind in CSVExporter.kinds {
            guard let fields = CSVExporter.columnsByKind[kind] else { continue }
            var properties: [String: Any] = [:]
            for field in fields {
                var schema = field == "kind" ? ["const": kind] : Self.fieldTypes[field]?.schema ?? [:]
                schema["description"] = Self.fieldTypes[field]?.description ?? ""
                properties[field] = schema
            }
            kinds.append([
                "title": kind, "type": "object", "properties": properties, "required": fields, "additionalProperties": false,
            ])
        }
        return [
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": Self.schemaId,
            "title": "Kommunrapport fact \(Report.currentSchemaVersion)",
            "description": "One line of `kommunrapport import --format facts` (NDJSON): one fact of one of the kinds.",
            "oneOf": kinds,
        ]
    }

    private static var string: [String: Any] { ["type": "string"] }
    private static var integer: [String: Any] { ["type": "integer"] }
    private static var number: [String: Any] { ["type": "number"] }
    private static var boolean: [String: Any] { ["type": "boolean"] }
    private static func nullable(_ schema: [String: Any]) -> [String: Any] { ["anyOf": [schema, ["type": "null"]]] }
    private static func oneOf(_ values: [String]) -> [String: Any] { ["type": "string", "enum": values] }

    /// Every field's type and meaning, by name (a name means the same in every kind).
    static var fieldTypes: [String: (schema: [String: Any], description: String)] { [
        "kind": (string, "The fact's kind."),
        "document": (string, "The input's file name."),
        "reportId": (nullable(["type": "string", "pattern": "^[0-9a-f]{16}$"]), "First 16 hex digits of the file's SHA-256 (the warehouse's report id)."),
        "path": (nullable(string), "The input's path as given."),
        "municipality": (nullable(string), "Municipality name as in the official list."),
        "municipalityCode": (nullable(["type": "string", "pattern": "^[0-9]{4}$"]), "Kommunkod."),
        "organisation": (nullable(string), "The board or company whose report it is."),
        "reportType": (nullable(oneOf(ReportType.allCases.map(\.rawValue))), "The kind of report."),
        "reportKind": (nullable(string), "What the document calls itself."),
        "year": (nullable(integer), "The year the fact is about."),
        "period": (nullable(string), "The period of an interim report."),
        "pages": (integer, "Number of physical pages."),
"fingerprint": (nullable(["type": "string", "pattern": "^[0-9a-f]{16}$"]), "What the report prints, fingerprinted: the same for its PDF and text renditions."),
        "id": (string, "The item's id, in document order (`g3`, `t1`)."),
        "level": (["anyOf": [integer, string, ["type": "null"]]], "A heading's level (an integer), or a goal's level label as printed (a string or null)."),
        "text": (string, "The text or value exactly as printed."),
        "page": (nullable(integer), "1-based physical page (null only for a warning about the whole document)."),
        "parentId": (nullable(string), "The enclosing goal's id."),
        "ref": (nullable(string), "The goal's own number as printed."),
        "title": (string, "The full title."),
        "status": (nullable(string), "A goal's normalised assessment, or an assignment's status as printed."),
        "statusText": (nullable(string), "The assessment as printed."),
        "statusIcon": (nullable(oneOf(StatusIcon.allCases.map(\.rawValue))), "Colour of a status icon."),
        "statusIconShape": (nullable(oneOf(IconShape.allCases.map(\.rawValue))), "Outline of the status icon."),
        "goalId": (nullable(string), "The goal it is printed under."),
        "name": (string, "The indicator's name."),
        "unit": (nullable(string), "The unit (`%`, `tkr`)."),
        "indicatorId": (string, "The indicator's id."),
        "indicator": (string, "The indicator's name."),
        "column": (nullable(string), "The column header as printed (null where a cell stands outside the header's columns)."),
        "measure": (nullable(oneOf(Measure.allCases.map(\.rawValue))), "What the column measures."),
        "value": (nullable(number), "The number as parsed."),
        "comparator": (nullable(oneOf(Comparator.allCases.map(\.rawValue))), "A comparator printed before the value (`≤38`)."),
        "preliminary": (boolean, "Printed in parentheses as preliminary (`(73)`)."),
        "tableId": (string, "The table's id."),
        "table": (nullable(string), "The table's title."),
        "row": (string, "The row's label."),
        "valueSEK": (nullable(number), "A money value in kronor."),
        "ambiguous": (boolean, "The value could not be read with certainty."),
        "rowIndex": (integer, "The row's index in its table (rows with the same label stay apart)."),
        "columnIndex": (integer, "The column's index in its table."),
        "rowLevel": (integer, "The row's level (0 top)."),
        "rowParent": (nullable(integer), "The index of the row's parent row."),
        "check": (oneOf(TableCheck.Kind.allCases.map(\.rawValue)), "What was checked."),
        "expected": (number, "What the rows or columns make."),
        "printed": (number, "What the table prints."),
        "holds": (boolean, "Whether the two agree within the printed precision."),
        "assignmentKind": (oneOf(Assignment.Kind.allCases.map(\.rawValue)), "What kind of item it is."),
        "comment": (nullable(string), "The comment or follow-up text."),
        "start": (nullable(string), "Start date."),
        "end": (nullable(string), "End date."),
        "code": (string, "The warning's code."),
        "message": (string, "What was seen, naming the file and page."),
        "line": (nullable(integer), "1-based line."),
    ] }
}
