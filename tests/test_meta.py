"""Metadata: the seeds against their gold annotations, and each cue finder on small made-up pages."""

from __future__ import annotations

import json
from datetime import date

import pytest

from conftest import SEEDS
from flashpoint.ingest.meta import (
    dateline_date,
    detect_language,
    extract_meta,
    find_agencies,
    parse_date,
    pinned_date,
    sources_table,
    staff_agencies,
    stamp_above_body,
    strip_site_suffix,
    url_date,
    url_month,
)
from flashpoint.ingest.pipeline import load_articles
from flashpoint.model import Article


@pytest.fixture(scope="module")
def seeds() -> dict[str, tuple[Article, dict]]:
    gold = {d["file"]: d for d in json.loads((SEEDS / "gold.json").read_text())["documents"]}
    out = {}
    for art in load_articles([str(SEEDS)]):
        assert isinstance(art, Article), art
        name = art.source.rsplit("/", 1)[-1]
        out[name[:3]] = (art, gold[name])
    assert len(out) == 5
    return out


def test_seed_titles_match_gold(seeds: dict[str, tuple[Article, dict]]) -> None:
    for key, (art, gold) in seeds.items():
        assert art.title == gold["title"], key


def test_seed_002_date_comes_from_its_dateline(seeds: dict[str, tuple[Article, dict]]) -> None:
    art, gold = seeds["002"]
    assert (art.published, art.published_from) == (gold["published"], "text")


def test_seed_outlets_republishers_and_agencies(seeds: dict[str, tuple[Article, dict]]) -> None:
    for key in ("002", "004"):
        art, gold = seeds[key]
        assert art.outlet == gold["outlet"], key
        assert art.republisher == gold["republisher"], key
    assert seeds["004"][0].agency == ["AFP", "Reuters"]


def test_seeds_never_get_a_wrong_outlet_or_date(seeds: dict[str, tuple[Article, dict]]) -> None:
    """Where a cue is missing the field stays null rather than guessed."""
    for key, (art, gold) in seeds.items():
        assert art.outlet in (None, gold["outlet"]), key
        assert art.published in (None, gold["published"]), key
        assert art.language == "en"


def test_ids_are_stable_short_hashes(seeds: dict[str, tuple[Article, dict]]) -> None:
    again = {a.source: a.id for a in load_articles([str(SEEDS)]) if isinstance(a, Article)}
    assert {a.source: a.id for a, _ in seeds.values()} == again
    assert all(len(i) == 16 for i in again.values()) and len(set(again.values())) == 5


# ---------------------------------------------------------------- cue finders


@pytest.mark.parametrize("line, value", [
    ("Friday, 02 April 2021 1:41 PM", "2021-04-02"),
    ("Published 29 September 2020", "2020-09-29"),
    ("27.09.2020", "2020-09-27"),
    ("Updated: December 2, 2021 10:15 GMT", "2021-12-02"),
    ("2022-02-24T06:00:00+00:00", "2022-02-24"),
    ("Posted on Mar 3, 2022 | 14:05", "2022-03-03"),
    ("12/25/2021", "2021-12-25"),
])
def test_datelines(line: str, value: str) -> None:
    assert dateline_date(["Some headline about the war", line]) == value


_MENU = [f"Menu item {i}" for i in range(40)]  # a dump's menus push the stamp far below its first lines
_LEAD = "Pacific Gas & Electric began shutting off power on Wednesday to some 375,000 people in 18 counties."


@pytest.mark.parametrize("stamp, value", [
    ("Chris Davies - Nov 19, 2019, 10:31 pm CST", "2019-11-19"),
    ("By Meg James Staff Writer | Nov. 19, 2019", "2019-11-19"),
    ("Updated 1:39 am EST, Wednesday, November 20, 2019", "2019-11-20"),
    ("by Jeff Foust \u2014 November 18, 2019", "2019-11-18"),
    ("By Tim Childers - Live Science Contributor 2019-11-19T12:48:14Z Space", "2019-11-19"),
    ("By Tess Bonn - 11/19/19 06:56 AM EST", "2019-11-19"),  # a two-digit year beside a clock time
    ("18.10.22 14:24", "2022-10-18"),  # dotted, the day first
    ("11.14.2019 09:00 AM", "2019-11-14"),  # dotted, the month first: no month 14
])
def test_a_stamp_above_the_body_dates_a_text_dump(stamp: str, value: str) -> None:
    lines = [*_MENU, "PG&E begins new mass power shutoff", stamp, _LEAD, "More text follows here."]
    assert stamp_above_body(lines, _LEAD + "\n\nMore text follows here.") == value


def test_a_stamp_below_a_long_headline_dates_a_text_dump() -> None:
    """The body of a dump starts with its headline, which may be long: the stamp under it sits above the
    first paragraph of running text, where it is looked for."""
    head = "Envoys signal no breakthrough on bridging Russia and Ukraine's political and military differences"
    lines = [*_MENU, head, "A standfirst on the talks", "Photo: Reuters", "JANE DOE and JOHN ROE", "Updated",
             "Wed, February 18, 2026 at 12:28 PM UTC", _LEAD, "More text follows here."]
    assert stamp_above_body(lines, "\n\n".join([head, _LEAD, "More text follows here."])) == "2026-02-18"
    later = [*_MENU, head, _LEAD, *(f"Paragraph {i} of the story goes on here." for i in range(4)),
             "Wed, February 18, 2026 at 12:28 PM UTC"]  # a sidebar's stamp below the story
    assert stamp_above_body(later, "\n\n".join([head, _LEAD])) is None


def test_a_stamp_under_a_standfirst_dates_a_text_dump() -> None:
    """A standfirst (a sentence under the headline) is the body's first running line; the byline and the stamp
    below it, before the story's paragraphs run on, are the page's."""
    head, standfirst = "PG&E begins new mass power shutoff", "The utility says the cuts will last at least two days."
    lines = [*_MENU, head, standfirst, "Breaking News Emails", "Get alerts on the stories that matter to you, daily.",
             "SUBSCRIBE", "Nov. 20, 2019, 9:28 AM UTC", "By Jane Doe", _LEAD, "More text follows here at length."]
    assert stamp_above_body(lines, "\n\n".join([head, standfirst, _LEAD])) == "2019-11-20"
    ran_on = [*_MENU, head, standfirst, _LEAD, "Another paragraph of the story follows here.", "SUBSCRIBE",
              "Nov. 20, 2019, 9:28 AM UTC"]  # below two running lines in a row: the story has begun
    assert stamp_above_body(ran_on, "\n\n".join([head, standfirst, _LEAD])) is None


def test_dates_of_a_listing_above_the_body_are_no_stamp() -> None:
    """Related stories above the first paragraph, each a headline over a date alone: no day of this page; a
    byline's stamp among them still is."""
    listing = ["LA 2016: a turbocharged sedan unleashed", "November 16, 2016", "A hatchback debuts with new tech",
               "November 20, 2015", "The boosted sedan launched", "September 12, 2016"]
    lines = [*_MENU, "PG&E begins new mass power shutoff", *listing, _LEAD]
    assert stamp_above_body(lines, _LEAD) is None
    with_stamp = [*_MENU, "PG&E begins new mass power shutoff", "By Jane Doe | November 20, 2019 13:42", *listing, _LEAD]
    assert stamp_above_body(with_stamp, _LEAD) == "2019-11-20"
    two = [*_MENU, "PG&E begins new mass power shutoff", *listing[2:], _LEAD]  # two days alone: no listing told
    assert stamp_above_body(two, _LEAD) == "2016-09-12"


@pytest.mark.parametrize("line", ["11/19/19", "Filed 11/19/19 by the desk", "Route 18.10.22 km"])
def test_a_two_digit_year_needs_a_clock_time_beside_it(line: str) -> None:
    """'11/19/19' alone or in words may be a fraction, a score or a code: only a clock time beside it says a stamp."""
    assert stamp_above_body([*_MENU, "PG&E begins new mass power shutoff", line, _LEAD], _LEAD) is None


def test_a_stamp_that_names_no_day_is_the_pages_own() -> None:
    """The nearest stamp above the story is its own: where it names no day ('Monday 5:30PM', 'Published 22 hours
    ago'), the dated stamps of the stories listed above it date no day of this page; an update's does not stop."""
    sidebar = ["Allow Me to Criticize the AirPods Pro", "Adam Clark Estes", "11/12/19 4:40PM"]
    for own in ("Monday 5:30PM", "Published 22 hours ago"):
        lines = [*_MENU, *sidebar, "The Future of Apple Innovation Is Backwards", own, _LEAD]
        assert stamp_above_body(lines, _LEAD) is None
    posted = [*_MENU, "PG&E begins new mass power shutoff", "Published Nov 19, 2019", "Updated an hour ago", _LEAD]
    assert stamp_above_body(posted, _LEAD) == "2019-11-19"
    without = [*_MENU, *sidebar, "The Future of Apple Innovation Is Backwards", "Filed to: innovation", _LEAD]
    assert stamp_above_body(without, _LEAD) == "2019-11-12"  # what the own stamp keeps from being read


def test_a_stamp_that_names_no_year_is_read_in_the_year_of_the_copyright_notice() -> None:
    """Sites leave out the year they serve a page in ('Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM'): the page's
    copyright notice gives it, unless the story tells of a later year as past (a notice left unchanged)."""
    head, stamp = "South Dakota doubles down on its slogan", "Updated Nov 19, 9:41 AM; Posted Nov 18, 8:19 PM"
    notice = "© 2019 NJ.com. All rights reserved (About Us)."
    assert stamp_above_body([*_MENU, head, stamp, _LEAD, notice], _LEAD) == "2019-11-18"
    assert stamp_above_body([*_MENU, head, stamp, _LEAD], _LEAD) is None  # no notice: no year
    later = "The governor launched the campaign in March 2020 and officials backed it."
    assert stamp_above_body([*_MENU, head, stamp, later, notice], later) is None  # a stale notice
    plan = "More subscription options arrive in early 2020, the company says, and prices fall for early buyers."
    assert stamp_above_body([*_MENU, head, stamp, plan, notice], plan) == "2019-11-18"  # a year told of as a plan


@pytest.mark.parametrize("stamps", [
    ["Posted: Fri 6:45 PM, Feb 16, 2018 |", "Updated: Sat 8:31 PM, Feb 17, 2018"],
    ["Last updated 17 February 2018 20:31", "First published 16 February 2018 18:45"],
])
def test_a_first_posted_stamp_outranks_its_update(stamps: list[str]) -> None:
    lines = [*_MENU, "PG&E begins new mass power shutoff", *stamps, _LEAD]
    assert stamp_above_body(lines, _LEAD) == "2018-02-16"
    alone = [*_MENU, "PG&E begins new mass power shutoff", stamps[0 if "pdated" in stamps[0] else 1], _LEAD]
    assert stamp_above_body(alone, _LEAD) == "2018-02-17"  # an update's stamp alone still dates the page


@pytest.mark.parametrize("line", [
    "The roots of the conflict go back to 18 March 2014 when Russia annexed Crimea.",  # a sentence, not a stamp
    "Most read: Kyiv under fire, February 24, 2022 and what followed",
])
def test_a_date_in_a_sentence_above_the_body_is_no_stamp(line: str) -> None:
    lines = [*_MENU, "PG&E begins new mass power shutoff", line, _LEAD]
    assert stamp_above_body(lines, _LEAD) is None
    far = [*_MENU[:2], "Nov 19, 2019, 10:31 pm CST", *_MENU, _LEAD]  # a stamp far above the body is a sidebar's
    assert stamp_above_body(far, _LEAD) is None


def test_a_date_inside_a_sentence_is_not_a_dateline() -> None:
    assert dateline_date(["The roots of the conflict go back to 18 March 2014 when Russia annexed Crimea."]) is None
    assert parse_date("on 30 February 2021") is None  # no such day
    assert url_date("https://example.org/world/2021/04/09/ukraine-story") == "2021-04-09"
    assert url_date("https://example.org/world/ukraine-story") is None


def test_agency_credits_count_and_mentions_do_not() -> None:
    table = sources_table()
    agencies, outlet = find_agencies(["(ACME NEWS with AFP, REUTERS, dpa)"], table)
    assert agencies == ["AFP", "Reuters", "dpa"] and outlet == "ACME NEWS"
    assert find_agencies(["KYIV, Dec 2 (Reuters) - Ukraine said on Thursday...", "(AP)"], table)[0] == ["Reuters", "AP"]
    assert find_agencies(["By Associated Press"], table)[0] == ["AP"]
    mentions = ["Its press service told AFP the soldier was killed.",
                "Troops on the line of contact. © John Smith, AFP",
                "according to an AFP tally based on official figures",
                "(Photo by the ministry)"]
    assert find_agencies(mentions, table) == ([], None)


def test_agency_from_its_own_staff_when_no_credit_names_one() -> None:
    table = sources_table()
    assert staff_agencies("Rocket launchers were seen, according to AFP journalists near the border.", table) == ["AFP"]
    assert staff_agencies("A Reuters correspondent saw tanks; the toll rose, an AFP tally showed.", table) == [
        "Reuters", "AFP"]
    assert staff_agencies("Its press service told AFP the soldier was killed. Reuters reported it too.", table) == []
    body = _body(LEAD, "Smoke rose over the town, according to AFP journalists at the scene.")
    assert extract_meta(body, body).agency == ["AFP"]
    credited = body + "\n\n(Reuters)"
    assert extract_meta(credited, credited).agency == ["Reuters"]  # a credit line wins over staff mentions


def test_seed_001_wire_copy_agency_from_its_reporters(seeds: dict[str, tuple[Article, dict]]) -> None:
    art, gold = seeds["001"]
    assert art.agency == [gold["agency"]]


def _body(*paras: str) -> str:
    return "\n\n".join(paras)


LEAD = ("Russian and Ukrainian negotiators met on the Belarus border on Monday for talks on a ceasefire, "
        "officials from both delegations said after the meeting ended.")


def test_outlet_from_domain_title_suffix_and_aggregator_domain() -> None:
    m = extract_meta("", _body(LEAD), url="https://www.bbc.co.uk/news/world-europe-1",
                     cleaner_title="Negotiators meet on Belarus border for ceasefire talks - BBC News",
                     page_meta={"date": "2022-02-28", "sitename": "BBC News"}, is_html=True)
    assert (m.outlet, m.republisher) == ("BBC News", None)
    assert m.title == "Negotiators meet on Belarus border for ceasefire talks"
    assert (m.published, m.published_from) == ("2022-02-28", "meta")
    copy = extract_meta("", _body(LEAD, "(FRANCE 24 with AFP)"), url="https://www.globalsecurity.org/wmd/x.htm",
                        cleaner_title="Negotiators meet on Belarus border", is_html=True)
    assert (copy.outlet, copy.republisher, copy.agency) == ("France 24", "GlobalSecurity.org", ["AFP"])


def test_masthead_dateline_and_copyright_in_a_text_dump() -> None:
    raw = "\n".join(["THE NORTHERN COURIER", "Home | World | Politics",
                     "Negotiators meet on Belarus border for ceasefire talks", "Monday, 28 February 2022 9:10 AM",
                     LEAD, "© The Northern Courier 2022. All rights reserved."])
    m = extract_meta(raw, _body(LEAD), cleaner_title=None)
    assert m.outlet == "The Northern Courier"
    assert m.title == "Negotiators meet on Belarus border for ceasefire talks"
    assert (m.published, m.published_from) == ("2022-02-28", "text")
    footer_only = extract_meta("\n".join(["Negotiators meet on Belarus border", LEAD, "© Eastern Gazette 2022"]),
                               _body(LEAD))
    assert footer_only.outlet == "Eastern Gazette"
    nothing = extract_meta("\n".join(["Negotiators meet on Belarus border", LEAD]), _body(LEAD))
    assert (nothing.outlet, nothing.published, nothing.agency, nothing.republisher) == (None, None, [], None)


def test_given_fields_win() -> None:
    raw = "\n".join(["THE NORTHERN COURIER", "Negotiators meet", "Monday, 28 February 2022", LEAD])
    m = extract_meta(raw, _body(LEAD), url="https://www.bbc.com/news/x",
                     given={"outlet": "Given Outlet", "published": "2022-03-01", "title": "Given", "agency": "AFP"})
    assert (m.outlet, m.published, m.published_from, m.title, m.agency) == \
        ("Given Outlet", "2022-03-01", "given", "Given", ["AFP"])


def test_generic_blog_engine_marks_a_copy_only_off_known_outlets() -> None:
    raw = LEAD + "\nLeave a Comment\nThis site uses Akismet to reduce spam. Learn how your comment data is processed."
    assert extract_meta(raw, _body(LEAD)).republisher is not None
    assert extract_meta(raw, _body(LEAD), url="https://www.rt.com/russia/1/").republisher is None


def test_strip_site_suffix() -> None:
    assert strip_site_suffix("Headline here | Reuters", ["Reuters"]) == "Headline here"
    assert strip_site_suffix("Russia - Ukraine talks", ["Reuters"]) == "Russia - Ukraine talks"


@pytest.mark.parametrize("text, lang", [
    (LEAD, "en"),
    ("Les négociateurs russes et ukrainiens se sont rencontrés lundi à la frontière pour des pourparlers sur "
     "un cessez-le-feu, selon les responsables des deux délégations.", "fr"),
    ("Die Unterhändler aus Russland und der Ukraine haben sich am Montag an der Grenze getroffen, um über eine "
     "Waffenruhe zu sprechen, sagten Vertreter der beiden Delegationen.", "de"),
    ("Российские и украинские переговорщики встретились в понедельник на границе, чтобы обсудить прекращение "
     "огня, и это было сказано после встречи, которая уже закончилась.", "ru"),
    ("Українські та російські переговірники зустрілися в понеділок на кордоні, щоб обговорити припинення "
     "вогню, і це було сказано після зустрічі, яка вже закінчилася.", "uk"),
    ("Los negociadores rusos y ucranianos se reunieron el lunes en la frontera para hablar de un alto el fuego, "
     "según los representantes de las dos delegaciones.", "es"),
    ("Short", None),
])
def test_language(text: str, lang: str | None) -> None:
    assert detect_language(text) == lang


def test_a_blog_engine_html_page_is_a_copy_only_when_it_credits_others() -> None:
    html = '<html><head><link rel="stylesheet" href="/wp-content/themes/x.css"></head><body></body></html>'
    own = extract_meta(html, _body(LEAD), cleaner_title="Negotiators meet on Belarus border", is_html=True)
    assert own.republisher is None
    copied = extract_meta(html, _body(LEAD, "(AFP)"), cleaner_title="Negotiators meet on Belarus border",
                          is_html=True)
    assert copied.republisher is not None and copied.agency == ["AFP"]


def test_a_photo_caption_is_never_the_title(tmp_path) -> None:  # type: ignore[no-untyped-def]
    page = tmp_path / "dump.txt"
    page.write_text("The Valley Courier\nNews | Sport | Weather\n"
                    "Floods cut off mountain villages as rivers burst banks\n"
                    "Image: Rescue teams wade through flooded streets of the mountain villages. Photo credit: civil defence\n"
                    "Rescue teams reached three mountain villages on Sunday after rivers burst their banks and flooded "
                    "streets, civil defence officials said.\n"
                    "More than 200 people were moved to shelters in the valley, officials said, and roads stay closed.\n",
                    encoding="utf-8")
    article = next(a for a in load_articles([str(page)]) if isinstance(a, Article))
    assert article.title == "Floods cut off mountain villages as rivers burst banks"


def test_marker_search_without_leading_boundary_agrees_with_search() -> None:
    import re

    from flashpoint.ingest.meta import _found

    texts = ["xPowered by WordPress", "Proudly Powered by WordPress.", "on inkl", "won inkl on inkl",
             "", "Powered by WordPressX", "a\nPowered by WordPress"]
    for pattern in (r"\bPowered by WordPress\b", r"\bon inkl\b", r"\bWP [A-Za-z ]+ Powered By\b", r"/wp-content/",
                    r"\binkl|x", r"\binkl\.com\b", r"\bon\sinkl\b", r"(?i)\bpowered by wordpress\b"):
        pat = re.compile(pattern, re.M)
        for text in texts:
            assert _found(pat, text) == bool(pat.search(text)), (pattern, text)


def test_a_marker_of_plain_text_is_looked_for_as_that_text() -> None:
    import re

    from flashpoint.ingest.meta import _plain_text

    assert _plain_text(re.compile(r"\bGlobalSecurity\.org\b")) == "GlobalSecurity.org"
    assert _plain_text(re.compile(r"/wp-content/")) == "/wp-content/"
    for pattern in (r"\bWP [A-Za-z ]+ Powered By\b", r"\bon\sinkl\b", r"\binkl|x", r"(?i)\bpowered by\b", r"\bcase \d+\b"):
        assert _plain_text(re.compile(pattern)) is None, pattern


def test_a_masthead_among_the_first_lines_names_the_outlet() -> None:
    from flashpoint.ingest.pipeline import build_article
    from flashpoint.model import RawDocument

    text = ("Police disperse protesters in the capital\nHighland Courier | Politics\n2 March 2024\n\n"
            "Police used tear gas to disperse several thousand protesters outside parliament on Saturday, "
            "witnesses said, after a week of rallies against a new media law.\n\n"
            "The interior ministry said 40 people were detained and that several officers were hurt.\n\n"
            "Opposition leaders called for another rally on Sunday evening.\n")
    art = build_article(RawDocument(source="dump.txt", content=text.encode(), kind="text"))
    assert art.outlet == "Highland Courier"
    assert art.body.startswith("Police disperse protesters")  # the headline, not the masthead, opens the body
    # a section label alone names no outlet
    art2 = build_article(RawDocument(source="d2.txt", content=text.replace("Highland Courier | ", "").encode(),
                                     kind="text"))
    assert art2.outlet is None


def test_the_latest_past_date_in_the_text_is_an_inferred_publication_day() -> None:
    from flashpoint.ingest.meta import latest_text_date

    lines = ["The envoy arrived on March 3, 2023, after talks in Geneva on 28 February 2023.",
             "Elections will be held on 5 May 2024.",  # the future is no evidence
             "A soldier stands guard in Kherson on March 4, 2023. © Photo agency"]
    assert latest_text_date(lines) == "2023-03-04"
    assert latest_text_date(["No date here."]) is None


def test_a_wire_dateline_outranks_a_sidebar_date() -> None:
    story = ("KHARTOUM, Mar 14 (Reuters) - Paramilitary forces shelled the city on Thursday, "
             "residents and medics said, as talks in Jeddah stalled.")
    raw = "\n".join(["Sudan army says it repelled attack", "Most read",
                      "Aid convoy reaches Darfur 2 April 2024", story])
    m = extract_meta(raw, _body(story), cleaner_title=None)
    assert (m.published, m.published_from) == ("2024-03-14", "text")
    dated = extract_meta("\n".join(["Sudan army says it repelled attack", story]), _body(story),
                         url="https://example.org/world/2023/03/14/sudan-story")
    assert dated.published == "2023-03-14"


def test_a_wire_dateline_takes_its_year_from_the_month_its_address_names() -> None:
    story = ("KHARTOUM, Mar 14 (Reuters) - Paramilitary forces shelled the city on Thursday, "
             "residents and medics said, as talks in Jeddah stalled.")
    raw = "\n".join(["Sudan army says it repelled attack", story])
    filed = extract_meta(raw, _body(story), url="https://example.org/news/2023/03/sudan-story")
    assert (filed.published, filed.published_from) == ("2023-03-14", "text")
    new_year = extract_meta(raw.replace("Mar 14", "Dec 31"), _body(story.replace("Mar 14", "Dec 31")),
                            url="https://example.org/news/2024/01/sudan-story")
    assert new_year.published == "2023-12-31"  # filed in the first days of the next year
    assert extract_meta(raw, _body(story)).published is None  # no year anywhere: no day


@pytest.mark.parametrize("text,published", [
    # a day pinned by its weekday; the report closes the week of the weekdays it names
    ("Parliament voted on March 1, that is Tuesday, as in 2021. On Wednesday troops moved. On Thursday evening they crossed.",
     "2022-03-03"),
    ("On Monday troops moved, and on Wednesday they crossed the river.", None),  # nothing pins a year
    # a weekday and a day with no year said: 2022 and 2016 fit as well as any, none is chosen
    ("Parliament voted on March 1, that is Tuesday. On Wednesday troops moved.", None),
])
def test_a_weekday_pins_an_undated_page(text: str, published: str | None) -> None:
    assert pinned_date(text, date(2026, 12, 4)) == published


@pytest.mark.parametrize("url,value", [
    ("https://www.example.com/law/2026/feb/02/civilians-killed-study", "2026-02-02"),
    ("https://example.org/world/2021/Sep/9/story", "2021-09-09"),
    ("https://example.org/world/2021/04/09/story", "2021-04-09"),
    ("https://example.org/world/2021/feb/30/story", None),  # no such day
    ("https://example.org/world/2021/spring/09/story", None),
    # a day a site appends to the end of its path
    ("https://www.example.com/news/impeachment-key-moments-2019-11-19/", "2019-11-19"),
    ("https://www.example.org/tuft-cells-set-off-immune-responses-20191115/", "2019-11-15"),
    ("https://www.example.org/story-2019-11-19-update/", None),  # not at the end
    ("https://www.example.org/story-20345678/", None),  # an id, no day
    ("https://www.example.org/columnists/201911181077343476-story/", "2019-11-18"),  # an id led by its day
    ("https://www.example.org/columnists/1077343476201911-story/", None),
])
def test_a_url_date_with_a_month_name(url: str, value: str | None) -> None:
    assert url_date(url) == value


def test_no_inferred_day_before_a_later_year_the_page_tells_of() -> None:
    from flashpoint.ingest.meta import latest_text_date

    told = ["The war began with the 7 October 2023 assault.", "A ceasefire was agreed in October 2025."]
    assert latest_text_date(told) is None  # written after 2025: 7 October 2023 is no publication day
    assert latest_text_date(told[:1]) == "2023-10-07"
    ahead = ["The war began with the 7 October 2023 assault.", "Elections will be held in 2025."]
    assert latest_text_date(ahead) == "2023-10-07"  # a year said of the future is no floor
    assert latest_text_date(["The attack of 3 May 2023 killed 12,2025 people were displaced."]) == "2023-05-03"


def test_a_url_date_outranks_a_date_line_among_the_first_lines() -> None:
    story = "Paramilitary forces shelled the city on Thursday, residents and medics said, as talks stalled."
    raw = "\n".join(["Sudan army says it repelled attack", "Most read", "2 April 2024", story])
    assert extract_meta(raw, _body(story)).published == "2024-04-02"  # nothing better: the date line
    dated = extract_meta(raw, _body(story), url="https://example.org/world/2024/03/14/sudan-story")
    assert (dated.published, dated.published_from) == ("2024-03-14", "inferred")


@pytest.mark.parametrize("url,month", [
    ("https://www.aljazeera.com/news/2019/11/service-members-killed", "2019-11"),  # filed under its month
    ("https://www.theguardian.com/law/2026/feb/02/civilians-report", None),  # a day: url_date's
    ("https://www.example.com/news/2019/11/19/story", None),
    ("https://www.example.com/2019/13/story", None),  # no month
    ("https://www.example.com/story-2019", None),
])
def test_a_url_month_is_the_month_a_dayless_address_names(url: str, month: str | None) -> None:
    assert url_month(url) == month


def _url_shape_examples() -> list[object]:
    from flashpoint.ingest.meta import _load

    data = _load("url_dates.yaml")
    return [pytest.param(grain, shape["name"], url, value, id=f"{shape['name']}-{i}")
            for grain in ("days", "months") for shape in data[grain]
            for i, (url, value) in enumerate([*map(tuple, shape["positive"]), *((u, None) for u in shape["negative"])])]


@pytest.mark.parametrize("grain,name,url,value", _url_shape_examples())
def test_url_date_shapes_examples(grain: str, name: str, url: str, value: str | None) -> None:
    """Each shape of resources/url_dates.yaml reads its positive examples' day (or month) and none of its
    negative ones; a shape with no positive or no negative example fails."""
    from flashpoint.ingest.meta import _load

    shape = next(s for s in _load("url_dates.yaml")[grain] if s["name"] == name)
    assert shape["positive"] and shape["negative"]
    assert (url_date(url) if grain == "days" else url_month(url)) == value


@pytest.mark.parametrize("lines, value", [
    (["Updated: February 11, 2024 10:00", "Published: February 10, 2024 09:00"], "2024-02-10"),
    (["Updated February 11, 2024 | Published February 10, 2024"], "2024-02-10"),
    (["Feb 10, 2024 | Updated Feb 11, 2024"], "2024-02-10"),
    (["Updated February 11, 2024"], "2024-02-11"),  # an update's day alone still dates the page
    (["Updated February 11, 2024", "Read more: Kyiv under fire, March 3, 2022"], "2024-02-11"),  # a teaser's day is none
])
def test_a_page_is_dated_by_its_first_publication_not_its_update(lines: list[str], value: str) -> None:
    """Header lines and stamps that give an update's day and a first-published one: the publication day is
    the latter, whichever comes first on the page."""
    from flashpoint.ingest.pipeline import build_article
    from flashpoint.model import RawDocument

    head = "Russia and Ukraine trade blame over strike on power plant"
    for menu in ([], _MENU):  # at the top of the page (a dateline among its first lines), or below its menus
        text = "\n\n".join([*menu, head, *lines, _LEAD, "More text follows here."])
        assert build_article(RawDocument(source="dump.txt", content=text.encode(), kind="text")).published == value


@pytest.mark.parametrize("teaser", ["Read more: Kyiv under fire, March 3, 2022", "Most read: Kyiv under fire | March 3, 2022 10:00"])
def test_a_teasers_date_is_no_stamp_or_dateline(teaser: str) -> None:
    """A link to another story (pages.yaml cue teaser) gives that story's day, not the page's."""
    head = "Russia and Ukraine trade blame over strike on power plant"
    assert dateline_date([head, teaser]) is None
    assert stamp_above_body([*_MENU, head, teaser, _LEAD], _LEAD) is None
    assert dateline_date([head, teaser, "Published February 10, 2024"]) == "2024-02-10"


def test_a_stamp_above_share_buttons_and_related_stories_dates_a_text_dump() -> None:
    """Share buttons, the author's other stories and a listing of related ones may push the page's stamp over
    twenty lines above its first paragraph."""
    share = ["Facebook", "Twitter", "Reddit", "Email", "Show more sharing options", "Tumblr", "Pin It", "LinkedIn",
             "WhatsApp", "Print"]
    related = [line for i in range(4) for line in (f"Related story number {i}", f"October {10 + i}, 2018")]
    lines = [*_MENU, "November 19, 2019 12:04AM ET", "PG&E begins new mass power shutoff", "By", "Jane Doe",
             "Reporter", *share, *related, _LEAD]
    assert stamp_above_body(lines, _LEAD) == "2019-11-19"


def test_a_stamp_above_a_photo_gallery_dates_a_text_dump() -> None:
    """A photo gallery's lines (captions twice, credits, counters) may sit between the stamp and the first paragraph."""
    caption = "Officials inspect the damaged power plant in central Ukraine on Thursday"
    gallery = ["Image 1 of / 9", "Caption", "Close", "Image 1 of 9", caption, caption, "Photo: Jane Doe, AP",
               "PG&E begins new mass power shutoff", "1 / 9", "Back to Gallery"]
    lines = [*_MENU, "Published 4:00 am CST, Wednesday, November 20, 2019", caption, caption, "Photo: Jane Doe, AP",
             *gallery, _LEAD, "More text follows here."]
    assert stamp_above_body(lines, _LEAD + "\n\nMore text follows here.") == "2019-11-20"


def test_a_stamp_above_a_share_panel_dates_a_text_dump() -> None:
    """A share panel that names each network twice ('Facebook', 'Share this with Facebook') and its notices may put
    over thirty lines between the stamp and the first paragraph; a stamp further up is another's."""
    networks = ["Email", "Facebook", "Messenger", "Twitter", "Pinterest", "WhatsApp", "LinkedIn"]
    panel = [*(f"Share this with {n}" for n in networks * 2), "Share", "Share this with",
             "These are external links and will open in a new window",
             *(line for n in networks for line in (n, f"Share this with {n}")), "Copy this link", "Close share panel"]
    head = "PG&E begins new mass power shutoff"
    lines = [*_MENU, head, "19 November 2019", *panel, "Image copyright Getty Images", _LEAD]
    assert len(panel) > 30
    assert stamp_above_body(lines, _LEAD) == "2019-11-19"
    far = [*_MENU, "19 November 2019", head, *panel, *panel[:10], _LEAD]  # over forty lines up
    assert stamp_above_body(far, _LEAD) is None


def test_an_inferred_day_is_not_after_the_first_comment_under_the_story() -> None:
    """Comments under a story, each with a stamp and listed oldest first, come after its publication: the day
    its words give (here the last comment's) is bounded by the first's. A listing of other stories, newest first,
    bounds nothing."""
    from flashpoint.ingest.meta import body_day

    story = [_LEAD, "The utility said the shutoff was needed to keep its lines from sparking wildfires."]
    comments = [line for day, said in ((8, "Great post, thanks."), (8, "Very helpful."), (10, "I agree."),
                                       (11, "Thanks for writing this."))
                for line in ("Jane Reader says:", f"August {day}, 2018 at 3:17 pm", said, "Reply")]
    body = "\n\n".join(story)
    assert body_day([*_MENU, *story, *comments], date(2026, 1, 1), body) == "2018-08-08"
    assert body_day([*_MENU, *story, *comments], date(2026, 1, 1)) == "2018-08-11"  # unbounded: the last comment's
    listing = [line for day in (11, 10, 8) for line in (f"Another story of day {day}", f"8/{day}/18 9:00AM")]
    later = [*_MENU, *story, "The inquiry closed on August 20, 2018.", *listing]
    assert body_day(later, date(2026, 1, 1), body) == body_day(later, date(2026, 1, 1)) >= "2018-08-20"


def test_a_name_shaped_as_a_past_tells_no_past() -> None:
    """A day pinned by its weekday dates a report only in a sentence told in the past: 'United' (a name) is no
    past verb, 'hosted' is."""
    season = " The season began in August 2024."
    assert pinned_date("Manchester United host Liverpool on Saturday, Dec. 7, at Old Trafford." + season,
                       date(2026, 12, 4)) is None
    assert pinned_date("Manchester United hosted Liverpool on Saturday, Dec. 7, at Old Trafford." + season,
                       date(2026, 12, 4)) == "2024-12-07"


def test_the_stamp_by_the_story_outranks_a_date_line_among_the_first_lines() -> None:
    """A date line atop a page may be the site's today (a masthead's 'Wed, Nov 20, 2019'); the stamp beside the
    story's byline is the page's own."""
    head = "Cannabis use disorder is rising in states where the drug is legal"
    raw = "\n".join([head, "Wed, Nov 20, 2019", "Sign In Subscribe", *_MENU[:10], head,
                     "By Jane Doe On 11/13/19 at 4:00 PM EST", "Share", _LEAD, "More text follows here at length."])
    meta = extract_meta(raw, _body(_LEAD + "\n\nMore text follows here at length."))
    assert (meta.published, meta.published_from) == ("2019-11-13", "text")
    alone = "\n".join([head, "Wed, Nov 20, 2019", "Sign In Subscribe", *_MENU[:10], head, "Share", _LEAD])
    assert extract_meta(alone, _body(_LEAD)).published == "2019-11-20"  # no stamp by the story: the date line


@pytest.mark.parametrize("line", [
    "21/06/2014 Tony Carter All, Books, Kit Reviews, News",  # the story's categories beside the byline
    "Written by Rachael Link, MS, RD on June 21, 2014",  # the author's credentials
])
def test_a_dated_line_just_above_the_story_dates_a_text_dump(line: str) -> None:
    head = "Bike style book soundtrack review"
    assert stamp_above_body([*_MENU, head, line, "Share", _LEAD], _LEAD) == "2014-06-21"
    assert stamp_above_body([*_MENU, head, line, *["Share"] * 3, _LEAD], _LEAD) is None  # further up: no stamp


@pytest.mark.parametrize("line", [
    "The rally of June 21, 2014 remembered",  # a headline's date the story tells of
    "Image caption Riders gathered in Leeds on June 21, 2014",
    "Read more: the rally of June 21, 2014",
])
def test_a_headline_caption_or_teaser_just_above_the_story_is_no_stamp(line: str) -> None:
    lead = "Riders gathered in Leeds on June 21, 2014 to remember the rally, which drew thousands of people."
    assert stamp_above_body([*_MENU, "Bike rally remembered", line, lead], lead) is None


def test_a_japanese_dump_is_dated_by_its_stamp_written_year_first() -> None:
    """A paragraph in Japanese ends its sentences with '。' (the story's first paragraph is found by it), and the
    stamp beside the story writes its day year first ('2016.12.01')."""
    lead = "先日、不正に改造したスマートフォンを販売したとして、商標法違反の疑いで男性が逮捕されたというニュースを耳にしました。"
    more = "報道によると、今回販売されたのは、いわゆる改造した端末です。"
    body = "\n\n".join([lead, more])
    lines = [*_MENU, "商品の改造が商標法違反に！？", "by Lighthouse International ／ 2016.12.01", lead, more]
    assert stamp_above_body(lines, body) == "2016-12-01"
    far = [*_MENU, "by Lighthouse International ／ 2016.12.01", *["ブログ"] * 3, lead, more]
    assert stamp_above_body(far, body) is None  # not beside the story
    told = [*_MENU, "商品の改造が商標法違反に！？", lead + " 2016.12.01", more]
    assert stamp_above_body(told, lead + " 2016.12.01\n\n" + more) is None  # the story's own digits are no stamp


@pytest.mark.parametrize(("odd", "plain"), [
    ("Publiſhed Tueſday, Auguſt 8, 2018", "Published Tuesday, August 8, 2018"),  # a long s, which lower case keeps
    ("APRİL 3, 2019", "APRIL 3, 2019"),  # a dotted capital I, which lowers to two letters
])
def test_a_month_or_weekday_in_odd_letters_reads_as_in_plain_ones(odd: str, plain: str) -> None:
    """The date patterns match a name in any case; the name is then looked up as matched (it once raised KeyError)."""
    found, expected = parse_date(odd), parse_date(plain)
    assert found is not None and expected is not None and found[0] == expected[0]


def test_a_weekday_pinned_in_odd_letters_pins_as_in_plain_ones() -> None:
    text = "The council met on {}. It voted in 2018."
    assert pinned_date(text.format("Tueſday, Auguſt 8"), date(2026, 1, 1)) == \
        pinned_date(text.format("Tuesday, August 8"), date(2026, 1, 1)) is not None
