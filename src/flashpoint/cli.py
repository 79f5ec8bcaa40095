"""The `flashpoint` command: a thin skin over the library functions the API also calls."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.console import Console

from flashpoint.output import render

app = typer.Typer(help="flashpoint: a sourced, cross-checked record of a crisis from the news.",
                  no_args_is_help=True, add_completion=False)
err = Console(stderr=True)

DbOpt = Annotated[str | None, typer.Option("--db", help="SQLAlchemy URL or SQLite path (default: flashpoint.db or $FLASHPOINT_DB)")]
FmtOpt = Annotated[str, typer.Option("--format", "-f", help="table, json or csv")]
LimitOpt = Annotated[int, typer.Option("--limit", help="rows to show")]


def _store(db: str | None) -> Any:
    from flashpoint.store.store import Store

    return Store(db)


def _emit(rows: list[dict[str, Any]], fmt: str, columns: list[str] | None = None, title: str | None = None) -> None:
    if fmt not in ("table", "json", "csv"):
        err.print(f"[red]error:[/] unknown format {fmt!r}: use table, json or csv")
        raise typer.Exit(2)
    text = render(rows, fmt, columns=columns, title=title)
    if text is not None:
        sys.stdout.write(text if text.endswith("\n") else text + "\n")


def _report_error(e: Any) -> None:
    err.print(f"[red]error:[/] {e.source}: {e.message}", highlight=False, soft_wrap=True)


@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="files, directories, URLs, feeds or - for stdin")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (one indented object each) or jsonl")] = "jsonl",
    allow_private: Annotated[bool, typer.Option("--allow-private", help="allow URLs on private addresses")] = False,
) -> None:
    """Analyse documents without storing them: one DESIGN.md JSON record per document."""
    from flashpoint.ingest.pipeline import load_articles
    from flashpoint.model import InputError
    from flashpoint.workflow import analyze_safely

    failed = 0
    for item in load_articles(paths, allow_private=allow_private):
        result = item if isinstance(item, InputError) else analyze_safely(item)
        if isinstance(result, InputError):
            _report_error(result)
            failed += 1
            continue
        record = result.record()
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")
    if failed:
        raise typer.Exit(1)


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="files, directories, URLs, feeds, WARC, JSONL or - for stdin")],
    db: DbOpt = None,
    engine: Annotated[str, typer.Option(help="local or dask")] = "local",
    workers: Annotated[int, typer.Option(help="worker processes")] = 1,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (with --engine dask)")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="allow URLs on private addresses")] = False,
) -> None:
    """Clean, analyse and store documents; the same document twice is stored once."""
    from flashpoint.workflow import ingest as run_ingest

    store = _store(db)
    report = run_ingest(sources, store, engine=engine, workers=workers, scheduler=scheduler,
                        allow_private=allow_private, on_error=_report_error)
    err.print(f"stored {len(report.stored)}, already present {len(report.duplicates)}, failed {len(report.errors)}")
    if report.errors:
        raise typer.Exit(1)


@app.command()
def events(
    db: DbOpt = None, fmt: FmtOpt = "table", limit: LimitOpt = 100,
    type: Annotated[str | None, typer.Option(help="PLOVER type")] = None,
    country: Annotated[str | None, typer.Option(help="actor or recipient country (ISO alpha-3)")] = None,
    outlet: Annotated[str | None, typer.Option()] = None,
    since: Annotated[str | None, typer.Option(help="from date YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="to date YYYY-MM-DD")] = None,
) -> None:
    """Coded events with the sentence each came from."""
    from flashpoint.store.queries import list_events

    rows = list_events(_store(db), type=type, country=country, outlet=outlet, date_from=since, date_to=until, limit=limit)
    _emit(rows, fmt, None if fmt != "table" else
          ["date", "type", "actor_name", "actor_country", "recipient_name", "recipient_country", "historical",
           "negated", "hypothetical", "outlet", "text"], "events")


@app.command()
def quotes(
    db: DbOpt = None, fmt: FmtOpt = "table", limit: LimitOpt = 100,
    speaker: Annotated[str | None, typer.Option()] = None,
    outlet: Annotated[str | None, typer.Option()] = None,
) -> None:
    """Quotations with their speakers."""
    from flashpoint.store.queries import list_quotes

    rows = list_quotes(_store(db), speaker=speaker, outlet=outlet, limit=limit)
    _emit(rows, fmt, None if fmt != "table" else ["published", "outlet", "speaker_name", "cue", "direct", "text"],
          "quotes")


def _view_command(name: str, doc: str, table_cols: list[str] | None = None) -> None:
    def command(
        db: DbOpt = None, fmt: FmtOpt = "table", limit: LimitOpt = 200,
        outlet: Annotated[str | None, typer.Option()] = None,
        country: Annotated[str | None, typer.Option(help="actor or recipient country (ISO alpha-3)")] = None,
        actor: Annotated[str | None, typer.Option(help="actor id or name (escalation: actor country)")] = None,
        type: Annotated[str | None, typer.Option(help="PLOVER type (claims: figure kind)")] = None,
        since: Annotated[str | None, typer.Option(help="from date YYYY-MM-DD")] = None,
        until: Annotated[str | None, typer.Option(help="to date YYYY-MM-DD")] = None,
        period: Annotated[str | None, typer.Option(help="escalation: day or week")] = None,
    ) -> None:
        from flashpoint.corpus import views

        filters = {"outlet": outlet, "country": country, "actor": actor, "type": type, "date_from": since,
                   "date_to": until, "period": period, "limit": limit}
        rows = getattr(views, name)(_store(db), **{k: v for k, v in filters.items() if v is not None})[:limit]
        _emit(rows, fmt, table_cols if fmt == "table" else None, name)

    command.__doc__ = doc
    command.__name__ = name
    app.command(name=name)(command)


_view_command("stories", "Articles about the same happening, across outlets.",
              ["id", "first_date", "last_date", "articles", "distinct", "n_outlets", "outlets", "title"])
_view_command("claims", "Figures of the same kind and subject side by side, disagreements flagged.",
              ["kind", "subject", "period", "status", "n_articles", "figures"])
_view_command("timeline", "Merged events in date order, each with its mentions.",
              ["date", "type", "actor", "recipient", "historical", "articles", "outlets", "snippet"])
_view_command("framing", "Per outlet: competing terms used, whose voices are quoted, who is cast as aggressor.",
              ["outlet", "articles", "lean", "group", "quotes", "term_choices"])
_view_command("escalation", "Score-weighted daily counts of distinct current events per dyad, with alerts.",
              ["date", "dyad", "value", "events", "baseline", "threshold", "alert"])


@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option()] = 8000,
    api_key: Annotated[str | None, typer.Option("--api-key", envvar="FLASHPOINT_API_KEY", help="key for write endpoints")] = None,
) -> None:
    """Serve the REST API and the dashboard."""
    import uvicorn

    from flashpoint.api.app import create_app

    uvicorn.run(create_app(db, api_key=api_key), host=host, port=port)


@app.command()
def watch(
    sources: Annotated[list[str] | None, typer.Argument(help="feed or sitemap URLs, folders (added to the watch file's)")] = None,
    file: Annotated[Path | None, typer.Option("--file", "-c", help="watch file (YAML): sources, channels, thresholds")] = None,
    db: DbOpt = None,
    once: Annotated[bool, typer.Option("--once", help="poll every due source once, deliver, exit (tests, cron)")] = False,
    interval: Annotated[float | None, typer.Option(help="seconds between polls of the command-line sources")] = None,
    outlet: Annotated[str | None, typer.Option(help="outlet name for the command-line sources")] = None,
    language: Annotated[str | None, typer.Option(help="language of the command-line sources")] = None,
    webhook: Annotated[str | None, typer.Option(help="POST alerts as JSON to this URL")] = None,
    webhook_secret: Annotated[str | None, typer.Option(envvar="FLASHPOINT_WEBHOOK_SECRET", help="HMAC key for the signature header")] = None,
    no_stdout: Annotated[bool, typer.Option("--no-stdout", help="do not print alerts as JSON lines")] = False,
    min_outlets: Annotated[int | None, typer.Option(help="alert when a story has this many outlets (0: never)")] = None,
    allow_private: Annotated[bool, typer.Option("--allow-private", help="allow URLs on private addresses")] = False,
    trusted_host: Annotated[list[str] | None, typer.Option("--trusted-host", help="a host allowed on a private network")] = None,
) -> None:
    """Keep sources under watch: poll, ingest what is new, raise alerts and deliver them once per channel."""
    from flashpoint.watch.config import ConfigError, build_config, defaults, load_watch_file, source_from_spec
    from flashpoint.watch.runner import Watch, install_signal_handlers, run

    try:
        config = load_watch_file(file) if file else build_config({})
        base = {**defaults(), **({"interval_s": interval} if interval is not None else {})}
        for i, spec in enumerate(sources or []):
            entry = {"feed" if "://" in spec else "folder": spec, "outlet": outlet, "language": language}
            config.sources.append(source_from_spec({k: v for k, v in entry.items() if v}, base, f"argument {i + 1}"))
        if webhook:
            extra = build_config({"channels": {"webhook": {"url": webhook}}})
            config.webhook = extra.webhook
        if config.webhook and webhook_secret:
            config.webhook.secret = webhook_secret
    except ConfigError as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False)
        raise typer.Exit(2) from exc
    if not config.sources:
        err.print("[red]error:[/] nothing to watch: give sources or a watch file with sources")
        raise typer.Exit(2)
    config.stdout = config.stdout and not no_stdout
    if min_outlets is not None:
        config.thresholds.story_outlets = min_outlets
    config.allow_private = config.allow_private or allow_private
    config.trusted_hosts.extend(trusted_host or [])
    w = Watch(config, _store(db))
    install_signal_handlers(w)
    report = run(w, once=once)
    if once and report.failed:
        raise typer.Exit(1)


@app.command(name="eval")
def evaluate(
    suite: Annotated[str, typer.Argument(help="article-extraction, datetime, seeds, plover, events, stories or realnews")],
    path: Annotated[Path, typer.Argument(help="the data set's folder or file")],
    plain_text: Annotated[bool, typer.Option("--plain-text", help="article-extraction: score the plain-text dumps")] = False,
    limit: Annotated[int | None, typer.Option("--limit", help="article-extraction, stories: first N records")] = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table or json")] = "table",
    as_json: Annotated[bool, typer.Option("--json", help="same as --format json")] = False,
    articles: Annotated[Path | None, typer.Option("--articles", help="realnews: articles.jsonl (default ../shared/realnews/articles.jsonl)")] = None,
    split: Annotated[str, typer.Option("--split", help="realnews: tune, heldout or all")] = "tune",
    min_confidence: Annotated[float, typer.Option("--min-confidence", help="realnews: lowest event confidence counted")] = 0.5,
    errors: Annotated[bool, typer.Option("--errors", help="realnews: list misses and false positives (tune articles only)")] = False,
) -> None:
    """Score flashpoint against a gold set."""
    from flashpoint.evals import run_suite

    try:
        scores = run_suite(suite, path, plain_text=plain_text, limit=limit, articles=articles, split=split,
                           min_confidence=min_confidence, errors=errors)
    except (KeyError, FileNotFoundError, ValueError) as exc:
        err.print(f"[red]error:[/] {exc}", highlight=False, soft_wrap=True)
        raise typer.Exit(2) from exc
    for problem in scores.get("problems", []) if suite == "realnews" else []:
        err.print(f"[yellow]skipped:[/] {problem}", highlight=False, soft_wrap=True)
    if fmt == "json" or as_json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
    elif suite == "realnews":
        from flashpoint.evals.realnews import table_rows

        for title, rows in table_rows(scores).items():
            _emit(rows, "table", title=title)
        for line in scores.get("errors", []):
            sys.stdout.write(line + "\n")
    else:
        _emit([{"metric": k, "value": v} for k, v in scores.items() if not isinstance(v, (dict, list))], "table",
              title=f"eval {suite}")


@app.command()
def demo(
    db: DbOpt = None,
) -> None:
    """Ingest the bundled sample corpus into the default store and summarise it."""
    from flashpoint.demo import run_demo

    run_demo(db)


if __name__ == "__main__":
    app()
