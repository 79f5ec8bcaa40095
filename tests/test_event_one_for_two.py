"""benchmarks/event_one_for_two.py counts the misses whose record of their type the strict match gave to another gold
event of the same clause (one record where gold has two), classed by how the two gold events differ."""

from conftest import benchmark_module
from flashpoint.evals import realnews as rn

one_for_two = benchmark_module("event_one_for_two")


def test_a_list_coded_as_one_record_where_gold_has_one_per_place_is_counted() -> None:
    text = "Ukrainian forces repelled Russian attacks near Bakhmut, Soledar and Avdiivka on Monday."
    evidence = "repelled Russian attacks near Bakhmut, Soledar and Avdiivka"
    gold = {"events": [{"type": "ASSAULT", "actor_country": "RUS", "recipient_country": "UKR", "evidence": evidence}
                       for _ in range(3)]}
    rows = one_for_two.one_for_two("t", gold, rn.analyse({"id": "t", "text": text}))
    assert [c for c, _ in rows] == ["same-countries+same-evidence"] * 2


def test_the_class_says_which_side_differs_and_where_the_other_gold_is() -> None:
    miss = {"actor_country": "BLR", "recipient_country": "UKR", "evidence": "Belarus attacked", "span": (0, 16)}
    other = {"actor_country": "RUS", "recipient_country": "UKR", "evidence": "Russia attacked", "span": (30, 45)}
    assert one_for_two.pair_class(miss, other) == "actor-differs+other-clause"
    assert one_for_two.pair_class(miss, {**miss, "recipient_country": "POL"}) == "recip-differs+same-evidence"
