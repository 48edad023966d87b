"""What the demo contains. The demo is loaded once for this module, inside a
transaction that is rolled back at the end, and its files go to a temporary
MEDIA_ROOT. Loading it into an empty database is tested in test_load_demo_command.py."""

import io
from datetime import date

import pypdf
import pytest
from django.contrib.auth import get_user_model
from django.db import transaction
from django.test import override_settings
from django.utils import timezone

from paragraf.accounts.permissions import Action, can
from paragraf.demo import loader
from paragraf.meetings.models import AgendaItem, Attendance, Meeting, Paragraph
from paragraf.organisation.models import Body, Committee

pytestmark = pytest.mark.django_db


FAST_HASHER = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(scope="module")
def demo_media(django_db_setup, django_db_blocker, tmp_path_factory):
    """Load the demo once; each test runs in a savepoint inside this transaction."""
    media = tmp_path_factory.mktemp("media")
    with (
        django_db_blocker.unblock(),
        override_settings(MEDIA_ROOT=media, PASSWORD_HASHERS=FAST_HASHER),
        transaction.atomic(),
    ):
        assert loader.load_demo().status == loader.LOADED
        yield media
        transaction.set_rollback(True)


@pytest.fixture
def demo(demo_media, db, settings):
    """The seed meeting."""
    settings.MEDIA_ROOT = demo_media
    return loader.seed_meeting()


def paragraphs_of(meeting):
    return list(
        Paragraph.objects.filter(agenda_item__meeting=meeting).order_by("agenda_item__position")
    )


def test_the_seed_meeting_has_paragraphs_92_to_107_in_agenda_order(demo):
    assert [p.number for p in paragraphs_of(demo)] == list(range(92, 108))
    assert [p.agenda_item.number for p in paragraphs_of(demo)] == [
        *[str(n) for n in range(1, 16)],
        "",
    ]


def test_the_minutes_have_their_own_titles_and_the_added_item(demo):
    by_number = {p.number: p for p in paragraphs_of(demo)}
    assert by_number[105].display_title == "Periodrapport november 2022"
    assert by_number[105].agenda_item.title == "Periodrapport"
    assert by_number[106].display_title == "Effekt- och energiförsörjning"
    assert by_number[106].agenda_item.title == "Effekt och energiförsörjning"
    added = by_number[107].agenda_item
    assert added.title == "Regeringens forum för regional utveckling"
    assert added.state == AgendaItem.State.ADDED
    assert added.number == ""


def test_the_minutes_text_differs_from_the_agenda_where_the_seed_does(demo):
    by_number = {p.number: p for p in paragraphs_of(demo)}
    coompanion = by_number[95]
    assert "erhåller ca en miljon kronor" in coompanion.agenda_item.summary
    assert "erhåller cirka en miljon kronor" in coompanion.summary
    assert "är på väg att startats." in by_number[93].agenda_item.summary
    assert "är på väg att startas." in by_number[93].summary
    assert "avstamp i RUS och" in by_number[96].agenda_item.summary
    assert "avstamp i regional utvecklingsstrategi\xa0och" in by_number[96].summary
    # Where the seed did not edit the text, agenda and minutes agree.
    assert by_number[94].summary == by_number[94].agenda_item.summary


def test_the_agenda_keeps_the_seed_text_and_paragraphs(demo):
    hopajola = demo.items.get(number="3")
    assert hopajola.title == "Verksamhetsbidrag 2023 till Hopajola"
    assert hopajola.summary.startswith("Hopajola har utökade kostnader")
    assert "det vill säga 305\xa0000 kronor." in hopajola.summary
    assert hopajola.summary.count("\n\n") == 1
    coompanion = demo.items.get(number="4").summary
    assert "regional utveckling samt strategisk påverkan" in coompanion
    assert [i.number for i in demo.items.filter(summary="")] == ["1", "14", "15", ""]


def test_every_case_item_has_a_case_and_a_proposed_decision(demo):
    items = demo.items.filter(number__in=[str(n) for n in range(2, 14)])
    assert items.count() == 12
    references = {item.case.reference for item in items}
    assert len(references) == 12
    assert all(item.proposed_decision.startswith("Regional tillväxtnämnd") for item in items)
    hopajola = demo.items.get(number="3").paragraph
    assert "730\xa0000 kronor" in hopajola.decision


def test_the_verifiers_are_named_in_the_first_paragraph(demo):
    first = demo.items.get(number="1").paragraph
    assert first.decision == (
        "Regional tillväxtnämnd beslutar att utse Tomas Wiklander och Kenneth Öberg att "
        "jämte ordföranden justera dagens protokoll."
    )


def test_every_attachment_of_the_seed_meeting_is_a_pdf_naming_its_title(demo):
    links = [link for item in demo.items.all() for link in item.document_links.all()]
    assert len(links) >= 12
    for link in links:
        document = link.document
        assert document.is_public
        assert document.media_type == "application/pdf"
        with document.file.open("rb") as f:
            content = f.read()
        assert content.startswith(b"%PDF")
        text = pypdf.PdfReader(io.BytesIO(content)).pages[0].extract_text()
        assert document.title in text
        assert "14 december 2022" in text


def test_the_earlier_2022_meetings_hold_paragraphs_1_to_91(demo):
    earlier = Paragraph.objects.filter(committee=demo.committee, year=2022).exclude(
        agenda_item__meeting=demo
    )
    assert sorted(earlier.values_list("number", flat=True)) == list(range(1, 92))
    meetings = Meeting.objects.filter(committee=demo.committee, start__lt=demo.start)
    assert meetings.count() == 8
    assert set(meetings.values_list("state", flat=True)) == {Meeting.State.NOTICE_POSTED}


def test_an_earlier_meeting_numbers_its_paragraphs_in_date_order(demo):
    meetings = Meeting.objects.filter(committee=demo.committee).order_by("start")
    highest = 0
    for meeting in meetings.filter(start__year=2022):
        numbers = [p.number for p in paragraphs_of(meeting)]
        assert numbers == list(range(highest + 1, highest + 1 + len(numbers)))
        highest = numbers[-1]


def test_a_withdrawn_item_gets_no_paragraph(demo):
    withdrawn = AgendaItem.objects.get(state=AgendaItem.State.WITHDRAWN)
    assert withdrawn.meeting.year == 2022
    assert not Paragraph.objects.filter(agenda_item=withdrawn).exists()
    added = AgendaItem.objects.filter(state=AgendaItem.State.ADDED).exclude(meeting=demo)
    assert added.count() == 1
    assert added.get().paragraph.number > 0


def test_an_earlier_item_is_not_public(demo):
    hidden = AgendaItem.objects.filter(is_public=False)
    assert hidden.count() == 1
    assert hidden.get().meeting.start < demo.start
    assert not hidden.get().documents.filter(is_public=True).exists()
    assert not demo.items.filter(is_public=False).exists()


def test_the_2023_meeting_starts_at_paragraph_1(demo):
    meeting = Meeting.objects.get(committee=demo.committee, slug="mote-2023-02-15")
    assert [p.number for p in paragraphs_of(meeting)] == [1, 2, 3, 4, 5]
    assert meeting.has_verified_minutes


def test_the_seed_meeting_was_verified_two_days_later(demo):
    assert demo.state == Meeting.State.NOTICE_POSTED
    assert timezone.localtime(demo.start).isoformat() == "2022-12-14T09:00:00+01:00"
    assert timezone.localtime(demo.minutes_verified_at).date() == date(2022, 12, 16)
    assert timezone.localtime(demo.notice_published_at).date() < date(2022, 12, 14)
    assert demo.notice_posted_at >= demo.minutes_verified_at


def test_a_substitute_serves_for_the_absent_member(demo):
    absent = Attendance.objects.get(meeting=demo, present=False)
    substitute = Attendance.objects.get(meeting=demo, serving_for=absent.person)
    assert substitute.present
    assert substitute.serving_from == demo.items.get(position=1)


def test_the_committees_and_members(demo):
    body = Body.objects.get()
    assert body.name == "Region Örebro län"
    assert demo.committee.slug == "regional-tillvaxtnamnd"
    assert Committee.objects.filter(body=body).count() >= 2
    roles = set(demo.committee.memberships.current(on=date(2022, 12, 14)).values_list("role"))
    assert {r for (r,) in roles} == {
        "ordforande",
        "vice_ordforande_1",
        "vice_ordforande_2",
        "ledamot",
        "ersattare",
    }


def test_the_demo_logins_work(demo):
    users = get_user_model().objects
    committee = demo.committee
    secretary = users.get(username=loader.SECRETARY)
    assert secretary.is_staff and secretary.has_perm("meetings.change_meeting")
    assert secretary.check_password(loader.PASSWORD)
    assert can(secretary, Action.EDIT_MINUTES, committee)
    officer = users.get(username=loader.CASE_OFFICER)
    assert can(officer, Action.MANAGE_CASES, committee)
    assert not can(officer, Action.EDIT_MINUTES, committee)
    member = users.get(username=loader.MEMBER)
    assert member.check_password(loader.PASSWORD)
    assert not member.is_staff
    assert member.person.memberships.exists()
    assert can(member, Action.READ_NON_PUBLIC, committee)
    assert not can(member, Action.MANAGE_AGENDA, committee)


def test_verified_meetings_went_through_justering_and_the_notice_board(demo):
    assert demo.chair.name == "Annika Strömvall"
    assert {p.name for p in demo.verifiers.all()} == {"Tomas Wiklander", "Kenneth Öberg"}
    assert demo.approvals.filter(answer="godkant").count() == 3
    assert demo.minutes_versions.get().number == 1
    notice = demo.notices.get()
    assert notice.posted_on == date(2022, 12, 16)
    assert notice.appeal_until == date(2023, 1, 9)  # 6 January is a holiday, then a weekend
    assert Meeting.objects.filter(notices__isnull=False).count() == 10


def test_one_meeting_is_in_preparation_and_one_has_its_agenda_out(demo):
    assert Meeting.objects.filter(state=Meeting.State.PLANNED).count() == 1
    assert Meeting.objects.filter(state=Meeting.State.NOTICE_PUBLISHED).count() == 1


def test_the_cases_belong_to_the_committee_so_its_case_list_shows_them(demo):
    from paragraf.cases.models import Case

    assert Case.objects.exists()
    assert not Case.objects.filter(committee__isnull=True).exists()
