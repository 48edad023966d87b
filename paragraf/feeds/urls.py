from django.urls import path

from paragraf.feeds import calendars, decisions, pages
from paragraf.feeds.news import AtomNewsFeed, NewsFeed
from paragraf.feeds.versions import conditional, for_committee

app_name = "feeds"

urlpatterns = [
    path("", pages.open_data, name="page"),
    path("kalender.ics", calendars.all_meetings, name="calendar"),
    path("flode.rss", conditional(for_committee)(NewsFeed()), name="rss"),
    path("flode.atom", conditional(for_committee)(AtomNewsFeed()), name="atom"),
    path(
        "namnder/<slug:committee>/kalender.ics",
        calendars.committee_meetings,
        name="calendar_committee",
    ),
    path(
        "namnder/<slug:committee>/<slug:meeting>.ics",
        calendars.one_meeting,
        name="calendar_meeting",
    ),
    path(
        "namnder/<slug:committee>/flode.rss",
        conditional(for_committee)(NewsFeed()),
        name="rss_committee",
    ),
    path(
        "namnder/<slug:committee>/flode.atom",
        conditional(for_committee)(AtomNewsFeed()),
        name="atom_committee",
    ),
    path(
        "namnder/<slug:committee>/beslut-<int:year>.csv",
        decisions.decisions_csv,
        name="decisions_csv",
    ),
    path(
        "namnder/<slug:committee>/beslut-<int:year>.json",
        decisions.decisions_json,
        name="decisions_json",
    ),
]
