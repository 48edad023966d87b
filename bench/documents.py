"""`make bench`, documents: our PDFs against the tools secretaries use today.

1. The minutes of a 20-paragraph meeting of the benchmark archive rendered to PDF
   in this process (data assembly included), median over 20 different meetings
   after one warm-up render, next to LibreOffice
   converting a DOCX of the same text (`soffice --headless --convert-to pdf`),
   median of 3, in the same run. Target: at least 15 times faster, under 50 ms.
2. A bundle of 500 pages (50 attachments of 10 pages) merged by our bundle code,
   median of 5, next to `qpdf --empty --pages … --` merging the same files (the
   ceiling). Target: within three times qpdf.

Writes bench/results/documents.json. Needs the archive of bench/run.py (it is
built if missing) and Debian's qpdf and libreoffice-writer-nogui (`make bench`
installs them). Nothing is asserted; targets are reported as met or not.
"""

import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.run import RESULTS, setup_django  # noqa: E402


def median_ms(fn, runs):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return round(statistics.median(times), 2)


def minutes_text(meeting):
    paragraphs = []
    for item in meeting.items.filter(paragraph__isnull=False).select_related("paragraph"):
        p = item.paragraph
        paragraphs += [f"§ {p.number} {p.display_title}", p.summary, "Beslut", p.decision]
    return [t for t in paragraphs if t]


def docx_of(paragraphs, path):
    body = "".join(f"<w:p><w:r><w:t>{escape(text)}</w:t></w:r></w:p>" for text in paragraphs)
    ns = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
    with zipfile.ZipFile(path, "w") as docx:
        docx.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/'
            '2006/content-types"><Default Extension="rels" ContentType="application/'
            'vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" '
            'ContentType="application/xml"/><Override PartName="/word/document.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.'
            'document.main+xml"/></Types>',
        )
        docx.writestr(
            "_rels/.rels",
            '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/'
            'package/2006/relationships"><Relationship Id="r1" Type="http://schemas.'
            'openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="word/document.xml"/></Relationships>',
        )
        docx.writestr(
            "word/document.xml",
            f'<?xml version="1.0"?><w:document {ns}><w:body>{body}</w:body></w:document>',
        )


def soffice_ms(docx, workdir):
    soffice = shutil.which("soffice")
    if soffice is None:
        return None
    profile = f"-env:UserInstallation=file://{workdir}/lo-profile"

    def convert():
        subprocess.run(
            [
                soffice,
                profile,
                "--headless",
                "--convert-to",
                "pdf",
                "--outdir",
                str(workdir),
                str(docx),
            ],
            check=True,
            capture_output=True,
            timeout=120,
        )

    convert()  # first start creates the profile; not counted
    return median_ms(convert, 3)


def ten_page_pdf(n):
    import typst

    source = '#set text(lang: "sv")\n' + "\n#pagebreak()\n".join(
        f"= Bilaga {n}, sida {page}\nText." for page in range(1, 11)
    )
    return typst.compile(source.encode(), format="pdf", ignore_system_fonts=True)


def bundle_figures(workdir):
    from paragraf.documents.bundle import merge

    pdfs = [ten_page_pdf(n) for n in range(50)]
    parts = [(f"Bilaga {n}", pdf, []) for n, pdf in enumerate(pdfs)]
    ours = median_ms(lambda: merge(parts, "Bänk"), 5)
    qpdf = shutil.which("qpdf")
    ceiling = None
    if qpdf:
        files = []
        for n, pdf in enumerate(pdfs):
            path = Path(workdir) / f"b{n}.pdf"
            path.write_bytes(pdf)
            files.append(str(path))
        out = str(Path(workdir) / "qpdf-out.pdf")
        ceiling = median_ms(
            lambda: subprocess.run([qpdf, "--empty", "--pages", *files, "--", out], check=True),
            5,
        )
    return {
        "pages": 500,
        "ours_ms": ours,
        "qpdf_ms": ceiling,
        "ratio_to_qpdf": round(ours / ceiling, 2) if ceiling else None,
        "target": "within 3 x qpdf",
        "met": bool(ceiling) and ours <= 3 * ceiling,
    }


def minutes_figures(workdir):
    from paragraf.meetings.models import Meeting

    meetings = list(
        Meeting.objects.with_verified_minutes().select_related("committee").order_by("pk")[:21]
    )
    meeting = meetings[0]
    from paragraf.documents.render import render_minutes

    render_minutes(meeting, "allman")  # the process's first render loads the fonts
    # A different meeting each time, so no render is answered from Typst's cache.
    times = []
    for other in meetings[1:]:
        start = time.perf_counter()
        render_minutes(other, "allman")
        times.append((time.perf_counter() - start) * 1000)
    ours = round(statistics.median(times), 2)
    docx = Path(workdir) / "protokoll.docx"
    docx_of(minutes_text(meeting), docx)
    libreoffice = soffice_ms(docx, workdir)
    speedup = round(libreoffice / ours, 1) if ours and libreoffice else None
    return {
        "paragraphs": meeting.items.filter(paragraph__isnull=False).count(),
        "ours_ms": ours,
        "libreoffice_ms": libreoffice,
        "speedup": speedup,
        "target": "15 x faster than LibreOffice and under 50 ms",
        "met": bool(speedup) and speedup >= 15 and ours < 50,
    }


def main():
    setup_django("full")
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from paragraf.meetings.models import Meeting

    if not Meeting.objects.exists():
        subprocess.run([sys.executable, str(ROOT / "bench" / "run.py"), "--no-load"], check=True)
    with tempfile.TemporaryDirectory() as workdir:
        results = {"minutes": minutes_figures(workdir), "bundle": bundle_figures(workdir)}
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "documents.json").write_text(json.dumps(results, indent=2))
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
