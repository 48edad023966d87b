import io

import pikepdf
import pytest
from pyhanko.pdf_utils.reader import PdfFileReader
from pyhanko.sign.validation import validate_pdf_signature
from pyhanko.sign.validation.status import SignatureCoverageLevel
from pyhanko_certvalidator import ValidationContext

from paragraf.documents.certificates import seal_identity
from paragraf.documents.models import Rendition
from paragraf.documents.seal import seal_minutes, seal_pdf, verification_reason
from paragraf.documents.tests.sealing import signed_meeting, tiny_pdf, use_session_ca

__all__ = ["signed_meeting"]  # a fixture


@pytest.fixture(autouse=True)
def _session_ca(settings, tmp_path_factory):
    use_session_ca(settings, tmp_path_factory)


def _signature(pdf):
    (signature,) = PdfFileReader(io.BytesIO(pdf)).embedded_signatures
    return signature


def test_a_sealed_pdf_validates_as_signed_by_the_body():
    sealed = seal_pdf(tiny_pdf(), reason="Justerat", location="Örebro", signer_name="Nämnden")
    context = ValidationContext(trust_roots=list(seal_identity().trust_roots))
    status = validate_pdf_signature(_signature(sealed), context)
    assert status.intact and status.valid and status.trusted
    assert status.coverage == SignatureCoverageLevel.ENTIRE_FILE


def test_sealing_appends_to_the_pdf_and_keeps_it_pdf_a():
    original = tiny_pdf()
    sealed = seal_pdf(original, reason="Justerat", location="Örebro", signer_name="Nämnden")
    assert sealed.startswith(original)  # an incremental update: the rendering is untouched
    with pikepdf.open(io.BytesIO(sealed)) as pdf:
        assert pdf.open_metadata().pdfa_status == "2B"
        (field,) = pdf.Root.AcroForm.Fields
        assert field.FT == "/Sig" and field.T == "Paragraf"
        widget_box = [float(n) for n in field.get("/Rect", [0, 0, 0, 0])]
        assert widget_box[2] - widget_box[0] == 0  # invisible
        assert pdf.pages[0].obj.Tabs == "/S"  # the widget's page keeps a tab order


def test_the_seal_is_tagged_so_the_pdf_stays_accessible():
    sealed = seal_pdf(tiny_pdf(), reason="Justerat", location="Örebro", signer_name="Nämnden")
    with pikepdf.open(io.BytesIO(sealed)) as pdf:
        tree = pdf.Root.StructTreeRoot
        form = tree.K[0].K[-1]
        assert form.S == "/Form" and form.Alt == "Elektroniskt sigill"
        widget = form.K.Obj
        assert widget.T == "Paragraf"
        nums = list(tree.ParentTree.Nums)
        assert nums[nums.index(widget.StructParent) + 1].objgen == form.objgen
        assert tree.ParentTreeNextKey == widget.StructParent + 1


def test_the_signature_records_who_verified_and_when(signed_meeting):
    rendition = seal_minutes(signed_meeting, tiny_pdf(), version=1)
    signature = _signature(rendition.file.read())
    reason = str(signature.sig_object["/Reason"])
    assert reason == (
        "Justerat 2022-12-16 av Annika Strömvall (ordförande), "
        "Tomas Wiklander, Kenneth Öberg (justerare)"
    )
    assert str(signature.sig_object["/Name"]) == "Region Örebro län, Regional tillväxtnämnd"
    assert signature.self_reported_timestamp is not None


def test_sealed_minutes_are_stored_with_the_hash_of_the_sealed_file(signed_meeting):
    import hashlib

    rendition = seal_minutes(signed_meeting, tiny_pdf(), version=1)
    stored = rendition.file.read()
    assert rendition.kind == Rendition.Kind.MINUTES
    assert rendition.audience == Rendition.Audience.PUBLIC
    assert rendition.sealed_at is not None and rendition.replaced_at is None
    assert rendition.sha512 == hashlib.sha512(stored).hexdigest()
    assert rendition.size == len(stored) and stored != tiny_pdf()


def test_a_correction_gives_a_new_sealed_version_and_keeps_the_old(signed_meeting):
    first = seal_minutes(signed_meeting, tiny_pdf(), version=1)
    second = seal_minutes(signed_meeting, tiny_pdf(), version=2)
    first.refresh_from_db()
    assert first.replaced_at is not None
    assert second.replaced_at is None
    assert list(Rendition.objects.filter(meeting=signed_meeting).current()) == [second]
    assert first.file.read()[:5] == b"%PDF-"  # still stored
    assert first.sha512 != second.sha512


def test_an_unsealed_rendering_of_the_version_becomes_the_sealed_one(signed_meeting):
    from django.core.files.base import ContentFile

    draft = Rendition(meeting=signed_meeting, kind=Rendition.Kind.MINUTES, version=1)
    draft.file.save("utkast.pdf", ContentFile(tiny_pdf()))
    sealed = seal_minutes(signed_meeting, tiny_pdf(), version=1)
    assert sealed.pk == draft.pk and sealed.sealed_at is not None


def test_the_reason_without_signatories_still_says_verified(db):
    from paragraf import factories

    meeting = factories.meeting(factories.seed_committee())
    assert verification_reason(meeting).startswith("Justerat ")


def test_pyhanko_finds_a_changed_byte_inside_the_sealed_range():
    sealed = bytearray(
        seal_pdf(tiny_pdf(), reason="Justerat", location="Örebro", signer_name="Nämnden")
    )
    inside_a_stream = sealed.index(b"stream\n") + len(b"stream\n") + 5
    sealed[inside_a_stream] ^= 0x01
    context = ValidationContext(trust_roots=list(seal_identity().trust_roots))
    status = validate_pdf_signature(_signature(bytes(sealed)), context)
    assert not status.intact


def test_sealing_a_version_again_keeps_the_published_file(signed_meeting):
    first = seal_minutes(signed_meeting, tiny_pdf(), version=1)
    again = seal_minutes(signed_meeting, tiny_pdf(), version=1)
    assert again.pk == first.pk and again.sha512 == first.sha512


def test_a_corrected_version_records_the_correction_in_the_seal(signed_meeting):
    from paragraf.meetings.models import MinutesVersion

    MinutesVersion.objects.create(meeting=signed_meeting, number=1)
    MinutesVersion.objects.create(
        meeting=signed_meeting, number=2, reason="Fel belopp i § 1 rättat."
    )
    rendition = seal_minutes(signed_meeting, tiny_pdf(), version=2)
    reason = str(_signature(rendition.file.read()).sig_object["/Reason"])
    assert reason.startswith("Justerat 2022-12-16 av Annika Strömvall (ordförande)")
    assert "version 2: Fel belopp i § 1 rättat." in reason
