import pytest

from paragraf.browser.pages import MEETING_PATH, NON_PUBLIC_MARKERS

# The meeting lists the non-public item (position 2, § 2); both have pages of their own.
PAGES_SHOWING_THE_ITEM = {
    "meeting": MEETING_PATH,
    "item": MEETING_PATH + "punkt-2/",
    "paragraph": MEETING_PATH + "paragraf-2/",
}


@pytest.mark.parametrize("path", PAGES_SHOWING_THE_ITEM.values(), ids=PAGES_SHOWING_THE_ITEM)
def test_non_public_item_is_not_visible_in_the_browser(page, path):
    response = page.goto(path)
    assert response.status == 200
    # What a visitor sees: the page's text and the tab's title.
    seen = page.locator("body").inner_text() + "\n" + page.title()
    assert [marker for marker in NON_PUBLIC_MARKERS if marker in seen] == []
    assert "Ärendet är inte offentligt" in seen
