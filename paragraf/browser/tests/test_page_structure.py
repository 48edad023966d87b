"""Checks every page type's outline and keeps a full-page screenshot of each
in var/screenshots/ for a person to look at."""

import pytest
from django.conf import settings

from paragraf.browser.pages import PUBLIC_PAGES, visit

SCREENSHOTS = settings.BASE_DIR / "var" / "screenshots"


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_every_page_has_one_main_heading_in_swedish(page, name):
    visit(page, name)
    assert page.locator("h1").count() == 1
    assert page.locator("main#main").count() == 1
    assert page.get_attribute("html", "lang") == "sv"

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screenshot = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=screenshot, full_page=True)
    assert screenshot.stat().st_size > 0
