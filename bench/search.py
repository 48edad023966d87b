"""Search benchmark: Paragraf's search against raw Tantivy and naive SQL LIKE.

1. Builds (or reuses) a synthetic archive of public, verified agenda items and
   paragraphs with varied Swedish text (bench/search_build.py, search_words.py).
2. Times `manage.py rebuild_search_index` on it.
3. Runs 200 queries (bench/search_queries.py) through
   - the service: paragraf.search.query.search() (query translation, top 20,
     stored fields, snippets), as the search page calls it;
   - raw Tantivy, the ceiling: the same query in Tantivy's syntax, parsed by
     Tantivy and searched on one open searcher (top 20 and the count, no
     stored fields, no snippets);
   - naive SQL: icontains (LIKE '%…%') over the same rows' text columns,
     first 20 items then paragraphs, unordered, no count, no stemming; on a
     subset of the queries, since every rare word scans whole tables.
   Service and raw alternate query by query, in several rounds (a fresh
   shuffle each), so a noisy machine slows both alike; p50/p95/max are taken
   per round and the median over rounds reported. Each query's CPU time is
   recorded beside its wall time: on a shared machine a query that outlasts
   its time slice waits for the others, so wall times swing with the load
   average while CPU times hardly move. The rebuild's CPU time counts
   Tantivy's indexing threads too; the URLconf is loaded before it is timed
   (a one-off import cost of any fresh process, reported apart).

Writes bench/results/search-<engine>.json (engine: sqlite or postgresql) and
prints a summary. Nothing is asserted; targets are reported as met or not.

    .venv/bin/python bench/search.py                   # full: 1,000,000 documents, SQLite
    .venv/bin/python bench/search.py --scale small     # a quick trial
    .venv/bin/python bench/search.py --database postgres://postgres@127.0.0.1:5432/paragraf_searchbench
    .venv/bin/python bench/search.py --profile-rebuild # where the rebuild spends its time
    .venv/bin/python bench/search.py --build-only      # only build the archive (then reused)
"""

import argparse
import cProfile
import io
import json
import os
import platform
import pstats
import random
import resource
import statistics
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
TARGETS_MS = {"p50": 10.0, "p95": 30.0}
REBUILD_TARGET_S = 120.0
TOP = 20


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=["full", "medium", "small"], default="full")
    parser.add_argument(
        "--database",
        default=os.environ.get("BENCH_SEARCH_DATABASE_URL", ""),
        help="database URL (default: a SQLite file per scale under var/bench/); a database "
        "is emptied whenever its archive is built, so give each scale its own",
    )
    parser.add_argument("--rebuild-archive", action="store_true", help="build the archive anew")
    parser.add_argument("--rounds", type=int, default=5, help="rounds over the 200 queries")
    parser.add_argument("--like-queries", type=int, default=40, help="queries for SQL LIKE")
    parser.add_argument("--like-rounds", type=int, default=1)
    parser.add_argument("--build-only", action="store_true", help="build the archive, stop")
    parser.add_argument("--rebuild-only", action="store_true", help="time the rebuild, stop")
    parser.add_argument("--skip-rebuild", action="store_true", help="reuse the existing index")
    parser.add_argument(
        "--profile-rebuild", action="store_true", help="rebuild under cProfile, top functions"
    )
    return parser.parse_args()


def setup_django(args):
    os.environ["BENCH_SEARCH_SCALE"] = args.scale
    if args.database:
        if args.database.startswith("postgres"):
            from postgres import ensure_database

            ensure_database(args.database)
        os.environ["BENCH_SEARCH_DATABASE_URL"] = args.database
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.search_settings"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def percentile(ordered, fraction):
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def stats(times_ms):
    ordered = sorted(times_ms)
    return {
        "p50": round(statistics.median(ordered), 3),
        "p95": round(percentile(ordered, 0.95), 3),
        "max": round(ordered[-1], 3),
        "n": len(ordered),
    }


def over_rounds(rounds):
    """Median over rounds of each round's p50, p95 and max; rounds: [[ms, …], …]."""
    per_round = [stats(times) for times in rounds]
    return {
        **{k: round(statistics.median(r[k] for r in per_round), 3) for k in ("p50", "p95", "max")},
        "queries_per_round": per_round[0]["n"],
        "rounds": len(per_round),
        "per_round": per_round,
    }


def folder_size(path):
    return sum(f.stat().st_size for f in Path(path).rglob("*") if f.is_file())


def time_rebuild(profile=False):
    from django.core.management import call_command
    from django.urls import get_resolver

    from paragraf.search import index

    # Loading the URLconf (reverse() needs it) imports every app's views, which is a
    # one-off cost of any fresh process, not of indexing: timed apart.
    started = time.perf_counter()
    get_resolver().url_patterns  # noqa: B018 - loads the URLconf
    urlconf_seconds = time.perf_counter() - started
    out = io.StringIO()
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    cpu_before = time.process_time()
    profiler = cProfile.Profile() if profile else None
    started = time.perf_counter()
    if profiler:
        profiler.enable()
    call_command("rebuild_search_index", stdout=out)
    if profiler:
        profiler.disable()
    seconds = time.perf_counter() - started
    result = {
        "urlconf_import_seconds_before": round(urlconf_seconds, 1),
        "seconds": round(seconds, 1),
        "process_cpu_seconds": round(time.process_time() - cpu_before, 1),
        "target_seconds": REBUILD_TARGET_S,
        "met": seconds < REBUILD_TARGET_S,
        "output": out.getvalue().strip(),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "peak_rss_mb_before": round(rss_before / 1024),
        "index_mb": round(folder_size(index.index_path().resolve()) / 1e6, 1),
        "profiled": profile,
    }
    if profiler:
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("cumulative").print_stats(30)
        result["profile_cumulative"] = text.getvalue().splitlines()[:70]
        text = io.StringIO()
        pstats.Stats(profiler, stream=text).sort_stats("tottime").print_stats(25)
        result["profile_tottime"] = text.getvalue().splitlines()[:60]
    return result


class Raw:
    """The ceiling: Tantivy parses and searches, nothing else."""

    def __init__(self):
        from paragraf.search import index

        self.index = index.open_index()
        self.searcher = self.index.searcher()

    def __call__(self, query):
        parsed = self.index.parse_query(
            query.tantivy,
            ["title", "text"],
            field_boosts={"title": 2.0},
            conjunction_by_default=True,
        )
        found = self.searcher.search(parsed, TOP)
        return found.count, len(found.hits)


def service(query):
    from paragraf.search.query import search

    results = search(query.text)
    return results.total, len(results.hits)


def like(query):
    """First 20 items, then paragraphs, whose text columns contain every word."""
    from paragraf.meetings.models import AgendaItem, Paragraph

    item_fields = ("title", "summary", "proposed_decision")
    items = list(
        AgendaItem.objects.public().filter(query.like(item_fields)).values_list("pk", "title")[:TOP]
    )
    rest = TOP - len(items)
    paragraphs = []
    if rest:
        paragraphs = list(
            Paragraph.objects.filter(query.like(("summary", "decision"))).values_list(
                "pk", "number"
            )[:rest]
        )
    return None, len(items) + len(paragraphs)


def timed(method, query):
    """(wall ms, CPU ms of this process, outcome): CPU time hardly depends on other load."""
    cpu, started = time.process_time(), time.perf_counter()
    outcome = method(query)
    wall = (time.perf_counter() - started) * 1000
    return wall, (time.process_time() - cpu) * 1000, outcome


def run_queries(queries, rounds):
    raw = Raw()
    methods = {"service": service, "raw": raw}
    for query in queries:  # warm-up: caches, the OS page cache, imports
        service(query)
        raw(query)
    times = {name: [[] for _ in range(rounds)] for name in methods}
    cpu_times = {name: [[] for _ in range(rounds)] for name in methods}
    loads = []
    by_kind = {name: {} for name in methods}
    by_kind_cpu = {name: {} for name in methods}
    counts = {}
    rng = random.Random(11)
    for r in range(rounds):
        order = list(queries)
        rng.shuffle(order)
        names = list(methods) if r % 2 == 0 else list(reversed(methods))
        for query in order:
            for name in names:
                ms, cpu_ms, outcome = timed(methods[name], query)
                times[name][r].append(ms)
                cpu_times[name][r].append(cpu_ms)
                by_kind[name].setdefault(query.kind, []).append(ms)
                by_kind_cpu[name].setdefault(query.kind, []).append(cpu_ms)
                counts.setdefault(query.text, {})[name] = outcome
        loads.append(round(os.getloadavg()[0], 2))
    report = {name: over_rounds(times[name]) for name in methods}
    report["cpu_ms"] = {name: over_rounds(cpu_times[name]) for name in methods}
    report["load_average_per_round"] = loads
    report["by_kind_p50_ms"] = {
        kind: {name: round(statistics.median(by_kind[name][kind]), 3) for name in methods}
        for kind in by_kind["service"]
    }
    report["by_kind_cpu_p50_ms"] = {
        kind: {name: round(statistics.median(by_kind_cpu[name][kind]), 3) for name in methods}
        for kind in by_kind_cpu["service"]
    }
    differing = [
        {"query": text, "service_total": c["service"][0], "raw_total": c["raw"][0]}
        for text, c in counts.items()
        if c["service"][0] != c["raw"][0]
    ]
    report["totals_differ"] = {"count": len(differing), "examples": differing[:10]}
    report["hits"] = {
        "queries_with_no_hits": sum(1 for c in counts.values() if c["service"][0] == 0),
        "median_total": statistics.median(c["service"][0] for c in counts.values()),
    }
    return report


def run_like(queries, count, rounds):
    step = max(1, len(queries) // count) if count else 0
    subset = queries[::step][:count] if count else []
    times = [[] for _ in range(rounds)]
    for r in range(rounds):
        for query in subset:
            ms, _cpu_ms, _outcome = timed(like, query)
            times[r].append(ms)
    if not subset:
        return {"skipped": True}
    result = over_rounds(times)
    result["subset"] = f"every {step}th of the {len(queries)} queries ({len(subset)} queries)"
    result["how"] = (
        "icontains (LIKE '%…%') over items' title, summary, proposed decision, then "
        "paragraphs' summary and decision; first 20, unordered, no count, no stemming"
    )
    return result


def breakdown(queries):
    """Where one service query spends its CPU time, stage by stage (one pass)."""
    try:
        import tantivy

        from paragraf.search import index
        from paragraf.search import query as q

        stages = {k: [] for k in ("translate", "open", "search", "stored", "snippets")}
        for query in queries:
            t0 = time.process_time()
            built, words, _message = q.build(query.text, q.Filters())
            t1 = time.process_time()
            searcher = index.open_index().searcher()
            t2 = time.process_time()
            found = searcher.search(built, limit=q.PAGE_SIZE)
            t3 = time.process_time()
            documents = [searcher.doc(address) for _score, address in found.hits]
            t4 = time.process_time()
            generator = tantivy.SnippetGenerator.create(searcher, words, index.SCHEMA, "text")
            generator.set_max_num_chars(q.SNIPPET_CHARS)
            for document in documents:
                q.snippet_html(generator, document)
            t5 = time.process_time()
            for name, (a, b) in zip(
                stages, [(t0, t1), (t1, t2), (t2, t3), (t3, t4), (t4, t5)], strict=True
            ):
                stages[name].append((b - a) * 1000)
        return {name: stats(values) for name, values in stages.items()}
    except Exception as error:  # the service's internals may have moved on
        return {"unavailable": repr(error)}


def main():
    args = parse_args()
    setup_django(args)
    from django.conf import settings
    from django.db import connection

    from bench.search_build import ensure_archive
    from bench.search_queries import queries as make_queries

    report = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": {
            "cpu_count": os.cpu_count(),
            "load_average_before": [round(x, 2) for x in os.getloadavg()],
            "python": platform.python_version(),
            "platform": platform.platform(),
        },
        "engine": settings.BENCH_ENGINE,
        "database_vendor": connection.vendor,
        "scale": args.scale,
    }
    report["archive"] = ensure_archive(args.scale, rebuild=args.rebuild_archive)
    if args.build_only:
        return
    if not args.skip_rebuild:
        print("Rebuilding the search index …")
        report["rebuild"] = time_rebuild(profile=args.profile_rebuild)
        print(f"  {report['rebuild']['output']} ({report['rebuild']['seconds']} s)")
    if args.rebuild_only:
        write(report, settings.BENCH_ENGINE, f"{args.scale}-rebuild")
        return
    queries = make_queries()
    print(f"Timing {len(queries)} queries × {args.rounds} rounds (service and raw Tantivy) …")
    report["queries"] = run_queries(queries, args.rounds)
    report["queries"]["service_breakdown_cpu_ms"] = breakdown(queries)
    ratio = {k: report["queries"]["service"][k] / report["queries"]["raw"][k] for k in TARGETS_MS}
    report["queries"]["ratio_service_raw"] = {k: round(v, 2) for k, v in ratio.items()}
    cpu = report["queries"]["cpu_ms"]
    report["queries"]["ratio_service_raw_cpu"] = {
        k: round(cpu["service"][k] / cpu["raw"][k], 2) for k in TARGETS_MS
    }
    report["queries"]["targets_ms"] = TARGETS_MS
    report["queries"]["met"] = all(
        report["queries"]["service"][k] < limit for k, limit in TARGETS_MS.items()
    )
    print(f"Timing SQL LIKE on {args.like_queries} queries …")
    report["like"] = run_like(queries, args.like_queries, args.like_rounds)
    report["query_examples"] = [
        {"kind": query.kind, "service": query.text, "tantivy": query.tantivy}
        for query in queries[::10]
    ]
    report["machine"]["load_average_after"] = [round(x, 2) for x in os.getloadavg()]
    path = write(report, settings.BENCH_ENGINE, "" if args.scale == "full" else args.scale)
    print_summary(report, path)


def write(report, engine, suffix):
    RESULTS.mkdir(exist_ok=True)
    path = RESULTS / (f"search-{engine}-{suffix}.json" if suffix else f"search-{engine}.json")
    path.write_text(json.dumps(report, indent=2, ensure_ascii=False))
    print(f"Written to {path}")
    return path


def print_summary(report, path):
    counts = report["archive"]["counts"]
    print(
        f"\nArchive ({report['scale']}, {report['engine']}): "
        f"{counts['agenda_items']:,} items + {counts['paragraphs']:,} paragraphs"
    )
    if "rebuild" in report:
        r = report["rebuild"]
        verdict = "met" if r["met"] else "NOT met"
        print(
            f"  rebuild_search_index: {r['seconds']} s (target < {r['target_seconds']:.0f} s: "
            f"{verdict}), peak RSS {r['peak_rss_mb']} MB, index {r['index_mb']} MB"
        )
    q = report["queries"]
    for name in ("service", "raw"):
        s = q[name]
        print(
            f"  {name:<8} p50 {s['p50']:7.2f} ms   p95 {s['p95']:7.2f} ms   max {s['max']:7.2f} ms"
        )
    like = report["like"]
    if not like.get("skipped"):
        print(
            f"  {'LIKE':<8} p50 {like['p50']:7.2f} ms   p95 {like['p95']:7.2f} ms   "
            f"max {like['max']:7.2f} ms   ({like['queries_per_round']} queries)"
        )
    for name in ("service", "raw"):
        s = q["cpu_ms"][name]
        print(
            f"  {name + ' CPU':<12} p50 {s['p50']:7.2f} ms   p95 {s['p95']:7.2f} ms"
            f"   max {s['max']:7.2f} ms"
        )
    ratio = q["ratio_service_raw"]
    verdict = "met" if q["met"] else "NOT met"
    print(f"  service/raw: p50 ×{ratio['p50']}, p95 ×{ratio['p95']} (wall)")
    ratio = q["ratio_service_raw_cpu"]
    print(f"  service/raw: p50 ×{ratio['p50']}, p95 ×{ratio['p95']} (CPU)")
    print(f"  load average per round: {q['load_average_per_round']}")
    print(f"  targets service p50 < 10 ms, p95 < 30 ms: {verdict}")
    print(f"  totals differing service vs raw: {q['totals_differ']['count']}")


if __name__ == "__main__":
    main()
