"""`flashpoint demo`: the main job on the bundled sample corpus, summarised for a first-time user."""

from __future__ import annotations

import os
from collections import Counter
from importlib.resources import files
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from flashpoint.store.store import Store, default_url, normalise_url
from flashpoint.workflow import ingest


def sample_dir() -> Path:
    return Path(str(files("flashpoint") / "sample" / "articles"))


def _safe(view: Any, store: Store) -> list[dict[str, Any]]:
    """A view that fails must not hide the rest of the summary."""
    try:
        rows: list[dict[str, Any]] = view(store)
        return rows
    except Exception as exc:  # noqa: BLE001
        Console(stderr=True).print(f"[yellow]warning:[/] {getattr(view, '__name__', view)}: {exc}")
        return []


def _table(title: str, columns: list[str], rows: list[list[Any]]) -> Table:
    table = Table(title=title, title_justify="left", show_lines=False)
    for col in columns:
        table.add_column(col, overflow="fold")
    for row in rows:
        table.add_row(*("" if v is None else str(v) for v in row))
    return table


def _print_totals(articles: list[Any], console: Console) -> dict[str, int]:
    """The corpus in two lines: articles per outlet, then how many of each kind of record; the counts back."""
    outlets = Counter(a.outlet or "(unknown)" for a in articles)
    totals = {"articles": len(articles), "outlets": len(outlets), "events": sum(len(a.events) for a in articles),
              "quotes": sum(len(a.quotes) for a in articles), "figures": sum(len(a.quantities) for a in articles)}
    n_entities = sum(len(a.entities) for a in articles)
    console.print(f"[bold]{len(articles)} articles[/] from {len(outlets)} outlets: "
                  + ", ".join(f"{o} ({n})" for o, n in outlets.most_common()))
    console.print(f"{n_entities} entity mentions, {totals['quotes']} quotes, {totals['figures']} figures, "
                  f"{totals['events']} events")
    return totals


def _event_tallies(articles: list[Any]) -> tuple[Counter[str], Counter[str]]:
    """Events per named actor (either side, by name else country) and per PLOVER type."""
    actors: Counter[str] = Counter()
    types: Counter[str] = Counter()
    for a in articles:
        for ev in a.events:
            types[ev.type] += 1
            for who in (ev.actor, ev.recipient):
                if who is not None and (who.name or who.country):
                    actors[who.name or who.country or ""] += 1
    return actors, types


def _print_events(articles: list[Any], console: Console) -> None:
    actors, types = _event_tallies(articles)
    if actors:
        console.print(_table("Top actors (in events)", ["actor", "events"], [[k, v] for k, v in actors.most_common(8)]))
    if types:
        console.print(_table("Events by PLOVER type", ["type", "count"], [[k, v] for k, v in types.most_common()]))


def _print_stories(store: Store, console: Console) -> list[dict[str, Any]]:
    from flashpoint.corpus import views

    stories = _safe(views.stories, store)
    if stories:
        console.print(_table("Stories across outlets", ["story", "articles", "outlets"],
                             [[s.get("title"), len(s.get("article_ids") or []), ", ".join(s.get("outlets") or [])]
                              for s in stories[:8]]))
    return stories


def _values_text(claim: dict[str, Any]) -> str:
    """A claim's values as '14,000 (outlet, date); ...'."""
    return "; ".join(f"{v.get('value'):,.0f} ({v.get('outlet')}, {v.get('date')})"
                     for v in (claim.get("values") or []) if v.get("value") is not None)


def _print_contested(store: Store, console: Console) -> list[dict[str, Any]]:
    """The figures outlets give differently (a disagreement or a trend), the first eight printed."""
    from flashpoint.corpus import views

    contested = [c for c in _safe(views.claims, store) if c.get("status") in ("disagree", "trend")]
    if contested:
        console.print(_table("Figures that differ", ["kind", "subject", "status", "values"],
                             [[c.get("kind"), c.get("subject"), c.get("status"), _values_text(c)]
                              for c in contested[:8]]))
    return contested


def _print_alerts(store: Store, console: Console) -> list[dict[str, Any]]:
    """The escalation alerts, where the corpus views have them."""
    from flashpoint.corpus import views

    alerts_view = getattr(views, "alerts", None)
    alerts = _safe(alerts_view, store) if alerts_view else []
    if alerts:
        console.print(_table("Escalation alerts", ["date", "dyad", "score", "baseline"],
                             [[a.get("date"), a.get("dyad") or f"{a.get('actor')}->{a.get('recipient')}",
                               a.get("score") if a.get("score") is not None else a.get("value"), a.get("baseline")]
                              for a in alerts[:8]]))
    return alerts


def _print_framing(store: Store, console: Console) -> None:
    from flashpoint.corpus import views

    framing = _safe(views.framing, store)
    if framing:
        console.print(_table("Framing by outlet", ["outlet", "terms"],
                             [[f.get("outlet"), ", ".join(_terms(f))] for f in framing[:8]]))


def summarise(store: Store, console: Console) -> dict[str, Any]:
    """Print what an analyst would look at first; return the figures for tests."""
    articles = [a for _, a in store.iter_articles()]
    totals = _print_totals(articles, console)
    _print_events(articles, console)
    stories = _print_stories(store, console)
    contested = _print_contested(store, console)
    alerts = _print_alerts(store, console)
    _print_framing(store, console)
    return {**totals, "stories": len(stories), "contested_figures": len(contested), "alerts": len(alerts)}


def _terms(row: dict[str, Any]) -> list[str]:
    terms = row.get("terms") or row.get("term_choices") or {}
    if isinstance(terms, dict):
        return [f"{k}: {v}" for k, v in list(terms.items())[:6]]
    if isinstance(terms, list):
        return [str(t) for t in terms[:6]]
    return [str(terms)]


def run_demo(db: str | None = None, console: Console | None = None) -> dict[str, Any]:
    console = console or Console()
    url = normalise_url(db or default_url())
    store = Store(url)
    console.print(f"[bold]flashpoint demo[/]: ingesting the sample corpus from {sample_dir()} into {url}")
    report = ingest([str(sample_dir())], store,
                    on_error=lambda e: console.print(f"[red]error:[/] {e.source}: {e.message}"))
    console.print(f"stored {len(report.stored)} new articles, {len(report.duplicates)} already present, "
                  f"{len(report.errors)} failed\n")
    figures = summarise(store, console)
    store.close()
    # name the store whenever it is not the plain default, so the command works from any shell
    shown = db if db is not None else (url if os.environ.get("FLASHPOINT_DB") else None)
    serve_db = "" if shown is None else f" --db {escape(shown)}"
    console.print("\nFrom the terminal: flashpoint events | quotes | claims | stories | timeline | framing | escalation")
    console.print(f"Explore it in the dashboard:  [bold]flashpoint serve{serve_db}[/]  then open http://127.0.0.1:8000/",
                  soft_wrap=True)
    return figures
