import Foundation
import JixiaoModel

/// Reads a project file's front matter into a `Project`.
package struct ProjectReader {
    let unit: UnitDefaults
    /// The file's own diagnostics: a project with an error among them is not read.
    let sink: DiagnosticSink

    /// What a unit lends its projects.
    struct UnitDefaults {
        var name: String
        var moneyUnit: MoneyUnit
        var rules: Rules
    }

    /// `defaultName`: the name when the mapping gives none (a unit's department-wide sheet takes the unit's).
    func read(_ root: MappingReader, slug: String, body: String, defaultName: String? = nil) -> Project? {
        let name = defaultName.map { root.text("name") ?? $0 } ?? root.requiredText("name", in: "project")
        let goal = root.requiredText("goal", in: "project")
        let moneyUnit = root.choice("money_unit", MoneyUnit.self) ?? unit.moneyUnit
        let funds = readFunds(root)
        let indicators = readIndicators(root)
        // Read before the project takes the recorded locations, so that its fields have theirs.
        let monitoring = readMonitoring(root, indicators: indicators)
        var project = Project(
            slug: slug, name: name ?? slug, code: root.text("code"),
            department: root.text("department") ?? unit.name, implementer: root.text("implementer") ?? unit.name,
            category: root.text("category"), contact: root.text("contact"), moneyUnit: moneyUnit,
            purpose: root.text("purpose"), funds: funds ?? Funds(), executionWeight: root.nonNegative("execution_weight"),
            spendingPlan: readSpendingPlan(root), goal: goal ?? "", outcome: root.text("outcome"),
            executionReason: root.text("execution_reason"), indicators: indicators, body: body, rules: unit.rules,
            locations: root.recorder.locations(item: root.location))
        project.indicatorsText = root.text("indicators_text")
        project.satisfactionNotApplicable = root.text("satisfaction_not_applicable")
        project.monitoring = monitoring
        return sink.hasErrors ? nil : project
    }

    // MARK: Funds

    private func readFunds(_ root: MappingReader) -> Funds? {
        guard let reader = root.mapping("funds", fields: .funds) else {
            if !root.has("funds") { sink.error(.noFunds, "\(FieldSet.project.name("funds")) is missing: give `fiscal`, `carryover`, `other` or `total`", at: root.location) }
            return nil
        }
        var funds = Funds()
        funds.fiscal = readLine(reader, "fiscal")
        funds.carryover = readLine(reader, "carryover")
        funds.other = readLine(reader, "other")
        funds.total = readLine(reader, "total")
        if !["fiscal", "carryover", "other", "total"].contains(where: reader.has) {
            sink.error(.noFunds, "\(FieldSet.project.name("funds")) gives no amount: give `fiscal`, `carryover`, `other` or `total`", at: reader.location)
        }
        if let total = funds.total, let sum = funds.sumOfSources {
            let totalIsScalar = if case .scalar = reader.node("total") { true } else { false }
            for (key, stated, computed) in [("initial", total.initial, sum.initial), ("budget", total.budget, sum.budget), ("spent", total.spent, sum.spent)] {
                guard let stated, let computed, stated != computed else { continue }
                let label = totalIsScalar ? FieldSet.funds.name("total") : "\(FieldSet.funds.name("total")) \(FieldSet.fundLine.name(key))"
                sink.error(.fundsDoNotAdd, "\(label) is \(stated.text), but the sources add up to \(computed.text) (difference \((stated.value - computed.value).plain))",
                           at: reader.locationOf("total"))
            }
        }
        return funds
    }

    /// A source is a number (年初预算数) or a mapping of initial / budget / spent.
    private func readLine(_ funds: MappingReader, _ key: String) -> FundLine? {
        guard let node = funds.node(key) else { return nil }
        if case .scalar = node {
            return funds.amount(key).map { FundLine(initial: $0) }
        }
        guard let line = funds.mapping(key, fields: .fundLine) else { return nil }
        let result = FundLine(initial: line.amount("initial"), budget: line.amount("budget"), spent: line.amount("spent"))
        if result.isEmpty {
            sink.error(.noFunds, "\(FieldSet.funds.name(key)) gives no amount: give `initial`, `budget` or `spent`", at: line.location)
        }
        return result
    }

    // MARK: Spending plan

    private func readSpendingPlan(_ root: MappingReader) -> [(month: Int, percent: Decimal)] {
        guard let pairs = root.pairs("spending_plan") else { return [] }
        var plan: [(month: Int, percent: Decimal)] = []
        for pair in pairs {
            let at = root.location(of: pair.keyPosition)
            guard let month = Int(pair.key), (1 ... 12).contains(month) else {
                sink.error(.badSpendingPlan, "\(FieldSet.project.name("spending_plan")): `\(Excerpt.of(pair.key))` is not a month (1 to 12)", at: at)
                continue
            }
            guard let text = pair.value.string, let percent = Decimal.exact(text.replacingOccurrences(of: "%", with: "")),
                  percent >= 0, percent <= 100
            else {
                sink.error(.badSpendingPlan, "\(FieldSet.project.name("spending_plan")): month \(month) must be a percent from 0 to 100", at: root.location(of: pair.value))
                continue
            }
            if let last = plan.last, last.month >= month || last.percent > percent {
                sink.error(.badSpendingPlan, "\(FieldSet.project.name("spending_plan")) must list months in order with cumulative percents that do not fall", at: at)
            }
            plan.append((month, percent))
        }
        return plan
    }

    // MARK: Indicators

    // MARK: Monitoring

    /// `monitoring:`: the month, what was spent by its end, and the indicators' progress by name.
    private func readMonitoring(_ root: MappingReader, indicators: [Indicator]) -> Monitoring? {
        guard let reader = root.mapping("monitoring", fields: .monitoring) else { return nil }
        let month = reader.integer("month", in: 1 ... 12)
        let spent = reader.amount("spent")
        for key in ["month", "spent"] where !reader.has(key) {
            sink.error(.missingField, "\(FieldSet.monitoring.name(key)) is missing: a monitoring sheet needs it", at: reader.location)
        }
        let names = Set(indicators.map(\.name))
        var items: [MonitoredIndicator] = []
        for (index, node) in (reader.sequence("indicators") ?? []).enumerated() {
            guard let row = MappingReader(node, fields: .monitoredIndicator, path: "monitoring.indicators.\(index)", file: root.file,
                                          lineOffset: root.lineOffset, sink: sink, recorder: root.recorder, what: "monitored indicator \(index + 1)"),
                let name = row.requiredText("name", in: "monitored indicator")
            else { continue }
            if !names.contains(name) {
                let near = suggestion(for: name, among: indicators.map(\.name)).map { " (did you mean \($0)?)" } ?? ""
                sink.error(.unknownMonitoredIndicator, "\(FieldSet.monitoredIndicator.name("name")) \(Excerpt.of(name)) is no 三级指标 of the project\(near)",
                           at: row.locationOf("name"))
                continue
            }
            items.append(MonitoredIndicator(name: name, progress: row.text("progress"), expected: row.text("expected"),
                                            cause: row.choice("cause", DeviationCause.self), likelihood: row.choice("likelihood", Likelihood.self),
                                            measure: row.text("measure")))
        }
        guard let month, let spent else { return nil }
        return Monitoring(month: month, spent: spent, expectedSpent: reader.amount("expected_spent"), outcome: reader.text("outcome"), indicators: items)
    }

    private func readIndicators(_ root: MappingReader) -> [Indicator] {
        guard let nodes = root.sequence("indicators") else {
            if !root.has("indicators") { sink.error(.noIndicators, "\(FieldSet.project.name("indicators")) is missing: every project needs at least one", at: root.location) }
            return []
        }
        if nodes.isEmpty {
            sink.error(.noIndicators, "\(FieldSet.project.name("indicators")) is empty: every project needs at least one", at: root.locationOf("indicators"))
        }
        var indicators: [Indicator] = []
        indicators.reserveCapacity(nodes.count)
        for (index, node) in nodes.enumerated() {
            if let row = MappingReader(node, fields: .indicator, path: "indicators.\(index)", indicator: index, file: root.file, lineOffset: root.lineOffset,
                                       sink: sink, recorder: root.recorder, what: "indicator \(index + 1)"),
                let indicator = readIndicator(row)
            {
                indicators.append(indicator)
            }
        }
        return indicators
    }

    private func readIndicator(_ row: MappingReader) -> Indicator? {
        let what = "indicator"
        guard let level1 = row.requiredText("level1", in: what), let level2 = row.requiredText("level2", in: what),
              let name = row.requiredText("name", in: what), let targetText = row.requiredText("target", in: what)
        else { return nil }
        let target = Target(parsing: targetText)
        if let problem = target.problem { sink.add(problem.diagnostic(targetText, at: row.locationOf("target"))) }
        let unit = row.text("unit")
        if let unit, let written = target.unit, Target.normalizedUnit(unit) != written {
            sink.error(.targetUnitMismatch, "\(FieldSet.indicator.name("target")) \"\(Excerpt.of(targetText))\" is in \(written), but \(FieldSet.indicator.name("unit")) is \(Excerpt.of(unit))", at: row.locationOf("target"))
        }
        let nature = row.choice("nature", Nature.self)
        if let nature, let comparison = target.comparison, nature != .qualitative, nature == .reverse ? !comparison.isReverse : comparison.isReverse {
            sink.warning(.natureMismatch, "\(FieldSet.indicator.name("nature")) is \(nature.rawValue), but the target \"\(Excerpt.of(targetText))\" is a \(comparison.rawValue) comparison", at: row.locationOf("nature"))
        }
        var indicator = Indicator(
            level1: level1, level2: level2, name: name, target: target, unit: unit, weight: row.nonNegative("weight"),
            nature: nature, description: row.text("description"), basis: row.text("basis"), note: row.text("note"),
            actual: row.text("actual"), rating: row.choice("rating", Rating.self), score: row.nonNegative("score"),
            reason: row.text("reason"))
        if indicator.weight != nil, let written = row.text("weight") { indicator.weightPlaces = Decimal.places(of: Trim.whitespace(written)) }
        return indicator
    }
}
