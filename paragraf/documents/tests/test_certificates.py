import datetime

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.core.exceptions import ImproperlyConfigured

from paragraf.documents.certificates import seal_identity
from paragraf.documents.seal import seal_pdf
from paragraf.documents.tests.sealing import tiny_pdf, use_session_ca
from paragraf.documents.verify import _sealed_by_us, _signatures


def _common_name(identity):
    return identity.signer.signing_cert.subject.native["common_name"]


def test_the_test_ca_is_made_once_and_reused(settings, tmp_path):
    settings.VAR_DIR = tmp_path
    settings.SEAL_PKCS12_PATH = ""
    first = seal_identity()
    bundle = tmp_path / "seal" / "seal.p12"
    made = bundle.stat().st_mtime_ns
    second = seal_identity()
    assert bundle.stat().st_mtime_ns == made
    assert second.signer.signing_cert.dump() == first.signer.signing_cert.dump()
    assert (tmp_path / "seal" / "ca.pem").exists()
    assert oct(bundle.stat().st_mode & 0o777) == "0o600"


def test_the_test_ca_signs_with_a_certificate_it_issued(settings, tmp_path_factory):
    use_session_ca(settings, tmp_path_factory)
    identity = seal_identity()
    (root,) = identity.trust_roots
    assert identity.signer.signing_cert.issuer == root.subject
    assert _common_name(identity) == "Paragraf testförsegling"


def _body_certificate(folder, passphrase):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name(
        [
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Region Örebro län"),
            x509.NameAttribute(NameOID.COMMON_NAME, "Region Örebro län e-sigill"),
        ]
    )
    now = datetime.datetime.now(datetime.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(days=1))
        .not_valid_after(now + datetime.timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    path = folder / "body.p12"
    encryption = serialization.BestAvailableEncryption(passphrase.encode())
    path.write_bytes(pkcs12.serialize_key_and_certificates(b"body", key, cert, None, encryption))
    return path


def test_a_configured_pkcs12_seals_instead_of_the_test_ca(settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    settings.SEAL_PKCS12_PATH = str(_body_certificate(tmp_path, "hemligt lösen"))
    settings.SEAL_PKCS12_PASSPHRASE = "hemligt lösen"
    assert _common_name(seal_identity()) == "Region Örebro län e-sigill"
    sealed = seal_pdf(tiny_pdf(), reason="Justerat", location="Örebro", signer_name="Nämnden")
    assert _sealed_by_us(_signatures(sealed))
    assert not (tmp_path / "var" / "seal").exists()


def test_a_wrong_passphrase_fails_loudly(settings, tmp_path):
    settings.SEAL_PKCS12_PATH = str(_body_certificate(tmp_path, "rätt"))
    settings.SEAL_PKCS12_PASSPHRASE = "fel"
    with pytest.raises(ImproperlyConfigured, match="SEAL_PKCS12_PASSPHRASE"):
        seal_identity()
