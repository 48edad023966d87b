"""Asking for a committee's alerts: a form, one confirmation e-mail, and limits."""

import pytest
from django.test import Client

from paragraf.alerts import services
from paragraf.alerts.models import Subscription
from paragraf.alerts.tests.conftest import link, subscribed

pytestmark = pytest.mark.django_db


def test_the_form_has_a_labelled_address_field_and_a_csrf_token(client, committee):
    response = client.get("/bevakning/namnd/regional-tillvaxtnamnd/")
    html = response.content.decode()
    assert response.status_code == 200
    assert '<label for="id_email">Din e-postadress</label>' in html
    assert 'type="email"' in html
    assert "csrfmiddlewaretoken" in html
    assert "Bevaka Regional tillväxtnämnd" in html


def test_the_committee_page_links_to_the_form(client, committee):
    html = client.get("/namnder/regional-tillvaxtnamnd/").content.decode()
    assert 'href="/bevakning/namnd/regional-tillvaxtnamnd/"' in html


def test_subscribing_sends_only_a_confirmation(subscribe, client, committee, mailoutbox):
    response = subscribe(committee)
    assert response.status_code == 302
    assert response["Location"] == "/bevakning/skickat/"
    (message,) = mailoutbox
    assert message.to == ["besokare@example.se"]
    assert message.subject == "Bekräfta din bevakning via e-post"
    assert "nyheter från Regional tillväxtnämnd" in message.body
    assert link(message, "bekrafta")
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is None
    page = client.get(response["Location"]).content.decode()
    assert "Kontrollera din e-post" in page


def test_the_answer_is_the_same_for_an_address_already_subscribed(
    subscribe, client, committee, mailoutbox
):
    subscribed(committee)
    fresh = subscribe(committee, email="ny@example.se")
    known = subscribe(committee, email="BESOKARE@example.se")
    assert (known.status_code, known["Location"]) == (fresh.status_code, fresh["Location"])
    assert [m.to for m in mailoutbox] == [["ny@example.se"]]
    assert Subscription.objects.filter(email="besokare@example.se").count() == 1


def test_asking_again_before_confirming_resends_to_the_same_subscription(
    subscribe, client, committee, mailoutbox
):
    subscribe(committee)
    subscribe(committee)
    assert len(mailoutbox) == 2
    assert Subscription.objects.count() == 1


def test_an_address_gets_few_confirmations_a_day_and_the_answer_does_not_change(
    subscribe, client, committee, mailoutbox
):
    answers = {subscribe(committee)["Location"] for _ in range(services.ADDRESS_LIMIT + 2)}
    assert answers == {"/bevakning/skickat/"}
    assert len(mailoutbox) == services.ADDRESS_LIMIT


def test_one_ip_address_cannot_flood_the_form(subscribe, client, committee, mailoutbox):
    for n in range(services.IP_LIMIT):
        assert subscribe(committee, email=f"offer{n}@example.se").status_code == 302
    refused = subscribe(committee, email="en-till@example.se")
    assert refused.status_code == 429
    assert "För många förfrågningar" in refused.content.decode()
    assert len(mailoutbox) == services.IP_LIMIT
    other = subscribe(committee, email="granne@example.se", REMOTE_ADDR="10.0.0.9")
    assert other.status_code == 302


def test_a_bad_address_gets_a_swedish_message_and_nothing_is_stored(
    subscribe, client, committee, mailoutbox
):
    response = subscribe(committee, email="inte en adress")
    assert response.status_code == 400
    assert "Fyll i en giltig e-postadress." in response.content.decode()
    assert not Subscription.objects.exists()
    assert mailoutbox == []


def test_the_form_refuses_a_post_without_csrf_token(subscribe, committee, mailoutbox):
    response = subscribe(committee, client=Client(enforce_csrf_checks=True))
    assert response.status_code == 403
    assert mailoutbox == []


def test_an_unknown_committee_is_not_found(client, db):
    assert client.get("/bevakning/namnd/finns-inte/").status_code == 404
    assert client.post("/bevakning/namnd/finns-inte/", {"email": "a@b.se"}).status_code == 404


def test_the_overview_lists_the_committees(client, committee):
    html = client.get("/bevakning/").content.decode()
    assert 'href="/bevakning/namnd/regional-tillvaxtnamnd/"' in html


def test_the_ip_limit_can_be_raised_for_many_visitors_behind_one_address(
    subscribe, committee, settings
):
    settings.ALERTS_IP_LIMIT = services.IP_LIMIT + 5
    for n in range(services.IP_LIMIT + 5):
        assert subscribe(committee, email=f"besokare{n}@example.se").status_code == 302
    assert subscribe(committee, email="en-till@example.se").status_code == 429
