import JixiaoModel
import JixiaoTables

/// A project read from a table, as the front matter of a project file would hold it: the same keys,
/// each value placed at its table cell (`file:row:column`). Tables go through the same reader as
/// project files, so a table and a `.md` file give the same diagnostics for the same mistake, and what
/// `jixiao import` writes checks the way the table did.
extension ProjectDraft {
    var document: YAMLValue {
        func at(_ location: SourceLocation) -> YAMLPosition { YAMLPosition(line: location.line, column: location.column) }
        func place(_ field: String) -> YAMLPosition { at(fieldLocations[field] ?? location) }
        /// A cell's text, quoted so that `~` or `null` in a cell stays text.
        func text(_ value: String, _ position: YAMLPosition) -> YAMLValue { .scalar(value, plain: false, at: position) }
        func pair(_ key: String, _ value: YAMLValue) -> YAMLPair { YAMLPair(key: key, keyPosition: value.position, value: value) }

        var pairs = [pair("name", text(name, place("name")))]
        for (key, value) in [("code", code), ("department", department), ("implementer", implementer), ("category", category),
                             ("money_unit", moneyUnit)]
        {
            if let value { pairs.append(pair(key, text(value, place(key)))) }
        }
        var funds: [YAMLPair] = []
        if let fiscal { funds.append(pair("fiscal", text(fiscal, place("funds.fiscal")))) }
        if let other { funds.append(pair("other", text(other, place("funds.other")))) }
        if budget != nil || spent != nil {
            var line: [YAMLPair] = []
            if let total { line.append(pair("initial", text(total, place("funds.total")))) }
            if let budget { line.append(pair("budget", text(budget, place("funds.total.budget")))) }
            if let spent { line.append(pair("spent", text(spent, place("funds.total.spent")))) }
            funds.append(pair("total", .mapping(line, at: line.first?.keyPosition ?? at(location))))
        } else if let total {
            funds.append(pair("total", text(total, place("funds.total"))))
        }
        if !funds.isEmpty { pairs.append(pair("funds", .mapping(funds, at: funds[0].keyPosition))) }
        if let goal { pairs.append(pair("goal", text(goal, place("goal")))) }
        if let indicatorsText { pairs.append(pair("indicators_text", text(indicatorsText, place("indicators")))) }
        let rows = indicators.map { indicator -> YAMLValue in
            func cell(_ field: String) -> YAMLPosition { at(indicator.fieldLocations[field] ?? indicator.location) }
            var row = [pair("level1", text(indicator.level1, cell("level1"))), pair("level2", text(indicator.level2, cell("level2"))),
                       pair("name", text(indicator.name, at(indicator.location))), pair("target", text(indicator.target, cell("target")))]
            for (key, value) in [("unit", indicator.unit), ("nature", indicator.nature), ("weight", indicator.weight), ("note", indicator.note),
                                 ("actual", indicator.actual), ("score", indicator.score), ("reason", indicator.reason)]
            {
                if let value { row.append(pair(key, text(value, cell(key)))) }
            }
            return .mapping(row, at: at(indicator.location))
        }
        if !rows.isEmpty { pairs.append(pair("indicators", .sequence(rows, at: rows[0].position))) }
        return .mapping(pairs, at: at(location))
    }
}
