"""The public minutes show how an item was handled, as KL 5:65–67 asks of minutes:
conflicts of interest, motions, open votes with each member's vote, reservations, notes."""

import pytest

from paragraf import factories
from paragraf.meetings.models import Ballot, Conflict, Motion, RecordedNote, Reservation, Vote

PAGES = ["", "paragraf-1/"]


@pytest.fixture
def handled(verified_meeting):
    item = verified_meeting.items.get(position=1)
    anna = factories.person(given_name="Anna", family_name="Ja-sägare")
    bo = factories.person(given_name="Bo", family_name="Nej-sägare")
    motion = Motion.objects.create(item=item, text="Avslag på förslaget", position=1)
    motion.movers.add(bo)
    vote = Vote.objects.create(item=item, question="Bifall eller avslag?", result="ja")
    Ballot.objects.create(vote=vote, person=anna, choice="ja")
    Ballot.objects.create(vote=vote, person=bo, choice="nej")
    Reservation.objects.create(item=item, person=bo, grounds="Pengarna behövs bättre annat.")
    RecordedNote.objects.create(item=item, person=anna, text="Glädjande beslut.")
    Conflict.objects.create(
        item=item, person=factories.person(given_name="Cia", family_name="Jävig")
    )
    return verified_meeting


@pytest.mark.parametrize("page", PAGES)
def test_the_minutes_show_the_handling(client, handled, meeting_url, page):
    html = client.get(meeting_url + page).content.decode()
    assert "Cia Jävig anmälde jäv och deltog inte i handläggningen." in html
    assert "Bo Nej-sägare: Avslag på förslaget" in html
    assert "Anna Ja-sägare</th><td>Ja</td>" in html
    assert "Bo Nej-sägare</th><td>Nej</td>" in html
    assert "Bo Nej-sägare reserverar sig" in html
    assert "Anna Ja-sägare: Glädjande beslut." in html
    # Reservations come after the decision, as in Swedish minutes.
    assert html.index("Beslut</h") < html.index("reserverar sig")


def test_nothing_of_a_non_public_items_handling_is_shown(client, verified_meeting, meeting_url):
    secret = verified_meeting.items.get(position=2)
    person = factories.person(given_name="Hemlig", family_name="Reservant")
    Reservation.objects.create(item=secret, person=person, grounds="HEMLIG-MOTIVERING")
    html = client.get(meeting_url).content.decode()
    assert "HEMLIG-MOTIVERING" not in html and "Hemlig Reservant" not in html


def test_the_handling_is_not_shown_before_justering(client, handled, meeting_url):
    handled.state = handled.State.HELD
    handled.save()
    assert "reserverar sig" not in client.get(meeting_url).content.decode()
