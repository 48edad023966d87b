"""OParl import benchmark: objects per second into an empty database.

Generates an OParl source of some thousands of objects in memory (a body,
its committee, people with memberships, and meetings with agenda items,
papers and files: paragraf/api/tests/oparl_source.py) and imports it with
the importer's own HTTP fetcher over an in-process httpx transport, so the
figure is the import's own cost (mapping, checks, files, text extraction,
database), not the network's. Then imports it again (nothing changed: every
object is compared and left alone) and once more with --since (only what
changed is asked for).

Writes bench/results/oparl-import.json and prints a summary. The target is
reported as met or not; nothing is asserted.

    .venv/bin/python bench/oparl_import.py                  # 250 meetings, SQLite
    .venv/bin/python bench/oparl_import.py --meetings 50    # a quick trial
    .venv/bin/python bench/oparl_import.py --database postgres://postgres@127.0.0.1:5432/paragraf_importbench
"""

import argparse
import json
import os
import platform
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TARGET = 500.0  # objects per second


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--meetings", type=int, default=250)
    parser.add_argument("--items", type=int, default=10, help="agenda items per meeting")
    parser.add_argument("--people", type=int, default=60)
    parser.add_argument("--database", default="", help="database URL (default: a new SQLite)")
    return parser.parse_args()


def setup_django(args, scratch):
    os.environ["DEBUG"] = "false"
    if args.database.startswith("postgres"):
        from postgres import ensure_database

        ensure_database(args.database)
    os.environ.setdefault("SECRET_KEY", "paragraf-bench-only-not-secret")
    os.environ["DATABASE_URL"] = args.database or f"sqlite:///{scratch / 'import.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(scratch / "media")
    os.environ["PARAGRAF_VAR_DIR"] = str(scratch)
    os.environ.setdefault("LOG_LEVEL", "ERROR")
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    if args.database:
        call_command("flush", interactive=False, verbosity=0)
    call_command("migrate", verbosity=0)


def timed(source, **options):
    from paragraf.api.management.commands.import_oparl import import_oparl
    from paragraf.api.tests.oparl_source import BASE

    began, cpu = time.perf_counter(), time.process_time()
    run = import_oparl(BASE, fetcher=source.fetcher(), **options)
    seconds = time.perf_counter() - began
    cpu = time.process_time() - cpu
    objects = sum(v for k, v in run.counts.items() if k != "problems")
    assert not run.problems, run.problems[:5]
    return {
        "objects": objects,
        "seconds": round(seconds, 3),
        "objects_per_second": round(objects / seconds, 1),
        # This process's CPU time: on a shared, loaded machine the wall clock
        # also counts the time other processes had the CPU.
        "cpu_seconds": round(cpu, 3),
        "objects_per_cpu_second": round(objects / cpu, 1),
        "counts": run.counts,
        "requests": len(source.requests),
    }


def main():
    args = parse_args()
    with tempfile.TemporaryDirectory(prefix="paragraf-import-bench-") as scratch:
        setup_django(args, Path(scratch))
        from django.db import connection

        from paragraf.api.tests.oparl_source import Source, standard

        source = standard(
            Source(page_size=100), meetings=args.meetings, items=args.items, people=args.people
        )
        load_before = os.getloadavg()
        first = timed(source)
        source.requests.clear()
        again = timed(source, full=True)
        # One meeting changes; the next run asks only for what changed.
        meeting = source.objects[
            f"{source.lists[next(k for k in source.lists if k.endswith('/meeting'))][0]}"
        ]
        meeting["agendaItem"][0].update(name="Ändrad rubrik", modified=source.tick())
        source.change(meeting["id"])
        source.requests.clear()
        since = timed(source)
        result = {
            "when": datetime.now(UTC).isoformat(timespec="seconds"),
            "machine": {
                "cpu_count": os.cpu_count(),
                "python": platform.python_version(),
                "platform": platform.platform(),
                "load_average_before": [round(x, 2) for x in load_before],
                "load_average_after": [round(x, 2) for x in os.getloadavg()],
            },
            "database_vendor": connection.vendor,
            "source": {
                "meetings": args.meetings,
                "items_per_meeting": args.items,
                "people": args.people,
                "files": len(source.files),
                "transport": "httpx.MockTransport (in process)",
            },
            "first_import": first,
            "second_import_unchanged": again,
            "import_since_one_change": since,
            "target_objects_per_second": TARGET,
            "target_met": first["objects_per_second"] > TARGET,
        }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / "oparl-import.json"
    out.write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    print(
        f"First import: {first['objects']} objects in {first['seconds']} s = "
        f"{first['objects_per_second']} objects/s (target > {TARGET:.0f}: "
        f"{'met' if result['target_met'] else 'NOT met'}); "
        f"{first['objects_per_cpu_second']} objects per CPU second"
    )
    print(
        f"Again, unchanged: {again['objects']} objects compared in {again['seconds']} s; "
        f"with --since after one change: {since['counts']} in {since['seconds']} s, "
        f"{since['requests']} requests"
    )
    print(f"Written to {out.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
