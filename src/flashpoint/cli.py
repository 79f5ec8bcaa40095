"""The `flashpoint` command: a thin skin over the library functions the API also calls.

Every failure ends in one line on standard error, `error: <what> ...`, and an exit status:
2 when the command line itself is wrong (an unknown option, a bad date, an unknown
`--db` scheme), 1 when an input or the store fails (a file that cannot be read, a store
that does not exist, a database that does not answer). `FLASHPOINT_DEBUG=1` shows the
traceback of an unexpected error. Filters are the API's (`flashpoint.options`), checked
by the same code. Heavy modules are imported inside the commands, so a view starts fast.
"""

from __future__ import annotations

import inspect
import os
import sys
import threading
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from flashpoint.options import OPTIONS, VIEW_FILTERS, BadParameter, Filters, check_day

if TYPE_CHECKING:
    from rich.console import Console

    from flashpoint.store.store import Store
    from flashpoint.watch.config import WatchConfig


class CommandFailed(Exception):
    """A command that ran and failed: its message is printed as one line, with exit status `code`."""

    def __init__(self, message: str, code: int = 1) -> None:
        super().__init__(message)
        self.code = code


def _one_line(text: str) -> str:
    return " ".join(str(text).split()) or "failed"


def fail(message: str, code: int) -> int:
    sys.stderr.write(f"error: {_one_line(message)}\n")
    sys.stderr.flush()
    return code


class OneLineErrors(TyperGroup):
    """The group behind `flashpoint`: errors become one line and an exit status, never a traceback."""

    def main(self, args: Sequence[str] | None = None, prog_name: str | None = None,  # type: ignore[override]
             complete_var: str | None = None, standalone_mode: bool = True, **extra: Any) -> Any:
        from typer._click.exceptions import ClickException, NoArgsIsHelpError, UsageError

        from flashpoint.export.run import ExportError
        from flashpoint.store.connect import StoreError

        try:
            rv = super().main(args=args, prog_name=prog_name or "flashpoint", complete_var=complete_var,
                              standalone_mode=False, **extra)
            code = rv if isinstance(rv, int) else 0
        except NoArgsIsHelpError as exc:
            exc.show()
            code = 0
        except UsageError as exc:
            where = exc.ctx.command_path if exc.ctx is not None else "flashpoint"
            code = fail(f"{exc.format_message()} (see '{where} --help')", 2)
        except ClickException as exc:
            code = fail(exc.format_message(), exc.exit_code)
        except (BadParameter, ExportError) as exc:
            code = fail(str(exc), 2)
        except StoreError as exc:
            code = fail(str(exc), 2 if exc.usage else 1)
        except CommandFailed as exc:
            code = fail(str(exc), exc.code)
        except (typer.Abort, KeyboardInterrupt):
            code = fail("interrupted", 130)
        except BrokenPipeError:
            sys.stderr = open(os.devnull, "w")  # noqa: SIM115 - the reader went away (| head): stop quietly
            code = 0
        except Exception as exc:  # noqa: BLE001 - the last line of defence: one line, not a traceback
            if os.environ.get("FLASHPOINT_DEBUG"):
                raise
            code = fail(f"unexpected {type(exc).__name__}: {exc} (FLASHPOINT_DEBUG=1 shows the traceback)", 1)
        if standalone_mode:
            sys.exit(code)
        return code


app = typer.Typer(cls=OneLineErrors, help="flashpoint: a sourced, cross-checked record of a crisis from the news.",
                  no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)

DbOpt = Annotated[str | None, typer.Option("--db", help="store: a SQLite file path, sqlite:///file.db or "
                                           "postgresql://user@host/db (default: flashpoint.db or $FLASHPOINT_DB)")]
AllowPrivate = Annotated[bool, typer.Option("--allow-private", help="allow URLs on private addresses")]


def err_console() -> Console:
    from rich.console import Console

    return Console(stderr=True, highlight=False, soft_wrap=True)


def note(message: str) -> None:
    """A one-line remark on standard error (never in the data on standard output)."""
    sys.stderr.write(_one_line(message) + "\n")


def _store(db: str | None, *, must_exist: bool = True) -> Store:
    from flashpoint.store.connect import open_store

    return open_store(db, must_exist=must_exist)


def _report_error(e: Any) -> None:
    note(f"error: {e.source}: {e.message}")  # one line: InputError escapes control characters itself


def _report_warning(w: Any) -> None:
    """A document kept without records (its body is in a language flashpoint has no rules for): one line."""
    note(f"warning: {w.source}: {w.message}")


# -- analyze and ingest ------------------------------------------------------------------------

@app.command()
def analyze(
    paths: Annotated[list[str], typer.Argument(help="files, directories, URLs, feeds or - for stdin")],
    fmt: Annotated[str, typer.Option("--format", "-f", help="json (one indented object each) or jsonl")] = "jsonl",
    allow_private: AllowPrivate = False,
) -> None:
    """Analyse documents without storing them: one DESIGN.md JSON record per document."""
    import json

    if fmt not in ("json", "jsonl"):
        raise BadParameter(f"--format: {fmt!r} is not one of json, jsonl")
    from flashpoint.ingest.pipeline import load_articles
    from flashpoint.model import InputError
    from flashpoint.workflow import analyze_safely, document_warnings

    failed = 0
    for item in load_articles(paths, allow_private=allow_private):
        result = item if isinstance(item, InputError) else analyze_safely(item)
        if isinstance(result, InputError):
            _report_error(result)
            failed += 1
            continue
        for warning in document_warnings(result):
            _report_warning(warning)
        record = result.record()
        sys.stdout.write(json.dumps(record, ensure_ascii=False, indent=2 if fmt == "json" else None) + "\n")
    if failed:
        raise typer.Exit(1)


def _given(sources: list[str], outlet: str | None, published: str | None, title: str | None) -> dict[str, Any]:
    given: dict[str, Any] = {}
    if outlet is not None:
        if not outlet.strip():
            raise BadParameter("--outlet is empty")
        given["outlet"] = outlet.strip()
    if published is not None:
        given["published"] = check_day("--published", published)
    if title is not None:
        if not title.strip():
            raise BadParameter("--title is empty")
        if len(sources) != 1 or Path(sources[0]).is_dir():
            raise BadParameter("--title names one document: give exactly one SOURCE file, URL or -")
        given["title"] = title.strip()
    return given


@app.command()
def ingest(
    sources: Annotated[list[str], typer.Argument(help="files, directories, URLs, feeds, WARC, JSONL or - for stdin")],
    db: DbOpt = None,
    engine: Annotated[str, typer.Option(help="local or dask")] = "local",
    workers: Annotated[int, typer.Option(help="worker processes (1 or more)")] = 1,
    scheduler: Annotated[str | None, typer.Option(help="Dask scheduler address (with --engine dask)")] = None,
    allow_private: AllowPrivate = False,
    outlet: Annotated[str | None, typer.Option(help="outlet of documents that do not name their own")] = None,
    published: Annotated[str | None, typer.Option(help="publication date YYYY-MM-DD of documents without one")] = None,
    title: Annotated[str | None, typer.Option(help="headline of the one document given (replaces the guessed one)")] = None,
) -> None:
    """Clean, analyse and store documents; the same document twice is stored once."""
    if engine not in ("local", "dask"):
        raise BadParameter(f"--engine: {engine!r} is not one of local, dask")
    if workers < 1:
        raise BadParameter(f"--workers: {workers} must be 1 or more")
    if scheduler and engine != "dask":
        raise BadParameter("--scheduler needs --engine dask")
    given = _given(sources, outlet, published, title)
    store = _store(db, must_exist=False)
    from flashpoint.workflow import ingest as run_ingest

    console = err_console()
    if console.is_terminal:
        report = _ingest_with_progress(console, lambda **kw: run_ingest(
            sources, store, engine=engine, workers=workers, scheduler=scheduler, allow_private=allow_private,
            given=given, **kw))
    else:
        report = run_ingest(sources, store, engine=engine, workers=workers, scheduler=scheduler,
                            allow_private=allow_private, given=given, on_error=_report_error,
                            on_warning=_report_warning)
    unread = f"; {len(report.warnings)} not analysed (language)" if report.warnings else ""
    note(f"stored {len(report.stored)}, already present {len(report.duplicates)}, failed {len(report.errors)}{unread}")
    if report.errors:
        raise typer.Exit(1)


def _ingest_with_progress(console: Console, run: Callable[..., Any]) -> Any:
    """A Rich progress line (documents, rate, errors so far) while ingest runs on a terminal."""
    import time

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    started = time.monotonic()
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TimeElapsedColumn(), console=console,
                  transient=True) as progress:
        task = progress.add_task("reading sources", total=None)

        def on_progress(report: Any) -> None:
            done = len(report.stored) + len(report.duplicates) + len(report.errors)
            rate = done / max(time.monotonic() - started, 1e-6)
            progress.update(task, refresh=True, description=f"{done} documents, {rate:.1f}/s, {len(report.stored)} stored, "
                            f"{len(report.errors)} errors")

        def on_error(e: Any) -> None:
            progress.console.print(f"error: {e.source}: {e.message}", markup=False)

        def on_warning(w: Any) -> None:
            progress.console.print(f"warning: {w.source}: {w.message}", markup=False)

        return run(on_error=on_error, on_progress=on_progress, on_warning=on_warning)


# -- lists: events, quotes and the corpus views ------------------------------------------------

# per list: table columns in order, the order they are kept in when the terminal is narrow, the wrapped one
TABLES: dict[str, tuple[list[str], list[str], str | None]] = {
    "events": (["date", "type", "actor", "recipient", "marks", "outlet", "text"],
               ["text", "date", "type", "actor", "recipient", "marks", "outlet"], "text"),
    "quotes": (["published", "outlet", "speaker", "cue", "direct", "text"],
               ["text", "speaker", "published", "outlet", "cue", "direct"], "text"),
    "stories": (["id", "first_date", "last_date", "distinct", "n_outlets", "outlets", "title"],
                ["title", "first_date", "n_outlets", "distinct", "id", "outlets", "last_date"], "title"),
    "claims": (["kind", "subject", "period", "status", "n_articles", "figures"],
               ["figures", "kind", "subject", "status", "n_articles", "period"], "figures"),
    "timeline": (["date", "type", "actor", "recipient", "marks", "articles", "outlets", "snippet"],
                 ["snippet", "date", "type", "actor", "recipient", "marks", "articles", "outlets"], "snippet"),
    "framing": (["outlet", "articles", "lean", "group", "quotes", "term_choices"],
                ["outlet", "term_choices", "lean", "group", "articles", "quotes"], "term_choices"),
    "escalation": (["date", "dyad", "value", "events", "baseline", "threshold", "alert"],
                   ["date", "dyad", "value", "alert", "events", "baseline", "threshold"], None),
}
DOCS = {
    "events": "Coded PLOVER events, one per mention, with the sentence each came from.",
    "quotes": "Quotations with their speakers.",
    "stories": "Articles about the same happening, across outlets.",
    "claims": "Figures of the same kind and subject side by side, disagreements flagged.",
    "timeline": "Merged events in date order, each with its mentions.",
    "framing": "Per outlet: competing terms used, whose voices are quoted, who is cast as aggressor.",
    "escalation": "Score-weighted counts of distinct current events per dyad and day (week, month), with alerts.",
}
DEFAULT_LIMIT = {"events": 100, "quotes": 100}


def _who(name: Any, country: Any) -> str:
    name, country = name or "", country or ""
    return f"{name} ({country})" if name and country and name != country else str(name or country)


def _display(name: str, row: dict[str, Any]) -> dict[str, Any]:
    """A row as the table shows it: actor and country together, the PLOVER auxiliary marks in one column."""
    from flashpoint.corpus.views import is_uncertain

    marks = ", ".join([*(m for m in ("historical", "negated", "hypothetical") if row.get(m)),
                       *(["uncertain"] if is_uncertain(row) else [])])
    if name == "events":
        return {**row, "actor": _who(row.get("actor_name"), row.get("actor_country")),
                "recipient": _who(row.get("recipient_name"), row.get("recipient_country")), "marks": marks}
    if name == "timeline":
        return {**row, "actor": _who(row.get("actor"), row.get("actor_country")),
                "recipient": _who(row.get("recipient"), row.get("recipient_country")), "marks": marks}
    if name == "quotes":
        return {**row, "speaker": _who(row.get("speaker_name"), row.get("speaker_country"))}
    return row


def _columns(given: str | None, rows: list[dict[str, Any]]) -> list[str] | None:
    if not given:
        return None
    wanted = [c.strip() for c in given.split(",") if c.strip()]
    known = list(dict.fromkeys(k for r in rows for k in r)) if rows else []
    unknown = [c for c in wanted if known and c not in known]
    if unknown:
        raise BadParameter(f"--columns: no column {', '.join(map(repr, unknown))} here; "
                           f"choose from {', '.join(known)}")
    return wanted


def _refuse_empty(values: dict[str, Any]) -> None:
    """`--since ""` is a mistake on the command line (the API reads an empty form field as no filter)."""
    empty = [OPTIONS[k].cli for k, v in values.items() if isinstance(v, str) and not v.strip()]
    if empty:
        raise BadParameter(f"{empty[0]} is empty: give a value or leave the option out")


def show_list(name: str, db: str | None, fmt: str, limit: int, offset: int, columns: str | None,
              values: dict[str, Any]) -> None:
    from flashpoint.output import FORMATS

    if fmt not in FORMATS:
        raise BadParameter(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    _refuse_empty(values)
    filters = Filters(**values, limit=limit, offset=offset, labels="cli")
    store = _store(db)
    from flashpoint.listing import list_page

    got = list_page(store, name, filters)
    rows = got.rows
    if fmt == "table":
        display = [_display(name, r) for r in rows]
        cols = _columns(columns, display)
        order, priority, wrap = TABLES[name]
        if cols is None:
            from rich.console import Console

            from flashpoint.output import fit_columns

            console = Console()
            cols = fit_columns(display, order, console.width, priority, wrap)
            left = [c for c in order if c not in cols]
            if left and rows:
                note(f"left out for the terminal's width: {', '.join(left)} (--columns a,b,c chooses; "
                     "--format json shows every field)")
        from flashpoint.output import render_table

        render_table(display, cols, title=name, wrap=wrap if wrap in cols else None)
    else:
        from flashpoint.output import render

        text = render(rows, fmt, columns=_columns(columns, rows))
        if text:
            sys.stdout.write(text if text.endswith("\n") else text + "\n")
    if got.cut:
        first = got.offset + 1
        note(f"showing {name} {first}-{got.offset + len(rows)} of {got.total}: --limit 0 shows all, "
             f"--offset {got.offset + len(rows)} the next page")
    elif not rows:
        note(f"no {name} match" if any(v is not None for v in values.values()) else f"no {name} in this store")


def _option_param(key: str) -> inspect.Parameter:
    opt = OPTIONS[key]
    return inspect.Parameter(key, inspect.Parameter.KEYWORD_ONLY, default=None,
                             annotation=Annotated[str | None, typer.Option(opt.cli, help=opt.help)])


UNCERTAIN_LISTS = ("timeline",)
UncertainOpt = Annotated[bool, typer.Option(
    "--uncertain", help="also events coded with low confidence or with no actor country (hidden by default)")]


def _list_command(name: str) -> None:
    """`flashpoint <name>` with exactly the filters that list honours (`options.VIEW_FILTERS`)."""
    keys = VIEW_FILTERS[name]

    def command(db: str | None = None, fmt: str = "table", limit: int = 200, offset: int = 0,
                columns: str | None = None, **values: Any) -> None:
        show_list(name, db, fmt, limit, offset, columns, values)

    kw = inspect.Parameter.KEYWORD_ONLY
    params = [
        inspect.Parameter("db", kw, default=None, annotation=DbOpt),
        inspect.Parameter("fmt", kw, default="table", annotation=Annotated[str, typer.Option(
            "--format", "-f", help="table, json, jsonl or csv")]),
        inspect.Parameter("limit", kw, default=DEFAULT_LIMIT.get(name, 200), annotation=Annotated[int, typer.Option(
            "--limit", help="rows to show; 0 for all")]),
        inspect.Parameter("offset", kw, default=0, annotation=Annotated[int, typer.Option(
            "--offset", help="rows to skip")]),
        inspect.Parameter("columns", kw, default=None, annotation=Annotated[str | None, typer.Option(
            "--columns", help="columns to show, comma-separated (table and csv)")]),
        *(_option_param(k) for k in keys),
        *([inspect.Parameter("uncertain", kw, default=False, annotation=UncertainOpt)] if name in UNCERTAIN_LISTS
          else []),
    ]
    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    command.__doc__ = DOCS[name]
    command.__name__ = name
    app.command(name=name)(command)


for _name in DOCS:
    _list_command(_name)


# -- export ------------------------------------------------------------------------------------

def _export_command() -> None:
    keys = tuple(dict.fromkeys(k for n in ("events", "quotes", "claims", "timeline", "articles")
                               for k in VIEW_FILTERS[n]))

    def export(what: str, db: str | None = None, fmt: str = "csv", out: str = "-", **values: Any) -> None:
        from flashpoint.export.run import BINARY, check
        from flashpoint.export.run import export as run_export

        check(what, fmt)
        _refuse_empty(values)
        unused = [OPTIONS[k].cli for k, v in values.items() if v is not None and k not in VIEW_FILTERS[what]]
        if unused:
            raise BadParameter(f"{', '.join(unused)}: not a filter of {what} "
                               f"(it takes {', '.join(OPTIONS[k].cli for k in VIEW_FILTERS[what])})")
        filters = Filters(**values, limit=0, labels="cli")
        if fmt in BINARY and out == "-" and sys.stdout.isatty():
            raise BadParameter(f"--format {fmt} is binary: give --out FILE.{fmt} (or redirect the output)")
        store = _store(db)
        target = Path(out) if out != "-" else None
        if target is not None and not target.parent.exists():
            raise CommandFailed(f"--out {out}: folder {target.parent} does not exist")
        try:
            if target is None:
                stream: Any = sys.stdout.buffer if fmt in BINARY else sys.stdout
                report = run_export(store, what, fmt, filters, stream)
                stream.flush()
            else:
                with open(target, "wb" if fmt in BINARY else "w", encoding=None if fmt in BINARY else "utf-8",
                          newline=None if fmt in BINARY else "") as fh:
                    report = run_export(store, what, fmt, filters, fh)
        except OSError as exc:
            if isinstance(exc, BrokenPipeError):
                raise
            raise CommandFailed(f"--out {out}: cannot write: {exc.strerror or exc}") from exc
        for line in report.notes:
            note(line)
        note(f"exported {report.rows} {what} as {fmt}" + (f" to {out}" if target else ""))

    kw = inspect.Parameter.KEYWORD_ONLY
    params = [
        inspect.Parameter("what", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=Annotated[str, typer.Argument(
            help="events, quotes, claims, timeline or articles")]),
        inspect.Parameter("db", kw, default=None, annotation=DbOpt),
        inspect.Parameter("fmt", kw, default="csv", annotation=Annotated[str, typer.Option(
            "--format", "-f", help="csv, jsonl, parquet, plover (events as POLECAT-style TSV) or geojson "
            "(located events)")]),
        inspect.Parameter("out", kw, default="-", annotation=Annotated[str, typer.Option(
            "--out", "-o", help="file to write (default: standard output)")]),
        *(_option_param(k) for k in keys),
    ]
    export.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    export.__annotations__ = {p.name: p.annotation for p in params}
    export.__doc__ = ("Export everything (or what the filters select) for pandas, R, QGIS, spreadsheets and "
                      "event-data pipelines.")
    app.command(name="export")(export)


_export_command()


# -- serve, eval, demo -------------------------------------------------------------------------

@app.command()
def serve(
    db: DbOpt = None,
    host: Annotated[str, typer.Option()] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="1 to 65535")] = 8000,
    api_key: Annotated[str | None, typer.Option("--api-key", envvar="FLASHPOINT_API_KEY", help="key for write endpoints")] = None,
) -> None:
    """Serve the REST API and the dashboard."""
    if not 0 < port < 65536:
        raise BadParameter(f"--port: {port} is not a port (1 to 65535)")
    store = _store(db)
    _check_listen(host, port)
    import uvicorn

    from flashpoint import workflow  # noqa: F401 - imported here, before any thread imports it
    from flashpoint.api.app import create_app
    from flashpoint.corpus import update  # noqa: F401

    # two threads importing spaCy's package at once can fail half-way (KeyError: 'spacy'): the first ingest
    # request and the catch-up thread below both would, so the analysis and the views are imported first.
    # Views a killed ingest left behind are caught up now, beside the first reads, not in one of them.
    threading.Thread(target=_catch_up_views, args=(store,), daemon=True).start()
    uvicorn.run(create_app(api_key=api_key, store=store), host=host, port=port)


def _check_listen(host: str, port: int) -> None:
    """A host that does not resolve or a port in use is one line here, not uvicorn's log lines and exit 3."""
    import socket

    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise CommandFailed(f"--host {host}: cannot resolve it ({getattr(exc, 'strerror', None) or exc})") from exc
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds: a closed port is free
        try:
            probe.bind(address)
        except OSError as exc:
            raise CommandFailed(f"--host {host} --port {port}: cannot listen there: {exc.strerror or exc}") from exc


def _catch_up_views(store: Any) -> None:
    """Views a killed ingest left behind brought up to date, then the actor counts the overview shows counted
    (a whole-store aggregate once per process, seconds on a large store; later ingests only add to it)."""
    from flashpoint.corpus.tables import pending

    try:
        if pending(store):
            from flashpoint.corpus.update import update_views

            update_views(store, wait=False)
    except Exception as exc:  # noqa: BLE001 - reads still work; the next ingest catches up
        note(f"warning: the views could not be brought up to date: {type(exc).__name__}: {exc}")
    try:
        from flashpoint.store.queries import actor_table

        actor_table(store)
    except Exception:  # noqa: BLE001 - the first read of the overview counts them instead
        pass


def _watch_config(file: Path | None, sources: list[str], interval: float | None, given: dict[str, str | None],
                  webhook: str | None, webhook_secret: str | None) -> WatchConfig:
    """The watch file's configuration with the command line's sources and webhook added (one line on a bad one)."""
    from flashpoint.watch.config import ConfigError, build_config, defaults, load_watch_file, source_from_spec

    try:
        config = load_watch_file(file) if file else build_config({})
        base = {**defaults(), **({"interval_s": interval} if interval is not None else {})}
        for i, spec in enumerate(sources):
            entry = {"feed" if "://" in spec else "folder": spec, **given}
            config.sources.append(source_from_spec({k: v for k, v in entry.items() if v}, base, f"argument {i + 1}"))
        if webhook:
            config.webhook = build_config({"channels": {"webhook": {"url": webhook}}}).webhook
        if config.webhook and webhook_secret:
            config.webhook.secret = webhook_secret
    except ConfigError as exc:
        raise BadParameter(str(exc)) from exc
    return config


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
    from flashpoint.watch.runner import Watch, install_signal_handlers, run

    if interval is not None and not interval >= 0:  # NaN too
        raise BadParameter(f"--interval: {interval} must be 0 seconds or more")
    if min_outlets is not None and min_outlets < 0:
        raise BadParameter(f"--min-outlets: {min_outlets} must be 0 (never) or more")
    config = _watch_config(file, sources or [], interval, {"outlet": outlet, "language": language},
                           webhook, webhook_secret)
    if not config.sources:
        raise BadParameter("nothing to watch: give sources or a watch file with sources")
    config.stdout = config.stdout and not no_stdout
    if min_outlets is not None:
        config.thresholds.story_outlets = min_outlets
    config.allow_private = config.allow_private or allow_private
    config.trusted_hosts.extend(trusted_host or [])
    w = Watch(config, _store(db, must_exist=False))
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
    articles: Annotated[Path | None, typer.Option("--articles", help="realnews: articles.jsonl (default ../shared/realnews/articles.jsonl), or ground-truth.json of the 181 pages")] = None,
    split: Annotated[str, typer.Option("--split", help="realnews: tune, heldout (12 articles), heldout2 (14 more, annotated later) or all")] = "tune",
    min_confidence: Annotated[float, typer.Option("--min-confidence", help="realnews: lowest event confidence counted")] = 0.5,
    errors: Annotated[bool, typer.Option("--errors", help="realnews: list misses and false positives (tune articles only)")] = False,
    ignore_published: Annotated[bool, typer.Option("--ignore-published", help="realnews: analyse each text without its "
                                                   "publication date (an undated page simulated)")] = False,
    labels: Annotated[Path | None, typer.Option("--labels", help="stories: a JSON file of article -> happening; "
                                                "PATH is then the articles to ingest")] = None,
) -> None:
    """Score flashpoint against a gold set."""
    import json

    from flashpoint.evals import run_suite

    if fmt not in ("table", "json"):
        raise BadParameter(f"--format: {fmt!r} is not one of table, json")
    try:
        if labels is not None and not labels.exists():
            raise FileNotFoundError(f"{labels}: no such labels file")
        scores = run_suite(suite, path, plain_text=plain_text, limit=limit, articles=articles, split=split,
                           min_confidence=min_confidence, errors=errors, ignore_published=ignore_published,
                           **({"labels": labels} if labels is not None else {}))
    except json.JSONDecodeError as exc:
        where = f"{path} or --labels {labels}" if labels is not None else str(path)
        raise BadParameter(f"{where}: not the {suite} data set: a file there is not JSON ({exc})") from exc
    except OSError as exc:
        raise BadParameter(f"{exc.filename}: {exc.strerror}" if exc.filename else str(exc)) from exc
    except (KeyError, ValueError) as exc:
        raise BadParameter(str(exc).strip("'\"")) from exc
    for problem in scores.get("problems", []) if suite == "realnews" else []:
        note(f"skipped: {problem}")
    if fmt == "json" or as_json:
        sys.stdout.write(json.dumps(scores, indent=2) + "\n")
    elif suite == "realnews":
        from flashpoint.evals.realnews import table_rows
        from flashpoint.output import render_table

        for title, rows in table_rows(scores).items():
            render_table(rows, list(rows[0]) if rows else [], title=title)
        for line in scores.get("errors", []):
            sys.stdout.write(line + "\n")
    else:
        from flashpoint.output import render_table

        render_table([{"metric": k, "value": v} for k, v in scores.items() if not isinstance(v, (dict, list))],
                     ["metric", "value"], title=f"eval {suite}")


@app.command()
def demo(
    db: DbOpt = None,
) -> None:
    """Ingest the bundled sample corpus into the default store and summarise it."""
    from flashpoint.demo import run_demo

    _store(db, must_exist=False).close()  # a wrong --db is one line here too
    run_demo(db)


if __name__ == "__main__":
    app()
