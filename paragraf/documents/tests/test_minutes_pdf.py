"""The minutes (protokoll) PDF: the first page, the signatures, every §."""

import datetime
import io
from contextlib import contextmanager

import pypdf
import pytest
from django.contrib.auth.models import User
from django.db import transaction
from django.test import override_settings

from paragraf import factories
from paragraf.accounts.models import CommitteeRole
from paragraf.documents.models import Rendition
from paragraf.documents.render import render_minutes
from paragraf.meetings.models import (
    Attendance,
    Ballot,
    Location,
    Meeting,
    Motion,
    Paragraph,
    RecordedNote,
    Reservation,
    Vote,
)
from paragraf.noticeboard.models import Notice
from paragraf.organisation.models import Membership

pytestmark = pytest.mark.django_db

PUBLIC = Rendition.Audience.PUBLIC
MEMBERS = Rendition.Audience.MEMBERS
HEMLIG = ["HEMLIG-TITEL", "HEMLIG-TEXT", "HEMLIGT-BESLUT"]


def text_of(pdf):
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    return "\n".join(page.extract_text() for page in reader.pages)


def flat(text):
    """The text with line breaks and hyphenation folded, for phrases that may wrap."""
    return " ".join(text.replace("-\n", "").split())


def recorded_meeting():
    """The seed-like verified meeting with everything the minutes record: attendance
    with a substitute serving, a vote, a reservation, a note, signatories, a notice."""
    committee = factories.seed_committee()
    committee.body.minutes_kept_at = "Regionens diarium, Örebro"
    committee.body.save()
    secretary = User.objects.create(username="sara", first_name="Sara", last_name="Sekreterarsson")
    CommitteeRole.objects.create(
        user=secretary, committee=committee, role=CommitteeRole.Role.SECRETARY
    )
    meeting = factories.verified_meeting(committee)
    chair = factories.membership(committee, Membership.Role.CHAIR).person
    chair.given_name, chair.family_name = "Ordf", "Ordförandesson"
    chair.save()
    member = factories.membership(
        committee, person=factories.person(family_name="Ledamotsson"), party="S"
    )
    absent = factories.membership(committee, person=factories.person(family_name="Frånvarande"))
    substitute = factories.membership(
        committee, Membership.Role.SUBSTITUTE, person=factories.person(family_name="Ersättarsson")
    )
    listener = factories.membership(
        committee, Membership.Role.SUBSTITUTE, person=factories.person(family_name="Lyssnarsson")
    )
    Attendance.objects.create(meeting=meeting, person=chair)
    Attendance.objects.create(meeting=meeting, person=member.person)
    Attendance.objects.create(meeting=meeting, person=absent.person, present=False)
    Attendance.objects.create(meeting=meeting, person=substitute.person, serving_for=absent.person)
    Attendance.objects.create(meeting=meeting, person=listener.person)
    # The secret item's case number must stay out of the public metadata too.
    meeting.items.filter(position=2).update(
        case=factories.case(committee.body, reference="HEMLIG-DNR 9")
    )
    item = meeting.items.get(position=1)
    Motion.objects.create(item=item, text="Avslag på förslaget.").movers.add(member.person)
    vote = Vote.objects.create(
        item=item,
        question="Bifall eller avslag",
        yes_means="bifall",
        no_means="avslag",
        result=Vote.Result.YES,
    )
    Ballot.objects.create(vote=vote, person=chair, choice=Ballot.Choice.YES)
    Ballot.objects.create(vote=vote, person=substitute.person, choice=Ballot.Choice.YES)
    Ballot.objects.create(vote=vote, person=member.person, choice=Ballot.Choice.NO)
    Reservation.objects.create(item=item, person=member.person, against="beslutet om bidrag")
    RecordedNote.objects.create(item=item, person=chair, text="Ordföranden noterar beslutet.")
    first = Paragraph.objects.get(agenda_item=item)
    first.sent_to = "Hopajola\nEkonomienheten"
    first.save()
    added = Paragraph.objects.get(agenda_item__position=4)
    added.decision = "Informationen läggs till handlingarna."
    added.save()
    meeting.location = Location.objects.create(description="Länsgården", room="Sal A")
    meeting.chair = chair
    meeting.verification_place = "Regionens hus"
    meeting.verification_time = datetime.datetime(2022, 12, 16, 10, tzinfo=factories.STOCKHOLM)
    meeting.minutes_verified_at = meeting.verification_time
    meeting.save()
    meeting.verifiers.add(member.person)
    Notice.objects.create(
        committee=committee,
        meeting=meeting,
        verified_on=datetime.date(2022, 12, 16),
        posted_on=datetime.date(2022, 12, 19),
        appeal_until=datetime.date(2023, 1, 9),
        removed_on=datetime.date(2023, 1, 10),
        minutes_kept_at="Regionens diarium, Örebro",
    )
    return Meeting.objects.get(pk=meeting.pk)


@contextmanager
def scratch_database(django_db_blocker, tmp_path_factory):
    """Data for a whole module, rolled back afterwards; files in a temporary folder."""
    media = tmp_path_factory.mktemp("media")
    with django_db_blocker.unblock(), override_settings(MEDIA_ROOT=media), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def minutes(django_db_setup, django_db_blocker, tmp_path_factory):
    with scratch_database(django_db_blocker, tmp_path_factory):
        meeting = recorded_meeting()
        return {
            "public": text_of(render_minutes(meeting, PUBLIC)),
            "members": text_of(render_minutes(meeting, MEMBERS)),
        }


def test_the_first_page_lists_who_decided_with_the_substitute_serving(minutes):
    text = flat(minutes["public"])
    assert "Protokoll Regional tillväxtnämnd 14 december 2022" in text
    assert "Plats och tid" in text and "Länsgården, Sal A" in text
    assert "Beslutande" in text
    assert "Ersättarsson (tjänstgör för Anna Frånvarande)" in text
    assert "Ordförandesson, ordförande" in text
    assert "Anna Ledamotsson, S" in text
    beslutande = text.split("Beslutande")[1].split("Övriga närvarande")[0]
    assert "Frånvarande," not in beslutande
    assert "Lyssnarsson" in text.split("Övriga närvarande")[1].split("Utses att justera")[0]


def test_the_first_page_names_the_verifiers_and_when_and_where(minutes):
    text = flat(minutes["public"])
    assert "Utses att justera Anna Ledamotsson" in text
    assert "Justeringens plats och tid Regionens hus, 16 december 2022, kl. 10.00" in text


def test_the_signature_block_names_each_signatory_with_the_paragraphs(minutes):
    text = flat(minutes["public"])
    block = text.split("Underskrifter")[1].split("Bevis om anslag")[0]
    assert "Ordförande" in block and "Ordf Ordförandesson § 1–3" in block
    assert "Justerare" in block and "Anna Ledamotsson § 1–3" in block
    assert "Sekreterare" in block and "Sara Sekreterarsson § 1–3" in block


def test_the_certificate_of_posting_gives_the_notice_dates(minutes):
    text = flat(minutes["public"])
    posting = text.split("Bevis om anslag")[1]
    assert "Datum då anslaget sätts upp 19 december 2022" in posting
    assert "Datum då anslaget tas ned 10 januari 2023" in posting
    assert "Förvaringsplats för protokollet Regionens diarium, Örebro" in posting


def test_a_paragraph_shows_its_vote_reservation_and_recipients(minutes):
    text = flat(minutes["public"])
    paragraph = text.split("§ 1 Verksamhetsbidrag 2023 till Hopajola")[-1].split("§ 2")[0]
    assert "RUN 2022/1234" in paragraph
    assert "Omröstning" in paragraph and "Ledamot Ja Nej Avstår" in paragraph
    assert "Summa 2 1 0" in paragraph
    assert "Anna Ledamotsson reserverar sig mot beslutet (beslutet om bidrag)." in paragraph
    assert "Ordf Ordförandesson: Ordföranden noterar beslutet." in paragraph
    assert "Beslutet skickas till" in paragraph
    assert "Hopajola" in paragraph and "Ekonomienheten" in paragraph


def test_every_page_has_a_page_number_of_the_total(minutes):
    pages = minutes["public"].count("Sida ")
    assert f"Sida 1 av {pages}" in minutes["public"]
    assert f"Sida {pages} av {pages}" in minutes["public"]
    assert "Justerandes signatur" in minutes["public"]


def test_the_public_minutes_show_a_secret_item_only_as_its_number(minutes):
    text = flat(minutes["public"])
    assert "§ 2 Ärendet är inte offentligt." in text
    for marker in HEMLIG:
        assert marker not in text


def test_the_members_minutes_show_the_secret_item(minutes):
    text = flat(minutes["members"])
    for marker in HEMLIG:
        assert marker in text
    assert "Ledamotsversion" in text


def test_the_withdrawn_item_gets_no_paragraph(minutes):
    assert "Utgånget ärende" not in minutes["members"]
