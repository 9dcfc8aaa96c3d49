import Foundation
import JixiaoModel
import JixiaoOffice

/// The files written beside the pages when the site writes office files (`office_files`, on by default):
/// each sheet and booklet as .xlsx and .docx, each unit's 公开表 as .xlsx, and the data as JSON and CSV.
package enum OfficeFiles {
    static func sheet(_ name: String, in folder: String, _ sheets: [PreparedSheet]) -> [PageFile] {
        guard !sheets.isEmpty else { return [] }
        return [
            PageFile(path: folder + name + ".xlsx") { try XLSXWriter.workbook(sheets.map(\.worksheet)) },
            PageFile(path: folder + name + ".docx") { try DOCXWriter.document(sheets.map(\.section)) },
        ]
    }

    static let goalName = "goal-table", selfEvaluationName = "self-evaluation", monitoringName = "monitoring", disclosureName = "disclosure"
    /// The department-wide goal table's files, in the unit's folder beside its page.
    static let overallGoalName = "overall-goal-table"

    static func bookletName(_ kind: BookletKind) -> String { kind.rawValue }

    /// The data the build writes from the checked site: the whole site's, or a unit's.
    package static func data(unit folder: String?) -> [String] {
        guard let folder else { return ["data.json"] }
        return [folder + "data.json", folder + "data.csv"]
    }
}

/// A sheet written once for office files: its worksheet and its part of a Word document.
struct PreparedSheet: Sendable {
    let worksheet: XLSXWriter.Worksheet
    let section: DOCXWriter.Section

    init(_ sheet: OfficeSheet) {
        worksheet = XLSXWriter.Worksheet(sheet)
        section = DOCXWriter.Section(sheet)
    }

    /// The bytes it holds.
    var bytes: Int { worksheet.bytes + section.bytes }
}

extension SitePages {
    /// Every file written with a page besides its HTML and Markdown, made by the page (`Page.files`) or, for
    /// the data, by the build.
    package func files(_ reference: Reference) -> [String] {
        guard checked.site.officeFiles else { return [] }
        let path = path(reference)
        let both = { (name: String, folder: String) in [folder + name + ".xlsx", folder + name + ".docx"] }
        switch reference {
        case .home: return OfficeFiles.data(unit: nil)
        case .year, .review, .search: return []
        case let .unit(y, u):
            let overall = checked.site.years[y].units[u].overall != nil ? both(OfficeFiles.overallGoalName, path) : []
            return [path + OfficeFiles.disclosureName + ".xlsx"] + overall + OfficeFiles.data(unit: path)
        case .goal: return both(OfficeFiles.goalName, path)
        case .selfEvaluation: return both(OfficeFiles.selfEvaluationName, path)
        case .monitoring: return both(OfficeFiles.monitoringName, path)
        case .overall: return both(OfficeFiles.selfEvaluationName, path)
        case let .booklet(kind, y, u):
            return both(OfficeFiles.bookletName(kind), Paths.unit(checked.site.years[y], checked.site.years[y].units[u]))
        }
    }

    /// The data files of a page, which the build writes.
    package func dataFiles(_ reference: Reference) -> [String] {
        files(reference).filter { $0.hasSuffix(".json") || $0.hasSuffix(".csv") }
    }
}
