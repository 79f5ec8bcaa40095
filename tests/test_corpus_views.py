"""Corpus views on records built here: dedup, stories, merged events, claims, framing, escalation, incremental upkeep."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from flashpoint.corpus import escalation as esc
from flashpoint.corpus import merge, views
from flashpoint.corpus import tables as t
from flashpoint.corpus.claims import group_claims, normalise_subject
from flashpoint.corpus.framing import split_two, term_counts
from flashpoint.corpus.update import last_processed, rebuild, update_views
from flashpoint.model import Actor, AnalyzedArticle, Event, Quantity
from flashpoint.store.store import Store

WIRE = (
    "Russian forces shelled the eastern city of Kharkiv overnight, regional officials said on Tuesday. "
    "At least twelve people were killed and dozens wounded when rockets hit a residential district near the "
    "centre. The governor said emergency crews were still searching the rubble of two apartment blocks. "
    "Ukraine's foreign minister called on Western partners to send more air defence systems, while the "
    "Kremlin said its troops were striking only military targets. Residents described a night of explosions "
    "that shook windows across the city and forced families into basements and metro stations."
)
OTHER = (
    "The European Union agreed a new package of sanctions on Russian oil exports after weeks of talks in "
    "Brussels. Hungary secured an exemption for pipeline deliveries. Diplomats said the measures would take "
    "effect within six months and would cut most of the bloc's imports by the end of the year."
)


def _article(i: int, body: str, outlet: str, published: str, title: str = "", events: list[Event] | None = None,
             quantities: list[Quantity] | None = None) -> AnalyzedArticle:
    return AnalyzedArticle(id=f"t{i}", source=f"test:{i}", outlet=outlet, published=published, body=body,
                           title=title or body[:60], events=events or [], quantities=quantities or [])


def _assault(body: str, date: str | None = None, historical: bool = False, score: float = -10.0) -> Event:
    return Event(type="ASSAULT", actor=Actor(text="Russian forces", country="RUS", sector="MIL"),
                 recipient=Actor(text="Kharkiv", country="UKR"), date=date, historical=historical,
                 text=body[:90], start=0, end=90, score=score)


def test_near_copies_are_linked_and_counted_once(db_url: str) -> None:
    store = Store(db_url)
    copy = "AFP\nShare this article\n" + WIRE + "\nRead also: more news from the region"
    store.add(_article(1, WIRE, "Agence A", "2022-05-03", events=[_assault(WIRE)]))
    store.add(_article(2, copy, "Site B", "2022-05-03", events=[_assault(copy)]))
    store.add(_article(3, OTHER, "Site C", "2022-05-03"))
    update_views(store)
    with store.engine.connect() as conn:
        canon = dict(conn.execute(select(t.corpus_docs.c.article_id, t.corpus_docs.c.canonical_id)).all())
    assert canon["t2"] == "t1" and canon["t1"] == "t1" and canon["t3"] == "t3"
    stories = views.stories(store)
    wire_story = next(s for s in stories if "t1" in s["article_ids"])
    assert "t2" in wire_story["article_ids"] and wire_story["distinct"] == 1
    assert "t3" not in wire_story["article_ids"]
    # the event both copies carry is one merged event, counted once in escalation
    line = views.timeline(store)
    assert len(line) == 1 and len(line[0]["mentions"]) == 2 and line[0]["articles"] == 1
    esc_rows = views.escalation(store)
    assert [(r["dyad"], r["value"]) for r in esc_rows] == [("RUS->UKR", 10.0)]
    store.close()


def test_events_merge_across_outlets_but_not_background_with_current(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    bodies = [f"Report {i}: " + WIRE.replace("Tuesday", day) for i, day in enumerate(["Tuesday", "Wednesday", "Monday"])]
    store.add(_article(1, bodies[0], "A", "2022-05-03", events=[_assault(bodies[0], "2022-05-03")]))
    store.add(_article(2, bodies[1][:300] + " " + OTHER, "B", "2022-05-04", events=[_assault(bodies[1], "2022-05-03")]))
    store.add(_article(3, OTHER + " Background.", "C", "2022-05-04",
                       events=[_assault("Russia shelled Kharkiv, officials said.", None),
                               _assault("Years ago the city was shelled.", "2014-05", historical=True)]))
    update_views(store)
    line = views.timeline(store)
    current = [e for e in line if not e["historical"]]
    background = [e for e in line if e["historical"]]
    assert len(background) == 1 and background[0]["date"] == "2014-05"
    # 2022-05-03 (two outlets) and an undated report published the next day merge into one
    assert len(current) == 1 and current[0]["articles"] == 3
    assert {m["outlet"] for m in current[0]["mentions"]} == {"A", "B", "C"}
    assert line[0]["historical"]  # background sorts on its own, earlier date
    store.close()


def test_an_event_dated_well_before_its_report_is_background() -> None:
    assert merge.period_end("2020-07") == merge.day_number("2020-07-31")
    assert merge.period_end("2020") == merge.day_number("2020-12-31")
    assert merge.period_end("2022-W08") == merge.day_number("2022-02-27")
    assert merge.period_end("PAST_REF") is None
    ceasefire = Event(type="AGREE", text="A ceasefire was signed last July.", start=0, end=10, date="2020-07")
    assert merge.is_background(ceasefire, "2020-07", "2021-04-09")
    assert not merge.is_background(ceasefire, "2020-07", "2020-08-15")  # a fortnight later it is still news
    assert not merge.is_background(ceasefire, "2021-04-08", "2021-04-09")
    assert not merge.is_background(ceasefire, "2020-07", None)  # no publication date: nothing to measure from


def test_timeline_marks_late_reported_events_and_escalation_leaves_them_out(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    body = "Russian forces shelled Kharkiv on 3 March, officials recalled in a review of the spring fighting."
    store.add(_article(1, WIRE, "A", "2022-03-03", events=[_assault(WIRE, "2022-03-03")]))
    store.add(_article(2, body, "B", "2022-06-20", events=[_assault(body, "2022-03-03")]))
    line = views.timeline(store)
    assert sorted((e["date"], e["historical"], e["mentions"][0]["outlet"]) for e in line) == [
        ("2022-03-03", False, "A"), ("2022-03-03", True, "B")]
    # the late review is background: the day's escalation holds the one current report only
    assert [(r["date"], r["value"]) for r in views.escalation(store)] == [("2022-03-03", 10.0)]
    store.close()


def test_incremental_update_touches_only_new_articles(db_url: str, monkeypatch: pytest.MonkeyPatch) -> None:
    from flashpoint.corpus import update

    store = Store(db_url)
    for i in range(6):
        store.add(_article(i, f"Item {i}. " + (WIRE if i % 2 else OTHER) + f" Filed {i}.", "A", f"2022-05-0{i + 1}"))
    update_views(store)
    first = last_processed(store)
    assert first == store.max_pk()
    with store.engine.connect() as conn:
        before = {r.article_pk: (r.story_id, r.canonical_id) for r in conn.execute(select(t.corpus_docs))}
    seen: list[int] = []
    original = update._read

    def observed(store: Store, pks: list[int]):  # type: ignore[no-untyped-def]
        rows = original(store, pks)
        seen.extend(pk for pk, _ in rows)
        return rows

    monkeypatch.setattr(update, "_read", observed)
    store.add(_article(10, "Late copy. " + WIRE, "B", "2022-05-06"))
    store.add(_article(11, "Something else entirely about grain shipments from Odesa port resuming.", "B", "2022-05-06"))
    update_views(store)
    assert seen == [pk for pk in seen if pk > first] and len(seen) == 2
    update_views(store)  # nothing new: nothing read
    assert len(seen) == 2
    with store.engine.connect() as conn:
        after = {r.article_pk: (r.story_id, r.canonical_id) for r in conn.execute(select(t.corpus_docs))}
        n_docs = conn.execute(select(func.count()).select_from(t.corpus_docs)).scalar_one()
    assert n_docs == 8 and all(after[pk] == v for pk, v in before.items())
    # a rebuild from scratch gives the same assignments
    rebuild(store)
    with store.engine.connect() as conn:
        rebuilt = {r.article_pk: (r.story_id, r.canonical_id) for r in conn.execute(select(t.corpus_docs))}
    assert rebuilt == after
    store.close()


def test_claim_subjects_keep_their_side() -> None:
    assert normalise_subject("Russian soldiers")[0] == normalise_subject("Russian forces")[0] == "Russian troops"
    assert normalise_subject("Ukrainian troops")[0] == "Ukrainian troops"
    assert normalise_subject("civilians")[0] == normalise_subject("people")[0] == "people"
    assert normalise_subject(None, "90,000 Russian troops near the border")[0] == "Russian troops"


def _claim(aid: str, value: float, published: str, kind: str = "killed", subject: str = "people",
           as_of: str | None = None, claimed_by: str | None = None) -> dict:
    return {"article_id": aid, "outlet": aid.upper(), "published": published, "kind": kind, "subject": subject,
            "period": None, "as_of": as_of, "value": value, "start": 0, "end": 1, "text": "",
            "claimed_by": claimed_by}


def test_claim_status_agree_disagree_trend() -> None:
    groups = group_claims([
        _claim("a", 14000, "2021-04-09"), _claim("b", 13000, "2021-12-02"), _claim("c", 14000, "2022-02-22"),
        _claim("a", 50, "2021-04-09", subject="Ukrainian troops"), _claim("b", 50, "2021-12-02", subject="Ukrainian troops"),
        _claim("b", 90000, "2021-12-02", kind="troops", subject="Russian troops", claimed_by="Kyiv"),
        _claim("b", 115000, "2021-12-02", kind="troops", subject="Russian troops", claimed_by="Ukrainian officials"),
        _claim("c", 150000, "2022-02-22", kind="troops", subject="Russian troops"),
        _claim("d", 3000, "2022-03-01", kind="displaced", subject="refugees"),
        _claim("e", 5000, "2022-03-01", kind="displaced", subject="refugees"),
    ])
    by = {(g["kind"], g["subject"]): g for g in groups}
    assert by[("killed", "people")]["status"] == "disagree"  # a lower later toll
    assert by[("killed", "Ukrainian troops")]["status"] == "agree"
    troops = by[("troops", "Russian troops")]
    assert troops["status"] == "trend" and troops["within_article"][0]["values"] == [90000, 115000]
    assert by[("displaced", "refugees")]["status"] == "disagree"  # same day, different values
    # one source giving two numbers in one article counts two things ("117 drones launched, 74 shot down")
    one = group_claims([_claim("f", 117, "2025-03-12", kind="munitions", subject="drones", claimed_by="air force"),
                        _claim("f", 74, "2025-03-12", kind="munitions", subject="drones", claimed_by="air force")])
    assert one[0]["status"] == "single" and not one[0]["within_article"]


def test_claims_view_from_quantities(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    for i, (value, day) in enumerate([(14000, "2021-04-09"), (13000, "2021-12-02")]):
        body = f"More than {value:,} people have been killed in the conflict since 2014, the UN says."
        q = Quantity(text=f"{value:,}", start=10, end=10 + len(f"{value:,}"), value=value, kind="killed",
                     subject="people", approx="more than")
        store.add(_article(i, body, f"Outlet{i}", day, quantities=[q]))
    rows = views.claims(store)  # the view brings the tables up to date itself
    assert rows[0]["status"] == "disagree" and rows[0]["n_articles"] == 2
    assert {v["outlet"] for v in rows[0]["values"]} == {"Outlet0", "Outlet1"}
    assert rows[0]["figures"] == "14,000 (Outlet0, 2021-04-09); 13,000 (Outlet1, 2021-12-02)"
    store.add(_article(5, "Kyiv says Russia has amassed more than 90,000 troops near the border.", "Outlet2",
                       "2021-12-03", quantities=[Quantity(text="90,000", start=40, end=46, value=90000, kind="troops",
                                                          subject="Russian troops", claimed_by="Kyiv")]))
    troops = views.claims(store, type="troops")
    assert troops[0]["figures"] == "90,000 (Outlet2, 2021-12-03, per Kyiv)"  # who gives the figure, in the table too
    store.close()


def test_framing_terms_and_two_way_split(sqlite_url: str) -> None:
    counts = {(p, s, term) for p, s, term, _ in term_counts("Shelling in Donbass; the Kiev regime and Kyiv's allies.")}
    assert ("donbas", "ru", "Donbass") in counts and ("kyiv", "ua", "Kyiv") in counts
    assert ("kyiv_government", "ru", "Kiev regime") in counts and ("kyiv", "ru", "Kiev") in counts
    # within one pair the longer term wins: "people's republics" is not also counted as a bare "republic"
    assert [(p, term) for p, _s, term, _n in term_counts("the Donetsk People's Republic") if p == "separatists"] \
        == [("separatists", "Donetsk People's Republic")]
    # separatists (Western and Ukrainian usage) against militia and people's republics (Russian state usage)
    sep = {(s, term) for p, s, term, _n in term_counts("Pro-Russia separatists and the DPR militia fought near Donetsk.")
           if p == "separatists"}
    assert sep == {("ua", "Pro-Russia separatists"), ("ru", "DPR"), ("ru", "militia")}
    assert split_two({"a": -1.0, "b": -0.8, "c": 0.9, "d": 0.2}) == {"a": 0, "b": 0, "c": 1, "d": 1}
    store = Store(sqlite_url)
    texts = {"West1": "Russia annexed Crimea in 2014; Russia-backed separatists hold parts of Donbas and Luhansk near Kyiv.",
             "West2": "Officials in Kyiv said the invasion was unprovoked; separatists in Luhansk shelled villages.",
             "East1": "Crimea rejoined Russia after a referendum; the Kiev regime shells the militia of Donbass and Lugansk.",
             "East2": "The special military operation in Donbass continues, Kiev said nothing about the LPR."}
    for i, (outlet, text) in enumerate(texts.items()):
        store.add(_article(i, text, outlet, "2022-03-01"))
    rows = {r["outlet"]: r for r in views.framing(store)}
    assert rows["West1"]["group"] == rows["West2"]["group"] != rows["East1"]["group"] == rows["East2"]["group"]
    assert rows["East1"]["lean"] > 0 > rows["West1"]["lean"]
    store.close()


def test_framing_counts_a_term_once_whatever_its_case(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    store.add(_article(1, "Separatists shelled Luhansk. Kyiv said the separatists and other separatists withdrew.",
                       "West", "2022-03-01", title="Shelling in the east"))
    row = views.framing(store)[0]
    assert row["terms"]["separatists / militia / republics (self-proclaimed)"] == "separatists (3)"
    store.close()


def test_escalation_baseline_and_alert_on_a_break() -> None:
    start = dt.date(2022, 1, 1)
    series = {(start + dt.timedelta(days=i)).isoformat(): (2.0 if i % 3 else 4.0) for i in range(50)}
    for i in range(50, 55):
        series[(start + dt.timedelta(days=i)).isoformat()] = 60.0
    rows = esc.with_baseline(series)
    alerts = [r["date"] for r in rows if r["alert"]]
    assert alerts and alerts[0] == (start + dt.timedelta(days=50)).isoformat()
    weekly = esc.with_baseline(series, "week")
    assert any(r["alert"] for r in weekly) and all(r["date"][4:6] == "-W" for r in weekly)


def test_escalation_counts_distinct_current_events_per_day(db_url: str) -> None:
    store = Store(db_url)
    start = dt.date(2022, 1, 1)
    for i in range(40):
        day = (start + dt.timedelta(days=i)).isoformat()
        n = 1 if i < 35 else 6
        body = f"Day {i}. " + " ".join(f"Shelling number {k} hit village {k} on day {i}." for k in range(n))
        evs = [Event(type="ASSAULT", actor=Actor(text="Russia", country="RUS"),
                     recipient=Actor(text=f"village {k}", country="UKR"),
                     location={"text": f"village {k}", "name": f"village {k}"}, text=body, start=0, end=len(body),
                     score=-10.0, date=day) for k in range(n)]
        evs.append(Event(type="ASSAULT", actor=Actor(text="Russia", country="RUS"), recipient=Actor(text="Ukraine", country="UKR"),
                         text=body, start=0, end=5, score=-10.0, date=day, negated=True))
        store.add(_article(i, body, "A", day, events=evs))
    rows = {r["date"]: r for r in views.escalation(store, country="RUS")}
    assert rows["2022-01-10"]["value"] == 10.0  # the negated event does not count
    assert rows["2022-02-06"]["value"] == 60.0
    alerts = views.alerts(store)
    assert [a["date"] for a in alerts][:1] == ["2022-02-05"]
    act = views.actor(store, "RUS")
    assert act["escalation"][0]["dyad"] == "RUS->UKR" and "2022-02-05" in act["escalation"][0]["alerts"]
    store.close()


def test_stories_group_the_same_happening_across_outlets(db_url: str) -> None:
    store = Store(db_url)
    happenings = {
        "strike": ["Missile strike on Kramatorsk railway station kills dozens of evacuees",
                   "Dozens of evacuees killed as missile hits Kramatorsk railway station",
                   "Kramatorsk station strike: evacuees killed waiting for trains, railway officials say"],
        "plant": ["Shelling near Zaporizhzhia nuclear plant raises fears, IAEA inspectors urge restraint",
                  "IAEA inspectors warn of shelling around Zaporizhzhia nuclear plant",
                  "Zaporizhzhia nuclear plant shelled again; IAEA inspectors alarmed"],
    }
    i = 0
    for key, titles in happenings.items():
        for j, title in enumerate(titles):
            store.add(AnalyzedArticle(id=f"{key}{j}", source=f"test:{i}", outlet=f"Outlet{j}",
                                      published="2022-04-08" if key == "strike" else "2022-08-20",
                                      title=title, body=title + "."))
            i += 1
    # the same words months later are another happening
    store.add(AnalyzedArticle(id="late", source="test:late", outlet="Outlet9", published="2022-11-30",
                              title=happenings["strike"][0], body="A year on: " + happenings["strike"][1] + "."))
    rows = views.stories(store)
    members = [set(r["article_ids"]) for r in rows]
    assert {"strike0", "strike1", "strike2"} in members
    assert {"plant0", "plant1", "plant2"} in members
    assert {"late"} in members
    strike = next(r for r in rows if "strike0" in r["article_ids"])
    assert strike["n_outlets"] == 3 and strike["first_date"] == "2022-04-08"
    detail = views.story(store, strike["id"])
    assert detail is not None and [a["outlet"] for a in detail["articles"]] == ["Outlet0", "Outlet1", "Outlet2"]
    assert views.stories(store, outlet="Outlet9")[0]["article_ids"] == ["late"]
    store.close()


def test_framing_reads_each_conflict_only_where_it_is_the_topic(sqlite_url: str) -> None:
    karabakh = "Troops entered Khankendi and liberated Shusha, the Azerbaijani defence ministry said."
    found = {(p, s) for p, s, _t, _n in term_counts(karabakh)}
    assert ("stepanakert", "az") in found and ("shusha", "az") in found and ("karabakh_war", "az") in found
    # the same generic word in a report about another war names no Karabakh side
    assert not [p for p, *_ in term_counts("The army said it had liberated two villages near Kherson in Ukraine.")
                if p == "karabakh_war"]
    # a Ukraine marker in a text that never names Ukraine is not read as Ukraine framing
    assert term_counts("Rebels called the occupiers' checkpoints illegal, a spokesman in Juba said.") == []
    store = Store(sqlite_url)
    texts = {"Baku Post": "Azerbaijani units liberated Shusha and shelled positions near Khankendi in Karabakh.",
             "Yerevan Star": "Shelling of Stepanakert continued as Artsakh forces held Shushi, Armenian officials said."}
    for i, (outlet, text) in enumerate(texts.items()):
        store.add(_article(i, text, outlet, "2020-10-08"))
    rows = {r["outlet"]: r for r in views.framing(store)}
    assert rows["Baku Post"]["conflict"] == "armenia-azerbaijan"
    assert rows["Baku Post"]["lean"] > 0 > rows["Yerevan Star"]["lean"]
    assert rows["Baku Post"]["group"] == "az-leaning" and rows["Yerevan Star"]["group"] == "am-leaning"
    store.close()


def test_a_story_spans_days_not_months(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Daily bulletins about one front, each like the day before, stay separate stories past the span."""
    from flashpoint.corpus import stories as stories_mod

    store = Store(f"sqlite:///{tmp_path / 'span.db'}")
    start = dt.date(2024, 1, 1)
    for k in range(30):
        day = (start + dt.timedelta(days=k)).isoformat()
        body = (f"Border guards of Moldavia reported shelling near Ravenport on day {k}. "
                "The border guards of Moldavia said the Ravenport shelling went on overnight.")
        store.add(_article(100 + k, body, "Wire", day, title=f"Moldavia border guards report Ravenport shelling, "
                                                            f"bulletin {k}"))
    update_views(store)
    spans = [(s["first_date"], s["last_date"]) for s in views.stories(store)]
    assert len(spans) >= 2
    for first, last in spans:
        if first and last:
            gap = (dt.date.fromisoformat(last) - dt.date.fromisoformat(first)).days
            assert gap <= stories_mod.MAX_SPAN_DAYS
