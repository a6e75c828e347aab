import Foundation

/// A JSON Schema validator for the keywords the report schema uses (draft 2020-12 semantics):
/// type, properties, required, additionalProperties, items, enum, const, anyOf, minimum,
/// pattern and local $ref. Unknown keywords other than annotations fail, so the schema cannot
/// silently use something this validator ignores.
struct SchemaValidator {
    let root: [String: Any]

    static let annotations: Set<String> = ["$schema", "$id", "$defs", "title", "description"]
    static let supported: Set<String> = [
        "type", "properties", "required", "additionalProperties", "items", "enum", "const", "anyOf", "minimum",
        "pattern", "$ref", "oneOf",
    ]

    /// Every violation, as `path: problem`; empty when the instance is valid.
    func errors(of instance: Any) -> [String] {
        var out: [String] = []
        validate(instance, against: root, at: "$", into: &out)
        return out
    }

    private func validate(_ value: Any, against schema: [String: Any], at path: String, into out: inout [String]) {
        for key in schema.keys where !Self.annotations.contains(key) && !Self.supported.contains(key) {
            out.append("\(path): the schema uses '\(key)', which this validator does not know")
        }
        if let ref = schema["$ref"] as? String {
            let name = String(ref.dropFirst("#/$defs/".count))
            guard let defs = root["$defs"] as? [String: Any], let target = defs[name] as? [String: Any] else {
                out.append("\(path): unresolved \(ref)")
                return
            }
            validate(value, against: target, at: path, into: &out)
        }
        if let type = schema["type"] as? String, !Self.matches(value, type) {
            out.append("\(path): expected \(type), found \(Self.describe(value))")
            return
        }
        if let constant = schema["const"], !Self.equal(value, constant) {
            out.append("\(path): expected the constant \(constant)")
        }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal(value, $0) }) {
            out.append("\(path): \(Self.describe(value)) is not one of \(options)")
        }
        if let minimum = schema["minimum"] as? Double, let number = value as? NSNumber, number.doubleValue < minimum {
            out.append("\(path): \(number) is below the minimum \(minimum)")
        }
        if let pattern = schema["pattern"] as? String, let text = value as? String,
           text.range(of: pattern, options: .regularExpression) == nil {
            out.append("\(path): '\(text)' does not match \(pattern)")
        }
        if let choices = schema["anyOf"] as? [[String: Any]] {
            let fits = choices.contains { choice in
                var scratch: [String] = []
                validate(value, against: choice, at: path, into: &scratch)
                return scratch.isEmpty
            }
            if !fits { out.append("\(path): \(Self.describe(value)) fits none of anyOf") }
        }
        if let choices = schema["oneOf"] as? [[String: Any]] {
            var reasons: [String] = []
            let fitting = choices.filter { choice in
                var scratch: [String] = []
                validate(value, against: choice, at: path, into: &scratch)
                reasons += scratch.prefix(2)
                return scratch.isEmpty
            }.count
            if fitting != 1 { out.append("\(path): \(Self.describe(value)) fits \(fitting) of oneOf (exactly one needed): \(reasons.prefix(4))") }
        }
        if let object = value as? [String: Any] {
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for name in schema["required"] as? [String] ?? [] where object[name] == nil {
                out.append("\(path): missing required '\(name)'")
            }
            for (name, member) in object {
                if let sub = properties[name] as? [String: Any] {
                    validate(member, against: sub, at: "\(path).\(name)", into: &out)
                } else if (schema["additionalProperties"] as? Bool) == false {
                    out.append("\(path): '\(name)' is not in the schema")
                }
            }
        }
        if let array = value as? [Any], let items = schema["items"] as? [String: Any] {
            for (index, element) in array.enumerated() { validate(element, against: items, at: "\(path)[\(index)]", into: &out) }
        }
    }

    static func isBool(_ value: Any) -> Bool {
        guard let number = value as? NSNumber else { return false }
        // JSONSerialization makes booleans NSNumbers of ObjC type `c` (char), on Linux and Darwin.
        return String(cString: number.objCType) == "c"
    }

    static func matches(_ value: Any, _ type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "null": return value is NSNull
        case "boolean": return isBool(value)
        case "number": return value is NSNumber && !isBool(value)
        case "integer":
            guard let number = value as? NSNumber, !isBool(number) else { return false }
            return number.doubleValue == number.doubleValue.rounded()
        default: return false
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = a as? NSNumber, let b = b as? NSNumber { return a == b }
        return false
    }

    static func describe(_ value: Any) -> String {
        switch value {
        case is String: return "string \"\(value)\""
        case is NSNull: return "null"
        case is [Any]: return "array"
        case is [String: Any]: return "object"
        default: return isBool(value) ? "boolean" : "number \(value)"
        }
    }
}
