"""The site by keyboard alone: the skip link, reordering the agenda, recording a
vote, and a visible focus on every link, button and field one tabs to."""

import re

from playwright.sync_api import expect

from paragraf.browser.pages import back_office_pages, log_in, tab_to, visit
from paragraf.meetings.models import AgendaItem, Vote

# What the focused element shows: an outline or a box shadow that is really drawn.
FOCUS_STYLE = """() => {
  const el = document.activeElement;
  const style = getComputedStyle(el);
  const outline = style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0;
  const shadow = style.boxShadow !== "none" && style.boxShadow !== "";
  return {
    tag: el.tagName.toLowerCase(),
    name: (el.getAttribute("aria-label") || el.textContent || el.name || "").trim().slice(0, 40),
    visible: outline || shadow,
  };
}"""


def test_the_skip_link_moves_focus_to_the_main_content(page):
    visit(page, "meeting")

    page.keyboard.press("Tab")
    skip_link = page.locator("a.skip-link")
    expect(skip_link).to_be_focused()
    expect(skip_link).to_have_text("Hoppa till huvudinnehållet")
    box = skip_link.bounding_box()
    viewport = page.viewport_size
    assert box is not None and box["width"] > 0 and box["height"] > 0
    assert box["x"] >= 0 and box["y"] >= 0, f"the focused skip link is off screen: {box}"
    assert box["x"] + box["width"] <= viewport["width"]
    assert box["y"] + box["height"] <= viewport["height"]

    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.tagName") == "MAIN"
    assert page.evaluate("document.activeElement.id") == "main"


def stored_order(meeting):
    return list(AgendaItem.objects.filter(meeting=meeting).values_list("title", flat=True))


def test_the_agenda_is_reordered_by_keyboard_only(new_context, office):
    page = new_context().new_page()
    log_in(page)
    page.goto(back_office_pages(office)["agenda-builder"])
    assert stored_order(office.planned)[:3] == ["Alfa", "Beta", "Gamma"]

    # Chromium reads the hidden ": Gamma" with a space before it.
    gamma_up = page.get_by_role("button", name=re.compile(r"^Flytta upp\s*: Gamma$"))
    tab_to(page, gamma_up)
    page.keyboard.press("Space")
    expect(page.locator("#agenda-status")).to_have_text("Punkten är flyttad.")
    # The focus stays on the button, so a second press moves the item again.
    expect(gamma_up).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("tbody tr").first).to_contain_text("Gamma")

    assert stored_order(office.planned)[:3] == ["Gamma", "Alfa", "Beta"]
    page.reload()
    titles = page.locator("tbody tr").all_inner_texts()
    assert ["Gamma" in titles[0], "Alfa" in titles[1], "Beta" in titles[2]] == [True] * 3


def test_a_vote_is_recorded_by_keyboard_only(new_context, office):
    item = office.items[0]
    page = new_context().new_page()
    log_in(page)
    page.goto(f"/kansli/moten/{office.held.pk}/punkter/{item.pk}/")

    tab_to(page, page.locator("input[name=question]"))
    page.keyboard.type("Bifall till förslaget?")
    page.keyboard.press("Tab")
    page.keyboard.type("bifall")
    page.keyboard.press("Tab")
    page.keyboard.type("avslag")
    ballots = page.locator("#vote fieldset")
    for _ in range(ballots.count()):
        # Tab goes to the checked option of the next group ("röstar inte"); the arrow picks "ja".
        page.keyboard.press("Tab")
        page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    expect(page.get_by_role("button", name="Registrera voteringen")).to_be_focused()
    with page.expect_navigation():
        page.keyboard.press("Enter")

    vote = Vote.objects.get(item=item)
    assert vote.question == "Bifall till förslaget?"
    assert vote.result == "ja"
    assert sorted(vote.ballots.values_list("choice", flat=True)) == ["ja"] * ballots.count()
    caption = page.locator("table.ballots caption", has_text="Bifall till förslaget?")
    expect(caption).to_contain_text("Resultat: ja")


def focus_styles(page, limit=60):
    """Tabs through the page (at most `limit` stops) and returns each stop's focus style."""
    seen = []
    for _ in range(limit):
        page.keyboard.press("Tab")
        style = page.evaluate(FOCUS_STYLE)
        if style["tag"] == "body":
            break
        seen.append(style)
    return seen


def assert_focus_always_visible(page, path):
    styles = focus_styles(page)
    tags = {style["tag"] for style in styles}
    invisible = [f"{s['tag']} {s['name']!r}" for s in styles if not s["visible"]]
    assert not invisible, f"{path}: no visible focus on " + ", ".join(invisible)
    return tags


def test_the_focus_is_visible_on_links_buttons_and_fields(new_context, office):
    page = new_context().new_page()
    tags = set()
    for path in ["/sok/?q=Hopajola", "/anslagstavla/"]:
        page.goto(path)
        tags |= assert_focus_always_visible(page, path)
    log_in(page)
    page.goto(back_office_pages(office)["meeting-item"])
    tags |= assert_focus_always_visible(page, "meeting-item")
    # The pages above hold every kind of control a keyboard user meets.
    assert {"a", "button", "input", "select"} <= tags, tags
