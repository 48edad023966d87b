"""*Kallelse med handlingar* as an archive copy: PDF/A-3a with the attachments
embedded as files, so the bundle is archive-grade whatever the attachments are.

The readable bundle (bundle.py) shows the attachments' pages in sequence; PDF/A
cannot promise that of files made elsewhere, so the archive copy carries them as
embedded files instead, each described and in agenda order.
"""

import json
import shutil
import tempfile
from pathlib import Path, PurePath

import typst
from django.utils.text import slugify

from paragraf.documents import data
from paragraf.documents.bundle import bundle_sections
from paragraf.documents.models import Rendition
from paragraf.documents.render import TEMPLATES

PDF_STANDARDS = ["a-3a", "ua-1"]


def archive_bundle(meeting, members=False):
    audience = Rendition.Audience.MEMBERS if members else Rendition.Audience.PUBLIC
    values = data.notice_data(meeting, audience)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name in ("style.typ", "bundle_archive.typ"):
            shutil.copy(TEMPLATES / name, root / name)
        sections = []
        for n, (heading, _item, documents) in enumerate(bundle_sections(meeting, members)):
            attachments = []
            for m, document in enumerate(documents):
                # A slug of the name: readable in the reader's list of files, and no
                # path the user typed can escape the folder.
                stem = slugify(PurePath(document.filename).stem)[:60] or "bilaga"
                name = (
                    f"bilagor/{n + 1:02d}-{m + 1:02d}-{stem}.{document.extension.lower() or 'bin'}"
                )
                (root / "bilagor").mkdir(exist_ok=True)
                with document.file.open("rb") as handle:
                    (root / name).write_bytes(handle.read())
                attachments.append(
                    {
                        "title": document.title,
                        "kind": document.extension,
                        "file": name,
                        "mime": document.media_type or "application/octet-stream",
                    }
                )
            sections.append({"heading": heading, "attachments": attachments})
        values["sections"] = sections
        return typst.compile(
            str(root / "bundle_archive.typ"),
            root=str(root),
            format="pdf",
            sys_inputs={"data": json.dumps(values, ensure_ascii=False)},
            pdf_standards=PDF_STANDARDS,
            ignore_system_fonts=True,
        )
