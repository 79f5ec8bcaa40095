"""Cleaning: the article text of an HTML page or a plain-text page dump, and what was dropped.

HTML goes through trafilatura (body and page metadata). Text dumps, raw page text with every menu,
caption and comment form still in it, go through a line classifier of our own: marker phrases and
per-line statistics give each line a chance of being article text (clean_lines), the densest run of
such lines is the article (a maximum-sum segment, linear in the page), and inside it the prose lines
and the sub-headings that sit between them are kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from flashpoint.ingest.clean_lines import (
    Line,
    LineModel,
    hard_drop,
    line_model,
    main_block,
    markers,
    probabilities,
    split_lines,
)

HEADLINE_WINDOW = 12  # how far above the article's first paragraph a headline may sit
HEADING_MAX_WORDS = 20
END_AFTER_WORDS = 50  # article words that must come before an end-of-article marker for it to count
REPEAT_MAX_WORDS = 8  # a repeated line this short inside the article is page furniture
LEAD_FACTOR = 0.6
GAP_MAX = 3  # at most this many unkept lines (list items, sub-headings) between kept paragraphs are filled in  # a paragraph above the block but below the headline needs this share of the threshold


@dataclass
class Cleaned:
    body: str
    removed: list[str] = field(default_factory=list)
    title: str | None = None
    meta: dict[str, Any] = field(default_factory=dict)  # what the page itself says: date, author, sitename, url


SHORT_TITLE_WORDS = 3  # a title-like line this short may be a masthead or a section label
SECTION_SEPARATOR = re.compile(r"\s[|›»]\s")


def _title_like(ln: Line) -> bool:
    return 2 <= ln.words <= 30 and not hard_drop(ln) and not ln.text.endswith((".", ",", ";", ":"))


def _headline(lines: list[Line], first_prose: int, repeated: set[str]) -> int | None:
    """The headline: a title-like line just above the article, preferring one the page's first line echoes."""
    lo = max(0, first_prose - HEADLINE_WINDOW)
    echoed = _echoed_title(lines, first_prose, lo)
    return echoed if echoed is not None else _title_above(lines, first_prose, lo, repeated)


def _echoed_title(lines: list[Line], first_prose: int, lo: int) -> int | None:
    """A title-like line above the article that the page's first line (its <title>) echoes: surely the headline."""
    head = lines[0].text.lower() if lines else ""
    for i in range(first_prose - 1, lo - 1, -1):
        ln = lines[i]
        low = ln.text.lower()
        if i > 0 and _title_like(ln) and ln.words >= 3 and (low in head or head in low):
            return i
    return None


def _title_above(lines: list[Line], first_prose: int, lo: int, repeated: set[str]) -> int | None:
    """The nearest title-like line above the article; a masthead ("Outlet | Section") only if nothing else is."""
    masthead = None
    for i in range(first_prose - 1, lo - 1, -1):
        ln = lines[i]
        if not _headline_candidate(ln, i, repeated):
            continue
        if SECTION_SEPARATOR.search(ln.text):
            masthead = i if masthead is None else masthead  # "Tbilisi Herald | Politics": a masthead, unless alone
            continue
        if ln.words <= SHORT_TITLE_WORDS:
            # "Asia Pacific Monitor" under the headline: a longer title-like line above is the headline
            longer = _longer_title_above(lines, i, lo, repeated)
            return longer if longer is not None else i
        return i
    return masthead


def _headline_candidate(ln: Line, i: int, repeated: set[str]) -> bool:
    """A title-like line of three words or more that opens with no bullet or no-break space and is no label the page repeats."""
    if not _title_like(ln) or ln.raw.startswith("\u00a0") or ln.local[13]:
        return False
    return not (ln.words < 3 or (ln.text.lower() in repeated and i > 0))


def _longer_title_above(lines: list[Line], i: int, lo: int, repeated: set[str]) -> int | None:
    """A title-like line of twice a short title's words above line i: the headline over a section label."""
    return next((k for k in range(i - 1, lo - 1, -1) if _title_like(lines[k]) and not lines[k].local[13]
                 and lines[k].words >= 2 * SHORT_TITLE_WORDS and lines[k].text.lower() not in repeated), None)


def _echo(ln: Line, repeated: set[str]) -> bool:
    """A short line the page repeats (a share bar, a label): furniture even inside the article."""
    return not ln.prose and ln.words <= REPEAT_MAX_WORDS and ln.text.lower() in repeated


def _fill_gaps(lines: list[Line], keep: list[bool], a: int, b: int, repeated: set[str]) -> None:
    """Short runs of list items or sub-headings between two kept paragraphs belong to the article."""
    i = a + 1
    while i < b:
        if keep[i] or not keep[i - 1]:
            i += 1
            continue
        j = i
        while j < b and not keep[j]:
            j += 1
        run = range(i, j)
        if keep[j] and len(run) <= GAP_MAX and not any(
                hard_drop(lines[k]) or lines[k].local[13] or _echo(lines[k], repeated) for k in run):
            for k in run:
                keep[k] = True
        i = j + 1


def _repeated_texts(lines: list[Line]) -> set[str]:
    """The lines (lowercased) that occur more than once on the page: menus, share bars, labels."""
    counts: dict[str, int] = {}
    for ln in lines:
        low = ln.text.lower()
        counts[low] = counts.get(low, 0) + 1
    return {t for t, c in counts.items() if c > 1}


def _block_paragraphs(lines: list[Line], probs: list[float], thr: float, a: int, b: int,
                      repeated: set[str]) -> list[bool]:
    """The keep flags of the page: the main block's likely, unmarked, unrepeated lines."""
    keep = [False] * len(lines)
    for i in range(a, b + 1):
        keep[i] = probs[i] >= thr and not hard_drop(lines[i]) and not _echo(lines[i], repeated)
    return keep


def _keep_subheadings(lines: list[Line], keep: list[bool], a: int, b: int, repeated: set[str]) -> None:
    """Short title-like lines between two kept paragraphs of the block are the article's sub-headings."""
    for i in range(a + 1, b):
        ln = lines[i]
        if (keep[i] or not _title_like(ln) or ln.words > HEADING_MAX_WORDS or ln.local[13]
                or _echo(ln, repeated)):
            continue
        if keep[i - 1] and lines[i - 1].prose and keep[i + 1] and lines[i + 1].prose:
            keep[i] = True


def _keep_following(lines: list[Line], keep: list[bool], probs: list[float], floor: float, a: int, b: int) -> None:
    """A paragraph that follows a kept paragraph needs less evidence: the article goes on until it stops."""
    for i in range(a + 1, len(lines)):
        ln = lines[i]
        if i > b and not keep[i - 1]:
            break
        if (not keep[i] and keep[i - 1] and lines[i - 1].prose and ln.prose and not hard_drop(ln)
                and probs[i] >= floor):
            keep[i] = True


def _stop_at_article_end(lines: list[Line], keep: list[bool], a: int) -> None:
    """The article stops where its comments, share bar or author box begin (once it has said enough)."""
    seen = 0
    for i in range(a, len(lines)):
        if lines[i].ends_article and seen >= END_AFTER_WORDS:
            for j in range(i, len(lines)):
                keep[j] = False
            break
        if keep[i]:
            seen += lines[i].words


def _first_paragraph(lines: list[Line], keep: list[bool], a: int, b: int) -> int:
    """Where the headline search starts: the block's first kept line, or the line after it when that is a title."""
    first_kept = next((i for i in range(a, b + 1) if keep[i]), a)
    return first_kept + 1 if _title_like(lines[first_kept]) and not lines[first_kept].prose else first_kept


def _keep_headline_and_lead(lines: list[Line], keep: list[bool], probs: list[float], floor: float, h: int,
                            a: int) -> None:
    """Nothing above the headline; between it and the block, a lead paragraph (a standfirst, a first
    paragraph beside teasers)."""
    for i in range(0, h):
        keep[i] = False
    keep[h] = True
    for i in range(h + 1, a):
        ln = lines[i]
        keep[i] = ln.prose and not hard_drop(ln) and probs[i] >= floor


def _keep_prose_if_headline_alone(lines: list[Line], keep: list[bool], repeated: set[str], h: int | None) -> None:
    """An article is never its headline alone: a short dump gives the model too little context to tell
    its one paragraph from furniture, so its prose lines are kept."""
    if any(keep[i] and lines[i].prose for i in range(len(lines))):
        return
    for i, ln in enumerate(lines):
        if ln.prose and not hard_drop(ln) and not _echo(ln, repeated) and i != h:
            keep[i] = True


def _keep_lead_across_ads(lines: list[Line], keep: list[bool], a: int, h: int | None, repeated: set[str]) -> None:
    """Paragraphs above the article's densest run that only advert slots ('Advertisement:'; boilerplate.yaml
    inline_ad) part from it, and the paragraphs right above those, are its lead: the slots beside a paragraph
    weigh its chance down, not its words. Read upwards from the run to the headline; the first line that is
    neither such a slot nor a paragraph ends it, and a paragraph counts only once a slot was crossed."""
    ad = markers().inline_ad
    crossed = False
    for i in range(a - 1, h if h is not None else -1, -1):
        ln = lines[i]
        if ad.fullmatch(ln.text):
            crossed = True
        elif crossed and ln.prose and not hard_drop(ln) and not _echo(ln, repeated):
            keep[i] = True
        else:
            break


def clean_lines(lines: list[Line], model: LineModel | None = None) -> tuple[list[int], int | None]:
    """Indexes of the lines to keep, in order, and the headline's index."""
    if not lines:
        return [], None
    model = model or line_model()
    probs = probabilities(lines, model)
    thr = model.threshold
    a, b = main_block(lines, probs, thr)
    repeated = _repeated_texts(lines)
    keep = _block_paragraphs(lines, probs, thr, a, b, repeated)
    _keep_subheadings(lines, keep, a, b, repeated)
    _fill_gaps(lines, keep, a, b, repeated)
    _keep_following(lines, keep, probs, thr * LEAD_FACTOR, a, b)
    _stop_at_article_end(lines, keep, a)
    h = _headline(lines, _first_paragraph(lines, keep, a, b), repeated)
    if h is not None:
        _keep_headline_and_lead(lines, keep, probs, thr * LEAD_FACTOR, h, a)
    _keep_lead_across_ads(lines, keep, a, h, repeated)
    _keep_prose_if_headline_alone(lines, keep, repeated, h)
    return [i for i, k in enumerate(keep) if k], h


def clean_text(text: str) -> Cleaned:
    """Article body of a raw page dump: paragraphs joined by blank lines, dropped lines in `removed`."""
    lines = split_lines(text)
    kept, h = clean_lines(lines)
    kept_set = set(kept)
    return Cleaned(body="\n\n".join(lines[i].text for i in kept),
                   removed=[ln.raw for i, ln in enumerate(lines) if i not in kept_set],
                   title=lines[h].text if h is not None else None)


def _plain(value: Any) -> Any:
    if value is None or isinstance(value, (str, int, float, bool)):
        return value
    if isinstance(value, (list, tuple, set)):
        return [_plain(v) for v in value]
    return str(value)


META_FIELDS = ("title", "date", "author", "sitename", "url")  # what extract_meta reads of the page's own metadata


def _page_metadata(tree: Any, url: str | None) -> Any:
    """The page's title, date, site name and URL, and its author where its meta tags or JSON-LD name one, read as
    trafilatura's extract_metadata reads them (a trafilatura Document), less the fields flashpoint never reads
    (categories, tags, licence: a third of its time on news pages). The tree is only read."""
    from htmldate import find_date
    from trafilatura.metadata import (
        META_URL,
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )
    from trafilatura.settings import DEFAULT_CONFIG, set_date_params

    metadata = examine_meta(tree)
    if metadata.author and " " not in metadata.author:
        metadata.author = None
    try:
        metadata = extract_meta_json(tree, metadata)
    except Exception:  # noqa: BLE001 - as trafilatura: a page's broken JSON-LD leaves the other fields
        pass
    metadata.title = metadata.title or extract_title(tree)
    metadata.url = metadata.url or extract_url(tree, url)
    metadata.date = find_date(tree, **set_date_params(DEFAULT_CONFIG.getboolean("DEFAULT", "EXTENSIVE_DATE_SEARCH")),
                              url=metadata.url)
    metadata.sitename = metadata.sitename or extract_sitename(tree)
    if metadata.sitename:
        metadata.sitename = metadata.sitename.lstrip("@")
        if metadata.sitename and "." not in metadata.sitename and not metadata.sitename[0].isupper():
            metadata.sitename = metadata.sitename.title()
    elif metadata.url and (site := META_URL.match(metadata.url)):
        metadata.sitename = site[1]
    return metadata


def _byline_author(tree: Any) -> str | None:
    """trafilatura's extract_author, pruning the page's own tree in place: read once the body is extracted (from a
    copy of the tree), it saves the copy of the whole page extract_author makes."""
    from trafilatura.htmlprocessing import prune_unwanted_nodes
    from trafilatura.json_metadata import normalize_authors
    from trafilatura.metadata import extract_metainfo
    from trafilatura.xpaths import AUTHOR_DISCARD_XPATHS, AUTHOR_XPATHS

    author = extract_metainfo(prune_unwanted_nodes(tree, AUTHOR_DISCARD_XPATHS), AUTHOR_XPATHS, len_limit=120)
    return normalize_authors(None, author) if author else None


def clean_html(html: str, url: str | None = None) -> Cleaned:
    """Article body and metadata of an HTML page, by trafilatura tuned for precision on news pages. The page
    is parsed once: its metadata is read from the tree, trafilatura extracts the body from a copy of it, and
    a byline is looked for last, in the tree pruned of what names no author."""
    import trafilatura
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return Cleaned(body="")
    metadata = _page_metadata(tree, url)
    doc = trafilatura.bare_extraction(tree, url=url, include_comments=False, favor_precision=True)
    if doc is None:
        return Cleaned(body="")
    metadata.author = metadata.author or _byline_author(tree)
    metadata.clean_and_trim()
    meta = {k: _plain(getattr(metadata, k)) for k in META_FIELDS if getattr(metadata, k) not in (None, "", [])}
    body = (doc.get("text") if isinstance(doc, dict) else doc.text) or ""
    return Cleaned(body=body, title=meta.get("title"), meta=meta)
