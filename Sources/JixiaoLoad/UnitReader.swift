import JixiaoModel

/// What `_unit.md` says of a unit; its projects are read afterwards.
package struct UnitSettings {
    var name: String
    var code: String?
    var moneyUnit: MoneyUnit = .wanYuan
    var total: Amount?
    var goal: String?
    var targets: [UnitTarget] = []
    var measures: String?
    /// 项目顺序: file names (without `.md`) in the published order, each with where it is written.
    var order: [(name: String, at: SourceLocation)] = []
    var body = ""
    var rules: Rules
    var forms = SheetForms()
    var overall: Project?
    /// The unit's own metadata (the site's is written under it when the unit is assembled).
    var metadata = PageMetadata()
    var locations: FieldLocations

    static func read(_ root: MappingReader, body: String, slug: String, siteRules: Rules, siteForms: SheetForms = SheetForms()) -> UnitSettings {
        var settings = UnitSettings(name: root.requiredText("name", in: "unit") ?? slug, code: root.text("code"),
                                    moneyUnit: root.choice("money_unit", MoneyUnit.self) ?? .wanYuan, total: root.amount("total"),
                                    goal: root.text("goal"), measures: root.text("measures"), body: body, rules: siteRules,
                                    locations: FieldLocations(item: root.location))
        if let rules = root.mapping("rules", fields: .rules) {
            settings.rules = RulesReader.read(rules, over: siteRules)
        }
        for node in root.sequence("order") ?? [] {
            guard let name = node.string, !Trim.isBlank(name) else {
                root.sink.error(.wrongKind, "\(FieldSet.unit.name("order")) must be a list of project file names (without `.md`)", at: root.location(of: node))
                continue
            }
            settings.order.append((Trim.whitespace(name), root.location(of: node)))
        }
        for (index, node) in (root.sequence("targets") ?? []).enumerated() {
            guard let target = MappingReader(node, fields: .unitTarget, path: "targets.\(index)", file: root.file,
                                             lineOffset: root.lineOffset, sink: root.sink, recorder: root.recorder,
                                             what: "item goal \(index + 1)")
            else { continue }
            let name = target.requiredText("name", in: "item goal") ?? ""
            let indicators = (target.sequence("indicators") ?? []).compactMap { node -> String? in
                guard let text = node.string else {
                    root.sink.error(.wrongKind, "\(FieldSet.unitTarget.name("indicators")) must be a list of names", at: target.location(of: node))
                    return nil
                }
                return text
            }
            settings.targets.append(UnitTarget(name: name, goal: target.text("goal") ?? "", indicators: indicators))
        }
        settings.forms = siteForms.overridden(by: FormsReader.read(root))
        settings.metadata = MetadataReader.read(root)
        // Read with a recorder of its own, so that its fields are found under their own names (`funds`).
        if let node = root.node("overall"),
           let overall = MappingReader(node, fields: .overall, path: "", file: root.file, lineOffset: root.lineOffset, sink: root.sink,
                                       recorder: LocationRecorder(), what: FieldSet.unit.name("overall"))
        {
            let reader = ProjectReader(unit: .init(name: settings.name, moneyUnit: settings.moneyUnit, rules: settings.rules), sink: root.sink)
            settings.overall = reader.read(overall, slug: "self-evaluation", body: "", defaultName: settings.name)
        }
        settings.locations = root.recorder.locations(item: root.location)
        return settings
    }
}
