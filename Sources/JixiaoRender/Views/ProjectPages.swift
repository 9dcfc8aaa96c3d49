import Foundation
import JixiaoModel
import JixiaoTemplates

/// The pages of one project: its 绩效目标表 and, when evaluated, its 绩效自评表, each around its sheet
/// (laid out once by `UnitSheets`).
package struct ProjectPages {
    let frame: PageFrame
    let year: Year
    let unit: JixiaoModel.Unit
    let project: Project
    let evaluation: ProjectEvaluation?
    /// The unit's department-wide sheet (`overall:`) rather than a project's.
    var isOverall = false

    var trail: [(title: String, path: String)] {
        [("\(year.year)年", Paths.year(year)), (unit.name, Paths.unit(year, unit)), (project.name, Paths.project(year, unit, project))]
    }

    var goalTitle: String { isOverall ? "\(project.name)部门整体绩效目标表" : "\(project.name)项目绩效目标表" }

    var selfEvaluationTitle: String { isOverall ? "\(project.name)部门整体支出绩效自评表" : "\(project.name)项目支出绩效自评表" }

    func goalPage(_ sheet: RenderedSheet, history: HistoryView? = nil) -> Page {
        let path = Paths.project(year, unit, project)
        return Page(path: path, chrome: frame.chrome(title: goalTitle, path: path, trail: trail, kind: .goal, unit: unit, description: project.goal),
                    view: ProjectPageView(sheet: sheet, history: history, comparison: true),
                    files: OfficeFiles.sheet(OfficeFiles.goalName, in: path, sheet.office.map { [$0] } ?? []), frame: frame)
    }

    func selfEvaluationPage(_ sheet: RenderedSheet, history: HistoryView? = nil) -> Page {
        let path = Paths.selfEvaluation(year, unit, project)
        let chrome = frame.chrome(title: selfEvaluationTitle, path: path, trail: trail + [("绩效自评表", path)], kind: .selfEvaluation, unit: unit,
                                  description: project.outcome ?? project.goal)
        return Page(path: path, chrome: chrome, view: ProjectPageView(sheet: sheet, history: history, comparison: false),
                    files: OfficeFiles.sheet(OfficeFiles.selfEvaluationName, in: path, sheet.office.map { [$0] } ?? []), frame: frame)
    }
}
