"""Clause and trigger-pattern helpers for the PLOVER coder.

No parser runs here: the blank spaCy pipeline gives tokens only, so clause structure is
approximated with word lists (clause openers, reporting verbs, modals, negations) and the
trigger lexicon is compiled into a first-word index matched over lower-cased tokens.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Any

import yaml

GAP = "..."
MAX_GAP = 4

# words that open a new clause: a subject is not looked for across them
CLAUSE_OPENERS = frozenset(
    "that which who whom whose when while whereas after before because since although though "
    "if unless until as where ; : — – but".split()
)
# reporting verbs: their subject is the source of what follows, not an actor of it
REPORTING = frozenset(
    "say says said saying tell tells told telling claim claims claimed claiming report reports reported "
    "reporting state states stated stating add adds added adding insist insists insisted believe believes "
    "believed announce announces announced announcing allege alleges alleged alleging assert asserts "
    "asserted suggest suggests suggested confirm confirms confirmed write writes wrote note notes noted "
    "argue argues argued conclude concludes concluded".split()
)
# relative pronouns: ", who ...," is an insertion about the noun before the comma
RELATIVES = frozenset("who which whose whom".split())
# words that open a comma-bracketed insertion between a subject and its verb
INSERTION_OPENERS = RELATIVES | frozenset("a an following despite after including itself himself herself".split())
NEGATIONS = frozenset("not n't never no neither nor without".split())
DENIALS = frozenset(
    "deny denies denied denying dismiss dismisses dismissed dismissing refute refutes refuted reject "
    "rejects rejected rejecting".split()
)
MODALS = frozenset("could would might may should can".split())
CONDITIONALS = frozenset("if unless lest whether".split())
FUTURE = frozenset("will 'll shall".split())
BE_FORMS = frozenset("be is are was were been being 's am".split())
HAVE_FORMS = frozenset("have has had having 've 'd".split())
AUX_SKIP = BE_FORMS | HAVE_FORMS | frozenset(
    "do does did also already reportedly allegedly again repeatedly then now just still both all "
    "further formally officially once long since recently previously jointly publicly".split()
)
SUBJECT_PRONOUNS = frozenset("he she it they we i".split())
POSSESSIVE_PRONOUNS = frozenset("its their his her our my".split())


def verb_forms(lemma: str, irregular: dict[str, list[str]]) -> set[str]:
    """Inflected forms of a verb lemma (both spellings where doubling is uncertain)."""
    if lemma == "be":
        return set(BE_FORMS)
    forms = {lemma}
    forms.update(irregular.get(lemma, []))
    vowels = "aeiou"
    if lemma.endswith(("s", "sh", "ch", "x", "z", "o")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and len(lemma) > 1 and lemma[-2] not in vowels:
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    stems = [lemma]
    if (len(lemma) >= 3 and lemma[-1] not in vowels + "wxy" and lemma[-2] in vowels
            and lemma[-3] not in vowels):
        stems.append(lemma + lemma[-1])  # ban -> bann(ed), commit -> committ(ed)
    for stem in stems:
        if stem.endswith("e"):
            forms.add(stem + "d")
            forms.add(stem + "s")
            if stem.endswith(("ee", "ye", "oe")):
                forms.add(stem + "ing")
            else:
                forms.add(stem[:-1] + "ing")
        elif stem.endswith("y") and len(stem) > 1 and stem[-2] not in vowels:
            forms.add(stem[:-1] + "ied")
            forms.add(stem + "ing")
        else:
            forms.add(stem + "ed")
            forms.add(stem + "ing")
    return forms


def noun_forms(noun: str) -> set[str]:
    """A noun and its plural."""
    if noun.endswith(("s", "sh", "ch", "x", "z")):
        return {noun, noun + "es"}
    if noun.endswith("y") and len(noun) > 1 and noun[-2] not in "aeiou":
        return {noun, noun[:-1] + "ies"}
    return {noun, noun + "s"}


@dataclass(frozen=True)
class Trigger:
    """One lexicon entry, compiled: a sequence of accepted word sets, GAP for a short gap."""

    type: str
    pattern: tuple[frozenset[str] | str, ...]
    phrase: str
    pos: str  # "v" or "n"
    mode: str | None = None
    symmetric: bool = False
    needs_recipient: bool = False
    weak: bool = False
    near: frozenset[str] = frozenset()
    reported: bool = False  # an event only as someone's claim: "X said Y was undermining ..."

    @property
    def size(self) -> int:
        return sum(1 for p in self.pattern if p != GAP)


@dataclass
class Match:
    trigger: Trigger
    start: int  # token index in the sentence
    end: int  # exclusive
    heads: list[int] = field(default_factory=list)  # token indexes of the matched words


def _compile(entry: dict[str, Any], type_: str, irregular: dict[str, list[str]]) -> Trigger:
    pos = "v" if "v" in entry else "n"
    phrase = str(entry[pos])
    words = phrase.lower().split()
    parts: list[frozenset[str] | str] = []
    for k, word in enumerate(words):
        if word == GAP:
            parts.append(GAP)
        elif pos == "v" and k == 0:
            parts.append(frozenset(verb_forms(word, irregular)))
        elif pos == "n" and k == len(words) - 1:
            parts.append(frozenset(noun_forms(word)))
        else:
            parts.append(frozenset(word.split("|")))  # "call ... illegal|unacceptable": any of them
    return Trigger(
        type=type_, pattern=tuple(parts), phrase=phrase, pos=pos, mode=entry.get("mode"),
        symmetric=bool(entry.get("symmetric")), needs_recipient=bool(entry.get("needs_recipient")),
        weak=bool(entry.get("weak")), near=frozenset(entry.get("near") or ()),
        reported=bool(entry.get("reported")),
    )


@lru_cache(maxsize=1)
def lexicon() -> dict[str, list[Trigger]]:
    """The trigger lexicon indexed by every form of each entry's first word."""
    text = resources.files("flashpoint.resources").joinpath("plover_lexicon.yaml").read_text("utf-8")
    data = yaml.safe_load(text)
    irregular = {k: list(v) for k, v in (data.get("irregular") or {}).items()}
    index: dict[str, list[Trigger]] = {}
    for type_, entries in data["types"].items():
        for entry in entries:
            trig = _compile(entry, type_, irregular)
            first = trig.pattern[0]
            assert isinstance(first, frozenset)
            for form in first:
                index.setdefault(form, []).append(trig)
    return index


@lru_cache(maxsize=1)
def ontology() -> dict[str, Any]:
    """resources/plover.yaml: types, modes, scores, old names."""
    text = resources.files("flashpoint.resources").joinpath("plover.yaml").read_text("utf-8")
    data: dict[str, Any] = yaml.safe_load(text)
    return data


def plover_score(type_: str, mode: str | None = None) -> float:
    """The manual's conflict-cooperation score for a type and mode."""
    info = ontology()["types"].get(type_)
    if not info:
        return 0.0
    if mode and mode in (info.get("modes") or {}):
        return float(info["modes"][mode])
    return float(info["score"])


def canonical_type(name: str) -> str:
    """Current PLOVER name for an old one (DEMAND -> REQUEST, FIGHT -> ASSAULT, ...)."""
    upper = name.strip().upper()
    old: dict[str, str] = ontology()["old_names"]
    return old.get(upper, upper)


def _match_at(words: list[str], i: int, trig: Trigger) -> list[int] | None:
    """Token indexes of a match of `trig` starting at i, or None."""
    heads = [i]
    pos = i + 1
    k = 1
    pattern = trig.pattern
    while k < len(pattern):
        part = pattern[k]
        if part == GAP:
            nxt = pattern[k + 1]
            assert isinstance(nxt, frozenset)
            gap = 0
            for j in range(pos, len(words)):
                if gap > MAX_GAP:
                    return None
                if any(c.isalnum() for c in words[j]):
                    gap += 1  # quote marks do not count: 'a "strong" and "painful" response'
                if words[j] in nxt:
                    heads.append(j)
                    pos = j + 1
                    break
                if words[j] in CLAUSE_OPENERS or words[j] in {".", ","}:
                    return None
            else:
                return None
            k += 2
            continue
        assert isinstance(part, frozenset)
        if pos >= len(words) or words[pos] not in part:
            return None
        heads.append(pos)
        pos += 1
        k += 1
    return heads


def find_triggers(words: list[str]) -> list[Match]:
    """Non-overlapping lexicon matches, longest and strongest first."""
    index = lexicon()
    found: list[Match] = []
    for i, word in enumerate(words):
        for trig in index.get(word, ()):
            if trig.pos == "v" and i > 0 and _noun_position(words, i):
                continue  # "an assault by", "under attack": the noun entry, if any, reads it
            heads = _match_at(words, i, trig)
            if heads is None:
                continue
            if trig.near and not any(w in trig.near for w in words[max(0, i - 6): heads[-1] + 9]):
                continue
            found.append(Match(trig, i, heads[-1] + 1, heads))
    found.sort(key=lambda m: (-m.trigger.size, m.trigger.weak, m.start))
    taken: set[int] = set()
    kept: list[Match] = []
    for m in found:
        span = set(range(m.start, m.end))
        if span & taken:
            continue
        taken |= span
        kept.append(m)
    kept.sort(key=lambda m: m.start)
    return kept


NOUN_MARKERS = frozenset("the a an its their his her this these those our my your 's ’s".split())
COUNT_WORDS = frozenset("two three four five six seven eight nine ten eleven twelve dozens hundreds thousands "
                        "several".split())
NOUN_PREPOSITIONS = frozenset("under amid despite following of against after before during".split())


def _noun_position(words: list[str], i: int) -> bool:
    """A word after a determiner ("the attack") or, unless a gerund, after a preposition
    ("under attack") is a noun, not a verb."""
    before = words[i - 1]
    if before in NOUN_MARKERS or (before in NOUN_PREPOSITIONS and not words[i].endswith("ing")):
        return True
    # "an apartment block", "a heavy assault": article, modifier, noun; "the rebels shelled" is a
    # subject and a verb (a plural or a past form)
    if before[:1].isdigit() or before in COUNT_WORDS:
        return True  # "two bombs", "200 shells"
    return i > 1 and (words[i - 2] in {"a", "an", "'s", "’s"} or words[i - 2][:1].isdigit() or words[i - 2] in COUNT_WORDS) \
        and not before.endswith("s") and not words[i].endswith(("ed", "en", "ing"))


def is_passive(words: list[str], m: Match) -> bool:
    """'was attacked by', 'have been shelled': a be-form right before a past participle."""
    if m.trigger.pos != "v" or not words[m.start].endswith(("ed", "en", "wn", "ne", "ht", "t")):
        return False
    j = m.start - 1
    while j >= 0 and words[j] in {"also", "reportedly", "allegedly", "repeatedly", "already", "being", "been"}:
        if words[j] in {"being", "been"}:
            return True
        j -= 1
    return j >= 0 and words[j] in BE_FORMS - {"be"} | {"get", "got", "gets"}


def window_before(words: list[str], start: int, size: int = 4) -> list[str]:
    """Up to `size` words before `start`, stopping at a clause opener or comma."""
    out: list[str] = []
    j = start - 1
    while j >= 0 and len(out) < size and words[j] not in CLAUSE_OPENERS and words[j] not in {",", "."}:
        out.append(words[j])
        j -= 1
    return out
