import pytest

from paragraf import factories


@pytest.fixture
def committee(db):
    return factories.seed_committee()


@pytest.fixture
def verified_meeting(committee):
    return factories.verified_meeting(committee)


@pytest.fixture
def meeting_url(verified_meeting):
    return "/namnder/regional-tillvaxtnamnd/mote-2022-12-14/"
