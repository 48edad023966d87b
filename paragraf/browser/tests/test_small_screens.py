"""Every page type, public and back office, fits a 320 px wide screen and a
1280 px screen zoomed to 200 % without scrolling sideways (WCAG 1.4.10)."""

import pytest
from playwright.sync_api import expect

from paragraf.browser.pages import ALERT_PAGES, PUBLIC_PAGES, back_office_pages, log_in, tab_to

# Lists the innermost elements that stick out to the right of the viewport, so a
# failure names the culprit instead of just saying "too wide".
FIND_OVERFLOWING = """() => {
  const limit = window.innerWidth;
  const describe = (el) => el.tagName.toLowerCase()
    + (el.id ? "#" + el.id : "")
    + (el.classList.length ? "." + [...el.classList].join(".") : "");
  const wide = [...document.querySelectorAll("body *")].filter(
    (el) => el.getBoundingClientRect().right > limit + 0.5
  );
  return wide
    .filter((el) => !wide.some((other) => other !== el && el.contains(other)))
    .map((el) => `${describe(el)} (right edge ${Math.round(el.getBoundingClientRect().right)}px): `
      + JSON.stringify((el.textContent || "").trim().slice(0, 60)));
}"""

SCREENS = {
    "320px": {"viewport": {"width": 320, "height": 640}},
    # Zooming a 1280 px wide window to 200 % leaves 640 CSS pixels, each two device pixels.
    "1280px-at-200%": {"viewport": {"width": 640, "height": 360}, "device_scale_factor": 2},
}


def too_wide(page, paths):
    """Visits each path; returns a description of every page wider than the viewport."""
    found = []
    for name, path in paths.items():
        page.goto(path)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        inner_width = page.evaluate("window.innerWidth")
        if scroll_width > inner_width:
            culprits = "\n    ".join(page.evaluate(FIND_OVERFLOWING))
            found.append(
                f"{name} ({path}) is {scroll_width}px wide in {inner_width}px:\n    {culprits}"
            )
    return found


@pytest.mark.parametrize("screen", SCREENS)
def test_public_pages_fit_small_screens(new_context, public_site, screen):
    page = new_context(**SCREENS[screen]).new_page()
    every = PUBLIC_PAGES | ALERT_PAGES
    found = too_wide(page, {name: path for name, (path, _status) in every.items()})
    assert not found, "\n".join(found)


@pytest.mark.parametrize("screen", SCREENS)
def test_back_office_pages_fit_small_screens(new_context, office, screen):
    page = new_context(**SCREENS[screen]).new_page()
    found = too_wide(page, {"login": "/kansli/logga-in/"})
    log_in(page)
    found += too_wide(page, back_office_pages(office))
    assert not found, "\n".join(found)


def test_a_wide_table_scrolls_sideways_by_keyboard_on_a_small_screen(new_context, public_site):
    # The notice board's table is wider than a phone: it scrolls in its own region,
    # which a keyboard user can focus and scroll to the last column.
    page = new_context(**SCREENS["320px"]).new_page()
    page.goto("/anslagstavla/")
    table = page.get_by_role("region", name="Anslag som sitter uppe i dag")
    kept_at = table.get_by_role("cell", name="Regionhuset, Örebro")
    expect(kept_at).not_to_be_in_viewport()
    tab_to(page, table)
    for _ in range(30):
        page.keyboard.press("ArrowRight")
    expect(kept_at).to_be_in_viewport()
