"""`make loadtest`: the public site under 100 concurrent visitors for 60 seconds.

1. Builds (or reuses) the benchmark archive (bench/build.py, 1,000 meetings,
   60,000 documents) and its search index, and collects the static files.
2. Serves it as in production: gunicorn, DEBUG off, WhiteNoise (bench/settings.py,
   bench/throughput.py), 2 sync workers on the 2-core machine.
3. Drives it with wrk, a separate process on the same machine: 100 connections,
   60 s, one run whose Lua script (bench/loadtest.lua) hands every connection the
   next URL of a mix: the start page, meeting pages (20 meetings in turn), searches
   (8 queries in turn) and OParl API meetings (4 in turn, each with its items and
   files embedded: 55 kB of JSON). Not the body's meeting list: a page of it holds
   100 such meetings (5.5 MB) and takes seconds, so it would measure only itself.

One mixed run rather than one wrk per URL: visitors do not arrive one page type at
a time, and a slow page (search) holding a worker delays the fast ones behind it;
the mix measures that. Latency percentiles are therefore for the mix (wrk has one
histogram per run and cannot tell which answer belongs to which URL); the script
counts the requests sent per kind and every answer that is not 2xx. Each URL is
checked to answer 200 before the run; the in-process cost of each page alone is
`make bench`'s job.

After the mixed run, each kind is loaded alone for 10 s (one wrk per kind in turn,
same connections): its own latency percentiles, and the server's CPU time per
request, which hardly depends on what else the machine runs. On a shared machine
that is the figure to compare: 2 cores / CPU per request is the rate the server
could reach were it alone.

Writes bench/results/loadtest.json. Target: no errors (non-2xx answers, socket
errors, timeouts) and p99 < 1 s. Exits 1 when the target is missed.

    .venv/bin/python bench/loadtest.py                  # 100 connections, 60 s
    .venv/bin/python bench/loadtest.py --seconds 10     # a quick trial
"""

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
LUA = Path(__file__).with_name("loadtest.lua")
TARGET_P99_MS = 1000
SEARCHES = [
    "kollektivtrafik",
    "vårdcentraler",
    "budget delårsrapport",
    '"regional utveckling"',
    "folktandvården",
    "upphandling -sjukresor",
    "bredbandsutbyggnad",
    "naturvård OR kulturstöd",
]


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=100)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=1, help=">1 uses gthread workers")
    parser.add_argument("--scale", choices=["full", "small"], default="full")
    parser.add_argument("--rebuild-index", action="store_true", help="rebuild the search index")
    parser.add_argument(
        "--kinds",
        default="start,meeting,search,api",
        help="which kinds of URL to mix (comma separated), to find which one is slow",
    )
    parser.add_argument("--output", default="loadtest.json", help="file name in bench/results/")
    parser.add_argument(
        "--seconds-per-kind",
        type=int,
        default=10,
        help="then one wrk per kind of URL, to attribute latency and server CPU (0: skip)",
    )
    return parser.parse_args()


def setup_django(scale):
    os.environ["BENCH_SCALE"] = scale
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def ensure_search_index(rebuild):
    """The search page answers 503 without an index: build it once for the archive."""
    from django.conf import settings

    from bench.build import marker_path
    from paragraf.search import index

    path = index.index_path()
    marker = marker_path(settings.BENCH_SCALE)
    if not rebuild and path.is_dir() and path.stat().st_mtime >= marker.stat().st_mtime:
        print(f"Reusing the search index in {path}.")
        return
    print("Building the search index …")
    print(f"Indexed {index.rebuild()} documents.")


def url_mix():
    """{kind: [paths]}: what the load rotates through, the same every run."""
    from urllib.parse import urlencode

    from django.urls import reverse

    from bench.servertime import sample_meeting_urls
    from paragraf.meetings.models import Meeting

    meetings = Meeting.objects.published().order_by("pk")
    api_meetings = random.Random(4).sample(list(meetings.values_list("pk", flat=True)), 4)
    return {
        "start": [reverse("portal:home")],
        "meeting": sample_meeting_urls(20, seed=3),
        "search": [reverse("search:search") + "?" + urlencode({"q": q}) for q in SEARCHES],
        "api": [reverse("oparl:meeting", kwargs={"pk": pk}) for pk in api_meetings],
    }


def lua_paths(mix):
    """Interleave the kinds so every stretch of requests holds each kind."""
    rows, longest = [], max(len(paths) for paths in mix.values())
    for n in range(longest):
        for kind, paths in mix.items():
            rows.append((kind, paths[n % len(paths)]))
    return rows


def run_wrk(base, rows, seconds, connections):
    from bench import throughput

    table = ",\n".join(f"  {{{json.dumps(kind)}, {json.dumps(path)}}}" for kind, path in rows)
    script = f"paths = {{\n{table}\n}}\n" + LUA.read_text()
    with tempfile.NamedTemporaryFile("w", suffix=".lua") as handle:
        handle.write(script)
        handle.flush()
        command = [
            throughput.wrk_path(),
            "--threads=2",
            f"--connections={connections}",
            f"--duration={seconds}s",
            "--timeout=10s",
            "--latency",
            f"--script={handle.name}",
            base,
        ]
        result = subprocess.run(  # noqa: S603 - wrk against our own loopback server
            command, capture_output=True, text=True, timeout=seconds + 60, check=True
        )
    line = [ln for ln in result.stdout.splitlines() if ln.startswith("{")][-1]
    return json.loads(line)


def settle(base, seconds=180):
    """Wait until the server has worked off what an earlier run left queued (sync
    workers finish requests whose client has gone): the trivial view answers fast."""
    import time

    from bench import throughput

    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        started = time.monotonic()
        try:
            throughput.fetch_status(base + "/bench/trivial/", timeout=seconds)
        except OSError:
            continue
        if time.monotonic() - started < 0.05:
            return


def kind_alone(base, paths, args, server_pid):
    """One kind of URL alone: its own latency, and the server's CPU per request,
    which hardly depends on what else the machine runs (a shared machine's noise)."""
    from bench import throughput

    settle(base)
    try:
        run = throughput.run_wrk(base, paths, args.seconds_per_kind, args.connections, server_pid)
    except ZeroDivisionError:  # not one answer within the run
        return {"requests_per_second": 0, "note": "no request answered within the run"}
    cores = min(args.workers * args.threads, os.cpu_count())
    cpu_ms = run["server_cpu_ms_per_request"]
    return {
        "requests_per_second": run["rps"],
        "p50_ms": round(run["p50_us"] / 1000, 1),
        "p99_ms": round(run["p99_us"] / 1000, 1),
        "errors_4xx_5xx_or_socket": sum(run["errors"].values()),
        "server_cpu_ms_per_request": cpu_ms,
        # What the server's cores could serve were the machine otherwise idle.
        "cpu_bound_ceiling_rps": round(cores * 1000 / cpu_ms, 1) if cpu_ms else None,
    }


def report(args, figures, mix):
    seconds = figures["duration_us"] / 1e6
    socket = figures["socket_errors"]
    errors = figures["non_2xx"] + sum(socket.values())
    p99 = figures["latency_ms"]["p99"]
    return {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpu_count": os.cpu_count(),
            "load_average_after": [round(x, 2) for x in os.getloadavg()],
        },
        "scale": args.scale,
        "server": f"gunicorn, {args.workers} workers × {args.threads} threads "
        f"({'gthread' if args.threads > 1 else 'sync'}), DEBUG off, WhiteNoise",
        "client": f"wrk, 2 threads, {args.connections} connections, {args.seconds} s, "
        "one mixed run (bench/loadtest.lua)",
        "requests": figures["requests"],
        "requests_per_second": round(figures["requests"] / seconds, 1),
        "latency_ms": figures["latency_ms"],
        "errors": errors,
        "non_2xx": figures["non_2xx"],
        "socket_errors": socket,
        "statuses": figures["statuses"],
        "sent_by_kind": figures["sent_by_kind"],
        "urls": mix,
        "target": f"errors == 0 and p99 < {TARGET_P99_MS} ms",
        "met": errors == 0 and p99 < TARGET_P99_MS,
    }


def main():
    args = parse_args()
    setup_django(args.scale)
    from django.conf import settings
    from django.core.management import call_command

    from bench import throughput
    from bench.build import ensure_archive

    if not throughput.wrk_path():
        sys.exit(throughput.WRK_MISSING)
    ensure_archive(args.scale)
    ensure_search_index(args.rebuild_index)
    call_command("collectstatic", interactive=False, verbosity=0)
    kinds = [kind.strip() for kind in args.kinds.split(",") if kind.strip()]
    mix = {kind: paths for kind, paths in url_mix().items() if kind in kinds}
    load_before = os.getloadavg()
    paths = [path for paths in mix.values() for path in paths]
    print(f"Load: {args.connections} connections for {args.seconds} s over {len(paths)} URLs …")
    log_path = settings.BENCH_DIR / "gunicorn-loadtest.log"
    with throughput.gunicorn(args.workers, args.threads, log_path) as (base, pid):
        throughput.check_paths(base, paths)
        run_wrk(base, lua_paths(mix), 3, 10)  # warm-up: templates, caches, index readers
        settle(base)
        figures = run_wrk(base, lua_paths(mix), args.seconds, args.connections)
        per_kind = {}
        if args.seconds_per_kind:
            for kind, kind_paths in mix.items():
                print(f"  {kind} alone for {args.seconds_per_kind} s …")
                per_kind[kind] = kind_alone(base, kind_paths, args, pid)
    result = report(args, figures, mix)
    result["per_kind"] = per_kind
    result["machine"]["load_average_before"] = [round(x, 2) for x in load_before]
    RESULTS.mkdir(exist_ok=True)
    output = RESULTS / args.output
    output.write_text(json.dumps(result, indent=2, ensure_ascii=False))
    latency = result["latency_ms"]
    print(
        f"{result['requests_per_second']} requests/s, p50 {latency['p50']} ms, "
        f"p99 {latency['p99']} ms, max {latency['max']} ms, errors {result['errors']}"
    )
    print(f"  sent by kind: {result['sent_by_kind']}; statuses: {result['statuses']}")
    for kind, alone in per_kind.items():
        if "note" in alone:
            print(f"  {kind:<8} alone: {alone['note']}")
            continue
        print(
            f"  {kind:<8} alone: {alone['requests_per_second']} requests/s, "
            f"p50 {alone['p50_ms']} ms, p99 {alone['p99_ms']} ms, "
            f"server CPU {alone['server_cpu_ms_per_request']} ms a request"
        )
    verdict = "met" if result["met"] else "NOT met"
    print(f"Target ({result['target']}): {verdict}. Written to {output}")
    sys.exit(0 if result["met"] else 1)


if __name__ == "__main__":
    main()
