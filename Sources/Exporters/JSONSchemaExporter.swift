import Foundation
import ReportModel
import ReportSource

/// The JSON Schema (draft 2020-12) of ``JSONExporter``'s output, versioned with the model.
///
/// Written out by hand beside the model rather than derived from it, so it can say what the
/// model's types cannot (closed enumerations, absent-or-null optionals); a test validates every
/// corpus report against it, which catches a model change the schema has not followed.
/// Objects are closed (`additionalProperties: false`): a new field is a schema change.
public struct JSONSchemaExporter: Sendable {
    /// Creates a schema exporter.
    public init() {}

    /// The schema's id, naming the model version it describes.
    public static var schemaId: String { "urn:kommunrapport:report:\(Report.currentSchemaVersion)" }

    /// The schema as pretty-printed JSON with sorted keys.
    public func schema() throws -> Data {
        var data = try JSONSerialization.data(
            withJSONObject: document(), options: [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes])
        data.append(0x0A)
        return data
    }

    /// The schema as a JSON object.
    func document() -> [String: Any] {
        let provenance = object([
            "page": (integer(minimum: 1), true, "1-based physical page."),
            "firstLine": (optional(integer(minimum: 1)), false, "First source line."),
            "lastLine": (optional(integer(minimum: 1)), false, "Last source line."),
            "box": (optional(ref("BoundingBox")), false, "The item's box on the page (PDF input)."),
        ], "Where an item was printed.")
        let boundingBox = object([
            "x": (number, true, "Left edge, points."), "y": (number, true, "Top edge, points (y grows downward)."),
            "width": (number, true, "Width."), "height": (number, true, "Height."),
        ], "A rectangle on a page in PDF points, origin top-left.")
        let document = object([
            "fileName": (string, true, "File name without folders."),
            "sourceKind": (enumeration(["text", "pdf", "html"]), true, "Which front-end read it."),
            "pages": (integer(minimum: 0), true, "Number of physical pages."),
            "producer": (optional(string), false, "The producer the PDF names."),
            "path": (optional(string), false, "The input's path as given, where a batch read it."),
            "sha256": (optional(string), false, "SHA-256 of the file's bytes (hex), where a batch read it."),
        ], "The input document.")
        let metadata = object([
            "municipality": (optional(string), false, "Municipality name as in the official list."),
            "municipalityCode": (optional(pattern("^[0-9]{4}$")), false, "Official 4-digit kommunkod."),
            "organisation": (optional(string), false, "The board the report is about."),
            "reportType": (optional(enumeration(ReportType.allCases.map(\.rawValue))), false, "The kind of report."),
            "reportKind": (optional(string), false, "What the document calls itself, as its title prints it."),
            "year": (optional(integer(minimum: nil)), false, "The fiscal year."),
            "period": (optional(string), false, "The period an interim report covers."),
        ], "Who and what the report is about; every field absent when the text does not support it.")
        let heading = object([
            "id": (string, true, "Deterministic id (h12)."), "level": (integer(minimum: 1), true, "1 for top-level sections."),
            "text": (string, true, "The heading as printed."), "provenance": (ref("Provenance"), true, "Where it was printed."),
        ], "A section heading.")
        let goal = object([
            "id": (string, true, "Deterministic id (g3)."),
            "parentId": (optional(string), false, "The enclosing goal's id."),
            "ref": (optional(string), false, "The goal's own number as printed."),
            "level": (optional(string), false, "The level label printed before it."),
            "title": (string, true, "The full title."),
            "status": (optional(enumeration(Assessment.allCases.map(\.rawValue))), false, "The normalised assessment."),
            "statusText": (optional(string), false, "The assessment as printed."),
            "statusIcon": (optional(enumeration(StatusIcon.allCases.map(\.rawValue))), false, "Colour of a status icon."),
            "statusIconShape": (optional(enumeration(IconShape.allCases.map(\.rawValue))), false, "Outline of the status icon (an arrow's direction), where told."),
            "analysis": (optional(string), false, "The analysis or comment text."),
            "expectedResult": (optional(string), false, "The expected result."),
            "provenance": (ref("Provenance"), true, "Where it was printed."),
        ], "A goal with its assessment.")
        let measure = enumeration(Measure.allCases.map(\.rawValue))
        let indicatorValue = object([
            "column": (string, true, "The column header as printed."),
            "year": (optional(integer(minimum: nil)), false, "The year the column refers to."),
            "measure": (measure, true, "What the column measures."),
            "value": (optional(number), false, "The number; absent for a non-numeric cell."),
            "unit": (optional(string), false, "The unit."),
            "comparator": (optional(enumeration(Comparator.allCases.map(\.rawValue))), false, "A comparator printed before the number."),
            "preliminary": (boolean, true, "True when printed as preliminary."),
            "text": (string, true, "The cell exactly as printed."),
            "provenance": (ref("Provenance"), true, "Where it was printed."),
        ], "One value of an indicator.")
        let indicator = object([
            "id": (string, true, "Deterministic id (i2)."),
            "goalId": (optional(string), false, "The goal it is printed under."),
            "name": (string, true, "The indicator's name."),
            "unit": (optional(string), false, "The unit the indicator states."),
            "values": (array(ref("IndicatorValue")), true, "Its values, one per column."),
            "provenance": (ref("Provenance"), true, "Where it was printed."),
        ], "An indicator (nyckeltal) with its values.")
        let column = object([
            "header": (string, true, "The header as printed."),
            "year": (optional(integer(minimum: nil)), false, "The year the header names."),
            "measure": (measure, true, "What the column measures."),
        ], "A column of a table.")
        let cell = object([
            "columnIndex": (integer(minimum: 0), true, "Index into the table's columns."),
            "value": (optional(number), false, "The number; absent for a non-numeric cell."),
            "unit": (optional(string), false, "The unit of the cell."),
            "valueSEK": (optional(number), false, "The value in kronor for money cells."),
            "ambiguous": (boolean, true, "True when the printed text could be split into numbers more than one way."),
            "text": (string, true, "The cell exactly as printed."),
        ], "One cell of a table.")
        let row = object([
            "label": (string, true, "The row label."),
            "level": (integer(minimum: 0), true, "0 for top rows, 1 for sub-rows."),
            "isSum": (boolean, true, "True for sums."),
            "parent": (optional(integer(minimum: 0)), false, "Index of the row this one is nested under."),
            "cells": (array(ref("TableCell")), true, "The row's cells."),
            "provenance": (ref("Provenance"), true, "Where the row was printed."),
        ], "One row of a table.")
        let table = object([
            "id": (string, true, "Deterministic id (t1)."),
            "title": (optional(string), false, "The caption or nearest heading."),
            "unit": (optional(string), false, "The unit the table states."),
            "columns": (array(ref("TableColumn")), true, "The columns."),
            "rows": (array(ref("TableRow")), true, "The rows."),
            "notes": (array(string), true, "Notes printed under the table."),
            "checks": (array(ref("TableCheck")), true, "Arithmetic checks of sum rows and difference columns."),
            "provenance": (ref("Provenance"), true, "Where the table was printed (its first page)."),
            "spans": (array(ref("Provenance")), true, "Where the table was printed, one entry a page it covers."),
        ], "A budget, accounting or statistics table.")
        let check = object([
            "kind": (enumeration(TableCheck.Kind.allCases.map(\.rawValue)), true, "A sum row, a difference column, or a vote's tally of marks."),
            "row": (integer(minimum: 0), true, "Index of the row checked."),
            "column": (integer(minimum: 0), true, "Index of the column checked."),
            "expected": (number, true, "What the other cells make it."),
            "printed": (number, true, "The value printed in the cell."),
            "holds": (boolean, true, "True when the printed value is the expected one within rounding."),
            "terms": (array(integer(minimum: 0)), true, "The rows summed, or the two columns compared (minuend first)."),
        ], "One arithmetic check of a table.")
        let assignment = object([
            "id": (string, true, "Deterministic id (a4)."),
            "goalId": (optional(string), false, "The goal it is printed under."),
            "kind": (enumeration(Assignment.Kind.allCases.map(\.rawValue)), true, "What kind of item it is."),
            "title": (string, true, "The item's text."),
            "status": (optional(string), false, "The printed status, or the legend's words for its status icon."),
            "statusIcon": (optional(enumeration(StatusIcon.allCases.map(\.rawValue))), false, "Colour of a status icon on its row."),
            "statusIconShape": (optional(enumeration(IconShape.allCases.map(\.rawValue))), false, "Outline of that icon, where told."),
            "comment": (optional(string), false, "The comment or follow-up text."),
            "start": (optional(string), false, "Start date."),
            "end": (optional(string), false, "End date."),
            "provenance": (ref("Provenance"), true, "Where it was printed."),
        ], "An assignment, activity or internal-control item.")
        let warning = object([
            "code": (string, true, "A stable machine-readable code."),
            "message": (string, true, "A sentence a user can act on."),
            "page": (optional(integer(minimum: 1)), false, "1-based physical page."),
            "line": (optional(integer(minimum: 1)), false, "1-based line."),
        ], "Something a stage saw and could not understand.")

        var root = object([
            "schemaVersion": (["const": Report.currentSchemaVersion], true, "The version of the model's JSON shape."),
            "document": (ref("DocumentInfo"), true, "The input document."),
            "metadata": (ref("ReportMetadata"), true, "Municipality, board, report type, year and period."),
            "headings": (array(ref("Heading")), true, "Section headings in document order."),
            "goals": (array(ref("Goal")), true, "Goals in document order."),
            "indicators": (array(ref("Indicator")), true, "Indicators with their values."),
            "tables": (array(ref("ReportTable")), true, "Tables of figures."),
            "assignments": (array(ref("Assignment")), true, "Assignments, activities and internal-control items."),
            "warnings": (array(ref("ImportWarning")), true, "What was seen and not understood."),
        ], "One Swedish municipal report as Kommunrapport exports it (kommunrapport import --format json).")
        root["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        root["$id"] = Self.schemaId
        root["title"] = "Kommunrapport report \(Report.currentSchemaVersion)"
        root["$defs"] = [
            "Provenance": provenance, "BoundingBox": boundingBox, "DocumentInfo": document, "ReportMetadata": metadata,
            "Heading": heading, "Goal": goal, "Indicator": indicator, "IndicatorValue": indicatorValue,
            "TableColumn": column, "TableCell": cell, "TableRow": row, "ReportTable": table, "TableCheck": check, "Assignment": assignment,
            "ImportWarning": warning,
        ]
        return root
    }

    private var string: [String: Any] { ["type": "string"] }
    private var number: [String: Any] { ["type": "number"] }
    private var boolean: [String: Any] { ["type": "boolean"] }

    private func integer(minimum: Int?) -> [String: Any] {
        var schema: [String: Any] = ["type": "integer"]
        if let minimum { schema["minimum"] = minimum }
        return schema
    }

    private func pattern(_ regex: String) -> [String: Any] { ["type": "string", "pattern": regex] }
    private func enumeration(_ values: [String]) -> [String: Any] { ["type": "string", "enum": values] }
    private func array(_ items: [String: Any]) -> [String: Any] { ["type": "array", "items": items] }
    private func ref(_ name: String) -> [String: Any] { ["$ref": "#/$defs/\(name)"] }

    /// An optional field: absent (how the exporter writes nil) or null (how other writers may).
    private func optional(_ schema: [String: Any]) -> [String: Any] {
        ["anyOf": [schema, ["type": "null"]]]
    }

    /// A closed object; each property is (schema, required, description).
    private func object(_ properties: KeyValuePairs<String, ([String: Any], Bool, String)>, _ description: String) -> [String: Any] {
        var props: [String: Any] = [:]
        var required: [String] = []
        for (name, (schema, isRequired, text)) in properties {
            var schema = schema
            schema["description"] = text
            props[name] = schema
            if isRequired { required.append(name) }
        }
        return [
            "type": "object", "description": description, "properties": props, "required": required,
            "additionalProperties": false,
        ]
    }
}
