"""Saved searches: followed from the search page, run daily, new public hits mailed once."""

import io

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from paragraf import factories
from paragraf.alerts import search_alerts, services
from paragraf.alerts.models import Subscription
from paragraf.alerts.tests.conftest import SITE, link
from paragraf.meetings.models import AgendaItem, Meeting
from paragraf.search import index

pytestmark = pytest.mark.django_db

MARKERS = ["HEMLIG-TITEL", "HEMLIG-TEXT"]


@pytest.fixture
def meeting(committee):
    return factories.meeting(
        committee, day=timezone.localdate(), state=Meeting.State.NOTICE_PUBLISHED
    )


@pytest.fixture
def old_hit(meeting):
    item = factories.item(meeting, title="Bidrag till Hopajola", state=AgendaItem.State.ON_AGENDA)
    index.rebuild()
    return item


def follow(email="besokare@example.se", query="hopajola", **filters):
    subscription = Subscription.objects.create(
        email=email, kind=Subscription.Kind.SEARCH, query=query, filters=filters
    )
    return services.confirm(subscription)


def send():
    out = io.StringIO()
    call_command("send_search_alerts", stdout=out)
    return out.getvalue()


def alerts(outbox):
    return [m for m in outbox if "List-Unsubscribe" in m.extra_headers]


def test_a_search_is_followed_from_the_search_page(client, committed, old_hit, mailoutbox):
    results = client.get("/sok/?q=hopajola&committee=regional-tillvaxtnamnd").content.decode()
    follow_url = "/bevakning/sokning/?q=hopajola&amp;committee=regional-tillvaxtnamnd"
    assert f'href="{follow_url}"' in results
    page = client.get(follow_url.replace("&amp;", "&"))
    html = page.content.decode()
    assert page.status_code == 200
    assert "sökningen “hopajola” (Regional tillväxtnämnd)" in html
    assert '<input type="hidden" name="committee" value="regional-tillvaxtnamnd">' in html
    data = {"q": "hopajola", "committee": "regional-tillvaxtnamnd", "email": "a@example.se"}
    response = committed(client.post, "/bevakning/sokning/", data)
    assert response["Location"] == "/bevakning/skickat/"
    (confirmation,) = mailoutbox
    assert "nya träffar för sökningen “hopajola” (Regional tillväxtnämnd)" in confirmation.body
    client.post(link(confirmation, "bekrafta"))
    subscription = Subscription.objects.get()
    assert subscription.confirmed_at is not None
    assert (subscription.query, subscription.filters) == (
        "hopajola",
        {"committee": "regional-tillvaxtnamnd"},
    )
    # The hits there were when it was confirmed are not news.
    assert subscription.last_run_at is not None
    assert search_alerts.run(subscription) == 0


def test_a_search_without_words_cannot_be_followed(client, db):
    response = client.get("/bevakning/sokning/?q=-hopajola")
    assert response.status_code == 400
    assert "inte bara ord som ska uteslutas" in response.content.decode()
    response = client.post("/bevakning/sokning/", {"q": "", "email": "a@example.se"})
    assert response.status_code == 400
    assert not Subscription.objects.exists()


def test_new_public_hits_are_mailed_once(old_hit, meeting, mailoutbox):
    subscription = follow()
    factories.item(meeting, title="Nytt bidrag till Hopajola", state=AgendaItem.State.ON_AGENDA)
    factories.item(
        meeting,
        title="HEMLIG-TITEL om Hopajola",
        summary="HEMLIG-TEXT Hopajola",
        is_public=False,
        state=AgendaItem.State.ON_AGENDA,
    )
    index.rebuild()
    assert "1 saved searches run, 1 new hits mailed" in send()
    (message,) = alerts(mailoutbox)
    assert message.to == ["besokare@example.se"]
    assert message.subject == "1 ny träff för din sparade sökning"
    assert "1 ny träff för sökningen “hopajola”:" in message.body
    assert "Nytt bidrag till Hopajola" in message.body
    assert ": Bidrag till Hopajola" not in message.body  # known when confirmed
    assert f"{SITE}{meeting.get_absolute_url()}punkt-2/" in message.body
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    assert message.extra_headers["List-Unsubscribe"].startswith(f"<{SITE}/bevakning/avsluta/")
    for marker in MARKERS:
        assert marker not in message.body + message.alternatives[0][0]
    assert "0 new hits mailed" in send()
    assert len(alerts(mailoutbox)) == 1
    subscription.refresh_from_db()
    assert subscription.deliveries.filter(mailed=True).count() == 1


def test_a_hit_made_non_public_since_the_index_was_built_is_not_mailed(
    old_hit, meeting, mailoutbox
):
    follow()
    fresh = factories.item(meeting, title="Hopajola HEMLIG-TITEL", state=AgendaItem.State.ON_AGENDA)
    index.rebuild()
    AgendaItem.objects.filter(pk=fresh.pk).update(is_public=False)
    send()
    assert alerts(mailoutbox) == []


def test_only_hits_matching_the_filters_are_mailed(old_hit, meeting, mailoutbox):
    follow(committee="kulturnamnden")
    factories.item(meeting, title="Nytt bidrag till Hopajola", state=AgendaItem.State.ON_AGENDA)
    index.rebuild()
    send()
    assert alerts(mailoutbox) == []


def test_unconfirmed_searches_are_not_run(old_hit, meeting, mailoutbox):
    Subscription.objects.create(email="a@example.se", kind="sokning", query="hopajola")
    factories.item(meeting, title="Nytt bidrag till Hopajola", state=AgendaItem.State.ON_AGENDA)
    index.rebuild()
    assert "0 saved searches run" in send()
    assert mailoutbox == []


def test_without_an_index_a_confirmed_search_waits_for_its_first_run(meeting, mailoutbox):
    factories.item(meeting, title="Bidrag till Hopajola", state=AgendaItem.State.ON_AGENDA)
    subscription = follow()
    assert subscription.last_run_at is None
    with pytest.raises(CommandError):
        send()
    index.rebuild()
    assert "0 new hits mailed" in send()  # the first run notes what there is
    factories.item(meeting, title="Nytt bidrag till Hopajola", state=AgendaItem.State.ON_AGENDA)
    index.rebuild()
    assert "1 new hits mailed" in send()
    (message,) = alerts(mailoutbox)
    assert "Nytt bidrag till Hopajola" in message.body


def test_the_task_runs_the_saved_searches(old_hit, meeting, mailoutbox):
    from paragraf.alerts.tasks import send_search_alerts

    follow()
    factories.item(meeting, title="Nytt bidrag till Hopajola", state=AgendaItem.State.ON_AGENDA)
    index.rebuild()
    result = send_search_alerts.enqueue()
    assert result.return_value == {"searches": 1, "hits": 1}
    assert len(alerts(mailoutbox)) == 1
