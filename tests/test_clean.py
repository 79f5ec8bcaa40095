"""Cleaning: seed pages against their hand annotations, and generic behaviours on text written here."""

from __future__ import annotations

import json

import pytest

from conftest import SEEDS
from flashpoint.ingest.clean import clean_html, clean_text

GOLD = json.loads((SEEDS / "gold.json").read_text(encoding="utf-8"))["documents"]


def _paragraphs(body: str) -> set[str]:
    return {p.strip() for p in body.split("\n\n")}


@pytest.fixture(scope="module")
def cleaned() -> dict[str, object]:
    return {doc["file"]: clean_text((SEEDS / doc["file"]).read_text(encoding="utf-8")) for doc in GOLD}


@pytest.mark.parametrize("doc", GOLD, ids=[d["file"] for d in GOLD])
def test_seed_boilerplate_dropped_and_listed(doc: dict, cleaned: dict) -> None:
    result = cleaned[doc["file"]]
    paragraphs = _paragraphs(result.body)
    removed = set(result.removed)
    for line in doc["boilerplate"]:
        assert line.strip() not in paragraphs, line
        assert line.strip() in removed, line


@pytest.mark.parametrize("doc", GOLD, ids=[d["file"] for d in GOLD])
def test_seed_article_kept(doc: dict, cleaned: dict) -> None:
    body = cleaned[doc["file"]].body
    for text in doc["must_keep"] + (doc.get("headings") or []):
        assert text in body, text
    headings = doc.get("headings") or []
    for heading in headings:
        assert heading in _paragraphs(body)  # a heading stays a paragraph of its own


@pytest.mark.parametrize("doc", GOLD, ids=[d["file"] for d in GOLD])
def test_seed_title(doc: dict, cleaned: dict) -> None:
    result = cleaned[doc["file"]]
    assert result.title == doc["title"]
    assert result.body.startswith(doc["title"])  # the headline opens the body


def test_seed_lines_are_kept_or_removed() -> None:
    """Every non-empty raw line ends up either in the body or in `removed`."""
    text = (SEEDS / GOLD[0]["file"]).read_text(encoding="utf-8")
    result = clean_text(text)
    raw = [ln.strip() for ln in text.splitlines() if ln.strip()]
    assert len(raw) == len(result.removed) + len(result.body.split("\n\n"))


ARTICLE = """Home
World
Politics
Business
Sport
Harbour town braces for a second storm
Tuesday, 14 March 2023 08:15 AM
Residents of the coastal town spent the night moving boats inland as forecasters warned of waves higher than any seen in a decade.
The mayor told reporters that the sea wall, rebuilt after the last flood, would hold “as long as the wind turns before midnight”.
Read more: Ten years after the flood, a town rebuilds its harbour
Emergency crews said more than 2,000 people had left their homes by Monday evening, and shelters in the school and the church were full.
Photo: a fishing boat is hauled up the slipway. © Jane Doe / Example Agency
What happens next?
Engineers will inspect the wall at first light, and the ferry service will stay suspended until the harbour master says it is safe to sail.
Officials said\u00a0the town's two bridges would remain closed to traffic until the water level had fallen by at least a metre.
Share this article
Sign up for our newsletter
Leave a comment
© 2023 Example News. All rights reserved.
"""


@pytest.fixture(scope="module")
def article() -> object:
    return clean_text(ARTICLE)


def test_paragraphs_kept(article) -> None:
    paragraphs = _paragraphs(article.body)
    assert any(p.startswith("Residents of the coastal town") for p in paragraphs)
    assert any(p.startswith("Emergency crews said") for p in paragraphs)
    assert any(p.startswith("Engineers will inspect") for p in paragraphs)


def test_read_more_and_caption_dropped(article) -> None:
    assert "Read more" not in article.body
    assert "Read more: Ten years after the flood, a town rebuilds its harbour" in article.removed
    assert "©" not in article.body and "Photo:" not in article.body
    assert any(r.startswith("Photo: a fishing boat") for r in article.removed)


def test_navigation_forms_and_dateline_dropped(article) -> None:
    for line in ("Home", "Politics", "Share this article", "Sign up for our newsletter", "Leave a comment",
                 "Tuesday, 14 March 2023 08:15 AM"):
        assert line not in _paragraphs(article.body)
        assert line in article.removed


def test_title_and_heading(article) -> None:
    assert article.title == "Harbour town braces for a second storm"
    assert "What happens next?" in _paragraphs(article.body)


def test_nbsp_normalised_and_curly_quotes_kept(article) -> None:
    assert "\u00a0" not in article.body
    assert "Officials said the town's two bridges" in article.body
    assert "“as long as the wind turns before midnight”" in article.body


def test_paragraph_with_link_text_glued_to_its_end() -> None:
    text = ARTICLE.replace("full.\n", "full. Read More\n")
    result = clean_text(text)
    assert "shelters in the school and the church were full." in result.body
    assert "Read More" not in result.body


def test_empty_and_blank_input() -> None:
    assert clean_text("").body == ""
    assert clean_text("\n \n\u00a0\n").body == ""
    assert clean_text("").title is None


HTML = """<!doctype html><html><head><title>Harbour town braces for a second storm | Example News</title>
<meta property="og:title" content="Harbour town braces for a second storm">
<meta name="author" content="Jane Doe"><meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-03-14T08:15:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
<article><h1>Harbour town braces for a second storm</h1>
<p>Residents of the coastal town spent the night moving boats inland as forecasters warned of waves higher than
any seen in a decade, and the coastguard closed the harbour mouth to all traffic.</p>
<p>The mayor told reporters that the sea wall, rebuilt after the last flood, would hold as long as the wind turned
before midnight, but she urged families living on the front to leave while the roads were still open.</p>
<p>Emergency crews said more than 2,000 people had left their homes by Monday evening, and shelters in the school
and the church were full, with more camp beds on their way from the regional capital.</p></article>
<div class="comments"><h3>Leave a comment</h3><p>Great article, thanks!</p></div>
<footer>© 2023 Example News. All rights reserved.</footer></body></html>"""


def test_html_body_title_and_meta() -> None:
    result = clean_html(HTML, url="https://news.example.org/2023/03/14/harbour")
    assert "Residents of the coastal town" in result.body
    assert "Emergency crews said more than 2,000 people" in result.body
    assert "Politics" not in result.body and "All rights reserved" not in result.body
    assert result.title == "Harbour town braces for a second storm"
    assert result.meta.get("date") == "2023-03-14"
    assert result.meta.get("author") == "Jane Doe"
    assert all(isinstance(v, (str, int, float, bool, list)) for v in result.meta.values())


BYLINE_HTML = HTML.replace('<meta name="author" content="Jane Doe">', "").replace(
    "<h1>Harbour town braces for a second storm</h1>",
    '<h1>Harbour town braces for a second storm</h1><p class="byline">Tom Brennan</p>'
    '<div class="sidebar"><span class="author">Ada Sidebar</span></div>')


@pytest.mark.parametrize("page", [HTML, BYLINE_HTML, HTML.replace('<meta property="article:published_time"', "<x")])
def test_html_meta_is_trafilaturas_own(page: str) -> None:
    """clean_html reads the fields extract_meta uses as trafilatura's extract_metadata does (a byline from the page
    pruned of sidebars, the tree parsed once and extracted from a copy), and the body as bare_extraction alone."""
    import trafilatura
    from trafilatura.metadata import extract_metadata
    from trafilatura.utils import load_html

    url = "https://news.example.org/2023/03/14/harbour"
    theirs = extract_metadata(load_html(page), url).as_dict()
    result = clean_html(page, url=url)
    assert result.meta == {k: theirs[k] for k in ("title", "date", "author", "sitename", "url") if theirs[k]}
    alone = trafilatura.bare_extraction(page, url=url, include_comments=False, favor_precision=True)
    assert alone is not None and not isinstance(alone, dict) and result.body == alone.text


def test_html_byline_author() -> None:
    assert clean_html(BYLINE_HTML).meta.get("author") == "Tom Brennan"


def test_html_without_article() -> None:
    result = clean_html("<html><body></body></html>")
    assert result.body == ""


LIST_ARTICLE = """Ferry timetable changes after the storm | Example News
Home
World
Politics
Ferry timetable changes after the storm
Facebook Twitter WhatsApp Email
Residents of the coastal town were told on Tuesday that the ferry would run a reduced service for the rest of the month.
The harbour master said the following crossings would still sail each day:
1. 07:30 to the island, returning at 09:00
2. 12:15 to the island, returning at 14:00
3. 18:45 to the island, returning at 20:30
Passengers were asked to arrive early, since the vessel can take only half its usual load while repairs go on.
Facebook Twitter WhatsApp Email
Engineers said the damaged ramp would be replaced by the end of April, and full services would resume after that.
Officials added that tickets already bought for cancelled crossings would be refunded in full at the harbour office.
The island's shops, which depend on the morning crossing for fresh supplies, said they would open later than usual.
Sign up for our newsletter
Most read
Council approves new budget for schools
Local team wins the regional cup final
Contact us
Privacy policy
© 2023 Example News. All rights reserved.
"""


def test_short_list_between_paragraphs_kept_and_repeated_share_line_dropped() -> None:
    result = clean_text(LIST_ARTICLE)
    paragraphs = _paragraphs(result.body)
    for item in ("1. 07:30 to the island, returning at 09:00", "3. 18:45 to the island, returning at 20:30"):
        assert item in paragraphs
    assert "Facebook Twitter WhatsApp Email" not in paragraphs
    assert result.removed.count("Facebook Twitter WhatsApp Email") == 2
    assert any(p.startswith("Officials added") for p in paragraphs)


def test_a_short_dump_keeps_its_one_paragraph() -> None:
    text = ("Ferry service resumes across the strait\n\n"
            "The harbour authority said on Friday that the morning ferry would run again from next week, "
            "after repairs to the pier that took most of the summer.\n")
    cleaned = clean_text(text)
    assert "harbour authority said on Friday" in cleaned.body
    assert cleaned.removed == []


def test_published_line_and_wire_credit_are_furniture_and_the_headline_stays() -> None:
    text = ("THE HARBOUR GAZETTE\nSign in | Subscribe\n"
            "Dockworkers end strike after pay deal\n"
            "Published 14 March 2023\n"
            "(Northern Wire)\n"
            "Dockworkers at the port returned to work on Tuesday after union leaders accepted a pay offer that "
            "ends a three-week strike, the port authority said.\n"
            "The deal raises wages by six percent this year and by four percent next year, union officials said.\n"
            "Cargo traffic is expected to return to normal by the end of the week, according to shipping agents.\n")
    cleaned = clean_text(text)
    assert cleaned.body.startswith("Dockworkers end strike after pay deal")
    assert "Published 14 March 2023" in cleaned.removed and "(Northern Wire)" in cleaned.removed
    assert "Published" not in cleaned.body and "(Northern Wire)" not in cleaned.body


def test_window_means_are_the_loops_numbers() -> None:
    import math
    import random

    from flashpoint.ingest.clean_lines import _window_means

    def loop(values: list[float], radius: int) -> list[float]:
        acc = [0.0]
        for v in values:
            acc.append(acc[-1] + v)
        out = []
        for i in range(len(values)):
            lo, hi = max(0, i - radius), min(len(values), i + radius + 1)
            span = hi - lo - 1
            out.append((acc[hi] - acc[lo] - values[i]) / span if span > 0 else 0.0)
        return out

    rng = random.Random(0)
    for _ in range(500):
        values = [rng.choice([rng.random(), math.log1p(rng.randint(0, 80)), 0.0, 1.0]) for _ in range(rng.randint(0, 40))]
        for radius in (2, 3, 8, 10):
            assert _window_means(values, radius) == loop(values, radius)


def test_a_short_masthead_under_the_headline_is_not_the_headline() -> None:
    from flashpoint.ingest.clean import clean_text

    text = ("Junta airstrike kills dozens at village gathering, rebels say\nHighland Monitor\n12 May 2023\n"
            "The military carried out an airstrike on a ceremony in a village on Tuesday, killing at least 50 "
            "people, witnesses and a local group said.\n"
            "A spokesman for the junta confirmed the strike on state television and said fighters were targeted.\n"
            "The exiled government called the attack a crime and asked for an international inquiry.\n")
    cleaned = clean_text(text)
    assert cleaned.title == "Junta airstrike kills dozens at village gathering, rebels say"
    assert cleaned.body.startswith("Junta airstrike kills dozens")
    assert "Highland Monitor" in cleaned.removed


def test_a_city_dateline_is_no_headline() -> None:
    from flashpoint.ingest.clean import clean_text

    text = ("Chile says it will lead the relief mission despite court ruling\nSantiago, 27 January 2024\n"
            "Chile's government said on Saturday it would press ahead with plans to send 500 police officers to "
            "the islands, a day after the Supreme Court ruled the deployment unlawful.\n"
            "The interior minister told reporters the government would appeal the decision next week.\n")
    cleaned = clean_text(text)
    assert cleaned.title == "Chile says it will lead the relief mission despite court ruling"
    assert "Santiago, 27 January 2024" in cleaned.removed


def test_invisible_word_splitters_dropped_where_they_split_latin_words() -> None:
    """Wire copy hides zero-width joiners and soft hyphens inside names; a Persian word keeps its joiner."""
    from flashpoint.ingest.clean_lines import normalise

    assert normalise("Ukrainian President Volodymyr \u200cZelenskiy said") == "Ukrainian President Volodymyr Zelenskiy said"
    assert normalise("the co\u00adoperation \u2060deal\ufeff") == "the cooperation deal"
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"
    assert normalise(f"{persian} said") == f"{persian} said"


ADS_BETWEEN_LEAD = ("Email\n\nAdvertisement:\n\n"
                    "PORT TOWN (Wire) Fishermen hauled their boats onto the beach at dawn as the storm closed in on the "
                    "harbour.\n\nAdvertisement:\n\nAdvertisement:\n\n"
                    "Waves as high as houses broke over the old sea wall in the night, flooding the lower streets and "
                    "the market square.\n\nAdvertisement:\n\n"
                    + "".join(f"Paragraph {n} of the story tells how the town's people worked through the night to move "
                              "families, boats and nets to higher ground, and what the mayor said of it.\n\n"
                              for n in range(1, 8)))


def test_lead_paragraphs_parted_from_the_story_by_advert_slots_are_kept() -> None:
    cleaned = clean_text(ADS_BETWEEN_LEAD)
    paragraphs = _paragraphs(cleaned.body)
    assert any(p.startswith("PORT TOWN (Wire) Fishermen hauled") for p in paragraphs)
    assert any(p.startswith("Waves as high as houses") for p in paragraphs)
    assert "Advertisement:" not in cleaned.body and "Email" not in paragraphs


def test_a_paragraph_parted_from_the_story_by_other_furniture_is_not_read_as_its_lead() -> None:
    """Only advert slots carry a paragraph over: photo credits between are no sign that it is the story's."""
    cleaned = clean_text(ADS_BETWEEN_LEAD.replace("Advertisement:", "Photo: Reuters"))
    assert "Fishermen hauled" not in cleaned.body
