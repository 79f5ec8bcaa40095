"""RUWA end to end: ingest the 16,545 headlines through the normal pipeline, then score stories and escalation.

    .venv/bin/python benchmarks/ruwa.py [--limit N] [--db sqlite:///ruwa.db] [--workers 2] [--reuse]

Prints JSON: ingest time, story purity / ARI against RUWA's nine event labels, the labels'
own noise, the RUS->UKR escalation series by ISO week with its baseline, the first
alerts (and the weeks around 2022-02-24 with the first alert from mid-January 2022), and how
many events the coder found per headline month by month.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RUWA = ROOT.parent / "shared" / "corpora" / "ruwa"


def main(argv: list[str] | None = None) -> dict:
    from flashpoint.corpus import views
    from flashpoint.evals import stories as ev
    from flashpoint.store.store import Store

    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--db", default="sqlite:///ruwa.db")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--reuse", action="store_true", help="score an already ingested store")
    args = ap.parse_args(argv)

    records = ev.read_records(RUWA)
    gold = {a.id: label for a, label in ev.articles(records, args.limit)}
    out: dict = {"records": len(records[: args.limit] if args.limit else records)}
    if not args.reuse:
        _, seconds = ev.ingest(records, args.db, limit=args.limit, workers=args.workers)
        out["ingest_and_views_seconds"] = round(seconds, 1)
    assigned = ev.story_assignments(args.db)
    ids = [a for a in gold if a in assigned]
    out["stored"] = len(assigned)
    out["stories"] = ev.score([gold[a] for a in ids], [assigned[a] for a in ids])
    dates = {a.id: a.published for a, _label in ev.articles(records, args.limit)}
    out["stories"].update(ev.context_scores([gold[a] for a in ids], [assigned[a] for a in ids],
                                            [dates[a] for a in ids]))
    out["label_noise"] = ev.label_noise(records[: args.limit] if args.limit else records)

    store = Store(args.db)
    weekly = views.escalation(store, actor="RUS", recipient="UKR", period="week")
    daily = views.escalation(store, actor="RUS", recipient="UKR")
    out["rus_ukr_weekly"] = [{k: r[k] for k in ("date", "value", "baseline", "threshold", "alert")} for r in weekly]
    out["rus_ukr_first_daily_alerts"] = [r["date"] for r in daily if r["alert"]][:5]
    # the invasion began on 2022-02-24 (ISO week 2022-W08): the series should break there and alert by then
    out["rus_ukr_weeks_around_invasion"] = [r for r in out["rus_ukr_weekly"] if "2022-W05" <= r["date"] <= "2022-W11"]
    out["rus_ukr_first_daily_alert_from_2022"] = next((r["date"] for r in daily if r["alert"]
                                                       and r["date"] >= "2022-01-15"), None)
    out["rus_ukr_first_weekly_alerts"] = [r["date"] for r in weekly if r["alert"]][:5]
    per_month: Counter[str] = Counter()
    events_month: Counter[str] = Counter()
    dyad_month: Counter[str] = Counter()
    for _pk, art in store.iter_articles():
        month = (art.published or "?")[:7]
        per_month[month] += 1
        events_month[month] += len(art.events)
        dyad_month[month] += sum(1 for e in art.events if e.actor and e.recipient and e.actor.country
                                 and e.recipient.country)
    out["coder_by_month"] = {m: {"articles": per_month[m], "events_per_article": round(events_month[m] / per_month[m], 2),
                                 "dyadic_per_article": round(dyad_month[m] / per_month[m], 2)}
                             for m in sorted(per_month)}
    out["top_alerts"] = views.alerts(store)[:10]
    store.close()
    json.dump(out, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return out


if __name__ == "__main__":
    main()
