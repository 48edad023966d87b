"""`make bench`: how fast the public portal is against the framework's own ceiling.

1. Builds (or reuses) a synthetic archive in var/bench/ (see bench/build.py).
2. Times the trivial view and the start, committee and meeting pages in-process
   (median, p95); the meeting page both uncached (cold) and cached (warm).
3. Serves the site with gunicorn and drives it with wrk: requests per second
   of a trivial Django view (same middleware) and of the meeting page spread
   over 50 meetings, in alternating rounds so a noisy machine slows both alike.
   The server's CPU time per request is recorded too: unlike requests per
   second, it hardly depends on what else the machine is doing.

Writes bench/results/latest.json and prints a summary. Nothing is asserted:
the target (meeting page >= half the trivial view's rate) is reported as met or not.

    .venv/bin/python bench/run.py                  # full archive, 10×10×10×20×3
    .venv/bin/python bench/run.py --scale small    # a quick trial
    .venv/bin/python bench/run.py --rebuild        # build the archive anew

Server: 2 sync workers, one per core of the 2-core machine it was written on.
Tried against 3 and 5 sync workers and 2 gthread workers × 4 threads: on a
shared machine the rates varied more between runs than between these
settings, while CPU per request and the meeting/trivial ratio stayed put.
Sync workers are also gunicorn's default behind a buffering proxy.
"""

import argparse
import json
import os
import platform
import statistics
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TARGET_RATIO = 0.5


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["full", "small"], default="full")
    parser.add_argument("--rebuild", action="store_true", help="build the archive anew")
    parser.add_argument("--samples", type=int, default=100, help="in-process requests per page")
    parser.add_argument("--seconds", type=int, default=10, help="length of one wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="wrk runs per target")
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help=">1 uses gthread workers")
    parser.add_argument("--meeting-urls", type=int, default=50)
    parser.add_argument("--no-load", action="store_true", help="skip gunicorn and wrk")
    return parser.parse_args()


def setup_django(scale):
    os.environ["BENCH_SCALE"] = scale
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def load_test(args, meeting_urls, log_path):
    from bench import throughput

    targets = {"trivial": ["/bench/trivial/"], "meeting": meeting_urls}
    runs = {name: [] for name in targets}
    with throughput.gunicorn(args.workers, args.threads, log_path) as (base, pid):
        for paths in targets.values():
            throughput.check_paths(base, paths)
            throughput.run_wrk(base, paths, 3, args.connections)  # warm-up: caches, templates
        for _ in range(args.rounds):
            for name, paths in targets.items():
                run = throughput.run_wrk(base, paths, args.seconds, args.connections, pid)
                runs[name].append(run)

    def median(name, key):
        return statistics.median(run[key] for run in runs[name])

    rps = {name: median(name, "rps") for name in runs}
    cpu = {name: median(name, "server_cpu_ms_per_request") for name in runs}
    return {
        "throughput_rps": {
            "trivial": round(rps["trivial"], 1),
            "meeting": round(rps["meeting"], 1),
            "ratio": round(rps["meeting"] / rps["trivial"], 3),
        },
        # Noise-robust cross-check: the ratio a quiet machine would show, were the
        # server alone on its cores (wrk's own CPU is left out).
        "server_cpu_ms_per_request": {
            "trivial": cpu["trivial"],
            "meeting": cpu["meeting"],
            "ratio": round(cpu["trivial"] / cpu["meeting"], 3),
        },
        "load": {
            "server": f"gunicorn, {args.workers} workers × {args.threads} threads "
            f"({'gthread' if args.threads > 1 else 'sync'})",
            "client": f"wrk, 1 thread, {args.connections} connections, "
            f"{args.rounds} alternating rounds × {args.seconds} s per target, median taken",
            "meeting_urls": len(meeting_urls),
            "meeting_cache": "warm (3 s warm-up over the same URLs first)",
            "runs": runs,
        },
        "wrk_errors": sum(sum(r["errors"].values()) for rs in runs.values() for r in rs),
    }


def main():
    args = parse_args()
    setup_django(args.scale)
    from django.conf import settings
    from django.core.management import call_command

    from bench import throughput
    from bench.build import ensure_archive
    from bench.servertime import measure, sample_meeting_urls

    if not args.no_load and not throughput.wrk_path():
        sys.exit(throughput.WRK_MISSING)
    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpu_count": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "scale": args.scale,
        "archive": ensure_archive(args.scale, rebuild=args.rebuild),
    }
    # Whitenoise serves STATIC_ROOT in production; collect into the bench's own var dir.
    call_command("collectstatic", interactive=False, verbosity=0)
    print("Timing pages in-process …")
    timed = measure(args.samples)
    page_errors = timed.pop("errors")
    report.update(timed)
    if not args.no_load:
        print("Load test under gunicorn with wrk …")
        log_path = settings.BENCH_DIR / "gunicorn.log"
        report.update(load_test(args, sample_meeting_urls(args.meeting_urls, seed=2), log_path))
        report["target"] = f"meeting >= {TARGET_RATIO} x trivial"
        report["met"] = report["throughput_rps"]["ratio"] >= TARGET_RATIO
    report["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    report["errors"] = {
        "pages_not_200": len(page_errors),
        "wrk": report.pop("wrk_errors", None),
        "examples": page_errors[:5],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print_summary(report)


def print_summary(report):
    print(f"\nArchive ({report['scale']}): {report['archive']}")
    for page, figures in report["server_time_ms"].items():
        print(f"  {page:<13} median {figures['median']:7.2f} ms   p95 {figures['p95']:7.2f} ms")
    print(f"  queries: {report['queries']}")
    if "throughput_rps" in report:
        t = report["throughput_rps"]
        print(f"  throughput: trivial {t['trivial']} rps, meeting {t['meeting']} rps")
        verdict = "met" if report["met"] else "NOT met"
        print(f"  ratio meeting/trivial {t['ratio']} (target {report['target']}: {verdict})")
        c = report["server_cpu_ms_per_request"]
        print(
            f"  server CPU per request: trivial {c['trivial']} ms, meeting {c['meeting']} ms"
            f" (ratio {c['ratio']}; hardly affected by other load)"
        )
    print(f"  errors: {report['errors']}")
    print(f"Written to {RESULTS / 'latest.json'}")


if __name__ == "__main__":
    main()
