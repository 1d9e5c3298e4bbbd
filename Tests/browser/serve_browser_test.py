"""solieu serve in a real browser: Debian's Chromium driven by Selenium (chromium-driver).

Started by scripts/browser-test, which builds a database of the corpus and the fixtures and
starts `solieu serve` on loopback; this script gets the base URL and the screenshot folder.
Each step asserts what a researcher or an auditor would check by eye, and a page that fails to
render (an error status, a console error, a CSP violation) fails the test.

Usage: python3 serve_browser_test.py BASE_URL SCREENSHOT_DIR DOWNLOAD_DIR
"""
import json
import os
import sys
import time
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

base, shots, downloads = sys.argv[1], sys.argv[2], sys.argv[3]
failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)
    return condition


def api(path):
    with urllib.request.urlopen(base + path, timeout=30) as r:
        return json.load(r)


options = Options()
options.binary_location = "/usr/bin/chromium"
for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--window-size=1280,1000", "--lang=vi"]:
    options.add_argument(flag)
options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
options.add_experimental_option("prefs", {"download.default_directory": downloads, "download.prompt_for_download": False})
driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
driver.set_page_load_timeout(30)


def page_ok(name):
    """No console error (a CSP violation is one) and the page has its header."""
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    check(not errors, f"{name}: console errors {errors}")
    check(driver.find_elements(By.CSS_SELECTOR, "header nav"), f"{name}: no page header (did it render?)")
    check("Lỗi" not in driver.title and "Error" not in driver.title, f"{name}: an error page: {driver.title}")


def shot(name):
    driver.save_screenshot(os.path.join(shots, name + ".png"))


try:
    # 1. Search without diacritics, then a province facet.
    driver.get(base + "/")
    page_ok("home")
    box = driver.find_element(By.NAME, "q")
    box.send_keys("thi dua khen thuong")
    box.send_keys(Keys.ENTER)
    time.sleep(0.3)
    page_ok("search")
    hits = driver.find_elements(By.CSS_SELECTOR, "ol.hits > li")
    check(len(hits) >= 3, f"search: {len(hits)} hits for 'thi dua khen thuong'")
    marks = driver.find_elements(By.CSS_SELECTOR, "ol.hits mark")
    check(any("thi đua" in m.text.lower() or "khen thưởng" in m.text.lower() for m in marks), "search: the snippets mark no 'thi đua'")
    facet = driver.find_element(By.XPATH, "//aside[@class='facets']//h2[1]/following-sibling::ul[1]//a")
    province = facet.text.rsplit(" ", 1)[0].strip()
    shot("search")
    facet.click()
    time.sleep(0.3)
    page_ok("search with facet")
    metas = [m.text for m in driver.find_elements(By.CSS_SELECTOR, "ol.hits .meta")]
    check(metas and all(province in m for m in metas), f"facet {province}: results from elsewhere: {metas[:5]}")
    expected = api("/api/v1/search?" + urllib.parse.urlencode({"q": "thi dua khen thuong", "province": province, "limit": 20}))["total"]
    check(f"{expected} " in driver.find_element(By.CSS_SELECTOR, ".summary").text, f"facet {province}: the page's count is not the API's {expected}")

    # 2. A document: the highlights are the figures the API gives (those not nested in another).
    driver.find_element(By.CSS_SELECTOR, "ol.hits a.title").click()
    time.sleep(0.3)
    page_ok("document")
    doc_id = driver.current_url.split("/documents/")[1].split("?")[0].split("#")[0]
    marked = [int(m.get_attribute("data-figure")) for m in driver.find_elements(By.CSS_SELECTOR, "article mark.fig")]
    doc = api(f"/api/v1/documents/{doc_id}")
    end, expected_ids = 0, []
    for f in sorted(doc["figures"], key=lambda f: f["start"]):
        if f["start"] >= end and f["start"] < f["end"]:
            expected_ids.append(f["id"])
            end = f["end"]
    check(marked == expected_ids, f"document {doc_id}: marks {marked[:8]}… differ from the API's {expected_ids[:8]}…")
    texts = {f["id"]: f["text"] for f in doc["figures"]}
    for m in driver.find_elements(By.CSS_SELECTOR, "article mark.fig")[:40]:
        check(m.text == texts[int(m.get_attribute("data-figure"))], f"document {doc_id}: mark '{m.text}' is not its figure's text")
    first = driver.find_element(By.CSS_SELECTOR, "article mark.fig")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", first)
    first.send_keys("")  # focus by keyboard
    driver.execute_script("arguments[0].focus()", first)
    tip = driver.execute_script("return getComputedStyle(arguments[0], '::after').content", first)
    check(tip and tip != "none" and first.get_attribute("data-kind") in tip, f"document {doc_id}: focusing a figure shows no details ({tip})")
    shot("document")

    # 3. The audit: failures first; follow a finding to its sentence.
    driver.get(base + "/audit")
    page_ok("audit")
    statuses = [li.get_attribute("class").split()[-1] for li in driver.find_elements(By.CSS_SELECTOR, "ol.findings > li")]
    check(statuses and statuses[0] == "fails", f"audit: the first finding is not a failure: {statuses[:3]}")
    order = {"fails": 0, "unverifiable": 1, "holds": 2}
    check([order[s] for s in statuses] == sorted(order[s] for s in statuses), "audit: failures are not first")
    shot("audit")
    driver.get(base + "/audit?status=fails&check=sum")
    page_ok("audit, failing sums")
    finding = driver.find_element(By.CSS_SELECTOR, "ol.findings > li")
    sentence = finding.find_element(By.CSS_SELECTOR, "blockquote p").text
    operand = finding.find_element(By.CSS_SELECTOR, "blockquote mark").text
    link = finding.find_element(By.CSS_SELECTOR, "blockquote footer a")
    anchor = link.get_attribute("href").split("#")[1]
    link.click()
    time.sleep(0.3)
    page_ok("document of a finding")
    target = driver.find_element(By.ID, anchor)
    at = driver.execute_script("const r = arguments[0].getBoundingClientRect(); return [r.top, window.innerHeight]", target)
    check(-2 <= at[0] <= at[1], f"audit: the finding's link does not scroll to its sentence ({anchor} at {at})")
    following = driver.execute_script("return arguments[0].nextElementSibling && arguments[0].nextElementSibling.textContent", target)
    check(following == operand, f"audit: {anchor} is not at the operand '{operand}' but '{following}'")
    article = driver.find_element(By.CSS_SELECTOR, "article.text").text
    check(sentence.split("\n")[0][:60] in article, "audit: the finding's document does not hold its sentence")
    check(any(m.text == operand for m in driver.find_elements(By.CSS_SELECTOR, "article mark.fig")), f"audit: the operand '{operand}' is not marked in its document")

    # 4. Download a view as CSV.
    driver.get(base + "/figures?kind=award&province=Ki%C3%AAn+Giang")
    page_ok("figures")
    shot("figures")
    rows = len(driver.find_elements(By.CSS_SELECTOR, "table tbody tr"))
    driver.find_element(By.LINK_TEXT, "CSV").click()
    path = os.path.join(downloads, "solieu-figures.csv")
    for _ in range(100):
        if os.path.exists(path) and not os.path.exists(path + ".crdownload"):
            break
        time.sleep(0.1)
    if check(os.path.exists(path), "figures: the CSV was not downloaded"):
        time.sleep(0.2)
        content = open(path, encoding="utf-8", newline="").read()
        lines = content.rstrip("\r\n").split("\r\n")
        total = api("/api/v1/figures?kind=award&province=Ki%C3%AAn+Giang&limit=1")["total"]
        check(lines[0].startswith("id,") and len(lines) - 1 == total, f"figures: CSV has {len(lines) - 1} rows, the view {total}")
        check(rows == min(total, 50), f"figures: the page shows {rows} rows of {total}")

    # 5. Stats: a table and a chart drawn on the server.
    driver.get(base + "/stats?lang=en")
    page_ok("stats")
    check(driver.find_elements(By.CSS_SELECTOR, "figure.chart svg polyline, figure.chart svg rect"), "stats: no chart")
    check(len(driver.find_elements(By.CSS_SELECTOR, "table tbody tr")) > 0, "stats: no table rows")
    check("Sum" in driver.page_source, "stats: the English labels are missing")
    shot("stats")
finally:
    driver.quit()

if failures:
    print(f"browser test: {len(failures)} failures")
    sys.exit(1)
print("browser test: search, facet, document highlights, audit to sentence, CSV download, stats: all pass; screenshots in", shots)
