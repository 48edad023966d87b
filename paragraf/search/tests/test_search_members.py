"""Members of a committee also find its non-public items, marked as such; no one else does."""

import pytest
import tantivy
from django.contrib.auth.models import User

from paragraf import factories
from paragraf.accounts.models import CommitteeRole
from paragraf.meetings.services.agenda.items import set_item_public
from paragraf.search import index
from paragraf.search.index import Kind
from paragraf.search.query import PAGE_SIZE, search
from paragraf.search.tests.conftest import DAY, add_item, other_meeting

pytestmark = pytest.mark.django_db

# Unique words in every non-public text of the meeting below.
MARKERS = ["slånbärsnyckel", "krusbärsbeslut", "hallonbilaga", "vinbärsutredning"]


@pytest.fixture
def secret_meeting(committee):
    meeting = factories.verified_meeting(committee)
    secret = meeting.items.get(title="HEMLIG-TITEL")
    secret.summary = "Uppgifter om SLÅNBÄRSNYCKEL."
    secret.save()
    paragraph = secret.paragraph
    paragraph.decision = "Nämnden fattar KRUSBÄRSBESLUT."
    paragraph.save()
    secret.documents.update(text="Bilagan HALLONBILAGA.")
    public_item = meeting.items.get(title__startswith="Verksamhetsbidrag")
    factories.attach(
        public_item,
        factories.document(title="Utredning", text="VINBÄRSUTREDNING", is_public=False),
        position=1,
    )
    index.rebuild()
    return meeting


def login(client, committee=None, **fields):
    user = User.objects.create_user(f"user{User.objects.count()}", **fields)
    if committee is not None:
        CommitteeRole.objects.create(user=user, committee=committee, role="ledamot")
    client.force_login(user)
    return user


def page(client, text):
    response = client.get("/sok/", {"q": text})
    assert response.status_code == 200
    return response.content.decode(), response.context["results"].hits


def test_anonymous_visitors_find_no_non_public_text(client, secret_meeting):
    for marker in MARKERS:
        assert page(client, marker)[1] == [], marker


def test_members_of_another_committee_find_no_non_public_text(client, secret_meeting):
    other = factories.committee(secret_meeting.committee.body, name="Annan", slug="annan")
    login(client, other)
    for marker in MARKERS:
        assert page(client, marker)[1] == [], marker


def test_members_find_their_committees_non_public_hits_marked(client, secret_meeting):
    login(client, secret_meeting.committee)
    found = {}
    for marker in MARKERS:
        html, hits = page(client, marker)
        (hit,) = hits
        assert not hit.is_public
        assert "Ej offentlig" in html
        found[marker] = hit
    base = f"/namnder/{secret_meeting.committee.slug}/{secret_meeting.slug}"
    assert (found["slånbärsnyckel"].kind, found["slånbärsnyckel"].url) == (
        Kind.ITEM,
        f"{base}/punkt-2/",
    )
    assert (found["krusbärsbeslut"].kind, found["krusbärsbeslut"].url) == (
        Kind.DECISION,
        f"{base}/paragraf-2/",
    )
    assert found["hallonbilaga"].kind == found["vinbärsutredning"].kind == Kind.ATTACHMENT
    assert found["hallonbilaga"].url.startswith("/kansli/")
    # and the public hits as before, not marked
    html, hits = page(client, "hopajola")
    assert hits and all(hit.is_public for hit in hits)
    assert "Ej offentlig" not in html


def test_the_member_can_open_the_non_public_hit(client, secret_meeting):
    login(client, secret_meeting.committee)
    (hit,) = page(client, "slånbärsnyckel")[1]
    assert "SLÅNBÄRSNYCKEL" in client.get(hit.url).content.decode()


def test_a_superuser_finds_every_committees_non_public_hits(client, secret_meeting):
    login(client, is_superuser=True)
    assert len(page(client, "slånbärsnyckel")[1]) == 1


def test_the_public_index_holds_no_non_public_text(secret_meeting):
    public, members = index.open_index(index.PUBLIC), index.open_index(index.MEMBERS)
    stored = stored_texts(public)
    assert "Hopajola" in stored  # the index is read, and holds the public texts
    for marker in MARKERS:
        assert marker.upper() not in stored.upper()
        assert term_count(public, marker) == 0
        assert term_count(members, marker) == 1


def stored_texts(opened):
    searcher = opened.searcher()
    found = searcher.search(tantivy.Query.all_query(), limit=max(searcher.num_docs, 1))
    return "\n".join(str(searcher.doc(address).to_dict()) for _score, address in found.hits)


def term_count(opened, word):
    (term,) = index.ANALYZE.analyze(word)
    fields = [tantivy.Query.term_query(index.SCHEMA, name, term) for name in ("title", "text")]
    query = tantivy.Query.boolean_query([(tantivy.Occur.Should, field) for field in fields])
    return opened.searcher().search(query).count


def test_other_committees_better_hits_do_not_crowd_out_the_members(client, committee):
    """The committee is chosen inside the engine, not among the best hits of all."""
    mine = factories.meeting(committee)
    add_item(mine, "Bidrag", summary="Ett bidrag.", is_public=False)
    crowd = other_meeting(DAY(2023, 1, 1))
    for number in range(3 * PAGE_SIZE):
        add_item(crowd, f"Bidrag bidrag {number}", summary="Bidrag, bidrag.", is_public=False)
    index.rebuild()
    login(client, committee)
    (hit,) = page(client, "bidrag")[1]
    assert hit.committee_name == committee.name


def test_members_page_through_public_and_non_public_hits(client, published):
    for number in range(PAGE_SIZE + 3):
        add_item(published, f"Bidrag {number}")
    add_item(published, "Bidrag i sluten session", is_public=False)
    index.rebuild()
    login(client, published.committee)
    results = search("bidrag", committees={published.committee.slug})
    assert results.total == PAGE_SIZE + 4
    second = search("bidrag", page=2, committees={published.committee.slug}).hits
    everything = results.hits + second
    assert len(second) == 4
    assert len({hit.url for hit in everything}) == PAGE_SIZE + 4
    assert [hit.is_public for hit in everything].count(False) == 1
    assert search("bidrag").total == PAGE_SIZE + 3


def test_an_item_made_non_public_moves_to_the_members_index(client, published, committed):
    item = add_item(published, "Markköp vid TRANBÄRSMOSSEN")
    index.rebuild()
    with committed():
        set_item_public(item, False)
    assert page(client, "tranbärsmossen")[1] == []
    login(client, published.committee)
    (hit,) = page(client, "tranbärsmossen")[1]
    assert not hit.is_public
