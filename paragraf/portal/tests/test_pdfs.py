"""The meeting's PDFs on the portal: made when first asked for, public content only."""

import io

import pypdf
import pytest
from django.utils import timezone

from paragraf import factories
from paragraf.documents.models import Rendition
from paragraf.documents.verify import verify_pdf
from paragraf.meetings.models import Approval, MinutesVersion

MARKERS = ["HEMLIG-TITEL", "HEMLIG-TEXT", "HEMLIG-BILAGA", "HEMLIGT-BESLUT"]


@pytest.fixture
def verified(verified_meeting):
    """The meeting's minutes verified as the workflow does it: approvals, version 1."""
    for role in (Approval.Role.CHAIR, Approval.Role.VERIFIER, Approval.Role.VERIFIER):
        Approval.objects.create(
            meeting=verified_meeting,
            person=factories.person(),
            role=role,
            answer=Approval.Answer.APPROVED,
            answered_at=timezone.now(),
        )
    verified_meeting.minutes_verified_at = timezone.now()
    verified_meeting.save()
    MinutesVersion.objects.create(meeting=verified_meeting, number=1)
    return verified_meeting


def body(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def text(pdf):
    return "\n".join(page.extract_text() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages)


def test_the_minutes_pdf_is_sealed_and_verifies(client, verified, meeting_url):
    response = client.get(meeting_url + "protokoll.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    pdf = body(response)
    assert verify_pdf(pdf).valid
    assert "Verksamhetsbidrag 2023 till Hopajola" in text(pdf)
    for marker in MARKERS:
        assert marker not in text(pdf)
    assert not response.cookies


def test_the_minutes_pdf_is_made_once(client, verified, meeting_url):
    client.get(meeting_url + "protokoll.pdf")
    client.get(meeting_url + "protokoll.pdf")
    assert Rendition.objects.filter(kind="protokoll").count() == 1


def test_a_correction_gets_a_new_sealed_version_and_keeps_the_old(client, verified, meeting_url):
    from paragraf.meetings.services.minutes import correct_minutes

    first = body(client.get(meeting_url + "protokoll.pdf"))
    paragraph = verified.items.get(position=1).paragraph
    correct_minutes(verified, {paragraph.pk: {"decision": "Rättat belopp."}}, "Fel belopp", by=None)
    second = body(client.get(meeting_url + "protokoll.pdf"))
    assert "Rättat belopp." in text(second)
    old = verify_pdf(first)
    assert old.valid and old.replaced
    assert Rendition.objects.filter(kind="protokoll").count() == 2
    # The replaced version stays available, and the page says it was replaced.
    assert body(client.get(meeting_url + "protokoll-version-1.pdf")) == first
    html = client.get(meeting_url).content.decode()
    assert 'href="' + meeting_url + 'protokoll-version-1.pdf"' in html
    assert "ersatt av version 2" in html


def test_no_minutes_pdf_before_justering(client, verified_meeting, meeting_url):
    verified_meeting.state = verified_meeting.State.HELD
    verified_meeting.save()
    assert client.get(meeting_url + "protokoll.pdf").status_code == 404


@pytest.mark.parametrize("name", ["kallelse.pdf", "kallelse-med-handlingar.pdf"])
def test_the_notice_pdfs_hold_only_public_content(client, verified_meeting, meeting_url, name):
    response = client.get(meeting_url + name)
    assert response.status_code == 200
    content = text(body(response))
    assert "Verksamhetsbidrag 2023 till Hopajola" in content
    for marker in MARKERS:
        assert marker not in content


def test_a_changed_agenda_gives_a_new_notice_version(client, verified_meeting, meeting_url):
    client.get(meeting_url + "kallelse.pdf")
    item = verified_meeting.items.get(position=1)
    item.title = "Verksamhetsbidrag 2023 till Hopajola, ändrat"
    item.save()
    assert "ändrat" in text(body(client.get(meeting_url + "kallelse.pdf")))
    versions = Rendition.objects.filter(kind="kallelse").order_by("version")
    assert [r.version for r in versions] == [1, 2]
    assert versions[0].replaced_at is not None


def test_an_extract_of_a_public_paragraph(client, verified, meeting_url):
    response = client.get(meeting_url + "paragraf-1/utdrag.pdf")
    assert response.status_code == 200
    assert "Utdragsbestyrkande" in text(body(response))


def test_no_extract_of_a_non_public_paragraph(client, verified, meeting_url):
    assert client.get(meeting_url + "paragraf-2/utdrag.pdf").status_code == 404


def test_the_meeting_page_links_the_pdfs(client, verified, meeting_url):
    html = client.get(meeting_url).content.decode()
    for name in ("protokoll.pdf", "kallelse.pdf", "kallelse-med-handlingar.pdf"):
        assert f'href="{meeting_url}{name}"' in html
    assert 'href="/handlingar/granska/"' in html
