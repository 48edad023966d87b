"""Sealing verified minutes: a PAdES signature by the body's certificate.

The signature is invisible, so a PDF/A-2 file stays PDF/A-2 after the incremental
update. Its reason records the verification: when, and by whom.
"""

import hashlib
import io

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
from pyhanko.sign import fields, signers

from paragraf.documents.certificates import seal_identity
from paragraf.documents.models import Rendition

FIELD_NAME = "Paragraf"


def seal_pdf(pdf_bytes, *, reason, location, signer_name, contact=None):
    """Return `pdf_bytes` with an invisible PAdES baseline signature appended by
    the body's certificate (an incremental update: the original bytes stay)."""
    identity = seal_identity()
    writer = IncrementalPdfFileWriter(io.BytesIO(pdf_bytes), strict=False)
    _tab_order_by_structure(writer)
    # The field is made before signing so it can be tagged in the same revision.
    fields.append_signature_field(writer, fields.SigFieldSpec(sig_field_name=FIELD_NAME))
    _tag_widget(writer)
    metadata = signers.PdfSignatureMetadata(
        field_name=FIELD_NAME,
        subfilter=fields.SigSeedSubFilter.PADES,
        reason=reason,
        location=location,
        name=signer_name,
        contact_info=contact,
    )
    pdf_signer = signers.PdfSigner(
        metadata,
        signer=identity.signer,
        # No box: an invisible field, which keeps PDF/A conformance.
        new_field_spec=fields.SigFieldSpec(sig_field_name=FIELD_NAME),
    )
    output = pdf_signer.sign_pdf(writer)
    return output.getvalue()


def _tab_order_by_structure(writer):
    """The signature widget lands on the first page; a page with annotations needs
    a tab order (/Tabs /S) to stay accessible (PDF/UA)."""
    page_ref, _ = writer.find_page_for_modification(0)
    page = page_ref.get_object()
    if "/Tabs" not in page:
        page["/Tabs"] = generic.NameObject("/S")
        writer.update_container(page)


def _tag_widget(writer):
    """Nest the signature widget in a <Form> structure element at the end of the
    document, so a tagged (PDF/UA) file stays valid. Untagged files are left alone."""
    if "/StructTreeRoot" not in writer.root:
        return  # untagged: left as it is
    tree = writer.root["/StructTreeRoot"]  # indexing dereferences; .get() would not
    if "/ParentTree" not in tree or "/K" not in tree:
        return
    parent_tree = tree["/ParentTree"]
    if "/Nums" not in parent_tree:
        return  # a nested number tree: not worth the risk
    top = tree["/K"]
    document_ref = top.raw_get(0) if isinstance(top, generic.ArrayObject) else tree.raw_get("/K")
    if not isinstance(document_ref, generic.IndirectObject):
        return
    page_ref, _ = writer.find_page_for_modification(0)
    annots = page_ref.get_object()["/Annots"]
    widget_ref = next(
        annots.raw_get(i)
        for i in range(len(annots))
        if "/T" in annots[i] and annots[i]["/T"] == FIELD_NAME
    )
    nums = parent_tree["/Nums"]
    used = [int(nums[i]) for i in range(0, len(nums), 2)]
    next_key = int(tree["/ParentTreeNextKey"]) if "/ParentTreeNextKey" in tree else 0
    key = max([next_key, *(k + 1 for k in used)])
    name = generic.NameObject
    form_ref = writer.add_object(
        generic.DictionaryObject(
            {
                name("/Type"): name("/StructElem"),
                name("/S"): name("/Form"),
                name("/P"): document_ref,
                name("/Pg"): page_ref,
                name("/Alt"): generic.TextStringObject("Elektroniskt sigill"),
                name("/K"): generic.DictionaryObject(
                    {name("/Type"): name("/OBJR"), name("/Obj"): widget_ref, name("/Pg"): page_ref}
                ),
            }
        )
    )
    widget = widget_ref.get_object()
    widget["/StructParent"] = generic.NumberObject(key)
    writer.update_container(widget)
    document = document_ref.get_object()
    children = document.raw_get("/K") if "/K" in document else None
    if isinstance(children, generic.ArrayObject):
        children.append(form_ref)
    else:
        kids = [form_ref] if children is None else [children, form_ref]
        document["/K"] = generic.ArrayObject(kids)
    writer.update_container(document)
    nums.append(generic.NumberObject(key))
    nums.append(form_ref)
    writer.update_container(nums)
    tree["/ParentTreeNextKey"] = generic.NumberObject(key + 1)
    writer.update_container(tree)


def verification_reason(meeting, when=None, version=1):
    """The signature's reason: "Justerat <date> av <chair> (ordförande), <verifiers>
    (justerare)", from the approvals of the last round; for a later version, also
    when it was corrected and why."""
    from paragraf.meetings.models import Approval
    from paragraf.meetings.services.minutes import current_approvals

    when = when or meeting.minutes_verified_at or timezone.now()
    approvals = list(current_approvals(meeting))
    chairs = [a.person.name for a in approvals if a.role == Approval.Role.CHAIR]
    verifiers = [a.person.name for a in approvals if a.role == Approval.Role.VERIFIER]
    who = []
    if chairs:
        who.append(f"{', '.join(chairs)} (ordförande)")
    if verifiers:
        who.append(f"{', '.join(verifiers)} (justerare)")
    day = timezone.localdate(when).isoformat()
    reason = f"Justerat {day} av {', '.join(who)}" if who else f"Justerat {day}"
    correction = meeting.minutes_versions.filter(number=version).first() if version > 1 else None
    if correction is not None:
        corrected = timezone.localdate(correction.created).isoformat()
        reason += f". Rättat {corrected}, version {version}: {correction.reason}"
    return reason


def seal_minutes(meeting, pdf_bytes, version):
    """Seal the public minutes of `meeting` and store them as a Rendition of this
    version (a MinutesVersion number). The meeting's earlier current public minutes
    are marked replaced, never deleted: a correction gives a new version."""
    committee = meeting.committee
    body = committee.body
    sealed = seal_pdf(
        pdf_bytes,
        reason=verification_reason(meeting, version=version),
        location=body.name,
        signer_name=f"{body.name}, {committee.name}",
        contact=body.contact_email or None,
    )
    now = timezone.now()
    name = f"{committee.slug}-{meeting.slug}-protokoll-allman-v{version}-forseglat.pdf"
    with transaction.atomic():
        minutes = Rendition.objects.select_for_update().filter(
            meeting=meeting,
            kind=Rendition.Kind.MINUTES,
            audience=Rendition.Audience.PUBLIC,
            paragraph=None,
        )
        minutes.current().filter(version__lt=version).update(replaced_at=now)
        # An unsealed rendering of this very version (stored before sealing) becomes
        # the sealed one: one rendition per version.
        rendition = minutes.filter(version=version).first()
        if rendition is not None and rendition.sealed_at is not None:
            return rendition  # sealed already: copies out there must keep verifying
        rendition = rendition or Rendition(
            meeting=meeting,
            kind=Rendition.Kind.MINUTES,
            audience=Rendition.Audience.PUBLIC,
            version=version,
        )
        rendition.size = len(sealed)
        rendition.sha512 = hashlib.sha512(sealed).hexdigest()
        rendition.sealed_at = now
        rendition.replaced_at = None
        rendition.file.save(name, ContentFile(sealed), save=True)
    return rendition
