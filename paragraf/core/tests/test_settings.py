import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def run_check(**env):
    environment = {k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")}
    environment.update(env)
    return subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "check"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = run_check(DEBUG="false")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_starts_with_a_secret_key():
    result = run_check(DEBUG="false", SECRET_KEY="x" * 50, ALLOWED_HOSTS="paragraf.example")
    assert result.returncode == 0, result.stderr


def test_the_deployment_checklist_passes_with_production_settings():
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            **{k: v for k, v in os.environ.items() if k not in ("SECRET_KEY", "DEBUG")},
            "DEBUG": "false",
            "SECRET_KEY": "a-long-random-production-secret-" + "x" * 40,
            "ALLOWED_HOSTS": "paragraf.example",
        },
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_a_misspelt_boolean_stops_the_start():
    result = run_check(DEBUG="ja")
    assert result.returncode != 0
    assert "DEBUG must be true or false" in result.stderr


def test_every_setting_read_from_the_environment_is_documented():
    import re

    read = set(re.findall(r'env_\w+\("([A-Z_]+)"', (ROOT / "config/settings.py").read_text()))
    example = set(re.findall(r"^([A-Z_]+)=", (ROOT / ".env.example").read_text(), re.M))
    readme = (ROOT / "README.md").read_text()
    assert read == example
    for name in read:
        assert f"`{name}`" in readme, f"{name} is missing from the README's configuration table"


def test_the_smtp_server_comes_from_the_environment():
    environment = {k: v for k, v in os.environ.items() if not k.startswith("EMAIL_")}
    environment.update(
        EMAIL_HOST="smtp.region.example",
        EMAIL_PORT="587",
        EMAIL_HOST_USER="paragraf",
        EMAIL_HOST_PASSWORD="hemligt",  # noqa: S105 - a test value
        EMAIL_USE_TLS="true",
    )
    code = (
        "from django.core.mail import get_connection;"
        "c = get_connection('django.core.mail.backends.smtp.EmailBackend');"
        "print(c.host, c.port, c.username, c.password, c.use_tls)"
    )
    result = subprocess.run(  # noqa: S603 - our own manage.py
        [sys.executable, "manage.py", "shell", "--no-imports", "-c", code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["smtp.region.example", "587", "paragraf", "hemligt", "True"]
