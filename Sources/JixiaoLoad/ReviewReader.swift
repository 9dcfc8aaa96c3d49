import JixiaoModel

/// `review:` in site.yaml: a severity for any rule (`R05: error`, `R07: off`), the rules' thresholds, and
/// whether `build` writes the review page.
enum ReviewReader {
    /// How a site may set a rule.
    enum Level: String, CaseIterable {
        case error, warning, note, off
    }

    static func read(_ root: MappingReader) -> ReviewSettings {
        var settings = ReviewSettings()
        guard let reader = root.mapping("review", fields: .review) else { return settings }
        for rule in ReviewRule.allCases {
            guard let level = reader.choice(rule.rawValue, Level.self) else { continue }
            settings.severities[rule] = Diagnostic.Severity(rawValue: level.rawValue)
        }
        if let share = RulesReader.fraction(reader, "qualitative_share") { settings.qualitativeShare = share }
        if let floor = reader.nonNegative("satisfaction_floor") {
            if floor <= 100 {
                settings.satisfactionFloor = floor
            } else {
                reader.sink.error(.outOfRange, "\(reader.fields.name("satisfaction_floor")) is a percent from 0 to 100, not \(floor.plain)", at: reader.locationOf("satisfaction_floor"))
            }
        }
        if let length = reader.integer("goal_min_length", in: 0 ... 10_000) { settings.goalMinLength = length }
        if let page = reader.bool("page") { settings.page = page }
        return settings
    }
}
