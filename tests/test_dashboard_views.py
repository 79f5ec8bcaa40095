"""The dashboard's pictures and tables in a real headless Chromium over the demo corpus: the map, the coverage bar,
the escalation chart and its explanation, the timeline's denial marks, downloads, sorting and paging.
Screenshots go to test-output/ (look at them)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import tempfile
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from conftest import CHROMEDRIVER, CHROMIUM, browser_fixture, serving_store
from flashpoint import workflow
from flashpoint.demo import sample_dir
from flashpoint.model import Article
from flashpoint.store.store import Store
from test_dashboard import api, shot

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                                reason="needs chromium and chromedriver in /usr/bin")

OUTPUT = Path(__file__).resolve().parents[1] / "test-output"


PLACES = ["harbour", "orchard", "library", "stadium", "bakery", "glacier", "vineyard", "monastery", "railway",
          "lighthouse", "quarry", "brewery", "canal", "observatory", "sawmill", "tannery", "aqueduct", "bazaar",
          "citadel", "dairy", "foundry", "granary", "hospice", "kiln", "lagoon", "meadow", "nursery", "pavilion",
          "reservoir", "theatre"]


def _filler(i: int) -> Article:
    """Short reports of unrelated small happenings a week apart, enough of them to need paging."""
    day = (dt.date(2019, 1, 1) + dt.timedelta(days=7 * i)).isoformat()
    place = PLACES[i]
    return Article(id=f"filler-{i}", source=f"test:filler-{i}", outlet=f"Filler Gazette {i % 3}", published=day,
                   published_from="given", title=f"The {place} reopens",
                   body=f"The {place} reopens\n\nThe old {place} opened its doors again on Monday.")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    tmp = Path(tempfile.mkdtemp(prefix="flashpoint-views-"))
    store = Store(f"sqlite:///{tmp / 'views.db'}")
    report = workflow.ingest([str(sample_dir())], store)
    assert not report.errors
    extra = workflow.ingest_articles([_filler(i) for i in range(30)], store)
    assert len(extra.stored) == 30, extra.errors
    with serving_store(store, tmp) as base:
        for path in ("/", "/stories"):  # the first request builds the actor table: not what a page load should wait on
            with urllib.request.urlopen(f"{base}{path}", timeout=300) as resp:  # noqa: S310
                resp.read()
        yield base


browser = browser_fixture(60)


@pytest.fixture(scope="module")
def output_dir() -> Path:
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT


def _download(link: object) -> str:
    href = link.get_attribute("href")  # type: ignore[attr-defined]
    head, _, payload = href.partition(",")
    assert head.startswith("data:")
    return urllib.parse.unquote(payload)


def test_map_shades_countries_and_links_to_their_timeline(server: str, browser: webdriver.Chrome,
                                                          output_dir: Path) -> None:
    browser.get(server + "/")
    shaded = browser.find_elements(By.CSS_SELECTOR, "#event-map path.has-events")
    countries = {p.get_attribute("data-country"): int(p.get_attribute("data-events") or 0) for p in shaded}
    assert {"ARM", "AZE"} <= set(countries)
    assert len(browser.find_elements(By.CSS_SELECTOR, "#event-map path.country")) > 150  # the world is drawn
    fills = {p.get_attribute("data-country"): p.get_attribute("fill") for p in shaded}
    busiest = max(countries, key=lambda c: countries[c])
    assert fills[busiest] != browser.find_element(By.CSS_SELECTOR, "#event-map path:not(.has-events)") \
        .get_attribute("fill")
    shot(browser, output_dir, "views-overview-map.png")
    browser.get(server + "/timeline?country=AZE")
    assert browser.find_elements(By.CSS_SELECTOR, "#timeline .tl-item")


def test_escalation_chart_has_a_calendar_axis_chosen_dyads_and_an_explanation(server: str,
                                                                            browser: webdriver.Chrome) -> None:
    browser.get(server + "/")
    choices = browser.find_elements(By.CSS_SELECTOR, "#dyad-form input[name=dyad]")
    assert choices
    labels = [c.find_element(By.XPATH, "..").text for c in choices]
    assert all(" → " in label for label in labels)
    values = [c.get_attribute("value") for c in choices]
    assert all(v.split("->")[0] != v.split("->")[1] for v in values)  # no self-dyad ('AZE->AZE/CVL' is two parties)
    chosen = [c.get_attribute("value") for c in choices if c.is_selected()]
    assert len(browser.find_elements(By.CSS_SELECTOR, "#escalation polyline.series")) >= len(chosen)
    assert browser.find_elements(By.CSS_SELECTOR, "#escalation rect.gap")  # days without articles are shown as gaps
    one = choices[-1].get_attribute("value")
    browser.get(server + "/?dyad=" + urllib.parse.quote(one))
    drawn = {p.get_attribute("data-series") for p in browser.find_elements(By.CSS_SELECTOR, "#escalation polyline")}
    assert len(drawn) <= 1
    explain = browser.find_element(By.ID, "score-explained")
    explain.find_element(By.TAG_NAME, "summary").click()
    assert "14 days of data" in explain.text and "denied" in explain.text
    assert "No alerts" in browser.find_element(By.ID, "alerts").text


def test_story_page_coverage_bar_names_each_outlet_and_what_it_reports(server: str, browser: webdriver.Chrome,
                                                                      output_dir: Path) -> None:
    stories = api(server, "/api/stories?limit=100")["items"]
    multi = max(stories, key=lambda s: (s["n_outlets"], s["articles"]))
    assert multi["n_outlets"] >= 2
    browser.get(f"{server}/stories/{multi['id']}")
    segments = browser.find_elements(By.CSS_SELECTOR, "#coverage rect.segment")
    assert {s.get_attribute("data-outlet") for s in segments} == set(multi["outlets"])
    assert sum(int(s.get_attribute("data-articles")) for s in segments) == multi["articles"]
    titles = [s.find_element(By.TAG_NAME, "title").get_attribute("textContent") for s in segments]
    assert all("Reports:" in t for t in titles)
    items = browser.find_elements(By.CSS_SELECTOR, "#coverage .coverage-item")
    assert len(items) == len(segments)
    shot(browser, output_dir, "views-story-coverage.png")
    browser.get(server + "/stories")
    assert len(browser.find_elements(By.CSS_SELECTOR, "table.data svg.coverage")) >= 2
    shot(browser, output_dir, "views-stories.png")


def test_tables_download_every_row_as_csv_and_json_and_sort(server: str, browser: webdriver.Chrome) -> None:
    browser.get(server + "/stories")
    table = browser.find_element(By.CSS_SELECTOR, "table.data[data-name=stories]")
    n_rows = len(table.find_elements(By.CSS_SELECTOR, "tbody tr"))
    csv_link = browser.find_element(By.CSS_SELECTOR, ".table-tools a.download.csv")
    json_link = browser.find_element(By.CSS_SELECTOR, ".table-tools a.download.json")
    assert csv_link.get_attribute("download") == "stories.csv"
    rows = list(csv.reader(io.StringIO(_download(csv_link))))
    assert rows[0][:2] == ["Story", "Dates"] and len(rows) == n_rows + 1
    records = json.loads(_download(json_link))
    assert len(records) == n_rows and {"Story", "Articles"} <= set(records[0])
    header = table.find_element(By.XPATH, ".//th[normalize-space()='Articles']")
    header.click()
    header.click()  # descending
    assert header.get_attribute("aria-sort") == "descending"
    counts = [int(td.text) for td in table.find_elements(By.CSS_SELECTOR, "tbody tr:not([hidden]) td.num")]
    assert counts == sorted(counts, reverse=True) and counts[0] > 1
    first = list(csv.reader(io.StringIO(_download(csv_link))))[1]
    assert int(first[-1]) == counts[0]  # the download follows the order shown


def test_long_tables_are_paged(server: str, browser: webdriver.Chrome, output_dir: Path) -> None:
    browser.get(server + "/stories")
    table = browser.find_element(By.CSS_SELECTOR, "table.data[data-name=stories]")
    rows = table.find_elements(By.CSS_SELECTOR, "tbody tr")
    assert len(rows) > 25
    visible = [r.text for r in rows if r.is_displayed()]
    assert len(visible) == 25
    where = browser.find_element(By.CSS_SELECTOR, ".table-pager .page-where")
    assert f"of {len(rows)}" in where.text
    browser.find_element(By.CSS_SELECTOR, ".table-pager a.page-next").click()
    second = [r.text for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()]
    assert second and not set(second) & set(visible) and len(second) == len(rows) - 25
    assert "26–" in where.text
    shot(browser, output_dir, "views-stories-page-2.png")
    browser.find_element(By.CSS_SELECTOR, ".table-pager a.page-prev").click()
    assert [r.text for r in table.find_elements(By.CSS_SELECTOR, "tbody tr") if r.is_displayed()] == visible


def test_timeline_marks_denials_and_hypotheticals(server: str, browser: webdriver.Chrome, output_dir: Path) -> None:
    browser.get(server + "/timeline?date_from=2020-10-04&date_to=2020-10-05")
    items = browser.find_elements(By.CSS_SELECTOR, "#timeline .tl-item")
    ganja = [i for i in items if "Armenia denied firing at Ganja" in i.text and "ASSAULT" in i.text]
    assert ganja and all("denied" in i.text for i in ganja)
    assert any("tl-denied" in (i.get_attribute("class") or "") or "tl-contested" in (i.get_attribute("class") or "")
               for i in ganja)
    shot(browser, output_dir, "views-timeline-denied.png")
