"""Keeps the corpus views up to date as articles arrive, touching only what the new articles affect.

`update_views` takes the articles waiting in `view_queue` (each stored article is queued in its own
transaction, so whatever order concurrent writers commit in, none is skipped), in batches, and for
each batch in one transaction, under a lock on the `view_state` version row (one updater at a time):
- links near-copies (MinHash LSH bands over word shingles, looked up by index);
- assigns each article to the story of its most similar recent article (LSH over
  keyword features, IDF-weighted Jaccard, publication window) or opens a new story;
- merges its events into existing merged events keyed by (type, actor, recipient,
  place, background/current) within a date window, or creates new ones;
- adds new distinct current events to the escalation counts of their (dyad, day) only;
- stores its figures (claims) and framing-term counts;
- takes the batch off the queue and bumps the views' version (readers cache pages by it).
Nothing already processed is recomputed, so adding 10 articles to 100,000 costs 10 articles.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import and_, bindparam, delete, exists, func, insert, or_, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError, OperationalError

from flashpoint.corpus import claims as claims_mod
from flashpoint.corpus import dedup, merge
from flashpoint.corpus import escalation as esc
from flashpoint.corpus import stories as stories_mod
from flashpoint.corpus import tables as t
from flashpoint.corpus.escalation import conflict_weight
from flashpoint.corpus.framing import outlet_label, term_counts
from flashpoint.corpus.tables import (  # noqa: F401 - defined there, light for readers
    SCHEMA_KEY,
    STATE_KEY,
    VERSION_KEY,
    VIEWS_SCHEMA,
    last_processed,
    pending,
    version,
)
from flashpoint.model import AnalyzedArticle, Event
from flashpoint.store import schema
from flashpoint.store.store import Store

BATCH = 500
_IN_CHUNK = 2000
_INDEXED: set[str] = set()  # stores whose view indexes this process has checked


class _Busy(Exception):
    """Another process holds the views' lock and the caller chose not to wait."""


@dataclass(frozen=True)
class Prepared:
    """What a view update computes from one article alone: the near-copy signature and its band keys, the story
    term counts, the figures as claim rows and the framing terms. Pure, so cluster workers can compute it for
    a backfill while the one updater links articles, stories and events in order."""

    signature: list[int]
    band_keys: list[str]
    story_terms: dict[str, float]
    claims: list[dict[str, Any]]
    framing: list[tuple[str, str, str, int]]


def prepare(art: AnalyzedArticle) -> Prepared:
    sig = dedup.signature(dedup.shingles(dedup.text_for(art.title, art.body)))
    return Prepared(sig, dedup.band_keys(sig), stories_mod.term_counts(art), list(claims_mod.claim_rows(art)),
                    list(term_counts(f"{art.title or ''}\n{art.body}")))


# a way to prepare the queued articles elsewhere: given the chunks of queued pks, it yields, chunk by chunk and
# in order, each chunk's stored articles with their Prepared (`scale.runner.prepare_on_dask`)
PrepareMap = Callable[[list[list[int]]], Iterator[list[tuple[int, AnalyzedArticle, Prepared]]]]


def update_views(store: Store, *, wait: bool = True, prepare_map: PrepareMap | None = None) -> bool:
    """Process every article waiting for the views; idempotent when nothing is new. With `wait=False` (what
    readers use) it returns False at once when another process is writing: the writer catches up. With
    `prepare_map` (a backfill on a cluster), the per-article part of the queued articles is computed there,
    chunk by chunk ahead of the updater, which links them in order here."""
    _ensure_state(store)
    _score_older_store(store)
    if _ensure_schema(store):
        return True  # built again from scratch
    q = schema.view_queue
    if prepare_map is not None:
        with store.engine.connect() as conn:
            queued = list(conn.execute(select(q.c.article_pk).order_by(q.c.article_pk)).scalars())
        for chunk, rows in zip(_chunks(queued, BATCH), prepare_map(_chunks(queued, BATCH)), strict=False):
            _process(store, [(pk, art) for pk, art, _ in rows], claim=chunk, wait=True,
                     prepared_by_pk={pk: p for pk, _, p in rows})
    while True:  # what is left: articles queued meanwhile, or all of them without a map
        with store.engine.connect() as conn:
            pks = list(conn.execute(select(q.c.article_pk).order_by(q.c.article_pk).limit(BATCH)).scalars())
        if not pks:
            return True
        try:
            _process(store, _read(store, pks), claim=pks, wait=wait)
        except _Busy:
            return False
        except OperationalError:
            if wait:
                raise
            return False  # SQLite: the write lock is held by another process


def _read(store: Store, pks: list[int]) -> list[tuple[int, AnalyzedArticle]]:
    return store.articles_by_pk(pks)


def _ensure_state(store: Store) -> None:
    """The version row every update locks; for a store made before the queue, its unprocessed articles
    (stored after the old high-water mark and absent from the views) are queued once."""
    vs, a, q, d = t.view_state, schema.articles, schema.view_queue, t.corpus_docs
    with store.engine.connect() as conn:
        if conn.execute(select(vs.c.value).where(vs.c.name == VERSION_KEY)).first() is not None:
            return
    try:
        with store.write() as conn:
            if conn.execute(select(vs.c.value).where(vs.c.name == VERSION_KEY)).first() is not None:
                return
            after = conn.execute(select(vs.c.value).where(vs.c.name == STATE_KEY)).scalar() or 0
            missing = select(a.c.pk).where(a.c.pk > after, ~exists().where(d.c.article_pk == a.c.pk),
                                           ~exists().where(q.c.article_pk == a.c.pk))
            conn.execute(insert(q).from_select(["article_pk"], missing))
            conn.execute(insert(vs).values(name=VERSION_KEY, value=1))
    except IntegrityError:
        pass  # another process did the same at the same moment


def _claim(conn: Connection, pks: list[int], wait: bool) -> set[int]:
    """Lock the views (one updater at a time) and take `pks` off the queue; returns those still waiting,
    as another updater may have processed some since they were read."""
    vs, q = t.view_state, schema.view_queue
    try:
        conn.execute(select(vs.c.value).where(vs.c.name == VERSION_KEY).with_for_update(nowait=not wait))
    except OperationalError as exc:
        raise _Busy() from exc
    conn.execute(update(vs).where(vs.c.name == VERSION_KEY).values(value=vs.c.value + 1))
    waiting: set[int] = set()
    for chunk in _chunks(pks):
        waiting.update(conn.execute(select(q.c.article_pk).where(q.c.article_pk.in_(chunk))).scalars())
        waiting.difference_update(conn.execute(select(t.corpus_docs.c.article_pk)
                                               .where(t.corpus_docs.c.article_pk.in_(chunk))).scalars())
        conn.execute(delete(q).where(q.c.article_pk.in_(chunk)))
    return waiting


def _score_older_store(store: Store) -> None:
    """A store whose escalation was counted before scores were stored gets them once."""
    e, x = t.escalation_daily, t.escalation_scores
    with store.engine.connect() as conn:
        needed = conn.execute(select(e.c.pk).limit(1)).first() and not conn.execute(select(x.c.pk).limit(1)).first()
    if needed:
        with store.engine.begin() as conn:
            rescore_all(conn)


def _ensure_schema(store: Store) -> bool:
    """Views built by code of another shape (VIEWS_SCHEMA) are built again: columns they lack are added, then
    every article is processed anew (under the views' lock). Returns True when it rebuilt them. A new store
    (no views built yet) only gets its schema row, so processes starting together never rebuild each other."""
    vs = t.view_state
    with store.engine.connect() as conn:
        found = conn.execute(select(vs.c.value).where(vs.c.name == SCHEMA_KEY)).scalar()
    if found == VIEWS_SCHEMA:
        if store.url not in _INDEXED:  # an index that only speeds reads comes without a rebuild
            _add_missing_indexes(store)
            _INDEXED.add(store.url)
        return False
    _add_missing_columns(store)
    _add_missing_indexes(store)
    with store.engine.connect() as conn:
        built = conn.execute(select(t.corpus_docs.c.article_pk).limit(1)).first() is not None
    try:
        with store.write() as conn:
            if found is None:
                conn.execute(insert(vs).values(name=SCHEMA_KEY, value=VIEWS_SCHEMA))
            else:
                conn.execute(update(vs).where(vs.c.name == SCHEMA_KEY).values(value=VIEWS_SCHEMA))
    except IntegrityError:
        return False  # another process is doing it
    if built:
        rebuild(store)
    return built


def _add_missing_columns(store: Store) -> None:
    """ALTER TABLE ... ADD COLUMN for view columns an older store lacks (their values come with the rebuild)."""
    from sqlalchemy import inspect, text
    from sqlalchemy.exc import DBAPIError

    names = set(inspect(store.engine).get_table_names())
    for table in t.ALL:
        if table.name not in names:
            continue
        have = {c["name"] for c in inspect(store.engine).get_columns(table.name)}
        for col in table.columns:
            if col.name in have:
                continue
            kind = col.type.compile(dialect=store.engine.dialect)
            try:
                with store.engine.begin() as conn:
                    conn.execute(text(f'ALTER TABLE {table.name} ADD COLUMN "{col.name}" {kind}'))
            except DBAPIError:
                pass  # added by another process


def _add_missing_indexes(store: Store) -> None:
    """Indexes of the view tables an older store lacks (create_all adds missing tables, not indexes)."""
    from sqlalchemy.exc import DBAPIError

    for table in t.ALL:
        for index in table.indexes:
            try:
                with store.engine.begin() as conn:
                    index.create(conn, checkfirst=True)
            except DBAPIError:
                pass  # created by another process


def rebuild(store: Store) -> None:
    """Drop every view row and build the views again from all stored articles."""
    _ensure_state(store)
    vs = t.view_state
    with store.write() as conn:
        conn.execute(select(vs.c.value).where(vs.c.name == VERSION_KEY).with_for_update())
        for table in t.ALL:
            conn.execute(delete(table).where(vs.c.name != VERSION_KEY) if table is vs else delete(table))
        conn.execute(update(vs).where(vs.c.name == VERSION_KEY).values(value=vs.c.value + 1))
        conn.execute(delete(schema.view_queue))
        conn.execute(insert(schema.view_queue).from_select(["article_pk"], select(schema.articles.c.pk)))
    update_views(store)


def _outlet(art: AnalyzedArticle) -> str:
    return outlet_label(art.outlet, art.url, art.source)


def _chunks(items: list[Any], n: int = _IN_CHUNK) -> list[list[Any]]:
    return [items[i:i + n] for i in range(0, len(items), n)]


class _Batch:
    """What one batch needs from the store, fetched with a few IN queries, plus the batch's own rows."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.bands: dict[tuple[str, str], list[int]] = defaultdict(list)
        self.docs: dict[int, dict[str, Any]] = {}
        self.n_docs = int(conn.execute(select(func.count()).select_from(t.corpus_docs)).scalar_one())
        self.df: dict[str, int] = {}
        self.df_stored: set[str] = set()
        self.df_delta: dict[str, int] = defaultdict(int)

    def load_bands(self, kind: str, keys: list[str], days: set[int] | None = None, window: int = 0) -> None:
        """Band members for the keys; with `days`, only undated articles and those published within `window`
        days of one of them (the (kind, band, day) index), so a look-up reads the days around the batch,
        however many days the store holds."""
        lsh = t.lsh_bands.c
        near = {d + k for d in days for k in range(-window, window + 1)} if days else set()
        for chunk in _chunks(sorted(set(keys))):
            q = select(lsh.band, lsh.article_pk, lsh.day).where(lsh.kind == kind, lsh.band.in_(chunk))
            if days:
                q = q.where(or_(lsh.day.is_(None), lsh.day.between(min(near), max(near))))
            for band, pk, day in self.conn.execute(q):
                if not days or day is None or day in near:
                    self.bands[(kind, band)].append(pk)

    def load_docs(self) -> None:
        pks = sorted({pk for pks in self.bands.values() for pk in pks} - set(self.docs))
        c = t.corpus_docs.c
        for chunk in _chunks(pks):
            rows = self.conn.execute(select(c.article_pk, c.article_id, c.canonical_id, c.story_id, c.day,
                                            c.signature, c.features).where(c.article_pk.in_(chunk)))
            for r in rows:
                self.docs[r.article_pk] = dict(r._mapping)

    def load_df(self, terms: list[str]) -> None:
        for chunk in _chunks(sorted(set(terms))):
            for term, df in self.conn.execute(select(t.term_df.c.term, t.term_df.c.df)
                                              .where(t.term_df.c.term.in_(chunk))):
                self.df[term] = int(df)
                self.df_stored.add(term)

    def candidates(self, kind: str, keys: list[str]) -> set[int]:
        out: set[int] = set()
        for k in keys:
            out.update(self.bands.get((kind, k), ()))
        return out


_Queued = tuple[int, AnalyzedArticle, list[int], list[str], dict[str, float]]  # pk, article, signature, bands, terms


@dataclass
class _Stories:
    """The batch's story bookkeeping: stories merged into others, first days read once, stories to rewrite,
    member vectors computed once, and the next new story's id."""

    next_id: int
    merged_into: dict[int, int] = field(default_factory=dict)  # absorbed story -> the story it became part of
    starts: dict[int, int | None] = field(default_factory=dict)  # a story's first day, read once per story
    touched: set[int] = field(default_factory=set)
    vectors: dict[int, dict[str, float]] = field(default_factory=dict)


def _process(store: Store, batch: list[tuple[int, AnalyzedArticle]], *, claim: list[int],
             wait: bool = True, prepared_by_pk: dict[int, Prepared] | None = None) -> None:
    ready = prepared_by_pk or {}
    by_pk = {pk: ready.get(pk) or prepare(art) for pk, art in batch}
    prepared = [(pk, art, by_pk[pk].signature, by_pk[pk].band_keys, by_pk[pk].story_terms) for pk, art in batch]
    with store.write(nowait=not wait) as conn:
        waiting = _claim(conn, claim, wait)
        if len(waiting) < len(batch):
            batch = [(pk, art) for pk, art in batch if pk in waiting]
            prepared = [p for p in prepared if p[0] in waiting]
            if not batch:
                return
        b = _Batch(conn)
        story_keys = _load_neighbours(b, prepared)
        st = _Stories(int(conn.execute(select(func.coalesce(func.max(t.stories.c.id), 0))).scalar_one()) + 1)
        canon, doc_rows, band_rows = _link(conn, b, st, prepared, story_keys)
        for doc in doc_rows:
            doc["story_id"] = _resolve(st.merged_into, doc["story_id"])
        new_days = _new_days(conn, [d["published"] for d in doc_rows])
        _insert_links(conn, doc_rows, band_rows, st.merged_into)
        _flush_df(conn, b)
        _rebuild_stories(conn, st.touched)
        _merge_events(conn, batch, canon)
        _rescore_after(conn, new_days)
        _claims_and_framing(conn, batch, canon, by_pk)
        _set_state(conn, batch[-1][0])


def _load_neighbours(b: _Batch, prepared: list[_Queued]) -> dict[int, list[str]]:
    """Load what the batch's articles can link to (copies and story members near their days, their terms'
    document frequencies); returns each article's story key terms."""
    b.load_df([f for *_, counts in prepared for f in counts])
    story_keys = {pk: stories_mod.key_terms(counts, b.df, max(b.n_docs, 1)) for pk, _a, _s, _d, counts in prepared}
    _load_bands(b, prepared, story_keys)
    b.load_docs()
    b.load_df([f for d in b.docs.values() for f in (d["features"] or {}) if f not in b.df])
    return story_keys


def _load_bands(b: _Batch, prepared: list[_Queued], story_keys: dict[int, list[str]]) -> None:
    """Band members the batch's articles can link to: dated articles look up copies and stories within
    their windows only, undated ones on any day."""
    day_of = {pk: merge.day_number(art.published) for pk, art, *_ in prepared}
    dated = {pk for pk, day in day_of.items() if day is not None}
    undated = set(day_of) - dated
    batch_days = {d for pk in dated if (d := day_of[pk]) is not None}
    if dated:
        copy_keys, story_bands = _band_keys(prepared, story_keys, dated)
        b.load_bands("d", copy_keys, batch_days, dedup.COPY_WINDOW_DAYS)
        b.load_bands("s", story_bands, batch_days, stories_mod.WINDOW_DAYS)
    if undated:
        copy_keys, story_bands = _band_keys(prepared, story_keys, undated)
        b.load_bands("d", copy_keys)
        b.load_bands("s", story_bands)


def _band_keys(prepared: list[_Queued], story_keys: dict[int, list[str]], pks: set[int]) -> tuple[list[str], list[str]]:
    """The near-copy and story band keys of these articles (load_bands reads them as a set)."""
    return ([k for pk, _a, _s, dkeys, _f in prepared if pk in pks for k in dkeys],
            [k for pk, keys in story_keys.items() if pk in pks for k in keys])


def _link(conn: Connection, b: _Batch, st: _Stories, prepared: list[_Queued],
          story_keys: dict[int, list[str]]) -> tuple[dict[int, str], list[dict[str, Any]], list[dict[str, Any]]]:
    """Link each article, in order, to its original and its story; returns the canonical id of each article,
    its corpus_docs row and its band rows (each article is a candidate for the ones after it)."""
    canon: dict[int, str] = {}
    doc_rows, band_rows = [], []
    for pk, art, sig, dkeys, counts in prepared:
        day = merge.day_number(art.published)
        best_dup, best_sim = _nearest_copy(b, sig, dkeys, day)
        canonical_id = b.docs[best_dup]["canonical_id"] if best_dup is not None else art.id
        canon[pk] = canonical_id
        for f in counts:
            b.df[f] = b.df.get(f, 0) + 1
            b.df_delta[f] += 1
        b.n_docs += 1
        story_id, story_sim = _story_of(conn, b, st, pk, day, counts, story_keys[pk], best_dup, best_sim)
        doc: dict[str, Any] = {"article_pk": pk, "article_id": art.id, "outlet": _outlet(art), "published": art.published,
               "day": day, "canonical_id": canonical_id, "dup_similarity": best_sim if best_dup else None,
               "story_id": story_id, "story_similarity": round(story_sim, 4), "signature": sig,
               "features": counts, "title": (art.title or art.body[:120])[:500]}
        doc_rows.append(doc)
        b.docs[pk] = doc
        for k in dkeys:
            b.bands[("d", k)].append(pk)
            band_rows.append({"kind": "d", "band": k, "article_pk": pk, "day": day})
        for k in story_keys[pk]:
            b.bands[("s", k)].append(pk)
            band_rows.append({"kind": "s", "band": k, "article_pk": pk, "day": day})
    return canon, doc_rows, band_rows


def _nearest_copy(b: _Batch, sig: list[int], dkeys: list[str], day: int | None) -> tuple[int | None, float]:
    """The most similar near-copy within the copy window, with its similarity."""
    best_dup, best_sim = None, 0.0
    for cpk in b.candidates("d", dkeys):
        other_day = b.docs[cpk]["day"]
        if day is not None and other_day is not None and abs(day - other_day) > dedup.COPY_WINDOW_DAYS:
            continue  # loaded for an undated article of the batch: out of this one's window
        sim = dedup.similarity(sig, b.docs[cpk]["signature"])
        if sim >= dedup.THRESHOLD and sim > best_sim:
            best_dup, best_sim = cpk, sim
    return best_dup, best_sim


def _story_of(conn: Connection, b: _Batch, st: _Stories, pk: int, day: int | None, counts: dict[str, float],
              keys: list[str], best_dup: int | None, best_sim: float) -> tuple[int, float]:
    """The story an article joins (its original's, else its most similar recent article's, merging the stories
    it bridges, else a new one) and its similarity to it."""
    absorbed: list[int] = []
    story_id: int | None
    dup_story = _resolve(st.merged_into, int(b.docs[best_dup]["story_id"])) if best_dup is not None else None
    if dup_story is not None and _within_span(conn, st.starts, dup_story, day):
        story_id, story_sim = dup_story, best_sim  # a copy is part of its original's story
    else:  # a copy reprinted after the story's span is news again: it finds its story like any article
        story_id, story_sim, absorbed = stories_mod.choose(_story_links(conn, b, st, pk, day, counts, keys))
    if story_id is None:
        story_id, story_sim = st.next_id, 1.0
        st.next_id += 1
        st.starts[story_id] = day
    elif absorbed:
        story_id = _absorb(st, story_id, absorbed)
    st.touched.add(story_id)
    return story_id, story_sim


def _story_links(conn: Connection, b: _Batch, st: _Stories, pk: int, day: int | None, counts: dict[str, float],
                 keys: list[str]) -> list[tuple[int, float]]:
    """(story, decayed cosine) for each candidate member within the story window and its story's span."""
    n = b.n_docs
    vec = stories_mod.vector(counts, b.df, n)
    links = []
    for cpk in b.candidates("s", keys):
        other = b.docs[cpk]
        if cpk == pk or (day is not None and other["day"] is not None
                         and abs(day - other["day"]) > stories_mod.WINDOW_DAYS):
            continue
        sid = _resolve(st.merged_into, other["story_id"])
        if not _within_span(conn, st.starts, sid, day):
            continue
        if cpk not in st.vectors:
            st.vectors[cpk] = stories_mod.vector(other["features"] or {}, b.df, n)
        gap = None if day is None or other["day"] is None else abs(day - other["day"])
        links.append((sid, stories_mod.decay(stories_mod.cosine(vec, st.vectors[cpk]), gap)))
    return links


def _absorb(st: _Stories, story_id: int, absorbed: list[int]) -> int:
    """Merge the stories an article bridges into the oldest (lowest id); returns it."""
    target = min([story_id, *absorbed])
    for sid in [story_id, *absorbed]:
        if sid != target:
            st.merged_into[sid] = target
            st.touched.add(sid)
    starts = [st.starts.get(s) for s in [story_id, *absorbed]]
    known = [s for s in starts if s is not None]
    st.starts[target] = min(known) if known else None
    return target


def _insert_links(conn: Connection, doc_rows: list[dict[str, Any]], band_rows: list[dict[str, Any]],
                  merged_into: dict[int, int]) -> None:
    """Store the batch's corpus_docs and band rows and move the members of absorbed stories."""
    conn.execute(insert(t.corpus_docs), doc_rows)
    if band_rows:
        for chunk in _chunks(band_rows, 5000):
            conn.execute(insert(t.lsh_bands), chunk)
    for absorbed_id in sorted(merged_into):
        cd = t.corpus_docs
        conn.execute(update(cd).where(cd.c.story_id == absorbed_id)
                     .values(story_id=_resolve(merged_into, absorbed_id)))


def _new_days(conn: Connection, published: list[str | None]) -> list[int]:
    """The batch's publication days the store had no article for: they enter the escalation baselines."""
    days = sorted({d for d in published if d and len(d) == 10})
    cd = t.corpus_docs
    seen = set(conn.execute(select(cd.c.published).where(cd.c.published.in_(days)).distinct()).scalars()) \
        if days else set()
    return [n for n in (merge.day_number(d) for d in days if d not in seen) if n is not None]


def _rescore_after(conn: Connection, days: list[int]) -> None:
    """A new day with articles is a day of data (0 where a dyad has no event) in the baselines of the
    WINDOW_DAYS after it: rescore the dyads that have days there."""
    e = t.escalation_daily
    spans: dict[tuple[str, str], list[int]] = defaultdict(list)
    for d in days:
        lo, hi = merge.day_string(d), merge.day_string(d + esc.WINDOW_DAYS)
        for ac, rc in conn.execute(select(e.c.actor_country, e.c.recipient_country)
                                   .where(e.c.date > lo, e.c.date <= hi).distinct()).all():
            spans[(ac, rc)].append(d)
    for (ac, rc), ds in spans.items():
        rescore(conn, ac, rc, min(ds), max(ds) + esc.WINDOW_DAYS)


def _resolve(merged_into: dict[int, int], story_id: int) -> int:
    while story_id in merged_into:
        story_id = merged_into[story_id]
    return story_id


def _within_span(conn: Connection, starts: dict[int, int | None], story_id: int, day: int | None) -> bool:
    """A story is one happening: an article joins it only within MAX_SPAN_DAYS of its first day,
    so daily bulletins on one front do not chain into a story months long."""
    if day is None:
        return True
    if story_id not in starts:
        first = conn.execute(select(t.stories.c.first_date).where(t.stories.c.id == story_id)).scalar()
        starts[story_id] = merge.day_number(first)
    first_day = starts[story_id]
    return first_day is None or abs(day - first_day) <= stories_mod.MAX_SPAN_DAYS


def _flush_df(conn: Connection, b: _Batch) -> None:
    existing = {term for term in b.df_delta if term in b.df_stored}
    new_rows = [{"term": term, "df": n} for term, n in b.df_delta.items() if term not in existing]
    upd = [{"t": term, "d": b.df[term]} for term in existing]
    if new_rows:
        conn.execute(insert(t.term_df), new_rows)
    if upd:
        conn.execute(update(t.term_df).where(t.term_df.c.term == bindparam("t")).values(df=bindparam("d")), upd)


def _set_state(conn: Connection, pk: int) -> None:
    vs = t.view_state
    done = conn.execute(update(vs).where(vs.c.name == STATE_KEY).values(value=func.max(vs.c.value, pk)
                                                                        if conn.dialect.name == "sqlite"
                                                                        else func.greatest(vs.c.value, pk)))
    if done.rowcount == 0:
        conn.execute(insert(t.view_state).values(name=STATE_KEY, value=pk))


def _rebuild_stories(conn: Connection, story_ids: set[int]) -> None:
    """Write the rows of the stories a batch touched from their members (merged-away stories are dropped)."""
    ids = sorted(story_ids)
    if not ids:
        return
    cd = t.corpus_docs
    docs: dict[int, list[Any]] = defaultdict(list)
    for chunk in _chunks(ids):
        conn.execute(delete(t.stories).where(t.stories.c.id.in_(chunk)))
        for r in conn.execute(select(cd.c.story_id, cd.c.article_id, cd.c.canonical_id, cd.c.outlet, cd.c.published,
                                     cd.c.title).where(cd.c.story_id.in_(chunk)).order_by(cd.c.article_pk)):
            docs[r.story_id].append(r)
    actors, countries = _story_entities(conn, {r.article_id: sid for sid, rs in docs.items() for r in rs})
    rows = [_story_row(sid, members, actors[sid], countries[sid]) for sid, members in docs.items()]
    if rows:
        conn.execute(insert(t.stories), rows)


_Tally = dict[int, dict[str, int]]


def _story_entities(conn: Connection, story_of: dict[str, int]) -> tuple[_Tally, _Tally]:
    """Per story, how often its members name each actor (person, organisation, place) and each country."""
    ent = schema.entities
    actors: _Tally = defaultdict(lambda: defaultdict(int))
    countries: _Tally = defaultdict(lambda: defaultdict(int))
    for chunk in _chunks(sorted(story_of)):
        for aid, etype, name, text, country in conn.execute(
                select(ent.c.article_id, ent.c.type, ent.c.name, ent.c.text, ent.c.country)
                .where(ent.c.article_id.in_(chunk))):
            sid = story_of[aid]
            if etype in ("PERSON", "ORG", "GPE"):
                actors[sid][name or text] += 1
            if country:
                countries[sid][country] += 1
    return actors, countries


def _story_row(sid: int, members: list[Any], actors: dict[str, int], countries: dict[str, int]) -> dict[str, Any]:
    """A story's row: its first member's title, its dates, outlets, most named actors and countries."""
    dates = [m.published for m in members if m.published]
    outlets: dict[str, int] = defaultdict(int)
    for m in members:
        outlets[m.outlet or "(unknown)"] += 1
    return {"id": sid, "title": members[0].title, "first_date": min(dates) if dates else None,
            "last_date": max(dates) if dates else None, "n_articles": len(members),
            "n_distinct": sum(1 for m in members if m.canonical_id == m.article_id),
            "outlets": dict(outlets),
            "actors": dict(sorted(actors.items(), key=lambda kv: -kv[1])[:30]),
            "countries": dict(sorted(countries.items(), key=lambda kv: -kv[1])[:15])}


_Placed = dict[tuple[int, int], tuple[str | None, bool, str]]  # (pk, idx) -> date, background, key


def _merge_events(conn: Connection, batch: list[tuple[int, AnalyzedArticle]], canon: dict[int, str]) -> None:
    placed: _Placed = {}
    for pk, art in batch:
        for idx, ev in enumerate(art.events):
            date = merge.event_date(ev, art.published)
            background = merge.is_background(ev, date, art.published)
            placed[(pk, idx)] = (date, background, merge.event_key(ev, background))
    keys = sorted({key for _date, _bg, key in placed.values()})
    if not keys:
        return
    by_key = _merged_near(conn, keys, placed)
    next_id = int(conn.execute(select(func.coalesce(func.max(t.merged_events.c.id), 0))).scalar_one()) + 1
    touched: dict[int, dict[str, Any]] = {}
    created: set[int] = set()
    mentions = []
    newly_counted: list[dict[str, Any]] = []
    articles_of: dict[int, set[str]] = defaultdict(set)
    for pk, art in batch:
        for idx, ev in enumerate(art.events):
            date, background, key = placed[(pk, idx)]
            explicit = bool(ev.date) and date == ev.date  # dated in the text, not by publication
            day = merge.day_number(date)
            match = _matching(by_key[key], date, day, explicit)
            asserted = merge.is_current(ev, background)
            counts = asserted and ev.confidence >= esc.MIN_CONFIDENCE
            if match is None:
                match = _new_merged(ev, art, next_id, key, date, day, explicit, background, asserted)
                next_id += 1
                by_key[key].append(match)
                created.add(match["id"])
            elif asserted and not match["current"]:
                match["current"] = True  # denied or hypothetical where first read, asserted here
                match["weight"] = conflict_weight(match["score"])
            match["confidence"] = max(match["confidence"] or 0.0, ev.confidence)
            if counts and not match["counted"] and esc.is_dyad(match["actor_party"], match["recipient_party"]):
                match["counted"] = True
                newly_counted.append(match)
            touched[match["id"]] = match
            mentions.append(_mention(match, ev, art, pk, idx, canon[pk] == art.id, articles_of))
    _write_merged(conn, touched, created, articles_of, mentions)
    _recount_days(conn, {r["date"] for r in touched.values() if r["date"]})
    _add_escalation(conn, newly_counted)


def _merged_near(conn: Connection, keys: list[str], placed: _Placed) -> dict[str, list[dict[str, Any]]]:
    """The stored merged events with the batch's keys whose dates can match one of the batch's, by key."""
    by_key: dict[str, list[dict[str, Any]]] = defaultdict(list)
    me = t.merged_events
    near = _dates_that_can_match([date for date, _bg, _key in placed.values()])
    for chunk in _chunks(keys):
        for r in conn.execute(select(me).where(me.c.key.in_(chunk), near).order_by(me.c.id)):
            by_key[r.key].append(dict(r._mapping))
    return by_key


def _matching(candidates: list[dict[str, Any]], date: str | None, day: int | None,
              explicit: bool) -> dict[str, Any] | None:
    """The first merged event of the same key whose date matches (exactly when both were dated in the text)."""
    for cand in candidates:
        if merge.dates_match(cand["date"], cand["day"], date, day, exact=explicit and bool(cand["explicit_date"])):
            return cand
    return None


def _new_merged(ev: Event, art: AnalyzedArticle, mid: int, key: str, date: str | None, day: int | None,
                explicit: bool, background: bool, asserted: bool) -> dict[str, Any]:
    """A new merged event from its first mention, with nothing tallied yet."""
    score = merge.event_score(ev)
    a_party = esc.party(ev.actor.country, ev.actor.sector or ev.actor.code) if ev.actor else None
    r_party = esc.party(ev.recipient.country, ev.recipient.sector or ev.recipient.code) \
        if ev.recipient else None
    return {"id": mid, "key": key, "type": ev.type.upper(), "actor_key": merge.actor_key(ev.actor),
            "actor_name": merge.actor_label(ev.actor),
            "actor_country": ev.actor.country if ev.actor else None,
            "recipient_key": merge.actor_key(ev.recipient),
            "recipient_name": merge.actor_label(ev.recipient),
            "recipient_country": ev.recipient.country if ev.recipient else None,
            "actor_party": a_party, "recipient_party": r_party,
            "place": (ev.location.name or ev.location.text) if ev.location else None,
            "place_country": (ev.location.country if ev.location and ev.location.country
                              else ev.recipient.country if ev.recipient else None),
            "date": date, "day": day, "explicit_date": explicit, "historical": background,
            "current": asserted, "counted": False, "confidence": ev.confidence,
            "score": score, "weight": conflict_weight(score) if asserted else 0.0,
            "text": ev.text[:2000], "n_mentions": 0, "n_articles": 0, "n_negated": 0,
            "n_hypothetical": 0, "n_asserted": 0, "n_originals": 0, "outlets": {},
            "first_published": art.published}


def _mention(match: dict[str, Any], ev: Event, art: AnalyzedArticle, pk: int, idx: int, original: bool,
             articles_of: dict[int, set[str]]) -> dict[str, Any]:
    """Tally one mention on its merged event (an article's first mention counts the article) and return its
    event_mentions row."""
    mid = match["id"]
    _tally(match, ev.negated, ev.hypothetical)
    if art.id not in articles_of[mid]:
        articles_of[mid].add(art.id)
        match["n_originals"] += original
    outlets = dict(match["outlets"] or {})
    outlets[_outlet(art)] = outlets.get(_outlet(art), 0) + 1
    match["outlets"] = outlets
    return {"merged_id": mid, "article_pk": pk, "article_id": art.id, "idx": idx,
            "outlet": _outlet(art), "published": art.published, "canonical": original,
            "text": ev.text[:2000], "start": ev.start, "end": ev.end, "negated": ev.negated,
            "hypothetical": ev.hypothetical,
            "reported_by": merge.actor_label(ev.reported_by)}


def _write_merged(conn: Connection, touched: dict[int, dict[str, Any]], created: set[int],
                  articles_of: dict[int, set[str]], mentions: list[dict[str, Any]]) -> None:
    """Insert the new merged events, update the tallies of the stored ones, insert the mentions."""
    for mid, row in touched.items():
        row["n_articles"] = (row["n_articles"] or 0) + len(articles_of[mid])
    new_rows = [r for mid, r in touched.items() if mid in created]
    old_rows = [r for mid, r in touched.items() if mid not in created]
    if new_rows:
        conn.execute(insert(t.merged_events), new_rows)
    if old_rows:
        me = t.merged_events
        kept = ("n_mentions", "n_articles", "n_negated", "n_hypothetical", "n_asserted", "n_originals", "outlets",
                "current", "counted", "weight", "confidence")
        conn.execute(update(me).where(me.c.id == bindparam("mid")).values({k: bindparam(f"v_{k}") for k in kept}),
                     [{"mid": r["id"], **{f"v_{k}": r[k] for k in kept}} for r in old_rows])
    if mentions:
        conn.execute(insert(t.event_mentions), mentions)


def _recount_days(conn: Connection, dates: set[str]) -> None:
    """The timeline's per-date counts, recounted for the dates whose merged events this batch added or changed."""
    from sqlalchemy import case

    from flashpoint.corpus.views import certain_events

    me, td = t.merged_events, t.timeline_days
    for chunk in _chunks(sorted(dates)):
        conn.execute(delete(td).where(td.c.date.in_(chunk)))
        conn.execute(insert(td).from_select(["date", "certain", "every"], select(
            me.c.date, func.sum(case((certain_events(), 1), else_=0)), func.count())
            .where(me.c.date.in_(chunk)).group_by(me.c.date)))


def _tally(row: dict[str, Any], negated: bool, hypothetical: bool) -> None:
    """One more mention of a merged event: what the timeline's marks (denied, contested, ...) are read from."""
    row["n_mentions"] += 1
    row["n_negated"] += negated
    row["n_hypothetical"] += hypothetical
    row["n_asserted"] += not (negated or hypothetical)


def _dates_that_can_match(dates: list[str | None]) -> Any:
    """Only stored merged events an event of these dates can merge with (`merge.dates_match`): a day
    within the date window of one of the days, or the same month or year value, so a batch reads the
    rows of its own days however many other days the store holds."""
    me = t.merged_events
    w = merge.DATE_WINDOW_DAYS
    days = sorted({d + k for d in map(merge.day_number, dates) if d is not None for k in range(-w, w + 1)})
    other = sorted({d for d in dates if d and merge.day_number(d) is None})
    conds: list[Any] = [me.c.day.in_(days)] if days else []
    if other:
        conds.append(and_(me.c.day.is_(None), me.c.date.in_(other)))
    if any(d is None for d in dates):
        conds.append(me.c.date.is_(None))
    return or_(*conds)


def _add_escalation(conn: Connection, new_events: list[dict[str, Any]]) -> None:
    """Add each distinct event that has just come to count (current, confident, two parties) to its (dyad, day)."""
    delta: dict[tuple[str, str, str], list[float]] = defaultdict(lambda: [0.0, 0.0, 0])
    for ev in new_events:
        if ev["day"] is None:
            continue
        d = delta[(ev["actor_party"], ev["recipient_party"], merge.day_string(ev["day"]))]
        d[0] += ev["weight"]
        d[1] += ev["score"] if ev["score"] > 0 else 0.0
        d[2] += 1
    if not delta:
        return
    e = t.escalation_daily
    existing: dict[tuple[str, str, str], tuple[int, float, float, int]] = {}
    dates = sorted({k[2] for k in delta})
    for chunk in _chunks(dates):
        for r in conn.execute(select(e).where(e.c.date.in_(chunk))):
            existing[(r.actor_country, r.recipient_country, r.date)] = (r.pk, r.value, r.cooperation, r.events)
    ins, upd = [], []
    for key, (w, coop, n) in delta.items():
        if key in existing:
            pk, v0, c0, n0 = existing[key]
            upd.append({"p": pk, "v": v0 + w, "c": c0 + coop, "n": n0 + n})
        else:
            ins.append({"actor_country": key[0], "recipient_country": key[1], "date": key[2], "value": w,
                        "cooperation": coop, "events": n})
    if ins:
        conn.execute(insert(e), ins)
    if upd:
        conn.execute(update(e).where(e.c.pk == bindparam("p")).values(
            value=bindparam("v"), cooperation=bindparam("c"), events=bindparam("n")), upd)
    changed: dict[tuple[str, str], list[int]] = defaultdict(list)
    for ac, rc, date in delta:
        changed[(ac, rc)].append(merge.day_number(date) or 0)
    for (ac, rc), days in changed.items():
        rescore(conn, ac, rc, min(days), max(days) + esc.WINDOW_DAYS)


def rescore(conn: Connection, ac: str, rc: str, lo: int | None = None, hi: int | None = None) -> None:
    """Store the baseline and alert of dyad ac->rc for days lo..hi (all its days when None): a day's value
    changes its own row and the baselines of the WINDOW_DAYS after it, nothing else."""
    e, x = t.escalation_daily, t.escalation_scores
    dyad = (e.c.actor_country == ac, e.c.recipient_country == rc)
    first = conn.execute(select(func.min(e.c.date)).where(*dyad)).scalar()
    if first is None:
        return
    events, series = _dyad_series(conn, ac, rc, first, lo, hi)
    lo_s = merge.day_string(lo) if lo is not None else first
    covered = _covered_days(conn, merge.day_string((merge.day_number(min(series)) or 0) - esc.WINDOW_DAYS), hi)
    scored = [r for r in esc.with_baseline(series, started=first, covered=covered)
              if r["date"] >= lo_s and r["date"] in events]
    xd = (x.c.actor_country == ac, x.c.recipient_country == rc)
    clear = delete(x).where(*xd, x.c.date >= lo_s)
    conn.execute(clear.where(x.c.date <= merge.day_string(hi)) if hi is not None else clear)
    if scored:
        conn.execute(insert(x), [{"actor_country": ac, "recipient_country": rc, **r, "events": events[r["date"]]}
                                 for r in scored])


def _dyad_series(conn: Connection, ac: str, rc: str, first: str, lo: int | None,
                 hi: int | None) -> tuple[dict[str, Any], dict[str, float]]:
    """The dyad's events and values per day from WINDOW_DAYS before lo (the baseline of lo) up to hi; a
    window's leading days without a row count as zeros."""
    e = t.escalation_daily
    q = select(e.c.date, e.c.value, e.c.events).where(e.c.actor_country == ac, e.c.recipient_country == rc)
    if lo is not None:
        q = q.where(e.c.date >= merge.day_string(max(lo - esc.WINDOW_DAYS, merge.day_number(first) or 0)))
    if hi is not None:
        q = q.where(e.c.date <= merge.day_string(hi))
    rows = conn.execute(q).all()
    events = {r.date: r.events for r in rows}
    series = {r.date: float(r.value) for r in rows}
    start = min(series)
    if lo is not None and start > first and start > merge.day_string(lo - esc.WINDOW_DAYS):
        series[merge.day_string(lo - esc.WINDOW_DAYS)] = 0.0  # a window's leading empty days count as zeros
    return events, series


def _covered_days(conn: Connection, since: str, hi: int | None) -> set[str]:
    """The days from `since` (to hi) with articles: days of data, 0 where a dyad has no event."""
    cd = t.corpus_docs
    days = select(cd.c.published).where(cd.c.published >= since)
    if hi is not None:
        days = days.where(cd.c.published <= merge.day_string(hi))
    return {d for (d,) in conn.execute(days.distinct()) if d and len(d) == 10}


def rescore_all(conn: Connection) -> None:
    """Score every dyad from its first day (stores made before the scores were stored)."""
    e = t.escalation_daily
    for ac, rc in conn.execute(select(e.c.actor_country, e.c.recipient_country).distinct()).all():
        rescore(conn, ac, rc)


def _claims_and_framing(conn: Connection, batch: list[tuple[int, AnalyzedArticle]], canon: dict[int, str],
                        prepared: dict[int, Prepared]) -> None:
    claim_rows, term_rows = [], []
    for pk, art in batch:
        base = {"article_pk": pk, "article_id": art.id, "outlet": _outlet(art)}
        for row in prepared[pk].claims:
            claim_rows.append({**base, "published": art.published, "canonical": canon[pk] == art.id, **row})
        for pair, side, term, count in prepared[pk].framing:
            term_rows.append({**base, "pair": pair, "side": side, "term": term[:100], "count": count})
    if claim_rows:
        conn.execute(insert(t.claim_values), claim_rows)
    if term_rows:
        conn.execute(insert(t.framing_terms), term_rows)
