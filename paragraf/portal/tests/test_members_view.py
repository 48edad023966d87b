"""Members see their own committee's non-public items and documents when logged in."""

import datetime

import pytest
from django.contrib.auth.models import User

from paragraf import factories
from paragraf.accounts.models import CommitteeRole

MARKERS = ["HEMLIG-TITEL", "HEMLIG-TEXT", "HEMLIG-BILAGA", "HEMLIGT-BESLUT"]


def login_with_role(client, committee, role=CommitteeRole.Role.MEMBER, username="ledamot"):
    user = User.objects.create_user(username)
    CommitteeRole.objects.create(user=user, committee=committee, role=role)
    client.force_login(user)
    return user


@pytest.mark.parametrize("path", ["", "punkt-2/", "paragraf-2/"])
def test_a_member_sees_the_non_public_item(client, verified_meeting, meeting_url, path):
    login_with_role(client, verified_meeting.committee)
    html = client.get(meeting_url + path).content.decode()
    for marker in ("HEMLIG-TITEL", "HEMLIGT-BESLUT" if path != "punkt-2/" else "HEMLIG-TEXT"):
        assert marker in html
    assert "Ej offentligt: visas för nämndens ledamöter" in html


def test_a_member_gets_the_non_public_document_through_the_back_office(
    client, verified_meeting, meeting_url
):
    login_with_role(client, verified_meeting.committee)
    html = client.get(meeting_url).content.decode()
    assert "HEMLIG-BILAGA" in html
    secret = verified_meeting.items.get(position=2).documents.get()
    assert f'href="/kansli/handlingar/{secret.pk}/"' in html


def test_a_member_of_another_committee_sees_nothing_of_it(client, verified_meeting, meeting_url):
    other = factories.committee(verified_meeting.committee.body)
    login_with_role(client, other)
    for path in ("", "punkt-2/", "paragraf-2/"):
        html = client.get(meeting_url + path).content.decode()
        for marker in MARKERS:
            assert marker not in html


def test_the_members_page_never_reaches_the_public_cache(client, verified_meeting, meeting_url):
    login_with_role(client, verified_meeting.committee)
    assert "HEMLIG-TITEL" in client.get(meeting_url).content.decode()
    client.logout()
    html = client.get(meeting_url).content.decode()
    for marker in MARKERS:
        assert marker not in html


def test_a_changed_agenda_is_marked_with_its_date(client, verified_meeting, meeting_url):
    verified_meeting.state = verified_meeting.State.NOTICE_PUBLISHED
    verified_meeting.agenda_changed_at = datetime.datetime(
        2022, 12, 12, 15, 30, tzinfo=factories.STOCKHOLM
    )
    verified_meeting.save()
    assert "Ändrad 12 december 2022 15.30" in client.get(meeting_url).content.decode()
