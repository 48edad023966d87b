"""Shared by the sealing tests: a tiny PDF/A and a test CA made once per session."""

import datetime
import tempfile
from functools import cache
from pathlib import Path

import pytest
import typst

from paragraf import factories
from paragraf.meetings.models import Approval

TINY = '#set document(title: "Protokoll")\n#set text(lang: "sv")\n= Protokoll\nHej.\n'


@cache
def tiny_pdf():
    """A one-page PDF/A-2b like the rendered minutes, made with Typst."""
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "tiny.typ"
        source.write_text(TINY, encoding="utf-8")
        return typst.compile(str(source), format="pdf", pdf_standards=["a-2b"])


def use_session_ca(settings, tmp_path_factory):
    """Point VAR_DIR at one folder for the whole test session: the test CA is made
    there once and reused by every test."""
    settings.VAR_DIR = tmp_path_factory.getbasetemp() / "seal-var"
    settings.SEAL_PKCS12_PATH = ""
    settings.SEAL_PKCS12_PASSPHRASE = ""


@pytest.fixture
def signed_meeting(db):
    """A held meeting of the seed committee whose chair and verifiers approved."""
    meeting = factories.meeting(factories.seed_committee())
    signatories = [
        ("Annika", "Strömvall", Approval.Role.CHAIR),
        ("Tomas", "Wiklander", Approval.Role.VERIFIER),
        ("Kenneth", "Öberg", Approval.Role.VERIFIER),
    ]
    for given, family, role in signatories:
        Approval.objects.create(
            meeting=meeting,
            person=factories.person(given_name=given, family_name=family),
            role=role,
            answer=Approval.Answer.APPROVED,
        )
    meeting.minutes_verified_at = datetime.datetime(2022, 12, 16, 10, tzinfo=datetime.UTC)
    meeting.save(update_fields=["minutes_verified_at"])
    return meeting
