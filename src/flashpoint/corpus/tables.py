"""The corpus-view tables, kept up to date incrementally by `corpus.update`.

They live on the store's metadata so `Store(...)` creates them with the rest. Every
row points back to an article (`article_pk`, `article_id`) so views stay sourced.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, Column, Float, Index, Integer, String, Table, Text

from flashpoint.store.schema import metadata

STATE_KEY = "views"  # view_state row: the largest articles.pk processed (the queue says what is left)
VERSION_KEY = "version"  # view_state row bumped by every view batch; the row every updater locks first
SCHEMA_KEY = "views_schema"  # view_state row: the shape of the views this code builds
VIEWS_SCHEMA = 6  # raise when the view tables or what they hold change: stored views are then built again

# how far each view has got: name -> last processed articles.pk
view_state = Table(
    "view_state",
    metadata,
    Column("name", String(64), primary_key=True),
    Column("value", Integer, nullable=False),
)

# one row per processed article: its duplicate group, story, and the features used to find both
corpus_docs = Table(
    "corpus_docs",
    metadata,
    Column("article_pk", Integer, primary_key=True),
    Column("article_id", String(64), nullable=False, index=True),
    Column("outlet", String(200), index=True),
    Column("published", String(10), index=True),
    Column("day", Integer, index=True),  # days since 1970-01-01 of `published`, for story time windows
    Column("canonical_id", String(64), nullable=False, index=True),  # itself unless a near-copy
    Column("dup_similarity", Float),
    Column("story_id", Integer, index=True),
    Column("story_similarity", Float),
    Column("signature", JSON),  # MinHash values over word shingles (dedup)
    Column("features", JSON),  # keyword and actor features (stories)
    Column("title", Text),
)

# LSH band keys: kind 'd' (dedup, word shingles) or 's' (stories, keywords)
lsh_bands = Table(
    "lsh_bands",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(1), nullable=False),
    Column("band", String(48), nullable=False),
    Column("article_pk", Integer, nullable=False),
    Column("day", Integer),  # the article's publication day (corpus_docs.day): look-ups read the days near theirs
)
Index("ix_lsh_bands_kind_band_day", lsh_bands.c.kind, lsh_bands.c.band, lsh_bands.c.day)

# document frequency of story features, for IDF weighting (common words say little about the happening)
term_df = Table(
    "term_df",
    metadata,
    Column("term", String(120), primary_key=True),
    Column("df", Integer, nullable=False),
)

stories = Table(
    "stories",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("title", Text),
    Column("first_date", String(10), index=True),
    Column("last_date", String(10), index=True),
    Column("n_articles", Integer, nullable=False, default=0),
    Column("n_distinct", Integer, nullable=False, default=0),  # not counting near-copies
    Column("outlets", JSON),  # outlet -> articles
    Column("actors", JSON),  # actor id or name -> mentions
    Column("countries", JSON),  # country code -> mentions
)

merged_events = Table(
    "merged_events",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("key", String(400), nullable=False, index=True),
    Column("type", String(16), index=True),
    Column("actor_key", String(200)),
    Column("actor_name", String(300)),
    Column("actor_country", String(8), index=True),
    Column("recipient_key", String(200)),
    Column("recipient_name", String(300)),
    Column("recipient_country", String(8), index=True),
    Column("actor_party", String(8)),  # escalation.party: 'AZE', 'AZE/REB', 'AZE/CVL'
    Column("recipient_party", String(8)),
    Column("place", String(300)),
    Column("place_country", String(8), index=True),  # where it happened: the place's country, else the recipient's
    Column("date", String(32), index=True),  # TIMEX3 value: day, month or year
    Column("day", Integer),  # days since epoch when `date` is a full day
    Column("explicit_date", Boolean),  # the date came from the text, not the publication date
    Column("historical", Boolean, index=True),
    Column("current", Boolean, index=True),  # some mention asserts it: not historical, negated or hypothetical
    Column("counted", Boolean),  # current, confident and between two parties: in the escalation index
    Column("confidence", Float),  # the most confident mention's (nlp/event_confidence.py): below the threshold, hidden
    Column("score", Float),
    Column("weight", Float),  # conflict weight used by the escalation index
    Column("text", Text),  # the first mention's sentence
    Column("n_mentions", Integer, nullable=False, default=0),
    Column("n_articles", Integer, nullable=False, default=0),
    # the timeline's marks and counts, kept as mentions arrive (a page never counts an event's mentions)
    Column("n_negated", Integer, nullable=False, default=0),
    Column("n_hypothetical", Integer, nullable=False, default=0),
    Column("n_asserted", Integer, nullable=False, default=0),  # neither negated nor hypothetical
    Column("n_originals", Integer, nullable=False, default=0),  # distinct articles that are not near-copies
    Column("outlets", JSON),
    Column("first_published", String(10)),
)

# merging looks up (key, day): the rows of an update's own days, not every day of a key
Index("ix_merged_events_key_day", merged_events.c.key, merged_events.c.day)

# merged events per date value (day, month or year), all of them and those shown as fact: the timeline's total
# for a date range is a sum over these rows, recounted for the dates an update touches, not a count of events
timeline_days = Table(
    "timeline_days",
    metadata,
    Column("date", String(32), primary_key=True),
    Column("certain", Integer, nullable=False, default=0),  # `views.certain_events`: shown by default
    Column("every", Integer, nullable=False, default=0),
)

event_mentions = Table(
    "event_mentions",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("merged_id", Integer, nullable=False, index=True),
    Column("article_pk", Integer, nullable=False, index=True),
    Column("article_id", String(64), nullable=False),
    Column("idx", Integer),
    Column("outlet", String(200)),
    Column("published", String(10)),
    Column("canonical", Boolean),
    Column("text", Text),
    Column("start", Integer),
    Column("end", Integer),
    Column("negated", Boolean),
    Column("hypothetical", Boolean),
    Column("reported_by", String(300)),
)
# a timeline page lists each event's first mentions: read in order from here, not sorted from all of them
Index("ix_event_mentions_merged_first", event_mentions.c.merged_id, event_mentions.c.article_pk,
      event_mentions.c.start)

escalation_daily = Table(
    "escalation_daily",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("actor_country", String(8), nullable=False),  # a party (escalation.party): 'AZE' or 'AZE/REB'
    Column("recipient_country", String(8), nullable=False),
    Column("date", String(10), nullable=False),
    Column("value", Float, nullable=False, default=0.0),  # score-weighted count of distinct conflict events
    Column("cooperation", Float, nullable=False, default=0.0),
    Column("events", Integer, nullable=False, default=0),
)
Index("ix_escalation_dyad_date", escalation_daily.c.actor_country, escalation_daily.c.recipient_country,
      escalation_daily.c.date, unique=True)
Index("ix_escalation_daily_date", escalation_daily.c.date)  # an update reads the rows of its own days

# the daily index with its trailing baseline and alert, stored per dyad and day and rescored only for the
# days an update changes (and the WINDOW_DAYS after them), so reading escalation or alerts is a query
escalation_scores = Table(
    "escalation_scores",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("actor_country", String(8), nullable=False),
    Column("recipient_country", String(8), nullable=False),
    Column("date", String(10), nullable=False, index=True),
    Column("value", Float, nullable=False),
    Column("baseline", Float, nullable=False),
    Column("threshold", Float, nullable=False),
    Column("alert", Boolean, nullable=False, index=True),
    Column("events", Integer, nullable=False, default=0),
    Column("baseline_days", Integer),  # days with articles the baseline read
)
Index("ix_escalation_scores_dyad_date", escalation_scores.c.actor_country, escalation_scores.c.recipient_country,
      escalation_scores.c.date, unique=True)

claim_values = Table(
    "claim_values",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, nullable=False, index=True),
    Column("article_id", String(64), nullable=False),
    Column("outlet", String(200)),
    Column("published", String(10), index=True),  # claims read by date range (the API's default window)
    Column("canonical", Boolean),
    Column("kind", String(16), index=True),
    Column("subject", String(200), index=True),  # normalised: side + head, e.g. "Russian troops"
    Column("period", String(32)),
    Column("as_of", String(32)),
    Column("value", Float),
    Column("approx", String(32)),
    Column("claimed_by", String(300)),
    Column("text", Text),  # the sentence
    Column("start", Integer),
    Column("end", Integer),
)

framing_terms = Table(
    "framing_terms",
    metadata,
    Column("pk", Integer, primary_key=True, autoincrement=True),
    Column("article_pk", Integer, nullable=False, index=True),
    Column("article_id", String(64), nullable=False),
    Column("outlet", String(200), index=True),
    Column("pair", String(64), nullable=False),
    Column("side", String(16), nullable=False),
    Column("term", String(100), nullable=False),
    Column("count", Integer, nullable=False),
)

ALL = (view_state, corpus_docs, lsh_bands, term_df, stories, merged_events, timeline_days, event_mentions,
       escalation_daily, escalation_scores, claim_values, framing_terms)


def last_processed(store: Any) -> int:
    """How far the views have got (articles.pk); here, not in `update`, so readers stay light to import."""
    from sqlalchemy import select

    with store.engine.connect() as conn:
        value = conn.execute(select(view_state.c.value).where(view_state.c.name == STATE_KEY)).scalar()
    return int(value or 0)


def version(store: Any) -> int:
    """A number that changes whenever the views do: a cache of anything computed from them is keyed by it."""
    from sqlalchemy import select

    with store.engine.connect() as conn:
        value = conn.execute(select(view_state.c.value).where(view_state.c.name == VERSION_KEY)).scalar()
    return int(value or 0)


def pending(store: Any) -> bool:
    """Are stored articles waiting for the views (or is the store older than the view queue)?"""
    from sqlalchemy import select

    from flashpoint.store.schema import view_queue

    with store.engine.connect() as conn:
        if conn.execute(select(view_queue.c.article_pk).limit(1)).first() is not None:
            return True
        if conn.execute(select(view_state.c.value).where(view_state.c.name == VERSION_KEY)).first() is None:
            return True
        return conn.execute(select(view_state.c.value).where(view_state.c.name == SCHEMA_KEY)).scalar() != VIEWS_SCHEMA
