import csv
import datetime
import io
import json

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from paragraf import factories
from paragraf.feeds.tests.conftest import assert_no_secret
from paragraf.meetings.models import Meeting
from paragraf.meetings.services import number_paragraphs

BASE = "/oppna-data/namnder/regional-tillvaxtnamnd/"
SEED_URL = "http://testserver/namnder/regional-tillvaxtnamnd/mote-2022-12-14/"


def csv_rows(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response.content.startswith(b"\xef\xbb\xbf")  # the BOM Excel looks for
    text = response.content.decode("utf-8-sig")
    assert_no_secret(text)
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def json_data(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert_no_secret(response.content.decode())
    return json.loads(response.content)


def test_the_csv_has_one_row_per_paragraph_and_hides_the_non_public_one(client, verified_meeting):
    response = client.get(BASE + "beslut-2022.csv")
    assert response["Content-Disposition"] == (
        'attachment; filename="beslut-regional-tillvaxtnamnd-2022.csv"'
    )
    rows = csv_rows(response)
    assert [row["paragraf"] for row in rows] == ["1", "2", "3"]
    public, secret, added = rows
    assert public == {
        "datum": "2022-12-14",
        "sammantrade": SEED_URL,
        "paragraf": "1",
        "offentlig": "ja",
        "rubrik": "Verksamhetsbidrag 2023 till Hopajola",
        "diarienummer": "",  # the case is not public
        "beslut": "Regional tillväxtnämnd beviljar 305 000 kronor.",
        "lank": SEED_URL + "paragraf-1/",
    }
    assert secret == {
        "datum": "2022-12-14",
        "sammantrade": SEED_URL,
        "paragraf": "2",
        "offentlig": "nej",
        "rubrik": "Ärendet är inte offentligt",
        "diarienummer": "",
        "beslut": "",
        "lank": "",
    }
    assert added["rubrik"] == "Tillkommet ärende"


def test_the_json_has_the_documented_shape(client, verified_meeting):
    public_item = verified_meeting.items.get(position=1)
    data = json_data(client.get(BASE + "beslut-2022.json"))
    assert list(data) == ["namnd", "namnd_lank", "ar", "beslut"]
    assert data["namnd"] == "Regional tillväxtnämnd"
    assert data["namnd_lank"] == "http://testserver/namnder/regional-tillvaxtnamnd/"
    assert data["ar"] == 2022
    assert [d["paragraf"] for d in data["beslut"]] == [1, 2, 3]
    assert data["beslut"][1] == {
        "datum": "2022-12-14",
        "sammantrade": SEED_URL,
        "paragraf": 2,
        "offentlig": False,
        "rubrik": None,
        "diarienummer": None,
        "beslut": None,
        "lank": None,
    }
    assert data["beslut"][0]["offentlig"] is True
    assert public_item.case.reference not in json.dumps(data)


def test_a_public_case_number_is_shown(client, committee, today):
    meeting = factories.meeting(committee, day=datetime.date(2022, 11, 2), state="justerat")
    case = factories.case(committee.body, reference="RUN 2022/77")
    factories.item(meeting, title="Bidrag", case=case)
    number_paragraphs(meeting)
    data = json_data(client.get(BASE + "beslut-2022.json"))
    assert data["beslut"][0]["diarienummer"] == "RUN 2022/77"


def test_only_verified_minutes_and_only_that_year_are_exported(client, verified_meeting):
    held = factories.meeting(
        verified_meeting.committee, day=datetime.date(2022, 12, 19), state="genomfort"
    )
    factories.item(held, title="HEMLIG-EJ-JUSTERAT")
    number_paragraphs(held)
    next_year = factories.meeting(verified_meeting.committee, day=datetime.date(2023, 1, 11))
    factories.item(next_year, title="Nästa år")
    number_paragraphs(next_year)
    assert [row["paragraf"] for row in csv_rows(client.get(BASE + "beslut-2022.csv"))] == [
        "1",
        "2",
        "3",
    ]
    rows = csv_rows(client.get(BASE + "beslut-2023.csv"))
    assert [(row["paragraf"], row["rubrik"]) for row in rows] == [("1", "Nästa år")]


def test_a_deleted_meeting_or_committee_is_not_exported(client, verified_meeting):
    Meeting.objects.filter(pk=verified_meeting.pk).update(
        deleted_at=datetime.datetime.now(datetime.UTC)
    )
    assert csv_rows(client.get(BASE + "beslut-2022.csv")) == []
    verified_meeting.committee.soft_delete()
    assert client.get(BASE + "beslut-2022.csv").status_code == 404


def test_a_year_without_minutes_gives_an_empty_file(client, committee):
    assert csv_rows(client.get(BASE + "beslut-2019.csv")) == []
    assert json_data(client.get(BASE + "beslut-2019.json"))["beslut"] == []


@pytest.mark.parametrize(
    ("path", "explanation"),
    [
        (BASE + "beslut-1066.csv", "Det finns inga protokoll för år 1066."),
        (BASE + "beslut-2031.json", "Det finns inga protokoll för år 2031."),
        (BASE + "beslut-99999999999999999999.csv", "Det finns inga protokoll för år"),
        ("/oppna-data/namnder/finns-inte/beslut-2022.csv", "Det finns ingen nämnd"),
    ],
)
def test_an_impossible_year_or_unknown_committee_gets_the_swedish_404(
    client, committee, path, explanation
):
    response = client.get(path)
    assert response.status_code == 404
    assert explanation in response.content.decode()
    assert '<html lang="sv">' in response.content.decode()
    assert "ETag" not in response


def test_a_cell_excel_would_run_as_a_formula_is_defused(client, committee, today):
    meeting = factories.meeting(committee, day=datetime.date(2022, 10, 5), state="justerat")
    factories.item(meeting, title='=HYPERLINK("http://evil.example","klicka")')
    number_paragraphs(meeting)
    rows = csv_rows(client.get(BASE + "beslut-2022.csv"))
    assert rows[0]["rubrik"] == '\'=HYPERLINK("http://evil.example","klicka")'
    # JSON is data, not a spreadsheet: it keeps the text as written.
    data = json_data(client.get(BASE + "beslut-2022.json"))
    assert data["beslut"][0]["rubrik"] == '=HYPERLINK("http://evil.example","klicka")'


def _meeting_with_paragraphs(committee, day, count, public_every=3):
    meeting = factories.meeting(committee, day=day, state="justerat")
    case = factories.case(committee.body)
    for n in range(count):
        item = factories.item(
            meeting, title=f"Ärende {n}", case=case, is_public=bool(n % public_every)
        )
        factories.attach(item)
    number_paragraphs(meeting)
    return meeting


@pytest.mark.parametrize("extension", ["csv", "json"])
def test_the_number_of_queries_does_not_grow_with_the_rows(
    client, committee, today, extension, django_assert_max_num_queries
):
    _meeting_with_paragraphs(committee, datetime.date(2022, 3, 2), 2)
    url = BASE + f"beslut-2022.{extension}"
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    _meeting_with_paragraphs(committee, datetime.date(2022, 4, 6), 15)
    _meeting_with_paragraphs(committee, datetime.date(2022, 5, 4), 15)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(url)
    body = response.content.decode("utf-8-sig")
    assert body.count("Ärende 14") == 2  # the rows really are there


def test_the_english_csv_says_not_public_in_english(client, verified_meeting):
    rows = csv_rows(client.get("/en" + BASE + "beslut-2022.csv"))
    assert rows[1]["rubrik"] == "The item is not public"
