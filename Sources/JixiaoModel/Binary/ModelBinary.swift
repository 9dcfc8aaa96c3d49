import Foundation

// The parsed content as bytes, for a build to keep beside its output and read back instead of parsing
// the files that did not change: every stored field of a project, written and read in the same order.
// The round-trip test builds a project with every field set and compares it field by field.

extension Project {
    public func encode(into out: inout BinaryWriter) {
        let fields = box.fields
        out.write(fields.slug)
        out.write(fields.name)
        out.write(fields.code)
        out.write(fields.department)
        out.write(fields.implementer)
        out.write(fields.category)
        out.write(fields.contact)
        out.write(symbol: fields.moneyUnit.rawValue)
        out.write(fields.purpose)
        fields.funds.encode(into: &out)
        out.write(fields.executionWeight)
        out.write(fields.statesExecutionWeight)
        out.write(fields.spendingPlan) { $0.write($1.month); $0.write($1.percent) }
        out.write(fields.goal)
        out.write(fields.outcome)
        out.write(fields.executionReason)
        // On their own, read back only when asked for (`IndicatorStore`).
        out.write(fields.indicatorStore.anyActual)
        switch fields.indicatorStore {
        case let .encoded(encoded, _): encoded.withEncoded { out.write(blob: $0) }
        case let .decoded(indicators):
            var own = BinaryWriter(capacity: 64 + indicators.count * 256)
            own.write(indicators) { $1.encode(into: &$0) }
            out.write(blob: own.bytes[...])
        }
        out.write(fields.indicatorsText)
        out.write(fields.satisfactionNotApplicable)
        out.write(fields.monitoring) { $1.encode(into: &$0) }
        out.write(fields.body)
        fields.rules.encode(into: &out)
        fields.locations.encode(into: &out)
    }

    public init(from input: inout BinaryReader) throws {
        self.init(slug: try input.string(), name: try input.string(), code: try input.optionalString(), department: try input.string(),
                  implementer: try input.string(), category: try input.optionalString(), contact: try input.optionalString(),
                  moneyUnit: try input.choice(MoneyUnit.self), purpose: try input.optionalString(), funds: try Funds(from: &input))
        self.executionWeight = try input.decimal()
        self.statesExecutionWeight = try input.bool()
        self.spendingPlan = try input.array { (month: try $0.int(), percent: try $0.decimal()) }
        self.goal = try input.string()
        self.outcome = try input.optionalString()
        self.executionReason = try input.optionalString()
        let anyActual = try input.bool()
        self.indicatorStore = .encoded(Encoded(try input.blob(), fallback: [], damage: input.damage) { try $0.array { try Indicator(from: &$0) } }, anyActual: anyActual)
        self.indicatorsText = try input.optionalString()
        self.satisfactionNotApplicable = try input.optionalString()
        self.monitoring = try input.optional { try Monitoring(from: &$0) }
        self.body = try input.string()
        self.rules = try Rules(from: &input)
        self.locations = try FieldLocations(from: &input)
    }
}

extension Indicator {
    func encode(into out: inout BinaryWriter) {
        out.write(level1)
        out.write(level2)
        out.write(name)
        target.encode(into: &out)
        out.write(unit)
        out.write(weight) { $0.write($1) }
        out.write(weightPlaces)
        out.write(nature) { $0.write(symbol: $1.rawValue) }
        out.write(description)
        out.write(basis)
        out.write(note)
        out.write(actual)
        out.write(rating) { $0.write(symbol: $1.rawValue) }
        out.write(score) { $0.write($1) }
        out.write(reason)
    }

    init(from input: inout BinaryReader) throws {
        self.init(level1: try input.string(), level2: try input.string(), name: try input.string(), target: try Target(from: &input),
                  unit: try input.optionalString(), weight: try input.optional { try $0.decimal() })
        weightPlaces = try input.int()
        nature = try input.optional { try $0.choice(Nature.self) }
        description = try input.optionalString()
        basis = try input.optionalString()
        note = try input.optionalString()
        actual = try input.optionalString()
        rating = try input.optional { try $0.choice(Rating.self) }
        score = try input.optional { try $0.decimal() }
        reason = try input.optionalString()
    }
}

extension Target {
    func encode(into out: inout BinaryWriter) {
        out.write(text)
        switch meaning {
        case .qualitative:
            out.write(0)
        case let .quantitative(comparison, value, unit):
            out.write(1)
            out.write(symbol: comparison.rawValue)
            out.write(value)
            out.write(unit)
        }
    }

    init(from input: inout BinaryReader) throws {
        let text = try input.string()
        switch try input.int() {
        case 0: self.init(text: text, meaning: .qualitative)
        case 1: self.init(text: text, meaning: .quantitative(try input.choice(Comparison.self), try input.decimal(), unit: try input.optionalString()))
        default: throw BinaryDamage()
        }
    }
}

extension Amount {
    func encode(into out: inout BinaryWriter) {
        out.write(value)
        out.write(places)
    }

    init(from input: inout BinaryReader) throws {
        self.init(try input.decimal(), places: try input.int())
    }
}

extension FundLine {
    func encode(into out: inout BinaryWriter) {
        for amount in [initial, budget, spent] { out.write(amount) { $1.encode(into: &$0) } }
    }

    init(from input: inout BinaryReader) throws {
        let read = { (input: inout BinaryReader) in try input.optional { try Amount(from: &$0) } }
        self.init(initial: try read(&input), budget: try read(&input), spent: try read(&input))
    }
}

extension Funds {
    func encode(into out: inout BinaryWriter) {
        for line in [fiscal, carryover, other, total] { out.write(line) { $1.encode(into: &$0) } }
    }

    init(from input: inout BinaryReader) throws {
        let read = { (input: inout BinaryReader) in try input.optional { try FundLine(from: &$0) } }
        self.init(fiscal: try read(&input), carryover: try read(&input), other: try read(&input), total: try read(&input))
    }
}

extension Monitoring {
    func encode(into out: inout BinaryWriter) {
        out.write(month)
        spent.encode(into: &out)
        out.write(expectedSpent) { $1.encode(into: &$0) }
        out.write(outcome)
        out.write(indicators) { out, indicator in
            out.write(indicator.name)
            out.write(indicator.progress)
            out.write(indicator.expected)
            out.write(indicator.cause) { $0.write(symbol: $1.rawValue) }
            out.write(indicator.likelihood) { $0.write(symbol: $1.rawValue) }
            out.write(indicator.measure)
        }
    }

    init(from input: inout BinaryReader) throws {
        self.init(month: try input.int(), spent: try Amount(from: &input), expectedSpent: try input.optional { try Amount(from: &$0) },
                  outcome: try input.optionalString(), indicators: try input.array { input in
                      MonitoredIndicator(name: try input.string(), progress: try input.optionalString(), expected: try input.optionalString(),
                                         cause: try input.optional { try $0.choice(DeviationCause.self) },
                                         likelihood: try input.optional { try $0.choice(Likelihood.self) }, measure: try input.optionalString())
                  })
    }
}

extension Rules {
    func encode(into out: inout BinaryWriter) {
        out.write(executionWeight)
        out.write(level1Weights) { $0.write($1.name); $0.write($1.weight) }
        out.write(symbol: reverseFormula.rawValue)
        out.write(symbol: qualitativeDefault.rawValue)
        out.write(decimals)
        out.write(grades) { $0.write($1.name); $0.write($1.minimum) }
        out.write(lowestGrade)
        for value in [overachieve, executionExplainBelow, monitoringRed, monitoringYellow] { out.write(value) }
    }

    init(from input: inout BinaryReader) throws {
        self.init()
        executionWeight = try input.decimal()
        level1Weights = try input.array { (name: try $0.string(), weight: try $0.decimal()) }
        reverseFormula = try input.choice(ReverseFormula.self)
        qualitativeDefault = try input.choice(QualitativeDefault.self)
        decimals = try input.int()
        grades = try input.array { (name: try $0.string(), minimum: try $0.decimal()) }
        lowestGrade = try input.string()
        overachieve = try input.decimal()
        executionExplainBelow = try input.decimal()
        monitoringRed = try input.decimal()
        monitoringYellow = try input.decimal()
    }
}

extension SourceLocation {
    public func encode(into out: inout BinaryWriter) {
        out.write(symbol: file)
        out.write(line)
        out.write(column)
    }

    public init(from input: inout BinaryReader) throws {
        self.init(file: try input.symbol(), line: try input.int(), column: try input.int())
    }
}

extension FieldLocations {
    /// The item, then the fields on their own (read back only when asked for, `Encoded`).
    func encode(into out: inout BinaryWriter) {
        item.encode(into: &out)
        switch store {
        case let .encoded(encoded): encoded.withEncoded { out.write(blob: $0) }
        case let .table(table):
            var own = BinaryWriter(capacity: 256 + table.indicators.count * 128)
            table.encode(into: &own)
            out.write(blob: own.bytes[...])
        }
    }

    init(from input: inout BinaryReader) throws {
        self.init(item: try SourceLocation(from: &input))
        store = .encoded(Encoded(try input.blob(), fallback: Table(), damage: input.damage) { try Table(from: &$0) })
    }
}

extension FieldLocations.Table {
    func encode(into out: inout BinaryWriter) {
        out.write(Array(fields)) { out, field in
            out.write(symbol: field.key)
            field.value.encode(into: &out)
        }
        out.write(indicators) { out, entries in
            out.write(entries) { out, entry in
                out.write(symbol: entry.key)
                entry.position.encode(into: &out)
            }
        }
    }

    init(from input: inout BinaryReader) throws {
        self.init()
        let count = try input.count()
        fields.reserveCapacity(count)
        for _ in 0 ..< count {
            fields[try input.symbol()] = try FieldLocations.Position(from: &input)
        }
        indicators = try input.array { input in try input.array { FieldLocations.Entry(key: try $0.symbol(), position: try FieldLocations.Position(from: &$0)) } }
    }
}

extension FieldLocations.Position {
    func encode(into out: inout BinaryWriter) {
        out.write(Int(line))
        out.write(Int(column))
    }

    init(from input: inout BinaryReader) throws {
        guard let line = Int32(exactly: try input.int()), let column = Int32(exactly: try input.int()) else { throw BinaryDamage() }
        self.init(line: line, column: column)
    }
}

extension Diagnostic {
    public func encode(into out: inout BinaryWriter) {
        out.write(code.number)
        out.write(symbol: severity.rawValue)
        out.write(message)
        out.write(location) { $1.encode(into: &$0) }
    }

    public init(from input: inout BinaryReader) throws {
        let number = try input.int()
        let code = DiagnosticCode.all.first { $0.number == number } ?? DiagnosticCode(number, "")
        self.init(code, try input.choice(Severity.self), try input.string(), at: try input.optional { try SourceLocation(from: &$0) })
    }
}

// A project's scores, kept with it: scoring is a pure function of the project (its rules included), so
// a project read back unchanged is not scored again.

extension ProjectEvaluation {
    public func encode(into out: inout BinaryWriter) {
        out.write(execution) { out, execution in
            out.write(execution.weight)
            out.write(execution.budget) { $1.encode(into: &$0) }
            out.write(execution.spent) { $1.encode(into: &$0) }
            out.write(execution.rate) { $0.write($1) }
            out.write(execution.score) { $0.write($1) }
        }
        out.write(indicatorScores) { $0.write($1) { $0.write($1) } }
        out.write(total) { $0.write($1) }
        out.write(grade)
        out.write(findings) { out, finding in
            out.write(finding.code.number)
            out.write(symbol: finding.severity.rawValue)
            out.write(symbol: finding.field)
            out.write(finding.message)
        }
        out.write(level1Points) { $0.write(symbol: $1.name); $0.write($1.weight) }
        out.write(monitoring) { out, monitoring in
            out.write(monitoring.month)
            out.write(monitoring.rate) { $0.write($1) }
            out.write(monitoring.timeProgress)
            out.write(symbol: monitoring.light.rawValue)
            out.write(monitoring.indicatorLights) { $0.write(symbol: $1.rawValue) }
        }
    }

    public init(from input: inout BinaryReader) throws {
        let decimal = { (input: inout BinaryReader) in try input.optional { try $0.decimal() } }
        let execution = try input.optional { input in
            ExecutionResult(weight: try input.decimal(), budget: try input.optional { try Amount(from: &$0) }, spent: try input.optional { try Amount(from: &$0) },
                            rate: try decimal(&input), score: try decimal(&input))
        }
        self.init(execution: execution, indicatorScores: try input.array(decimal), total: try decimal(&input), grade: try input.optionalString(),
                  findings: try input.array { input in
                      let number = try input.int()
                      let code = DiagnosticCode.all.first { $0.number == number } ?? DiagnosticCode(number, "")
                      return Finding(code, try input.choice(Diagnostic.Severity.self), try input.symbol(), try input.string())
                  },
                  level1Points: try input.array { (name: try $0.symbol(), weight: try $0.decimal()) },
                  monitoring: try input.optional { input in
                      MonitoringResult(month: try input.int(), rate: try decimal(&input), timeProgress: try input.decimal(),
                                       light: try input.choice(Light.self), indicatorLights: try input.array { try $0.choice(Light.self) })
                  })
    }
}
