"""A case's number (diarienummer) or title finds its public items and paragraphs."""

import pytest

from paragraf import factories
from paragraf.search.index import Kind
from paragraf.search.query import SORT_DATE, search
from paragraf.search.tests.conftest import DAY, add_item, hit_urls

pytestmark = pytest.mark.django_db


def test_the_case_number_finds_its_items_and_paragraph(client, committee, indexed):
    case = factories.case(committee.body, reference="RUN 2022/1234", title="Ny kollektivtrafikplan")
    meeting = factories.meeting(committee)
    item = add_item(meeting, "Remissvar om trafiken", case=case)
    paragraph = factories.number_paragraphs(meeting)[0]
    later = factories.meeting(committee, day=DAY(2023, 3, 1), state="kallat")
    add_item(later, "Trafiken, igen", case=case)
    add_item(later, "Annat ärende 2022 1234")  # the same words, not the case number
    indexed()
    hits = search("RUN 2022/1234", sort=SORT_DATE).hits
    assert sorted((hit.day, hit.kind) for hit in hits) == [
        (DAY(2022, 12, 14), Kind.ITEM),
        (DAY(2022, 12, 14), Kind.DECISION),
        (DAY(2023, 3, 1), Kind.ITEM),
    ]
    assert hits[0].title == "Trafiken, igen"  # the newest first
    assert {hit.reference for hit in hits} == {"RUN 2022/1234"}
    assert paragraph.get_absolute_url() in hit_urls(client, "RUN 2022/1234")
    assert item.get_absolute_url() in hit_urls(client, "2022/1234")


def test_the_case_title_finds_its_items(client, committee, indexed):
    case = factories.case(committee.body, reference="RUN 2022/55", title="Ny kollektivtrafikplan")
    add_item(factories.meeting(committee), "Remissvar", case=case)
    indexed()
    (hit,) = search("kollektivtrafikplanen").hits
    assert hit.title == "Remissvar"
    page = client.get("/sok/", {"q": "kollektivtrafikplan"}).content.decode()
    assert "dnr RUN 2022/55" in page


def test_a_non_public_case_is_not_found_by_its_number_or_title(committee, indexed):
    case = factories.case(
        committee.body, reference="RUN 2022/999", title="Återkrav från ENSKILD", is_public=False
    )
    add_item(factories.meeting(committee), "Beslut om återkrav", case=case)
    indexed()
    assert search("RUN 2022/999").hits == []
    assert search("enskild").hits == []
    (hit,) = search("återkrav").hits
    assert hit.reference == ""
