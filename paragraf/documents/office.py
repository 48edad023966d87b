"""Office files turned into PDF by LibreOffice, where it is installed."""

import logging
import shutil
import subprocess
import tempfile
from pathlib import Path

logger = logging.getLogger(__name__)

# What LibreOffice Writer (Debian's libreoffice-writer-nogui) converts.
CONVERTIBLE = {"DOCX", "ODT"}
TIMEOUT_SECONDS = 120


def available():
    return shutil.which("soffice") is not None


def to_pdf(data, extension):
    """The PDF of an office file, or None when LibreOffice is missing or fails."""
    soffice = shutil.which("soffice")
    if soffice is None or extension.upper() not in CONVERTIBLE:
        return None
    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / f"bilaga.{extension.lower()}"
        source.write_bytes(data)
        command = [
            soffice,
            f"-env:UserInstallation=file://{folder}/profile",  # a profile of its own
            "--headless",
            "--convert-to",
            "pdf",
            "--outdir",
            folder,
            str(source),
        ]
        try:
            subprocess.run(command, check=True, capture_output=True, timeout=TIMEOUT_SECONDS)  # noqa: S603
        except (subprocess.SubprocessError, OSError):
            logger.exception("LibreOffice could not convert a %s file", extension)
            return None
        result = source.with_suffix(".pdf")
        return result.read_bytes() if result.exists() else None
