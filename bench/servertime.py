"""Server time per page, measured in-process with Django's test client.

This is the time Django spends on a request (middleware, view, queries,
templates), without the network or a WSGI server around it.
"""

import random
import statistics
from itertools import cycle, islice
from time import perf_counter

from django.core.cache import cache
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from paragraf.meetings.models import Meeting
from paragraf.organisation.models import Committee


def summary(times_ms):
    ordered = sorted(times_ms)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {
        "median": round(statistics.median(ordered), 2),
        "p95": round(p95, 2),
        "n": len(ordered),
    }


def meeting_url(meeting):
    return reverse(
        "portal:meeting", kwargs={"committee": meeting.committee.slug, "meeting": meeting.slug}
    )


def sample_meeting_urls(count, seed=1):
    """Published meetings spread over the whole archive, the same ones every run."""
    meetings = list(Meeting.objects.published().select_related("committee").order_by("pk"))
    picked = random.Random(seed).sample(meetings, min(count, len(meetings)))
    return [meeting_url(m) for m in picked]


def committee_urls():
    return [
        reverse("portal:committee", kwargs={"committee": slug})
        for slug in Committee.objects.public().order_by("pk").values_list("slug", flat=True)
    ]


class Timer:
    def __init__(self):
        # SERVER_NAME: the bench settings allow loopback names only, not "testserver".
        self.client = Client(SERVER_NAME="127.0.0.1")
        self.errors = []

    def get(self, url):
        started = perf_counter()
        response = self.client.get(url)
        elapsed = (perf_counter() - started) * 1000
        if response.status_code != 200:
            self.errors.append({"url": url, "status": response.status_code})
        return elapsed

    def queries(self, url):
        with CaptureQueriesContext(connection) as captured:
            self.get(url)
        return len(captured)


def measure(samples, seed=1):
    """Median and p95 per page; the meeting page both before and after its cache fills.

    The trivial view is timed too: the framework's own cost per request, for scale.
    """
    timer = Timer()
    home = reverse("portal:home")
    committees = committee_urls()
    meetings = sample_meeting_urls(samples + 1, seed)
    probe, meetings = meetings[0], meetings[1:]

    # Warm up the process (imports, template loading) on pages outside the sample.
    for url in [home, committees[0], probe, probe]:
        timer.get(url)
    cache.clear()
    queries = {
        "start": timer.queries(home),
        "committee": timer.queries(committees[0]),
        "meeting_cold": timer.queries(probe),
        "meeting_warm": timer.queries(probe),
    }
    cache.clear()

    times = {
        "trivial": [timer.get("/bench/trivial/") for _ in range(samples)],
        "start": [timer.get(home) for _ in range(samples)],
        "committee": [timer.get(url) for url in islice(cycle(committees), samples)],
        "meeting_cold": [timer.get(url) for url in meetings],
        "meeting_warm": [timer.get(url) for url in islice(cycle(meetings), samples)],
    }
    return {
        "server_time_ms": {page: summary(values) for page, values in times.items()},
        "queries": queries,
        "errors": timer.errors,
    }
