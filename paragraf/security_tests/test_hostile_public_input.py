"""What anyone can send the public site — search questions, filters, e-mail
addresses, API parameters, a log-in's next address — is shown as text, answered
with a clear refusal, never a server error or a redirect to another site."""

import json
from urllib.parse import quote

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from paragraf import factories
from paragraf.alerts.models import Subscription
from paragraf.backoffice.tests.conftest import Role
from paragraf.search import index
from paragraf.security_tests.hostile_cycle import PAYLOAD
from paragraf.security_tests.test_hostile_input import injected

Q = quote(PAYLOAD)


@pytest.fixture
def site(committee, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    factories.verified_meeting(committee)
    index.rebuild()
    return committee


HOSTILE_ADDRESSES = [
    f"/sok/?q={Q}",
    f"/sok/?q=bidrag&namnd={Q}&fran={Q}&till={Q}&typ={Q}&sortering={Q}&sida={Q}",
    f"/en/sok/?q={Q}",
    f"/bevakning/sokning/?q={Q}",
    f"/bevakning/?q={Q}",
    f"/anslagstavla/?q={Q}",
    f"/?next={Q}",
    f"/kansli/logga-in/?next={Q}",
]


def test_hostile_parameters_are_shown_as_text(client, site):
    for url in HOSTILE_ADDRESSES:
        response = client.get(url)
        assert response.status_code < 500, url
        if response.status_code == 200:
            found, _text = injected(response.content.decode())
            assert found == [], url


def test_a_hostile_search_question_is_repeated_as_text(client, site):
    page = client.get(f"/sok/?q={Q}").content.decode()
    found, text = injected(page)
    assert found == []
    assert "<script>alert(1)</script>" in text


def test_a_hostile_e_mail_address_is_refused_and_shown_as_text(site):
    client = Client(enforce_csrf_checks=True)
    url = f"/bevakning/namnd/{site.slug}/"
    client.get(url)
    token = client.cookies["csrftoken"].value
    response = client.post(url, {"email": PAYLOAD, "csrfmiddlewaretoken": token})
    assert response.status_code == 400
    assert injected(response.content.decode())[0] == []
    assert not Subscription.objects.exists()


HOSTILE_API_QUERIES = [
    f"modified_since={Q}",
    f"created_until={Q}",
    f"page={Q}",
    "page=-1",
    "page=99999999999999999999999",
    "modified_since=9999-99-99T99:99:99",
    f"limit={Q}",
]


def test_hostile_api_parameters_get_a_json_answer(client, site):
    for query in HOSTILE_API_QUERIES:
        response = client.get(f"/oparl/v1/body/{site.body_id}/meeting/?{query}")
        assert response.status_code in (200, 400, 404), (query, response.status_code)
        assert response["Content-Type"].startswith("application/json")
        json.loads(response.content)


@pytest.mark.parametrize(
    "next_url",
    [
        "https://ond.example/",
        "//ond.example/",
        "/\\ond.example/",
        "javascript:alert(1)",
        "https:ond.example",
        "\\\\ond.example",
    ],
)
def test_logging_in_never_sends_you_to_another_site(users, next_url):
    client = Client()
    response = client.post(
        f"/kansli/logga-in/?next={quote(next_url)}",
        {"username": users[Role.SECRETARY].username, "password": "lösenord-för-test"},
    )
    assert response.status_code == 302
    location = response["Location"]
    assert location.startswith("/") and not location.startswith(("//", "/\\")), location


def test_the_public_pdf_check_shows_a_hostile_file_as_text(db):
    client = Client(enforce_csrf_checks=True)  # exempt on purpose: it stores nothing
    for content in (PAYLOAD.encode(), b"%PDF-1.7\n" + PAYLOAD.encode(), b""):
        upload = SimpleUploadedFile(f"{PAYLOAD[:60]}.pdf", content)
        response = client.post("/handlingar/granska/", {"dokument": upload})
        assert response.status_code == 200
        assert injected(response.content.decode())[0] == []
        assert not response.cookies
