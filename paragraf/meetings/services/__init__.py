"""Operations on meetings that change several objects, each in one transaction.

One module per stage of the cycle: numbering (§), agenda (building and
publishing), recording (the meeting itself), minutes (closing, justering,
corrections).
"""

from paragraf.meetings.services.numbering import number_paragraphs

__all__ = ["number_paragraphs"]
