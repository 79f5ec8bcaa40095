"""The inflected forms of a lemma, so a pattern still fires where the lemmatizer errs ("shelled"
given the lemma "shelle"). The endings are suffix rules of `resources/lang/<code>/inflection.yaml`, irregular
forms come from `irregular_verbs.yaml`."""

from __future__ import annotations

from functools import lru_cache

from flashpoint.nlp.language import DEFAULT_LANGUAGE, inflection, read_yaml, word_shapes


@lru_cache(maxsize=4)
def irregular(language: str = DEFAULT_LANGUAGE) -> dict[str, tuple[str, ...]]:
    data = read_yaml(language, "irregular_verbs.yaml")["irregular"]
    return {str(k): tuple(str(f) for f in v) for k, v in data.items()}


def inflect(form: str, word: str, language: str = DEFAULT_LANGUAGE) -> str:
    """`word` in `form` (inflection.yaml `forms`): rewritten by the first suffix rule that fits, else as it is."""
    for rule in inflection(language).forms[form]:
        if rule.match.search(word):
            return rule.match.sub(rule.to, word, count=1)
    return word


def adverb_shaped(word: str, language: str = DEFAULT_LANGUAGE) -> bool:
    """Does the lower-case `word` have an adverb's shape ("reportedly"; inflection.yaml `adverb`)?"""
    return inflection(language).adverb.fullmatch(word) is not None


def shaped(shape: str, word: str, language: str = DEFAULT_LANGUAGE) -> bool:
    """Does `word` end as `shape` says (inflection.yaml `shapes`: "participle" of "shelled", "taken"; "past";
    "gerund")?"""
    return word_shapes(language)[shape].search(word) is not None


@lru_cache(maxsize=4096)
def verb_forms(lemma: str) -> frozenset[str]:
    """A verb's regular forms, from its stem and, where its last consonant may double ("ban" -> "banned"), that
    stem too, with its irregular ones."""
    forms = {lemma, inflect("third_person", lemma), *irregular().get(lemma, ())}
    for stem in {lemma, inflect("doubled", lemma)}:
        forms |= {inflect("past", stem), inflect("gerund", stem)}
    return frozenset(forms)


@lru_cache(maxsize=4096)
def noun_forms(noun: str) -> frozenset[str]:
    """A noun and its plural."""
    return frozenset({noun, inflect("plural", noun)})
