"""minutes services (see paragraf/meetings/services/__init__.py)."""
