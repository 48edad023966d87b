"""What a visitor's words find: Swedish stems, phrases, exclusions, OR, filters, order."""

import pytest

from paragraf import factories
from paragraf.search.index import Kind
from paragraf.search.query import SORT_DATE, Filters, search
from paragraf.search.tests.conftest import DAY, add_item, other_meeting

pytestmark = pytest.mark.django_db


def titles(text, filters=None, sort="relevans"):
    return [hit.title for hit in search(text, filters, sort).hits]


def test_a_word_finds_its_plural_and_definite_forms(published, indexed):
    add_item(published, "Fler skolklasser i Örebro")
    add_item(published, "Stöd till företag", summary="Bidrag till små företag.")
    indexed()
    assert titles("skolklass") == ["Fler skolklasser i Örebro"]
    assert titles("företaget") == ["Stöd till företag"]
    assert titles("SKOLKLASSERNA") == ["Fler skolklasser i Örebro"]


def test_all_words_must_match(published, indexed):
    add_item(published, "Budget för skolan")
    add_item(published, "Budget för vården")
    indexed()
    assert titles("budget skolan") == ["Budget för skolan"]


def test_a_quoted_phrase_matches_the_words_in_order(published, indexed):
    add_item(published, "A", summary="Nämnden beviljar bidrag till föreningen.")
    add_item(published, "B", summary="Bidrag beviljas inte av nämnden.")
    indexed()
    assert sorted(titles("nämnden bidrag")) == ["A", "B"]
    assert titles('"beviljar bidrag"') == ["A"]


def test_a_minus_leaves_a_word_out(published, indexed):
    add_item(published, "Bidrag till kultur")
    add_item(published, "Bidrag till idrott")
    indexed()
    assert titles("bidrag -idrott") == ["Bidrag till kultur"]
    assert titles('bidrag -"till idrott"') == ["Bidrag till kultur"]


def test_or_finds_either_word(published, indexed):
    add_item(published, "Kultur")
    add_item(published, "Idrott")
    add_item(published, "Vård")
    indexed()
    assert sorted(titles("kultur OR idrott")) == ["Idrott", "Kultur"]
    # "or" in lower case is only a word
    assert titles("kultur or idrott") == []


def test_filters_by_committee_kind_year_and_dates(published, indexed):
    add_item(published, "Bidrag Örebro")
    later = other_meeting(DAY(2024, 3, 5))
    factories.attach(
        add_item(later, "Bidrag kultur"), factories.document(title="Bidrag bilaga", text="x")
    )
    indexed()
    assert sorted(titles("bidrag")) == ["Bidrag bilaga", "Bidrag kultur", "Bidrag Örebro"]
    assert titles("bidrag", Filters(committee="regional-tillvaxtnamnd")) == ["Bidrag Örebro"]
    assert titles("bidrag", Filters(kind=Kind.ATTACHMENT)) == ["Bidrag bilaga"]
    assert titles("bidrag", Filters(year=2022)) == ["Bidrag Örebro"]
    assert sorted(titles("bidrag", Filters(since=DAY(2023, 1, 1)))) == [
        "Bidrag bilaga",
        "Bidrag kultur",
    ]
    assert titles("bidrag", Filters(until=DAY(2022, 12, 14))) == ["Bidrag Örebro"]
    assert titles("bidrag", Filters(year=2024, until=DAY(2024, 1, 1))) == []


def test_date_sort_puts_the_newest_first(published, indexed):
    add_item(published, "Bidrag bidrag bidrag bidrag")  # the better match, but older
    add_item(other_meeting(DAY(2024, 3, 5)), "Ett bidrag", summary="Annat om annat.")
    indexed()
    assert titles("bidrag")[0] == "Bidrag bidrag bidrag bidrag"
    assert titles("bidrag", sort=SORT_DATE) == ["Ett bidrag", "Bidrag bidrag bidrag bidrag"]


def test_the_snippet_marks_the_words_and_escapes_the_text(published, indexed):
    add_item(published, "Skript", summary="Texten <script>alert(1)</script> om skolklasser här.")
    indexed()
    (hit,) = search("skolklass").hits
    assert "<mark>skolklasser</mark>" in hit.snippet
    assert "&lt;script&gt;" in hit.snippet
    assert "<script>" not in hit.snippet


def test_the_snippet_counts_swedish_letters_right(published, indexed):
    add_item(published, "Å", summary="Åtgärder för öppna ärenden: företagets ansökan.")
    indexed()
    (hit,) = search("ansökan").hits
    assert "<mark>ansökan</mark>" in hit.snippet


@pytest.mark.parametrize(
    "text",
    [
        "EU:s",
        "kl. 13:00",
        "don't",
        "l'hôpital",
        '"obalanserat',
        'bidrag "',
        "-ai",
        "-",
        "- - -",
        "OR",
        "OR OR bidrag OR",
        "title:bidrag",
        "bidrag AND",
        "(bidrag",
        "*",
        "bidrag^2",
        "a" * 5000,
    ],
)
def test_awkward_input_gets_results_or_a_message(published, indexed, text):
    add_item(published, "Bidrag EU:s fonder kl. 13:00")
    indexed()
    results = search(text)
    assert results.hits or results.message


def test_colons_in_words_still_match(published, indexed):
    add_item(published, "Bidrag ur EU:s fonder", summary="Mötet börjar kl. 13:00.")
    indexed()
    assert titles("EU:s") == ["Bidrag ur EU:s fonder"]
    assert titles("13:00") == ["Bidrag ur EU:s fonder"]


def test_only_exclusions_or_nothing_gets_a_helpful_message(published, indexed):
    add_item(published, "Bidrag")
    indexed()
    assert "inte bara ord som ska uteslutas" in search("-bidrag").message
    assert "Skriv ett eller flera ord" in search("  ").message
    assert "Skriv ett eller flera ord" in search("-").message


def test_an_unbalanced_quote_searches_the_words_one_by_one(published, indexed):
    add_item(published, "Bidrag", summary="Nämnden beviljar föreningen stöd.")
    indexed()
    assert titles('"föreningen beviljar') == ["Bidrag"]
    assert titles('"föreningen beviljar"') == []
