import pytest
from django.urls import reverse

from paragraf.meetings.models import AgendaItem
from paragraf.meetings.tests.recording_setup import held_meeting


@pytest.fixture
def held(committee):
    return held_meeting(committee)


def item_url(item, name="meeting_item"):
    return reverse(f"backoffice:{name}", kwargs={"meeting": item.meeting_id, "item": item.pk})


def test_the_decision_text_is_prefilled_from_the_proposed_decision(client, held, secretary):
    _meeting, items, _p = held
    client.force_login(secretary)
    html = client.get(item_url(items[0])).content.decode()
    assert "Förslag 1</textarea>" in html
    assert 'hx-trigger="input changed delay:700ms, change"' in html
    assert "<legend>Utfall" in html or "<legend>" in html


def test_an_autosave_returns_the_saved_indicator_and_the_new_version(client, held, secretary):
    _meeting, items, _p = held
    item = items[0]
    client.force_login(secretary)
    response = client.post(
        item_url(item, "meeting_item_decision"),
        {"decision": "Nämnden bifaller förslaget.", "outcome": "bifall", "version": item.version},
        HTTP_HX_REQUEST="true",
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sparat kl." in html
    stored = AgendaItem.objects.get(pk=item.pk)
    assert stored.decision == "Nämnden bifaller förslaget."
    assert stored.state == AgendaItem.State.HANDLED
    assert f'value="{stored.version}" id="decision-version" hx-swap-oob="true"' in html
    assert "<html" not in html


def test_typing_on_from_the_new_version_keeps_saving(client, held, secretary):
    _meeting, items, _p = held
    item = items[0]
    client.force_login(secretary)
    url = item_url(item, "meeting_item_decision")
    client.post(url, {"decision": "Näm", "version": item.version}, HTTP_HX_REQUEST="true")
    version = AgendaItem.objects.get(pk=item.pk).version
    response = client.post(url, {"decision": "Nämnden", "version": version}, HTTP_HX_REQUEST="true")
    assert "Sparat kl." in response.content.decode()
    assert AgendaItem.objects.get(pk=item.pk).decision == "Nämnden"


def test_without_javascript_the_form_saves_and_comes_back(client, held, secretary):
    _meeting, items, _p = held
    item = items[0]
    client.force_login(secretary)
    response = client.post(
        item_url(item, "meeting_item_decision"),
        {"decision": "Bifall", "outcome": "aterremiss", "version": item.version},
        follow=True,
    )
    assert response.redirect_chain[-1][0].startswith(item_url(item))
    assert "Sparat" in response.content.decode()
    assert AgendaItem.objects.get(pk=item.pk).outcome == "aterremiss"
