/// A diagnostic's stable code (`JX101`), for scripts and for looking it up in docs/content-format.md.
/// Codes are grouped by the step that reports them: JX1xx content files, JX2xx tables and import,
/// JX3xx check and scoring, JX4xx templates, JX5xx the output folder, JX6xx printing, JX7xx the preview
/// server. A code keeps its number and meaning; new ones are added, none is reused.
public struct DiagnosticCode: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let number: Int
    /// What the code means, in one line (docs/content-format.md lists them).
    public let meaning: String

    public init(_ number: Int, _ meaning: String) {
        self.number = number
        self.meaning = meaning
    }

    /// `JX101`.
    public var description: String { "JX\(number)" }

    public static func < (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.number < rhs.number }

    public static func == (lhs: DiagnosticCode, rhs: DiagnosticCode) -> Bool { lhs.number == rhs.number }

    public func hash(into hasher: inout Hasher) { hasher.combine(number) }
}

// MARK: JX1xx: content files (folders, front matter, fields)

extension DiagnosticCode {
    public static let unknownKey = DiagnosticCode(101, "a key that this kind of mapping does not have (a typo is named)")
    public static let wrongKind = DiagnosticCode(102, "a value of the wrong kind: text, a mapping or a list where another is needed")
    public static let missingField = DiagnosticCode(103, "a required field is missing")
    public static let emptyField = DiagnosticCode(104, "a required field is empty")
    public static let notANumber = DiagnosticCode(105, "a field that holds a number holds something else")
    public static let negative = DiagnosticCode(106, "a number or amount that may not be negative is")
    public static let notAnAmount = DiagnosticCode(107, "an amount of money is not written as one")
    public static let outOfRange = DiagnosticCode(108, "a whole number outside its range")
    public static let notAChoice = DiagnosticCode(109, "a value that is not one of those the field allows")
    public static let notABoolean = DiagnosticCode(110, "a field that is true or false holds something else")
    public static let malformedYAML = DiagnosticCode(111, "the YAML does not parse")
    public static let emptyFile = DiagnosticCode(112, "a content file is empty, or its front matter is")
    public static let noFrontMatter = DiagnosticCode(113, "a project or unit file does not start with front matter")
    public static let frontMatterNotClosed = DiagnosticCode(114, "front matter without its closing `---` line")
    public static let notUTF8 = DiagnosticCode(115, "a content file is not UTF-8")
    public static let unreadable = DiagnosticCode(116, "a file or folder cannot be read")
    public static let noContent = DiagnosticCode(117, "the site has no content/ folder")
    public static let notAYear = DiagnosticCode(118, "a folder in content/ that is not a year of four digits")
    public static let misplacedFile = DiagnosticCode(119, "a project file outside a unit folder")
    public static let unusableName = DiagnosticCode(120, "a folder or file name that cannot be part of a URL")
    public static let ignoredFolder = DiagnosticCode(121, "a folder inside a unit folder, which is not read")
    public static let sameAddress = DiagnosticCode(122, "two projects would be published at the same address")
    public static let noFunds = DiagnosticCode(123, "a project, or one of its sources of funds, gives no amount")
    public static let fundsDoNotAdd = DiagnosticCode(124, "a stated total of funds is not the sum of its sources")
    public static let badSpendingPlan = DiagnosticCode(125, "a spending plan that is not months with cumulative percents")
    public static let targetUnitMismatch = DiagnosticCode(126, "a target written in another unit than the indicator's 计量单位")
    public static let natureMismatch = DiagnosticCode(127, "指标性质 (nature) disagrees with the target's comparison")
    public static let noIndicators = DiagnosticCode(128, "a project without indicators")
    public static let tooLarge = DiagnosticCode(129, "a content file or table larger than site.yaml allows")
    public static let anchorOrAlias = DiagnosticCode(130, "a YAML anchor or alias, which content files may not use")
    public static let nestedTooDeep = DiagnosticCode(131, "YAML nested deeper than content needs")
    public static let duplicateKey = DiagnosticCode(132, "a key written twice in one mapping")
    public static let badBaseURL = DiagnosticCode(133, "a base_url that is neither an absolute path nor an http(s) address")
    public static let symbolicLink = DiagnosticCode(134, "a symbolic link that leads outside the site, or nowhere")
    public static let controlCharacter = DiagnosticCode(135, "a control character other than tab and line break in a content file")
    public static let tooManyDigits = DiagnosticCode(136, "a number with more digits than can be held exactly")
    public static let targetWithoutNumber = DiagnosticCode(137, "a target with a comparison but no number")
    public static let ruleOutOfRange = DiagnosticCode(138, "a scoring rule outside the values it allows")
    public static let ignoredFile = DiagnosticCode(150, "a file in a unit folder that looks like a project or table but is not read")
    public static let badOrder = DiagnosticCode(151, "项目顺序 (order) names a file twice, or one that is no project of the unit")
    public static let notADate = DiagnosticCode(139, "a date of the page metadata not written as 2022-01-15 (or 2022-01-15 09:30)")
    public static let unknownMonitoredIndicator = DiagnosticCode(160, "a monitored indicator (monitoring.indicators) that names no 三级指标 of the project")
}

// MARK: JX2xx: tables and import

extension DiagnosticCode {
    public static let tableEncoding = DiagnosticCode(201, "a table that is neither UTF-8 nor GB18030 text")
    public static let invalidCSV = DiagnosticCode(202, "a table that is not valid CSV")
    public static let emptyTable = DiagnosticCode(203, "a table without a header row")
    public static let ignoredColumn = DiagnosticCode(204, "a column that jixiao does not read")
    public static let missingColumn = DiagnosticCode(205, "a table without a column jixiao needs")
    public static let rowSkipped = DiagnosticCode(206, "a row or item of a table that is not read")
    public static let cellDiffers = DiagnosticCode(207, "a project's cell that differs from its value on an earlier row")
    public static let layoutIncomplete = DiagnosticCode(208, "a published layout whose header or blocks are missing")
    public static let readWithChange = DiagnosticCode(209, "a cell or item read with a change (split, repaired, kept as 定性)")
    public static let unknownSource = DiagnosticCode(210, "a file whose kind jixiao cannot tell")
    public static let unreadableWorkbook = DiagnosticCode(211, "an .xlsx workbook that cannot be read")
    public static let unsupportedWorkbook = DiagnosticCode(212, "a workbook format that is not read (.xls, .et …)")
    public static let notAUnitFolder = DiagnosticCode(213, "`--into` does not name a unit folder")
    public static let notOverwritten = DiagnosticCode(214, "a file that exists and is not overwritten without --force")
    public static let cannotWriteContent = DiagnosticCode(215, "a content file or folder that cannot be written")
    public static let nothingToImport = DiagnosticCode(216, "an import without a file, or a file without a project")
    public static let sheetWithoutWorkbook = DiagnosticCode(217, "`--sheet` without an .xlsx workbook")
    public static let notCombined = DiagnosticCode(218, "a unit's value from several files that is not written")
    public static let tableControlCharacter = DiagnosticCode(219, "a table cell with a control character other than tab and line break")
    public static let notAnEmptyFolder = DiagnosticCode(250, "`jixiao init` into a folder that is not empty")
    public static let publishedFigureDiffers = DiagnosticCode(260, "a 得分, 总分 or group's points a form prints that differ from jixiao's figure")
    public static let looksCutOff = DiagnosticCode(261, "a cell that looks cut off in the source, kept as published")
}

// MARK: JX3xx: check and scoring

extension DiagnosticCode {
    public static let duplicateCode = DiagnosticCode(301, "a 项目编码 used twice in a year")
    public static let bookletAddress = DiagnosticCode(302, "a project file that would take the address of a unit's booklet")
    public static let unitTotalMismatch = DiagnosticCode(303, "a unit's 合计 that is not the sum of its projects")
    public static let spentMissing = DiagnosticCode(304, "a self-evaluation without 全年执行数 (spent)")
    public static let zeroBudget = DiagnosticCode(305, "an amount spent against a 全年预算数 of 0")
    public static let nothingBudgeted = DiagnosticCode(306, "全年预算数 and 全年执行数 both 0: no execution score")
    public static let lowExecution = DiagnosticCode(307, "预算执行率 below the threshold without an explanation")
    public static let actualMissing = DiagnosticCode(308, "an indicator of a self-evaluation without its actual value")
    public static let weightMissing = DiagnosticCode(309, "an indicator without 分值 (weight)")
    public static let weightsDoNotAdd = DiagnosticCode(310, "分值 of the indicators and the execution weight do not make 100")
    public static let level1Split = DiagnosticCode(311, "一级指标 points that differ from the site's split")
    public static let belowWeight = DiagnosticCode(312, "a score below its weight without 偏差原因分析 (reason)")
    public static let ratingOnNumber = DiagnosticCode(313, "评级 (rating) on an indicator with a numeric target")
    public static let actualNotANumber = DiagnosticCode(314, "an actual value that is no number against a numeric target")
    public static let actualUnitMismatch = DiagnosticCode(315, "an actual value in another unit than the indicator's")
    public static let scoreOutOfRange = DiagnosticCode(316, "a typed 得分 outside 0 to the weight, or outside its rating's band")
    public static let scoreDiffers = DiagnosticCode(317, "a typed 得分 that differs from the formula's")
    public static let overachieved = DiagnosticCode(318, "an actual value far above its target")
    public static let ratingWithoutScore = DiagnosticCode(319, "评级 without 得分: scored at the floor of its band")
    public static let unscorable = DiagnosticCode(320, "a 定性 indicator whose actual value is not its target, without a rating or score")
    public static let overspent = DiagnosticCode(350, "全年执行数 above 全年预算数: the execution score is capped at its weight")
    public static let fractionForPercent = DiagnosticCode(351, "an actual value written as a fraction (0.96) against a target in % (95%)")
    public static let monitoringSpentAboveBudget = DiagnosticCode(360, "1-N月执行数 (monitoring.spent) above the year's budget")
    public static let monitoringWithoutBase = DiagnosticCode(361, "a monitored project without a budget to measure its execution against")
    public static let brokenLink = DiagnosticCode(370, "a link or download of a page that leads to no file or anchor of the site (`check --links`)")
}

// MARK: JX4xx: templates; JX5xx: the output folder

extension DiagnosticCode {
    public static let templateSyntax = DiagnosticCode(401, "a template that does not parse")
    public static let missingPartial = DiagnosticCode(402, "a template that names a partial that does not exist")
    public static let cannotWriteSite = DiagnosticCode(501, "the site cannot be written to the output folder")
    public static let outputNotAllowed = DiagnosticCode(502, "the output folder is the file system's root, the site root or above it, or inside content/ or templates/")
    public static let outputNotOwn = DiagnosticCode(503, "the output folder holds files that jixiao did not write, and no manifest")
    public static let outputNotAFolder = DiagnosticCode(504, "the output path names a file, not a folder")
    public static let manifestLineIgnored = DiagnosticCode(505, "lines of the output folder's manifest that name no file inside it, ignored")
    public static let previousSiteNotRemoved = DiagnosticCode(506, "the previous site could not be removed after the new one was put in place")
    public static let searchIndexNotBuilt = DiagnosticCode(507, "search: true, but Pagefind, which builds the search index, is not installed")
    public static let searchIndexFailed = DiagnosticCode(508, "Pagefind failed to build the search index")
}

// MARK: JX7xx: the preview server

extension DiagnosticCode {
    public static let buildStopped = DiagnosticCode(701, "a build stopped because the preview server is shutting down")
}

// MARK: JX6xx: printing

extension DiagnosticCode {
    public static let badUnitArgument = DiagnosticCode(601, "`--unit` is not <year>/<unit>")
    public static let unknownUnit = DiagnosticCode(602, "`--unit` names a unit the site does not have")
    public static let nothingToPrint = DiagnosticCode(603, "the unit has no sheet of the kind asked for")
    public static let notPrintedForErrors = DiagnosticCode(604, "nothing printed: the content or templates have errors")
    public static let noBrowser = DiagnosticCode(605, "no headless Chromium to print with")
    public static let printFailed = DiagnosticCode(606, "the browser failed or timed out")
    public static let cannotWritePDF = DiagnosticCode(607, "the PDF or its working files cannot be written")
    public static let noChineseFont = DiagnosticCode(608, "no font for Chinese is installed")
}

extension DiagnosticCode {
    /// Every code, in order.
    public static let all: [DiagnosticCode] = [
        unknownKey, wrongKind, missingField, emptyField, notANumber, negative, notAnAmount, outOfRange, notAChoice,
        notABoolean, malformedYAML, emptyFile, noFrontMatter, frontMatterNotClosed, notUTF8, unreadable, noContent, notAYear,
        misplacedFile, unusableName, ignoredFolder, sameAddress, noFunds, fundsDoNotAdd, badSpendingPlan, targetUnitMismatch,
        natureMismatch, noIndicators, tooLarge, anchorOrAlias, nestedTooDeep, duplicateKey, badBaseURL, symbolicLink, controlCharacter,
        tooManyDigits, targetWithoutNumber, ruleOutOfRange, notADate, ignoredFile, badOrder, unknownMonitoredIndicator,
        tableEncoding, invalidCSV, emptyTable, ignoredColumn, missingColumn, rowSkipped, cellDiffers, layoutIncomplete,
        readWithChange, unknownSource, unreadableWorkbook, unsupportedWorkbook, notAUnitFolder, notOverwritten,
        cannotWriteContent, nothingToImport, sheetWithoutWorkbook, notCombined, tableControlCharacter, notAnEmptyFolder,
        publishedFigureDiffers, looksCutOff,
        duplicateCode, bookletAddress, unitTotalMismatch, spentMissing, zeroBudget, nothingBudgeted, lowExecution,
        actualMissing, weightMissing, weightsDoNotAdd, level1Split, belowWeight, ratingOnNumber, actualNotANumber,
        actualUnitMismatch, scoreOutOfRange, scoreDiffers, overachieved, ratingWithoutScore, unscorable, overspent,
        fractionForPercent, monitoringSpentAboveBudget, monitoringWithoutBase, brokenLink,
        templateSyntax, missingPartial,
        cannotWriteSite, outputNotAllowed, outputNotOwn, outputNotAFolder, manifestLineIgnored, previousSiteNotRemoved, searchIndexNotBuilt, searchIndexFailed,
        badUnitArgument, unknownUnit, nothingToPrint, notPrintedForErrors, noBrowser, printFailed, cannotWritePDF, noChineseFont,
        buildStopped,
    ]
}
