"""No function, method or class of the package above radon's grade C (`radon cc -n D src/flashpoint` prints nothing):
rules belong in resources/, and the code that applies them stays short and general."""

from pathlib import Path

from radon.complexity import cc_rank, cc_visit, sorted_results

SRC = Path(__file__).resolve().parents[1] / "src" / "flashpoint"


def above_grade_c(source: str) -> list[tuple[str, str]]:
    """(name, grade) of every block above grade C, methods included, as `radon cc` lists them."""
    return [(block.name, cc_rank(block.complexity)) for block in sorted_results(cc_visit(source))
            if cc_rank(block.complexity) > "C"]


def test_no_function_of_the_package_is_above_grade_c() -> None:
    files = sorted(SRC.rglob("*.py"))
    assert len(files) > 50  # the package, not an empty folder
    found = [(str(path.relative_to(SRC)), name, grade) for path in files
             for name, grade in above_grade_c(path.read_text(encoding="utf-8"))]
    assert found == []


def test_the_check_sees_a_method_above_grade_c() -> None:
    branches = "\n".join(f"        if x == {i}:\n            return {i}" for i in range(25))
    source = f"class Tangled:\n    def pick(self, x):\n{branches}\n        return -1\n"
    assert above_grade_c(source) == [("Tangled", "D"), ("pick", "D")]  # the class counts its methods, as radon cc
