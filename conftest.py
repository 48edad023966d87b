import pytest


@pytest.fixture(autouse=True)
def _isolated_files_and_cache(settings, tmp_path, tmp_path_factory):
    """Every test writes files into its own folder and starts with an empty cache.

    VAR_DIR (where the development seal's test certificate authority lives) is one
    folder for the whole session, so the authority is made once, never in the checkout.
    """
    from django.core.cache import cache

    settings.MEDIA_ROOT = tmp_path / "media"
    settings.VAR_DIR = tmp_path_factory.getbasetemp() / "var"
    settings.SEAL_PKCS12_PATH = ""
    cache.clear()
    yield
    cache.clear()
