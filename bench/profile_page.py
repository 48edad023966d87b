"""Profile requests to one page in-process: where does a request's time go?

    .venv/bin/python bench/profile_page.py meeting --cold       # uncached meeting page
    .venv/bin/python bench/profile_page.py meeting              # cached meeting page
    .venv/bin/python bench/profile_page.py /namnder/namnd-1/    # any path

Uses the archive `bench/run.py` built (--scale as there) and prints the
functions with the most cumulative time over --requests requests.
"""

import argparse
import cProfile
import pstats
import sys

from run import setup_django


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("page", help="'trivial', 'meeting' or a path")
    parser.add_argument("--cold", action="store_true", help="clear the cache before each request")
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--scale", choices=["full", "small"], default="full")
    parser.add_argument("--sort", default="cumulative")
    parser.add_argument("--limit", type=int, default=40)
    args = parser.parse_args()
    setup_django(args.scale)
    from django.core.cache import cache

    from bench.servertime import Timer, sample_meeting_urls

    if args.page == "meeting":
        urls = sample_meeting_urls(args.requests, seed=3)
    else:
        urls = ["/bench/trivial/" if args.page == "trivial" else args.page]
    timer = Timer()
    for url in urls:  # warm up: imports, templates and, unless --cold, the page cache
        timer.get(url)
    profiler = cProfile.Profile()
    for n in range(args.requests):
        if args.cold:
            cache.clear()
        profiler.runcall(timer.get, urls[n % len(urls)])
    if timer.errors:
        sys.exit(f"Pages did not answer 200: {timer.errors[:5]}")
    pstats.Stats(profiler).strip_dirs().sort_stats(args.sort).print_stats(args.limit)


if __name__ == "__main__":
    main()
