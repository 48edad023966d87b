"""Unsubscribing without an account: a page with a button, and RFC 8058 one-click."""

import pytest
from django.test import Client

from paragraf.alerts import tokens
from paragraf.alerts.models import Subscription
from paragraf.alerts.tests.conftest import subscribed

pytestmark = pytest.mark.django_db


@pytest.fixture
def subscription(committee):
    return subscribed(committee)


@pytest.fixture
def path(subscription):
    return tokens.unsubscribe_url(subscription).removeprefix("https://moten.example.se")


def test_opening_the_link_asks_before_stopping(client, path):
    response = client.get(path)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sluta skicka e-post om nyheter från Regional tillväxtnämnd" in html
    assert '<form method="post"' in html
    assert Subscription.objects.exists()


def test_pressing_the_button_deletes_the_address(client, path):
    response = client.post(path)
    assert response.status_code == 200
    assert "Bevakningen är avslutad" in response.content.decode()
    assert not Subscription.objects.exists()


def test_a_mail_program_unsubscribes_with_one_post_without_csrf_token(path):
    client = Client(enforce_csrf_checks=True)
    response = client.post(path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    assert not Subscription.objects.exists()
    assert client.post(path, {"List-Unsubscribe": "One-Click"}).status_code == 200


def test_an_altered_link_stops_nothing(client, path, subscription):
    other = subscribed(subscription.committee, email="annan@example.se")
    forged = path.replace(subscription.key, other.key)
    assert client.post(forged).status_code == 400
    assert client.post(path.replace("avsluta", "bekrafta")).status_code == 400
    assert Subscription.objects.count() == 2
