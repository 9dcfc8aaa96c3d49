import Foundation
import JixiaoModel
import Testing

/// schema/*.json describes the same keys, labels, types and required fields as the field table the
/// readers, the diagnostics and the content writer use.
struct SchemaTests {
    /// Each mapping of the schemas and the field set it describes.
    static let places: [(file: String, path: [String], set: FieldSet)] = [
        ("project", [], .project), ("project", ["properties", "funds"], .funds), ("project", ["$defs", "fundLine"], .fundLine),
        ("project", ["$defs", "indicator"], .indicator), ("unit", [], .unit), ("unit", ["$defs", "rules"], .rules),
        ("unit", ["$defs", "unitTarget"], .unitTarget), ("site", [], .site), ("site", ["$defs", "rules"], .rules),
        ("unit", ["$defs", "forms"], .forms), ("unit", ["$defs", "form"], .form), ("site", ["$defs", "forms"], .forms),
        ("project", ["$defs", "monitoring"], .monitoring), ("unit", ["$defs", "overall"], .overall), ("project", ["$defs", "monitoredIndicator"], .monitoredIndicator),
        ("site", ["$defs", "review"], .review), ("site", ["$defs", "metadata"], .metadata), ("unit", ["$defs", "metadata"], .metadata),
    ]

    static func schema(_ name: String) throws -> [String: Any] {
        let url = ExampleSite.root.appendingPathComponent("schema/\(name).schema.json")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    @Test(arguments: places.indices)
    func schemaAgreesWithTheFieldTable(_ index: Int) throws {
        let (file, path, set) = Self.places[index]
        var node = try Self.schema(file)
        for key in path { node = try #require(node[key] as? [String: Any]) }
        let properties = try #require(node["properties"] as? [String: Any])
        #expect(Set(properties.keys) == Set(set.keys), "\(file) \(path): keys")
        #expect(Set(node["required"] as? [String] ?? []) == Set(set.fields.filter(\.required).map(\.key)), "\(file) \(path): required")
        for field in set.fields {
            let property = try #require(properties[field.key] as? [String: Any], "\(field.key)")
            let description = property["description"] as? String ?? ""
            #expect(description.hasPrefix(field.label + " (") || description.hasPrefix(field.label + " / "),
                    "\(file) \(field.key): the description should start with \(field.label)")
            let text = String(decoding: try JSONSerialization.data(withJSONObject: property, options: [.sortedKeys]), as: UTF8.self)
            let refs = Set(text.matches(of: /\$defs\\\/(\w+)/).map { String($0.1) })
            let types = Set(text.matches(of: /"type":"(\w+)"/).map { String($0.1) })
            #expect(Self.agrees(field, refs: refs, types: types, text: text), "\(file) \(field.key): \(field.type) vs \(refs) \(types)")
        }
    }

    /// The shape a field type takes in a schema.
    static func agrees(_ field: Field, refs: Set<String>, types: Set<String>, text: String) -> Bool {
        switch field.type {
        case .text: refs == [field.required ? "requiredText" : "text"]
        case .code: refs == ["code"]
        case .amount: refs == ["amount"]
        case .number: refs == ["decimal"]
        case .integer: types.contains("integer")
        case .boolean: types.contains("boolean")
        case .choice: text.contains("\"enum\"") || refs == ["moneyUnit"]
        case .fundSource: refs == ["fundSource"]
        case let .mapping(name): refs == [name] || (types.contains("object") && refs == ["fundSource"])
        case let .list(name): types.contains("array") && refs == [name]
        case .textList: types.contains("array") && refs == ["text"]
        case .numberMap: refs == ["weightMap"]
        case .monthPercents: types.contains("object") && refs == ["percent"]
        }
    }
}
