"""Shared fixtures: real SQLite files and a throw-away PostgreSQL cluster started with initdb/pg_ctl."""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import uvicorn

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SEEDS = SHARED / "seeds"
OUTPUT = Path(os.environ.get("FLASHPOINT_TEST_OUTPUT", ROOT / "test-output"))
CHROMIUM, CHROMEDRIVER = Path("/usr/bin/chromium"), Path("/usr/bin/chromedriver")


@pytest.fixture
def language_with(tmp_path: Path) -> Any:
    """A language folder `xx` beside a copy of English with one file edited: `language_with(name, old, new)` copies
    resources/lang/en/<name> with `old` replaced by `new` (which must be there) and gives the folder above `xx`, for
    a test that points the loader's LANG_DIR at it to see a schema error."""
    from flashpoint.nlp.language import LANG_DIR

    def edited(name: str, old: str, new: str) -> Path:
        folder = tmp_path / "xx"
        folder.mkdir(exist_ok=True)
        text = (LANG_DIR / "en" / name).read_text(encoding="utf-8")
        assert old in text
        (folder / name).write_text(text.replace(old, new, 1), encoding="utf-8")
        return tmp_path

    return edited


def benchmark_module(name: str) -> Any:
    """benchmarks/<name>.py loaded as a module (benchmarks/ is no package; its scripts import their siblings)."""
    import importlib.util
    import sys

    bench = ROOT / "benchmarks"
    if str(bench) not in sys.path:
        sys.path.insert(0, str(bench))
    spec = importlib.util.spec_from_file_location(name, bench / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _free_port() -> int:
    from flashpoint.store.pgtemp import free_port

    return free_port()


@contextlib.contextmanager
def serving(app: Any) -> Iterator[str]:
    """A real uvicorn server for `app` on a free port of 127.0.0.1, in a thread; yields its base URL."""
    port = _free_port()
    srv = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not srv.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        srv.should_exit = True
        thread.join(10)


@contextlib.contextmanager
def serving_store(store: Any, folder: Path) -> Iterator[str]:
    """The dashboard and API over `store` on a real server; afterwards the store is closed and `folder` removed."""
    from flashpoint.api.app import create_app

    try:
        with serving(create_app(store=store)) as base:
            yield base
    finally:
        store.close()
        shutil.rmtree(folder, ignore_errors=True)


def browser_fixture(page_load_timeout: int) -> Any:
    """A headless Chromium for a test module (`browser = browser_fixture(30)` at the module's top level)."""
    @pytest.fixture(scope="module")
    def browser() -> Iterator[Any]:
        with headless_chromium(page_load_timeout=page_load_timeout) as driver:
            yield driver

    return browser


@contextlib.contextmanager
def headless_chromium(page_load_timeout: int) -> Iterator[Any]:
    """Debian's Chromium driven by chromedriver, headless, with a throw-away profile and no background
    network traffic (this machine's network is closed)."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    profile = tempfile.mkdtemp(prefix="flashpoint-chromium-")
    opts = webdriver.ChromeOptions()
    opts.binary_location = str(CHROMIUM)
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync",
                 "--no-first-run", f"--user-data-dir={profile}", "--window-size=1400,1000"):
        opts.add_argument(flag)
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=opts)
    driver.set_page_load_timeout(page_load_timeout)
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[str]:
    """A PostgreSQL cluster of our own on a free port; yields a base URL without database."""
    from flashpoint.store.pgtemp import temporary_cluster

    with temporary_cluster() as base:
        yield base


_db_counter = 0


def _new_pg_database(server: str) -> str:
    import psycopg

    global _db_counter
    _db_counter += 1
    name = f"t{os.getpid()}_{_db_counter}_{int(time.time() * 1000) % 100000}"
    conninfo = server.replace("postgresql+psycopg://", "postgresql://") + "/postgres"
    with psycopg.connect(conninfo, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A fresh, empty database URL: once SQLite, once PostgreSQL."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'flashpoint.db'}"
    return _new_pg_database(request.getfixturevalue("pg_server"))


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'flashpoint.db'}"


@pytest.fixture
def pg_url(pg_server: str) -> str:
    return _new_pg_database(pg_server)


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Where tests leave artefacts to look at (screenshots)."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    """The bundled sample corpus (20 articles: 19 pages and one republished wire story; five outlets) in a SQLite store, built once per session."""
    from flashpoint.demo import sample_dir
    from flashpoint.store.store import Store
    from flashpoint.workflow import ingest

    url = f"sqlite:///{tmp_path_factory.mktemp('sample') / 'sample.db'}"
    store = Store(url)
    report = ingest([str(sample_dir())], store)
    assert report.stored and not report.errors
    store.close()
    return url
