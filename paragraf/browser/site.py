"""The data the browser tests visit, built with the factories: a small public
site (one meeting of every stage, a notice, a search index) and the back office
of the secretary who runs it."""

import datetime
from types import SimpleNamespace

from django.contrib.auth.models import User
from django.utils import timezone

from paragraf import factories
from paragraf.accounts.models import CommitteeRole
from paragraf.meetings.models import AgendaItem, Approval, Meeting
from paragraf.meetings.services import agenda, number_paragraphs, recording
from paragraf.meetings.services import minutes as minutes_services
from paragraf.meetings.tests.recording_setup import held_meeting
from paragraf.noticeboard import deadlines
from paragraf.noticeboard.models import Notice
from paragraf.search import index

PASSWORD = "lösenord-för-test"  # noqa: S105 (a test login)


def public_site(committee):
    """The verified seed meeting with its notice on the board, a published agenda
    without minutes, a public document that has been removed, and the search index."""
    verified = factories.verified_meeting(committee)
    upcoming = factories.meeting(
        committee, day=datetime.date(2023, 2, 15), state=Meeting.State.NOTICE_PUBLISHED
    )
    upcoming_item = factories.item(
        upcoming,
        title="Medfinansiering av Bergslagsleden",
        summary="Föreningen söker 120 000 kronor för nya rastplatser.",
        proposed_decision="Nämnden beviljar 120 000 kronor.",
        state=AgendaItem.State.ON_AGENDA,
        case=factories.case(committee.body, committee=committee, reference="RUN 2023/17"),
    )
    factories.attach(upcoming_item, factories.document(title="Ansökan Bergslagsleden"))
    today = timezone.localdate()
    notice = Notice.objects.create(
        committee=committee,
        meeting=verified,
        verified_on=today,
        posted_on=today,
        appeal_until=deadlines.last_day_to_appeal(today),
        removed_on=deadlines.taken_down_on(today),
        minutes_kept_at="Regionhuset, Örebro",
    )
    hopajola = verified.items.get(position=1)
    removed = factories.attach(
        hopajola, factories.document(title="Borttagen bilaga", filename="borttagen.pdf"), 1
    )
    removed.soft_delete()
    index.rebuild()
    return SimpleNamespace(
        committee=committee,
        verified=verified,
        upcoming=upcoming,
        notice=notice,
        removed_document_path=f"/handlingar/{removed.pk}/{removed.filename}",
    )


def secretary(committee, username="sekreterare"):
    """A secretary of the committee with a login, who is also a person who can sign minutes."""
    user = User.objects.create_user(username, password=PASSWORD)
    CommitteeRole.objects.create(user=user, committee=committee, role=CommitteeRole.Role.SECRETARY)
    person = factories.person(given_name="Sara", family_name="Sekreterare", user=user)
    return user, person


def back_office(public):
    """What the secretary works with, beside the `public` site: a case with a document,
    an agenda being built, a meeting under way (one vote recorded), a closed meeting
    whose minutes are being written, and minutes waiting for the secretary's own
    approval as a verifier."""
    committee = public.committee
    user, me = secretary(committee)
    # A committee the secretary has no role in: its pages answer 403.
    factories.committee(committee.body, name="Annan nämnd", slug="annan-namnd")
    case = factories.case(
        committee.body,
        committee=committee,
        title="Bidrag till Bergslagsleden",
        description="Föreningen söker bidrag för rastplatser.",
    )
    factories.document(title="Tjänsteskrivelse", case=case, is_public=False)

    planned = factories.meeting(
        committee, day=datetime.date(2023, 3, 15), state=Meeting.State.PLANNED
    )
    for title in ("Alfa", "Beta", "Gamma"):
        agenda.add_item(planned, title=title)
    agenda.add_item(planned, title=case.title, case=case, proposed_decision="Bifall.")

    held, items, people = held_meeting(committee)
    recording.record_vote(
        items[1],
        "Bifall till förslaget?",
        {people.anna: "ja", people.bo: "ja", people.cecilia: "nej"},
        yes_means="bifall",
        no_means="avslag",
    )

    closed = factories.meeting(committee, day=datetime.date(2022, 10, 19), state=Meeting.State.HELD)
    factories.item(closed, title="Delårsrapport", proposed_decision="Nämnden godkänner.")
    minutes_services.close_meeting(closed, user)

    # Verified minutes whose notice is not on the board yet.
    unposted = factories.meeting(
        committee, day=datetime.date(2022, 9, 28), state=Meeting.State.HELD
    )
    factories.item(unposted, title="Taxor 2023", decision="Nämnden antar taxorna.")
    number_paragraphs(unposted)
    # Straight to verified (a locked meeting refuses the usual saves).
    Meeting.objects.filter(pk=unposted.pk).update(
        state=Meeting.State.MINUTES_VERIFIED, minutes_verified_at=timezone.now()
    )

    signing = factories.meeting(
        committee, day=datetime.date(2022, 11, 16), state=Meeting.State.HELD
    )
    factories.item(signing, title="Budget 2023", proposed_decision="Nämnden antar budgeten.")
    minutes_services.close_meeting(signing, user)
    chair = factories.membership(committee, role="ordforande").person
    other = factories.membership(committee).person
    minutes_services.choose_signatories(signing, chair, [me, other], user)
    minutes_services.send_for_approval(signing, user)
    approval = Approval.objects.get(meeting=signing, person=me)
    return SimpleNamespace(
        user=user,
        case=case,
        planned=planned,
        held=held,
        closed=closed,
        unposted=unposted,
        verified=public.verified,
        items=items,
        people=people,
        signing=signing,
        approval=approval,
    )
