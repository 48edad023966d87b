"""Files are downloaded only from the source's host (and hosts allowed with
--allow-host), never from internal addresses: a refused file is a problem
of its own, and the rest is imported."""

import pytest
from django.core.management import CommandError, call_command

from paragraf.api.importer.fetching import FetchError
from paragraf.api.importer.guard import Guard
from paragraf.api.management.commands.import_oparl import import_oparl
from paragraf.api.tests.oparl_source import BASE, standard
from paragraf.cases.models import Document
from paragraf.meetings.models import AgendaItem, Meeting

pytestmark = pytest.mark.django_db

METADATA = "http://169.254.169.254/latest/meta-data/iam"


@pytest.fixture
def source():
    return standard(meetings=2, items=2)


def point_file_to(source, url):
    """The first meeting's item file now lives at `url` (which answers it)."""
    item = source.objects[f"{BASE}meeting/1"]["agendaItem"][0]
    old = item["auxiliaryFile"][0]["accessUrl"]
    item["auxiliaryFile"][0]["accessUrl"] = url
    source.files[url] = source.files[old]
    return item


def item_documents():
    return AgendaItem.objects.get(meeting__start__day=17, position=1).documents.count()


def test_a_file_on_another_host_is_refused_and_the_rest_imported(source):
    url = "https://intranet.example.net/secret/utdrag.txt"
    point_file_to(source, url)
    done = import_oparl(BASE, fetcher=source.fetcher())
    assert url not in source.requests
    assert [p for p in done.problems if url in p and "--allow-host" in p]
    assert not done.clean
    assert Meeting.objects.count() == 2
    assert item_documents() == 0
    assert Document.objects.count() == 3  # the two papers' files and the other meeting's


def test_an_allowed_host_is_downloaded_from(source):
    url = "https://filer.example.net/utdrag.txt"
    point_file_to(source, url)
    done = import_oparl(BASE, fetcher=source.fetcher(), allow_hosts=["FILER.example.net"])
    assert done.problems == []
    assert url in source.requests
    assert item_documents() == 1


def test_an_internal_address_is_refused_even_when_allowed(source):
    point_file_to(source, METADATA)
    done = import_oparl(BASE, fetcher=source.fetcher(), allow_hosts=["169.254.169.254"])
    assert METADATA not in source.requests
    assert [p for p in done.problems if METADATA in p and "internal address" in p]
    assert item_documents() == 0


def test_a_redirect_to_an_internal_address_is_not_followed(source):
    item = source.objects[f"{BASE}meeting/1"]["agendaItem"][0]
    url = item["auxiliaryFile"][0]["accessUrl"]
    source.redirects[url] = "http://127.0.0.1:6379/"
    done = import_oparl(BASE, fetcher=source.fetcher())
    assert url in source.requests
    assert not [r for r in source.requests if r.startswith("http://127.0.0.1")]
    assert [p for p in done.problems if "127.0.0.1" in p]
    assert item_documents() == 0


def test_a_redirect_on_the_source_host_is_followed(source):
    item = source.objects[f"{BASE}meeting/1"]["agendaItem"][0]
    url = item["auxiliaryFile"][0]["accessUrl"]
    moved = f"{BASE}download/elsewhere/utdrag.txt"
    source.files[moved] = source.files[url]
    source.redirects[url] = moved
    done = import_oparl(BASE, fetcher=source.fetcher())
    assert done.problems == []
    assert moved in source.requests
    assert item_documents() == 1


def test_internal_addresses_are_fine_when_the_source_is_internal():
    guard = Guard("http://127.0.0.1:8000/oparl/", resolve=False)
    guard.check("http://127.0.0.1:8000/files/1.pdf")
    with pytest.raises(FetchError, match="not the source's host"):
        guard.check("http://10.0.0.2/files/1.pdf")
    outside = Guard("https://ris.example.org/oparl/", ["[::1]", "10.1.2.3"], resolve=False)
    for url in ("http://[::1]/x", "http://10.1.2.3/x", "https://localhost/x", "file:///etc/x"):
        with pytest.raises(FetchError):
            outside.check(url)
    outside.check("https://RIS.example.org:8443/x")


def test_the_command_takes_host_names_only():
    with pytest.raises(CommandError, match="--allow-host"):
        call_command("import_oparl", BASE, "--allow-host", "https://filer.example.net/")


def test_a_host_name_that_points_inside_is_refused(monkeypatch):
    answers = {"ris.example.org": "93.184.215.14", "filer.example.org": "10.0.0.7"}

    def lookup(host, *args, **kwargs):
        return [(2, 1, 6, "", (answers[host], 0))]

    monkeypatch.setattr("socket.getaddrinfo", lookup)
    guard = Guard("https://ris.example.org/oparl/", ["filer.example.org"])
    guard.check("https://ris.example.org/files/1.pdf")
    with pytest.raises(FetchError, match="internal address"):
        guard.check("https://filer.example.org/files/1.pdf")
