import pytest

from paragraf.browser.pages import PUBLIC_PAGES, visit

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


def assert_no_horizontal_scrolling(page):
    for name in PUBLIC_PAGES:
        visit(page, name)
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        inner_width = page.evaluate("window.innerWidth")
        if scroll_width > inner_width:
            culprits = "\n  ".join(page.evaluate(FIND_OVERFLOWING))
            pytest.fail(
                f"{name} page is {scroll_width}px wide in a {inner_width}px viewport; "
                f"overflowing:\n  {culprits}"
            )


def test_pages_fit_a_320_pixel_wide_screen(new_context, verified_meeting):
    page = new_context(viewport={"width": 320, "height": 640}).new_page()
    assert_no_horizontal_scrolling(page)


def test_pages_fit_a_1280_pixel_screen_zoomed_to_200_percent(new_context, verified_meeting):
    # Zooming a 1280 px wide window to 200 % leaves 640 CSS pixels, each two device pixels.
    page = new_context(viewport={"width": 640, "height": 360}, device_scale_factor=2).new_page()
    assert_no_horizontal_scrolling(page)
