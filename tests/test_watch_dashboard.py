"""The Watch page in a real headless Chromium: source health (state, last error) and alerts with their
delivery state, from a store a watcher filled by polling real local feeds."""

from __future__ import annotations

import io
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By

from conftest import CHROMEDRIVER, CHROMIUM, browser_fixture, serving_store
from flashpoint.store.store import Store
from flashpoint.watch.config import build_config
from flashpoint.watch.runner import Watch, cycle
from test_dashboard import shot
from watch_site import MARKET_EAST, MARKET_NORTH, report_page, running_site

pytestmark = pytest.mark.skipif(not (CHROMIUM.exists() and CHROMEDRIVER.exists()),
                                reason="needs chromium and chromedriver in /usr/bin")


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    tmp = Path(tempfile.mkdtemp(prefix="flashpoint-watch-dash-"))
    store = Store(f"sqlite:///{tmp / 'w.db'}")
    with running_site() as site:
        site.set_feed("north", ["north"], {"north": report_page(MARKET_NORTH)})
        site.set_feed("east", ["east"], {"east": report_page(MARKET_EAST)})
        site.modes["broken"] = "500"
        config = build_config({
            "trusted_hosts": ["127.0.0.1"], "timeout_s": 30,
            "sources": [{"feed": f"{site.base}/feed/north.xml", "outlet": "Northern Courier"},
                        {"feed": f"{site.base}/feed/east.xml", "outlet": "Eastern Wire"},
                        {"feed": f"{site.base}/feed/broken.xml", "outlet": "Broken <b>Feed</b>"}],
            "thresholds": {"story_outlets": 2},
            "channels": {"stdout": True, "webhook": {"url": f"{site.base}/hook", "secret": site.secret}}})
        report = cycle(Watch(config, store, out=io.StringIO()))
        assert report.stored == 2 and report.new_alerts
    with serving_store(store, tmp) as base:
        yield base


browser = browser_fixture(120)


def test_watch_page_lists_source_health_and_alert_delivery(server: str, browser: webdriver.Chrome,
                                                           output_dir: Path) -> None:
    browser.get(server + "/watch")
    assert browser.find_element(By.LINK_TEXT, "Watch").get_attribute("href").endswith("/watch")  # in the nav
    rows = browser.find_elements(By.CSS_SELECTOR, "#watch-sources tbody tr")
    by_name = {r.find_element(By.CSS_SELECTOR, "td").text.split("\n")[0]: r for r in rows}
    assert set(by_name) == {"Northern Courier", "Eastern Wire", "Broken <b>Feed</b>"}  # shown as text
    broken = by_name["Broken <b>Feed</b>"]
    assert broken.find_element(By.CSS_SELECTOR, "td.state").text == "failing"
    assert "HTTP 500" in broken.find_element(By.CSS_SELECTOR, "td.error").text
    assert "failing" not in by_name["Northern Courier"].text
    alerts = browser.find_elements(By.CSS_SELECTOR, "#watch-alerts tbody tr")
    assert any("Story reported by 2 outlets" in a.text for a in alerts)
    for a in alerts:
        states = [s.text for s in a.find_elements(By.CSS_SELECTOR, ".delivery")]
        assert states == ["stdout: sent", "webhook: sent"]
    assert browser.find_element(By.LINK_TEXT, "Atom feed").get_attribute("href").endswith("/alerts.atom")
    shot(browser, output_dir, "watch.png")
