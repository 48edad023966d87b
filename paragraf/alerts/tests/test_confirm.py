"""Double opt-in: the link in the confirmation leads to a button, and expires."""

import datetime
import io

import pytest
import time_machine
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from paragraf.alerts import services
from paragraf.alerts.models import Subscription
from paragraf.alerts.tests.conftest import link

pytestmark = pytest.mark.django_db


@pytest.fixture
def confirm_path(subscribe, committee, mailoutbox):
    subscribe(committee)
    return link(mailoutbox[0], "bekrafta")


def test_opening_the_link_shows_a_button_but_confirms_nothing(client, confirm_path):
    response = client.get(confirm_path)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Bekräfta att besokare@example.se ska få e-post om nyheter från" in html
    assert '<form method="post"' in html
    assert "csrfmiddlewaretoken" in html
    assert Subscription.objects.get().confirmed_at is None


def test_pressing_the_button_confirms(client, confirm_path):
    response = client.post(confirm_path)
    assert response.status_code == 200
    assert "Din bevakning är bekräftad" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is not None
    again = client.post(confirm_path)
    assert again.status_code == 200


def test_the_button_needs_the_csrf_token(confirm_path):
    response = Client(enforce_csrf_checks=True).post(confirm_path)
    assert response.status_code == 403
    assert Subscription.objects.get().confirmed_at is None


def test_an_expired_link_confirms_nothing(client, confirm_path):
    with time_machine.travel(timezone.now() + datetime.timedelta(days=8)):
        response = client.post(confirm_path)
    assert response.status_code == 400
    assert "Länken fungerar inte" in response.content.decode()
    assert Subscription.objects.get().confirmed_at is None


@pytest.mark.parametrize(
    "change", [lambda p: p[:-3] + "x/", lambda p: p.replace("bekrafta", "avsluta")]
)
def test_an_altered_link_confirms_nothing(client, confirm_path, change):
    response = client.post(change(confirm_path))
    assert response.status_code == 400
    assert Subscription.objects.count() == 1
    assert Subscription.objects.get().confirmed_at is None


def test_unconfirmed_subscriptions_expire_and_confirmed_ones_stay(
    client, subscribe, committee, mailoutbox
):
    subscribe(committee, email="bekraftar@example.se")
    client.post(link(mailoutbox[0], "bekrafta"))
    subscribe(committee, email="glomde@example.se")
    assert services.expire() == 0
    with time_machine.travel(timezone.now() + datetime.timedelta(days=7, hours=1)):
        assert services.expire() == 1
    assert list(Subscription.objects.values_list("email", flat=True)) == ["bekraftar@example.se"]


def test_the_expiry_command_reports_what_it_deleted(subscribe, committee):
    subscribe(committee)
    later = timezone.now() + datetime.timedelta(days=8)
    out = io.StringIO()
    with time_machine.travel(later):
        call_command("expire_alert_subscriptions", stdout=out)
    assert "1 unconfirmed subscriptions deleted" in out.getvalue()
    assert not Subscription.objects.exists()
