"""The dashboard in a real headless Chromium, served by uvicorn from a store holding the five seeds.

Two short reports of one happening by two outlets (written here, with different death
tolls) give the story page something to compare, and one article full of markup checks
that hostile text never runs.
"""

from __future__ import annotations

import json
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.common.by import By
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait

from conftest import CHROMEDRIVER, CHROMIUM, SEEDS, browser_fixture, serving_store
from flashpoint import workflow
from flashpoint.model import Article
from flashpoint.store.store import Store

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                                reason="needs chromium and chromedriver in /usr/bin")

PAYLOAD = "window.__pwned = 'yes'; document.title = 'pwned'"

REPORTS = [
    Article(id="market-north", source="test:market-north", outlet="Northern Courier", published="2022-03-03",
            published_from="given", title="Shelling of Kharkiv market kills 21, officials say",
            body="Shelling of Kharkiv market kills 21, officials say\n\nRussian forces shelled a crowded market in "
                 "Kharkiv on Thursday, killing 21 civilians and wounding 112, the regional governor Oleh "
                 "Synehubov said.\n\n\"This is a war crime,\" Synehubov said. Ukraine accused Russia of "
                 "deliberately targeting civilians in Kharkiv."),
    Article(id="market-east", source="test:market-east", outlet="Eastern Wire", published="2022-03-03",
            published_from="given", title="Kharkiv market shelled, at least 34 dead",
            body="Kharkiv market shelled, at least 34 dead\n\nRussian artillery shelled a market in Kharkiv on "
                 "Thursday, killing at least 34 civilians and wounding 285, Ukrainian emergency services said.\n\n"
                 "The Russian defence ministry denied targeting civilians in Kharkiv. \"Our forces strike only "
                 "military targets,\" spokesman Igor Konashenkov said."),
    Article(id="hostile", source="test:hostile", outlet=f"<b onmouseover=\"{PAYLOAD}\">Evil</b> Outlet",
            published="2022-03-04", published_from="given", url=f"javascript:{PAYLOAD}",
            title=f"<script>{PAYLOAD}</script>Troops cross the border",
            body=f"<script>{PAYLOAD}</script>Troops cross the border\n\nRussian troops crossed into Ukraine near "
                 f"Kharkiv on Friday, Ukraine's defence ministry said.<img src=x onerror=\"{PAYLOAD}\">\n\n"
                 f"\"We will defend every town,\" Ukrainian President Volodymyr Zelensky said. "
                 f"<svg onload=\"{PAYLOAD}\"></svg><a href=\"javascript:{PAYLOAD}\">click</a>"),
]


def until_loaded(browser: webdriver.Chrome, old: WebElement, fragment: str) -> None:
    """Wait for a navigation a click started: the old page gone, the new one at `fragment` and fully loaded
    (the URL changes before the new page is there, and a loaded machine shows the gap). Chromium may answer a
    query about the old page mid-navigation with an inspector error: that is polled again, not a failure."""
    WebDriverWait(browser, 20, ignored_exceptions=(WebDriverException,)).until(expected_conditions.staleness_of(old))
    WebDriverWait(browser, 20, ignored_exceptions=(WebDriverException,)).until(
        lambda d: fragment in d.current_url and d.execute_script("return document.readyState") == "complete")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """uvicorn in a thread over a fresh SQLite store: the five seeds plus the reports above."""
    tmp = Path(tempfile.mkdtemp(prefix="flashpoint-dash-"))
    store = Store(f"sqlite:///{tmp / 'dash.db'}")
    report = workflow.ingest(sorted(str(p) for p in SEEDS.glob("*.txt")), store)
    assert len(report.stored) == 5, report.errors
    extra = workflow.ingest_articles(REPORTS, store)
    assert len(extra.stored) == len(REPORTS), extra.errors
    with serving_store(store, tmp) as base:
        yield base


browser = browser_fixture(30)


def api(server: str, path: str) -> Any:
    with urllib.request.urlopen(server + path, timeout=30) as resp:  # noqa: S310 - our own local server
        return json.loads(resp.read())


def shot(browser: webdriver.Chrome, output_dir: Path, name: str) -> None:
    height = browser.execute_script("return document.documentElement.scrollHeight")
    browser.set_window_size(1400, min(max(int(height), 800), 4000))
    browser.execute_script("window.scrollTo(0, 0)")
    browser.save_screenshot(str(output_dir / name))
    browser.set_window_size(1400, 1000)


def test_overview_shows_stories_escalation_and_actors(server: str, browser: webdriver.Chrome,
                                                       output_dir: Path) -> None:
    browser.get(server + "/")
    assert "flashpoint" in browser.title
    stories = browser.find_elements(By.CSS_SELECTOR, "#stories a.story-link")
    assert len(stories) == len(api(server, "/api/stories?limit=12")["items"]) > 0
    # each dyad's days with data are points on a calendar axis (joined by a line only across consecutive days)
    assert browser.find_elements(By.CSS_SELECTOR, "#escalation svg circle")
    assert "index" in browser.find_element(By.CSS_SELECTOR, "#escalation svg .y-title").text
    actor_rows = browser.find_elements(By.CSS_SELECTOR, "#actors tbody tr")
    assert len(actor_rows) >= 3
    # ranked by involvement (acts + targeted + quotes), so the first actor is one that acts
    involvement = [sum(int(td.text) for td in r.find_elements(By.CSS_SELECTOR, "td.num")[1:]) for r in actor_rows]
    assert involvement == sorted(involvement, reverse=True) and involvement[-1] > 0
    assert len(browser.find_elements(By.CSS_SELECTOR, "#latest li a")) >= 5
    # the latest stories come first: the hostile report (2022-03-04), then the market shelling (2022-03-03)
    latest = [s.text for s in stories[:2]]
    assert "Troops cross the border" in latest[0] and "Kharkiv market" in latest[1], latest
    dates = [d.text[:10] for d in browser.find_elements(By.CSS_SELECTOR, "#stories li .meta .date") if d.text]
    assert dates and dates == sorted(dates, reverse=True)
    # an outlet the corpus only knows by its file is shown as unknown, not as a name
    unknown = browser.find_elements(By.CSS_SELECTOR, "#stories .outlet.unknown")
    assert unknown and all(not u.text.startswith("(") for u in unknown)
    shot(browser, output_dir, "dashboard-overview.png")
    old = browser.find_element(By.TAG_NAME, "html")
    stories[0].click()
    until_loaded(browser, old, "/stories/")
    assert browser.find_element(By.ID, "story-title").text


def test_story_page_puts_outlets_side_by_side(server: str, browser: webdriver.Chrome, output_dir: Path) -> None:
    multi = [s for s in api(server, "/api/stories?limit=100")["items"] if len(s["outlets"]) >= 2]
    assert multi, "the two reports of the market shelling should form one story"
    story = next(s for s in multi if "market-north" in s["article_ids"])
    browser.get(f"{server}/stories/{story['id']}")
    columns = browser.find_elements(By.CSS_SELECTOR, "#outlets .outlet-col")
    names = [c.find_element(By.CSS_SELECTOR, ".outlet-name").text for c in columns]
    assert len(columns) == len(story["outlets"])
    assert all(any(n.startswith(o) for n in names) for o in ("Northern Courier", "Eastern Wire"))
    for col in columns:
        assert col.find_elements(By.CSS_SELECTOR, ".headlines a")
    # the two outlets report different death tolls: the figures table flags it
    disagreements = browser.find_elements(By.CSS_SELECTOR, "#figures tr.disagree")
    assert disagreements
    row = disagreements[0].text.lower()
    assert "killed" in row or "wounded" in row
    # and each outlet's own column marks its disputed figures
    for col in columns:
        disputed = col.find_elements(By.CSS_SELECTOR, ".figs li.disagree")
        assert disputed and all("disputed" in li.text for li in disputed)
    voices = browser.find_elements(By.CSS_SELECTOR, "#outlets .voices li")
    assert voices
    lede = browser.find_element(By.CSS_SELECTOR, ".lede").text
    assert lede.startswith("2022-03-03") and "2 articles from 2 outlets" in lede
    shot(browser, output_dir, "dashboard-story.png")
    # a reported figure links to its record on the article page, which is highlighted there
    link = browser.find_element(By.CSS_SELECTOR, "#claims tr.disagree a[href*='#fig-']")
    number = link.find_element(By.CSS_SELECTOR, "strong").text
    old = browser.find_element(By.TAG_NAME, "html")
    link.click()
    until_loaded(browser, old, "/articles/")
    record = browser.find_element(By.CSS_SELECTOR, "#records .rec.k-quantity:has(> .anchor:target)")
    assert number in record.text and record.value_of_css_property("background-color") != "rgba(0, 0, 0, 0)"


def test_article_page_highlights_every_record(server: str, browser: webdriver.Chrome, output_dir: Path) -> None:
    seeds = api(server, "/api/articles?limit=100")["items"]
    records = [api(server, f"/api/articles/{a['id']}") for a in seeds if a["id"] not in ("hostile",)]
    rec = max(records, key=lambda r: len(r["quotes"]) + len(r["events"]) + len(r["quantities"]))
    browser.get(f"{server}/articles/{rec['id']}")
    body = browser.find_element(By.ID, "article-body")
    assert body.text.replace("\n", "").strip()[:40] == rec["body"].replace("\n", "").strip()[:40]
    for kind, key in (("entity", "entities"), ("quote", "quotes"), ("timex", "timexes"),
                      ("quantity", "quantities"), ("event", "events")):
        panel = browser.find_elements(By.CSS_SELECTOR, f"#records .rec.k-{kind}")
        valid = [s for s in rec[key] if 0 <= s["start"] < s["end"] <= len(rec["body"])]
        assert len(panel) == len(valid), kind
        if valid:
            assert body.find_elements(By.CSS_SELECTOR, f".hl.k-{kind}"), kind
    # a quote's text in the panel is what the highlighted span says
    if rec["quotes"]:
        segs = body.find_elements(By.CSS_SELECTOR, '.hl[data-refs~="q0"]')
        assert "".join(s.text for s in segs).replace("\n", "") == \
            rec["body"][rec["quotes"][0]["start"]:rec["quotes"][0]["end"]].replace("\n", "")
    # the record panel links to the text and the text links to the record
    jump = browser.find_element(By.CSS_SELECTOR, "#records .rec a.jump")
    jump.click()
    assert "#at-" in browser.current_url
    seg = body.find_elements(By.CSS_SELECTOR, "a.hl")[0]
    target = seg.get_attribute("href").split("#")[1]
    browser.execute_script("arguments[0].click()", seg)
    assert browser.current_url.endswith("#" + target) and browser.find_element(By.ID, target)
    shot(browser, output_dir, "dashboard-article.png")


def test_timeline_filters_change_what_is_shown(server: str, browser: webdriver.Chrome, output_dir: Path) -> None:
    browser.get(server + "/timeline")
    items = browser.find_elements(By.CSS_SELECTOR, "#timeline .tl-item")
    assert items
    types = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#timeline .tl-item .type")]
    rarest = min(set(types), key=types.count)
    assert types.count(rarest) < len(types)
    # choosing a type applies at once (static JS; the CSP allows no inline script)
    old = browser.find_element(By.TAG_NAME, "html")
    Select(browser.find_element(By.ID, "f-type")).select_by_value(rarest)
    until_loaded(browser, old, f"type={rarest}")
    shown = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#timeline .tl-item .type")]
    assert shown and set(shown) == {rarest} and len(shown) == types.count(rarest)
    # a date range narrows it further, to what the API says
    dates = sorted(d.text for d in browser.find_elements(By.CSS_SELECTOR, "#timeline .tl-date"))
    browser.get(server + "/timeline")
    field = browser.find_element(By.ID, "f-country")
    field.send_keys("RUS")
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, "#timeline-filters button").click()
    until_loaded(browser, old, "country=RUS")
    by_country = browser.find_elements(By.CSS_SELECTOR, "#timeline .tl-item")
    expected = api(server, "/api/timeline?country=RUS&limit=200")["items"]
    assert len(by_country) == len(expected) < len(items)
    assert "date_from" not in browser.current_url  # empty fields are left out of the URL
    assert dates == sorted(dates)
    # an actor by name
    name = next(r["actor"] for r in api(server, "/api/timeline?limit=200")["items"] if r["actor"])
    browser.get(server + "/timeline")
    browser.find_element(By.ID, "f-actor").send_keys(name)
    old = browser.find_element(By.TAG_NAME, "html")
    browser.find_element(By.CSS_SELECTOR, "#timeline-filters button").click()
    until_loaded(browser, old, "actor=")
    expected = api(server, "/api/timeline?limit=200&actor=" + urllib.parse.quote(name))["items"]
    assert 0 < len(browser.find_elements(By.CSS_SELECTOR, "#timeline .tl-item")) == len(expected) < len(items)
    browser.get(server + "/timeline?country=RUS")
    shot(browser, output_dir, "dashboard-timeline.png")


def test_actor_page(server: str, browser: webdriver.Chrome, output_dir: Path) -> None:
    top = api(server, "/api/actors?limit=5")["items"][0]
    browser.get(f"{server}/actors/{top['id']}")
    assert browser.find_element(By.ID, "actor-name").text
    rows = browser.find_elements(By.CSS_SELECTOR, "#as-actor tbody tr, #as-recipient tbody tr")
    assert len(rows) >= 2
    # the event tables take the page's width, not a narrow side column where sentences wrap word by word
    main = browser.find_element(By.TAG_NAME, "main").size["width"]
    for section in ("#as-actor table", "#as-recipient table", "#actor-escalation"):
        assert browser.find_element(By.CSS_SELECTOR, section).size["width"] > 0.8 * main, section
    # the chart says what it plots
    titles = [t.text for t in browser.find_elements(By.CSS_SELECTOR, "#actor-escalation svg .axis-title")]
    assert len(titles) == 2 and all(titles)
    shot(browser, output_dir, "dashboard-actor.png")


def test_injected_script_never_runs(server: str, browser: webdriver.Chrome, output_dir: Path) -> None:
    hostile_story = next(s["id"] for s in api(server, "/api/stories?limit=100")["items"]
                         if "hostile" in s["article_ids"])
    for path in ("/articles/hostile", "/", "/articles", "/stories", "/timeline?date_from=2022-03-04",
                 f"/stories/{hostile_story}", "/actors", "/articles?q=troops"):
        browser.get(server + path)
        assert browser.execute_script("return window.__pwned === undefined"), path
        assert browser.title != "pwned" and browser.title.endswith("flashpoint"), path
    browser.get(server + "/articles/hostile")
    # the markup shows as text, and none of it became an element
    assert "<script>" in browser.find_element(By.ID, "article-title").text
    body = browser.find_element(By.ID, "article-body")
    assert "<img src=x onerror=" in body.text
    assert not body.find_elements(By.CSS_SELECTOR, "img, svg, script, b")
    hrefs = [a.get_attribute("href") or "" for a in browser.find_elements(By.CSS_SELECTOR, "a")]
    assert not [h for h in hrefs if h.lower().startswith("javascript:")]
    # even hovering over every highlighted span runs nothing but our own script
    for seg in body.find_elements(By.CSS_SELECTOR, "a.hl")[:10]:
        webdriver.ActionChains(browser).move_to_element(seg).perform()
    assert browser.execute_script("return window.__pwned === undefined")
    shot(browser, output_dir, "dashboard-hostile.png")


def test_content_security_policy_blocks_inline_script(server: str, browser: webdriver.Chrome) -> None:
    """Escaping is the first wall; the CSP is the second: markup that did reach the DOM still runs nothing."""
    browser.get(server + "/articles/hostile")
    # an inline <script> added to the page is refused (it would run synchronously if allowed)
    browser.execute_script(
        "var s = document.createElement('script'); s.textContent = \"window.__pwned = 'inline'\";"
        "document.head.appendChild(s);")
    assert browser.execute_script("return window.__pwned === undefined")
    # an inline event handler on an element that fails to load: by the time our own listener (registered after
    # the attribute) hears the error, the handler would have run if the CSP allowed it
    blocked = browser.execute_async_script("""
        var done = arguments[arguments.length - 1], violations = [], failed = false;
        function finish() {
          // the handler ran (no CSP): answer now; else wait for the browser's report of what it blocked
          if (window.__pwned !== undefined || (failed && violations.length)) {
            done({pwned: window.__pwned === undefined ? null : window.__pwned, violations: violations});
          }
        }
        document.addEventListener('securitypolicyviolation', function (e) {
          violations.push(e.violatedDirective); finish();
        });
        var holder = document.createElement('div');
        holder.innerHTML = '<img src="/static/no-such-image.png" onerror="window.__pwned = \\'handler\\'">';
        holder.firstChild.addEventListener('error', function () { failed = true; finish(); });
        document.body.appendChild(holder);
    """)
    assert blocked["pwned"] is None
    assert any(v.startswith("script-src") for v in blocked["violations"]), blocked
