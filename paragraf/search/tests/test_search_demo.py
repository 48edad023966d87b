"""Searching the demo data, as a visitor to the demo site would."""

import pytest
from django.test import override_settings

from paragraf.demo import loader
from paragraf.search import index
from paragraf.search.index import Kind
from paragraf.search.query import Filters, search


@pytest.fixture
def demo(db, tmp_path):
    with override_settings(
        PASSWORD_HASHERS=["django.contrib.auth.hashers.MD5PasswordHasher"], MEDIA_ROOT=tmp_path
    ):
        loader.load_demo()
    return index.rebuild()


def test_the_demo_minutes_are_found_by_a_word_in_another_form(demo):
    hits = search("Coompanions", Filters(kind=Kind.DECISION)).hits
    assert hits
    assert all("/paragraf-" in hit.url for hit in hits)


def test_the_demo_non_public_item_is_not_found(demo):
    assert demo > 50
    assert search('"återkrav av företagsstöd"').hits == []
    assert search("näringsidkare villkoren").hits == []
