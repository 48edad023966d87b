"""Import from an OParl 1.1 server (or a folder of its JSON) into Paragraf.

fetching.py reads the source (HTTP or a folder), values.py reads fields of one
object defensively, index.py remembers which source object became which record,
organisation.py, meetings.py (with handling.py: votes, reservations, conflicts)
and papers.py map one kind of object each, and runner.py walks the source:
System, Body, the Body's lists, page by page. `manage.py import_oparl` is the
way in.
"""
