"""Cases: registering them with a case number, attaching checked documents,
and reporting delegated decisions to the committee."""

import datetime
import hashlib
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.text import get_valid_filename
from django.utils.translation import gettext as _

from paragraf.cases.models import Case, CaseSequence, Document
from paragraf.cases.tasks import extract_document_text
from paragraf.cases.uploads import check_upload
from paragraf.core.audit import acting_as
from paragraf.meetings.models import AgendaItem
from paragraf.meetings.models.lock import MinutesLocked

REPORTED_ITEM_TITLE = "Anmälningsärenden"
DOUBLE_SUBMIT_WINDOW = datetime.timedelta(minutes=1)


# Extension -> the media type its content must have.
def _locked_sequence(body_id, year):
    """The body's case sequence for the year, locked until the transaction ends."""
    try:
        # A savepoint, so losing the race for a year's first row does not break
        # the caller's transaction.
        with transaction.atomic():
            CaseSequence.objects.get_or_create(body_id=body_id, year=year)
    except IntegrityError:
        pass  # another registration created it first; lock theirs below
    return CaseSequence.objects.select_for_update().get(body_id=body_id, year=year)


def register_case(body, committee, title, *, by, description="", proposed_decision="",
                  case_officer=None, is_public=True, year=None):  # fmt: skip
    """Register a case with the next case number of the body's year.

    The number comes from the body's format (Body.case_number_format) and the
    year's sequence, taken while its row is locked, so two registrations never
    share a number. The same case registered again within a minute (a form
    sent twice) returns the first one. A number already used (typed in by hand earlier) is a
    ValidationError, never silently skipped.
    """
    year = year or timezone.localdate().year
    with transaction.atomic(), acting_as(by):
        sequence = _locked_sequence(body.pk, year)
        # A form sent twice (a double click) registers one case, not two.
        twin = Case.objects.filter(
            body=body,
            committee=committee,
            title=title,
            description=description,
            created__gte=timezone.now() - DOUBLE_SUBMIT_WINDOW,
        ).first()
        if twin is not None:
            return twin
        sequence.last += 1
        reference = body.format_case_number(year, sequence.last)
        if Case.all_objects.filter(body=body, reference=reference).exists():
            raise ValidationError(
                _("The case number %(reference)s is already used. Ask an administrator.")
                % {"reference": reference}
            )
        sequence.save(update_fields=["last"])
        return Case.objects.create(
            body=body,
            committee=committee,
            reference=reference,
            title=title,
            description=description,
            proposed_decision=proposed_decision,
            case_officer=case_officer,
            is_public=is_public,
        )


def add_document(case, uploaded_file, title, is_public, *, by):
    """Check an uploaded file by its content and store it as a document of the case.

    The same file under the same title on the same case is stored once: a form
    sent twice returns the document already stored. If storing fails after the
    file was written, the file is removed again, so nothing half-stored remains.
    Its text is extracted for search by a background task once the transaction
    commits; until then the document's text_status is "vantar".
    """
    check_upload(uploaded_file)
    filename = get_valid_filename(PurePath(uploaded_file.name).name)[:200]
    digest = hashlib.sha512()
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    document = Document(title=title, filename=filename, case=case, is_public=is_public)
    try:
        with transaction.atomic(), acting_as(by):
            twin = Document.objects.filter(
                case=case, title=title, sha512=digest.hexdigest()
            ).first()
            if twin is not None:
                return twin
            document.file.save(filename, uploaded_file, save=False)
            document.save()
            # robust: a queue that is down leaves the document "vantar", not the upload lost.
            transaction.on_commit(lambda: extract_document_text.enqueue(document.pk), robust=True)
    except BaseException:
        if document.file.name:
            document.file.storage.delete(document.file.name)
        raise
    return document


def set_document_public(document, is_public, *, by):
    """Mark a document public or not public (after its review for personal data)."""
    with transaction.atomic(), acting_as(by):
        document.is_public = is_public
        document.save(update_fields=["is_public", "modified"])
    return document


def reported_decisions_text(decisions):
    """The Anmälningsärenden list in the seed's style, one numbered line per decision."""
    lines = []
    for n, decision in enumerate(decisions, start=1):
        # The item's text is public: a non-public decision or case is listed, not described.
        what = decision.title if decision.is_public else "ej offentligt beslut"
        line = (
            f"{n}. Beslut av {decision.decided_by} enligt punkt {decision.rule} "
            f"i nämndens delegationsordning – {what}"
        )
        if decision.case_id and decision.is_public and decision.case.is_public:
            line += f" diarienummer {decision.case.reference}"
        lines.append(line)
    return "Anmälningsärenden:\n\n" + "\n".join(lines)


def report_delegated_decisions(meeting, decisions, *, by):
    """Report delegated decisions at a meeting: fill its "Anmälningsärenden" item.

    The item is found by its title or created after the last item. Decisions
    already reported at this item are kept in the list; a decision reported at
    another item, or of another committee, is refused; so is a meeting whose
    minutes are verified (MinutesLocked). Reporting the same decisions again
    changes nothing.
    """
    from paragraf.cases.models import DelegatedDecision

    with transaction.atomic(), acting_as(by):
        if meeting.minutes_locked:
            raise MinutesLocked()
        pks = [decision.pk for decision in decisions]
        chosen = list(
            DelegatedDecision.objects.select_for_update().filter(pk__in=pks).order_by("pk")
        )
        if not chosen:
            raise ValidationError(_("Choose at least one decision to report."))
        item = meeting.items.filter(title=REPORTED_ITEM_TITLE).order_by("position").first()
        for decision in chosen:
            if decision.committee_id != meeting.committee_id:
                raise ValidationError(
                    _("“%(title)s” was not decided under this committee's delegation.")
                    % {"title": decision.title}
                )
            if decision.reported_at_id and (item is None or decision.reported_at_id != item.pk):
                raise ValidationError(
                    _("“%(title)s” has already been reported at another meeting.")
                    % {"title": decision.title}
                )
        if item is None:
            last = AgendaItem.all_objects.filter(meeting=meeting).aggregate(Max("position"))
            position = (last["position__max"] or 0) + 1
            item = AgendaItem.objects.create(
                meeting=meeting,
                position=position,
                number=str(position),
                title=REPORTED_ITEM_TITLE,
                state=AgendaItem.State.ON_AGENDA,
            )
        for decision in chosen:
            decision.reported_at = item
            decision.save(update_fields=["reported_at", "modified"])
        rewrite_reported_item(item)
    return item


def rewrite_reported_item(item):
    """Write the item's summary again from the decisions reported at it
    (after one of them was edited). Refused once the minutes are verified."""
    from paragraf.cases.models import DelegatedDecision

    with transaction.atomic():
        listed = (
            DelegatedDecision.objects.filter(reported_at=item)
            .select_related("case")
            .order_by("decided_on", "pk")
        )
        item.summary = reported_decisions_text(listed)
        item.save()
    return item
