import datetime
import threading

import pytest
from django.db import connection, connections

from paragraf import factories
from paragraf.cases.models import Case, CaseSequence
from paragraf.cases.services import register_case


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user("handlaggare")


@pytest.mark.parametrize(
    ("format", "prefix", "expected"),
    [
        ("{prefix} {year}/{seq}", "RS", "RS 2022/123"),
        ("{yy}{prefix}{seq}", "RS", "22RS123"),
        ("{prefix} {year}-{seq:05d}", "RTN", "RTN 2022-00123"),
    ],
)
def test_case_numbers_follow_the_bodys_format(db, user, format, prefix, expected):
    body = factories.body(case_number_format=format, case_number_prefix=prefix)
    CaseSequence.objects.create(body=body, year=2022, last=122)
    case = register_case(body, factories.committee(body), "Företagsstöd", by=user, year=2022)
    assert case.reference == expected


def test_numbers_follow_each_other_in_a_year_and_restart_in_january(db, user):
    body = factories.body(case_number_format="{yy}{prefix}{seq}", case_number_prefix="RS")
    committee = factories.committee(body)
    first = register_case(body, committee, "Ett", by=user, year=2023)
    second = register_case(body, committee, "Två", by=user, year=2023)
    next_year = register_case(body, committee, "Tre", by=user, year=2024)
    assert [first.reference, second.reference, next_year.reference] == [
        "23RS1",
        "23RS2",
        "24RS1",
    ]


def test_the_year_is_this_year_by_default(db, user, time_machine):
    time_machine.move_to(datetime.datetime(2022, 5, 1, 12, tzinfo=datetime.UTC))
    body = factories.body(case_number_format="{prefix} {year}-{seq:05d}", case_number_prefix="RTN")
    case = register_case(body, factories.committee(body), "Ett", by=user)
    assert case.reference == "RTN 2022-00001"


def test_a_form_sent_twice_registers_one_case(db, user):
    body = factories.body()
    committee = factories.committee(body)
    first = register_case(body, committee, "Ett", by=user, year=2022)
    again = register_case(body, committee, "Ett", by=user, year=2022)
    assert again == first
    assert Case.objects.count() == 1


def test_a_number_already_used_by_hand_is_refused_not_skipped(db, user):
    body = factories.body(case_number_format="RS {year}/{seq}")
    factories.case(body, reference="RS 2022/1")
    with pytest.raises(Exception, match="redan") as error:
        register_case(body, factories.committee(body), "Ett", by=user, year=2022)
    assert "RS 2022/1" in str(error.value)
    assert not CaseSequence.objects.filter(body=body, last__gt=0).exists()


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="Row locks (SELECT ... FOR UPDATE) need PostgreSQL; `make test` runs this "
    "in its PostgreSQL leg, which CI requires.",
)
@pytest.mark.django_db(transaction=True)
def test_two_registrations_never_share_a_number():
    body = factories.body()
    committee = factories.committee(body)
    CaseSequence.objects.create(body=body, year=2022)
    barrier = threading.Barrier(2)
    errors = []

    def register(n):
        try:
            barrier.wait(timeout=10)
            for i in range(10):
                register_case(body, committee, f"Ärende {n}-{i}", by=None, year=2022)
        except Exception as error:  # noqa: BLE001 - reported by the assertion below
            errors.append(error)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=register, args=(n,)) for n in (1, 2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    assert errors == []
    references = sorted(Case.objects.filter(body=body).values_list("reference", flat=True))
    assert references == sorted(f"RS 2022/{n}" for n in range(1, 21))
