"""The certified extract (protokollsutdrag) of one paragraph."""

import pytest
from django.core.exceptions import PermissionDenied

from paragraf import factories
from paragraf.documents.render import render_extract
from paragraf.documents.tests.test_minutes_pdf import MEMBERS, flat, text_of
from paragraf.meetings.models import Paragraph

pytestmark = pytest.mark.django_db

# Typst markup, a math formula, a label, a reference, HTML: all must stay text.
TRICKY = "#set page(fill: red) *fet* _kursiv_ $x^2$ <script>alert(1)</script> @ref [länk] \\ `kod`"


@pytest.fixture
def meeting():
    return factories.verified_meeting(factories.seed_committee())


def test_the_extract_holds_the_paragraph_and_its_certification(meeting):
    paragraph = Paragraph.objects.get(agenda_item__meeting=meeting, number=1)
    text = flat(text_of(render_extract(paragraph)))
    assert "Protokollsutdrag § 1 Regional tillväxtnämnd 14 december 2022" in text
    assert "§ 1 Verksamhetsbidrag 2023 till Hopajola" in text
    assert "Diarienummer RUN 2022/1234" in text
    assert "Regional tillväxtnämnd beviljar 305 000 kronor." in text
    assert "Utdragsbestyrkande" in text
    assert "Utdragets överensstämmelse med protokollet intygas." in text
    assert "§ 3" not in text


def test_the_public_cannot_have_an_extract_of_a_secret_paragraph(meeting):
    paragraph = Paragraph.objects.get(agenda_item__meeting=meeting, number=2)
    with pytest.raises(PermissionDenied):
        render_extract(paragraph)


def test_members_get_the_extract_of_a_secret_paragraph(meeting):
    paragraph = Paragraph.objects.get(agenda_item__meeting=meeting, number=2)
    text = flat(text_of(render_extract(paragraph, MEMBERS)))
    assert "HEMLIG-TITEL" in text and "HEMLIGT-BESLUT" in text


def test_text_with_typst_markup_arrives_verbatim(meeting):
    paragraph = Paragraph.objects.get(agenda_item__meeting=meeting, number=1)
    paragraph.title = TRICKY
    paragraph.decision = TRICKY
    paragraph.save()
    text = flat(text_of(render_extract(paragraph)))
    assert text.count(TRICKY) >= 2


def test_a_character_no_font_has_is_replaced_instead_of_failing(meeting):
    paragraph = Paragraph.objects.get(agenda_item__meeting=meeting, number=1)
    paragraph.decision = "Beviljas 😀 med Ω och ✓."
    paragraph.save()
    text = flat(text_of(render_extract(paragraph)))
    assert "Beviljas \ufffd med Ω och ✓." in text
