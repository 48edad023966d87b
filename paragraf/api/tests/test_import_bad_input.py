"""A source with broken links, failing downloads, missing or wrong fields,
huge values, cycles and malformed objects: each bad object is logged and
skipped, the rest is imported, nothing is half-written, nothing crashes."""

import hashlib

import pytest

from paragraf.api.management.commands.import_oparl import import_oparl
from paragraf.api.models import ImportedObject
from paragraf.api.tests.oparl_source import BASE, standard
from paragraf.cases.models import Case, Document
from paragraf.meetings.models import AgendaItem, Location, Meeting
from paragraf.organisation.models import Committee, Membership, Person

pytestmark = pytest.mark.django_db

TEN_MB = "x" * (10 * 1024 * 1024)


def run(source, **options):
    return import_oparl(BASE, fetcher=source.fetcher(), **options)


def about(done, url):
    return [p for p in done.problems if url in p]


@pytest.fixture
def source():
    return standard(meetings=2, items=2)


def test_a_broken_list_link_loses_that_list_only(source):
    source.status[f"{BASE}body/1/person"] = 404
    done = run(source)
    assert about(done, "body/1/person: HTTP 404")
    assert Person.objects.count() == 0
    assert Meeting.objects.count() == 2 and Case.objects.count() == 2


def test_a_reference_to_nowhere_skips_the_object_that_needs_it(source):
    membership = source.objects[f"{BASE}person/2"]["membership"][0]
    membership["organization"] = f"{BASE}organization/nowhere"
    done = run(source)
    assert about(done, "organization/nowhere: HTTP 404")
    assert about(done, f"{membership['id']}: its organization is unknown")
    assert Person.objects.count() == 2
    assert Membership.objects.count() == 1


def test_a_file_answering_500_is_skipped_and_fetched_again_next_time(source):
    url = f"{BASE}download/m1/utdrag.txt"
    source.status[url] = 500
    done = run(source)
    assert about(done, f"{url}: HTTP 500")
    item = AgendaItem.objects.get(meeting__start__day=17, position=1)
    assert item.documents.count() == 0  # the item is there, without its file
    assert Document.objects.count() == 3
    assert not done.clean

    del source.status[url]
    again = run(source)
    assert again.problems == []
    assert item.documents.get().file.read().startswith(b"Protokollsutdrag")
    assert again.since is None  # the last run had problems: everything was read


def test_missing_optional_fields_are_not_needed(source):
    meeting = source.objects[f"{BASE}meeting/1"]
    for key in ("name", "end", "location", "meetingState", "paragraf:verified", "created"):
        del meeting[key]
    item = meeting["agendaItem"][1]
    for key in ("name", "number", "order", "public", "result", "paragraf:state"):
        del item[key]
    person = source.objects[f"{BASE}person/2"]
    del person["givenName"], person["familyName"], person["membership"]
    paper = source.objects[f"{BASE}paper/2"]
    del paper["reference"], paper["name"]
    del paper["auxiliaryFile"][0]["fileName"], paper["auxiliaryFile"][0]["name"]
    done = run(source)
    assert done.problems == []
    imported = Meeting.objects.get(start__day=17)
    assert imported.location is None and imported.end is None
    assert imported.state == Meeting.State.HELD
    second = imported.items.get(position=2)
    assert (second.title, second.number, second.is_public) == ("", "", True)
    assert Person.objects.get(family_name="Ek2").given_name == "Kim"
    case = Case.objects.get(reference__startswith="OParl ")
    assert case.title == case.reference
    assert case.documents.get().filename == "utdrag.txt"


def test_wrong_types_are_left_out_or_skip_the_object(source):
    meeting = source.objects[f"{BASE}meeting/1"]
    meeting.update(end=12345, cancelled="yes", location=["Kommunhuset"])
    meeting["agendaItem"][0].update(order="first", public="no", number=7)
    source.objects[f"{BASE}person/1"]["membership"][0]["startDate"] = "snart"
    source.objects[f"{BASE}meeting/2"]["start"] = 42
    done = run(source)
    assert about(done, f"{BASE}meeting/2: start is not a time")
    assert Meeting.objects.count() == 1
    meeting = Meeting.objects.get()
    assert meeting.end is None and meeting.state == Meeting.State.NOTICE_POSTED
    first = meeting.items.get(title="Punkt 1")
    assert (first.position, first.is_public, first.number) == (1, True, "")
    assert Membership.objects.get(person__family_name="Ek1").start_date is None
    assert any("startDate is not a date" in note for note in done.notes)


def test_a_10_mb_name_skips_its_object_only(source):
    source.objects[f"{BASE}paper/2"]["name"] = TEN_MB
    source.objects[f"{BASE}meeting/1"]["agendaItem"][1]["name"] = TEN_MB
    done = run(source)
    assert about(done, f"{BASE}paper/2: name has 10485760 characters")
    assert about(done, f"{BASE}agendaitem/1-2: name has 10485760 characters")
    assert list(Case.objects.values_list("reference", flat=True)) == ["KS 2024/1"]
    meeting = Meeting.objects.get(start__day=17)
    assert list(meeting.items.values_list("title", flat=True)) == ["Punkt 1"]
    assert not ImportedObject.objects.filter(source=f"{BASE}paper/2").exists()
    # The meeting is kept for another try: its import was incomplete.
    assert ImportedObject.objects.get(source=f"{BASE}meeting/1").source_modified == ""


def test_pages_that_lead_back_and_references_in_a_circle_end(source):
    source.page_size = 1
    original = source.page

    def looping(url, query):
        page = original(url, query)
        if url.endswith("/organization"):
            page["links"]["next"] = url  # page 1 again
        return page

    source.page = looping
    # A membership listed on its own whose person (not in the people list)
    # embeds the same membership.
    person = source.new("Person", "99", name="Ola Cirkel")
    membership = source.new(
        "Membership",
        "99",
        person=person["id"],
        organization=f"{BASE}organization/1",
        role="ledamot",
    )
    person["membership"] = [membership]
    source.objects[person["id"]] = person
    source.objects[f"{BASE}body/1"]["membership"] = f"{BASE}body/1/membership"
    source.add(f"{BASE}body/1/membership", membership)

    done = run(source)
    assert about(done, "lead back to themselves")
    assert Committee.objects.count() == 1
    assert Membership.objects.filter(person__family_name="Cirkel").count() == 1
    assert Meeting.objects.count() == 2


def test_malformed_objects_and_pages_are_skipped(source):
    people = source.lists[f"{BASE}body/1/person"]
    source.objects["junk"] = 42
    source.objects["no-id"] = {"type": "https://schema.oparl.org/1.1/Person", "name": "X"}
    source.objects["wrong"] = source.new("Meeting", "x", start="2024-01-01T09:00:00+01:00")
    people[:0] = ["junk", "no-id", "wrong"]
    source.raw[f"{BASE}body/1/paper"] = b"{not json"
    done = run(source)
    assert about(done, "a Person that is not an object")
    assert about(done, "a Person without id")
    assert about(done, "expected a Person, found Meeting")
    assert about(done, f"{BASE}body/1/paper: not JSON")
    assert Person.objects.count() == 2 and Meeting.objects.count() == 2
    # The papers still arrive, reached through the items' consultations.
    assert Case.objects.count() == 2


def test_nothing_of_a_failed_object_stays(source):
    meeting = source.objects[f"{BASE}meeting/2"]
    meeting["location"] = source.new("Location", "2", description="Folkets hus")
    del meeting["start"]
    done = run(source)
    assert about(done, f"{BASE}meeting/2: start is missing")
    assert list(Location.objects.values_list("description", flat=True)) == ["Kommunhuset"]
    assert not ImportedObject.objects.filter(source__in=[meeting["id"], f"{BASE}location/2"])
    assert not AgendaItem.objects.filter(title="Punkt 1", meeting__start__day=24).exists()


def test_a_file_stored_for_an_item_that_fails_is_removed_again(source, settings):
    item = source.objects[f"{BASE}meeting/2"]["agendaItem"][0]
    item["paragraf:paragraphNumber"] = 1  # § 1 is meeting 1's first item
    done = run(source)
    assert about(done, f"{item['id']}: § 1 is taken")
    assert not AgendaItem.objects.filter(meeting__start__day=24, position=1).exists()
    assert Document.objects.count() == 3
    stored = sorted(p.name for p in (settings.MEDIA_ROOT / "documents").iterdir())
    assert stored == sorted(d.file.name.split("/")[-1] for d in Document.objects.all())


def test_a_file_stored_for_a_changed_item_that_fails_is_removed_again(source, settings):
    run(source)
    meeting = source.objects[f"{BASE}meeting/2"]
    item = meeting["agendaItem"][0]
    # The changed item brings a new file, stored before its § is found taken.
    item["auxiliaryFile"] = [source.file("ny", content=b"Ny bilaga\n", name="ny.txt")]
    item.update({"paragraf:paragraphNumber": 1, "modified": source.tick()})
    source.change(meeting["id"])
    done = run(source)
    assert f"{BASE}download/ny/ny.txt" in source.requests
    assert about(done, f"{item['id']}: § 1 is taken")
    assert not Document.objects.filter(filename="ny.txt").exists()
    stored = sorted(p.name for p in (settings.MEDIA_ROOT / "documents").iterdir())
    assert stored == sorted(d.file.name.split("/")[-1] for d in Document.objects.all())
    assert len(stored) == 4


def test_a_file_whose_content_is_not_what_it_says_is_refused(source):
    paper_file = source.objects[f"{BASE}paper/1"]["auxiliaryFile"][0]
    paper_file["fileName"] = "beslut.pdf"
    item_file = source.objects[f"{BASE}meeting/2"]["agendaItem"][0]["auxiliaryFile"][0]
    item_file["sha512Checksum"] = hashlib.sha512(b"something else").hexdigest()
    done = run(source)
    assert about(done, f"{paper_file['id']}: ")  # refused as an upload would be
    assert about(done, f"{item_file['id']}: the downloaded file does not match")
    assert Document.objects.count() == 2
