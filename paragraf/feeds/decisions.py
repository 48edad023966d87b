"""A committee's decisions of one year as CSV and JSON: one row per paragraph of
verified minutes.

Rows come from the portal's `rows.item_row`, the one place that decides what
the public sees, so a non-public paragraph keeps its § number, date and
meeting and nothing else: exactly as the meeting page shows it.
"""

import csv
import io
import json
from dataclasses import dataclass

from django.db.models import Prefetch
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _

from paragraf.feeds.versions import conditional, for_committee
from paragraf.meetings.models import AgendaItem, AgendaItemDocument, Meeting
from paragraf.portal import rows
from paragraf.portal.lookups import public_committee
from paragraf.portal.views.errors import NotFound

FIRST_YEAR = 1900
# The column names, in order: also the JSON keys of each decision. A contract.
COLUMNS = [
    "datum",
    "sammantrade",
    "paragraf",
    "offentlig",
    "rubrik",
    "diarienummer",
    "beslut",
    "lank",
]
# Excel runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Decision:
    datum: str
    sammantrade: str
    paragraf: int
    offentlig: bool
    rubrik: str | None
    diarienummer: str | None
    beslut: str | None
    lank: str | None


def checked_year(year):
    if not FIRST_YEAR <= year <= timezone.localdate().year + 1:
        raise NotFound(_("There are no minutes for the year %(year)s.") % {"year": year})
    return year


def paragraph_items(committee, year):
    """The year's numbered items of verified minutes, with what `rows.item_row`
    reads, in a fixed number of queries whatever their number."""
    verified = Meeting.objects.with_verified_minutes().filter(committee=committee)
    return (
        AgendaItem.objects.filter(
            meeting__in=verified,
            paragraph__committee=committee,
            paragraph__year=year,
            paragraph__deleted_at__isnull=True,
        )
        .select_related("meeting", "meeting__committee", "case", "paragraph")
        # The export lists no attachments: none are fetched, so none can leak.
        .prefetch_related(
            Prefetch("document_links", queryset=AgendaItemDocument.objects.none()),
            *rows.MINUTES_PREFETCH,
        )
        .order_by("paragraph__number")
    )


def decisions(committee, year, absolute):
    """The rows, with links made absolute by `absolute(path)`."""
    found = []
    for item in paragraph_items(committee, year):
        meeting = item.meeting
        row = rows.item_row(meeting, item, show_minutes=True)
        if row.paragraph is None:
            continue
        decision = Decision(
            datum=meeting.local_date.isoformat(),
            sammantrade=absolute(meeting.get_absolute_url()),
            paragraf=row.paragraph.number,
            offentlig=row.visible,
            rubrik=None,
            diarienummer=None,
            beslut=None,
            lank=None,
        )
        if row.visible:
            decision.rubrik = row.paragraph.title
            decision.diarienummer = row.case_reference
            decision.beslut = row.paragraph.decision
            decision.lank = absolute(row.paragraph.url)
        found.append(decision)
    return found


def _cell(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_START) else text


def as_csv(found):
    """Semicolons, as Swedish Excel expects; a BOM so Excel reads UTF-8."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(COLUMNS)
    not_public = _("The item is not public")
    for decision in found:
        writer.writerow(
            [
                decision.datum,
                decision.sammantrade,
                decision.paragraf,
                "ja" if decision.offentlig else "nej",
                _cell(decision.rubrik if decision.offentlig else not_public),
                _cell(decision.diarienummer),
                _cell(decision.beslut),
                decision.lank or "",
            ]
        )
    return "\ufeff" + out.getvalue()


def as_json(committee, year, found, absolute):
    data = {
        "namnd": committee.name,
        "namnd_lank": absolute(committee.get_absolute_url()),
        "ar": year,
        "beslut": [{column: getattr(d, column) for column in COLUMNS} for d in found],
    }
    return json.dumps(data, ensure_ascii=False, indent=1)


def _filename(committee, year, extension):
    return f"beslut-{committee.slug}-{year}.{extension}"


def _download(body, content_type, filename):
    response = HttpResponse(body.encode("utf-8"), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@conditional(for_committee)
def decisions_csv(request, committee, year):
    committee = public_committee(committee)
    year = checked_year(year)
    found = decisions(committee, year, request.build_absolute_uri)
    return _download(as_csv(found), "text/csv; charset=utf-8", _filename(committee, year, "csv"))


@conditional(for_committee)
def decisions_json(request, committee, year):
    committee = public_committee(committee)
    year = checked_year(year)
    found = decisions(committee, year, request.build_absolute_uri)
    body = as_json(committee, year, found, request.build_absolute_uri)
    return _download(body, "application/json; charset=utf-8", _filename(committee, year, "json"))
