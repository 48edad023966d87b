"""Full-page screenshots of the main pages, public and back office, on a desktop
and a 320 px wide phone, kept in var/screenshots/ (not in git) for a person to look at."""

import pytest
from django.conf import settings

from paragraf.browser.pages import PUBLIC_PAGES, back_office_pages, log_in

SCREENSHOTS = settings.BASE_DIR / "var" / "screenshots"
SCREENS = {
    "desktop": {"width": 1280, "height": 800},
    "320px": {"width": 320, "height": 640},
}
PUBLIC = ["start", "committee", "meeting", "agenda", "item", "paragraph", "noticeboard"]
PUBLIC += ["search-results", "open-data", "about", "not-found"]
BACK_OFFICE = ["dashboard", "cases", "case", "agenda-builder", "meeting-cockpit"]
BACK_OFFICE += ["meeting-item", "minutes-editor", "approval"]


def shoot(page, name, path, screen):
    page.goto(path)
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    screenshot = SCREENSHOTS / f"{name}-{screen}.png"
    page.screenshot(path=screenshot, full_page=True)
    # Something was drawn: a blank page compresses to almost nothing.
    assert screenshot.stat().st_size > 5000, f"{screenshot} looks empty"


@pytest.mark.parametrize("screen", SCREENS)
def test_screenshots_of_the_main_pages(new_context, office, screen):
    page = new_context(viewport=SCREENS[screen]).new_page()
    for name in PUBLIC:
        shoot(page, name, PUBLIC_PAGES[name][0], screen)
    log_in(page)
    paths = back_office_pages(office)
    for name in BACK_OFFICE:
        shoot(page, f"kansli-{name}", paths[name], screen)
