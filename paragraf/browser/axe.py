"""Runs axe-core (from npm, node_modules/axe-core) in a page and describes what it finds."""

import pytest
from django.conf import settings

AXE_SCRIPT = settings.BASE_DIR / "node_modules" / "axe-core" / "axe.min.js"
# The success criteria of WCAG 2.0 and 2.1, levels A and AA: the level the site promises.
WCAG_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def axe_context(new_context, **options):
    """A browser context for axe runs only. Paragraf's Content-Security-Policy has no
    'unsafe-inline', and axe is injected as a script the page never asked for, so these
    contexts bypass the CSP; every other test sees the page as a visitor does."""
    return new_context(bypass_csp=True, **options)


def violations(page):
    """axe's WCAG 2.1 AA violations in the page as it is now."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"axe-core is missing at {AXE_SCRIPT}: run `make install` (npm ci).")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    result = page.evaluate(
        "(tags) => axe.run(document, {runOnly: {type: 'tag', values: tags},"
        " resultTypes: ['violations']})",
        WCAG_AA,
    )
    return result["violations"]


def describe(found):
    """One line per violation: its id, impact and the selectors of the nodes it hit."""
    lines = []
    for violation in found:
        targets = ", ".join(" ".join(node["target"]) for node in violation["nodes"])
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} at {targets}")
    return lines
