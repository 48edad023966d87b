"""Members download the notice with every document, non-public ones included."""

import io

import pikepdf
import pypdf

from paragraf import factories
from paragraf.backoffice.tests.conftest import Role, make_user


def text(response):
    return "\n".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(response.content)).pages)


def test_a_member_gets_the_non_public_documents_in_the_bundle(client, db):
    committee = factories.seed_committee()
    meeting = factories.verified_meeting(committee)
    client.force_login(make_user("ledamot", committee, Role.MEMBER))
    response = client.get(f"/kansli/moten/{meeting.pk}/kallelse-med-handlingar.pdf")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"
    assert "HEMLIG-TITEL" in text(response)
    html = client.get(meeting.get_absolute_url()).content.decode()
    assert f'href="/kansli/moten/{meeting.pk}/kallelse-med-handlingar.pdf"' in html
    archive = client.get(f"/kansli/moten/{meeting.pk}/kallelse-med-handlingar-arkiv.pdf")
    assert archive.status_code == 200
    with pikepdf.open(io.BytesIO(archive.content)) as pdf:
        assert "HEMLIG-BILAGA" in [a.description for a in pdf.attachments.values()]


def test_nobody_else_gets_it(client, db):
    committee = factories.seed_committee()
    meeting = factories.verified_meeting(committee)
    url = f"/kansli/moten/{meeting.pk}/kallelse-med-handlingar.pdf"
    assert client.get(url).status_code == 302  # to the log-in page
    other = factories.committee(committee.body)
    client.force_login(make_user("annan", other, Role.MEMBER))
    assert client.get(url).status_code == 403
    assert 'kallelse-med-handlingar.pdf"' in client.get(meeting.get_absolute_url()).content.decode()
    assert (
        f"/kansli/moten/{meeting.pk}/"
        not in client.get(meeting.get_absolute_url()).content.decode()
    )
