"""spaCy makes a new Token object each time a word is read (`doc[i]`, `tok.head`), so `tok.head is tok` is never true,
even at the root, and `c is not noun` is always true: a parse test written with `is` silently does nothing. Tokens are
compared with `==` (the same word of the same Doc). This test reads the code of nlp/ and fails on an identity test of
a word the parse gives (`.head`, `.root`, or a name the code uses for tokens)."""

import ast
from pathlib import Path

NLP = Path(__file__).resolve().parent.parent / "src" / "flashpoint" / "nlp"
TOKEN_NAMES = {"tok", "head", "trigger", "verb", "node", "noun", "obj", "aux", "owner", "gov", "source",
               "subject", "anchor", "told", "word", "root", "child"}
TOKEN_ATTRIBUTES = {"head", "root", "left_edge", "right_edge"}


def _is_word(node: ast.expr) -> bool:
    if isinstance(node, ast.Attribute):
        return node.attr in TOKEN_ATTRIBUTES
    return isinstance(node, ast.Name) and node.id in TOKEN_NAMES


def identity_tests_of_words(source: str) -> list[int]:
    """Line numbers of `a is b` / `a is not b` where a side is a parse word and neither is a constant."""
    lines = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Compare):
            continue
        sides = [node.left, *node.comparators]
        for op, left, right in zip(node.ops, sides, sides[1:], strict=False):
            if isinstance(op, (ast.Is, ast.IsNot)) and not any(isinstance(s, ast.Constant) for s in (left, right)) \
                    and (_is_word(left) or _is_word(right)):
                lines.append(node.lineno)
    return lines


def test_the_check_finds_an_identity_test_of_words() -> None:
    assert identity_tests_of_words("x = tok.head is tok\ny = [c for c in kids if c is not noun]\n") == [1, 2]
    assert identity_tests_of_words("x = tok.head == tok\ny = tok is None\nz = cue is other_cue\n") == []


def test_no_word_of_the_parse_is_compared_by_identity() -> None:
    found = {f"{path.name}:{line}" for path in sorted(NLP.glob("*.py"))
             for line in identity_tests_of_words(path.read_text(encoding="utf-8"))}
    assert not found, f"compare Tokens with == / != (spaCy makes a new object per read): {sorted(found)}"
