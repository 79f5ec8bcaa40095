"""What an actor filter stands for: `Pashinyan`, `Zelenskiy` or `nikol pashinyan` find the same actor.

A filter is matched against the knowledge base (names and aliases, folded for case,
accents and transliteration; a person's surname alone) and against the actors the store
holds (id, name, and a person's surname). The result is the set of actor ids and names
to look up, so the queries stay index look-ups.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from flashpoint.store.store import Store


@dataclass
class ActorMatch:
    """The ids and names an actor filter matches; the text itself is always kept as both."""

    text: str
    ids: set[str] = field(default_factory=set)
    names: set[str] = field(default_factory=set)
    countries: set[str] = field(default_factory=set)  # of countries the filter names (escalation dyads)
    stored_ids: set[str] = field(default_factory=set)  # the matched ids the store's actors have

    @property
    def keys(self) -> set[str]:
        """Lowercased ids and names, as the merged-event keys spell them."""
        return {k.lower() for k in self.ids | self.names}


def match_actor(store: Store, text: str) -> ActorMatch:
    """Knowledge-base ids first (index look-ups); the store's whole actor table only when they find nothing."""
    from flashpoint.nlp.gazetteer import fold, gazetteer

    text = text.strip()
    found = ActorMatch(text=text, ids={text}, names={text})
    folded = fold(text)
    if not folded:
        return found
    gaz = gazetteer()
    entries = list(gaz.lookup(text))
    if " " not in folded:
        entries += gaz.surnames.get(folded, [])
    for entry in entries:
        found.ids.add(entry.id)
        found.names.add(entry.name)
        if entry.kind == "country" and entry.country:
            found.countries.add(entry.country)
    if len(text) == 3 and text.isalpha():
        found.countries.add(text.upper())
    stored = _stored(store, found.ids)
    found.stored_ids = set(stored)
    found.names |= set(stored.values())
    if not found.stored_ids:
        _match_stored_names(store, found, folded)
    found.ids |= found.stored_ids
    found.names.discard("")
    return found


def _stored(store: Store, ids: set[str]) -> dict[str, str]:
    """Which of these ids the store's events or quotes use (indexed columns), with the names stored for them."""
    from sqlalchemy import select, union

    from flashpoint.store import schema

    e, q = schema.events, schema.quotes
    wanted = sorted(ids)
    query = union(select(e.c.actor_id.label("id"), e.c.actor_name.label("name")).where(e.c.actor_id.in_(wanted)),
                  select(e.c.recipient_id, e.c.recipient_name).where(e.c.recipient_id.in_(wanted)),
                  select(q.c.speaker_id, q.c.speaker_name).where(q.c.speaker_id.in_(wanted)))
    with store.engine.connect() as conn:
        return {str(r[0]): str(r[1] or "") for r in conn.execute(query) if r[0]}


def _match_stored_names(store: Store, found: ActorMatch, folded: str) -> None:
    """Actors the knowledge base does not know: the store's names, folded, or a person's surname."""
    from flashpoint.nlp.gazetteer import fold
    from flashpoint.store.queries import actor_table

    for row in actor_table(store):
        aid, name = str(row["id"]), str(row.get("name") or "")
        folded_name = fold(name) if name else ""
        if aid.lower() == found.text.lower() or (folded_name and folded_name == folded):
            found.stored_ids.add(aid)
            found.names.add(name)
        elif aid.startswith("person:") and folded_name and " " not in folded and folded_name.split()[-1] == folded:
            found.stored_ids.add(aid)  # a person's surname alone
            found.names.add(name)
