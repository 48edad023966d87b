"""The back office's users (one per role, an outsider, a superuser) and objects."""

from paragraf.backoffice.tests.conftest import committee, objects, secretary, users

__all__ = ["committee", "objects", "secretary", "users"]
