"""Settings for `make bench`: production-like (DEBUG off) on a separate SQLite archive.

The environment is set before config.settings is imported, so every value it
derives from DEBUG (cookies, storages, HSTS) is the production one. BENCH_SCALE
picks the archive file, so a small trial never touches the full archive.
"""

import os
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent.parent / "var" / "bench"
BENCH_SCALE = os.environ.get("BENCH_SCALE", "full")

os.environ["DEBUG"] = "false"
os.environ.setdefault("SECRET_KEY", "paragraf-bench-only-not-secret")
os.environ["DATABASE_URL"] = f"sqlite:///{BENCH_DIR / f'bench-{BENCH_SCALE}.sqlite3'}"
os.environ["MEDIA_ROOT"] = str(BENCH_DIR / "media")
os.environ["PARAGRAF_VAR_DIR"] = str(BENCH_DIR)
os.environ.setdefault("LOG_LEVEL", "ERROR")

from config.settings import *  # noqa: E402, F403

ROOT_URLCONF = "bench.urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
# The benchmark speaks plain HTTP on loopback; in production TLS ends at a proxy.
SECURE_SSL_REDIRECT = False
# Manifest storage would need collectstatic first; {% static %} costs the same lookup.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
