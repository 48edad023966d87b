"""*Kallelse med handlingar*: the notice followed by every attachment in agenda order,
one PDF with a bookmark per item.

The public version holds only what the public may download (public documents of
public items, as the portal decides in paragraf/portal/rows.py); the members'
version holds the committee's non-public documents too. Attachments that are not
PDF are converted by LibreOffice where it is installed, and otherwise named on the
item's divider page with where to find them.
"""

import io
import json
from pathlib import Path

import pikepdf
import typst
from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from paragraf.documents import office
from paragraf.portal import rows

DIVIDER = Path(__file__).parent / "typst" / "bundle_divider.typ"


def _download_url(document, members):
    site = settings.SITE_URL.rstrip("/")
    if members:
        return site + reverse("backoffice:cases_document", kwargs={"document": document.pk})
    kwargs = {"pk": document.pk, "filename": document.filename}
    return site + reverse("portal:document", kwargs=kwargs)


def _divider(meeting, item, documents, members, converted):
    body = meeting.committee.body
    attachments = []
    for document in documents:
        if document.pk in converted:
            note = "omvandlad till PDF"
        elif document.media_type == "application/pdf":
            note = ""
        else:
            note = f"ingår inte i denna fil; hämtas på {_download_url(document, members)}"
        attachments.append({"title": document.title, "kind": document.extension, "note": note})
    number = f"{item.number}. " if item.number else ""
    data = {
        "title": f"{meeting.committee.name} {meeting.local_date}: kallelse med handlingar",
        "body": body.name,
        "committee": meeting.committee.name,
        "meeting": f"Sammanträde {meeting.local_date.isoformat()}",
        "heading": f"{number}{item.title}",
        "case": item.case.reference if item.case and (item.case.is_public or members) else "",
        "attachments": attachments,
    }
    return typst.compile(
        DIVIDER.read_bytes(),
        format="pdf",
        sys_inputs={"data": json.dumps(data)},
        ignore_system_fonts=True,
    )


def bundle_sections(meeting, members=False):
    """[(bookmark title, divider-page data, [documents])] in agenda order."""
    sections = []
    for item in rows.items_for(meeting, member=members, minutes=False):
        if item.is_withdrawn or item.was_added:
            continue
        if not item.is_public and not members:
            continue  # not public: the public bundle leaves the item out entirely
        documents = [link.document for link in item.document_links.all()]
        if not members:
            documents = [d for d in documents if d.is_public]
        number = f"{item.number}. " if item.number else ""
        sections.append((f"{number}{item.title}", item, documents))
    return sections


def build_bundle(meeting, notice_pdf, members=False):
    """The notice's pages, then for each item a divider page and its PDF attachments."""
    parts = [("Kallelse", notice_pdf, [])]
    for title, item, documents in bundle_sections(meeting, members):
        attachments, converted = [], set()
        for document in documents:
            with document.file.open("rb") as handle:
                data = handle.read()
            if document.media_type != "application/pdf":
                data = office.to_pdf(data, document.extension)
                if data is None:
                    continue  # named on the divider page with where to get it
                converted.add(document.pk)
            attachments.append((document.title, data))
        divider = _divider(meeting, item, documents, members, converted)
        parts.append((title, divider, attachments))
    title = f"{meeting.committee.name} {meeting.local_date}: kallelse med handlingar"
    return merge(parts, title)


def merge(parts, title):
    """One PDF from [(bookmark, first pdf, [(sub-bookmark, pdf)])], bookmarks nested."""
    out = pikepdf.Pdf.new()
    keep_open = []
    with out.open_outline() as outline:
        for heading, first, children in parts:
            entry = pikepdf.OutlineItem(heading, len(out.pages))
            _append(out, first, keep_open)
            for child_title, data in children:
                entry.children.append(pikepdf.OutlineItem(child_title, len(out.pages)))
                _append(out, data, keep_open)
            outline.root.append(entry)
    out.Root.Lang = pikepdf.String("sv")
    with out.open_metadata() as meta:
        meta["dc:title"] = title
        meta["xmp:CreateDate"] = timezone.now().isoformat()
    buffer = io.BytesIO()
    out.save(buffer)
    for pdf in keep_open:
        pdf.close()
    return buffer.getvalue()


def _append(out, data, keep_open):
    # The source must stay open until the merged file is saved.
    source = pikepdf.open(io.BytesIO(data))
    keep_open.append(source)
    out.pages.extend(source.pages)
