#!/usr/bin/env python3
"""The checks of script/office-test, on the office and data files that `jixiao build` writes.

  office_checks.py --jixiao BIN --check-json FILE --site DIR --work DIR --profile URL --pdf-dir DIR

Run from the project's root, with openpyxl and python-docx importable. CHECK_JSON is what
`jixiao check --json .` printed, SITE what `jixiao build . --output SITE` wrote; WORK is a scratch
folder, PROFILE the file:// URL of a scratch folder for LibreOffice's settings, PDF_DIR where the PDFs
that LibreOffice makes are kept. The checks, each group in turn:

  files       every unit, project and self-evaluation folder holds its office files, and no other;
              every download link of the pages leads to a file that is there
  xlsx        each workbook holds, in order, the text of every cell of the page it comes from (a number
              as a number), a merged range for each cell that spans rows or columns, numbers as numbers
              and long codes as text, A4 paper and, where the sheet has a header row, print titles
  docx        each document holds as many tables as its page (one per self-evaluation sheet), every
              cell's text in order, on A4 pages
  zibo        the 12 self-evaluation sheets of 2021/zibo, each with its 总分 100, and the workbook read
              back by `jixiao import`
  data        data.json holds what `jixiao check --json` computed, data.csv a row per indicator
  libreoffice four files converted to PDF, their 总分 rows and projects found by pdftotext

Prints one `ok` line per group of checks that passed, `FAIL:` lines for each problem found, then
`office-test: N passed, M failed`; exits 1 when a group failed.
"""
import argparse
import csv
import io
import json
import re
import shutil
import subprocess
import sys
from decimal import Decimal, InvalidOperation
from html.parser import HTMLParser
from pathlib import Path

import docx
import openpyxl
from docx.shared import Mm
from docx.table import _Cell

# Problems printed per group before the rest is only counted.
SHOWN = 12


def normalise(text):
    """Text with its runs of whitespace (of any kind) made one space, and none at either end."""
    return " ".join(str(text).split())


def squeeze(text):
    """Text without any whitespace: pdftotext spaces CJK text as it is laid out, not as written."""
    return re.sub(r"\s+", "", text)


NUMBER = re.compile(r"[+-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?%?")
# A code that a spreadsheet would spoil as a number: digits and letters, or a long run of digits.
CODE = re.compile(r"(?=[0-9A-Za-z]*\d)(?=[0-9A-Za-z]*[A-Za-z])[0-9A-Za-z]{10,}|\d{12,}|0\d{5,}")


def page_number(text):
    """The value of a number as the page writes it ("13,000", "18150.89", "100%"), or None."""
    if not NUMBER.fullmatch(text):
        return None
    percent = text.endswith("%")
    value = Decimal(text.rstrip("%").replace(",", ""))
    return (value / 100 if percent else value), percent


def is_number(value):
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def shown_differently(text, value, number_format):
    """Why a spreadsheet shows the number otherwise than the page's text (decimals, thousands
    separators), or None when it shows it alike."""
    page_decimals = len(text.rstrip("%").partition(".")[2])
    if number_format == "General":
        decimals = 0 if float(value).is_integer() else len(repr(float(value)).partition(".")[2])
        grouped = False
    else:
        section = re.sub(r'"[^"]*"|\\.|\[[^]]*\]', "", number_format.split(";")[0])
        whole, _, fraction = section.partition(".")
        decimals = len(re.findall(r"[0#?]", fraction))
        grouped = "," in whole
    if decimals != page_decimals:
        return f"{decimals} decimals ({number_format}) for the page's {page_decimals}"
    if abs(value) >= 1000 and grouped != ("," in text):
        return f"{'a' if grouped else 'no'} thousands separator ({number_format}), the page {'none' if grouped else 'one'}"
    return None


# ---------------------------------------------------------------------------------------------------
# Reading the pages


class Cell:
    def __init__(self, tag, attrs):
        self.tag = tag
        self.classes = (attrs.get("class") or "").split()
        self.rowspan = int(attrs.get("rowspan") or 1)
        self.colspan = int(attrs.get("colspan") or 1)
        self.plain = []  # the text without <sup> marks
        self.full = []  # the text with them
        self.text = self.full_text = ""
        self.table = self.row = 0
        self.hidden = False  # the page hides part of its content in print

    def close(self):
        self.text = normalise("".join(self.plain))
        self.full_text = normalise("".join(self.full))

    @property
    def spans(self):
        return self.rowspan > 1 or self.colspan > 1

    def where(self):
        return f"table {self.table + 1}, row {self.row + 1}"


class Table:
    def __init__(self, attrs, article):
        self.classes = (attrs.get("class") or "").split()
        self.article = article  # index of the sheet article it is in, or None
        self.rows = []  # (section, [Cell])


class PageParser(HTMLParser):
    """The sheet articles of a page and the tables, rows and cells in and beside them.

    What the style sheet hides in print (`.screen-only`, `.sheet-link`: links to other pages, such as a
    project's 自评 score beside its name in the 公开表) is no part of the printed form, nor of the office
    files: it is left out of the cells' text, and each cell it was in counted (Cell.hidden)."""

    BREAKS = {"p", "br", "div", "li", "ul", "ol", "h1", "h2", "h3"}
    HIDDEN = {"screen-only", "sheet-link"}
    VOID = {"br", "img", "hr", "input", "meta", "link", "wbr", "col", "area", "base", "source", "track", "embed"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.articles = []  # the classes of each `<article class="sheet …">`
        self.tables = []
        self.article = None
        self.table = None
        self.section = "tbody"
        self.cell = None
        self.sup = 0
        self.hidden = 0  # elements open inside one hidden in print

    @classmethod
    def parse(cls, html_path):
        parser = cls()
        parser.feed(Path(html_path).read_text(encoding="utf-8"))
        return parser

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.hidden or self.HIDDEN & set((attrs.get("class") or "").split()):
            if tag not in self.VOID:
                self.hidden += 1
            if self.cell is not None:
                self.cell.hidden = True
            return
        if tag == "article" and "sheet" in (attrs.get("class") or "").split():
            self.articles.append((attrs.get("class") or "").split())
            self.article = len(self.articles) - 1
        elif tag == "table":
            if self.table is not None:
                raise ValueError("a table inside a table")
            self.table = Table(attrs, self.article)
            self.tables.append(self.table)
            self.section = "tbody"
        elif tag in ("thead", "tbody", "tfoot"):
            self.section = tag
        elif tag == "tr" and self.table is not None:
            self.table.rows.append((self.section, []))
        elif tag in ("td", "th") and self.table is not None:
            self.cell = Cell(tag, attrs)
            self.cell.table = len([t for t in self.tables if t.article == self.table.article]) - 1
            self.cell.row = len(self.table.rows) - 1
            self.table.rows[-1][1].append(self.cell)
        elif tag == "sup":
            self.sup += 1
        elif tag in self.BREAKS and self.cell is not None:
            self.cell.plain.append(" ")
            self.cell.full.append(" ")

    def handle_endtag(self, tag):
        if self.hidden:
            self.hidden -= 1
            return
        if tag in ("td", "th") and self.cell is not None:
            self.cell.close()
            self.cell = None
        elif tag == "table":
            self.table = None
        elif tag == "article":
            self.article = None
        elif tag == "sup":
            self.sup -= 1
        elif tag in self.BREAKS and self.cell is not None:
            self.cell.plain.append(" ")
            self.cell.full.append(" ")

    def handle_data(self, data):
        if self.cell is not None and not self.hidden:
            self.cell.full.append(data)
            if not self.sup:
                self.cell.plain.append(data)


class Sheet:
    """One sheet of a page: its tables, as the office files should hold them."""

    def __init__(self, tables, kind):
        self.tables = tables
        self.kind = kind  # "goal", "self-evaluation", "monitoring" or "disclosure"
        self.cells = [c for t in tables for _, row in t.rows for c in row]
        self.header_rows = [[c.text for c in row if c.text] for t in tables for section, row in t.rows if section == "thead"]


def page_sheets(html_path, kind):
    parser = PageParser.parse(html_path)
    if kind == "disclosure":
        return [Sheet([t], kind) for t in parser.tables if "disclosure-table" in t.classes]
    sheets = []
    for index, classes in enumerate(parser.articles):
        sheet_kind = "self-evaluation" if "self-evaluation-sheet" in classes else "monitoring" if "monitoring-sheet" in classes else "goal"
        sheets.append(Sheet([t for t in parser.tables if t.article == index], sheet_kind))
    return sheets


def follow(page_cells, doc_cells, matches):
    """Finds the page's cells in order among the document's.

    Returns (found, missing): found the pairs (page cell, index of the document's cell), missing the
    page cells not found, each with the document's cells before and after the place it should be at."""
    found, missing, at = [], [], 0
    for cell in page_cells:
        for index in range(at, len(doc_cells)):
            if matches(cell, doc_cells[index]):
                found.append((cell, index))
                at = index + 1
                break
        else:
            missing.append((cell, doc_cells[at - 1] if at else None, doc_cells[at] if at < len(doc_cells) else None))
    return found, missing


# ---------------------------------------------------------------------------------------------------
# Reporting


class Group:
    passed = 0
    failed = 0

    def __init__(self, title):
        self.title = title
        self.problems = []

    def fail(self, message):
        self.problems.append(message)

    def done(self, summary):
        if self.problems:
            Group.failed += 1
            for message in self.problems[:SHOWN]:
                print(f"FAIL: {self.title}: {message}", file=sys.stderr, flush=True)
            if len(self.problems) > SHOWN:
                print(f"FAIL: {self.title}: … and {len(self.problems) - SHOWN} more", file=sys.stderr, flush=True)
        else:
            Group.passed += 1
            print(f"  ok  {self.title}: {summary}", flush=True)


class Tally:
    def __init__(self):
        self.sheets = self.cells = self.found = 0
        self.spans = self.numbers = self.codes = self.tables = self.hidden = 0

    def hidden_note(self):
        return f", {self.hidden} of them without the links print hides" if self.hidden else ""

    def share(self):
        return f"{100 * self.found / self.cells:.1f}%" if self.cells else "100%"


# ---------------------------------------------------------------------------------------------------
# The site


def load_units(check_json):
    """The units of the site, in the order of `jixiao check --json`, each with its projects."""
    with open(check_json, encoding="utf-8") as handle:
        report = json.load(handle)
    units = {}
    for project in report["projects"]:
        units.setdefault(f"{project['year']}/{project['unit']}", []).append(project)
    return units


def load_overall(check_json):
    """Each unit's department-wide sheet (`overall` of the report's `units`), or None."""
    with open(check_json, encoding="utf-8") as handle:
        report = json.load(handle)
    return {f"{unit['year']}/{unit['unit']}": unit.get("overall") for unit in report.get("units", [])}


def evaluated(projects):
    return [p for p in projects if p["total"] is not None]


def office_files(site, units, overall=None):
    """Every office file the site should hold: (xlsx or docx path, page, kind, unit)."""
    files = []
    for unit, projects in units.items():
        base = site / unit
        files.append((base / "disclosure.xlsx", base / "index.html", "disclosure", unit))
        for ext in ("xlsx", "docx"):
            sheet = (overall or {}).get(unit)
            if sheet is not None:
                files.append((base / f"overall-goal-table.{ext}", base / "index.html", "overall-goal-table", unit))
                if sheet.get("total") is not None:
                    page = base / "self-evaluation" / "index.html"
                    files.append((base / "self-evaluation" / f"self-evaluation.{ext}", page, "overall-self-evaluation", unit))
            files.append((base / f"goal-tables.{ext}", base / "goal-tables" / "index.html", "goal-tables", unit))
            if evaluated(projects):
                files.append((base / f"self-evaluations.{ext}", base / "self-evaluations" / "index.html", "self-evaluations", unit))
            for project in projects:
                folder = base / project["slug"]
                files.append((folder / f"goal-table.{ext}", folder / "index.html", "goal-table", unit))
                if project["total"] is not None:
                    page = folder / "self-evaluation" / "index.html"
                    files.append((folder / "self-evaluation" / f"self-evaluation.{ext}", page, "self-evaluation", unit))
                if project.get("monitoring") is not None:
                    page = folder / "monitoring" / "index.html"
                    files.append((folder / "monitoring" / f"monitoring.{ext}", page, "monitoring-sheet", unit))
            if any(p.get("monitoring") is not None for p in projects):
                files.append((base / f"monitoring.{ext}", base / "monitoring" / "index.html", "monitoring-sheets", unit))
    return files


def check_files(site, units, files):
    group = Group("files")
    expected = {path for path, _, _, _ in files}
    for unit in units:
        expected |= {site / unit / "data.json", site / unit / "data.csv"}
    expected.add(site / "data.json")
    for path in sorted(expected):
        if not path.is_file() or path.stat().st_size == 0:
            group.fail(f"{path.relative_to(site)} is missing or empty")
    for path, page, _, _ in files:
        if not page.is_file():
            group.fail(f"{page.relative_to(site)}, the page of {path.name}, is missing")
    strays = [p for ext in ("xlsx", "docx", "csv") for p in site.rglob(f"*.{ext}") if p not in expected]
    strays += [p for p in site.rglob("data.json") if p not in expected]
    for path in sorted(strays):
        group.fail(f"{path.relative_to(site)} was written but belongs to no unit or project")
    # The pages link their downloads: each link leads to a file of the site.
    links = 0
    for page in site.rglob("*.html"):
        for href in re.findall(r'href="(/[^"]+\.(?:xlsx|docx|json|csv))"', page.read_text(encoding="utf-8")):
            links += 1
            if not (site / href.lstrip("/")).is_file():
                group.fail(f"{page.relative_to(site)} links {href}, which is not there")
    if links == 0:
        group.fail("no page links an office or data file")
    group.done(f"{len(expected)} office and data files in {len(units)} units, {links} download links that resolve")


# ---------------------------------------------------------------------------------------------------
# Workbooks


def sheet_values(worksheet):
    """The worksheet's cells with a value, row by row."""
    return [c for row in worksheet.iter_rows() for c in row if c.value is not None and normalise(c.value) != ""]


def xlsx_matches(page_cell, cell):
    value = cell.value
    if is_number(value):
        parsed = page_number(page_cell.text)
        if parsed is None:
            return False
        number, percent = parsed
        if percent and "%" not in cell.number_format:
            return False
        return abs(Decimal(repr(value)) - number) <= Decimal("1e-9") * max(1, abs(number))
    return normalise(value) in (page_cell.text, page_cell.full_text)


def merged_at(worksheet, row, column):
    for merged in worksheet.merged_cells.ranges:
        if merged.min_row == row and merged.min_col == column:
            return merged
    return None


def print_title_rows(worksheet):
    """The rows that repeat on every printed page, as (first, last), or None."""
    titles = worksheet.print_title_rows
    if not titles:
        return None
    match = re.fullmatch(r"\$?(\d+):\$?(\d+)", titles)
    return (int(match.group(1)), int(match.group(2))) if match else None


def check_worksheet(group, tally, name, worksheet, sheet):
    cells = sheet_values(worksheet)
    page_cells = [c for c in sheet.cells if c.text]
    found, missing = follow(page_cells, cells, xlsx_matches)
    tally.cells += len(page_cells)
    tally.found += len(found)
    tally.hidden += sum(1 for c in page_cells if c.hidden)
    for cell, before, after in missing:
        place = f" after {before.coordinate} {normalise(before.value)[:20]!r}" if before is not None else ""
        place += f"; next is {after.coordinate} {normalise(after.value)[:40]!r}" if after is not None else ""
        group.fail(f"{name}: page cell {cell.text[:40]!r} ({cell.where()}) not found in order{place}")

    # Cells that span rows or columns on the page are merged ranges of as many rows, at least as many columns.
    spanning = [c for c in sheet.cells if c.spans]
    with_text = {id(c) for c in spanning if c.text}
    for cell, index in found:
        if id(cell) not in with_text:
            continue
        target = cells[index]
        merged = merged_at(worksheet, target.row, target.column)
        rows = merged.max_row - merged.min_row + 1 if merged else 1
        columns = merged.max_col - merged.min_col + 1 if merged else 1
        if rows != cell.rowspan or columns < cell.colspan:
            got = f"merged {merged.coord}" if merged else "not merged"
            group.fail(f"{name}: {target.coordinate} {cell.text[:30]!r} spans {cell.rowspan} rows × {cell.colspan} "
                       f"columns on the page, {got} in the workbook")
        else:
            tally.spans += 1
    if len(worksheet.merged_cells.ranges) < len(spanning):
        group.fail(f"{name}: {len(worksheet.merged_cells.ranges)} merged ranges for the {len(spanning)} cells that span on the page")

    # Numbers are numbers; codes are text, exactly as written.
    for cell, index in found:
        target = cells[index]
        if "num" in cell.classes and page_number(cell.text) is not None:
            tally.numbers += 1
            if not is_number(target.value):
                group.fail(f"{name}: {target.coordinate} holds {target.value!r} as text, the page's number {cell.text!r}")
            elif shown_differently(cell.text, target.value, target.number_format):
                why = shown_differently(cell.text, target.value, target.number_format)
                group.fail(f"{name}: {target.coordinate} shows {target.value!r} with {why} {cell.text!r}")
        if CODE.fullmatch(cell.text):
            tally.codes += 1
            if target.data_type != "s" or target.value != cell.text:
                group.fail(f"{name}: {target.coordinate} holds the code {cell.text!r} as {target.value!r} ({target.data_type})")

    # A4 paper; the header row repeats on every printed page.
    if str(worksheet.page_setup.paperSize) != "9":
        group.fail(f"{name}: paper size {worksheet.page_setup.paperSize}, not A4 (9)")
    if sheet.header_rows:
        titles = print_title_rows(worksheet)
        if titles is None:
            group.fail(f"{name}: the sheet has a header row, the worksheet no print titles ({worksheet.print_title_rows!r})")
        else:
            values = [normalise(c.value) for row in worksheet.iter_rows(min_row=titles[0], max_row=titles[1])
                      for c in row if c.value is not None]
            header = any(not follow(row, values, lambda text, value: text == value)[1] for row in sheet.header_rows)
            if not header:
                group.fail(f"{name}: print titles {worksheet.print_title_rows} hold {values}, no header row of the page")


SHEET_KINDS = ("goal-table", "goal-tables", "self-evaluation", "self-evaluations", "monitoring-sheet", "monitoring-sheets",
               "overall-goal-table", "overall-self-evaluation")


def file_groups(site, units, files, kinds, suffix):
    """Per unit and kind, the files of that suffix with their pages: (kind, group, tally, [(file, page)]),
    the files or pages that are missing failed in the group already."""
    for unit in units:
        for kind in kinds:
            chosen = [(p, page) for p, page, k, u in files if u == unit and k == kind and p.suffix == suffix]
            if not chosen:
                continue
            group = Group(f"{unit} {kind}{suffix}" + (f" ×{len(chosen)}" if len(chosen) > 1 else ""))
            present = []
            for path, page in chosen:
                if path.is_file() and page.is_file():
                    present.append((path, page))
                else:
                    group.fail(f"{path.relative_to(site)} or its page is missing")
            yield kind, group, Tally(), present


def check_workbooks(site, units, files):
    for kind, group, tally, present in file_groups(site, units, files, ("disclosure",) + SHEET_KINDS, ".xlsx"):
        for path, page in present:
            sheets = page_sheets(page, "disclosure" if kind == "disclosure" else "sheet")
            workbook = openpyxl.load_workbook(path)
            if len(workbook.worksheets) != len(sheets):
                group.fail(f"{path.relative_to(site)}: {len(workbook.worksheets)} worksheets for the page's {len(sheets)} sheets")
            for number, (worksheet, sheet) in enumerate(zip(workbook.worksheets, sheets), 1):
                tally.sheets += 1
                name = f"{path.relative_to(site)} [{number}: {worksheet.title}]"
                check_worksheet(group, tally, name, worksheet, sheet)
        group.done(f"{tally.share()} of {tally.cells} page cells found in order on {tally.sheets} worksheets"
                   f"{tally.hidden_note()}; {tally.spans} spanning cells merged, {tally.numbers} numbers "
                   f"numeric and shown as on the page, {tally.codes} codes text; A4, print titles")


# ---------------------------------------------------------------------------------------------------
# Documents


def doc_tables(document):
    """Each table of the document as the texts of its cells, each cell once (a merged one too)."""
    tables = []
    for table in document.tables:
        tables.append([normalise(_Cell(tc, table).text) for tr in table._tbl.tr_lst for tc in tr.tc_lst])
    return tables


def check_documents(site, units, files):
    for kind, group, tally, present in file_groups(site, units, files, SHEET_KINDS, ".docx"):
        for path, page in present:
            name = str(path.relative_to(site))
            sheets = page_sheets(page, "sheet")
            document = docx.Document(path)
            tables = doc_tables(document)
            # A self-evaluation sheet is one table in Word; a goal sheet as many as on the page.
            wanted = [1 if s.kind == "self-evaluation" else len(s.tables) for s in sheets]
            tally.sheets += len(sheets)
            tally.tables += len(tables)
            if len(tables) != sum(wanted):
                group.fail(f"{name}: {len(tables)} tables for the page's {len(sheets)} sheets, which want {sum(wanted)}")
                parts = [[cell for table in tables for cell in table]]
                page_parts = [[c for s in sheets for c in s.cells if c.text]]
            else:
                parts, at = [], 0
                for count in wanted:
                    parts.append([cell for table in tables[at:at + count] for cell in table])
                    at += count
                page_parts = [[c for c in s.cells if c.text] for s in sheets]
            for number, (texts, page_cells) in enumerate(zip(parts, page_parts), 1):
                found, missing = follow(page_cells, texts, lambda cell, text: text in (cell.text, cell.full_text))
                tally.cells += len(page_cells)
                tally.found += len(found)
                tally.hidden += sum(1 for c in page_cells if c.hidden)
                for cell, before, after in missing:
                    place = f" after {before[:20]!r}" if before is not None else ""
                    place += f"; next is {after[:40]!r}" if after is not None else ""
                    group.fail(f"{name} sheet {number}: page cell {cell.text[:40]!r} ({cell.where()}) not found in order{place}")
            for section in document.sections:
                short, long = sorted((section.page_width, section.page_height))
                if abs(short - Mm(210)) > Mm(1) or abs(long - Mm(297)) > Mm(1):
                    group.fail(f"{name}: a section's page is {section.page_width.mm:.0f} × {section.page_height.mm:.0f} mm, not A4")
        group.done(f"{tally.tables} tables for {tally.sheets} sheets; {tally.share()} of {tally.cells} page cells "
                   f"found in order{tally.hidden_note()}; A4")


# ---------------------------------------------------------------------------------------------------
# Zibo: the seed's 12 self-evaluation sheets


def total_row(cells_by_row):
    """The rows that start with 总分 (as the text of their first cell), each as its list of values."""
    return [values for values in cells_by_row if values and squeeze(str(values[0])) == "总分"]


def check_zibo(site, units, jixiao, work):
    group = Group("2021/zibo self-evaluations (seed 004)")
    projects = evaluated(units.get("2021/zibo", []))
    if len(projects) != 12 or any(p["total"] != "100" for p in projects):
        group.fail(f"`jixiao check` scores {len(projects)} Zibo projects, totals {[p['total'] for p in projects]}; 12 of 100 expected")
    xlsx = site / "2021/zibo/self-evaluations.xlsx"
    workbook = openpyxl.load_workbook(xlsx)
    if len(workbook.worksheets) != 12:
        group.fail(f"self-evaluations.xlsx has {len(workbook.worksheets)} worksheets, not 12")
    for number, worksheet in enumerate(workbook.worksheets, 1):
        if not worksheet.merged_cells.ranges:
            group.fail(f"self-evaluations.xlsx [{number}: {worksheet.title}] has no merged cells")
        rows = [[c.value for c in row if c.value is not None] for row in worksheet.iter_rows()]
        totals = total_row(rows)
        if len(totals) != 1:
            group.fail(f"self-evaluations.xlsx [{number}: {worksheet.title}] has {len(totals)} 总分 rows")
        elif not (is_number(totals[0][-1]) and totals[0][-1] == 100):
            group.fail(f"self-evaluations.xlsx [{number}: {worksheet.title}] 总分 row {totals[0]}: its score is not the number 100")
    document = docx.Document(site / "2021/zibo/self-evaluations.docx")
    if len(document.tables) != 12:
        group.fail(f"self-evaluations.docx has {len(document.tables)} tables, not 12")
    for number, table in enumerate(document.tables, 1):
        rows = [[normalise(_Cell(tc, table).text) for tc in tr.tc_lst] for tr in table._tbl.tr_lst]
        totals = total_row([[v for v in row if v] for row in rows])
        if len(totals) != 1 or "100" not in totals[0][1:]:
            group.fail(f"self-evaluations.docx table {number}: 总分 rows {totals}, not one with 100")

    # The workbook read back: `jixiao import` finds the 12 projects, each scoring 100 again.
    scratch = work / "import-site"
    shutil.rmtree(scratch, ignore_errors=True)
    (scratch / "content").mkdir(parents=True)
    (scratch / "content" / "site.yaml").write_text("title: t\n", encoding="utf-8")
    run = subprocess.run([jixiao, "import", str(xlsx), "--into", str(scratch / "content/2021/z")], capture_output=True, text=True)
    imported = []
    if run.returncode != 0:
        group.fail(f"jixiao import {xlsx.name} exited {run.returncode}: {run.stderr.strip()[:500]}")
    else:
        check = subprocess.run([jixiao, "check", "--json", str(scratch)], capture_output=True, text=True)
        try:
            imported = json.loads(check.stdout)["projects"]
        except (json.JSONDecodeError, KeyError):
            group.fail(f"jixiao check --json of the imported site printed no report: {check.stderr.strip()[:500]}")
        if len(imported) != 12:
            group.fail(f"the imported site has {len(imported)} projects, not 12")
        for project in imported:
            if project["total"] != "100":
                group.fail(f"imported {project['name']}: total {project['total']!r}, not \"100\"")
        if sorted(p["name"] for p in imported) != sorted(p["name"] for p in projects):
            group.fail(f"the imported projects are named {[p['name'] for p in imported]}")
    group.done(f"12 worksheets, each merged and with its 总分 100; 12 Word tables, each with its 总分 100; "
               f"`jixiao import` reads back {len(imported)} projects, each scoring 100")


# ---------------------------------------------------------------------------------------------------
# data.json and data.csv


def unit_settings(root, unit):
    """The top-level `name`, `code` and `total` of content/<unit>/_unit.md's front matter."""
    text = (root / "content" / unit / "_unit.md").read_text(encoding="utf-8")
    front = text.split("---", 2)[1] if text.startswith("---") else ""
    settings = {}
    for key in ("name", "code", "total"):
        match = re.search(rf"^{key}:[ \t]*(?:\"([^\"]*)\"|'([^']*)'|([^#\n]*?))[ \t]*(?:#.*)?$", front, re.M)
        if match:
            settings[key] = next(g for g in match.groups() if g is not None)
    return settings


def decimal_or_none(text):
    try:
        return Decimal(text) if text not in (None, "") else None
    except InvalidOperation:
        return text


def check_data(root, site, units):
    group = Group("data.json, data.csv")
    rows_total = 0
    site_units = []
    try:
        site_data = json.loads((site / "data.json").read_text(encoding="utf-8"))
        site_units = site_data["units"]
    except (OSError, json.JSONDecodeError, KeyError, TypeError) as error:
        group.fail(f"data.json: no `units` ({error})")
    if site_units and [f"{u['year']}/{u['unit']}" for u in site_units] != list(units):
        group.fail(f"data.json: units {[(u['year'], u['unit']) for u in site_units]}, not those of jixiao check: {list(units)}")
    for unit, projects in units.items():
        try:
            data = json.loads((site / unit / "data.json").read_text(encoding="utf-8"))
        except (OSError, json.JSONDecodeError) as error:
            group.fail(f"{unit}/data.json: {error}")
            continue
        if data.get("projects") != projects:
            differ = [p["slug"] for p, q in zip(projects, data.get("projects") or []) if p != q]
            group.fail(f"{unit}/data.json: projects differ from jixiao check's ({len(data.get('projects') or [])} for {len(projects)}; "
                       f"first differing: {differ[:3]})")
        settings = unit_settings(root, unit)
        if data.get("name") != settings.get("name"):
            group.fail(f"{unit}/data.json: name {data.get('name')!r}, _unit.md says {settings.get('name')!r}")
        if "total" not in data or decimal_or_none(data["total"]) != decimal_or_none(settings.get("total")):
            group.fail(f"{unit}/data.json: total {data.get('total', 'absent')!r}, the published 合计 is {settings.get('total')!r}")
        initial = sum(Decimal(p["funds"]["initial"] or 0) for p in projects)
        if "projects_total" in data and decimal_or_none(data["projects_total"]) != initial:
            group.fail(f"{unit}/data.json: projects_total {data['projects_total']!r}, the projects add up to {initial}")
        if site_units and data not in site_units:
            group.fail(f"data.json: its units do not hold {unit}/data.json as it is")

        raw = (site / unit / "data.csv").read_bytes()
        if not raw.startswith(b"\xef\xbb\xbf"):
            group.fail(f"{unit}/data.csv does not start with a UTF-8 byte order mark")
        rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
        header, body = (rows[0], rows[1:]) if rows else ([], [])
        if not header or not all(re.search(r"[\u4e00-\u9fff]", h) for h in header):
            group.fail(f"{unit}/data.csv: its header {header} is not all Chinese")
        if any(re.search(r"[\u4e00-\u9fff]", c) for c in header) and any(row == header for row in body):
            group.fail(f"{unit}/data.csv repeats its header row")
        indicators = [(p["name"], i["name"]) for p in projects for i in p["indicators"]]
        rows_total += len(body)
        if len(body) != len(indicators):
            group.fail(f"{unit}/data.csv: {len(body)} rows for {len(indicators)} indicators")
        if any(len(row) != len(header) for row in body):
            group.fail(f"{unit}/data.csv: rows of {sorted({len(r) for r in body})} fields under a header of {len(header)}")
        if "项目名称" in header and "三级指标" in header:
            name, indicator = header.index("项目名称"), header.index("三级指标")
            listed = [(row[name], row[indicator]) for row in body if len(row) > max(name, indicator)]
            if listed != indicators:
                first = next((i for i, (a, b) in enumerate(zip(listed, indicators)) if a != b), min(len(listed), len(indicators)))
                group.fail(f"{unit}/data.csv: row {first + 2} is {listed[first] if first < len(listed) else None}, "
                           f"jixiao check has {indicators[first] if first < len(indicators) else None}")
        else:
            group.fail(f"{unit}/data.csv: no 项目名称 or 三级指标 column in {header}")
    group.done(f"{len(units)} units' data.json equal jixiao check's projects, name and 合计; site data.json holds them; "
               f"data.csv: BOM, Chinese header, {rows_total} rows, one per indicator")


# ---------------------------------------------------------------------------------------------------
# LibreOffice


def check_libreoffice(site, units, work, profile, pdf_dir):
    converted = [
        ("2021/zibo/self-evaluations.xlsx", "self-evaluations"),
        ("2021/zibo/self-evaluations.docx", "self-evaluations"),
        ("2022/ordos-xzsp/goal-tables.xlsx", "goal-tables"),
        ("2022/ordos-xzsp/goal-tables.docx", "goal-tables"),
    ]
    group = Group("LibreOffice")
    sources = work / "libreoffice-in"
    sources.mkdir(parents=True, exist_ok=True)
    # Copies named by unit and format: the xlsx and docx of a booklet would make PDFs of one name.
    copies = []
    for relative, _ in converted:
        path = Path(relative)
        copy = sources / f"{path.parent.as_posix().replace('/', '-')}-{path.stem}-{path.suffix[1:]}{path.suffix}"
        shutil.copyfile(site / relative, copy)
        copies.append(copy)
    command = ["soffice", f"-env:UserInstallation={profile}", "--headless", "--norestore",
               "--convert-to", "pdf", "--outdir", str(pdf_dir), *map(str, copies)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=600)
    if run.returncode != 0 or re.search(r"\berror\b", run.stdout + run.stderr, re.I):
        group.fail(f"soffice exited {run.returncode}: {(run.stderr or run.stdout).strip()[:500]}")
    details = []
    for (relative, kind), copy in zip(converted, copies):
        pdf = pdf_dir / f"{copy.stem}.pdf"
        if not pdf.is_file() or pdf.stat().st_size == 0:
            group.fail(f"{relative}: no PDF")
            continue
        info = subprocess.run(["pdfinfo", "-f", "1", "-l", "10000", str(pdf)], capture_output=True, text=True).stdout
        pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
        for number, (width, height) in enumerate(re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M), 1):
            short, long = sorted((float(width), float(height)))
            if abs(short - 595.3) > 2 or abs(long - 841.9) > 2:
                group.fail(f"{relative}: PDF page {number} is {width} x {height} pt, not A4")
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
        if kind == "self-evaluations":
            # 总分, then its 分值 and 得分 (the letters may be spaced apart, the row laid over two lines).
            totals = re.findall(r"总\s*分\s+([\d.]+)\s+([\d.]+)(?=\s|$)", text)
            if len(totals) != 12 or any(score != "100" for _, score in totals):
                group.fail(f"{relative}: pdftotext finds {len(totals)} 总分 rows {totals}; 12 with 100 expected")
            details.append(f"{relative} {pages} pages, 12 总分 100")
        else:
            flat = squeeze(text)
            names = [p["name"] for p in units["2022/ordos-xzsp"]]
            for name in names:
                if squeeze(name) not in flat:
                    group.fail(f"{relative}: the PDF does not name {name}")
            details.append(f"{relative} {pages} pages, {len(names)} projects named")
    group.done(f"{len(converted)} files converted to A4 PDFs (kept in {pdf_dir}): " + "; ".join(details))


# ---------------------------------------------------------------------------------------------------


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--jixiao", required=True)
    parser.add_argument("--check-json", required=True)
    parser.add_argument("--site", required=True, type=Path)
    parser.add_argument("--work", required=True, type=Path)
    parser.add_argument("--profile", required=True)
    parser.add_argument("--pdf-dir", required=True, type=Path)
    args = parser.parse_args()
    root = Path.cwd()
    units = load_units(args.check_json)
    files = office_files(args.site, units, load_overall(args.check_json))
    steps = [
        ("files", lambda: check_files(args.site, units, files)),
        ("workbooks", lambda: check_workbooks(args.site, units, files)),
        ("documents", lambda: check_documents(args.site, units, files)),
        ("zibo", lambda: check_zibo(args.site, units, args.jixiao, args.work)),
        ("data", lambda: check_data(root, args.site, units)),
        ("libreoffice", lambda: check_libreoffice(args.site, units, args.work, args.profile, args.pdf_dir)),
    ]
    for name, step in steps:
        try:
            step()
        except Exception as error:  # a file that cannot be read at all stops its step, not the others
            Group.failed += 1
            print(f"FAIL: {name}: stopped by {type(error).__name__}: {error}", file=sys.stderr, flush=True)
    print(f"office-test: {Group.passed} passed, {Group.failed} failed")
    sys.exit(1 if Group.failed else 0)


if __name__ == "__main__":
    main()
