"""Grammatical roles read from a Universal Dependencies parse: subjects, objects, obliques, noun
phrases, and the scope of negation and irrealis. Language knowledge comes from `language.syntax()`.

These are the only places that know the dependency labels; the extractors ask them questions.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable
from functools import lru_cache
from typing import Any, cast

import numpy as np
from spacy.attrs import DEP, LEMMA, LOWER, POS, SENT_START, TAG
from spacy.parts_of_speech import IDS
from spacy.strings import get_string_id
from spacy.tokens import Doc, Span, Token

from flashpoint.nlp.arrays import listed, sorted_hashes
from flashpoint.nlp.inflect import irregular, shaped, verb_forms
from flashpoint.nlp.language import calendar_words, names, syntax

NOUNS = frozenset({"NOUN", "PROPN", "PRON", "NUM", "X"})
VERBS = frozenset({"VERB", "AUX"})
# the phrase a noun heads keeps these children; relative clauses, appositions, conjuncts stay out
PHRASE_DEPS = frozenset({"det", "amod", "compound", "nmod:poss", "nummod", "flat", "case", "advmod", "det:predet",
                         "nmod:desc", "nmod:unmarked", "punct", "cc:preconj"})
# edges through which a clause is the complement of the verb above it ("denied firing", "plans to strike")
COMPLEMENT_DEPS = frozenset({"xcomp", "ccomp", "obj", "csubj", "nmod", "obl", "acl"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubj:outer", "csubj"})
_GUESSED_VERBS_KEY = "root_plurals_read_as_verbs"  # user_data key: the token indices repair_root_plurals made verbs

CLAUSE_DEPS = frozenset({"ROOT", "ccomp", "xcomp", "advcl", "conj", "acl", "acl:relcl", "parataxis", "csubj"})


def word_tokens(doc: Doc, words: frozenset[str]) -> frozenset[int]:
    """The indices of the tokens whose form or lemma, lower-cased, is one of `words`: the only tokens a rule
    keyed on those words can fire on. Read from the doc's arrays, each distinct word looked up once, without
    making a Token of every word: the doc's distinct hashes are met with the word list's answers as sets (a
    hash never asked about before is looked up, in Python; the rest at C speed)."""
    strings = doc.vocab.strings
    rows = doc.to_array([LOWER, LEMMA])
    # a hash names one string: its answer holds for every doc
    seen, hits = _LISTED_HASHES.setdefault(words, (set(), set()))
    if len(seen) > _MOST_HASHES_KEPT:
        seen.clear()
        hits.clear()
    present = set(cast(list[int], rows.ravel().tolist()))
    for h in present - seen:
        seen.add(h)
        if strings[h].lower() in words:
            hits.add(h)
    wanted = np.array(sorted(present & hits), dtype=np.uint64)
    return frozenset(np.flatnonzero(listed(rows, wanted).any(axis=1)).tolist())


# word_tokens: a word list -> (the string hashes asked about, those of them listed)
_LISTED_HASHES: dict[frozenset[str], tuple[set[int], set[int]]] = {}
_MOST_HASHES_KEPT = 1 << 16  # per word list: a long-running server's vocabulary grows; this keeps a few MB at most


def labelled(doc: Doc, *labels: str) -> list[Token]:
    """The tokens whose dependency label is one of `labels`, in order, found in the doc's arrays (no Token is made
    of any other word)."""
    wanted = sorted_hashes(labels)
    return [doc[i] for i in np.flatnonzero(listed(doc.to_array(DEP), wanted)).tolist()]


def is_verb(tok: Token) -> bool:
    """A verb, or a participle the tagger took for an adjective while it heads a clause ("guerrillas
    wounded two soldiers", "protesters set(JJ) fire to the station": an irregular past of irregular_verbs.yaml)."""
    if tok.pos_ in VERBS:
        return True
    if tok.pos_ != "ADJ" or tok.dep_ not in CLAUSE_DEPS:
        return False
    if not shaped("participle", tok.lower_) and tok.lower_ not in _irregular_pasts():
        return False
    return any(c.dep_ in ("nsubj", "obj", "obl:agent", "aux", "aux:pass") for c in tok.children)


@lru_cache(maxsize=1)
def _irregular_pasts() -> frozenset[str]:
    return frozenset(f for forms in irregular().values() for f in forms)


NOMINAL_GLUE = frozenset({"compound", "nmod", "nsubj", "flat"})


def repair_adjectival_clauses(doc: Doc) -> None:
    """"Britain mobilized(ADJ, amod) army reservists": a past-shaped adjective modifying a noun, with a name
    glued before it, is a verb, the name its subject and the noun its object, where the noun heads the sentence
    (no verb at the root) or the name opens it ("Britain mobilized army reservists ... while inspectors said").
    The tagger reads such a verb as an adjective because the web treebank has few news sentences of this shape;
    read as an adjective it would tell of no act."""
    # the modifiers, found in the arrays once: a repair only takes the label away (never gives it), so each
    # sentence reads its own from this list, each checked as it comes
    amods = np.flatnonzero(doc.to_array(DEP) == get_string_id("amod")).tolist()
    for sent in doc.sents:
        mine = amods[bisect_left(amods, sent.start):bisect_left(amods, sent.end)]
        for adj in [doc[i] for i in mine if doc[i].dep_ == "amod"]:
            subject = _glued_name(adj, sent.start)
            if subject is not None:
                _make_clause(adj, subject, sent.end)
                break


def repair_detached_subjects(doc: Doc, is_verb_form: Callable[[Token], bool]) -> None:
    """"the Ukrainian army accused(ADJ, amod) separatists of firing", "Esper on Wednesday accused(amod) China of",
    "after Moscow annexed(amod) Ukraine's Crimea": a past-shaped form of a verb (`is_verb_form`) read as the first
    word of the noun phrase after it, right after a noun of another phrase, is that verb: the noun before it (past
    a phrase a preposition opens: "on Wednesday", "-in-chief") its subject, the phrase after it its object. A
    determiner or a hyphen before it keeps the adjective ("the accused men", "Russia-backed rebels")."""
    for adj in labelled(doc, "amod"):
        noun = adj.head
        if adj.i == 0 or noun.i < adj.i or noun.left_edge.i != adj.i or noun.pos_ not in ("NOUN", "PROPN"):
            continue
        if not (shaped("participle", adj.lower_) and adj.tag_ in ("VBD", "VBN", "JJ")) or not is_verb_form(adj):
            continue
        subject = _subject_before(doc, adj.i - 1, adj.sent.start)
        # one phrase inside the other ("the army's accused soldiers") is no subject: re-hung, it would make a cycle
        if subject is not None and not subject.is_ancestor(noun) and not noun.is_ancestor(subject):
            _make_clause(adj, subject, adj.sent.end)


def repair_conjoined_participles(doc: Doc, is_verb_form: Callable[[Token], bool]) -> None:
    """"Israeli forces killed a Hamas commander in Gaza and wounded(amod) two Lebanese soldiers(conj)": a past-shaped
    form of a verb (`is_verb_form`) read as an adjective right after an additive conjunction and right before its
    noun's determiner or number (syntax.yaml phrase_opener_deps: no adjective stands there), the noun conjoined to a
    verb before it or to a phrase of that verb, is a second verb coordinated with the first, the phrase its object:
    a clause of its own, whose recipient is its own object, not a second recipient of the first verb nor lost."""
    for adj in labelled(doc, "amod"):
        noun = adj.head
        if noun.i < adj.i or noun.dep_ != "conj" or adj.i == 0 or not _opens_object(doc, adj):
            continue
        if not (shaped("participle", adj.lower_) and adj.tag_ in ("VBD", "VBN", "JJ")) or not is_verb_form(adj):
            continue
        verb = _verb_conjoined_to(noun)
        if verb is None or verb.i > adj.i:
            continue
        adj.head, adj.dep_, adj.pos_, adj.tag_ = verb, "conj", "VERB", "VBD"
        for c in [c for c in noun.children if c.i < adj.i]:  # the conjunction and its comma: the verb's now
            c.head = adj
        noun.head, noun.dep_ = adj, "obj"


def _opens_object(doc: Doc, adj: Token) -> bool:
    """An additive conjunction right before the word, a determiner or number of its noun right after it."""
    lang = syntax()
    after = doc[adj.i + 1] if adj.i + 1 < len(doc) else None
    return doc[adj.i - 1].lower_ in lang.additive_conjunctions and after is not None and after.head == adj.head \
        and after.dep_ in lang.phrase_opener_deps


def _verb_conjoined_to(noun: Token) -> Token | None:
    """The verb a conjoined noun hangs on: the head itself, or the verb of the object or oblique it is joined to
    ("killed 40 Israelis in the attack(obl) and abducted(amod) 12 Thai workers(conj)")."""
    head = noun.head
    for _ in range(3):
        if head.pos_ in VERBS:
            return head
        if head.dep_.split(":")[0] not in ("obj", "obl", "nmod", "conj") or head.head == head:
            return None
        head = head.head
    return None


def repair_fronted_subjects(doc: Doc) -> None:
    """"In order to staff its armed forces, Russia(appos) redeployed troops": a name the parse hung as an apposition on
    the last noun of a clause fronted before the verb, standing right before that verb after a comma, is the verb's
    subject where the verb has none (a finite verb with no subject and a name before it is told by that name)."""
    for name in labelled(doc, "appos"):
        verb = _verb_after_apposition(doc, name)
        if verb is not None and any(c.i < name.i and c.dep_ in ("advcl", "obl") and c.is_ancestor(name)
                                    for c in verb.children):
            name.head, name.dep_ = verb, "nsubj"
            for c in [c for c in name.children if c.dep_ == "punct" and c.i < name.i]:
                c.head = verb


def _verb_after_apposition(doc: Doc, name: Token) -> Token | None:
    """The finite verb with no subject right after a name set off by a comma before it, if any."""
    after = name.right_edge.i + 1
    start = min(t.i for t in name.subtree if t.dep_ != "punct")
    if name.pos_ != "PROPN" or after >= len(doc) or start == 0 or doc[start - 1].text != ",":
        return None
    verb = doc[after]
    finite = verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP")
    return verb if finite and not children(verb, "nsubj", "nsubj:pass", "expl") else None


def _subject_before(doc: Doc, i: int, sent_start: int) -> Token | None:
    """The noun ending at position `i`, past up to two phrases a preposition opens ("Esper on Wednesday", a name's
    "-in-chief"); one a clause opener leads ("after Ukraine's commander") is the subject itself."""
    for _ in range(3):
        tok = doc[i]
        if i < sent_start or not (tok.pos_ in ("NOUN", "PROPN") or tok.tag_.startswith("NN")):
            return None
        case = case_of(tok)
        if case is None or case in syntax().clause_openers:
            return tok
        i = tok.left_edge.i - 1
    return None


def repair_reported_clauses(doc: Doc) -> None:
    """"Five hundred rebels surrendered(ADJ, acl) last week, an official said": a noun reported as a clause (the
    complement of a speech verb) whose past-shaped participle follows it with no subject or marker of its own is
    that clause's verb, as the parser's repair does for a noun at the root."""
    for noun in [t for t in labelled(doc, "ccomp", "parataxis", "nsubj") if t.pos_ in ("NOUN", "PROPN") and _reported(t)]:
        verbs = [c for c in noun.children if c.dep_ == "acl" and c.i > noun.i and shaped("participle", c.lower_)
                 and c.pos_ in ("ADJ", "VERB") and not any(g.dep_ in ("nsubj", "mark", "aux", "aux:pass") for g in c.children)]
        if not verbs:
            continue
        verb = verbs[0]
        dep = "ccomp" if noun.dep_ == "nsubj" else noun.dep_
        verb.head, verb.dep_, verb.pos_, verb.tag_ = noun.head, dep, "VERB", "VBD"
        for c in [c for c in noun.children if c.i > verb.i]:
            c.head = verb
        noun.head, noun.dep_ = verb, "nsubj"


def repair_stranded_subjects(doc: Doc) -> None:
    """"Israel and Egypt have(aux) so far refused to give access": a subject the parse hung on an auxiliary before its
    verb is the verb's, where the verb has none of its own (an adverb between them misleads the parser); an
    auxiliary whose verb has a subject keeps what it holds."""
    for aux in labelled(doc, "aux", "aux:pass"):
        verb = aux.head
        if verb == aux or verb.i < aux.i or children(verb, *SUBJECT_DEPS, "nsubj:pass", "expl"):
            continue
        for subj in children(aux, *SUBJECT_DEPS, "nsubj:pass", "expl"):
            subj.head = verb


def repair_compound_subjects(doc: Doc) -> None:
    """"after North and South Korea exchanged(VERB) fire": a name hung as a compound on the finite verb of a clause
    within the sentence, with no subject of its own, is its subject (a headline's "Ukraine rejects", "Ukraine
    shelling" are left as read)."""
    for name in labelled(doc, "compound"):
        verb = name.head
        if name.pos_ == "PROPN" and verb.pos_ == "VERB" and verb.tag_ in ("VBD", "VBZ", "VBP") \
                and verb.dep_ in CLAUSE_DEPS - {"ROOT"} and name.i < verb.i \
                and not children(verb, *SUBJECT_DEPS, "nsubj:pass", "expl"):
            name.dep_ = "nsubj"


def repair_name_lists(doc: Doc, is_name: Callable[[Token], bool]) -> None:
    """"Kenyan President William Ruto and Ugandan President Yoweri Museveni held talks": a list of titled names joined
    by commas and "and" (syntax.yaml additive_conjunctions, the last separator) right before a verb and its
    auxiliaries, opening its sentence or set off by one of `name_list_openers`, which the parse splits into several
    subjects, appositions and flat names, is one subject of coordinated names, the last word of each item its head
    (`is_name`: a word of a name the entities found; an item ends in one; one item at least has a title or a first
    name)."""
    # a verb hung on a later one ("have(VERB) both expressed") heads no subject of its own
    verbs = [doc[i] for i in np.flatnonzero(doc.to_array(POS) == VERB_POS).tolist()]
    if not verbs:
        return
    after = _after_conjunction(doc)
    for verb in [t for t in verbs if not (t.head.i > t.i and t.head.pos_ in VERBS)]:
        if not after[verb.i]:
            continue
        listed = _name_list_before(verb, is_name)
        if listed is not None and not _listed_as_read(listed[0], verb):
            _coordinate(listed[0], listed[1], verb)
            after = _after_conjunction(doc)  # a new head may move a sentence start


VERB_POS = IDS["VERB"]


def _after_conjunction(doc: Doc) -> list[bool]:
    """Per token, whether an additive conjunction comes before it in its sentence (a sentence starts at the last
    token marked so, as Token.sent reads it): the last separator of a list of names is one, so a verb with none
    before it in its sentence has no list of names for a subject. Read from the doc's arrays, so that
    repair_name_lists makes a Token only of the verbs, and walks back only from the verbs that may end a list."""
    index = np.arange(len(doc))
    conjunction = listed(doc.to_array(LOWER), sorted_hashes(syntax().additive_conjunctions))
    last_before = np.concatenate(([-1], np.maximum.accumulate(np.where(conjunction, index, -1))[:-1]))
    sentence_start = np.maximum.accumulate(np.where(doc.to_array(SENT_START) == 1, index, 0))
    found: list[bool] = (last_before >= sentence_start).tolist()
    return found


def _name_list_before(verb: Token, is_name: Callable[[Token], bool]) -> tuple[list[list[Token]], list[Token]] | None:
    """The items of a list of names right before the verb and the separator after each but the last, or None."""
    first, end = _name_run_before(verb, is_name)
    items, seps = _split_list(verb.doc[first + 1:end + 1], is_name)
    opened = _list_opened(verb, first)
    if not opened and seps and seps[0].text == "," and verb.doc[first].pos_ == "ADP" \
            and _list_opened(verb, first - 1):
        # "On Monday, Kenya and Uganda held": no item is the opening adjunct's ("talks between the U.S., Russia and
        # Ukraine are planned": a list a preposition within the clause opens is no subject)
        items, seps, opened = items[1:], seps[1:], True
    fits = opened and _names_listed(items, seps, is_name)
    return (items, seps) if fits and not _hangs_below(verb, {t.i for item in items for t in item}) else None


def _names_listed(items: list[list[Token]], seps: list[Token], is_name: Callable[[Token], bool]) -> bool:
    """Two items or more, each ending in a name the entities found, "and" the last separator, one item titled."""
    return len(items) > 1 and all(i and i[-1].pos_ == "PROPN" and is_name(i[-1]) for i in items) \
        and seps[-1].lower_ in syntax().additive_conjunctions and any(_titled(i) for i in items)


def _titled(item: list[Token]) -> bool:
    """An item of more than one word besides `name_list_words` ("Kenyan President William Ruto"): a list of such
    names is what the parse splits; a list of bare names ("Washington and the Taliban") is read as parsed."""
    return sum(t.lower_ not in syntax().name_list_words for t in item) > 1


def _name_run_before(verb: Token, is_name: Callable[[Token], bool]) -> tuple[int, int]:
    """The index before the run of name-list words that ends right before the verb and its auxiliaries, and the
    run's last index."""
    start = verb.sent.start
    end = verb.i - 1
    while end >= start and verb.doc[end].dep_ in ("aux", "aux:pass", "advmod") and verb.doc[end].head.i == verb.i:
        end -= 1
    first = end
    while first >= start and _in_name_list(verb.doc[first], is_name):
        first -= 1
    return first, end


def _list_opened(verb: Token, before: int) -> bool:
    """A list after the word at `before` opens its clause: the sentence starts after it, or it is one of
    `name_list_openers` or a subordinator ("when Bush, Musharraf and Karzai held"; syntax.yaml clause_openers)."""
    if before < verb.sent.start:
        return True
    word, words = verb.doc[before], syntax()
    return word.text in words.name_list_openers or word.pos_ == "SCONJ" or word.lower_ in words.clause_openers


def _hangs_below(verb: Token, run: set[int]) -> bool:
    """The parse hangs the verb below a word of the list: it is read as it is."""
    above = verb
    while above.head.i != above.i:
        above = above.head
        if above.i in run:
            return True
    return False


def _in_name_list(tok: Token, is_name: Callable[[Token], bool]) -> bool:
    """A word a list of titled names is made of: a name's, a title's (a proper noun's tag), a separator."""
    words = syntax()
    return is_name(tok) or tok.tag_ in ("NNP", "NNPS") or tok.text == "," or tok.lower_ in words.name_list_words \
        or tok.lower_ in words.additive_conjunctions


def _split_list(run: Span, is_name: Callable[[Token], bool]) -> tuple[list[list[Token]], list[Token]]:
    """The items of a run of name-list words between its separators (", and" is one), and the last word of each
    separator; a conjunction inside a name ("Bosnia and Herzegovina") separates nothing."""
    items: list[list[Token]] = [[]]
    seps: list[Token] = []
    for tok in run:
        sep = tok.text == "," or (tok.lower_ in syntax().additive_conjunctions and not is_name(tok))
        if not sep:
            items[-1].append(tok)
        elif items[-1]:
            items.append([])
            seps.append(tok)
        elif seps:
            seps[-1] = tok
    return items, seps


def _listed_as_read(items: list[list[Token]], verb: Token) -> bool:
    """The parse already reads the list as the verb's one subject of coordinated names."""
    heads = [item[-1] for item in items]
    return heads[0].head.i == verb.i and all(h in heads[0].conjuncts for h in heads[1:])


_LIST_SPLITTING_DEPS = frozenset({"conj", "appos", "cc", "punct", "nsubj", "nsubj:pass"})


def _coordinate(items: list[list[Token]], seps: list[Token], verb: Token) -> None:
    """The list made the verb's subject: the first item's head its subject, the others' conjuncts of it, each item's
    words that hung outside it its head's, each separator the next item's."""
    heads = [item[-1] for item in items]
    own = {t.i: k for k, item in enumerate(items) for t in item}
    dep = "nsubj:pass" if children(verb, "nsubj:pass") else "nsubj"
    for k, item in enumerate(items):
        _hang_on_item_head(item, [own.get(tok.head.i) == k for tok in item[:-1]])
        heads[k].head = verb if k == 0 else heads[0]
        heads[k].dep_ = dep if k == 0 else "conj"
    for k, sep in enumerate(seps):
        sep.head = heads[k + 1]
        sep.dep_ = "cc" if sep.lower_ in syntax().additive_conjunctions else "punct"


def _hang_on_item_head(item: list[Token], hung_within: list[bool]) -> None:
    """Each word of a list item but its head that the parse hung outside the item (`hung_within` false), on itself, or
    as a second name or subject within it, is made a modifier of the item's head."""
    for tok, within in zip(item[:-1], hung_within, strict=True):
        if not within or tok.head.i == tok.i or tok.dep_ in _LIST_SPLITTING_DEPS:
            tok.head = item[-1]
            tok.dep_ = "amod" if tok.pos_ == "ADJ" else "compound" if tok.pos_ in NOUNS else tok.dep_


def repair_dash_asides(doc: Doc) -> None:
    """"The only two Arab states to have signed treaties with Israel - Egypt and Jordan - also criticised the move":
    names set off between two dashes after a subject that the parse made conjuncts of a noun inside the subject's
    phrase are the subject's own conjuncts, as "Two neighbours, Egypt and Jordan, criticised" is read."""
    for name in labelled(doc, "conj"):
        subject = _subject_of_dash_aside(doc, name)
        if subject is not None:
            name.head = subject


def _subject_of_dash_aside(doc: Doc, name: Token) -> Token | None:
    """The subject a conjunct name set off between two dashes before the subject's verb stands beside, or None."""
    if not _opens_dash_aside(doc, name):
        return None
    end = max(t.i for t in name.subtree) + 1
    subject = next((a for a in name.ancestors if a.dep_ in ("nsubj", "nsubj:pass")), None)
    closed = end < len(doc) and doc[end].text in DASHES
    return subject if closed and subject is not None and subject.head.i > end else None


def _opens_dash_aside(doc: Doc, name: Token) -> bool:
    """A name right after a dash, with no conjunction of its own: the first of names a dash sets off."""
    return name.pos_ == "PROPN" and name.i >= 1 and doc[name.i - 1].text in DASHES and not children(name, "cc")


def repair_inverted_subjects(doc: Doc) -> None:
    """"The world is at a moment of peril, warned UN chief Guterres": after a fronted reported clause, a verb with
    no subject of its own has it after it, where the parser read an object; "warned Russia" with no clause before
    it keeps its object."""
    hosts = sorted({c.head.i for c in labelled(doc, "ccomp", "parataxis") if c.i < c.head.i})  # a clause before them
    for verb in (doc[i] for i in hosts):
        if not is_verb(verb) or children(verb, *SUBJECT_DEPS, "nsubj:pass", "expl"):
            continue
        if not any(c.dep_ in ("ccomp", "parataxis") and c.i < verb.i for c in verb.children):
            continue
        after = [c for c in verb.children if c.dep_ in ("obj", "iobj") and c.i > verb.i and c.pos_ in ("PROPN", "NOUN")]
        if after:
            after[0].dep_ = "nsubj"


def repair_owner_attachment(doc: Doc, is_role: Callable[[Token], bool]) -> None:
    """"met with representatives from the UK, France and Germany": a "from"/"of" phrase the parser hung on the verb,
    right after a role noun of the same verb ("representatives", "officials"), says whose that noun is."""
    for owner in [t for t in labelled(doc, "obl") if t.pos_ == "PROPN" and case_of(t) in syntax().owner_preps and is_verb(t.head)]:
        before = owner.left_edge.i - 1
        nouns = [c for c in owner.head.children if c.dep_ in ("obl", "obj") and c.right_edge.i == before
                 and c.pos_ == "NOUN" and c != owner]
        if nouns and is_role(nouns[0]):
            owner.head, owner.dep_ = nouns[0], "nmod"


def repair_double_objects(doc: Doc, names_side: Callable[[Token], bool]) -> None:
    """"gave Ukraine 2 billion dollars", "will send Israel 2,000 bombs", "gave the Ivory Coast 5.1 million dollars": a
    name of a side (`names_side`) right after a verb, read as a first object or glued as a compound onto the object
    across its number, is the verb's indirect object (the receiver), the noun after it the object."""
    hosts = sorted({o.head.i for o in labelled(doc, "obj")})  # a verb with no object has no receiver read as one
    for verb in [t for t in (doc[i] for i in hosts) if is_verb(t) and not children(t, "iobj")]:
        receiver = _receiver(doc, children(verb, "obj"))
        if receiver is not None and names_side(receiver):
            receiver.head, receiver.dep_ = verb, "iobj"


def repair_plural_verbs(doc: Doc, is_verb_form: Callable[[Token], bool]) -> None:
    """"Zelensky urges(NNS) allies to send ...", "Powerful explosion rocks(NNS) Kherson", "Russians hit(NN) dormitory":
    a lower-case word the tagger read as a noun while the parse gives it an object of its own, and which is a form of
    a verb (`is_verb_form`; a base form with a subject), is that verb in the present: a headline's verb, which the web
    treebank rarely shows. A noun glued before it is its subject (not one a preposition opens: "embassy in
    Ukraine warns"); hung on another clause, it is a clause beside it."""
    hosts = sorted({o.head.i for o in labelled(doc, "obj") if o.i > o.head.i})  # a word with an object after it
    for tok in (doc[i] for i in hosts):
        if tok.tag_ not in ("NNS", "NN") or not tok.is_lower or not is_verb_form(tok):
            continue
        glued = _glued_subject(tok)
        if tok.tag_ == "NN" and glued is None and not children(tok, "nsubj"):
            continue  # "Russians hit(NN) a dormitory": a base form is a verb only with its subject
        _present_verb(tok, glued)


def repair_infinitive_nouns(doc: Doc, is_verb_form: Callable[[Token], bool]) -> None:
    """"Russian troops tried to advance(NN, xcomp) on Bakhmut", "attempted to advance(NN)": a singular noun the parse
    made the open complement of a verb, with the infinitive's marker (syntax.yaml purpose_marks) right before it, is
    a base verb (`is_verb_form`): a complement of "try" is a verb, and "to" a noun follows is then its marker; the
    obliques after it that the parse hung on the verb above ("on Bakhmut") are the infinitive's."""
    for tok in labelled(doc, "xcomp"):
        if not _infinitive_read_as_noun(doc, tok, is_verb_form):
            continue
        to = doc[tok.i - 1]
        tok.pos_, tok.tag_ = "VERB", "VB"
        cast(Any, tok).set_morph("VerbForm=Inf")  # spaCy's stubs lack set_morph
        to.pos_, to.tag_, to.dep_ = "PART", "TO", "mark"
        for obl in [c for c in tok.head.children if c.dep_ == "obl" and c.i > tok.i]:
            obl.head = tok  # "on Bakhmut", hung on "tried" beside the noun, goes with the verb it is


def _infinitive_read_as_noun(doc: Doc, tok: Token, is_verb_form: Callable[[Token], bool]) -> bool:
    """A lower-case singular noun, a verb's open complement and a verb form, with no determiner and the infinitive's
    marker (syntax.yaml purpose_marks) right before it, hung on it ("tried to advance(NN)")."""
    if tok.tag_ != "NN" or not tok.is_lower or not is_verb(tok.head) or tok.i == 0 or not is_verb_form(tok):
        return False
    to = doc[tok.i - 1]
    return to.lower_ in syntax().purpose_marks and to.head.i == tok.i and not any(c.dep_ == "det" for c in tok.children)


def repair_gerund_headlines(doc: Doc, is_verb_form: Callable[[Token], bool]) -> None:
    """"Enemy intensifies(NNS) shelling(acl) in Luhansk region", "Moscow denies(NNS) using(acl) Tehran's technology": a
    lower-case plural noun with a name glued before it and a gerund right after it that the parse hung on it as a
    modifier, is a verb in the present (`is_verb_form`), the name its subject and the gerund its complement, as
    "Russian troops intensified shelling" is read."""
    for i in np.flatnonzero(doc.to_array(TAG) == get_string_id("NNS")).tolist():
        tok = doc[i]
        if not tok.is_lower or i + 1 >= len(doc) or not is_verb_form(tok):
            continue
        gerund, glued = doc[i + 1], _glued_subject(tok)
        if glued is None or glued.pos_ != "PROPN" or gerund.tag_ != "VBG" or gerund.dep_ != "acl" \
                or gerund.head.i != tok.i:
            continue  # "Missile launches rising": a common noun glued before is the plural's own modifier
        _present_verb(tok, glued)
        gerund.dep_ = "xcomp"


def repair_adjective_verbs(doc: Doc, is_verb_form: Callable[[Token], bool]) -> None:
    """"The European Union condemns(ADP) Russia's activities", "We strongly oppose(ADJ) violations of international
    law", "Russians already injured(ADJ) 825 children": a lower-case word the tagger read as an adjective or a
    preposition while the parse gives it a subject before it and an object after it (neither takes both) is the verb of
    that form (`is_verb_form`), its tense read from the form ("injured" past, "condemns" present). Only adverbs may
    stand between the subject and it: "Syria has the most advanced weapons" is an adjective the parse misplaced."""
    for tok in doc:
        if tok.pos_ not in ("ADJ", "ADP") or not tok.is_lower or not is_verb_form(tok):
            continue
        subjects = [c for c in children(tok, "nsubj") if c.i < tok.i]
        if not subjects or not any(c.i > tok.i for c in children(tok, "obj")):
            continue
        if any(t.pos_ not in ("ADV", "PART") for t in doc[subjects[-1].right_edge.i + 1:tok.i]):
            continue
        past = shaped("past", tok.lower_)
        tok.pos_ = "VERB"
        tok.tag_ = "VBD" if past else "VBZ" if tok.lower_.endswith("s") else "VBP"
        cast(Any, tok).set_morph("Mood=Ind|Tense=" + ("Past" if past else "Pres") + "|VerbForm=Fin")


def _present_verb(tok: Token, glued: Token | None) -> None:
    """A word the tagger read as a noun made the verb it is, in the present, the noun glued before it its subject."""
    tok.pos_, tok.tag_ = "VERB", ("VBZ" if tok.tag_ == "NNS" else "VBP")
    # spaCy's stubs lack set_morph
    cast(Any, tok).set_morph("Mood=Ind|Tense=Pres|VerbForm=Fin" + ("|Number=Sing|Person=3" if tok.tag_ == "VBZ" else ""))
    if glued is not None:
        glued.dep_ = "nsubj"
        for owner in [c for c in tok.children if c.dep_ == "nmod:poss" and c.i < glued.i]:
            owner.head = glued  # "Ukraine's president urges": the owner is the subject's
    if tok.dep_ not in CLAUSE_DEPS:
        tok.dep_ = "parataxis"


def repair_plural_callers(doc: Doc, addresses: Callable[[Token, str], bool], asks: Callable[[Token, str], bool]) -> None:
    """"Ukraine calls(NNS) on EU leaders to help save ...", "The joint statement calls(NNS) on Russia to withdraw
    troops": a lower-case word read as a plural noun, with a noun glued before it, an oblique after it whose
    preposition a verb of that form takes for the one it addresses (`addresses`), and an infinitive after that, is
    that verb in the present (repair_plural_verbs reads those with an object). So is one that heads its line with a
    phrase after it opened by a preposition that verb asks for with (`asks`), and a noun glued before it or a subject:
    "Czech Republic calls(NNS) for creation of international tribunal"."""
    for i in np.flatnonzero(doc.to_array(TAG) == get_string_id("NNS")).tolist():
        tok = doc[i]
        if not tok.is_lower:
            continue
        glued = _glued_subject(tok)
        has_subject = any(c.i < tok.i for c in children(tok, "nsubj")) or glued is not None
        if (glued is not None and _calls_on(tok, addresses)) or (has_subject and _calls_for(tok, asks)):
            _present_verb(tok, glued)


def repair_participle_callers(doc: Doc, addresses: Callable[[Token, str], bool]) -> None:
    """"Ukrainian Prime Minister Denys Shmyhal in a conversation with EU High Representative Josep Borrell called(acl)
    on the EU to recognize ...", "Podoliak: Podoliak called(acl) on international community to increase ...": in a
    line a noun heads with no finite verb, a past form the parse hung on a noun as its modifier, with no subject of its
    own, that addresses someone by an oblique a verb of that form addresses by and an infinitive after it (`_calls_on`)
    is the line's verb, active: one is not "called on the EU to" in the passive. Its subject is the first noun above it
    that no preposition opens (Shmyhal, not Borrell); a label before that noun hangs on the verb."""
    for verb in labelled(doc, "acl"):
        if not _participle_calling_on(verb, addresses):
            continue
        subject, root = _unopened_noun_above(verb), verb.sent.root
        verb.head, verb.dep_, verb.pos_, verb.tag_ = verb, "ROOT", "VERB", "VBD"
        subject.head, subject.dep_ = verb, "nsubj"
        if root.i != subject.i:
            root.head, root.dep_ = verb, "dislocated"  # "Podoliak: Podoliak called on ...": the line's label
        for clause in [c for c in verb.children if c.dep_ in ("acl", "advcl") and c.i > verb.i and is_infinitive(c)]:
            clause.dep_ = "xcomp"  # "called on the community to increase": what the one addressed is asked to do
        for c in [c for c in root.children if c.dep_ == "punct" and c.i == verb.sent.end - 1]:
            c.head = verb


def _participle_calling_on(verb: Token, addresses: Callable[[Token, str], bool]) -> bool:
    """A past form with no subject, auxiliary or mark of its own that addresses someone with an infinitive after it
    (`_calls_on`), in a line with no finite verb but it."""
    return verb.tag_ in ("VBD", "VBN") and not children(verb, *SUBJECT_OR_EXPLETIVE, "aux", "aux:pass", "mark") \
        and _calls_on(verb, addresses) and _verbless_line(verb)


def _verbless_line(tok: Token) -> bool:
    """A sentence a noun heads with no finite verb but `tok`."""
    sent = tok.sent
    return sent.root.pos_ in ("NOUN", "PROPN") and not any(
        t.i != tok.i and t.pos_ in VERBS and t.tag_ in ("VBZ", "VBP", "VBD", "MD") for t in sent)


def _unopened_noun_above(tok: Token) -> Token:
    """The first noun above `tok` that no preposition opens ("Shmyhal in a conversation with Borrell": Shmyhal)."""
    noun = tok.head
    while noun.head.i != noun.i and any(c.dep_ == "case" and c.tag_ != "POS" for c in noun.children):
        noun = noun.head
    return noun


def _calls_on(tok: Token, addresses: Callable[[Token, str], bool]) -> bool:
    """An oblique a verb of this form addresses someone by, with an infinitive after it ("calls on EU leaders to")."""
    addressed = [c for c in tok.children if c.i > tok.i and c.dep_.split(":")[0] in ("nmod", "obl")
                 and addresses(tok, case_of(c) or "")]
    return bool(addressed) and any(c.dep_ in ("acl", "advcl", "xcomp") and c.i > addressed[0].i and is_infinitive(c)
                                   for c in tok.children)


def _calls_for(tok: Token, asks: Callable[[Token, str], bool]) -> bool:
    """The root of its sentence (a headline's line), with a phrase after it that a preposition a verb of this form
    asks with opens; not with an infinitive after it ("calls for State Department to designate Russia ...": whom it
    asks is for the verb patterns of "call on" to read, and the noun reading is left)."""
    infinitive = any(is_infinitive(c) for c in tok.children if c.i > tok.i)
    return tok.dep_ == "ROOT" and not infinitive and any(asks(tok, w) for w in _opening_words(tok))


def is_infinitive(clause: Token) -> bool:
    """A word marked by an infinitive's "to" (syntax.yaml infinitive_marks)."""
    return bool(_infinitive_marks_of(clause))


def _infinitive_marks_of(clause: Token) -> list[Token]:
    """The marks of an infinitive's "to" (syntax.yaml infinitive_marks) hung on a word, in the order of the text."""
    return [m for m in clause.children if m.dep_ == "mark" and m.lower_ in syntax().infinitive_marks]


def _opening_words(tok: Token) -> set[str]:
    """The prepositions that open the phrases after a word that hang on it ("calls for creation"), or mark its gerund
    clauses ("calls for setting up a tribunal")."""
    return {m.lower_ for c in tok.children if c.i > tok.i for m in c.children
            if (m.dep_ == "case" or (m.dep_ == "mark" and c.tag_ == "VBG")) and m.i < c.i}


def repair_participle_objects(doc: Doc, is_verb_form: Callable[[Token], bool], is_time: Callable[[Token], bool]) -> None:
    """"Shelling of Zaporizhzhia: Russians shelled(acl) Zaporizhzhia(advmod), a building caught fire": a past form of a
    verb (`is_verb_form`) the parse hung on the name right before it as a participle, with a name right after it that
    it hung as a modifier rather than an object, is that name's verb: the name after it its object, so the participle
    is active and the name before it does the act. A time after it ("people killed Tuesday": `is_time`) is no object."""
    for verb in labelled(doc, "acl"):
        nxt = doc[verb.i + 1] if verb.i + 1 < len(doc) else None
        if verb.head.i != verb.i - 1 or verb.head.pos_ != "PROPN" or verb.tag_ not in ("VBD", "VBN") \
                or nxt is None or nxt.head.i != verb.i or nxt.pos_ != "PROPN" or children(verb, "obj") \
                or nxt.dep_ not in ("advmod", "obl:unmarked", "nmod:unmarked", "dep", "compound") \
                or is_time(nxt) or not is_verb_form(verb):
            continue
        nxt.dep_ = "obj"


def repair_verbless_headlines(doc: Doc, is_verb_form: Callable[[Token], bool]) -> None:
    """"Enemy shells(NNS, compound) Donetsk region(ROOT)", "US sanctions(NNS) Russian oil firms(ROOT)": in a line a
    noun heads, a lower-case word read as a plural noun glued onto the noun phrase after it, with a noun before it, and
    which is the -s form of a verb (`is_verb_form`), is the line's verb: that phrase its object, the noun before it
    its subject. Where a verb heads the line ("US sanctions bill passes Senate") the noun reading stands."""
    plural = np.flatnonzero(doc.to_array(TAG) == get_string_id("NNS")).tolist()  # no tag is changed below
    for sent in doc.sents:
        k = bisect_left(plural, sent.start)  # a line with no plural noun is passed over before its root is sought
        if k == len(plural) or plural[k] >= sent.end or sent.root.pos_ not in ("NOUN", "PROPN"):
            continue
        for tok in sent:
            if not _plural_read_for_verb(doc, sent.start, tok, is_verb_form):
                continue
            head = tok.head
            tok.head, tok.dep_ = (tok if head.dep_ == "ROOT" else head.head), head.dep_
            head.head, head.dep_ = tok, "obj"
            for c in [c for c in head.children if c.i < tok.i]:
                c.head = tok
            break


def repair_root_plurals(doc: Doc, is_verb_form: Callable[[Token], bool], is_name: Callable[[Token], bool]) -> None:
    """"Ukraine Army eliminates(NNS, ROOT) 300 enemy troops(nmod)", "Russian military abducts(ROOT), tortures people":
    in a line with no finite verb, a lower-case plural noun at its root, the -s form of a verb (`is_verb_form`), with a
    subject-like word glued before it (syntax.yaml headline_subject_deps) in a phrase that holds a name (`is_name`),
    and right after it a bare noun phrase, is the line's verb: the glued word its subject, that phrase its object. A
    modifier after it ("Artillery shells found in field"), a phrase a preposition opens ("Russia withdraws from
    dialogue": measured, it coded only wrong types), or no name before it, keeps the noun.
    The verbs read are kept in the Doc's user_data (`guessed_verb` tells them): a guess from the line's shape, their
    events are marked unsure (events.yaml guessed_verbs)."""
    for tok in labelled(doc, "ROOT"):
        if tok.tag_ != "NNS" or not tok.is_lower or not _verbless_line(tok) or not is_verb_form(tok):
            continue
        glued = _subject_glued_before(tok, is_name)
        after = _object_after(tok, is_verb_form)
        if glued is None or after is None:
            continue
        _present_verb(tok, glued)
        verbs = [tok, *(c for c in tok.children if c.i < after.i and _conjoined_plural_verb(c, is_verb_form))]
        for verb in verbs[1:]:
            _present_verb(verb, None)  # "abducts, tortures people": both verbs, the object theirs
        doc.user_data.setdefault(_GUESSED_VERBS_KEY, set()).update(v.i for v in verbs)
        for c in [c for c in tok.children if c.i < glued.left_edge.i and c.dep_ in syntax().headline_subject_deps]:
            c.head = glued  # "Ukraine(compound) Army(compound) eliminates": the earlier word is the subject's
        after.dep_ = "obj"


def guessed_verb(tok: Token) -> bool:
    """Did repair_root_plurals read this token, a plural noun to the tagger, as a headline's verb?"""
    return tok.i in tok.doc.user_data.get(_GUESSED_VERBS_KEY, ())


def _conjoined_plural_verb(tok: Token, is_verb_form: Callable[[Token], bool]) -> bool:
    """A lower-case plural noun conjoined to the word it hangs on, that is the -s form of a verb."""
    return tok.dep_ == "conj" and tok.tag_ == "NNS" and tok.is_lower and is_verb_form(tok)


def _subject_glued_before(tok: Token, is_name: Callable[[Token], bool]) -> Token | None:
    """The nearest word glued before `tok` (an adverb passed over) as one of syntax.yaml headline_subject_deps, with no
    preposition of its own, in a phrase from the line's start that holds a name (a proper noun, or a word `is_name`)."""
    before = [c for c in tok.children if c.i < tok.i and not c.is_punct and c.dep_ != "advmod"]
    if not before or before[-1].dep_ not in syntax().headline_subject_deps or case_of(before[-1]) is not None \
            or any(c.dep_ == "case" for c in before):
        return None  # "On(case) Monday(compound) meets with envoys": a word a preposition opens is no subject
    named = any(t.tag_ in ("NNP", "NNPS") or is_name(t) for t in tok.doc[tok.sent.start:tok.i])
    return before[-1] if named else None


def _object_after(tok: Token, is_verb_form: Callable[[Token], bool]) -> Token | None:
    """The first word hung on `tok` after it (a verb conjoined to it passed over: "abducts, tortures(conj) people"),
    where it is a noun with no preposition of its own; None for anything else (a participle, a phrase opened by a
    preposition)."""
    after = [c for c in tok.children if c.i > tok.i and not c.is_punct and not _conjoined_plural_verb(c, is_verb_form)]
    if not after or after[0].pos_ not in ("NOUN", "PROPN", "NUM", "PRON"):
        return None
    return after[0] if case_of(after[0]) is None else None


def _plural_read_for_verb(doc: Doc, start: int, tok: Token, is_verb_form: Callable[[Token], bool]) -> bool:
    """A lower-case plural noun glued onto the noun phrase after it, with a noun before it since the line's `start`,
    that is the -s form of a verb (`repair_verbless_headlines`)."""
    head = tok.head
    return tok.tag_ == "NNS" and tok.is_lower and tok.dep_ in ("compound", "nsubj") and head.i > tok.i \
        and head.pos_ in ("NOUN", "PROPN") and any(t.pos_ in ("NOUN", "PROPN") for t in doc[start:tok.i]) \
        and is_verb_form(tok)


def repair_glued_subjects(doc: Doc) -> None:
    """"... after Russia(compound) invades(VBZ) Ukraine", "as U.S.(compound) presses China over war stance",
    "Ukrainian Army(compound) liberates 23 settlements": a finite verb the tagger saw, with no subject, and a name
    glued right before it as a modifier (the parser read "Russia invades" as a noun phrase) has that name as its
    subject; a word the parse gave the verb before the name as its preposition opens the clause ("after", "as": its
    mark) where it opens clauses too (syntax.yaml clause_openers; "embassy in Ukraine warns" is left). A
    common noun glued alone ("ash dumps", "peace talks resume"), a name a preposition opens ("Resistance in Mariupol
    shows"), or a verb with nothing after it, is left: there the verb tag is the likelier misreading."""
    tags = doc.to_array(TAG)  # the finite verbs, found without a Token each
    for verb in (doc[i] for i in np.flatnonzero(np.isin(tags, _FINITE_TAGS)).tolist()):
        if verb.pos_ != "VERB" or children(verb, *SUBJECT_OR_EXPLETIVE):
            continue
        glued = _name_glued_before(verb)
        if glued is None or not any(c.i > verb.i and not c.is_punct for c in verb.children):
            continue
        openers = _clause_openers(verb, glued)
        if openers is None or (verb.dep_ not in CLAUSE_DEPS and not (openers and verb.dep_ in ("obl", "nmod"))):
            continue  # a subject or object of another verb ("Israel strikes(nsubj) kill 20") is a noun
        glued.dep_ = "nsubj"
        for opener in openers:
            opener.dep_ = "mark"  # "after Russia invades": the preposition was the noun phrase's, now the clause's
        if verb.dep_ not in CLAUSE_DEPS:
            verb.dep_ = "advcl"  # the phrase it opened is a clause: "fall after Russia(compound) invades(obl) Georgia"


def _clause_openers(verb: Token, glued: Token) -> list[Token] | None:
    """The words the parse gave `verb` as prepositions before the name glued onto it, all of which open clauses too
    (syntax.yaml clause_openers: "after Russia invades"); None where one opens the name only ("embassy in Ukraine
    warns")."""
    openers = [c for c in verb.children if c.dep_ == "case" and c.i < glued.left_edge.i]
    return None if any(c.lower_ not in syntax().clause_openers for c in openers) else openers


_FINITE_TAGS = np.array([get_string_id(t) for t in ("VBZ", "VBP", "VBD")], dtype=np.uint64)
SUBJECT_OR_EXPLETIVE = ("nsubj", "nsubj:pass", "csubj", "expl")  # a clause's own subject, or "there"/"it"


def _name_glued_before(verb: Token) -> Token | None:
    """The name (a proper noun, or a noun a proper noun or an adjective opens: "Ukrainian Army") the parse glued
    right before `verb` as its compound, that no preposition of its own opens."""
    glued = [c for c in verb.children if c.dep_ in ("compound", "amod") and c.i < verb.i]
    if not glued or glued[-1].right_edge.i != verb.i - 1:
        return None
    name = glued[-1]
    named = name.pos_ == "PROPN" or name.tag_ in ("NNP", "NNPS") or (name.pos_ == "NOUN" and any(
        c.i < name.i and c.dep_ in ("amod", "compound") and c.pos_ in ("PROPN", "ADJ") for c in name.children))
    return name if named and not children(name, "case") else None


def _glued_subject(verb: Token) -> Token | None:
    """The noun glued before a verb read as a noun, as its modifier, when the verb has no subject and no preposition
    opens that noun."""
    if children(verb, "nsubj"):
        return None
    opened = [c.i for h in (verb, *verb.children) for c in h.children if c.dep_ == "case" and c.tag_ != "POS"]
    glued = [c for c in verb.children if (c.dep_ == "compound" or (c.dep_ == "amod" and c.pos_ == "PROPN"))
             and c.i < verb.i and not any(i < c.i for i in opened)]
    return glued[-1] if glued else None


def _receiver(doc: Doc, objs: list[Token]) -> Token | None:
    """The name read as a first object before a second one its own determiner or number opens ("Israel 2,000 bombs";
    "the Zaporizhzhia plant" is one object), or glued as a compound across the object's number."""
    if len(objs) == 2:
        opened = any(t.like_num or t.pos_ == "DET" for t in doc[objs[0].i + 1:objs[1].i])
        return objs[0] if opened and objs[0].pos_ == "PROPN" and objs[1].pos_ == "NOUN" else None
    if len(objs) != 1:
        return None
    obj = objs[0]
    glued = [c for c in obj.subtree if c.dep_ == "compound" and c.pos_ == "PROPN" and c.head.pos_ != "PROPN"
             and c.i < obj.i and any(t.like_num for t in doc[c.i + 1:obj.i])]
    return glued[0] if glued and glued[0].left_edge.i == obj.left_edge.i else None


def _reported(noun: Token) -> bool:
    """A noun in a clause's place: the complement of a verb, or a second subject before the verb's own ("rebels
    surrendered, an official said" read with two subjects of "said")."""
    if noun.dep_ in ("ccomp", "parataxis"):
        return True
    if noun.dep_ != "nsubj":
        return False
    others = [c for c in noun.head.children if c.dep_ == "nsubj" and c != noun]
    # "rebels surrendered, an official said"; "Kremlin says separatists called on Russia": a second subject after the verb
    return any(c.i > noun.i for c in others) or (noun.i > noun.head.i and any(c.i < noun.head.i for c in others))


def _glued_name(adj: Token, sent_start: int) -> Token | None:
    """The name glued before a past-shaped adjective on its noun, when the noun heads the sentence or the name
    opens it ("Britain" in "Britain mobilized army reservists")."""
    noun = adj.head
    if adj.i > noun.i or adj.pos_ not in ("ADJ", "VERB") or noun.pos_ not in ("NOUN", "PROPN"):
        return None
    if not (shaped("participle", adj.lower_) or adj.tag_ in ("VBD", "VBN")):
        return None
    glued = [c for c in noun.children if c.i < adj.i and c.dep_ in NOMINAL_GLUE and c.pos_ in ("PROPN", "NOUN")]
    if not glued or glued[-1].pos_ != "PROPN" or glued[-1].right_edge.i != adj.i - 1:
        return None
    opens = glued[-1].left_edge.i == sent_start
    return glued[-1] if noun.dep_ == "ROOT" or opens else None


def _make_clause(verb: Token, subject: Token, sent_end: int) -> None:
    """Hang the noun `verb` modified under it as its object, `subject` as its subject; the verb takes the noun's
    place (at the root, or beside the clause the noun was in)."""
    noun = verb.head
    root = noun.dep_ == "ROOT"
    verb.head = verb if root else noun.head
    verb.dep_ = "ROOT" if root else "parataxis"
    verb.pos_, verb.tag_ = "VERB", "VBD"
    subject.head, subject.dep_ = verb, "nsubj"
    noun.head, noun.dep_ = verb, "obj"
    for c in [c for c in noun.children if c.dep_ == "punct" and c.i == sent_end - 1]:
        c.head = verb


def case_of(tok: Token) -> str | None:
    """The preposition of an oblique or nominal modifier ("on" in "strikes on Kyiv")."""
    for c in tok.children:
        if c.dep_ in ("case", "mark") and c.i < tok.i:
            return c.lower_
    return None


def np_head(tok: Token) -> Token:
    """"one of the biggest attacks" -> attacks, "two of its nationals" -> nationals: a partitive or a number stands for
    the noun after its "of"."""
    words = syntax().partitive_heads
    for _ in range(3):
        if tok.lower_ not in words and tok.lemma_.lower() not in words and tok.pos_ != "NUM":  # "two of its nationals"
            return tok
        after = [c for c in tok.children if c.dep_.startswith("nmod") and case_of(c) in names().genitive_prepositions]
        if not after:
            return tok
        tok = after[0]
    return tok


def _complement_case(c: Token) -> bool:
    """A nominal modifier a noun phrase keeps: with no preposition, or an "of" or "by" one ("the shelling of Kharkiv
    by Russia")."""
    case = case_of(c)
    return case is None or case in names().genitive_prepositions or case in syntax().agent_preps


def phrase_span(tok: Token) -> tuple[int, int]:
    """Character span of the noun phrase `tok` heads, with its "of"/"by" complements, without relative
    clauses, appositions, conjuncts or other prepositional phrases."""
    lo, hi = tok.idx, tok.idx + len(tok)
    for c in tok.children:
        keep = c.dep_ in PHRASE_DEPS or (c.dep_ == "nmod" and _complement_case(c)) or _hyphened(tok, c)
        if not keep or c.dep_ == "punct" or (c.dep_ == "case" and c.i < tok.i) or _set_off_name(tok, c):
            continue
        for d in c.subtree:
            lo = min(lo, d.idx)
            hi = max(hi, d.idx + len(d))
    return lo, hi


def _set_off_name(tok: Token, c: Token) -> bool:
    """"Near the city of Izium, Kharkiv Region(compound), Russian troops are ...": a name before the head that a comma
    ends is a phrase of its own the parse hung on the next noun (here the place of the clause), not the head's own; so
    is a line's heading that a colon ends ("Shelling of the Donetsk region(compound): Ruscists attacked ...": the
    place shelled is not the subject's)."""
    if c.dep_ != "compound" or c.i > tok.i or c.right_edge.i >= tok.i:
        return False
    return c.right_edge.text == ":" or (c.pos_ == "PROPN" and c.right_edge.text == ",")


def _hyphened(tok: Token, c: Token) -> bool:
    """"the Inspector-General of Police": the second half of a hyphened word the parse made an apposition is the
    phrase's own."""
    return c.dep_ == "appos" and c.i == tok.i + 2 and tok.nbor(1).text == "-" and not tok.whitespace_ \
        and not tok.nbor(1).whitespace_


def coordinated(tok: Token, any_pos: bool = False) -> list[Token]:
    """The token and the nouns coordinated with it ("Ukraine and Russia")."""
    return [tok, *[c for c in tok.conjuncts if (any_pos or c.pos_ in NOUNS) and c.i > tok.i and not _dash_source(c)]]


def listed_sides(tok: Token, is_role: Callable[[Token], bool]) -> list[Token]:
    """The token and the nouns coordinated with it, less the appositions the parse read as conjuncts ("Anna Berg,
    Minister of Trade", "a family, both parents and their child": the same side told again) and their own conjuncts;
    `is_role` tells a noun naming people by their role ("Minister"), which may be capitalised as a name is."""
    told_again = {t.i for c in tok.children if c.dep_ == "conj" and _apposed(tok, c, is_role) for t in c.subtree}
    told_again |= {i for t in coordinated(tok) for i in _region_apposition(t)}
    return [t for t in coordinated(tok) if t.i not in told_again]


def _region_apposition(place: Token) -> range:
    """The words of the region a place's name is followed by ("Polohy, Zaporizhzhia region,", "Kupiansk, Kharkiv
    oblast,"; syntax.yaml region_nouns): after one of `apposition_marks` right after the name, capitalised name words
    and a region noun in the singular, closed by one of `apposition_closers` (or the sentence's end) that no conjunction
    follows; an empty range where none is written so."""
    words, doc = syntax(), place.doc
    end = max([place.i, *(c.i for c in place.children if c.dep_ in ("flat", "compound") and c.i > place.i)])
    mark = end + 1
    if mark + 2 >= place.sent.end or doc[mark].text not in words.apposition_marks:
        return range(0)
    region = next((t.i for t in doc[mark + 1:min(mark + 5, place.sent.end)] if not t.text[:1].isupper()
                   or t.lower_ in words.region_nouns), mark)
    if region < mark + 2 or doc[region].lower_ not in words.region_nouns:
        return range(0)
    closer = region + 1
    if closer < place.sent.end and (doc[closer].text not in words.apposition_closers or (
            closer + 1 < place.sent.end and doc[closer + 1].dep_ == "cc")):
        return range(0)
    return range(mark + 1, region + 1)


def _apposed(head: Token, conj: Token, is_role: Callable[[Token], bool]) -> bool:
    """A conjunct of `head` that is an apposition (syntax.yaml apposition_marks, apposition_closers,
    apposition_pair_words): set off right after the head's phrase and closed, opening a pair of its own ("both ...
    and"), or a common noun or a role in a list with no conjunction at all."""
    words, doc = syntax(), head.doc
    told = [t.i for t in conj.subtree if not t.is_punct]  # the parse may hang the commas around it on it
    if not told or conj.i < head.i:
        return False
    before, after = told[0] - 1, told[-1] + 1
    if before < 0 or doc[before].text not in words.apposition_marks:
        return False
    if after < conj.sent.end and doc[after].text not in words.apposition_closers:
        return False
    if any(c.dep_ == "cc:preconj" and c.lower_ in words.apposition_pair_words for c in conj.children):
        return True
    listed = [head, *head.conjuncts]
    joined = any(c.dep_ == "cc" for t in listed for c in t.children) or any(t.dep_ == "cc" for t in conj.subtree)
    return not joined and (conj.pos_ == "NOUN" or is_role(conj))


DASHES = frozenset({"-", "\u2013", "\u2014", "--"})


def _dash_source(conjunct: Token) -> bool:
    """"2,104 civilians killed since start of Russian invasion – UN": a name after a spaced dash that ends its line is
    the headline's source, which the parse may make a conjunct, not one more of its sides."""
    i = conjunct.i
    if i < 2 or any(c.dep_ == "cc" for c in conjunct.children):
        return False
    dash, end = conjunct.doc[i - 1], conjunct.right_edge.i + 1
    return dash.text in DASHES and bool(conjunct.doc[i - 2].whitespace_) \
        and (end >= len(conjunct.doc) or not conjunct.doc[end].text.strip())


def coordinated_modifiers(noun: Token) -> list[Token]:
    """"Ukrainian and Russian envoys": the coordinated adjectives before a noun, when there are two or more."""
    for c in noun.children:
        if c.dep_ in ("amod", "compound") and c.i < noun.i:
            group = coordinated(c, any_pos=True)
            if len(group) > 1:
                return group
    return []


def coordinated_complements(noun: Token) -> list[Token]:
    """"representatives from the UK, France and Germany": the coordinated owners after "from"/"of"."""
    for c in noun.children:
        # a noun the parse took for a clause ("talks between envoys(acl) from Moscow(obl) and Kyiv") hangs it as an oblique
        if c.dep_.startswith(("nmod", "obl")) and case_of(c) in syntax().owner_preps and c.pos_ == "PROPN":
            group = coordinated(c)
            if len(group) > 1:
                return group
    return []


def has_particle(verb: Token, particles: frozenset[str]) -> bool:
    """"cracked down", "cordoned off": the particle as the parse attaches it, or right after the verb
    where the parser took it for a preposition."""
    if any(c.dep_ in ("compound:prt", "advmod") and c.lower_ in particles for c in verb.children):
        return True
    nxt = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    return nxt is not None and nxt.lower_ in particles and nxt.pos_ in ("ADP", "ADV", "PART")


def _adjectival_passive(tok: Token) -> bool:
    """"29 people were injured" tagged as an adjective with a copula, "Ukrainian soldier killed" in a headline: a
    passive participle all the same, its subject the one acted on."""
    if tok.pos_ == "ADJ" and shaped("participle", tok.lower_) and any(c.dep_ == "cop" for c in tok.children):
        return True
    return _headline_passive(tok) or _reduced_passive(tok)


@lru_cache(maxsize=1)
def _reducible_verbs() -> frozenset[str]:
    """The verbs whose bare past form with a "by" phrase is a passive (syntax.yaml object_verbs and agent_verbs),
    joined once: the test runs for every verb of every parsed sentence."""
    return frozenset(syntax().object_verbs | syntax().agent_verbs)


def _reduced_passive(verb: Token) -> bool:
    """"Three dead as maternity hospital(nsubj) hit by Russian air strike": a past form of a verb that needs an object
    (`object_verbs`), told with a subject and a "by" phrase (syntax.yaml agent_preps) but no object and no auxiliary,
    is a passive with its auxiliary left out, wherever the parse hung it: the subject undergoes it, the "by" phrase
    does it (syntax.yaml object_verbs and agent_verbs). "Prices rose by five percent" is no passive."""
    if not _bare_participle(verb) or not is_verb_of(verb, _reducible_verbs()):
        return False
    return any(c.dep_ == "obl:agent" or (c.dep_ == "obl" and case_of(c) in syntax().agent_preps) for c in verb.children)


def _bare_participle(verb: Token) -> bool:
    """A past form told with a subject but no object, auxiliary or clause of its own: a reduced passive where
    something else says so (a line's heading)."""
    if verb.tag_ not in ("VBD", "VBN"):
        return False
    # "143 children killed, 216 injured": a count set off by a comma is the next clause's subject, no object
    deps = {c.dep_ for c in verb.children if not _count_set_off(c)}  # one walk of the children, not two
    return "nsubj" in deps and deps.isdisjoint(("obj", "iobj", "ccomp", "xcomp", "aux", "aux:pass", "nsubj:pass"))


def _count_set_off(obj: Token) -> bool:
    """An object that is a bare number with a comma between it and its verb ("killed, 216 injured")."""
    return obj.dep_ == "obj" and obj.pos_ == "NUM" and obj.i > obj.head.i and obj.nbor(-1).text == ","


def _heads_line(verb: Token) -> bool:
    """The verb a line's own clause hangs on: the root, a clause after a heading and its colon, the content of a
    reporting verb that follows it ("60 people killed after bomb hits school, Zelensky says"), or of one before it
    where its subject carries a count ("UN says 3,238 civilians killed")."""
    if verb.dep_ == "ROOT" or (verb.dep_ == "parataxis" and verb.head.dep_ == "ROOT" and verb.head.i < verb.i):
        return True
    if verb.dep_ != "ccomp" or not _heads_line(verb.head):
        return False
    # "UN says 3,238 civilians killed in Ukraine": after the reporter, only a counted subject ("Kyiv says Russia
    # attacked" may be active)
    return verb.head.i > verb.right_edge.i or (verb.head.i < verb.i and _counted_subject(verb))


def _counted_subject(verb: Token) -> bool:
    """The verb's subject carries a count ("3,238 civilians", "five soldiers")."""
    return any(c.dep_ == "nummod" for s in children(verb, "nsubj") for c in s.children)


def _headline_passive(verb: Token) -> bool:
    """"Ukrainian soldier killed", "UN: 4,031 civilians killed in Ukraine": a verb that needs an object
    (`object_verbs`), heading a line with no final stop (or following its source's name and a colon), told with a
    subject, no object, no auxiliary and no clause of its own."""
    if not is_verb_of(verb, syntax().object_verbs) or not _bare_participle(verb):
        return False
    if _after_heading(verb):  # "War in Ukraine: 21 civilians killed in Donetsk region ...", with a stop or none
        return True
    if not _heads_line(verb):
        return False
    last = verb.sent[-1]
    return last.text not in (".", "!", "?") and not (last.is_punct and last.i > 0 and last.nbor(-1).text in (".", "!", "?"))


def _after_heading(verb: Token) -> bool:
    """A clause the parse hung on the heading before it across the heading's colon ("War in Ukraine(appos): 21
    civilians killed(acl)"): a line of its own, its verb heading it."""
    subjects = children(verb, "nsubj")
    if verb.dep_ not in ("acl", "acl:relcl", "parataxis") or verb.head.i > verb.i or not subjects:
        return False
    return any(t.text == ":" for t in verb.doc[verb.head.i + 1:subjects[0].left_edge.i])


def passive_subjects(verb: Token) -> list[Token]:
    """Who undergoes a passive verb, as its subject: "the convoy was attacked", "people were injured"; a date the
    parse made a second subject is none ("By May 1(nsubj:pass), however, four suspects had been arrested"); a bare
    participle sharing another's passive has that one's ("the suspect was convicted and sentenced": the suspect)."""
    found = children(verb, "nsubj:pass")
    if len(found) > 1:
        found = [s for s in found if not _dated_number(s)] or found
    passive = _adjectival_passive(verb) or _passive_by_auxiliary(verb)
    shared = None if found or passive else _shared_passive(verb)  # "was convicted and sentenced": the convicted
    if shared is not None:
        return passive_subjects(shared)
    return found or (children(verb, "nsubj") if passive else [])


def tells_of_its_head(verb: Token) -> bool:
    """"Haniyeh, who was assassinated in Tehran": a relative clause whose pronoun is its subject tells who or what its
    head noun is ("Kharkiv, where five civilians were killed" tells what happened there)."""
    rel = syntax().relative_pronouns
    return verb.dep_ == "acl:relcl" and any(s.lower_ in rel for s in children(verb, "nsubj", "nsubj:pass"))


def _passive_by_auxiliary(verb: Token) -> bool:
    """"residents who(nsubj) were(aux:pass) injured", "540 children(nsubj) were(aux:pass) injured(ADJ)": a participle
    with a passive auxiliary is passive whatever label the parse gave its subject (the auxiliary says passive, the
    label errs), a relative pronoun's or a noun's, so that subject undergoes it; the auxiliary stands between the
    subject and the participle ("It was(aux:pass) not the first time Vindman(nsubj) had registered ...": an auxiliary
    of another clause). Where the parse gives the verb a passive subject as well, that one undergoes it."""
    if not (verb.tag_ == "VBN" or shaped("participle", verb.lower_)) or children(verb, "nsubj:pass"):
        return False
    auxiliaries = children(verb, "aux:pass")
    return any(s.i < a.i < verb.i for s in children(verb, "nsubj") for a in auxiliaries)


def _dated_number(tok: Token) -> bool:
    """A number that is a day of a month named with it ("May 1", "on 15 November")."""
    return tok.pos_ == "NUM" and any(c.dep_ in ("nmod:unmarked", "case", "compound") for c in tok.children)


def is_passive(verb: Token) -> bool:
    if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in verb.children) or _adjectival_passive(verb):
        return True
    if _shared_passive(verb) is not None:
        return True
    # a participle modifying a noun: "people killed in the strike" (with an object of its own it is active)
    return verb.dep_ == "acl" and verb.tag_ == "VBN" and not children(verb, "obj")


def _shared_passive(verb: Token) -> Token | None:
    """"The suspect was convicted and sentenced to life": a bare past participle joined to a passive verb, with no
    subject, auxiliary or object of its own, shares its passive (the suspect is sentenced, not sentencing); the passive
    verb it shares it with."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBN" or head == verb or head.tag_ != "VBN":
        return None
    if any(c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "obj", "expl") for c in verb.children):
        return None
    return head if any(c.dep_ in ("aux:pass", "nsubj:pass") for c in head.children) else None


def children(tok: Token, *deps: str) -> list[Token]:
    return [c for c in tok.children if c.dep_ in deps]


def obliques(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Obliques and nominal modifiers introduced by one of `preps`."""
    return [c for c in tok.children if c.dep_.split(":")[0] in ("obl", "nmod") and case_of(c) in preps]


def gerund_clauses(tok: Token, preps: tuple[str, ...] | frozenset[str]) -> list[Token]:
    """Gerund clauses a preposition of `preps` opens ("called for ending the war", "argues for ensuring ..."): the
    parse marks the clause's verb with the preposition where a noun would take it as its case. Not on a verb with an
    object, whose clause says what the object is for ("pushing their solutions for gaining visibility")."""
    if children(tok, "obj"):
        return []
    return [c for c in tok.children if c.dep_.split(":")[0] in ("advcl", "acl", "xcomp") and c.tag_ == "VBG"
            and c.i > tok.i and any(m.dep_ == "mark" and m.lower_ in preps for m in c.children)]


def agent(verb: Token) -> Token | None:
    """The "by" phrase of a passive, also where the parse hung it on the verb's secondary predicate ("were shot
    dead by Israeli forces": on "dead"), on a participle sharing its passive ("were attacked by settlers and
    injured") or on a later participle coordinated with it ("destroyed and damaged by Russian troops")."""
    hosts = [verb, *(c for c in verb.children if c.dep_ == "xcomp" and c.pos_ == "ADJ")]
    shared = _shared_passive(verb)  # "were attacked by settlers and injured": the settlers' too
    hosts += [shared] if shared is not None else []
    hosts += _agent_sharers(verb)
    found = [c for h in hosts for c in h.children if c.dep_ == "obl:agent" or (c.dep_ == "obl" and case_of(c) in syntax().agent_preps)]
    return found[0] if found else _agent_on_a_place(verb)


_PLACE_CHAIN = 3  # the oblique and two "of"/"in" phrases below it: "on his way from the facility in Enerhodar"


def _agent_on_a_place(verb: Token) -> Token | None:
    """"was arrested on his way from the nuclear facility by Russian troops", "was hauled out of the embassy in London
    by police": a "by" phrase the parse hung on a place (a name, or a noun of syntax.yaml place_nouns) within one of
    the passive's own obliques is the passive's agent, as a place has no doer of its own; on any other noun it stays
    that noun's ("was detained after the attack by the militants": the attack's doers)."""
    if not is_passive(verb):
        return None
    hosts = [o for o in children(verb, "obl") if o.i > verb.i]
    for _ in range(_PLACE_CHAIN):
        for host in hosts:
            found = [c for c in children(host, "nmod") if case_of(c) in syntax().agent_preps]
            if found:
                return found[0] if _a_place_word(host) else None
        hosts = [c for h in hosts for c in children(h, "nmod")]
    return None


def _a_place_word(tok: Token) -> bool:
    """A name, or a noun of a place (syntax.yaml place_nouns: "facility", "village")."""
    return tok.pos_ == "PROPN" or word_in(tok, syntax().place_nouns)


def _agent_sharers(verb: Token) -> list[Token]:
    """"schools destroyed and damaged by Russian troops": the "by" phrase the parse hangs on the last of coordinated
    past participles is the agent of each; a participle with a subject, object or auxiliary of its own is a clause of
    its own ("the town was shelled and the bridge was damaged by drones")."""
    if verb.tag_ != "VBN":
        return []
    return [c for c in verb.conjuncts if c.i > verb.i and c.tag_ == "VBN" and _joined_next(verb, c)
            and not children(c, "nsubj", "nsubj:pass", "obj", "aux", "aux:pass")]


def _joined_next(verb: Token, conjunct: Token) -> bool:
    """Only a conjunction, commas, adverbs and participles of the same list between two coordinated verbs ("destroyed
    and partly damaged", "destroyed, looted and damaged")."""
    return all(t.dep_ in ("cc", "punct", "advmod") or t.tag_ == "VBN" for t in verb.doc[verb.i + 1:conjunct.i])


def subject(verb: Token) -> Token | None:
    """Who does what `verb` says, read structurally: its subject, its passive agent, the noun a relative
    clause or active participle modifies, or the subject it shares with the verb it is coordinated
    with, controlled by or adverbial to ("agreed to withdraw", "urged Russia to withdraw", "troops were
    drawn back, fighting Hamas")."""
    via = None  # the edge climbed to reach `verb`
    for _ in range(6):
        own = _parsed_subject(verb)
        if own is not None:
            return own
        if is_passive(verb):
            return _passive_subject(verb, via)
        own_agent = children(verb, "obl:agent")
        if own_agent:  # "killed in shelling(VBG) by Russian troops": the act's own "by" phrase, not its head's subject
            return own_agent[0]
        if _set_off_participle(verb):
            verb, via = verb.head.head, "advcl"
            continue
        written = infinitive_subject(verb) or _heading_infinitive_subject(verb)
        if written is not None:  # "called for the UN to send a mission": the UN sends, not the caller
            return written
        if _modifies_a_noun(verb):
            return verb.head
        if _is_controlled(verb):
            controller = _controller(verb)
            if controller is not None:
                return controller
        elif not _shares_subject(verb):
            return None
        verb, via = verb.head, verb.dep_
    return None


def _parsed_subject(verb: Token) -> Token | None:
    """The subject the parse gives the verb itself (none for a passive the parse mislabels, `_adjectival_passive`,
    `_passive_by_auxiliary`): the nearer of two (`_past_heading`); a relative pronoun is the noun its clause modifies."""
    subj = [] if _adjectival_passive(verb) or _passive_by_auxiliary(verb) else children(verb, *SUBJECT_DEPS)
    if not subj:
        return None
    first = _past_heading(subj, verb)
    return verb.head if first.lower_ in syntax().relative_pronouns and verb.dep_ == "acl:relcl" else first


def _heading_infinitive_subject(verb: Token) -> Token | None:
    """"Norway to send engineers to Moldova": a name alone at the root of its line, right before an infinitive's "to"
    (syntax.yaml infinitive_marks) that the parse hung on it, is a heading telling what that name is to do: the
    infinitive's subject. A common noun there ("Plans to send engineers") names an act, not who does it."""
    head = verb.head
    marks = _infinitive_marks_of(verb)
    if verb.dep_ not in ("xcomp", "advcl") or head.dep_ != "ROOT" or head.pos_ != "PROPN" or not marks:
        return None
    if head.left_edge.i != head.sent.start or marks[0].i != head.i + 1 or children(head, "cop", "aux", "nsubj"):
        return None
    return head


def _modifies_a_noun(verb: Token) -> bool:
    """A relative clause on a noun, or a participle on it (an -ing or past form, or one with an object: "troops
    fighting Hamas"): the noun does what the verb says."""
    return verb.dep_ == "acl:relcl" or (verb.dep_ == "acl" and (verb.tag_ in ("VBG", "VBD") or bool(children(verb, "obj"))))


def infinitive_subject(verb: Token) -> Token | None:
    """"called for the UN to send a mission", "an agreement for US troops to begin leaving": the noun of a phrase of
    syntax.yaml infinitive_subject_preps ending right before an infinitive's "to" is the infinitive's own subject,
    whatever the parse hung that phrase on; a time is none ("waited for hours to reply")."""
    lang = syntax()
    marks = [c for c in _infinitive_marks_of(verb) if c.i < verb.i]
    if not marks or marks[0].i == verb.sent.start:
        return None
    end = marks[0].i - 1
    for tok in verb.doc[verb.sent.start:end + 1]:
        if tok.right_edge.i == end and tok.pos_ in NOUNS and case_of(tok) in lang.infinitive_subject_preps \
                and not calendar_word(tok):
            return tok
    return None


def calendar_word(tok: Token) -> bool:
    """A word of the calendar: a time, which does no act and is asked nothing ("waited for hours to reply", "called on
    Sunday for ...")."""
    return tok.lower_ in _calendar_terms() or tok.lemma_.lower() in _calendar_terms()


@lru_cache(maxsize=1)
def _calendar_terms() -> frozenset[str]:
    """The calendar's words (lang/en/calendar.yaml): months, weekdays, days, parts of the day, units of time."""
    cal = calendar_words()
    return frozenset({*cal.months, *cal.weekdays, *cal.day_words, *cal.part_of_day_words, *cal.units})


def _set_off_participle(verb: Token) -> bool:
    """"he questioned Ukraine's legitimacy, accusing it of ...": an -ing form set off by a comma after its clause's
    object, though the parse hangs it on that object, tells what the clause's subject does."""
    head = verb.head
    return verb.dep_ == "acl" and verb.tag_ == "VBG" and verb.i > 0 and verb.nbor(-1).text == "," \
        and head.dep_ == "obj" and head.i < verb.i and is_verb(head.head)


def _past_heading(subjects: list[Token], verb: Token) -> Token:
    """Of two subjects the parse gives a verb, the nearer, the one the clause is about ("Occupiers in the region:
    In a day, the Russians killed ...": a heading; "Palestinian factions including rivals Hamas and Fatah have
    signed"); but the first of a list with only a comma between ("U.S., Ukrainian leaders call on Russia"). An adverb
    the parse made a subject ("also sharply(nsubj) criticised") is none where another is."""
    subjects = [s for s in subjects if s.pos_ != "ADV"] or subjects
    before = [s for s in subjects if s.i < verb.i]
    if len(before) < 2:
        return subjects[0]
    near = before[-1]
    gap = [t.text for t in verb.doc[before[-2].i + 1:near.left_edge.i]]
    return subjects[0] if gap and set(gap) == {","} else near


def _shares_subject(verb: Token) -> bool:
    """A coordinated verb, or an adverbial participle or adjective, has its head's subject; so has a verb coordinated
    with a predicate noun ("Vietnam is a critic of China's claims and has accused Beijing"), though not with a
    predicate of place or state ("the threat has been in place and have not increased, urging ...")."""
    if verb.dep_ == "conj":
        return is_verb(verb.head) or _predicate_noun(verb.head)
    return verb.dep_ == "advcl" and (verb.tag_ == "VBG" or verb.pos_ == "ADJ")


def reported_state(head: Token) -> bool:
    """"Putin said that the decision was in response to years of conflict and accused Kiev of ...": a predicate of place
    or state that a verb reports (its clausal complement); a verb joined to it is joined to the reporting verb (the
    decision accuses no one)."""
    deps = {c.dep_ for c in head.children}
    return head.dep_ == "ccomp" and {"cop", "case"} <= deps and is_verb(head.head)


def _predicate_noun(head: Token) -> bool:
    deps = {c.dep_ for c in head.children}
    return "cop" in deps and "case" not in deps and head.pos_ in ("NOUN", "NUM", "PRON")


def _passive_subject(verb: Token, via: str | None) -> Token | None:
    """Who acts for a passive verb: its agent; a verb coordinated with it shares its surface subject ("troops
    were deployed and attacked the town"), an adverbial participle the agent else that subject."""
    if via is None:
        return agent(verb)
    patients = passive_subjects(verb)
    if via == "conj":
        return patients[0] if patients else agent(verb)
    return agent(verb) or (patients[0] if patients else None)


@lru_cache(maxsize=1024)
def _verbs_by_form(verbs: frozenset[str]) -> dict[str, str]:
    """Each inflected form of the listed verbs -> its verb (inflection.yaml, irregular_verbs.yaml). A form two
    listed verbs share ("found": "find" and "found") goes to the first of them in alphabetical order, written last
    here: a frozenset's order changes with the process's hash seed, this does not."""
    return {form: verb for verb in sorted(verbs, reverse=True) for form in verb_forms(verb)}


def listed_verb(tok: Token, verbs: frozenset[str]) -> str | None:
    """Which of these verbs the token is: its lemma or, where the lemmatizer errs ("pressed": "presse", "blamed":
    "blam", "freed": "freed"), the verb its written form inflects. Every word list a verb is matched against by
    lemma goes through here."""
    lemma = tok.lemma_.lower()
    return lemma if lemma in verbs else _verbs_by_form(verbs).get(tok.lower_)


def word_in(tok: Token, words: frozenset[str]) -> bool:
    """The token's written form or its lemma is one of `words` (a noun list; a verb list goes through `is_verb_of`)."""
    return tok.lemma_.lower() in words or tok.lower_ in words


def is_verb_of(tok: Token, verbs: frozenset[str]) -> bool:
    """The token is one of these verbs (`listed_verb`)."""
    return listed_verb(tok, verbs) is not None


CONTROL_MARKS = syntax().control_marks  # "warned Iran against attacking", "stopped X from firing" (syntax.yaml)


def _is_controlled(verb: Token) -> bool:
    """An infinitive or gerund whose subject its governor supplies: "agreed to withdraw", "accused X of
    shelling", "drove there to deliver"."""
    return verb.dep_ == "xcomp" or (verb.dep_ in ("advcl", "acl") and case_of(verb) in CONTROL_MARKS) or \
        (verb.dep_ == "advcl" and is_purpose(verb)) or _perceived(verb)


def _perceived(verb: Token) -> bool:
    """"videos on social media showing Russia moving troops": the gerund right after a perception verb's object
    tells what that object does (syntax.yaml perception_verbs)."""
    head = verb.head
    objects = [o for o in children(head, "obj") if o.i < verb.i]
    return verb.dep_ in ("advcl", "xcomp", "acl", "ccomp") and verb.tag_ == "VBG" and bool(objects) \
        and is_verb_of(head, syntax().perception_verbs) and objects[-1].right_edge.i + 1 == verb.i


def _controller(verb: Token) -> Token | None:
    """The governor's object for "urged Russia to withdraw" (parsed obj or iobj), the passive's subject for
    "he was scheduled to meet"; None when the governor's own subject controls."""
    head = verb.head
    objects = children(head, "obj", "iobj")
    if objects and (is_verb_of(head, syntax().object_control_verbs) or _perceived(verb)):
        return objects[0]
    patients = children(head, "nsubj:pass") if verb.dep_ == "xcomp" else []
    return patients[0] if patients else None


def clause_subject(verb: Token) -> Token | None:
    """The subject of the verb's clausal complement: "demanded that the US cancel" -> the US."""
    for c in verb.children:
        if c.dep_ == "ccomp":
            found = children(c, "nsubj", "nsubj:pass")
            if found:
                return found[0]
    return None


def complement_has_aux(verb: Token, auxiliaries: frozenset[str]) -> bool:
    """"said that Sudan must return": the clausal complement carries one of `auxiliaries`."""
    return any(c.dep_ == "ccomp" and any(a.dep_ == "aux" and a.lower_ in auxiliaries for a in c.children)
               for c in verb.children)


def speaker_of(tok: Token) -> Token | None:
    """The subject of the nearest verb above whose complement holds `tok` ("Syria says it is willing")."""
    for gov in governors(tok.head if tok.dep_ in SUBJECT_DEPS else tok):
        found = children(gov, *SUBJECT_DEPS)
        if found and found[0].i < tok.i and found[0].pos_ != "PRON":
            return found[0]
    return None


def conjunct_antecedent(pronoun: Token) -> Token | None:
    """"Hezbollah is responsible for this and they will pay the price", "Hamas terrorists may either surrender or they
    will be eliminated": a third-person subject pronoun of a clause joined to another clause stands for that clause's
    subject, where a noun."""
    lang = syntax()
    third = (lang.group_pronouns | frozenset(lang.person_pronouns)) - lang.speaker_pronouns
    subjects = (*SUBJECT_DEPS, "nsubj:pass")
    if pronoun.dep_ not in subjects or pronoun.lower_ not in third or pronoun.head.dep_ != "conj":
        return None
    found = children(pronoun.head.head, *subjects)
    return found[0] if found and found[0].pos_ in ("NOUN", "PROPN") and found[0].i < pronoun.i else None


def conjunct_owner(pronoun: Token) -> Token | None:
    """"both parents and their child", "Iran and its leadership": a possessive pronoun on a noun coordinated after
    another noun stands for that noun, not for a side told elsewhere in the text."""
    head = pronoun.head
    if pronoun.dep_ != "nmod:poss" or head.dep_ != "conj" or head.head.i > pronoun.i:
        return None
    return head.head if head.head.pos_ in ("NOUN", "PROPN") else None


def object_antecedent(pronoun: Token) -> Token | None:
    """"identified two suspects, arrested them": the nearest noun before an object pronoun, in its sentence,
    that is itself something done to (an object or a passive subject) and agrees with it in number."""
    number = pronoun.morph.get("Number", [])
    for tok in reversed(pronoun.doc[pronoun.sent.start:pronoun.i]):
        if tok.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("obj", "iobj", "nsubj:pass") \
                and (not number or tok.morph.get("Number", []) == number):
            return tok
    return None


def reason_owner(pronoun: Token) -> Token | None:
    """"condemned Hamas for its attack on Israel", "punish Russia for its invasion": a possessive pronoun on the
    noun of a verb's "for" phrase is the verb's object, the one blamed, punished or praised for it."""
    owned = pronoun.head
    if pronoun.dep_ != "nmod:poss" or owned.dep_ != "obl" or case_of(owned) not in syntax().reason_preps:
        return None
    objects = children(owned.head, "obj")
    return objects[0] if objects and objects[0].i < pronoun.i and objects[0].pos_ in ("NOUN", "PROPN") else None


def patient(verb: Token) -> Token | None:
    """Who undergoes a passive verb: its passive subject, or the noun its participle modifies."""
    found = passive_subjects(verb)
    if found:  # "residents who were injured": the residents
        rel = found[0].lower_ in syntax().relative_pronouns and verb.dep_ == "acl:relcl"
        return verb.head if rel else found[0]
    if verb.dep_ == "acl" and is_passive(verb):
        return verb.head
    return None


def negated_itself(tok: Token) -> bool:
    """A negator on the word itself: "vowed not to fight", "said Kyiv was not responsible"."""
    return _has_negator(tok)


def _has_negator(tok: Token) -> bool:
    neg = syntax().negators
    return any(c.dep_ in ("advmod", "det", "cc:preconj") and c.lower_ in neg for c in tok.children)


def _has_modal(tok: Token, but: frozenset[str] = frozenset()) -> bool:
    modals = syntax().modal_auxiliaries - but
    return any(c.dep_ == "aux" and c.lower_ in modals for c in tok.children)


OTHER_CLAUSE_DEPS = frozenset({"advcl", "acl", "acl:relcl", "ccomp", "parataxis", "appos", "csubj"})


def own_clause(trigger: Token) -> str:
    """The words of the trigger's own clause, without the clauses inside it ("accused Russia of stalling - an
    accusation made in the past": the words up to "invasion"), joined as written."""
    words: list[Token] = []
    todo = [trigger]
    while todo:
        tok = todo.pop()
        words.append(tok)
        todo.extend(c for c in tok.children if c.dep_ not in OTHER_CLAUSE_DEPS)
    return "".join(t.text_with_ws for t in sorted(words, key=lambda t: t.i))


def is_adverbial_participle(verb: Token) -> bool:
    """"Russian forces are inching toward Pokrovsk, threatening a supply route": an -ing form hung on another
    clause, which tells what that clause brings about."""
    return verb.dep_ in ("advcl", "acl", "xcomp", "conj") and verb.tag_ == "VBG" and not any(
        c.dep_ in ("aux", "nsubj", "mark") for c in verb.children)


def names_as(verb: Token) -> bool:
    """"calling it a historic day": an object with a bare noun or adjective said of it names or judges it."""
    return bool(children(verb, "obj")) and any(
        c.dep_ in ("obl:unmarked", "xcomp") and c.pos_ in ("NOUN", "ADJ") and not any(g.dep_ == "case" for g in c.children)
        for c in verb.children)


def named_complements(verb: Token) -> list[Token]:
    """"called the strike a war crime", "described the drills as a provocation", "decried the raid as barbaric",
    "considers the killings to be genocide": what the verb says its object is: a bare noun or adjective said of the
    object (a complement, or a second object where the parse gave one), a phrase of "as" with no clause of its own
    ("as they are" names nothing), or the noun or adjective of a "to be" infinitive. No object, nothing named."""
    objs = children(verb, "obj")
    if not objs:
        return []
    if verb.dep_ == "acl" and verb.head.dep_ == "nsubj" and verb.head.head.pos_ in ("NOUN", "ADJ") \
            and verb.head.head.i > objs[0].i:
        return [verb.head.head]  # "the minister called(acl) the strike a war crime(ROOT)": the parse made it the root
    return [c for c in verb.children if c.i > objs[0].i and not children(c, "nsubj", "obj") and _said_of_object(c)]


def _said_of_object(c: Token) -> bool:
    """A dependent after the verb's object that names it: "as barbaric" (even where the tagger read the adjective as a
    verb), "a terrorist act" as a second object, a bare complement, "to be genocide"."""
    marks = {g.lower_ for g in c.children if g.dep_ in ("case", "mark")}
    if c.dep_ in ("advcl", "obl", "xcomp") and marks and marks <= syntax().naming_marks:
        return True
    if c.pos_ not in ("NOUN", "ADJ", "PROPN"):
        return False
    if c.dep_ == "obj":
        return c.pos_ == "NOUN"  # "called the strike on Lviv a terrorist act": a second object
    return c.dep_ in ("xcomp", "obl:unmarked", "advcl") and (
        not marks or (marks <= syntax().infinitive_marks and bool(children(c, "cop"))))


def asks_question(verb: Token) -> bool:
    """"asked why authorities had not acted", "asked whether the US shares": a clausal complement that opens with a
    question word is an indirect question; so is a topic with no act asked for ("asked Morrison about concerns")."""
    words = syntax().question_words
    if any(c.dep_ == "ccomp" and c.left_edge.lower_ in words for c in verb.children):
        return True
    return bool(obliques(verb, syntax().question_preps)) and not children(verb, "xcomp", "ccomp") \
        and not obliques(verb, syntax().request_preps)


def has_auxiliary(tok: Token, words: frozenset[str]) -> bool:
    """"will meet": the verb carries one of these auxiliaries."""
    return any(c.dep_ == "aux" and c.lower_ in words for c in tok.children)


def told_with(tok: Token, words: frozenset[str]) -> bool:
    """"will pay", "must stop": the verb carries one of these auxiliaries; "needs to stop", "has to stop": or it is the
    infinitive of a verb in the present, affirmed, whose lemma with "to" is one of them ("need to"; "had to withdraw"
    tells what was done, "does not need to" asks nothing); "will make Hezbollah pay": or the bare infinitive of a verb
    of making told with the auxiliary an entry names ("will make"). Neither in a clause of condition ("if they will pay")."""
    if has_auxiliary(tok, words):
        return not conditional(tok)
    head = tok.head
    if tok.dep_ != "xcomp" or _has_negator(head) or conditional(head):
        return False
    if is_infinitive(tok):
        return f"{head.lemma_.lower()} to" in words and is_present(head)
    # "will make Hezbollah pay": an entry of an auxiliary and a verb of making, the trigger its bare infinitive
    return any(has_auxiliary(head, frozenset({w.split()[0]})) for w in words if w.endswith(f" {head.lemma_.lower()}"))


def conditional(tok: Token) -> bool:
    """"if Russia invades": the clause carries a mark of condition itself."""
    marks = syntax().conditional_marks
    return any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)


def awaited(tok: Token) -> bool:
    """"will not be lifted until Moscow concludes a peace deal": a clause of syntax.yaml awaited_marks told in the
    simple present is what is waited for, not yet done ("fought until the troops withdrew" is done)."""
    return tok.tag_ in ("VBZ", "VBP") and not children(tok, "aux") and any(
        c.dep_ in ("mark", "case") and c.lower_ in syntax().awaited_marks for c in tok.children)


def capability(verb: Token) -> bool:
    """"missiles that could strike Moscow", "drones that can reach Kyiv": a relative clause with a modal of ability
    (syntax.yaml capability_modals) tells what a thing can do, no act."""
    return verb.dep_ == "acl:relcl" and any(
        c.dep_ == "aux" and c.lower_ in syntax().capability_modals for c in verb.children)


def conditioned(verb: Token, marks: frozenset[str]) -> bool:
    """"will withdraw its force unless a ceasefire is arranged": the verb carries a clause of condition with one of
    `marks`."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks for m in c.children)
               for c in verb.children)


def conditions(verb: Token, marks: frozenset[str]) -> list[Token]:
    """The clauses of condition with one of `marks` on a verb or on the clauses it governs, nearest first ("threatened
    to stop the talks to reduce arms if the United States goes ahead")."""
    found: list[Token] = []
    hosts = [verb]
    for _ in range(3):
        clauses = [c for h in hosts for c in h.children if c.dep_ in ("xcomp", "ccomp", "advcl")]
        found += [c for c in clauses if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in marks
                                                                for m in c.children)]
        hosts = [c for c in clauses if c not in found]
    return found


def _meant(tok: Token) -> bool:
    """A clause of purpose, told as what was meant, not done; but "used Grads and artillery to shell the town" tells the
    shelling done with its means (syntax.yaml means_verbs)."""
    return is_purpose(tok) and not is_verb_of(tok.head, syntax().means_verbs)


def _means(tok: Token) -> bool:
    """"by attacking the plant": an adverbial clause telling how the act it hangs on is done."""
    marks = syntax().means_marks
    return tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)


def is_purpose(tok: Token) -> bool:
    """"rode to town to deliver food": an adverbial or adnominal infinitive says what was meant; so does one the parse
    hung on a noun as a nominal modifier ("an opening for moderates to attack": `nmod` of "opening")."""
    if tok.dep_ not in ("advcl", "acl", "conj") and not (tok.dep_ == "nmod" and tok.tag_ == "VB"):
        return False  # "to facilitate talks and to reach a deal": the second (conj) too
    marks = syntax().purpose_marks
    return any(c.dep_ == "mark" and c.lower_ in marks for c in tok.children)


def governors(tok: Token) -> list[Token]:
    """The verbs and nouns a clause is the complement of, or the means of, nearest first ("denied firing": denied;
    "wants to provoke a crisis by attacking": provoke, wants)."""
    out = []
    while (tok.dep_ in COMPLEMENT_DEPS or _means(tok)) and tok.head != tok:
        tok = tok.head
        out.append(tok)
    return out


def claimed(trigger: Token) -> bool:
    """"accused Israel of killing 30 civilians", "blamed Russia for shelling the plant", "alleged that the army
    fired": an act that is the content of an accusation (syntax.yaml claim_words) is a side's claim, not told as
    fact."""
    words = syntax().claim_words
    for tok in (trigger, *governors(trigger)):
        if (tok.dep_ in COMPLEMENT_DEPS or _is_controlled(tok)) and tok.head != tok and is_verb_of(tok.head, words):
            return True
    return False


def _urged_against(trigger: Token) -> bool:
    """"warned Iran against attacking shipping": an act a verb of asking or warning (syntax.yaml irrealis_verbs)
    controls through "against"/"from" has not happened."""
    return trigger.dep_ == "advcl" and case_of(trigger) in syntax().dissuasion_marks and trigger.head != trigger \
        and is_verb_of(trigger.head, syntax().irrealis_verbs)


def _bidden(trigger: Token) -> bool:
    """"told Russian soldiers to surrender": the infinitive of a verb of telling (syntax.yaml bidding_verbs) that has
    an object is asked of that object, not done; "told reporters that they surrendered" keeps its clause told."""
    head = trigger.head
    return head.i != trigger.i and trigger in infinitive_complements(head) \
        and is_verb_of(head, syntax().bidding_verbs) and bool(children(head, "obj", "iobj"))


def infinitive_complements(verb: Token) -> list[Token]:
    """The verb's infinitive complements: its open complement, or a clause marked by the infinitive's "to" that the
    parse read as a closed one ("told Kyiv not to block(ccomp) the ships") or, right after the one it addresses, as
    an adverbial one ("told the soldiers to surrender(advcl)")."""
    addressed = max((c.i for c in children(verb, "obj", "iobj")), default=None)
    return [c for c in verb.children if c.dep_ == "xcomp" or (c.dep_ == "ccomp" and is_infinitive(c))
            or (c.dep_ == "advcl" and addressed is not None and c.i == addressed + 2 and is_infinitive(c))] \
        + _controlled_on_object(verb)


def _controlled_on_object(verb: Token) -> list[Token]:
    """"forced residents of Kherson to apply(acl)", "convince allies to send(acl)": the infinitive of a verb that makes
    its object act (syntax.yaml object_control_verbs), which the parse hung on that object as a relative clause."""
    if not is_verb_of(verb, syntax().object_control_verbs):
        return []
    return [c for o in children(verb, "obj", "iobj") for c in o.children if c.dep_ == "acl" and is_infinitive(c)]


def _refrained(trigger: Token) -> bool:
    """"Israel refrained from striking Iran's oil", "Russia denied attacking the hospital" (the gerund read as an
    adverbial clause): a gerund hung on a verb of denial (not itself negated) is not done."""
    head = trigger.head
    return trigger.dep_ in ("advcl", "acl") and head != trigger and is_verb_of(head, syntax().denial_verbs) \
        and not _has_negator(head) and (any(c.dep_ in ("case", "mark") for c in trigger.children)
                                         or _gerund_right_after(head, trigger))  # not "failed, killing two"


def _gerund_right_after(verb: Token, gerund: Token) -> bool:
    return gerund.tag_ == "VBG" and gerund.i > verb.i and not any(t.is_punct for t in verb.doc[verb.i + 1:gerund.i])


def modality(trigger: Token, planned: frozenset[str] = frozenset()) -> tuple[bool, bool]:
    """(negated, hypothetical) of a trigger, scoped by the parse: "denied firing at Ganja and accused
    Azerbaijan" negates the firing only; "threatened to strike", "could attack", "if Russia invades"
    are hypothetical. The auxiliaries in `planned` on the trigger itself tell of a plan, not a possibility
    ("will meet")."""
    negated = _has_negator(trigger) or _none_undergoes(trigger)
    hypothetical = _irrealis_itself(trigger, planned)
    denied, irrealis = _governed_modality(trigger)
    hypothetical = hypothetical or irrealis or claimed(trigger) or _urged_against(trigger) or _bidden(trigger)
    negated = negated or denied or _refrained(trigger)
    negated, hypothetical = _with_shared_scope(trigger, planned, negated, hypothetical)
    return negated, hypothetical or _conditional_up(trigger)


def _governed_modality(trigger: Token) -> tuple[bool, bool]:
    """(negated, hypothetical) that the verbs the trigger's clause hangs on (`asserted_chain`) give it: "denied
    firing", "had yet to arrest", "threatened to strike", "could attack"."""
    syn = syntax()
    negated = hypothetical = False
    for gov in asserted_chain(governors(trigger)):
        if is_verb_of(gov, syn.denial_verbs) and not _has_negator(gov):
            negated = True
        if any(c.dep_ == "advmod" and c.lower_ in syn.pending_adverbs for c in gov.children):
            negated = True  # "had yet to arrest": not done
        if is_verb_of(gov, syn.irrealis_verbs) or _coerced(gov) or _has_modal(gov, _going_on_auxiliaries(gov)) \
                or _wanted(gov):
            hypothetical = True
    return negated, hypothetical


def _coerced(verb: Token) -> bool:
    """"forced the villagers to praise Putin": a verb of coercion (syntax.yaml coercion_verbs), told as a verb, makes
    its object's act the coercion's content; "lethal force used against protesters" is the noun."""
    return verb.pos_ == "VERB" and is_verb_of(verb, syntax().coercion_verbs)


def _wanted(verb: Token) -> bool:
    """"an agreement for US troops to begin leaving": an infinitive with its own subject written before its "to"
    (`infinitive_subject`) tells an act wanted, agreed or needed, not one done."""
    return infinitive_subject(verb) is not None


def _going_on_auxiliaries(gov: Token) -> frozenset[str]:
    """"will continue to provide aid": on a verb of aspect (syntax.yaml going_on_verbs) the auxiliaries of intent tell
    the act as going on now, no possibility; on any other verb, none is let through."""
    syn = syntax()
    return syn.intent_auxiliaries if is_verb_of(gov, syn.going_on_verbs) else frozenset()


def _conditional_up(trigger: Token) -> bool:
    """A condition anywhere up the clause chain ("If Russia attacks, NATO will respond"), or a purpose ("to
    facilitate talks and to reach a deal": both meant)."""
    tok = trigger
    for _ in range(4):
        if conditional(tok) or _meant(tok) or awaited(tok):
            return True
        if tok.head == tok:
            break
        tok = tok.head if tok.dep_ in ("advcl", "conj", *COMPLEMENT_DEPS) else tok
        if tok.dep_ not in ("advcl", "conj", *COMPLEMENT_DEPS):
            break
    return False


def asserted_chain(chain: list[Token]) -> list[Token]:
    """The governors up to the first verb of assertion (syntax.yaml assertion_verbs), itself kept: "said it will
    continue to hit targets, claiming that Ukraine carried out a strike": what is claimed is told as the speaker's
    fact, and a modal or a verb of aim above the claim ("will continue") does not reach into it. A noun ("cannot
    confirm reports that Russia used") is no assertion: the modality above it still holds."""
    for k, gov in enumerate(chain):
        if gov.pos_ == "VERB" and is_verb_of(gov, syntax().assertion_verbs):
            return chain[:k + 1]
    return chain


def _none_undergoes(trigger: Token) -> bool:
    """"with no charges being brought against Assange", "arrested no protesters": a negator as the determiner of the
    verb's object or passive subject says the act was not done."""
    return any(c.dep_ in ("obj", "nsubj:pass") and any(d.dep_ == "det" and d.lower_ in syntax().negators
                                                        for d in c.children) for c in trigger.children)


def _irrealis_itself(trigger: Token, planned: frozenset[str]) -> bool:
    """"could attack", "if Russia invades", "drove there to deliver", "2) Target Israel": the trigger's own modal,
    mark of condition or of purpose, or mood tells it as not done."""
    return _has_modal(trigger, planned) or conditional(trigger) or _meant(trigger) or imperative(trigger) or _wanted(trigger)


# a subject, an auxiliary or a mark of its own makes a bare verb a told act, not a bid ("they target", "to target")
_IMPERATIVE_BLOCKERS = frozenset({"nsubj", "nsubj:pass", "csubj", "aux", "aux:pass", "mark", "expl"})


def imperative(verb: Token) -> bool:
    """"1) Assassinate or overthrow Musharraf. 2) Target Israel": a bare verb heading its sentence with no subject, no
    auxiliary and no mark (or joined to such a verb) bids or lists an act, telling none done."""
    if verb.tag_ != "VB" or any(c.dep_ in _IMPERATIVE_BLOCKERS for c in verb.children):
        return False
    return verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head != verb and imperative(verb.head))


def _with_shared_scope(trigger: Token, planned: frozenset[str], negated: bool, hypothetical: bool) -> tuple[bool, bool]:
    """(negated, hypothetical) with those of the verb a bare verb shares its auxiliary with (_shared_scope): "could
    invade Ukraine and seize Kyiv" (the seizure only possible), "did not attack Kyiv or shell Kharkiv" (no shelling);
    and the verb of asking or aim that verb hangs on: "called on the EU to isolate Russia and punish it with
    sanctions" asks for the punishment too, none done."""
    shared = _shared_scope(trigger)
    if shared is None:
        return negated, hypothetical
    asked = _governed_modality(shared)[1]  # by a verb above it: irrealis (asking, aim) or with a modal
    return negated or _has_negator(shared), hypothetical or _has_modal(shared, planned) or asked


def _shared_scope(trigger: Token) -> Token | None:
    """The verb whose auxiliary and negation a bare verb joined to it shares: "could invade Ukraine and seize Kyiv"
    (seize: could), "did not attack Kyiv or shell Kharkiv" (shell: not); not a verb with a subject, an auxiliary or a
    tense of its own ("attacked Kyiv and shelled Kharkiv"), nor one joined by a conjunction of contrast ("would not
    invade but blockade"; syntax.yaml shared_scope_conjunctions)."""
    head = trigger.head
    if trigger.dep_ != "conj" or trigger.tag_ != "VB" or head == trigger or not is_verb(head):
        return None
    if any(c.dep_ in ("nsubj", "nsubj:pass", "aux", "aux:pass", "mark") for c in trigger.children):
        return None
    ccs = [c.lower_ for c in trigger.children if c.dep_ == "cc"]
    return head if ccs and all(c in syntax().shared_scope_conjunctions for c in ccs) else None


def intent(trigger: Token, carriers: frozenset[str] = frozenset()) -> bool:
    """An act announced, promised or threatened rather than done: "will send", "would boycott", "offered to hand
    over", "is willing to withdraw"; with `carriers`, also one governed by such a verb told so ("will continue to
    strike")."""
    syn = syntax()
    carrier = trigger.head if trigger.dep_ == "xcomp" and is_verb_of(trigger.head, carriers) else None
    # "will continue to strike": the auxiliary on a verb of aspect announces the act it carries
    if any(c.dep_ == "aux" and c.lower_ in syn.intent_auxiliaries for t in (trigger, carrier) if t is not None
           for c in t.children):
        return True
    return intent_word(trigger)


def intent_word(trigger: Token) -> bool:
    """"offered to hand over", "is willing to withdraw": a word of intent governs the act."""
    syn = syntax()
    return any(g.lemma_.lower() in syn.intent_words or g.lower_ in syn.intent_words for g in governors(trigger)[:2])


def is_present(tok: Token) -> bool:
    """'dismisses', 'is refusing', 'has rejected': told as now."""
    if "Pres" in tok.morph.get("Tense", []) and "Fin" in tok.morph.get("VerbForm", []):
        return True
    if is_infinitive(tok):
        return False  # "is estimated to have killed": a perfect infinitive tells of then
    return any(c.dep_ in ("aux", "aux:pass") and c.lower_ in syntax().present_auxiliaries for c in tok.children)
