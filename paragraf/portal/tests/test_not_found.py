import pytest

BASE = "/namnder/regional-tillvaxtnamnd/"


@pytest.mark.parametrize(
    ("path", "explanation"),
    [
        ("/namnder/finns-inte/", "Det finns ingen nämnd på den här adressen."),
        (BASE + "mote-2022-02-30/", "Datumet i adressen finns inte."),
        (BASE + "mote-2022-13-01/", "Datumet i adressen finns inte."),
        (BASE + "mote-2021-12-14/", "Nämnden har inget publicerat sammanträde den dagen."),
        (BASE + "sammantrade/", "Adressen pekar inte ut något sammanträde."),
        ("/namnder/finns-inte/mote-2022-12-14/", "Det finns ingen nämnd på den här adressen."),
        (BASE + "mote-2022-12-14/punkt-99/", "Sammanträdet har inget sådant ärende."),
        (BASE + "mote-2022-12-14/paragraf-99/", "Sammanträdet har inget sådant ärende."),
        ("/finns/inte/alls/", "Sidan du söker finns inte"),
    ],
)
def test_unknown_addresses_get_a_helpful_swedish_404(client, verified_meeting, path, explanation):
    response = client.get(path)
    assert response.status_code == 404
    html = response.content.decode()
    assert explanation in html
    assert "Sidan finns inte" in html
    assert '<html lang="sv">' in html


def test_an_over_long_address_is_not_found(client, verified_meeting):
    response = client.get(BASE + "x" * 5000 + "/")
    assert response.status_code == 404
    response = client.get(BASE + "mote-2022-12-14/punkt-" + "9" * 400 + "/")
    assert response.status_code == 404


def test_a_huge_paragraph_number_is_not_found(client, verified_meeting):
    response = client.get(BASE + "mote-2022-12-14/paragraf-99999999999999999999/")
    assert response.status_code == 404


def test_head_requests_get_the_same_status(client, verified_meeting):
    assert client.head(BASE + "mote-2022-12-14/").status_code == 200
    assert client.head(BASE + "mote-2022-02-30/").status_code == 404


def test_state_changing_methods_are_refused(client, verified_meeting):
    assert client.post(BASE + "mote-2022-12-14/").status_code in (403, 405)


def test_a_paragraph_page_is_not_found_before_verification(client, verified_meeting):
    verified_meeting.state = verified_meeting.State.HELD
    verified_meeting.save()
    response = client.get(BASE + "mote-2022-12-14/paragraf-1/")
    assert response.status_code == 404
    assert "inte justerat ännu" in response.content.decode()


def test_an_item_added_at_the_meeting_has_no_page_before_the_minutes(client, verified_meeting):
    verified_meeting.state = verified_meeting.State.HELD
    verified_meeting.save()
    assert client.get(BASE + "mote-2022-12-14/punkt-4/").status_code == 404
