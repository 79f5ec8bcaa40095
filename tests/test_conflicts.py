"""Conflict sides are data (resources/conflicts/*.yaml), read by the claims and the framing view alike."""

from __future__ import annotations

from importlib.resources import files

import yaml

from flashpoint.corpus import claims, conflicts, framing


def _files() -> list[dict]:
    folder = files("flashpoint") / "resources" / "conflicts"
    return [yaml.safe_load(f.read_text(encoding="utf-8")) for f in folder.iterdir() if f.name.endswith(".yaml")]


def test_every_conflict_file_gives_framing_its_sides_and_claims_its_parties() -> None:
    data = _files()
    assert {c["name"] for c in data} == set(framing.load_conflicts()) >= {"russia-ukraine", "armenia-azerbaijan"}
    for c in data:
        assert framing.conflict_sides(c["name"]) == tuple(c["sides"])  # lean order as written
        for side in c["sides"].values():
            party = side["party"]
            assert set(side["names"]) <= set(conflicts.party_names()[party])
            subject, found = claims.normalise_subject(f"{side['names'][0]} soldiers")
            assert found == party and subject == f"{party} troops"
    # a conflict no file names takes the first conflict's sides (no side names written in the code)
    first = next(iter(framing.load_conflicts()))
    assert framing.conflict_sides("no-such-conflict") == framing.conflict_sides(first)


def test_a_seat_named_near_a_figure_is_its_side() -> None:
    assert claims.side_from_sentence("Kyiv says Russia has amassed 90,000 troops", 28) == "Russian"
    assert claims.side_from_sentence("Moscow says 5,000 troops", 12) == "Russian"
    assert claims.side_from_sentence("Separatists say 30 fighters died", 18) == "separatist"
