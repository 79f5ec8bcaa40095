"""The datetime evaluation: scoring rules on hand-made cases, and the real set through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from conftest import SHARED
from flashpoint.cli import app
from flashpoint.evals.datetime_eval import run, score_case

DATA = SHARED / "eval" / "datetime" / "DateTimeModel.json"


def _case(text: str, ref: str, gold_text: str, values: list[dict[str, str]], type_name: str) -> dict[str, object]:
    start = text.lower().index(gold_text)
    return {"Input": text, "Context": {"ReferenceDateTime": ref + "T00:00:00"},
            "Results": [{"Text": gold_text, "Start": start, "End": start + len(gold_text) - 1,
                         "TypeName": type_name, "Resolution": {"values": values}}]}


def test_right_date_scores() -> None:
    case = _case("We met yesterday.", "2020-03-10", "yesterday",
                 [{"timex": "2020-03-09", "type": "date", "value": "2020-03-09"}], "datetimeV2.date")
    assert score_case(case) == [("datetimeV2.date", True)]


def test_wrong_date_does_not_score() -> None:
    case = _case("We met yesterday.", "2020-03-10", "yesterday",
                 [{"timex": "2020-03-08", "type": "date", "value": "2020-03-08"}], "datetimeV2.date")
    assert score_case(case) == [("datetimeV2.date", False)]


def test_either_reading_of_a_yearless_month_scores() -> None:
    values = [{"timex": "XXXX-11", "type": "daterange", "start": "2019-11-01", "end": "2019-12-01"},
              {"timex": "XXXX-11", "type": "daterange", "start": "2020-11-01", "end": "2020-12-01"}]
    case = _case("It happened in November.", "2020-06-01", "november", values, "datetimeV2.daterange")
    assert score_case(case) == [("datetimeV2.daterange", True)]


def test_range_interval_scores() -> None:
    values = [{"timex": "(2014-01-01,2018-01-01,P4Y)", "type": "daterange", "start": "2014-01-01",
               "end": "2018-01-01"}]
    case = _case("Sales from 2014 to 2018.", "2020-06-01", "from 2014 to 2018", values, "datetimeV2.daterange")
    assert score_case(case) == [("datetimeV2.daterange", True)]


def test_missed_expression_does_not_score() -> None:
    case = _case("Nothing to see.", "2020-06-01", "nothing",
                 [{"timex": "2020", "type": "daterange", "start": "2020-01-01", "end": "2021-01-01"}],
                 "datetimeV2.daterange")
    assert score_case(case) == [("datetimeV2.daterange", False)]


def test_run_on_a_small_file(tmp_path: Path) -> None:
    cases = [
        _case("We met yesterday.", "2020-03-10", "yesterday",
              [{"timex": "2020-03-09", "type": "date", "value": "2020-03-09"}], "datetimeV2.date"),
        _case("We met yesterday.", "2020-03-10", "yesterday",
              [{"timex": "2020-03-01", "type": "date", "value": "2020-03-01"}], "datetimeV2.date"),
    ]
    path = tmp_path / "dt.json"
    path.write_text("\ufeff" + json.dumps(cases), encoding="utf-8")
    scores = run(path)
    assert scores["expressions"] == 2
    assert scores["accuracy_date"] == 0.5


def test_datetime_set_through_cli() -> None:
    result = CliRunner().invoke(app, ["eval", "datetime", str(DATA), "--format", "json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.output)
    assert scores["cases"] == 985
    assert scores["date_expressions"] > 600
    assert scores["accuracy_date_daterange"] >= 0.85
