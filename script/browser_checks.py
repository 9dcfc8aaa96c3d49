#!/usr/bin/env python3
"""The checks of script/browser-test, on what the browser made.

  browser_checks.py booklets CHECK_JSON
      Lists the booklets of the site, one `YEAR/UNIT KIND` a line: every unit's goal tables, the
      self-evaluations of units with an evaluated project, the monitoring sheets of units with a
      monitored one, and (`overall`) the department-wide sheets of units that have them.
  browser_checks.py booklet CHECK_JSON YEAR/UNIT goal-tables|self-evaluations|monitoring|overall FILE.pdf
      Each sheet of the unit's booklet starts a page, in the unit's order, and names its project;
      every page is A4 and its footer numbers it (and, in self-evaluation booklets, names the sheet);
      each self-evaluation sheet shows the 总分 that `jixiao check --json` computed.
  browser_checks.py overflow PAGE WIDTH DOM_FILE
      The probe page (a dump of its DOM) measured the page at WIDTH px without horizontal overflow.

Prints one line per check that passed; exits 1 with the reason at the first that fails.
"""
import json
import re
import subprocess
import sys


def fail(message):
    print(f"FAIL: {message}", file=sys.stderr)
    sys.exit(1)


def squeeze(text):
    """Text without any whitespace: pdftotext spaces CJK text as it is laid out, not as written."""
    return re.sub(r"\s+", "", text)


def projects(check_json, unit):
    year, slug = unit.split("/")
    with open(check_json, encoding="utf-8") as handle:
        report = json.load(handle)
    found = [p for p in report["projects"] if str(p["year"]) == year and p["unit"] == slug]
    if not found:
        fail(f"{unit}: no projects in {check_json}")
    return found


def booklets(check_json):
    with open(check_json, encoding="utf-8") as handle:
        report = json.load(handle)
    units, monitored = {}, set()
    for project in report["projects"]:
        unit = f"{project['year']}/{project['unit']}"
        units[unit] = units.get(unit, False) or project["total"] is not None
        if project.get("monitoring") is not None:
            monitored.add(unit)
    overall = {f"{u['year']}/{u['unit']}" for u in report.get("units", []) if u.get("overall") is not None}
    for unit in sorted(units.keys() | overall):
        if unit in units:
            print(f"{unit} goal-tables")
        if units.get(unit):
            print(f"{unit} self-evaluations")
        if unit in monitored:
            print(f"{unit} monitoring")
        if unit in overall:
            print(f"{unit} overall")


def overall_sheets(check_json, unit, pdf):
    """`jixiao pdf --overall`: the department-wide goal table, then its self-evaluation with the total
    `jixiao check` computed, each starting a page, every page numbered."""
    with open(check_json, encoding="utf-8") as handle:
        report = json.load(handle)
    found = [u for u in report.get("units", []) if f"{u['year']}/{u['unit']}" == unit]
    if not found or found[0].get("overall") is None:
        fail(f"{unit}: no department-wide sheet in {check_json}")
    sheet, name = found[0]["overall"], squeeze(found[0]["name"])
    pages = pdf_pages(pdf)
    firsts = [squeeze(page.strip().splitlines()[0]) if page.strip() else "" for page in pages]
    goal = [i for i, first in enumerate(firsts) if first.endswith("部门整体绩效目标表")]
    evaluation = [i for i, first in enumerate(firsts) if first.endswith("部门整体支出绩效自评表")]
    if goal != [0] or len(evaluation) != (0 if sheet.get("total") is None else 1):
        fail(f"{unit} overall: the goal table should start page 1 and the self-evaluation a later page; "
             f"goal tables start pages {[i + 1 for i in goal]}, self-evaluations {[i + 1 for i in evaluation]}")
    if name not in squeeze(pages[0]):
        fail(f"{unit} overall: the goal table does not name {found[0]['name']}")
    what = ""
    if evaluation:
        totals = re.findall(r"总分\s+([\d.]+)\s+([\d.]+)(?=\s|$)", "\n".join(pages[evaluation[0]:]))
        if len(totals) != 1 or totals[0][1] != sheet["total"]:
            fail(f"{unit} overall: the self-evaluation shows 总分 {totals}, check computed {sheet['total']}")
        what = f", self-evaluation from page {evaluation[0] + 1} with 总分 {sheet['total']}"
    for number, page in enumerate(pages, 1):
        lines = [line.strip() for line in page.splitlines() if line.strip()]
        if not lines or not lines[-1].endswith(f"第 {number} 页，共 {len(pages)} 页"):
            fail(f"{unit} overall: page {number} has no page number in its footer")
    print(f"  ok  {unit} overall: goal table on page 1{what}; {len(pages)} A4 pages, each numbered in its footer")


def pdf_pages(pdf):
    info = subprocess.run(["pdfinfo", "-f", "1", "-l", "10000", pdf], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    sizes = re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts", info, re.M)
    text = subprocess.run(["pdftotext", "-layout", pdf, "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")
    if pages and not pages[-1].strip():
        pages.pop()
    if len(pages) != count:
        fail(f"{pdf}: pdfinfo counts {count} pages, pdftotext {len(pages)}")
    for number, (width, height) in enumerate(sizes, 1):
        short, long = sorted((float(width), float(height)))
        if abs(short - 595.3) > 2 or abs(long - 841.9) > 2:
            fail(f"{pdf}: page {number} is {width} x {height} pt, not A4")
    return pages


def goal_heading(name):
    """A goal table's title as the forms write it: `NAME项目绩效目标表`, or numbered `3.NAME绩效目标表`."""
    return re.compile(r"(\d+\.)?" + re.escape(squeeze(name)) + r"(项目)?绩效目标表")


def booklet(check_json, unit, kind, pdf):
    if kind == "overall":
        return overall_sheets(check_json, unit, pdf)
    expected = projects(check_json, unit)
    if kind == "self-evaluations":
        expected = [p for p in expected if p["total"] is not None]
    if kind == "monitoring":
        expected = [p for p in expected if p.get("monitoring") is not None]
    pages = pdf_pages(pdf)
    lines = [[line.strip() for line in page.splitlines() if line.strip()] for page in pages]

    # Where each sheet starts: a page that opens with the sheet's heading.
    if kind == "self-evaluations":
        starts = [i for i, page in enumerate(lines) if page and squeeze(page[0]).endswith("项目支出绩效自评表")]
    elif kind == "monitoring":
        starts = [i for i, page in enumerate(lines) if page and squeeze(page[0]).endswith("项目支出绩效运行监控表")]
    else:
        starts = [i for i, page in enumerate(pages) if any(goal_heading(p["name"]).match(squeeze(page)) for p in expected)]
    if len(starts) != len(expected):
        fail(f"{unit} {kind}: {len(expected)} sheets expected, {len(starts)} pages start a sheet (of {len(pages)} pages)")
    if starts[0] != 0:
        fail(f"{unit} {kind}: the first page does not start a sheet")

    for number, (start, project) in enumerate(zip(starts, expected), 1):
        end = starts[number] if number < len(starts) else len(pages)
        first = squeeze(pages[start])
        name = squeeze(project["name"])
        if kind == "self-evaluations":
            # A long name wraps in its cell, its lines between those of the cells beside it: its
            # characters follow 项目名称 in order.
            after = first.split("项目名称", 1)[1] if "项目名称" in first else ""
            rest = iter(after[: len(name) + 80])
            if not all(character in rest for character in name):
                fail(f"{unit}: sheet {number} (page {start + 1}) does not name {project['name']} as its 项目名称")
            sheet_text = "\n".join(pages[start:end])
            # 总分 with its weights and score; the national form prints 等级 after them, Zibo's none.
            totals = re.findall(r"总分\s+([\d.]+)\s+([\d.]+)(?=\s|$)", sheet_text)
            if len(totals) != 1:
                fail(f"{unit}: sheet {number} ({project['name']}) shows {len(totals)} 总分 rows on pages {start + 1}–{end}")
            if totals[0][1] != project["total"]:
                fail(f"{unit}: sheet {number} ({project['name']}) shows 总分 {totals[0][1]}, check computed {project['total']}")
        elif kind == "monitoring":
            # The project named, and its light in words as `jixiao check` gave it.
            words = {"red": "红灯", "yellow": "黄灯", "green": "绿灯"}[project["monitoring"]["light"]]
            sheet_text = squeeze("\n".join(pages[start:end]))
            if name not in sheet_text.replace("项目名称", "", 1) and name not in sheet_text:
                fail(f"{unit}: monitoring sheet {number} (page {start + 1}) does not name {project['name']}")
            if words not in sheet_text:
                fail(f"{unit}: monitoring sheet {number} ({project['name']}) does not show {words}")
        elif not goal_heading(project["name"]).match(first):
            fail(f"{unit}: sheet {number} (page {start + 1}) does not start with the heading of {project['name']}")
        for page in range(start, end):
            footer = lines[page][-1] if lines[page] else ""
            if not footer.endswith(f"第 {page + 1} 页，共 {len(pages)} 页"):
                fail(f"{unit} {kind}: page {page + 1} has no page number in its footer: {footer!r}")
            if kind == "self-evaluations" and not squeeze(footer).startswith(name + "项目支出绩效自评表"):
                fail(f"{unit}: page {page + 1}'s footer does not name sheet {number}: {footer!r}")
        what = f", 总分 {project['total']}" if kind == "self-evaluations" else ""
        if kind == "monitoring":
            what = f", {project['monitoring']['light']}"
        print(f"  ok  {unit} {kind}: sheet {number:2} starts page {start + 1:2} ({end - start} page{'s' if end - start > 1 else ''}): {project['name']}{what}")
    print(f"  ok  {unit} {kind}: {len(expected)} sheets on {len(pages)} A4 pages, each page numbered in its footer")


def overflow(page, width, dom_file):
    with open(dom_file, encoding="utf-8") as handle:
        dom = handle.read()
    match = re.search(r"scrollWidth=(\d+) clientWidth=(\d+) innerWidth=(\d+)", dom)
    if not match:
        fail(f"{page} at {width} px: the probe measured nothing (is the page there?)")
    scroll, client, inner = map(int, match.groups())
    if inner != int(width):
        fail(f"{page}: measured at {inner} px, not {width} px")
    if scroll > client:
        fail(f"{page} at {width} px: the page is {scroll} px wide, {scroll - client} px more than the {client} px it has")
    print(f"  ok  {page} at {width} px: no horizontal overflow (content {scroll} px in {client} px)")


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "booklets":
        booklets(sys.argv[2])
    elif len(sys.argv) == 6 and sys.argv[1] == "booklet":
        booklet(*sys.argv[2:])
    elif len(sys.argv) == 5 and sys.argv[1] == "overflow":
        overflow(*sys.argv[2:])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
