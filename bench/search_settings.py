"""Settings for bench/search.py: production-like, on its own database and index folder.

BENCH_SEARCH_DATABASE_URL picks the database (default: a SQLite file under
var/bench/); the index goes to var/bench/search-<engine>-<scale>/search/, so
the SQLite and PostgreSQL runs, and the small and full scales, never share one.
The environment is set before config.settings is imported (see bench/settings.py).
"""

import os
from pathlib import Path

BENCH_DIR = Path(__file__).resolve().parent.parent / "var" / "bench"
BENCH_SCALE = os.environ.get("BENCH_SEARCH_SCALE", "full")
_url = os.environ.get("BENCH_SEARCH_DATABASE_URL") or (
    f"sqlite:///{BENCH_DIR / f'search-{BENCH_SCALE}.sqlite3'}"
)
BENCH_ENGINE = "postgresql" if _url.startswith(("postgres:", "postgresql:")) else "sqlite"
BENCH_SEARCH_DIR = BENCH_DIR / f"search-{BENCH_ENGINE}-{BENCH_SCALE}"

os.environ["DEBUG"] = "false"
os.environ.setdefault("SECRET_KEY", "paragraf-bench-only-not-secret")
os.environ["DATABASE_URL"] = _url
os.environ["MEDIA_ROOT"] = str(BENCH_DIR / "media")
os.environ["PARAGRAF_VAR_DIR"] = str(BENCH_SEARCH_DIR)
os.environ.setdefault("LOG_LEVEL", "ERROR")

from config.settings import *  # noqa: E402, F403

DEBUG = False
