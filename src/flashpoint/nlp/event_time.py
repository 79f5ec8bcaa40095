"""When an event happened, and whether it is background rather than news.

An event takes the date of the first resolved date expression of its clause (else of its sentence,
else the publication day). It is historical when the period that date names ended well before
publication ("on 2 March" in a July article; a month named alone, "in June" or "last month", once it
has ended), or its clause carries a background cue, or its sentence does and the clause is not told as
now (`resources/lang/<code>/background.yaml` holds both).
"""

from __future__ import annotations

import datetime as dt
import re
from bisect import bisect_left
from collections.abc import Sequence
from functools import lru_cache

from spacy.tokens import Span, Token

from flashpoint.nlp.document import NlpDoc
from flashpoint.nlp.event_patterns import given_clauses
from flashpoint.nlp.language import DEFAULT_LANGUAGE, read_yaml, syntax, word_list
from flashpoint.nlp.syntax import SUBJECT_OR_EXPLETIVE, children, is_verb_of

YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@lru_cache(maxsize=8)
def background_cues(language: str = DEFAULT_LANGUAGE, scope: str | None = None) -> tuple[re.Pattern[str], ...]:
    """The cues of one scope: "clause" (`scope: clause`: read only in the event's own clause), "sentence" (the
    others), or None for all."""
    return tuple(re.compile(c["re"], re.I) for c in read_yaml(language, "background.yaml")["cues"]
                 if scope is None or (c.get("scope") or "sentence") == scope)


@lru_cache(maxsize=4)
def since_comparison(language: str = DEFAULT_LANGUAGE) -> re.Pattern[str]:
    """What before "since" makes it a comparison with now ("the highest since 2014"), not a cue."""
    return re.compile(read_yaml(language, "background.yaml")["since_comparison"]["re"], re.I)


@lru_cache(maxsize=4)
def _since_word(language: str = DEFAULT_LANGUAGE) -> str:
    """The word a cue opens with that a comparison before it may turn to now (background.yaml since_comparison)."""
    return str(read_yaml(language, "background.yaml")["since_comparison"]["word"]).lower()


@lru_cache(maxsize=4)
def referring_subjects(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Pronouns that, as a sentence's bare subject, stand for what the sentence before told (background.yaml)."""
    return word_list(language, "background.yaml", "referring_subjects")


def _whole_number(language: str, key: str, unit: str, least: int) -> int:
    """A setting of background.yaml that must be a whole number of `unit`, at least `least`."""
    value = read_yaml(language, "background.yaml").get(key)
    if not isinstance(value, int) or value < least:
        raise ValueError(f"lang/{language}/background.yaml: {key} must be a whole number of {unit}")
    return value


@lru_cache(maxsize=4)
def historical_days(language: str = DEFAULT_LANGUAGE) -> int:
    """A happening whose named period ended this many days before publication is background."""
    return _whole_number(language, "historical_days", "days", 0)


@lru_cache(maxsize=4)
def month_days(language: str = DEFAULT_LANGUAGE) -> int:
    """A happening dated by its month alone ("in June", "last month") is background once that month ended this many
    days before publication."""
    return _whole_number(language, "month_days", "days", 0)


@lru_cache(maxsize=4)
def standing_verbs(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Simple-present verbs that describe their subject (background.yaml `standing_verbs`; a copula always does)."""
    return frozenset(str(w).lower() for w in read_yaml(language, "background.yaml").get("standing_verbs") or [])


def told_as_standing(trigger: Token) -> bool:
    """"Vietnam is one of the most vocal critics of China's claims and has accused Beijing of encroaching": a perfect
    with no auxiliary of its own but "has"/"have", joined by "and" to a simple present that describes its subject (a
    copula or one of `standing_verbs`) and heads its sentence or a relative clause, tells the subject's standing,
    background to the news."""
    if trigger.dep_ != "conj" or trigger.tag_ != "VBN" or trigger.head.dep_ not in ("ROOT", "acl:relcl"):
        return False
    if not _perfect_added(trigger):
        return False  # "is not opposed to the PLO but has instead demanded": the turn is news
    head = trigger.head
    copula = [c for c in head.children if c.dep_ == "cop"]
    if copula:
        return copula[0].tag_ in ("VBZ", "VBP")
    return head.tag_ in ("VBZ", "VBP") and is_verb_of(head, standing_verbs())


def _perfect_added(trigger: Token) -> bool:
    """A perfect told with "has"/"have" alone (syntax.yaml present_perfect_auxiliaries), joined by one additive
    conjunction ("and", not "but") to a head with no auxiliary of its own."""
    auxiliaries = [c.lower_ for c in trigger.children if c.dep_ in ("aux", "aux:pass")]
    joined = [c.lower_ for c in trigger.children if c.dep_ == "cc"]
    words = syntax()  # lang/en/syntax.yaml
    return len(auxiliaries) == 1 and auxiliaries[0] in words.present_perfect_auxiliaries and len(joined) == 1 \
        and joined[0] in words.additive_conjunctions \
        and not any(c.dep_ in ("aux", "aux:pass") for c in trigger.head.children)


@lru_cache(maxsize=4)
def describing_relatives(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Relative pronouns whose clause describes the one it hangs on (background.yaml `describing_relatives`)."""
    return word_list(language, "background.yaml", "describing_relatives")


def told_as_description(doc: NlpDoc, trigger: Token) -> bool:
    """"Russian pilots who fired missiles at Ukraine are now discussing fleeing", "a mill in Kherson, which hosted
    enemy troops": an act told in the simple past and the active voice in a relative clause whose subject is one of
    `describing_relatives` says who or what its antecedent is, background to the news; one its clause dates is
    news, a passive ("a mall, which was hit by a missile") tells what befell the thing, and a present ("the United
    States, which accuses him of espionage") a charge that stands now."""
    if trigger.dep_ != "acl:relcl" or trigger.tag_ != "VBD" or not any(
            c.dep_ == "nsubj" and c.lower_ in describing_relatives() for c in trigger.children):
        return False
    return not _clause_dated(doc, trigger)  # "who stormed it on Saturday": news


@lru_cache(maxsize=4)
def run_adjectives(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Adjectives that tell a plural act noun as a run of earlier acts (background.yaml `run_adjectives`)."""
    return word_list(language, "background.yaml", "run_adjectives")


def told_as_run(doc: NlpDoc, trigger: Token) -> bool:
    """"Recent missile strikes on Kyiv say a lot about Russia's attitude", "says recent Russian missile strikes on Lviv
    illustrate ...": an act noun in the plural with an adjective of `run_adjectives` sums up acts told before, background
    to the news, not one happening; one its clause dates is news, and so is a noun in the singular ("Lam's recent trip
    to Beijing")."""
    if trigger.pos_ != "NOUN" or "Plur" not in trigger.morph.get("Number", []):
        return False
    if not any(c.dep_ == "amod" and c.lower_ in run_adjectives() for c in trigger.children):
        return False
    return not _clause_dated(doc, trigger)


@lru_cache(maxsize=4)
def state_auxiliaries(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Passive auxiliaries of the simple present (background.yaml `state_auxiliaries`)."""
    return word_list(language, "background.yaml", "state_auxiliaries")


def told_as_state(doc: NlpDoc, trigger: Token) -> bool:
    """"Iran is encircled by Afghanistan", "He is accused of leaking secrets": a passive in the simple present (one
    of `state_auxiliaries` and no other auxiliary: not "is being shelled", "has been arrested") with no date in its
    clause tells a standing state of its subject, not a happening."""
    auxiliaries = [c for c in trigger.children if c.dep_ in ("aux", "aux:pass")]
    if trigger.tag_ != "VBN" or len(auxiliaries) != 1 or auxiliaries[0].dep_ != "aux:pass" \
            or auxiliaries[0].lower_ not in state_auxiliaries():
        return False
    return not _clause_dated(doc, trigger)


def told_as_given(doc: NlpDoc, trigger: Token) -> bool:
    """"When Iraq invaded Kuwait, families fled", "Although Egypt condemned the strike, it kept its embassy open",
    "Following the invasion of Ukraine, Finland applied to join NATO": an act in a clause or phrase set before the one
    it hangs on, opened by a subordinator or preposition of events.yaml `given_clauses`, is the ground the sentence's
    news stands on (told before, or background), not that news; one whose clause names its own date is news dated as
    told, and one after its head ("recalled its ambassador after troops shelled Kharkiv") is news."""
    opener = _given_opener(trigger)
    if opener is None:
        return False
    return timex_in(doc, opener.idx, _fronted_comma(trigger.sent, opener).idx) is None  # no date of its own


def _given_opener(trigger: Token) -> Token | None:
    """The subordinator ("when", "although") of the clause the trigger heads or is joined to, or the preposition
    ("following") of the act noun itself, where that clause or phrase is set before the words it hangs on and set off
    from them by a comma: before its head, or opening the sentence (a subordinator that opens the sentence opens a
    clause up to the first comma, whatever the parse hung it on). A clause with no subject of its own ("When leaving
    Bucha, the troops mined ...") tells its main clause's doer acting in turn, news as that clause is."""
    head = trigger
    while head.dep_ == "conj" and head.head != head:
        head = head.head
    noun = head.pos_ in ("NOUN", "PROPN")
    first = next((t for t in head.sent if not (t.is_punct or t.is_space or t.dep_ == "cc")), head)
    opener = _own_opener(head, noun) or (first if not noun and _given_mark(first) else None)
    if opener is None or not _set_off(head, opener) or not (noun or children(head, *SUBJECT_OR_EXPLETIVE)):
        return None
    fronted = head.head != head and head.i < head.head.i and head.dep_ in ("advcl", "obl", "nmod")
    return opener if fronted or opener == first else None


def _set_off(head: Token, opener: Token) -> bool:
    """The clause's head stands before the comma that follows its opener: not "After that Russia attacked" (no comma),
    nor the main clause after it."""
    comma = _fronted_comma(head.sent, opener)
    return comma.text == "," and head.i < comma.i


def _own_opener(head: Token, noun: bool) -> Token | None:
    """The word before a clause's head that opens it (a subordinator of `given_clauses` marks), or before an act noun
    (a preposition of its preps)."""
    if noun:
        preps = given_clauses().preps
        return next((c for c in head.children if c.i < head.i and c.dep_ == "case" and c.lower_ in preps), None)
    return next((c for c in head.children if c.i < head.i and _given_mark(c)), None)


def _given_mark(tok: Token) -> bool:
    """A subordinator of `given_clauses` marks ("when", "although"), as the parse hangs one on its clause."""
    return tok.dep_ in ("mark", "advmod") and tok.lower_ in given_clauses().marks


def _fronted_comma(sentence: Span, opener: Token) -> Token:
    """The comma that sets off a clause or phrase set at the front (the first after its opener), else the sentence's
    last word."""
    return next((t for t in sentence if t.i > opener.i and t.text == ","), sentence[-1])


def _clause_dated(doc: NlpDoc, trigger: Token) -> bool:
    """Whether a date is named within the trigger's clause (its subtree, first word to last)."""
    last = trigger.right_edge
    return timex_in(doc, trigger.left_edge.idx, last.idx + len(last)) is not None


@lru_cache(maxsize=4)
def habitual_adverbs(language: str = DEFAULT_LANGUAGE) -> frozenset[str]:
    """Adverbs that tell an act as a habit or a standing of long ago (background.yaml `habitual_adverbs`)."""
    return word_list(language, "background.yaml", "habitual_adverbs")


def told_as_habit(trigger: Token) -> bool:
    """"Iran, Russia and India, which have traditionally backed the Northern Alliance", "the Taliban, who have long
    refused to negotiate": an adverb of habit (background.yaml `habitual_adverbs`) before a verb told in the past or
    the present (no modal: "will always support" is a pledge) makes the act the side's standing, not news."""
    if trigger.tag_ not in ("VBD", "VBN", "VBZ", "VBP"):
        return False
    return any(c.dep_ == "advmod" and c.i < trigger.i and c.lower_ in habitual_adverbs() for c in trigger.children)


def has_background_cue(text: str, scope: str | None = None) -> bool:
    """A background cue of `scope` (see `background_cues`) in `text`."""
    for cue in background_cues(scope=scope):
        for m in cue.finditer(text):
            comparison = m.group(0).lower().startswith(_since_word()) and since_comparison().search(text, 0, m.start())
            if not comparison:
                return True
    return False


def _date_of(value: str | None) -> dt.date | None:
    m = re.match(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    try:
        return dt.date(int(m.group(1)), int(m.group(2) or 1), int(m.group(3) or 1))
    except ValueError:
        return None


def timex_in(doc: NlpDoc, lo: int, hi: int, asides: Sequence[tuple[int, int]] = ()) -> str | None:
    """The first resolved date starting in [lo, hi) and in none of `asides`: a bisect into the dates in text order,
    kept with the doc."""
    dated = doc.extras.get("dated_timexes")
    if dated is None:
        dated = sorted((t.start, t.value) for t in doc.timexes if t.value and _date_of(t.value))
        doc.extras["dated_timexes"] = dated
    for start, value in dated[bisect_left(dated, (lo,)):]:
        if start >= hi:
            return None
        if not _inside(start, asides):
            return str(value)
    return None


def _inside(at: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= at < b for a, b in spans)


@lru_cache(maxsize=4)
def _aside_rules(language: str = DEFAULT_LANGUAGE) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(relations, phrases, time prepositions) of background.yaml `asides`."""
    rules = read_yaml(language, "background.yaml")["asides"]
    return frozenset(rules["relations"]), frozenset(rules["phrases"]), frozenset(rules["time_prepositions"])


def _names_a_thing(noun: Token) -> bool:
    """A noun that takes part in the act (background.yaml `asides`), not one of a phrase that may tell when."""
    relations, phrases, times = _aside_rules()
    if noun.pos_ not in ("NOUN", "PROPN"):
        return False
    if noun.dep_ in relations:
        return True
    return noun.dep_ in phrases and not any(c.dep_ == "case" and c.lower_ in times for c in noun.children)


def asides(trigger: Token) -> list[tuple[int, int]]:
    """The character spans of the trigger's sentence that describe a thing named there rather than tell the act: a
    clause on a noun ("the tariffs on Chinese goods imposed on Sept. 1", "Assange, who was arrested in 2019") and a
    year before a noun ("obligations under the 2014 Minsk peace process"), neither holding the trigger nor on the
    trigger noun itself ("the 2014 annexation of Crimea"), nor on a noun of an adverbial phrase, which may tell when
    ("during the 1967 war", "during the war that began in 2023"). A date in one dates that thing, not the act."""
    out = []
    for tok in trigger.sent:
        head = tok.head
        if head == tok or head == trigger or not _names_a_thing(head):
            continue
        if tok.dep_ in ("acl", "acl:relcl") and not tok.left_edge.i <= trigger.i <= tok.right_edge.i:
            out.append((tok.left_edge.idx, tok.right_edge.idx + len(tok.right_edge)))
        elif tok.i < head.i and YEAR.fullmatch(tok.text) and tok.dep_ in ("compound", "nummod", "amod"):
            out.append((tok.idx, tok.idx + len(tok)))
    return out


def _told_before(doc: NlpDoc, sentence: Span) -> str | None:
    """"When Hamdallah visited Gaza in March 2018, a bomb hit his convoy. Fatah blamed Hamas for the attack.": a
    sentence in the past that names no date goes on in the time of the last date the sentence just before it names,
    in the same paragraph, or in the next where it opens by pointing back ("This sparked ...")."""
    if sentence.start == 0:
        return None
    k = sentence.start - 1
    refers = _refers_back(sentence)
    while refers and k > 0 and sentence.doc[k].is_space:  # the break the parser left as a sentence of its own
        k -= 1
    before = sentence.doc[k].sent
    dated = doc.extras.get("dated_timexes") or []
    i = bisect_left(dated, (sentence.start_char,)) - 1
    if i < 0 or dated[i][0] < before.start_char or ("\n\n" in doc.body[dated[i][0]:sentence.start_char] and not refers):
        return None
    return str(dated[i][1])


def _history_told_before(doc: NlpDoc, sentence: Span) -> str | None:
    """"In 1987, the rebels accepted the accord. Under it, the army was deployed in the north. However, clashes soon
    broke out.": a passage of history told in the simple past goes on in the time of the date that opened it, in its
    paragraph, across up to background.yaml `narrative_sentences` sentences told in the past that name no date; a
    sentence told in the present ("The accord still holds.") ends it. A day of the news carries only to the sentence
    after it (`_told_before`: "The talks went on. Ukraine rejected the claim." is news of the publication day)."""
    dated = doc.extras.get("dated_timexes") or []
    i = bisect_left(dated, (sentence.start_char,)) - 1
    if i < 0 or not _told_in_past(sentence) or "\n\n" in doc.body[dated[i][0]:sentence.start_char]:
        return None
    value, at = str(dated[i][1]), dated[i][0]
    if not _is_history(doc, value):
        return None
    told = sentence
    for _ in range(narrative_sentences() + 1):
        if told.start == 0:
            return None
        told = told.doc[told.start - 1].sent
        if told.start_char <= at < told.end_char:
            return value
        if not _told_in_past(told):
            return None
    return None


def _is_history(doc: NlpDoc, value: str) -> bool:
    """A date the rules of `is_past` (with no publication day, `_undated_past`) make background."""
    return is_past(value, doc.published) if doc.published is not None else _undated_past(doc, value)


def _told_in_past(sentence: Span) -> bool:
    """The sentence's main verb is told in the simple past ("surfaced", "was deployed", "was rife"): no auxiliary of
    the present or a modal ("has deployed", "will deploy"); a sentence the parse scope left bare tells nothing."""
    root = sentence.root
    if not root.dep_:
        return False  # bare: no token's children are written there (spaCy never set their edges)
    helpers = [c for c in root.children if c.dep_ in ("aux", "aux:pass", "cop")]
    if root.tag_ == "VBD":
        return not helpers
    return bool(helpers) and all(c.tag_ == "VBD" for c in helpers)


@lru_cache(maxsize=4)
def narrative_sentences(language: str = DEFAULT_LANGUAGE) -> int:
    """How many sentences with no date, told in the past, a date of history named before them in their paragraph
    carries across (background.yaml `narrative_sentences`)."""
    return _whole_number(language, "narrative_sentences", "sentences", 1)


def _refers_back(sentence: Span) -> bool:
    """"This sparked a major rift ...": a sentence whose subject is a bare pronoun of background.yaml
    `referring_subjects`, of a verb in the past, tells of what the sentence before told, a new paragraph or not ("This
    is a serious incident and we will act" tells of now)."""
    first = next((t for t in sentence if not t.is_space and not t.is_punct), None)
    return first is not None and first.dep_ == "nsubj" and not list(first.children) \
        and first.lower_ in referring_subjects() and first.head.tag_ == "VBD"


def _period_end(value: str, start: dt.date) -> dt.date | None:
    """The last day of the period a date value names: "2024-03" ends on 31 March, "2024-W30" on that week's
    Sunday, "2024-03-05" that day; None for a period it cannot place within its year ("2024-FA")."""
    if re.fullmatch(r"\d{4}-\d{2}", value):
        following = dt.date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - dt.timedelta(days=1)
    week = re.fullmatch(r"(\d{4})-W(\d{2})(?:-WE)?", value)
    if week:
        try:
            return dt.date.fromisocalendar(int(week.group(1)), int(week.group(2)), 7)
        except ValueError:
            return None
    return start if re.match(r"\d{4}-\d{2}-\d{2}", value) else None


@lru_cache(maxsize=4)
def undated_gap_years(language: str = DEFAULT_LANGUAGE) -> int:
    """With no publication date: how many years before the latest year the text names make a happening history."""
    return _whole_number(language, "undated_gap_years", "years", 1)


def _latest_year(doc: NlpDoc) -> int | None:
    """The latest year the text's dates name, up to this year: a lower bound of an undated page's year."""
    years = [int(t.value[:4]) for t in doc.timexes if t.value and t.value[:4].isdigit()]
    years = [y for y in years if y <= dt.date.today().year]
    return max(years) if years else None


def _undated_past(doc: NlpDoc, value: str, own: bool = False) -> bool:
    """An event year far before the latest year an undated text names ("in 1995" in a story of 2014 and after), or a
    month or day of the act's `own` clause that is past by the rules of a dated text (`is_past`) even on the first day
    of that latest year, the earliest the text can have been written ("In February of 2005, Iran and Syria agreed" in a
    post that names 2006; a date elsewhere in the sentence may name a thing: "a ceasefire Oslo brokered in February
    2002")."""
    when = _date_of(value)
    latest = _latest_year(doc)
    if when is None or latest is None:
        return False
    if own and "-" in value and when.year < latest:
        return is_past(value, dt.date(latest, 1, 1))
    return when.year <= latest - undated_gap_years()


def is_past(value: str, published: dt.date) -> bool:
    when = _date_of(value)
    if when is None:
        return False
    end = _period_end(value, when)
    if end is None:
        return when.year < published.year
    limit = month_days() if re.fullmatch(r"\d{4}-\d{2}", value) else historical_days()
    return (published - end).days > limit or when.year < published.year - 1


def clause_span(trigger_clause: Span) -> tuple[int, int]:
    return trigger_clause.start_char, trigger_clause.end_char


def told_day(doc: NlpDoc, sentence: Span) -> str | None:
    """The past day a sentence states (a resolved full date on or before publication), if any: the day a past act
    in the next sentence that names no date happened on (narrative time across a paragraph break)."""
    day = timex_in(doc, sentence.start_char, sentence.end_char)
    if day is None or len(day) != 10 or doc.published is None or day > doc.published.isoformat():
        return None
    return day


def _stated(doc: NlpDoc, sentence: Span, clause: tuple[int, int],
            aside: Sequence[tuple[int, int]]) -> tuple[str | None, str | None]:
    """(the clause's own date, the date the sentence states) outside `aside` spans (see `asides`)."""
    own = timex_in(doc, *clause, aside)
    value = own or timex_in(doc, sentence.start_char, sentence.end_char, aside)
    if value is None:
        year = next((m for m in YEAR.finditer(sentence.text) if not _inside(sentence.start_char + m.start(), aside)),
                    None)
        value = year.group(1) if year else None
    return own, value


def _past_by_date(doc: NlpDoc, value: str | None, own: str | None) -> bool:
    """Is the date an event takes (`value`; `own`, its clause's own) before the article's day? With no publication
    date, `_undated_past` judges it; no date at all is not history."""
    if value is None:
        return False
    if doc.published is not None:
        return is_past(value, doc.published)
    return _undated_past(doc, value, own == value)


def event_time(doc: NlpDoc, sentence: Span, clause: tuple[int, int], present: bool,
               own_clause: str = "", day_before: str | None = None,
               aside: Sequence[tuple[int, int]] = (), ongoing: bool = False) -> tuple[str | None, bool]:
    """(date, historical) of an event whose trigger heads `clause` inside `sentence` (a past sentence that names no
    date of its own takes the last date of the sentence before it, in its paragraph); a date in one of the `aside`
    spans (see `asides`) dates something named, not the act.

    A clause told in the present ("a figure Moscow dismisses") is now, whatever its sentence's background;
    a background cue inside the clause itself ("has killed 14,000 since the war began") still makes it history. A clause
    told as going on now (`ongoing`: "is seeking", or a simple present: "wants") is now even with a date in it: the date
    is of a thing it names ("is seeking his extradition over his role in the release of the files in 2010").
    """
    own, value = _stated(doc, sentence, clause, aside)
    if value is None and not present:
        value = _told_before(doc, sentence) or _history_told_before(doc, sentence)
    pub = doc.published
    historical = _past_by_date(doc, value, own)
    if not present and has_background_cue(sentence.text, "sentence"):
        historical = True
    if present and (own is None or ongoing):
        historical = False
        value = None
    if has_background_cue(doc.body[clause[0]:clause[1]], "sentence"):  # "Israel says it has killed 14,000 since the war began"
        historical = True
    if has_background_cue(own_clause, "clause"):  # "claimed to have attacked Wagner in the past"
        historical = True
    if value is None and pub is not None:
        # narrative time: "Merkel spoke to Putin on Thursday. In the same call, Putin accused Ukraine" (the day only,
        # not its background: `day_before` is the day the sentence before states, see told_day)
        value = day_before if day_before is not None and not present else pub.isoformat()
    return value, historical
