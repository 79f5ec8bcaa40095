"""What the API and the pages read: corpus views and store queries behind one set of filters.

The corpus views live in `flashpoint.corpus.views`; `story` and `actor` are
looked up by name so the app keeps working, from the store's own tables, where a view
is not there.
"""

from __future__ import annotations

import re
from collections import defaultdict
from typing import Any

from fastapi.encoders import jsonable_encoder

from flashpoint.api.cache import cached
from flashpoint.corpus import claims as claims_mod
from flashpoint.listing import Page
from flashpoint.options import BadParameter, Filters, check_date  # noqa: F401 - the API's names for them
from flashpoint.store import queries
from flashpoint.store.store import Store

Rows = list[dict[str, Any]]

def plain(value: Any) -> Any:
    """JSON-ready rows, fast: store rows are already plain, so only the odd value goes to FastAPI's encoder."""
    if value is None or isinstance(value, (str, int, float)):
        return value
    if isinstance(value, dict):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return jsonable_encoder(value)


def _views() -> Any:
    from flashpoint.corpus import views

    return views


def run_view(store: Store, name: str, f: Filters) -> Rows:
    """One page of a list (`flashpoint.listing.list_page`, what the CLI prints too), JSON-ready."""
    return plain(view_page(store, name, f).rows)


def view_page(store: Store, name: str, f: Filters) -> Page:
    """One page of a list with its total; the timeline, events and quotes are paged by the database.
    Computed once per state of the store and the views (`api.cache`), not per request."""
    from flashpoint.listing import list_page

    key = ("list", name, tuple(sorted((k, repr(v)) for k, v in f.view_kwargs().items())))
    return cached(store, key, lambda: list_page(store, name, f))


def latest_stories(store: Store, n: int = 12) -> Rows:
    """The `n` stories with the most recent news, undated ones last; more outlets first on the same day
    (`corpus.views.latest_stories`, read from the last-date index)."""
    return plain(_views().latest_stories(store, n))


def story(store: Store, story_id: str) -> dict[str, Any] | None:
    fn = getattr(_views(), "story", None)
    if fn is not None:
        found = fn(store, story_id)
        return plain(found) if found else None
    for row in run_view(store, "stories", Filters(limit=1000)):
        if str(row.get("id")) == story_id:
            return dict(row)
    return None


def actor(store: Store, actor_id: str) -> dict[str, Any] | None:
    """The store's actor record (events, quotes, escalation per counterpart) with its country's dyads.

    An actor the store knows by id gets its country's dyads from the escalation view;
    the corpus view's own actor record (which loads every event the actor is in, seconds
    for a busy actor on a big store) is asked only for names and country codes.
    """
    base = queries.get_actor(store, actor_id)
    if base is not None:
        country = base.get("country") or (actor_id.upper() if re.fullmatch(r"[A-Za-z]{3}", actor_id) else None)
        return {**base, "dyads": _country_dyads(store, country) if country else []}
    fn = getattr(_views(), "actor", None)
    found = plain(fn(store, actor_id)) if fn is not None else None
    if not (isinstance(found, dict) and any(found.get(k) for k in ("events_as_actor", "events_as_recipient",
                                                                     "quotes"))):
        return None
    merged: dict[str, Any] = {"id": actor_id, "escalation": []}
    for k, v in found.items():
        if k == "escalation":
            merged["dyads"] = v  # the view's country-level dyads, with baselines and alerts
        elif v not in (None, [], {}):
            merged[k] = v
    return merged


def _country_dyads(store: Store, country: str) -> Rows:
    """Each dyad the country is in: total index, days with events, alert days, and the daily series."""
    per: dict[str, Rows] = defaultdict(list)
    for row in plain(list(_views().escalation(store, country=country))):
        per[str(row.get("dyad"))].append(row)
    dyads: Rows = []
    for name, rows in per.items():
        first = rows[0]
        other = first.get("recipient") if first.get("actor") == country else first.get("actor")
        dyads.append({"dyad": name, "counterpart": other,
                      "total": round(sum(float(r.get("value") or 0) for r in rows), 2),
                      "days": sum(1 for r in rows if r.get("events") is not None),
                      "alerts": [r["date"] for r in rows if r.get("alert")],
                      "series": sorted(rows, key=lambda r: str(r.get("date")))})
    dyads.sort(key=lambda d: -float(d["total"]))
    return dyads


def _story_articles(store: Store, st: dict[str, Any]) -> Rows:
    """The story's articles with their figures, framing terms and speakers, from the view or the store."""
    given = st.get("articles")
    if isinstance(given, list) and all(isinstance(a, dict) for a in given):
        return [dict(a) for a in given]
    ids = [str(i) for i in st.get("article_ids") or []]
    arts = queries.search_articles(store, ids=ids, limit=1000) if ids else []
    figures: dict[str, Rows] = defaultdict(list)
    for qty in queries.quantities_for(store, ids):
        figures[qty["article_id"]].append(qty)
    speakers: dict[str, list[str]] = defaultdict(list)
    for q in queries.quotes_for(store, ids):
        if q.get("speaker_name"):
            speakers[q["article_id"]].append(q["speaker_name"])
    return [{"article_id": a["id"], "outlet": a.get("outlet"), "title": a.get("title"), "date": a.get("published"),
             "figures": figures[a["id"]], "framing_terms": [], "speakers": speakers[a["id"]]} for a in arts]


FigureKey = tuple[str, str, str]  # kind, subject key, period: the figures that are about the same thing
FiguresByKey = dict[FigureKey, dict[str, Rows]]  # per figure key, per outlet, the figures it gives


def _figure_key(fig: dict[str, Any]) -> tuple[Any, str, Any]:
    return fig.get("kind"), _subject_key(fig.get("subject")), fig.get("period") or ""


def _comparable(fig: dict[str, Any]) -> bool:
    """A figure other outlets can be held to: a known kind with a value."""
    return bool(fig.get("kind")) and fig["kind"] != "other" and fig.get("value") is not None


def _add_article(col: dict[str, Any], art: dict[str, Any], figures: FiguresByKey) -> None:
    """One article into its outlet's column: the article, its voices and terms, its figures (a syndicated
    copy repeats its original's figures, so they are counted once)."""
    col["articles"].append(art)
    for speaker in art.get("speakers") or []:
        col["voices"][speaker] = col["voices"].get(speaker, 0) + 1
    for term in art.get("framing_terms") or []:
        col["terms"][term] = col["terms"].get(term, 0) + 1
    if art.get("duplicate_of"):
        return
    for fig in art.get("figures") or []:
        fig = {**fig, "article_id": art.get("article_id")}
        col["figures"].append(fig)
        if _comparable(fig):
            figures[_figure_key(fig)][col["outlet"]].append(fig)


def _figure_rows(figures: FiguresByKey, year: str) -> Rows:
    """Each figure given, the outlets' values side by side; disagreements first, then the most outlets."""
    rows: Rows = []
    for (kind, subject, period), per_outlet in sorted(figures.items()):
        flat = [{**v, "outlet": o} for o, vals in per_outlet.items() for v in vals]
        state, _within = claims_mod.status(kind, flat, period or None)
        rows.append({"kind": kind, "subject": subject, "period": period or None,
                     "period_note": period_note(period, year),
                     "values": {o: _distinct_figures(vals) for o, vals in per_outlet.items()},
                     "status": state if len(per_outlet) > 1 else "single",
                     "disagree": len(per_outlet) > 1 and state == "disagree"})
    rows.sort(key=lambda r: (not r["disagree"], -len(r["values"]), str(r["kind"]), str(r["subject"])))
    return rows


def _mark_disputed(outlets: dict[str, dict[str, Any]], rows: Rows, year: str) -> None:
    """Each outlet's own list marks the figures another outlet gives differently."""
    disputed = {(r["kind"], r["subject"], r["period"] or "") for r in rows if r["disagree"]}
    for col in outlets.values():
        col["figures"] = [{**fig, "period_note": period_note(fig.get("period"), year),
                           "disagree": _figure_key(fig) in disputed}
                          for fig in col["figures"]]


def _set_leans(store: Store, outlets: dict[str, dict[str, Any]]) -> None:
    """Each outlet's lean (its group's name where it has one) from the framing view."""
    for row in run_view(store, "framing", Filters(limit=1000)):
        if row.get("outlet") in outlets:
            outlets[row["outlet"]]["lean"] = row.get("group") or row.get("lean")


def story_comparison(store: Store, st: dict[str, Any]) -> dict[str, Any]:
    """Outlets side by side for one story: headlines, figures (disagreements flagged), framing, voices."""
    outlets: dict[str, dict[str, Any]] = {}
    figures: FiguresByKey = defaultdict(lambda: defaultdict(list))
    article_ids: set[str] = set()
    for art in _story_articles(store, st):
        name = art.get("outlet") or "(unknown outlet)"
        col = outlets.setdefault(name, {"outlet": name, "articles": [], "voices": {}, "figures": [],
                                        "terms": {}, "lean": None})
        article_ids.add(str(art.get("article_id")))
        _add_article(col, art, figures)
    year = str(st.get("first_date") or "")[:4]
    rows = _figure_rows(figures, year)
    _mark_disputed(outlets, rows, year)
    claim_rows = [c for c in run_view(store, "claims", Filters(limit=1000))
                  if any(str(v.get("article_id")) in article_ids for v in c.get("values") or [])]
    _set_leans(store, outlets)
    return {"outlets": list(outlets.values()), "figures": rows, "claims": claim_rows}


def outlet_leans(store: Store) -> dict[str, dict[str, Any]]:
    """Per outlet: its lean group (0 the conflict's first side, 1 the second, None unknown) and a label."""
    out: dict[str, dict[str, Any]] = {}
    for row in run_view(store, "framing", Filters(limit=1000)):
        lean = row.get("lean")
        index = None if lean is None or lean == 0 else (0 if lean < 0 else 1)
        label = row.get("group") or (None if lean is None else f"lean {lean:+.2f}")
        out[str(row.get("outlet"))] = {"group_index": index, "lean_label": label}
    return out


def coverage(counts: dict[str, int], leans: dict[str, dict[str, Any]],
             reports: dict[str, list[str]] | None = None) -> Rows:
    """The segments of a coverage bar: outlets by articles, with their lean and what each reports."""
    rows = [{"outlet": o, "articles": n, **leans.get(o, {"group_index": None, "lean_label": None}),
             "reports": (reports or {}).get(o, [])} for o, n in counts.items()]
    rows.sort(key=lambda r: (r["group_index"] is None, r["group_index"] or 0, -r["articles"], r["outlet"]))
    return rows


def story_reports(cmp: dict[str, Any]) -> dict[str, list[str]]:
    """What each outlet reports in a story: its headlines, then its figures."""
    out: dict[str, list[str]] = {}
    for col in cmp.get("outlets") or []:
        said = [str(a.get("title") or a.get("article_id")) for a in col.get("articles") or []]
        for fig in col.get("figures") or []:
            if fig.get("value") is not None:
                said.append(f"{fig.get('kind')} {fig.get('subject') or ''}: {fig['value']:,.0f}"
                            + (f" per {fig['claimed_by']}" if fig.get("claimed_by") else ""))
        out[str(col.get("outlet"))] = said
    return out


def period_note(period: str | None, story_year: str) -> str | None:
    """'for 1994, not this story's 2020' where a figure is given for another time than the story's."""
    if not period:
        return None
    m = re.match(r"^(?:on )?(\d{4})", period)
    if m and story_year and m.group(1) != story_year:
        return f"for {period.removeprefix('on ')}, not this story's {story_year}"
    return f"for {period.removeprefix('on ')}" if m else f"for {period}"


def _distinct_figures(figs: Rows) -> Rows:
    """One entry per value an outlet gives, with everyone it attributes that value to."""
    out: dict[tuple[Any, Any], dict[str, Any]] = {}
    for fig in figs:
        key = (fig.get("value"), fig.get("approx"))
        if key not in out:
            out[key] = {**fig, "claimed_by": fig.get("claimed_by")}
        elif fig.get("claimed_by") and fig["claimed_by"] not in (out[key].get("claimed_by") or ""):
            out[key]["claimed_by"] = ", ".join(filter(None, [out[key].get("claimed_by"), fig["claimed_by"]]))
    return list(out.values())


def _subject_key(subject: Any) -> str:
    return re.sub(r"\W+", " ", str(subject or "")).strip().lower()
