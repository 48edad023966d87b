import datetime

from paragraf import factories
from paragraf.meetings.models import Meeting
from paragraf.organisation.models import Membership


def test_it_groups_current_members_by_role_with_party(client, committee):
    factories.membership(
        committee,
        Membership.Role.CHAIR,
        party="S",
        person=factories.person(given_name="Ada", family_name="Ordf"),
    )
    factories.membership(
        committee,
        Membership.Role.MEMBER,
        party="M",
        person=factories.person(given_name="Bo", family_name="Ledamot"),
    )
    factories.membership(
        committee,
        Membership.Role.SUBSTITUTE,
        party="C",
        person=factories.person(given_name="Cia", family_name="Ersatt"),
    )
    factories.membership(
        committee,
        Membership.Role.MEMBER,
        end_date=datetime.date(2020, 1, 1),
        person=factories.person(given_name="Gammal", family_name="Ledamot"),
    )
    page = client.get("/namnder/regional-tillvaxtnamnd/").content.decode()
    html = page.split('id="ledamoter"', 1)[1]
    assert (
        html.index("<h3>Ordförande</h3>")
        < html.index("Ada Ordf")
        < html.index("<h3>Ledamöter</h3>")
    )
    assert (
        html.index("<h3>Ledamöter</h3>")
        < html.index("Bo Ledamot")
        < html.index("<h3>Ersättare</h3>")
    )
    assert "Cia Ersatt" in html and "(C)" in html
    assert "Gammal Ledamot" not in html


def test_it_lists_meetings_by_year(client, verified_meeting, committee):
    factories.meeting(
        committee, day=datetime.date(2023, 2, 15), state=Meeting.State.NOTICE_PUBLISHED
    )
    planned = factories.meeting(committee, day=datetime.date(2023, 3, 15))
    planned.state = Meeting.State.PLANNED
    planned.save()
    html = client.get("/namnder/regional-tillvaxtnamnd/").content.decode()
    assert html.index('id="ar-2023"') < html.index("15 februari 2023") < html.index('id="ar-2022"')
    assert html.index('id="ar-2022"') < html.index("14 december 2022")
    assert "/namnder/regional-tillvaxtnamnd/mote-2022-12-14/" in html
    assert "15 mars 2023" not in html


def test_its_query_count_does_not_grow_with_the_meetings(
    client, committee, django_assert_num_queries
):
    client.get("/")  # the site's body is cached across pages
    url = "/namnder/regional-tillvaxtnamnd/"
    factories.meeting(committee, day=datetime.date(2022, 1, 1))
    with django_assert_num_queries(3) as few:
        client.get(url)
    for month in range(2, 12):
        factories.meeting(committee, day=datetime.date(2022, month, 1))
    with django_assert_num_queries(len(few)):
        assert client.get(url).content.decode().count("mote-2022-") == 11
