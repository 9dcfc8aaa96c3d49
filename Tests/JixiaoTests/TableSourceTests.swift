import Foundation
import Testing
@testable import Jixiao
@testable import JixiaoImport
@testable import JixiaoLoad
@testable import JixiaoTables
import JixiaoModel

/// Table sources (.csv in a unit folder): read by check and build directly, and by import.
@Suite struct TableSourceTests {
    static func projects(_ root: URL) -> [Project] {
        Pipeline.check(root: root).site.years.flatMap(\.units).flatMap(\.projects)
    }

    @Test func gb18030TableLoadsDirectly() throws {
        let checked = Fixtures.check("table-source")
        #expect(checked.diagnostics.isEmpty, "\(checked.diagnostics)")
        let projects = checked.site.years.flatMap(\.units).flatMap(\.projects)
        #expect(projects.map(\.code) == ["150600230000000001", "150600230000000002"])
        #expect(projects.map(\.slug) == ["150600230000000001", "150600230000000002"])
        let first = projects[0]
        #expect(first.name == "信息化运维经费")
        #expect(first.amount.text == "249.00")
        #expect(first.goal == "保障系统运行，\n全年无重大故障。")
        #expect(first.indicators.map(\.name) == ["维护系统数", "服务时间，全天候", "提升服务水平", "用户满意度"])
        #expect(first.indicators.map(\.target.text) == ["大于等于40", "7*24小时", "有效提升", "大于等于90"])
        #expect(first.indicators[1].level1 == "产出指标" && first.indicators[1].level2 == "数量指标")
        #expect(first.indicators[3].unit == "%")
        #expect(projects[1].indicators.count == 3)
        #expect(projects[1].amount.text == "12.5")
    }

    /// The GB18030 table with a quoted two-line 年度目标 and 18-digit codes: loaded directly by check, and
    /// imported into project files, it gives the same projects, indicators and amounts.
    @Test func importRoundTripGivesTheSameProjects() throws {
        let fixture = Fixtures.url("table-source")
        let csv = fixture.appendingPathComponent("content/2022/tables/projects.csv")
        #expect(TextDecoding.decode(try Data(contentsOf: csv))?.encoding == .gb18030)

        let root = Scratch.folder()
        let unit = root.appendingPathComponent("content/2022/tables")
        try FileManager.default.createDirectory(at: unit, withIntermediateDirectories: true)
        for file in ["site.yaml", "2022/tables/_unit.md"] {
            try FileManager.default.copyItem(at: fixture.appendingPathComponent("content/" + file), to: root.appendingPathComponent("content/" + file))
        }
        let report = Importer.run(ImportOptions(files: [csv.path], into: unit.path))
        #expect(report.errors.isEmpty && report.notes.isEmpty && report.refused.isEmpty, "\(report.lines)")
        #expect(report.checked.isEmpty, "\(report.checked)")
        #expect(report.succeeded)
        #expect(report.written == [unit.path + "/150600230000000001.md", unit.path + "/150600230000000002.md"])
        #expect((report.projects, report.indicators) == (2, 7))
        let text = try String(contentsOf: unit.appendingPathComponent("150600230000000001.md"), encoding: .utf8)
        #expect(text.contains("code: \"150600230000000001\"\n"))
        #expect(text.contains("goal: |-\n  保障系统运行，\n  全年无重大故障。\n"))

        let imported = Self.projects(root), direct = Self.projects(fixture)
        #expect(imported.count == 2 && direct.count == 2)
        for (a, b) in zip(imported, direct) {
            #expect(a.slug == b.slug && a.name == b.name && a.code == b.code)
            #expect(a.department == b.department && a.implementer == b.implementer && a.category == b.category)
            #expect(a.goal == b.goal && a.moneyUnit == b.moneyUnit)
            #expect(a.amount.text == b.amount.text)
            #expect(a.funds.overall.initial?.text == b.funds.overall.initial?.text)
            for key in [\Funds.fiscal, \Funds.other] {
                #expect(a.funds[keyPath: key]?.initial?.text == b.funds[keyPath: key]?.initial?.text)
            }
            #expect(a.indicators.count == b.indicators.count)
            for (x, y) in zip(a.indicators, b.indicators) {
                #expect((x.level1, x.level2, x.name, x.target.text, x.unit, x.nature) == (y.level1, y.level2, y.name, y.target.text, y.unit, y.nature))
                #expect(x.weight == y.weight)
            }
        }
        #expect(imported.first?.goal == "保障系统运行，\n全年无重大故障。")
    }

    @Test func tableDiagnosticsPointAtRowAndColumn() throws {
        let csv = "项目名称,资金总额,年度目标,一级指标,二级指标,三级指标,目标值,分值,备用\n"
            + "甲,-5,目标,产出指标,数量指标,次数,≥3,abc,x\n"
            + ",,,,,,,,\n"
            + ",,,产出指标,数量指标,,≥5,1,\n"
        let set = LongTable.drafts(try LongTable.csvRows(Data(csv.utf8), file: "t.csv").get(), file: "t.csv")
        #expect(set.notes.map(\.description) == [
            "t.csv:1:9: warning: column `备用` is not one jixiao reads; its values are ignored",
            "t.csv:4:6: warning: row skipped: it has no 三级指标 (indicator name)",
        ])
        // In a unit folder, the table is read like project files: the same messages, at the cells.
        let site = Scratch.folder()
        let unit = site.appendingPathComponent("content/2022/t")
        try FileManager.default.createDirectory(at: unit, withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: unit.appendingPathComponent("t.csv"))
        let checked = Pipeline.check(root: site)
        #expect(checked.site.years.first?.units.first?.projects.isEmpty == true)
        #expect(checked.diagnostics.map(\.description) == [
            "content/2022/t/t.csv:1:9: warning: column `备用` is not one jixiao reads; its values are ignored",
            "content/2022/t/t.csv:2:2: error: 年度资金总额 (total) may not be negative (-5)",
            "content/2022/t/t.csv:2:8: error: 分值 (weight) must be a number, not \"abc\"",
            "content/2022/t/t.csv:4:6: warning: row skipped: it has no 三级指标 (indicator name)",
        ])
    }

    /// The same mistakes in a table and in the project file `jixiao import` writes from it give the
    /// same messages, each at its own place.
    @Test func aTableAndItsImportedFileSayTheSame() throws {
        let csv = "项目名称,资金总额,年度目标,一级指标,二级指标,三级指标,目标值,计量单位,分值,指标性质\n"
            + "甲,10,目标,产出指标,数量指标,次数,≥3%,次,5,正向\n"
            + ",,,产出指标,数量指标,成本,≥5,万元,1,反向\n"
            + ",,,效益指标,社会效益指标,效果,有效,,x,正向\n"
        let table = Scratch.folder()
        let unit = table.appendingPathComponent("content/2022/t")
        try FileManager.default.createDirectory(at: unit, withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: unit.appendingPathComponent("t.csv"))
        let fromTable = Pipeline.check(root: table).diagnostics.map(\.message)

        let imported = Scratch.folder()
        let into = imported.appendingPathComponent("content/2022/t")
        let report = Importer.run(ImportOptions(files: [unit.appendingPathComponent("t.csv").path], into: into.path))
        let fromFile = report.checked.map(\.message)
        #expect(!fromTable.isEmpty)
        #expect(fromTable.sorted() == fromFile.sorted())
    }

    /// Amounts and numbers of more than 38 digits are refused in tables too, not cut.
    @Test func tooManyDigitsAreRefused() throws {
        let csv = "项目名称,资金总额,年度目标,一级指标,二级指标,三级指标,目标值,分值\n"
            + "甲,\"1,234,567,890,123,456,789,012,345,678,901,234,567,899.99\",目标,产出指标,数量指标,次数,≥3,50.00000000000000000000000000000000000001\n"
        let site = Scratch.folder()
        let unit = site.appendingPathComponent("content/2022/t")
        try FileManager.default.createDirectory(at: unit, withIntermediateDirectories: true)
        try Data(csv.utf8).write(to: unit.appendingPathComponent("t.csv"))
        let checked = Pipeline.check(root: site)
        #expect(checked.site.years.first?.units.first?.projects.isEmpty == true)
        #expect(checked.errors.map(\.code) == [.tooManyDigits, .tooManyDigits], "\(checked.errors)")
        #expect(checked.errors.map(\.location?.column) == [2, 8])
    }

    @Test func continuationRowsFillEmptyProjectCellsAndNoteTheRest() throws {
        let csv = "项目名称,资金总额,年度目标,一级指标,二级指标,三级指标,目标值,分值\n"
            + ",,,产出指标,数量指标,次数,≥1,5\n"
            + "甲,10,,产出指标,数量指标,次数,≥3,50\n"
            + ",,目标在第二行,产出指标,数量指标,人数,≥5,40\n"
            + ",12,别的目标,,,,,\n"
            + ",,,,,,,5\n"
            + "甲,10,目标在第二行,满意度指标,服务对象满意度指标,满意度,≥90,10\n"
        let set = LongTable.drafts(try LongTable.csvRows(Data(csv.utf8), file: "t.csv").get(), file: "t.csv")
        #expect(set.projects.count == 1)
        let project = try #require(set.projects.first)
        #expect(project.total == "10")
        #expect(project.goal == "目标在第二行")
        #expect(project.fieldLocations["goal"] == SourceLocation(file: "t.csv", line: 4, column: 3))
        #expect(project.indicators.map(\.name) == ["次数", "人数", "满意度"])
        #expect(set.notes.map(\.description) == [
            "t.csv:2:1: warning: row skipped: it has no 项目名称 and no project starts above it",
            "t.csv:5:2: warning: 资金总额 \"12\" ignored: it differs from the project's on an earlier row (\"10\"); a project's columns are read once",
            "t.csv:5:3: warning: 年度目标 \"别的目标\" ignored: it differs from the project's on an earlier row (\"目标在第二行\"); a project's columns are read once",
            "t.csv:6:6: warning: row skipped: it has no 三级指标 (indicator name)",
        ])
    }

    @Test func missingRequiredColumnsAreErrors() throws {
        let set = LongTable.drafts([["项目名称", "金额"], ["甲", "1"]], file: "t.csv")
        #expect(set.notes.map(\.description).contains("t.csv:1:1: error: the table has no column 三级指标"))
        #expect(set.projects.isEmpty)
    }

    @Test func decodesUTF8WithBOMAndGB18030() throws {
        let text = "项目名称,绩效\n"
        #expect(TextDecoding.decode(Data([0xEF, 0xBB, 0xBF] + Array(text.utf8)))?.text == text)
        #expect(TextDecoding.decode(Data(text.utf8))?.encoding == .utf8)
        let gb: [UInt8] = [0xBC, 0xA8, 0xD0, 0xA7]  // 绩效 in GB18030
        let decoded = TextDecoding.decode(Data(gb))
        #expect(decoded?.text == "绩效")
        #expect(decoded?.encoding == .gb18030)
    }

    /// A quote that never closes is reported where its cell starts, not as cells missing further down.
    @Test func unterminatedQuoteIsReportedWhereItsCellStarts() {
        let csv = "项目名称,年度目标,一级指标,二级指标,三级指标,目标值\n甲,\"第一行\n第二行\",产出指标,数量指标,次数,≥3\n乙,\"没有结束,产出指标,数量指标,次数,≥3\n丙,目标,产出指标,数量指标,次数,≥3\n"
        guard case let .failure(diagnostic) = LongTable.csvRows(Data(csv.utf8), file: "t.csv") else {
            Issue.record("read")
            return
        }
        #expect(diagnostic.description == "t.csv:3:2: error: unterminated quote: the quoted cell that starts here has no closing \"")
    }

    /// A table that mixes encodings is reported at the first row that is not in the encoding of those above it.
    @Test func mixedEncodingsAreReportedAtTheFirstOtherRow() throws {
        let header = Array("项目名称,年度目标,一级指标,二级指标,三级指标,目标值\n".utf8)
        let utf8Row = Array("甲,目标,产出指标,数量指标,次数,≥3\n".utf8)
        let gbRow: [UInt8] = Array("乙,".utf8) + [0xC4, 0xBF, 0xB1, 0xEA] + Array(",x,y,z,1\n".utf8)  // 目标 in GB18030
        guard case let .failure(diagnostic) = LongTable.csvRows(Data(header + utf8Row + gbRow + utf8Row), file: "t.csv") else {
            Issue.record("read")
            return
        }
        #expect(diagnostic.description == "t.csv:3:2: error: row 3 is not UTF-8 text like the rows above it: the table mixes encodings; save it in one (UTF-8)")
        let gbHeader: [UInt8] = [0xCF, 0xEE, 0xC4, 0xBF, 0xC3, 0xFB, 0xB3, 0xC6] + Array(",x\n".utf8)  // 项目名称
        let gbOnly: [UInt8] = Array("a,".utf8) + [0xC4, 0xBF, 0xB1, 0xEA] + Array("\n".utf8)
        guard case let .failure(other) = LongTable.csvRows(Data(gbHeader + gbOnly + Array("b,\"目标\"\n".utf8) + [0xFF, 0xFF]), file: "g.csv") else {
            Issue.record("read")
            return
        }
        #expect(other.description == "g.csv:3:2: error: row 3 is not GB18030 text like the rows above it: the table mixes encodings; save it in one (UTF-8)")
    }

    /// A cell quoted back in a message is cut to its first 60 characters: a 10 MB header cell is not echoed whole.
    @Test func longCellsAreCutInMessages() {
        let long = String(repeating: "列", count: 5_000_000)
        let set = LongTable.drafts([["项目名称", long, "三级指标", "目标值"], ["甲", "x", "次数", "≥1"]], file: "t.csv")
        let expected = "t.csv:1:2: warning: column `\(String(repeating: "列", count: 60))…` is not one jixiao reads; its values are ignored"
        #expect(set.notes.map(\.description) == [expected])
        let site = Scratch.folder()
        let unit = site.appendingPathComponent("content/2022/t")
        try? FileManager.default.createDirectory(at: unit, withIntermediateDirectories: true)
        let csv = "项目名称,资金总额,年度目标,一级指标,二级指标,三级指标,目标值\n甲,\(String(repeating: "9x", count: 100)),目标,产出指标,数量指标,次数,≥1\n"
        try? Data(csv.utf8).write(to: unit.appendingPathComponent("t.csv"))
        let messages = Pipeline.check(root: site).errors.map(\.message)
        #expect(messages.first == "年度资金总额 (total) must be an amount of money (digits, e.g. 18150.89), not \"\(String(repeating: "9x", count: 30))…\"", "\(messages)")
    }

    @Test func quotedFieldsKeepCommasAndLineBreaks() throws {
        let csv = "项目名称,年度目标\n\"甲,乙\",\"第一行\n第二行\"\n"
        let rows = try LongTable.csvRows(Data(csv.utf8), file: "t.csv").get()
        #expect(rows == [["项目名称", "年度目标"], ["甲,乙", "第一行\n第二行"]])
    }
}
