"""Every state-changing back-office request without a CSRF token is refused."""

from django.test import Client
from django.urls import reverse

from paragraf.backoffice.tests.test_permissions import PATTERNS


def test_no_back_office_post_gets_through_without_a_csrf_token(users, objects):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["superuser"])
    accepted = []
    for pattern in PATTERNS:
        kwargs = {name: objects[name] for name in pattern.pattern.converters}
        url = reverse(f"backoffice:{pattern.name}", kwargs=kwargs)
        if client.post(url, {"title": "x"}).status_code != 403:
            accepted.append(url)
    assert accepted == []


def test_the_same_post_with_a_token_is_not_refused_for_the_token(users, objects):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["superuser"])
    page = client.get(f"/kansli/moten/{objects['meeting']}/protokoll/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        f"/kansli/moten/{objects['meeting']}/protokoll/avsluta/",
        {"csrfmiddlewaretoken": token},
    )
    assert response.status_code == 302
