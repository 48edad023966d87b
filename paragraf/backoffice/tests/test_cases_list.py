"""The committee's case list: search and filters, and registering a case."""

import datetime

import pytest
import time_machine
from django.urls import reverse

from paragraf import factories
from paragraf.cases.models import Case


@pytest.fixture
def cases(committee, users):
    officer = users["handlaggare"]
    with time_machine.travel(datetime.datetime(2022, 3, 1, 12, tzinfo=datetime.UTC)):
        old = factories.case(
            committee.body, committee=committee, reference="RS 2022/7", title="Bredband i Hällefors"
        )
    new = factories.case(
        committee.body,
        committee=committee,
        reference="RS 2023/1",
        title="Företagsstöd",
        description="Ansökan om medel för besöksnäring",
        status=Case.Status.DECIDED,
        case_officer=officer,
    )
    other = factories.committee(committee.body)
    factories.case(committee.body, committee=other, reference="RS 2023/2", title="Besöksnäring")
    return {"old": old, "new": new}


def listed(client, committee, **params):
    url = reverse("backoffice:cases_list", kwargs={"committee": committee.slug})
    response = client.get(url, params)
    assert response.status_code == 200
    return [case.reference for case in response.context["page"].object_list]


def test_it_lists_only_the_committees_cases(client, secretary, committee, cases):
    client.force_login(secretary)
    assert sorted(listed(client, committee)) == ["RS 2022/7", "RS 2023/1"]


@pytest.mark.parametrize(
    ("q", "expected"),
    [("2022/7", ["RS 2022/7"]), ("bredband", ["RS 2022/7"]), ("besöksnäring", ["RS 2023/1"])],
)
def test_it_searches_number_title_and_description(client, secretary, committee, cases, q, expected):
    client.force_login(secretary)
    assert listed(client, committee, q=q) == expected


def test_it_filters_by_status_year_and_officer(client, secretary, committee, cases, users):
    client.force_login(secretary)
    assert listed(client, committee, status="beslutat") == ["RS 2023/1"]
    assert listed(client, committee, year="2022") == ["RS 2022/7"]
    assert listed(client, committee, officer=users["handlaggare"].pk) == ["RS 2023/1"]


def test_a_bad_filter_shows_the_error_instead_of_failing(client, secretary, committee, cases):
    client.force_login(secretary)
    url = reverse("backoffice:cases_list", kwargs={"committee": committee.slug})
    response = client.get(url, {"year": "tjugo", "status": "okänd"})
    assert response.status_code == 200
    assert list(response.context["page"].object_list) == []
    assert "Fyll i ett heltal." in response.content.decode()


def test_registering_a_case_gives_it_the_next_number(client, users, committee):
    client.force_login(users["handlaggare"])
    committee.body.case_number_format = "{prefix} {year}-{seq:05d}"
    committee.body.case_number_prefix = "RTN"
    committee.body.save()
    url = reverse("backoffice:cases_create", kwargs={"committee": committee.slug})
    data = {"title": "Företagsstöd", "description": "", "proposed_decision": "Bifall"}
    with time_machine.travel(datetime.datetime(2022, 5, 2, 10, tzinfo=datetime.UTC)):
        response = client.post(url, data)
        client.post(url, data)  # sent twice
    case = Case.objects.get()
    assert case.reference == "RTN 2022-00001"
    assert case.committee == committee
    assert response.status_code == 302
    assert response.url == reverse("backoffice:cases_detail", kwargs={"case": case.pk})
    page = client.get(response.url)
    assert "Ärendet RTN 2022-00001 är registrerat." in page.content.decode()


def test_registering_without_a_title_says_why(client, secretary, committee):
    client.force_login(secretary)
    url = reverse("backoffice:cases_create", kwargs={"committee": committee.slug})
    response = client.post(url, {"title": ""})
    assert response.status_code == 200
    assert "Detta fält måste fyllas i." in response.content.decode()
    assert not Case.objects.exists()


def test_editing_a_case_saves_it(client, secretary, committee, cases):
    client.force_login(secretary)
    case = cases["old"]
    url = reverse("backoffice:cases_detail", kwargs={"case": case.pk})
    response = client.post(
        url, {"title": "Bredband", "status": "avslutat", "proposed_decision": "Avslag"}
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.title, case.status, case.reference) == ("Bredband", "avslutat", "RS 2022/7")
