"""Framing: which of each pair of competing terms an outlet uses, whose voices it quotes, whom it casts as aggressor.

The conflicts and their two sides live in resources/conflicts/*.yaml (read by the claims too),
the pairs of terms in resources/framing.yaml, so another crisis is a few lines of YAML. An outlet's lean on a pair is (b - a) / (b + a)
over its term uses, where a is the conflict's first side and b its second: -1 is only the
first side's usage, +1 only the second's; its lean on a conflict is the mean over the
pairs it uses. A conflict's terms count only in texts that name one of its anchors, so
"liberated" in a Ukraine report says nothing about Karabakh. Outlets are split in two
groups at the widest gap between sorted lean scores (a 1-D two-cluster split) on the
conflict the store talks about most, so the analyst sees which outlets frame it alike.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib.resources import files
from typing import Any
from urllib.parse import urlsplit

from flashpoint.corpus import conflicts
from flashpoint.yamlio import load_yaml

Pattern = tuple[str, str, str, re.Pattern[str]]  # pair, side, term label, compiled regex


@lru_cache(maxsize=1)
def load_pairs() -> list[dict[str, Any]]:
    data = load_yaml((files("flashpoint") / "resources" / "framing.yaml").read_text(encoding="utf-8"))
    pairs: list[dict[str, Any]] = data.get("pairs", [])
    return pairs


@lru_cache(maxsize=1)
def load_conflicts() -> dict[str, dict[str, Any]]:
    """Conflict name -> {label, sides: [first, second], side_labels, anchors (compiled or None)}."""
    out: dict[str, dict[str, Any]] = {}
    for c in conflicts.load():
        sides = {code: side.get("usage", code) for code, side in (c.get("sides") or {}).items()}
        anchors = c.get("anchors") or []
        out[c["name"]] = {"label": c.get("label", c["name"]), "sides": list(sides), "side_labels": sides,
                          "anchors": re.compile(r"(?<![\w-])(?:" + "|".join(anchors) + r")", re.I) if anchors else None}
    return out


def pair_conflict(pair: dict[str, Any]) -> str:
    """A pair's conflict; pairs that name none belong to the first conflict in the file."""
    return str(pair.get("conflict") or next(iter(load_conflicts()), ""))


def conflict_sides(conflict: str) -> tuple[str, str]:
    """A conflict's two sides in lean order. A conflict no file names has the first conflict's, as a pair that names
    none belongs to the first (`pair_conflict`); with no conflict file at all, no side is named."""
    known = load_conflicts()
    found = known.get(conflict) or next(iter(known.values()), {})
    sides: list[str] = list(found.get("sides") or [])
    first, second, *_ = [*sides, "", ""]
    return first, second


@lru_cache(maxsize=1)
def pair_conflicts() -> dict[str, str]:
    return {p["name"]: pair_conflict(p) for p in load_pairs()}


@lru_cache(maxsize=1)
def patterns() -> list[Pattern]:
    out: list[Pattern] = []
    for pair in load_pairs():
        for side, terms in (pair.get("terms") or {}).items():
            for term in terms or []:
                out.append((pair["name"], side, term, re.compile(rf"(?<![\w-])(?:{term})(?![\w-])", re.I)))
    return out


@lru_cache(maxsize=1)
def _any_term() -> re.Pattern[str]:
    """All terms in one alternation: most texts name none, and one search tells."""
    terms = [term for pair in load_pairs() for ts in (pair.get("terms") or {}).values() for term in ts or []]
    return re.compile(r"(?<![\w-])(?:" + "|".join(f"(?:{t})" for t in terms) + r")(?![\w-])", re.I)


def term_counts(text: str) -> list[tuple[str, str, str, int]]:
    """(pair, side, term as written, count) for every marker in the text.

    Within a pair, a longer match wins over a shorter one inside it ("Kiev regime" is not also "Kiev").
    """
    found: dict[str, list[tuple[int, int, str, str]]] = {}
    windows = _windows(text)
    if not windows:
        return []
    conflicts = load_conflicts()
    named = {name: c["anchors"] is None or c["anchors"].search(text) is not None for name, c in conflicts.items()}
    of_pair = pair_conflicts()
    for pair, side, _term, rx in patterns():
        if not named.get(of_pair.get(pair, ""), True):
            continue
        for lo, hi, starts in windows:
            for m in rx.finditer(text, lo, hi):
                if m.start() in starts:
                    found.setdefault(pair, []).append((m.start(), m.end(), side, m.group(0)))
    counts: dict[tuple[str, str, str], int] = {}
    for pair, spans in found.items():
        spans.sort(key=lambda s: (s[0], -(s[1] - s[0])))
        last_end = -1
        for start, end, side, written in spans:
            if start < last_end:
                continue
            last_end = end
            key = (pair, side, _display(written))
            counts[key] = counts.get(key, 0) + 1
    return [(p, s, t, n) for (p, s, t), n in counts.items()]


_REACH = 200  # no term is longer: a window runs this far past the last place a term can start


def _windows(text: str) -> list[tuple[int, int, range]]:
    """Where the terms can be: every match of any term starts where the one-alternation search matched, or inside
    such a match, so each term's own search runs over those stretches only (a report names few). A window
    ends at a space _REACH past its last match (the terms' end check reads the same there as in the whole
    text), and matches are kept from its first match's start on."""
    out: list[tuple[int, int, range]] = []
    for m in _any_term().finditer(text):
        hi = text.find(" ", m.end() + _REACH)
        hi = len(text) if hi < 0 else hi
        if out and m.start() < out[-1][1]:  # overlapping windows are one: each term's search reads it once
            lo, _hi, starts = out[-1]
            out[-1] = (lo, hi, range(starts.start, m.end()))
        else:
            out.append((m.start(), hi, range(m.start(), m.end())))
    return out


def _display(written: str) -> str:
    """Case-fold a matched term for counting, keeping capitalised names readable."""
    w = " ".join(written.split())
    return w if w[:1].isupper() and not w.isupper() else (w if w.isupper() else w.lower())


def outlet_label(outlet: str | None, url: str | None, source: str) -> str:
    """The outlet, else the site of the URL, else the source's file name: unknown outlets are not lumped together."""
    if outlet:
        return outlet
    if url:
        host = urlsplit(url).hostname or ""
        if host:
            return host.removeprefix("www.")
    name = source.replace("\\", "/").rsplit("/", 1)[-1]
    return f"({name or 'unknown'})"


def pair_lean(first: float, second: float) -> float | None:
    total = first + second
    return None if total == 0 else (second - first) / total


def split_two(leans: dict[str, float]) -> dict[str, int]:
    """Two groups at the widest gap in the sorted scores: group 1 is the higher (second side's) one."""
    if not leans:
        return {}
    items = sorted(leans.items(), key=lambda kv: kv[1])
    if len(items) == 1:
        return {items[0][0]: 0 if items[0][1] <= 0 else 1}
    gaps = [(items[i + 1][1] - items[i][1], i) for i in range(len(items) - 1)]
    _gap, cut = max(gaps)
    return {name: (0 if i <= cut else 1) for i, (name, _v) in enumerate(items)}
