"""Small attachment PDFs for the demo, compiled with Typst from attachment.typ.

The template reads every value from `sys.inputs`, so text is passed as data and
never written into Typst markup.
"""

import functools
from datetime import datetime
from pathlib import Path

import typst

TEMPLATE = Path(__file__).with_name("attachment.typ")
# Archive grade (PDF/A-2a) and tagged for screen readers (PDF/UA-1).
PDF_STANDARDS = ["a-2a", "ua-1"]


@functools.cache
def _template_bytes():
    return TEMPLATE.read_bytes()


@functools.lru_cache(maxsize=512)
def _compile(inputs, timestamp):
    return typst.compile(
        _template_bytes(),
        format="pdf",
        sys_inputs=dict(inputs),
        pdf_standards=PDF_STANDARDS,
        timestamp=timestamp,
        # Typst's own fonts: the same PDF on every machine, and no font scan per call.
        ignore_system_fonts=True,
    )


def attachment_pdf(
    *,
    title,
    body,
    committee,
    meeting,
    item="",
    case="",
    text="",
    decision="",
    created: datetime | None = None,
):
    """The bytes of a one-page PDF that says which attachment it stands for.

    The same inputs give the same bytes (and checksum); they are cached, so
    loading the demo again in one process, as the tests do, compiles nothing.
    """
    inputs = {
        "title": title,
        "body": body,
        "committee": committee,
        "meeting": meeting,
        "item": item,
        "case": case,
        "text": text,
        "decision": decision,
    }
    timestamp = int(created.timestamp()) if created else None
    return _compile(tuple(sorted(inputs.items())), timestamp)
