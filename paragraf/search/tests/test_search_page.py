"""The public search page: the form, hits linked to their pages, paging, no index."""

import pytest
from django.core.management import call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from paragraf.search import index
from paragraf.search.management.commands.rebuild_search_index import Command
from paragraf.search.query import search
from paragraf.search.tests.conftest import add_item

pytestmark = pytest.mark.django_db


def test_the_empty_page_shows_the_labelled_form(client, committee):
    response = client.get("/sok/")
    assert response.status_code == 200
    page = response.content.decode()
    assert page.count("<h1") == 1
    assert 'for="id_q"' in page
    assert "Regional tillväxtnämnd" in page
    assert not response.cookies


def test_a_hit_links_to_its_page_with_a_highlighted_snippet(client, published, indexed):
    add_item(published, "Skolskjuts", summary="Nya skolklasser i <b>Örebro</b>.")
    indexed()
    response = client.get("/sok/", {"q": "skolklass"})
    page = response.content.decode()
    assert response.status_code == 200
    assert f'href="/namnder/regional-tillvaxtnamnd/{published.slug}/punkt-1/"' in page
    assert "<mark>skolklasser</mark>" in page
    assert "&lt;b&gt;Örebro" in page
    assert "<b>" not in page
    assert "Regional tillväxtnämnd" in page


def test_results_come_twenty_to_a_page(client, published, indexed):
    for number in range(25):
        add_item(published, f"Bidrag {number}")
    indexed()
    first = client.get("/sok/", {"q": "bidrag"}).content.decode()
    assert first.count('class="search-kind"') == 20
    assert "page=2" in first
    second = client.get("/sok/", {"q": "bidrag", "page": 2}).content.decode()
    assert second.count('class="search-kind"') == 5


def test_bad_filters_show_the_form_again(client, committee, indexed):
    indexed()
    response = client.get("/sok/", {"q": "x", "year": "tvåtusen", "kind": "<x>", "page": "-1"})
    assert response.status_code == 200
    assert "&lt;x&gt;" in response.content.decode()


def test_without_an_index_the_page_says_search_is_unavailable(client, committee):
    response = client.get("/sok/", {"q": "bidrag"})
    assert response.status_code == 503
    assert "Sökningen är inte tillgänglig just nu" in response.content.decode()


def test_the_rebuild_command_reports_how_many_it_indexed(published, capsys):
    add_item(published, "Ett")
    add_item(published, "Två")
    call_command(Command())
    assert "Indexed 2 documents" in capsys.readouterr().out
    assert index.index_path().is_symlink()
    first = {path.name for path in index.folder().iterdir()}
    call_command(Command())  # a second rebuild replaces the first
    second = {path.name for path in index.folder().iterdir()}
    assert {"public", "members", ".lock"} < second
    assert len(second) == 5  # the two links, their two folders and the lock
    assert not (first - {"public", "members", ".lock"}) & second


# The fixtures only read: sharing them between examples is what is wanted.
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=st.text())
def test_any_input_gets_results_or_a_message(published_index, client, text):
    results = search(text)
    assert results.hits or results.message
    response = client.get("/sok/", {"q": text, "sort": "datum"})
    assert response.status_code == 200


@pytest.fixture
def published_index(published, indexed):
    add_item(published, "Bidrag EU:s fonder kl. 13:00", summary='Föreningen\'s "ansökan" -ai')
    indexed()


def test_an_index_of_an_older_version_is_not_read(client, published, indexed):
    add_item(published, "Bidrag")
    indexed()
    (index.index_path() / index.VERSION_FILE).write_text("1")
    response = client.get("/sok/", {"q": "bidrag"})
    assert response.status_code == 503
