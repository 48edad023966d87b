import pytest
from django.test import Client
from django.urls import reverse

from paragraf.meetings.models import AgendaItem
from paragraf.meetings.tests.recording_setup import held_meeting


@pytest.fixture
def held(committee):
    return held_meeting(committee)


def item_url(item, name="meeting_item"):
    return reverse(f"backoffice:{name}", kwargs={"meeting": item.meeting_id, "item": item.pk})


CONFLICT = "Någon annan har ändrat ärendet medan du skrev"


def _secretaries(secretary):
    first, second = Client(), Client()
    first.force_login(secretary)
    second.force_login(secretary)
    return first, second


def _loaded_version(client, item):
    response = client.get(item_url(item))
    assert response.status_code == 200
    return response.context["decision_form"].initial["version"]


def test_the_second_of_two_secretaries_gets_both_texts_and_nothing_is_lost(held, secretary):
    _meeting, items, _p = held
    item = items[0]
    first, second = _secretaries(secretary)
    version_one = _loaded_version(first, item)
    version_two = _loaded_version(second, item)
    url = item_url(item, "meeting_item_decision")

    saved = first.post(
        url, {"decision": "Nämnden bifaller.", "outcome": "bifall", "version": version_one}
    )
    assert saved.status_code == 302
    clash = second.post(
        url, {"decision": "Nämnden avslår.", "outcome": "avslag", "version": version_two}
    )

    assert clash.status_code == 409
    html = clash.content.decode()
    assert CONFLICT in html
    assert 'id="conflict-theirs"' in html and "Nämnden bifaller." in html
    assert 'id="conflict-yours"' in html and "Nämnden avslår." in html
    # The user's text stays in the form, ready to save again on purpose.
    assert clash.context["decision_form"]["decision"].value() == "Nämnden avslår."
    item.refresh_from_db()
    assert item.decision == "Nämnden bifaller." and item.outcome == "bifall"


def test_saving_again_after_seeing_the_conflict_replaces_their_text(held, secretary):
    _meeting, items, _p = held
    item = items[0]
    first, second = _secretaries(secretary)
    version = _loaded_version(first, item)
    url = item_url(item, "meeting_item_decision")
    first.post(url, {"decision": "Först", "outcome": "", "version": version})
    clash = second.post(url, {"decision": "Sedan", "outcome": "", "version": version})
    again = clash.context["decision_form"]["version"].value()
    assert (
        second.post(url, {"decision": "Sedan", "outcome": "", "version": again}).status_code == 302
    )
    assert AgendaItem.objects.get(pk=item.pk).decision == "Sedan"


def test_an_autosave_that_clashes_shows_the_conflict_box_instead_of_saving(held, secretary):
    _meeting, items, _p = held
    item = items[0]
    first, second = _secretaries(secretary)
    version = _loaded_version(first, item)
    url = item_url(item, "meeting_item_decision")
    first.post(
        url, {"decision": "Först", "outcome": "", "version": version}, HTTP_HX_REQUEST="true"
    )
    response = second.post(
        url, {"decision": "Sedan", "outcome": "", "version": version}, HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#decision-conflict"
    html = response.content.decode()
    assert CONFLICT in html and "Först" in html and "Sedan" in html
    assert AgendaItem.objects.get(pk=item.pk).decision == "Först"
