"""The corpus views as rows: what the CLI prints and the API serves.

Every function reads the tables `corpus.update` keeps (bringing them up to date first,
so a view never lags the store) and returns JSON-friendly dicts. Common filters, all
optional: outlet, country, actor, type, date_from, date_to, limit, offset.
Near-copies count once: stories, claims, timeline and escalation use the canonical copy.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import Any

from sqlalchemy import and_, case, func, or_, select

from flashpoint.corpus import claims as claims_mod
from flashpoint.corpus import escalation as esc
from flashpoint.corpus import framing as framing_mod
from flashpoint.corpus import tables as t
from flashpoint.store import schema
from flashpoint.store.store import Store

Rows = list[dict[str, Any]]
MAX_VALUES = 50  # values listed per claim group (`n_values` says how many there are)


def _fresh(store: Store) -> None:
    """Bring the view tables up to date; if another process is doing it at the same moment, let it."""
    if t.pending(store):
        from flashpoint.corpus.update import update_views

        update_views(store, wait=False)  # another process updating the views right now: it catches up


def _page(rows: Rows, filters: dict[str, Any]) -> Rows:
    offset = int(filters.get("offset") or 0)
    limit = filters.get("limit")
    return rows[offset:offset + int(limit)] if limit else rows[offset:]


def _in_dates(date: str | None, filters: dict[str, Any]) -> bool:
    lo, hi = filters.get("date_from"), filters.get("date_to")
    if not (lo or hi):
        return True
    if not date:
        return False
    return (not lo or date[:len(lo)] >= lo[:len(date)]) and (not hi or date[:len(hi)] <= hi[:len(date)])


# -- stories -------------------------------------------------------------------------------

def stories(store: Store, **filters: Any) -> Rows:
    """Stories with more distinct articles first; each with its outlets, dates and top actors."""
    _fresh(store)
    needles = _actor_needles(store, filters.get("actor"))
    s = t.stories
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(select(s).order_by(s.c.n_distinct.desc(), s.c.first_date, s.c.id))]
    out = []
    for r in rows:
        outlets = r["outlets"] or {}
        if filters.get("outlet") and filters["outlet"] not in outlets:
            continue
        if filters.get("country") and filters["country"].upper() not in (r["countries"] or {}):
            continue
        if needles and not any(_actor_hit(a, needles) for a in (r["actors"] or {})):
            continue
        if (filters.get("date_from") or filters.get("date_to")) and not (
                _in_dates(r["first_date"], filters) or _in_dates(r["last_date"], filters)):
            continue
        out.append(r)
    return _story_rows(store, _page(out, filters))


def _story_rows(store: Store, page: Rows, *, members: bool = True) -> Rows:
    """Stored story rows as the stories view lists them, with their members' article ids (left empty without
    `members`: a story of a busy week has thousands, and `articles` counts them)."""
    ids = [r["id"] for r in page] if members else []
    members_of: dict[int, list[str]] = defaultdict(list)
    if ids:
        with store.engine.connect() as conn:
            for sid, aid in conn.execute(select(t.corpus_docs.c.story_id, t.corpus_docs.c.article_id)
                                         .where(t.corpus_docs.c.story_id.in_(ids))
                                         .order_by(t.corpus_docs.c.article_pk)):
                members_of[sid].append(aid)
    return [{"id": r["id"], "title": r["title"], "first_date": r["first_date"], "last_date": r["last_date"],
             "articles": r["n_articles"], "distinct": r["n_distinct"], "outlets": sorted(r["outlets"] or {}),
             "n_outlets": len(r["outlets"] or {}), "outlet_articles": dict(sorted((r["outlets"] or {}).items())),
             "actors": list(r["actors"] or {})[:6],
             "article_ids": members_of.get(r["id"], [])} for r in page]


def latest_stories(store: Store, n: int = 12) -> Rows:
    """The `n` stories with the most recent news (by last date; more outlets, then more distinct articles first
    on the same day), undated ones last. Read from the last-date index: the stories of the newest days only,
    however many the store holds."""
    _fresh(store)
    s = t.stories
    with store.engine.connect() as conn:
        nth = conn.execute(select(s.c.last_date).where(s.c.last_date.is_not(None))
                           .order_by(s.c.last_date.desc()).limit(1).offset(max(n - 1, 0))).scalar()
        dated_q = select(s).where(s.c.last_date.is_not(None))
        rows = [dict(r._mapping) for r in conn.execute(
            (dated_q.where(s.c.last_date >= nth) if nth is not None else dated_q)
            .order_by(s.c.n_distinct.desc(), s.c.first_date, s.c.id))]
        if len(rows) < n:
            rows += [dict(r._mapping) for r in conn.execute(
                select(s).where(s.c.last_date.is_(None)).order_by(s.c.n_distinct.desc(), s.c.id).limit(n - len(rows)))]
    rows.sort(key=lambda r: (-len(r["outlets"] or {}), -int(r["n_distinct"] or 0)))
    rows.sort(key=lambda r: r["last_date"] or "", reverse=True)  # stable: outlets and size break ties
    return _story_rows(store, rows[:n], members=False)


def story(store: Store, story_id: int | str) -> dict[str, Any] | None:
    """One story with its articles side by side: outlet, title, date, figures, framing terms, quoted speakers."""
    _fresh(store)
    try:
        sid = int(story_id)
    except (TypeError, ValueError):
        return None
    with store.engine.connect() as conn:
        row = conn.execute(select(t.stories).where(t.stories.c.id == sid)).first()
        if row is None:
            return None
        docs = [dict(r._mapping) for r in conn.execute(
            select(t.corpus_docs.c.article_pk, t.corpus_docs.c.article_id, t.corpus_docs.c.outlet,
                   t.corpus_docs.c.published, t.corpus_docs.c.title, t.corpus_docs.c.canonical_id)
            .where(t.corpus_docs.c.story_id == sid).order_by(t.corpus_docs.c.published, t.corpus_docs.c.article_pk))]
        ids = [d["article_id"] for d in docs]
        figures: dict[str, list[dict[str, Any]]] = defaultdict(list)
        terms: dict[str, list[str]] = defaultdict(list)
        speakers: dict[str, Counter[str]] = defaultdict(Counter)
        for chunk in [ids[i:i + 1000] for i in range(0, len(ids), 1000)]:
            for c in conn.execute(select(t.claim_values).where(t.claim_values.c.article_id.in_(chunk))):
                figures[c.article_id].append({"kind": c.kind, "subject": c.subject, "value": c.value,
                                              "approx": c.approx, "claimed_by": c.claimed_by, "period": c.period,
                                              "as_of": c.as_of, "published": c.published})
            for f in conn.execute(select(t.framing_terms).where(t.framing_terms.c.article_id.in_(chunk))):
                terms[f.article_id].append(f"{f.term} ({f.side})")
            q = schema.quotes
            for aid, name in conn.execute(select(q.c.article_id, q.c.speaker_name).where(q.c.article_id.in_(chunk))):
                if name:
                    speakers[aid][name] += 1
    r = dict(row._mapping)
    return {"id": r["id"], "title": r["title"], "first_date": r["first_date"], "last_date": r["last_date"],
            "outlets": r["outlets"], "actors": r["actors"], "countries": r["countries"],
            "articles": [{"article_id": d["article_id"], "outlet": d["outlet"], "title": d["title"],
                          "date": d["published"],
                          "duplicate_of": None if d["canonical_id"] == d["article_id"] else d["canonical_id"],
                          "figures": figures.get(d["article_id"], []), "framing_terms": terms.get(d["article_id"], []),
                          "speakers": [n for n, _ in speakers[d["article_id"]].most_common()]} for d in docs]}


# -- claims --------------------------------------------------------------------------------

def claims(store: Store, **filters: Any) -> Rows:
    """Figures grouped by kind, subject and period, contested ones first."""
    _fresh(store)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(_claims_query(filters))]
        about = _story_countries(conn, {r["story_id"] for r in rows if r.get("story_id") is not None})
    for r in rows:
        sid = r.get("story_id")
        r["scope"] = about.get(sid) if sid is not None else None
    groups = _page(_wanted_groups(store, claims_mod.group_claims(rows), filters), filters)
    most = int(filters.get("max_values") or MAX_VALUES)
    for g in groups:
        g["n_values"] = len(g["values"])
        g["values"] = g["values"][:most]  # a toll reported every day for a year is not one screenful
        more = g["n_values"] - len(g["values"])
        g["figures"] = "; ".join(_figure_label(v) for v in g["values"]) + (f"; ... {more} more" if more else "")
    return groups


def _claims_query(filters: dict[str, Any]) -> Any:
    """The canonical copies' figures with their story, in the dates and of the kind asked for."""
    c, docs = t.claim_values, t.corpus_docs
    q = (select(c, docs.c.story_id).select_from(c.outerjoin(docs, docs.c.article_pk == c.c.article_pk))
         .where(c.c.canonical.is_(True)))
    if filters.get("date_from") or filters.get("date_to"):
        q = q.where(c.c.published.is_not(None), *_date_range(c.c.published, filters))
    kind = filters.get("kind") or filters.get("type")  # `type` is the older name of the figure kind here
    if kind:
        q = q.where(c.c.kind == kind.lower())
    return q.order_by(c.c.article_pk, c.c.start)


def _wanted_groups(store: Store, groups: Rows, filters: dict[str, Any]) -> Rows:
    """The claim groups an outlet gave values in, of a status, or about or claimed by an actor."""
    if filters.get("outlet"):
        groups = [g for g in groups if filters["outlet"] in g["outlets"]]
    if filters.get("status"):
        groups = [g for g in groups if g.get("status") == filters["status"]]
    needles = _actor_needles(store, filters.get("actor"))
    if needles:
        groups = [g for g in groups if _actor_hit(g["subject"], needles)
                  or any(_actor_hit(v.get("claimed_by") or "", needles) for v in g["values"])]
    return groups


def _story_countries(conn: Any, story_ids: set[int]) -> dict[int, str]:
    """The country each story names most: counts of nobody in particular compare only within it."""
    out: dict[int, str] = {}
    ids = sorted(story_ids)
    for chunk in (ids[i:i + 500] for i in range(0, len(ids), 500)):
        for sid, countries in conn.execute(select(t.stories.c.id, t.stories.c.countries).where(t.stories.c.id.in_(chunk))):
            if countries:
                out[sid] = max(sorted(countries), key=lambda code: countries[code])
    return out


def recent_since(store: Store, days: int) -> str | None:
    """The first of the `days` days up to the newest day with articles (None: no dated article), by the date index.

    The overview and the API's default windows start here, so what they read is bounded by time, not by the store."""
    from datetime import date, timedelta

    with store.engine.connect() as conn:
        newest = conn.execute(select(func.max(t.corpus_docs.c.published))).scalar()
    try:
        return (date.fromisoformat(str(newest)[:10]) - timedelta(days=days - 1)).isoformat()
    except ValueError:
        return None


def claims_since(store: Store, days: int) -> str | None:
    """The first of the `days` days up to the newest dated figure (None: no dated figure), by the date index."""
    from datetime import date, timedelta

    _fresh(store)
    c = t.claim_values
    with store.engine.connect() as conn:
        newest = conn.execute(select(func.max(c.c.published))).scalar()
    try:
        return (date.fromisoformat(str(newest)[:10]) - timedelta(days=days - 1)).isoformat()
    except ValueError:
        return None


def _figure_label(v: dict[str, Any]) -> str:
    """'90,000 (France 24, 2021-12-02, per Kyiv)': the figure, its outlet and date, and who gives it."""
    who = f", per {v['claimed_by']}" if v.get("claimed_by") else ""
    return f"{v['value']:,.0f} ({v.get('outlet') or '?'}, {v.get('date') or '?'}{who})"


# -- timeline ------------------------------------------------------------------------------

def certain_events() -> Any:
    """Merged events shown as fact by default: some mention coded with at least the escalation index's confidence,
    and an actor whose country is known. The rest stay stored and come back with `uncertain=True`."""
    me = t.merged_events
    return and_(me.c.confidence >= esc.MIN_CONFIDENCE, me.c.actor_country.is_not(None))


def is_uncertain(row: dict[str, Any]) -> bool:
    """An event row (a mention or a merged event) not to be read as fact: coded with less than the threshold's
    confidence, or with no actor country. Rows without a confidence (other lists) are not events: False."""
    if "confidence" not in row:
        return False
    return (row.get("confidence") or 0.0) < esc.MIN_CONFIDENCE or not row.get("actor_country")


def _event_filters(store: Store, q: Any, filters: dict[str, Any]) -> Any:
    me = t.merged_events
    if not filters.get("uncertain"):
        q = q.where(certain_events())
    if filters.get("type"):
        q = q.where(me.c.type == filters["type"].upper())
    if filters.get("country"):
        cc = filters["country"].upper()
        q = q.where(or_(me.c.actor_country == cc, me.c.recipient_country == cc))
    if filters.get("actor"):
        from flashpoint.store.actor_match import match_actor

        found = match_actor(store, filters["actor"])
        keys, names = sorted(found.keys), sorted(found.names)
        q = q.where(or_(me.c.actor_key.in_(keys), me.c.recipient_key.in_(keys),
                        me.c.actor_name.in_(names), me.c.recipient_name.in_(names)))
    return q


def _actor_needles(store: Store, actor: str | None) -> tuple[str, set[str]] | None:
    """An actor filter: its text, and the ids and names it stands for (aliases, a surname: `store.actor_match`)."""
    if not actor:
        return None
    from flashpoint.store.actor_match import match_actor

    return actor.lower(), match_actor(store, actor).keys


def _actor_hit(value: str, needles: tuple[str, set[str]]) -> bool:
    """A story's actor key, a claim's subject or source: one of the actor's ids or names, or containing the text."""
    low = value.lower()
    return low in needles[1] or needles[0] in low


def _snippet(text: str, n: int = 100) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rsplit(" ", 1)[0] + "…"


def timeline(store: Store, **filters: Any) -> Rows:
    """Merged events in date order with their mentions; background events on their own dates, marked."""
    _fresh(store)
    me, em = t.merged_events, t.event_mentions
    q = _event_filters(store, select(me).where(me.c.date.is_not(None)), filters)
    with store.engine.connect() as conn:
        rows = [dict(r._mapping) for r in conn.execute(q.order_by(me.c.date, me.c.id))]
        rows = [r for r in rows if _in_dates(r["date"], filters)]
        if filters.get("outlet"):
            rows = [r for r in rows if filters["outlet"] in (r["outlets"] or {})]
        page = _page(rows, filters)
        mentions: dict[int, list[dict[str, Any]]] = defaultdict(list)
        ids = [r["id"] for r in page]
        for chunk in [ids[i:i + 1000] for i in range(0, len(ids), 1000)]:
            for m in conn.execute(select(em).where(em.c.merged_id.in_(chunk)).order_by(em.c.article_pk, em.c.start)):
                mentions[m.merged_id].append({"article_id": m.article_id, "outlet": m.outlet, "published": m.published,
                                              "duplicate": not m.canonical, "text": m.text, "start": m.start,
                                              "end": m.end, "negated": m.negated, "hypothetical": m.hypothetical,
                                              "reported_by": m.reported_by})
    return [timeline_row(r, mentions.get(r["id"], [])) for r in page]


def mention_tally(ms: list[dict[str, Any]]) -> dict[str, int]:
    """What a timeline row's marks count: mentions, negated, hypothetical and asserted ones, original articles."""
    return {"n": len(ms), "negated": sum(1 for m in ms if m["negated"]),
            "hypothetical": sum(1 for m in ms if m["hypothetical"]),
            "asserted": sum(1 for m in ms if not (m["negated"] or m["hypothetical"])),
            "articles": len({m["article_id"] for m in ms if not m["duplicate"]})}


def timeline_row(r: dict[str, Any], ms: list[dict[str, Any]], tally: dict[str, int] | None = None) -> dict[str, Any]:
    """One merged event with its mentions; 'denied' where a report denies it, 'negated' where every report does.
    `tally` (`mention_tally` of every mention) is given when `ms` lists only the first few."""
    n = tally or mention_tally(ms)
    return {"id": r["id"], "date": r["date"], "type": r["type"], "actor": r["actor_name"],
            "actor_country": r["actor_country"], "recipient": r["recipient_name"],
            "recipient_country": r["recipient_country"], "place": r["place"],
            "historical": bool(r["historical"]), "current": bool(r["current"]), "score": r["score"],
            "counted": bool(r["counted"]), "confidence": r.get("confidence"),
            "negated": n["n"] > 0 and n["negated"] == n["n"],
            "denied": n["negated"] > 0,
            "hypothetical": n["n"] > 0 and n["hypothetical"] == n["n"],
            "contested": n["negated"] > 0 and n["asserted"] > 0,
            "articles": n["articles"],
            "outlets": sorted(r["outlets"] or {}), "text": r["text"],
            "snippet": _snippet(r["text"] or ""), "n_mentions": n["n"], "mentions": ms}


# -- map and attention --------------------------------------------------------------------

def event_map(store: Store, **filters: Any) -> Rows:
    """Distinct events per country where they happened (the place's country, else the recipient's): all of them,
    the current ones (counted toward escalation when between two parties), the denied and the hypothetical."""
    _fresh(store)
    if not filters.get("outlet"):  # counted by the database, over the date index
        return _page(_counted_map(store, filters), filters)
    return _page(_outlet_map(store, filters), filters)


def _counted_map(store: Store, filters: dict[str, Any]) -> Rows:
    """The map's counts per country, summed by the database over each disjoint part of the dates."""
    me, em = t.merged_events, t.event_mentions

    def marked(flag: Any) -> Any:
        return func.sum(case((select(em.c.pk).where(em.c.merged_id == me.c.id, flag.is_(True)).exists(), 1),
                             else_=0))

    country = func.coalesce(me.c.place_country, "")  # grouped as an expression: read by the date index
    agg = _event_filters(store, select(
        country, func.count(),
        func.sum(case((and_(me.c.current.is_(True), me.c.historical.is_not(True)), 1), else_=0)),
        func.sum(case((me.c.historical.is_(True), 1), else_=0)), marked(em.c.negated), marked(em.c.hypothetical),
    ).where(me.c.place_country.is_not(None)), filters).group_by(country)
    totals: dict[str, list[int]] = {}
    with store.engine.connect() as conn:
        for part in _date_parts(me.c.date, filters):  # disjoint: the counts add up
            for cc, *sums in conn.execute(agg.where(*part)):
                totals[cc] = [a + int(b or 0) for a, b in zip(totals.get(cc, [0] * 5), sums, strict=True)]
    got: Rows = [{"country": cc, "events": n, "current": cur, "historical": hist, "denied": den,
                  "hypothetical": hyp} for cc, (n, cur, hist, den, hyp) in totals.items()]
    got.sort(key=lambda r: (-int(r["events"]), str(r["country"])))
    return got


def _outlet_map(store: Store, filters: dict[str, Any]) -> Rows:
    """The map's counts per country of the events an outlet reported, counted here."""
    me = t.merged_events
    q = _event_filters(store, select(me.c.id, me.c.place_country, me.c.current, me.c.historical, me.c.date,
                                     me.c.outlets)
                       .where(me.c.place_country.is_not(None), *_dates_where(me.c.date, filters)), filters)
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    with store.engine.connect() as conn:
        rows = [r for r in conn.execute(q) if _in_dates(r.date, filters)
                and (not filters.get("outlet") or filters["outlet"] in (r.outlets or {}))]
        denied, hypothetical = _marked_events(conn, [r.id for r in rows])
    for r in rows:
        c = counts[r.place_country]
        c["events"] += 1
        c["current"] += 1 if r.current and not r.historical else 0
        c["historical"] += 1 if r.historical else 0
        c["denied"] += 1 if r.id in denied else 0
        c["hypothetical"] += 1 if r.id in hypothetical else 0
    out: Rows = [{"country": cc, **{k: c[k] for k in ("events", "current", "historical", "denied", "hypothetical")}}
                 for cc, c in counts.items()]
    out.sort(key=lambda r: (-int(r["events"]), str(r["country"])))
    return out


def _marked_events(conn: Any, ids: list[int]) -> tuple[set[int], set[int]]:
    """Which of these merged events have a denied mention, and which a hypothetical one."""
    em = t.event_mentions
    denied: set[int] = set()
    hypothetical: set[int] = set()
    for chunk in [ids[i:i + 1000] for i in range(0, len(ids), 1000)]:  # the mentions of these events only
        for mid, neg, hyp in conn.execute(select(em.c.merged_id, em.c.negated, em.c.hypothetical)
                                          .where(em.c.merged_id.in_(chunk),
                                                 or_(em.c.negated.is_(True), em.c.hypothetical.is_(True)))):
            if neg:
                denied.add(mid)
            if hyp:
                hypothetical.add(mid)
    return denied, hypothetical


def attention(store: Store, **filters: Any) -> Rows:
    """Articles per day per outlet (copies included: a republished wire story is that outlet's coverage)."""
    _fresh(store)
    cd = t.corpus_docs
    q = select(cd.c.published, cd.c.outlet, func.count()).where(cd.c.published.is_not(None)) \
        .group_by(cd.c.published, cd.c.outlet)
    if filters.get("outlet"):
        q = q.where(cd.c.outlet == filters["outlet"])
    if filters.get("date_from"):
        q = q.where(cd.c.published >= filters["date_from"])
    with store.engine.connect() as conn:
        rows = [{"date": d, "outlet": o or "(unknown)", "articles": int(n)} for d, o, n in conn.execute(q)
                if d and len(d) == 10 and _in_dates(d, filters)]
    rows.sort(key=lambda r: (r["date"], r["outlet"]))
    return _page(rows, filters)


# -- framing -------------------------------------------------------------------------------

_TermCounts = dict[str, dict[str, dict[str, Counter[str]]]]  # outlet -> pair -> side -> term -> count
_Cast = dict[str, dict[str, Counter[str]]]  # outlet -> actor or recipient -> country -> events


def framing(store: Store, **filters: Any) -> Rows:
    """Per outlet: competing terms used, lean score and group, whose voices are quoted, whom it casts as aggressor."""
    _fresh(store)
    labels = {p["name"]: p.get("label", p["name"]) for p in framing_mod.load_pairs()}
    with store.engine.connect() as conn:
        n_articles, counts = _outlet_terms(conn)
        voices = _outlet_voices(conn)
        cast = _outlet_cast(conn)
    of_pair = framing_mod.pair_conflicts()
    main = _main_conflict(counts, of_pair)
    leans: dict[str, float] = {}
    rows: Rows = []
    for outlet in sorted(set(n_articles) | set(counts)):
        per_pair, conflict_lean, terms = _outlet_leans(counts.get(outlet, {}), of_pair, labels)
        lean_score = conflict_lean.get(main)
        if lean_score is not None:
            leans[outlet] = lean_score
        total_q = sum(voices[outlet].values())
        rows.append({"outlet": outlet, "articles": n_articles.get(outlet, 0), "conflict": main, "lean": lean_score,
                     "conflict_lean": conflict_lean, "terms": terms, "pair_lean": per_pair,
                     "quote_share": {k: round(v / total_q, 3) for k, v in voices[outlet].most_common()} if total_q else {},
                     "quotes": total_q,
                     "cast_as_actor": dict(cast[outlet]["actor"].most_common(5)),
                     "cast_as_recipient": dict(cast[outlet]["recipient"].most_common(5))})
    _add_groups(rows, leans, main)
    if filters.get("outlet"):
        rows = [row for row in rows if row["outlet"] == filters["outlet"]]
    rows.sort(key=lambda row: (row["lean"] is None, -(row["lean"] or 0), row["outlet"]))
    return _page(rows, filters)


def _outlet_terms(conn: Any) -> tuple[Counter[str], _TermCounts]:
    """Articles per outlet and the competing terms each outlet used."""
    ft = t.framing_terms
    counts: _TermCounts = defaultdict(lambda: defaultdict(lambda: defaultdict(Counter)))
    n_articles: Counter[str] = Counter()
    for (outlet,) in conn.execute(select(t.corpus_docs.c.outlet)):
        n_articles[outlet or "(unknown)"] += 1
    for outlet, pair, side, term, count in conn.execute(select(ft.c.outlet, ft.c.pair, ft.c.side, ft.c.term,
                                                               ft.c.count)):
        counts[outlet or "(unknown)"][pair][side][term] += count
    return n_articles, counts


def _outlet_voices(conn: Any) -> dict[str, Counter[str]]:
    """Per outlet, the countries of the speakers it quotes."""
    qt, cd = schema.quotes, t.corpus_docs
    voices: dict[str, Counter[str]] = defaultdict(Counter)
    for outlet, country in conn.execute(select(cd.c.outlet, qt.c.speaker_country)
                                        .join(cd, cd.c.article_id == qt.c.article_id)):
        voices[outlet or "(unknown)"][country or "?"] += 1
    return voices


def _outlet_cast(conn: Any) -> _Cast:
    """Per outlet, the countries it casts as actor and as recipient of current hostile events."""
    e, cd = schema.events, t.corpus_docs
    cast: _Cast = defaultdict(lambda: {"actor": Counter(), "recipient": Counter()})
    for outlet, ac, rc in conn.execute(select(cd.c.outlet, e.c.actor_country, e.c.recipient_country)
                                       .join(cd, cd.c.article_id == e.c.article_id)
                                       .where(and_(e.c.score < 0, e.c.historical.is_not(True)))):
        if ac:
            cast[outlet or "(unknown)"]["actor"][ac] += 1
        if rc:
            cast[outlet or "(unknown)"]["recipient"][rc] += 1
    return cast


def _main_conflict(counts: _TermCounts, of_pair: dict[str, str]) -> str:
    """The conflict whose terms the corpus uses most (else the first one defined): the lean is read on it."""
    uses: Counter[str] = Counter()
    for pairs in counts.values():
        for pair, sides in pairs.items():
            uses[of_pair.get(pair, "")] += sum(sum(c.values()) for c in sides.values())
    return uses.most_common(1)[0][0] if uses else next(iter(framing_mod.load_conflicts()), "")


def _outlet_leans(pairs: dict[str, dict[str, Counter[str]]], of_pair: dict[str, str],
                  labels: dict[str, str]) -> tuple[dict[str, float], dict[str, float], dict[str, str]]:
    """One outlet's lean per term pair and per conflict, and the terms it used per pair (by label)."""
    per_pair: dict[str, float] = {}
    per_conflict: dict[str, list[float]] = defaultdict(list)
    terms = {}
    for pair, sides in pairs.items():
        first, second = framing_mod.conflict_sides(of_pair.get(pair, ""))
        a, b = sum(sides.get(first, {}).values()), sum(sides.get(second, {}).values())
        lean = framing_mod.pair_lean(a, b)
        if lean is not None:
            per_pair[pair] = round(lean, 3)
            per_conflict[of_pair.get(pair, "")].append(lean)
        used = [f"{term} ({n})" for side in (first, second)
                for term, n in _fold_case(sides.get(side, Counter())).most_common()]
        terms[labels.get(pair, pair)] = ", ".join(used)
    conflict_lean = {c: round(sum(v) / len(v), 3) for c, v in per_conflict.items()}
    return per_pair, conflict_lean, terms


def _add_groups(rows: Rows, leans: dict[str, float], main: str) -> None:
    """Each outlet's group on the main conflict (split in two by lean) and its term choices as one line."""
    groups = framing_mod.split_two(leans)
    first_side, second_side = framing_mod.conflict_sides(main)
    for row in rows:
        g = groups.get(row["outlet"])
        row["group"] = None if g is None else (f"{second_side}-leaning" if g == 1 else f"{first_side}-leaning")
        row["term_choices"] = "; ".join(f"{k}: {v}" for k, v in row["terms"].items())


def _fold_case(terms: Counter[str]) -> Counter[str]:
    """'Separatists' at the start of a sentence and 'separatists' are one term, shown as written most often."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for term, n in terms.items():
        forms[term.lower()][term] += n
    return Counter({c.most_common(1)[0][0]: sum(c.values()) for c in forms.values()})


# -- escalation ----------------------------------------------------------------------------

def _daily_rows(store: Store, filters: dict[str, Any]) -> Rows:
    e = t.escalation_daily
    q = select(e)
    def of(column: Any, code: str) -> Any:  # a country's state and its rebels or civilians ('AZE', 'AZE/REB')
        return or_(column == code, column.like(f"{code}/%")) if "/" not in code else column == code

    if filters.get("country"):
        cc = filters["country"].upper()
        q = q.where(or_(of(e.c.actor_country, cc), of(e.c.recipient_country, cc)))
    if filters.get("actor"):
        q = q.where(of(e.c.actor_country, filters["actor"].upper()))
    if filters.get("recipient"):
        q = q.where(of(e.c.recipient_country, filters["recipient"].upper()))
    with store.engine.connect() as conn:
        return [dict(r._mapping) for r in conn.execute(q)]


def _dates_where(col: Any, filters: dict[str, Any]) -> list[Any]:
    """`_in_dates` as SQL for dates of any precision (a year, a month, a day, a week value): on or after
    date_from, or one of its proper prefixes (the month or year that holds it); up to date_to."""
    conds = []
    if filters.get("date_from"):
        lo = str(filters["date_from"])
        conds.append(or_(col >= lo, col.in_([lo[:n] for n in range(1, len(lo))])))
    if filters.get("date_to"):
        hi = str(filters["date_to"])
        conds.append(func.substr(col, 1, len(hi)) <= hi)
    return conds


def _date_parts(col: Any, filters: dict[str, Any]) -> list[list[Any]]:
    """`_dates_where` as disjoint parts a date index can serve: the values from date_from on (a range), and the
    coarser values that hold date_from (a list; a proper prefix sorts before it); up to date_to in both."""
    upto = _dates_where(col, {"date_to": filters.get("date_to")})
    lo = filters.get("date_from")
    if not lo:
        return [upto]
    lo = str(lo)
    return [[col >= lo, *upto], [col.in_([lo[:n] for n in range(1, len(lo))]), *upto]]


def _date_range(col: Any, filters: dict[str, Any]) -> list[Any]:
    """`_in_dates` as SQL for full-day values: date_from/date_to may be a year, a month or a day."""
    conds = []
    if filters.get("date_from"):
        conds.append(col >= filters["date_from"])
    if filters.get("date_to"):
        hi = filters["date_to"]
        conds.append(func.substr(col, 1, len(hi)) <= hi)
    return conds


def covered_days(store: Store, since: str | None = None) -> set[str]:
    """The days the store has articles for (from `since`): the escalation baseline reads only these (no reporting
    is a gap)."""
    cd = t.corpus_docs
    q = select(cd.c.published).where(cd.c.published >= since) if since else select(cd.c.published)
    with store.engine.connect() as conn:
        return {d for (d,) in conn.execute(q.distinct()) if d and len(d) == 10}


def escalation(store: Store, **filters: Any) -> Rows:
    """Per dyad and day (or ISO week, or month, with period='week' or 'month'): the index, its trailing
    baseline, alerts, and how many events it sums. Days are read as stored (scored incrementally by the
    update) and paged by the database."""
    _fresh(store)
    period = filters.get("period") or "day"
    if period != "day":
        return _period_escalation(store, filters, period)
    x = t.escalation_scores
    q = select(x).where(*_escalation_where(filters)).order_by(x.c.date, x.c.value.desc(), x.c.actor_country, x.c.recipient_country)
    if filters.get("offset"):
        q = q.offset(int(filters["offset"]))
    if filters.get("limit"):
        q = q.limit(int(filters["limit"]))
    with store.engine.connect() as conn:
        rows = conn.execute(q).all()
    return [{"dyad": f"{r.actor_country}->{r.recipient_country}",
             "label": f"{esc.party_label(r.actor_country)} → {esc.party_label(r.recipient_country)}",
             "actor": r.actor_country, "recipient": r.recipient_country, "date": r.date, "value": r.value,
             "baseline": r.baseline, "threshold": r.threshold, "baseline_days": r.baseline_days,
             "alert": bool(r.alert), "events": r.events} for r in rows]


def _escalation_where(filters: dict[str, Any]) -> list[Any]:
    x = t.escalation_scores
    conds = _date_range(x.c.date, filters)
    if filters.get("alert"):
        conds.append(x.c.alert.is_(True))
    def of(column: Any, code: str) -> Any:  # a country's state and its rebels or civilians ('AZE', 'AZE/REB')
        return or_(column == code, column.like(f"{code}/%")) if "/" not in code else column == code

    if filters.get("country"):
        cc = filters["country"].upper()
        conds.append(or_(of(x.c.actor_country, cc), of(x.c.recipient_country, cc)))
    if filters.get("actor"):
        conds.append(of(x.c.actor_country, filters["actor"].upper()))
    if filters.get("recipient"):
        conds.append(of(x.c.recipient_country, filters["recipient"].upper()))
    return conds


def escalation_total(store: Store, **filters: Any) -> int:
    """How many daily rows `escalation` has for these filters (a count, for paging)."""
    if (filters.get("period") or "day") != "day":
        return len(escalation(store, **{k: v for k, v in filters.items() if k not in ("limit", "offset")}))
    _fresh(store)
    with store.engine.connect() as conn:
        return int(conn.execute(select(func.count()).select_from(t.escalation_scores)
                                .where(*_escalation_where(filters))).scalar_one())


def _period_escalation(store: Store, filters: dict[str, Any], period: str) -> Rows:
    daily = _daily_rows(store, filters)
    per_bucket: Counter[tuple[str, str, str]] = Counter()
    for r in daily:
        per_bucket[(r["actor_country"], r["recipient_country"], esc.bucket(r["date"], period))] += r["events"] or 0
    covered = covered_days(store)
    out = []
    for (ac, rc), series in esc.series_by_dyad(daily).items():
        for row in esc.with_baseline(series, period, covered=covered):
            if not _in_dates(esc.bucket_start(row["date"], period), filters):
                continue
            out.append({"dyad": f"{ac}->{rc}", "label": f"{esc.party_label(ac)} → {esc.party_label(rc)}",
                        "actor": ac, "recipient": rc, **row,
                        "events": per_bucket.get((ac, rc, row["date"]), 0)})
    if filters.get("alert"):
        out = [r for r in out if r["alert"]]
    out.sort(key=lambda r: (r["date"], -r["value"], r["dyad"]))
    return _page(out, filters)


def alerts(store: Store, **filters: Any) -> Rows:
    """The days (or weeks) where a dyad's index broke out of its baseline."""
    return escalation(store, **{**filters, "alert": True})


# -- actor ---------------------------------------------------------------------------------

def actor(store: Store, actor_id: str) -> dict[str, Any]:
    """An actor's events as actor and as recipient, its quotes, and escalation with each counterpart."""
    _fresh(store)
    e, qt, a = schema.events, schema.quotes, schema.articles
    key = actor_id.strip()
    with store.engine.connect() as conn:
        def events_where(prefix: str) -> Rows:
            c = e.c
            cond = or_(getattr(c, f"{prefix}_id") == key, getattr(c, f"{prefix}_name") == key,
                       getattr(c, f"{prefix}_country") == key.upper())
            return [dict(r._mapping) for r in conn.execute(select(e).where(cond).order_by(c.date, c.article_id))]
        as_actor, as_recipient = events_where("actor"), events_where("recipient")
        quotes = [dict(r._mapping) for r in conn.execute(
            select(qt, a.c.outlet, a.c.published).join(a, a.c.id == qt.c.article_id)
            .where(or_(qt.c.speaker_id == key, qt.c.speaker_name == key)).order_by(a.c.published))]
    country = None
    for ev in as_actor:
        country = country or ev.get("actor_country")
    for ev in as_recipient:
        country = country or ev.get("recipient_country")
    if country is None and len(key) == 3 and key.isalpha():
        country = key.upper()
    dyads: Rows = []
    if country:
        daily = _daily_rows(store, {"country": country})
        covered = covered_days(store)
        for (ac, rc), series in esc.series_by_dyad(daily).items():
            rows = esc.with_baseline(series, "day", covered=covered)
            dyads.append({"dyad": f"{ac}->{rc}", "counterpart": rc if ac == country else ac,
                          "total": round(sum(series.values()), 2), "days": len(series),
                          "alerts": [r["date"] for r in rows if r["alert"]], "series": rows})
        dyads.sort(key=lambda d: -d["total"])
    name = next((ev.get("actor_name") for ev in as_actor if ev.get("actor_name")), None) or key
    return {"id": key, "name": name, "country": country, "events_as_actor": as_actor,
            "events_as_recipient": as_recipient, "quotes": quotes, "escalation": dyads}
