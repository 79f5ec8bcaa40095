"""Why nothing fired: for every missed gold event whose clause holds a pattern lemma of its type (the largest miss
class of `event_error_classes.py`), the furthest step of the coder any such token reached, counted across the tuning
sets (never the held-out ones):

  wrong part of speech / a noun not heading its line / the pattern's constraints (object, particle, preposition,
  clause) / the side check of `events.code_with` (its doer a cause, the sides the pattern needs not named, a warning
  of another side, no implied target), with the sides the parse gave / a pattern of another type fired first /
  coded, then dropped (another act's content, a capability, merged).

An object constraint names the kind of the object it refused, as the coder reads kinds (`object_kind`): a person, a
place, an act of its type, a kind head, a noun of another kind, a word it refuses, no object read; so the rows of
"verb found, sense rejected" split by what a widened constraint would have to take.

    python benchmarks/event_miss_reasons.py [--gold DIR --articles FILE] [--sample benchmarks/event_sampleN.jsonl ...]
        [--details FILE]

With no --gold and no --sample: tune (a). The coder is traced by wrapping its step functions, not changed.

With --no-pattern it counts the other side of the misses instead: those whose clause holds no pattern lemma of the
gold type (`event_error_classes.miss_class`: no trigger, or only lemmas of other types), each under the type and every
verb of its clause (else the nouns heading it), with the documents and sets it recurs in: the words a new pattern
might take, to be tried against the same sets before it is added (a word that recurs as gold in one set only is no
class).
"""

from __future__ import annotations

import argparse
import json
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from event_error_classes import miss_class, write_details
from flashpoint.evals import realnews as rn
from flashpoint.nlp import events as ev
from flashpoint.nlp import pipeline
from flashpoint.nlp import syntax as syn
from flashpoint.nlp.event_patterns import by_lemma
from flashpoint.nlp.language import syntax
from flashpoint.nlp.parser import parse

ROOT = Path(__file__).resolve().parent.parent
Record = dict[str, Any]
LEMMA_THERE = "a pattern lemma of its type is there, nothing fired (parse, constraints, sides)"


class Tracer:
    """Records every `code_with` call of one document: (token index, pattern) -> the failing step and the sides."""

    def __init__(self) -> None:
        self.calls: dict[int, list[tuple[Any, str | None, str]]] = defaultdict(list)
        self.steps: list[tuple[str, Any, str]] = []
        self.docs: list[Any] = []

    @contextmanager
    def installed(self) -> Iterator[None]:
        saved = {name: getattr(ev, name) for name in ("code_with", "_doers", "_sides_fit", "_of_another_side",
                                                        "_implied_fit")}
        saved_make = pipeline.make_doc

        def step(name: str, fn: Callable[..., Any], coded_at: int | None) -> Callable[..., Any]:
            def wrapped(*a: Any, **kw: Any) -> Any:
                out = fn(*a, **kw)
                coded = a[coded_at] if coded_at is not None else None
                told = _sides_told(coded) if coded is not None else ""
                if name == "sides_fit" and not out:
                    told = _sides_demand(a[0], coded) + "; " + told
                self.steps.append((name, out, told))
                return out
            return wrapped

        def code_with(doc: Any, tok: Any, p: Any, obj: Any, state: Any) -> Any:
            self.steps = []
            out = saved["code_with"](doc, tok, p, obj, state)
            self.calls[tok.i].append((p, None if out is not None else _failed_step(self.steps),
                                      self.steps[-1][2] if self.steps else ""))
            return out

        def make_doc(*a: Any, **kw: Any) -> Any:
            self.docs.append(saved_make(*a, **kw))
            return self.docs[-1]

        ev.code_with = code_with  # type: ignore[assignment]
        ev._doers = step("doers", saved["_doers"], None)  # type: ignore[assignment]
        ev._sides_fit = step("sides_fit", saved["_sides_fit"], 1)  # type: ignore[assignment]
        ev._of_another_side = step("another_side", saved["_of_another_side"], 3)  # type: ignore[assignment]
        ev._implied_fit = step("implied_fit", saved["_implied_fit"], 1)  # type: ignore[assignment]
        pipeline.make_doc = make_doc  # type: ignore[assignment]
        try:
            yield
        finally:
            for name, fn in saved.items():
                setattr(ev, name, fn)
            pipeline.make_doc = saved_make  # type: ignore[assignment]


def _sides_told(coded: Any) -> str:
    def told(parties: list[Any]) -> str:
        return ",".join(f"{q.actor.text!r}:{q.actor.country or q.actor.code or '-'}/{q.actor.sector or '-'}"
                        for q in parties) or "none"
    tok = coded.trigger
    subject = syn.subject(tok) if syn.is_verb(tok) else None
    parse = f"subject {subject.text!r}/{subject.pos_}" if subject is not None else \
        "passive, no agent" if syn.is_verb(tok) and syn.is_passive(tok) else f"no subject ({tok.dep_} of {tok.head.text!r})"
    return f"{parse}; actors {told(coded.actors)}; recipients {told(coded.recipients)}"


def _sides_demand(p: Any, coded: Any) -> str:
    """Which demand of `_sides_fit` the sides fail."""
    sides = coded.actors + coded.recipients
    if p.needs_recipient and not ev._one_named(coded.recipients):
        return "needs a recipient"
    if p.needs_actor and not ev._one_named(coded.actors):
        return "needs an actor"
    if p.actor_sectors and not any(q.actor.sector in p.actor_sectors for q in sides):
        return "actor sector"
    if ev._private(p, sides):
        return "private sides"
    return "no political side" if sides else "no side at all"


def _failed_step(steps: list[tuple[str, Any, str]]) -> str:
    """The step of `code_with` that returned it nothing: the last one traced."""
    if not steps:
        return "unknown"
    name, out, _ = steps[-1]
    if name == "doers" and out is None:
        return "doer is a cause"
    if name == "sides_fit":
        first = sum(1 for s in steps if s[0] == "sides_fit") == 1
        return "sides: " + ("before placing, " if first else "after placing, ") + steps[-1][2].split(";")[0]
    if name == "another_side":
        return "warning of another side"
    if name == "implied_fit":
        return "implied side: no target"
    return "unknown"


def _kind(tok: Any) -> str | None:
    return "VERB" if syn.is_verb(tok) else "NOUN" if tok.pos_ in ("NOUN", "PROPN") else \
        "ADJ" if tok.pos_ == "ADJ" and ev._predicative(tok) else None


def _patterns_of(tok: Any, kind: str, type_: str) -> list[Any]:
    """The patterns of the type a token of that part of speech may fire: a noun a support verb carries ("sent a
    warning") its verb's too (`events._carried_patterns`)."""
    found = by_lemma().get((tok.lemma_.lower(), kind)) or by_lemma().get((tok.lower_, kind)) or []
    carried = ev._carried_patterns(tok) if kind == "NOUN" else []
    return [p for p in [*found, *carried] if p.type == type_]


def _names_act(noun: Any, type_: str) -> bool:
    """A noun that itself names an act of the type: a noun of a pattern of it, or the verb of one that constrains no
    object ("the murders": assault-kill; "an invasion": assault-noun-invasion)."""
    forms = {noun.lemma_.lower(), noun.lower_}
    return any(q.type == type_ and (kind == "NOUN" or not q.objects)
               for kind in ("NOUN", "VERB") for form in forms for q in by_lemma().get((form, kind), ()))


def object_kind(p: Any, obj: Any, persons: frozenset[int], places: frozenset[int]) -> str:
    """What the object a pattern's constraint refused is, read as the coder reads kinds (a person by syntax.yaml
    person_objects or a name, a place by a name, an act by the patterns, a kind head by syntax.yaml kind_heads): the
    classes of "verb found, sense rejected" (an object of a kind the constraint does not take, or the parse's wrong
    object, or a refusal that is right), counted apart. Where the object meets the constraint and another demand of
    `_object_holds` refused it (`not_object`, `object_has`), "a word it refuses"."""
    if obj is None:
        return "no object read"
    if not p.objects or ev._object_fits(obj, p, persons, places):
        return "a word it refuses"
    if ev._a_person(obj, persons):
        return "a person"
    if obj.i in places:
        return "a place"
    if _names_act(obj, p.type):
        return "an act of its type"
    if ev._lemma_in(obj, syntax().kind_heads):
        return "a kind head"
    return "a noun of another kind" if obj.pos_ in ("NOUN", "PROPN") else f"a {obj.pos_.lower()}"


OBJECT_KINDS = ("a person", "a place", "an act of its type", "a kind head", "a noun of another kind")


def _specific_first(reason: str) -> tuple[str, int]:
    """Reasons in the order of their demand's name (as before), and of one demand the most telling kind of object
    first: the patterns of a token read one object, but those with no object list of their own refuse it by a word."""
    head, _, kind = reason.partition(": ")
    return head, OBJECT_KINDS.index(kind) if kind in OBJECT_KINDS else len(OBJECT_KINDS)


def _constraint_failed(doc: Any, tok: Any, p: Any) -> str | None:
    """Which of the pattern's demands the token fails, or None where `matches` would return it."""
    if p.pos == "NOUN" and ev._noun_refused(tok, p):
        return "noun refused (not heading its line, a mention or a reaction)"
    persons, places = ev._entity_tokens(doc, ("PERSON",)), ev._entity_tokens(doc, ("GPE", "LOC"))
    obj = ev.object_of(tok, p, ev._object_candidates(tok, bool(p.objects)))
    if not ev._object_holds(tok, p, obj, persons, places):
        return "object constraint: " + object_kind(p, obj, persons, places)
    if p.particles and not syn.has_particle(tok, p.particles):
        return "particle"
    if p.preps and not any(syn.obliques(h, p.preps) for h in (tok, obj) if h is not None) \
            and not syn.gerund_clauses(tok, p.preps):
        return "preposition"
    for name, failed in (("complement", not ev._complement_fits(tok, p)), ("words", not ev._words_fit(tok, p)),
                         ("excluded", ev._excluded(tok, p, obj)), ("undone", ev._undone(tok, p)),
                         ("told", not ev._told_fits(tok, p)), ("interception", ev._intercepted(tok, p, obj))):
        if failed:
            return "clause: " + name
    return None


def token_reason(doc: Any, tok: Any, type_: str, tracer: Tracer) -> tuple[int, str, str]:
    """(stage reached, reason, sides) for one token of the missed clause."""
    kind = _kind(tok)
    wanted = [k for k in ("VERB", "NOUN") if _patterns_of(tok, k, type_)]
    if kind not in wanted or (kind == "VERB" and (tok.dep_ == "amod" or ev._participle_as_noun(tok))):
        return 0, f"wrong part of speech: {tok.pos_}/{tok.dep_}, patterns want {'/'.join(wanted)}", ""
    fails = [_constraint_failed(doc, tok, p) for p in _patterns_of(tok, kind, type_)]
    if all(f is not None for f in fails):
        reason = min((f for f in fails if f is not None), key=_specific_first)
        return (1 if reason.startswith("noun") else 2), reason, ""
    calls = tracer.calls.get(tok.i, [])
    mine = [(step, sides) for p, step, sides in calls if p.type == type_]
    if any(step is None for step, _ in mine):
        return 5, "coded, then dropped (content of another act, capability, merged)", ""
    if any(step is None for _, step, _ in calls):
        return 4, "a pattern of another type fired first", ""
    if mine:
        return 3, mine[0][0] or "", mine[0][1]
    return 2, "not tried", ""


def miss_reason(doc: Any, gold: Record, tracer: Tracer) -> tuple[str, str, str]:
    """The furthest any token of the gold clause with a pattern lemma of its type got: (reason, sides, word); stages
    in order: part of speech 0, noun refused 1, constraints 2, sides 3, another type fired 4, coded and dropped 5."""
    lo, hi = gold["span"]
    best = (-1, "no token", "", "")
    for tok in doc.tokens:
        if not lo <= tok.idx < hi:
            continue
        if not any(_patterns_of(tok, k, gold["type"]) for k in ("VERB", "NOUN")):
            continue
        stage, reason, sides = token_reason(doc, tok, gold["type"], tracer)
        if stage > best[0]:
            best = (stage, reason, sides, tok.text)
    return best[1], best[2], best[3]


NO_PATTERN = ("no trigger in the patterns", "only lemmas of other types")


def clause_words(doc: Any, span: tuple[int, int]) -> list[str]:
    """The words that may tell a missed act with no pattern: each main verb of the gold clause (lemma/v; no auxiliary
    or copula), else the nouns heading it (lemma/n). A sentence the pipeline left unparsed (no pattern lemma in it:
    `parse_scope`) is parsed here, the clause alone."""
    lo, hi = span
    toks = [t for t in doc.tokens if lo <= t.idx < hi]
    if toks and not any(t.pos_ for t in toks):
        toks, lo, hi = list(parse(doc.body[lo:hi])), 0, hi - lo
    verbs = [t for t in toks if t.pos_ == "VERB"]
    heads = verbs or [t for t in toks if t.pos_ == "NOUN" and (t.head == t or not lo <= t.head.idx < hi)]
    return sorted({f"{t.lemma_.lower()}/{'v' if t.pos_ == 'VERB' else 'n'}" for t in heads})


def _add_unpatterned(doc: Any, gold: Record, cls: str, where: tuple[str, str],
                     words: dict[tuple[str, str], set[tuple[str, str]]], details: dict[str, list[str]]) -> None:
    """A miss of a class with no pattern lemma of its type, under each word of its clause (`where`: set and doc)."""
    if cls not in NO_PATTERN:
        return
    for word in clause_words(doc, gold["span"]):
        words[(gold["type"], word)].add(where)
        details[f"{gold['type']} {word}"].append(f"{' '.join(where)} | {rn._clip(gold.get('evidence'))}")


def _print_unpatterned(words: dict[tuple[str, str], set[tuple[str, str]]]) -> None:
    """One line a (type, word): the documents it recurs in, the sets, most documents first."""
    for (type_, word), docs in sorted(words.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        sets = sorted({s for s, _ in docs})
        print(f"{len(docs):4d} docs  {len(sets):2d} sets  {type_:9s} {word:24s} ({', '.join(sets)})")


def _gold_sets(args: argparse.Namespace) -> Iterator[tuple[str, Record, Record]]:
    """(set name, gold object, text record) of every document asked for: tune only, never held out."""
    if args.gold or not args.sample:
        golds, split = rn.load_gold(args.gold or ROOT / "tests" / "data" / "realnews")
        golds = rn.chosen(golds, split, "tune")
        texts = rn.load_texts(args.articles or rn.default_articles(), golds)
        for gold in golds:
            yield (args.gold or Path("realnews")).name, gold, texts[gold["id"]]
    for sample in args.sample or []:
        from event_sample import _documents_of

        judged = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
        docs = _documents_of({j["doc"] for j in judged})
        for j in judged:
            yield sample.stem, {**j, "id": j["doc"]}, {"id": j["doc"], "text": docs[j["doc"]]}


def _record_of(set_name: str, text: Record) -> Record:
    if set_name.startswith("event_sample"):
        from quote_sample import analyse

        return dict(analyse(text["id"], text["text"]).record())
    return rn.analyse(text)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", type=Path)
    ap.add_argument("--articles", type=Path)
    ap.add_argument("--sample", type=Path, action="append")
    ap.add_argument("--details", type=Path)
    ap.add_argument("--no-pattern", action="store_true", help="the misses with no pattern lemma of their type, by word")
    args = ap.parse_args()
    lemmas: dict[str, set[tuple[str, str]]] = defaultdict(set)
    for key, found in by_lemma().items():
        for p in found:
            lemmas[p.type].add(key)
    counts: Counter[str] = Counter()
    per_set: dict[str, Counter[str]] = defaultdict(Counter)
    details: dict[str, list[str]] = defaultdict(list)
    unpatterned: dict[tuple[str, str], set[tuple[str, str]]] = defaultdict(set)
    for set_name, gold, text in _gold_sets(args):
        tracer = Tracer()
        with tracer.installed():
            record = _record_of(set_name, text)
        body = record.get("body") or ""
        current = rn.counted_gold_events(gold, body)  # as `eval realnews` counts them: a list, a mirror pair once
        events = rn.counted_system_events(record["events"], 0.0)
        pairs = rn.match_greedy(current, events, lambda g, s: rn.event_matches(g, s, True))
        matched = {g for g, _ in pairs}
        doc = tracer.docs[-1]
        for i, g in enumerate(current):
            cls = "" if i in matched else miss_class(g, events, record["events"], list(doc.tokens), lemmas)
            if args.no_pattern:
                _add_unpatterned(doc, g, cls, (set_name, gold["id"]), unpatterned, details)
            if cls != LEMMA_THERE or args.no_pattern:
                continue
            reason, sides, word = miss_reason(doc, g, tracer)
            key = reason.split(":")[0] if reason.startswith(("wrong part",)) else reason
            counts[key] += 1
            per_set[key][set_name] += 1
            details[key].append(f"{set_name} {gold['id']} | {g['type']} "
                                f"{rn._dyad(g.get('actor_country'), g.get('recipient_country'))} | {word!r} | "
                                f"{sides} | {rn._clip(g.get('evidence'))}")
    if args.no_pattern:
        _print_unpatterned(unpatterned)
    for key, n in counts.most_common():
        print(f"{n:4d}  {key}  ({', '.join(f'{s} {c}' for s, c in per_set[key].most_common())})")
    if args.details:
        write_details(args.details, details)


if __name__ == "__main__":
    main()
