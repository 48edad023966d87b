"""The body's sealing certificate.

In production it is a PKCS#12 file and passphrase from the environment
(SEAL_PKCS12_PATH, SEAL_PKCS12_PASSPHRASE). Without one, development and tests
get a local test certificate authority, made once under VAR_DIR/seal and reused:
its CA certificate (ca.pem) and a sealing key and certificate (seal.p12). The
CA's private key is thrown away once the sealing certificate is issued.
"""

import datetime
import fcntl
import functools
import os
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from cryptography.x509.oid import NameOID
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from pyhanko.sign import signers

# Only protects the development certificate on disk; production uses its own.
TEST_PASSPHRASE = b"paragraf-test-seal"
TEST_VALIDITY = datetime.timedelta(days=3650)


@dataclass(frozen=True)
class SealIdentity:
    """What seals and what verifies: the signer, and the certificates to trust."""

    signer: signers.SimpleSigner
    trust_roots: tuple


def seal_identity():
    """The body's signer and trust roots, from the configured PKCS#12 file or the
    local test certificate authority (made at first use)."""
    path = settings.SEAL_PKCS12_PATH
    if path:
        passphrase = (settings.SEAL_PKCS12_PASSPHRASE or "").encode() or None
        return _load(str(path), passphrase, _mtime(path), ca_path=None)
    folder = test_ca_folder()
    return _load(
        str(folder / "seal.p12"),
        TEST_PASSPHRASE,
        _mtime(folder / "seal.p12"),
        ca_path=str(folder / "ca.pem"),
    )


def _mtime(path):
    try:
        return os.stat(path).st_mtime_ns
    except OSError as error:
        message = f"Cannot read the sealing certificate {path}: {error}"
        raise ImproperlyConfigured(message) from error


@functools.lru_cache(maxsize=8)
def _load(path, passphrase, mtime, ca_path):
    # mtime is part of the cache key: a replaced file is read again.
    try:
        key, cert, extra = pkcs12.load_key_and_certificates(Path(path).read_bytes(), passphrase)
    except (OSError, ValueError) as error:
        raise ImproperlyConfigured(
            f"Cannot open the sealing certificate {path} (check SEAL_PKCS12_PASSPHRASE): {error}"
        ) from error
    if key is None or cert is None:
        raise ImproperlyConfigured(f"The sealing certificate {path} holds no key and certificate.")
    signer = signers.SimpleSigner.load_pkcs12(path, passphrase=passphrase)
    if ca_path:
        roots = [_asn1(x509.load_pem_x509_certificate(Path(ca_path).read_bytes()))]
    else:
        # Trust the chain that came with the body's certificate, and the certificate
        # itself: verification answers "sealed by this installation", nothing wider.
        roots = [_asn1(c) for c in [cert, *extra]]
    return SealIdentity(signer=signer, trust_roots=tuple(roots))


def _asn1(cert):
    return asn1_x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER))


def test_ca_folder():
    """The folder of the local test certificate authority, made at first use."""
    folder = Path(settings.VAR_DIR) / "seal"
    if (folder / "seal.p12").exists() and (folder / "ca.pem").exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    with open(folder / ".lock", "w") as lock:
        # Several workers may start at once: one makes the CA, the others wait for it.
        fcntl.flock(lock, fcntl.LOCK_EX)
        if not ((folder / "seal.p12").exists() and (folder / "ca.pem").exists()):
            _make_test_ca(folder)
    return folder


def _make_test_ca(folder):
    now = datetime.datetime.now(datetime.UTC)
    start, end = now - datetime.timedelta(days=1), now + TEST_VALIDITY
    ca_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    ca_name = _name("Paragraf test-CA (endast för utveckling)")
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(_key_usage(cert_sign=True), critical=True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    cert = (
        x509.CertificateBuilder()
        .subject_name(_name("Paragraf testförsegling"))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(start)
        .not_valid_after(end)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(_key_usage(cert_sign=False), critical=True)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    p12 = pkcs12.serialize_key_and_certificates(
        b"Paragraf", key, cert, [ca_cert], serialization.BestAvailableEncryption(TEST_PASSPHRASE)
    )
    _write(folder / "ca.pem", ca_cert.public_bytes(serialization.Encoding.PEM))
    # The bundle last: its presence means the CA is complete.
    _write(folder / "seal.p12", p12)


def _name(common_name):
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "SE"),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Paragraf"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _key_usage(*, cert_sign):
    return x509.KeyUsage(
        digital_signature=not cert_sign,
        content_commitment=not cert_sign,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=cert_sign,
        crl_sign=cert_sign,
        encipher_only=False,
        decipher_only=False,
    )


def _write(path, data):
    temporary = path.with_suffix(path.suffix + ".tmp")
    fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as file:
        file.write(data)
    os.replace(temporary, path)
