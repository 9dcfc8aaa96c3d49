"""The browser tests of the public site, driven as a reader drives it: Chromium through chromium-driver and
Selenium, typing and pressing keys. Called by script/browser-test with the served example site (built with
`search: true`):

    python browser_site.py BASE_URL AXE_SCRIPT PAGE...

Checks, each printing one line "ok ..." or raising:
  search    typing 招商 into the header's search box of a unit page opens the search page, whose results
            name the Menyuan project with its year and unit; typing a project code into the search page's
            box finds that project;
  charts    the year page's and the unit page's charts are drawn (a bar per unit or project, the execution
            chart with its 90% and 100% marks), each with a title, a description and a data table holding the
            same numbers as the bars, and fit the page at 1280 and at 390 px;
  settings  the text-size and contrast buttons, pressed from the keyboard, enlarge the text and switch the
            contrast, and the choice stays for the next page;
  axe       axe-core (through axe-selenium-python) on every page given: no serious or critical violation
            of WCAG 2.1 A and AA.
"""

import re
import shutil
import sys

from axe_selenium_python import Axe
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

WAIT = 60
CHARTED = ["/2021/", "/2021/zibo/", "/2025/436001/"]  # a year page (units), a unit page (projects), one with monitoring lights


class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def browser(width):
    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", f"--window-size={width},1000"):
        options.add_argument(argument)
    driver = shutil.which("chromedriver")
    expect(driver, "no chromedriver on PATH (Debian's chromium-driver)")
    driver = webdriver.Chrome(service=Service(driver), options=options)
    # A window cannot be narrower than the browser's own minimum; the page is laid out at the width asked.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {"width": width, "height": 1000, "deviceScaleFactor": 1, "mobile": width < 600})
    return driver


def chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        if shutil.which(name):
            return shutil.which(name)
    raise CheckFailed("no Chromium on PATH")


def results(driver):
    """The search page's results: (title, address) of each."""
    found = []
    for result in driver.find_elements(By.CSS_SELECTOR, ".pagefind-ui__result"):
        link = result.find_element(By.CSS_SELECTOR, ".pagefind-ui__result-link")
        found.append((link.text, link.get_attribute("href")))
    return found


def wait_for_result(driver, address_part, words):
    try:
        WebDriverWait(driver, WAIT).until(lambda d: any(address_part in address for _, address in results(d)))
    except Exception:
        raise CheckFailed(f"searching {words} found no page at {address_part}: {results(driver)[:5]}")
    return next(title for title, address in results(driver) if address_part in address)


def check_search(driver, base):
    driver.get(base + "/2021/zibo/")
    box = driver.find_element(By.ID, "site-search-q")
    box.send_keys("招商")
    box.send_keys(Keys.ENTER)
    WebDriverWait(driver, WAIT).until(lambda d: "/search/" in d.current_url)
    title = wait_for_result(driver, "/2024/menyuan-gsx/01/", "招商")
    expect(title == "2024年 · 门源县工业商务和信息化局 · 招商引资工作经费项目绩效目标表",
           f"the result for 招商 does not name the year, unit and project: {title}")
    field = driver.find_element(By.CSS_SELECTOR, ".pagefind-ui__search-input")
    expect(field.get_attribute("aria-label"), "the search page's box has no accessible name")
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys("13022925P00004010009Y")
    title = wait_for_result(driver, "/2025/436001/13022925P00004010009Y/", "a project code")
    expect("维稳经费" in title, f"the result for the code names another project: {title}")
    print("  ok  search: typing 招商 in a page's search box finds 门源's 招商引资工作经费 (with its year and unit); "
          "typing a project code on the search page finds 玉田's 维稳经费")


def numbers(element):
    """The numbers an element's text gives, e.g. ["96.5%"] or ["100"] of "100（优）"; a row's header excluded."""
    text = element.get_attribute("textContent")
    if element.tag_name == "tr":
        text = " ".join(cell.get_attribute("textContent") for cell in element.find_elements(By.CSS_SELECTOR, "td"))
    return re.findall(r"\d[\d,]*(?:\.\d+)?%?", text)


def check_charts(driver, base, path):
    driver.get(base + path)
    figures = driver.find_elements(By.CSS_SELECTOR, "figure.chart")
    expect(figures, f"{path} has no charts")
    bars_in_all = 0
    for figure in figures:
        name = figure.get_attribute("id")
        svg = figure.find_element(By.CSS_SELECTOR, "svg")
        expect(svg.get_attribute("role") == "img", f"{name}: the chart is not an image to screen readers")
        title = svg.find_element(By.CSS_SELECTOR, "title").get_attribute("textContent")
        description = svg.find_element(By.CSS_SELECTOR, "desc").get_attribute("textContent")
        expect(title and description, f"{name}: no title or description")
        bars = svg.find_elements(By.CSS_SELECTOR, "rect.bar")
        drawn = [bar for bar in bars if bar.rect["width"] > 0 and bar.rect["height"] > 0]
        expect(bars and len(drawn) == len(bars), f"{name}: {len(drawn)} of {len(bars)} bars drawn")
        values = [numbers(text) for text in svg.find_elements(By.CSS_SELECTOR, "text.value")]
        rows = [numbers(row) for row in figure.find_elements(By.CSS_SELECTOR, "table.chart-data tbody tr")]
        expect(len(values) == len(bars) and values == rows, f"{name}: the bars say {values}, the table {rows}")
        bars_in_all += len(bars)
    execution = driver.find_elements(By.CSS_SELECTOR, "#chart-execution text.mark-label")
    marks = [text.get_attribute("textContent") for text in execution]
    expect(not execution or marks == ["90%", "100%"], f"the execution chart's marks are {marks}")
    widths = driver.execute_script("return [document.documentElement.clientWidth, document.documentElement.scrollWidth]"
                                   " .concat(Array.from(document.querySelectorAll('figure.chart svg'), s => s.getBoundingClientRect().right))")
    page, scrolled, rights = widths[0], widths[1], widths[2:]
    expect(scrolled <= page and all(0 < right <= page for right in rights), f"the charts do not fit {page}px: {widths}")
    print(f"  ok  charts of {path} at {page}px: {bars_in_all} bars in {len(figures)} charts{', with the 90%/100% marks' if marks else ''}, "
          "each with a title, a description and a table of the same numbers")


def check_settings(driver, base):
    driver.get(base + "/2021/zibo/")
    root_size = "return parseFloat(getComputedStyle(document.documentElement).fontSize)"
    before = driver.execute_script(root_size)
    larger = driver.find_element(By.CSS_SELECTOR, '[data-text-size="xlarge"]')
    larger.send_keys(Keys.ENTER)
    contrast = driver.find_element(By.CSS_SELECTOR, "[data-contrast]")
    contrast.send_keys(Keys.SPACE)
    after = driver.execute_script(root_size)
    classes = driver.execute_script("return document.documentElement.className")
    expect(after > before * 1.3, f"the text grew from {before}px to {after}px only")
    expect(set(classes.split()) == {"text-xlarge", "high-contrast"}, f"the page's classes are {classes!r}")
    expect(larger.get_attribute("aria-pressed") == "true" and contrast.get_attribute("aria-pressed") == "true",
           "the pressed buttons do not say they are pressed")
    focused = driver.execute_script("return document.activeElement.matches(':focus-visible')")
    expect(focused, "the focused button shows no focus")
    driver.get(base + "/2021/")
    kept = driver.execute_script("return document.documentElement.className")
    expect(set(kept.split()) == {"text-xlarge", "high-contrast"}, f"the next page's classes are {kept!r}")
    driver.execute_script("localStorage.clear()")
    print(f"  ok  reading settings: pressed from the keyboard, 特大 grows the text from {before:g}px to {after:g}px and "
          "high contrast switches on; both stay for the next page")


def check_axe(driver, base, axe_script, pages):
    tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]
    for page in pages:
        driver.get(base + page)
        axe = Axe(driver, script_url=axe_script)
        axe.inject()
        outcome = axe.run(options={"runOnly": {"type": "tag", "values": tags}})
        version = driver.execute_script("return axe.version")
        violations = outcome["violations"]
        said = "; ".join(f"{v['impact']} {v['id']} ({len(v['nodes'])}): "
                         + ", ".join(" ".join(node["target"]) for node in v["nodes"][:3]) for v in violations)
        grave = [v for v in violations if v["impact"] in ("serious", "critical")]
        expect(not grave, f"accessibility of {page}: {said}")
        print(f"  ok  accessibility of {page}: axe {version}; {said or 'no violations'}")


def main():
    base, axe_script, pages = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3:]
    driver = browser(1280)
    try:
        check_search(driver, base)
        for path in CHARTED:
            check_charts(driver, base, path)
        check_settings(driver, base)
        check_axe(driver, base, axe_script, pages)
    finally:
        driver.quit()
    narrow = browser(390)
    try:
        for path in CHARTED:
            check_charts(narrow, base, path)
    finally:
        narrow.quit()


if __name__ == "__main__":
    try:
        main()
    except CheckFailed as failure:
        print(f"FAIL: {failure}", file=sys.stderr)
        sys.exit(1)
