"""The benchmark's 200 queries, each written three ways.

A query is a list of groups that must all match (or, if excluded, must not);
a group is a list of alternatives joined by OR; an alternative is a word or a
phrase. From that one shape come the visitor's text for Paragraf's search,
the same query in Tantivy's own syntax (the ceiling) and SQL LIKE conditions.
"""

import random
from dataclasses import dataclass

from django.db.models import Q

from bench.search_words import AUTHORITIES, NOUNS, PROPERTIES, Words

# How many queries of each kind: 200 in all.
MIX = {
    "common": 20,
    "rare": 20,
    "inflected": 25,
    "and2": 30,
    "and3": 20,
    "phrase": 25,
    "exclude": 20,
    "or": 20,
    "colon_genitive": 20,
}
COMMON = NOUNS[:6]
RARE = NOUNS[-15:]
PHRASES = [
    "lägga informationen till handlingarna",
    "miljoner kronor",
    "avslå ansökan",
    "återremittera ärendet till förvaltningen",
    "rustas upp under året",
    "nya krav",
    "befintlig budgetram",
]


@dataclass
class Query:
    kind: str
    groups: list  # [(excluded, [alternative, …]), …]

    @property
    def text(self):
        """As a visitor types it into Paragraf's search box."""
        parts = []
        for excluded, alternatives in self.groups:
            shown = " OR ".join(_visitor(a) for a in alternatives)
            parts.append(f"-{shown}" if excluded else shown)
        return " ".join(parts)

    @property
    def tantivy(self):
        """The same query in Tantivy's query language (to parse with conjunction by default)."""
        parts = []
        for excluded, alternatives in self.groups:
            shown = " OR ".join(_tantivy(a) for a in alternatives)
            if len(alternatives) > 1:
                shown = f"({shown})"
            parts.append(f"-{shown}" if excluded else shown)
        return " ".join(parts)

    def like(self, fields):
        """A Q object: each group's words as LIKE '%…%' over the given text fields."""
        condition = Q()
        for excluded, alternatives in self.groups:
            either = Q()
            for alternative in alternatives:
                for name in fields:
                    either |= Q(**{f"{name}__icontains": alternative})
            condition &= ~either if excluded else either
        return condition


def _visitor(alternative):
    return f'"{alternative}"' if " " in alternative else alternative


def _tantivy(alternative):
    if alternative.isalnum():
        return alternative
    return '"' + alternative.replace('"', "") + '"'


class QuerySource:
    def __init__(self, seed=7):
        self.rng = random.Random(seed)
        self.words = Words(seed)

    def form(self, nouns=NOUNS, which=None):
        forms = self.rng.choice(nouns)
        return forms[self.rng.randrange(4) if which is None else which]

    def word(self):
        """A noun in any form (drawn uniformly: rare nouns as often as common ones)."""
        return self.form()

    def common(self):
        return [(False, [self.rng.choice([self.form(COMMON, 0), "nämnden", "förvaltningen"])])]

    def rare(self):
        word = self.form(RARE) if self.rng.random() < 0.6 else self.words.place()
        return [(False, [word])]

    def inflected(self):
        return [(False, [self.form(which=self.rng.choice((1, 2, 3)))])]

    def and2(self):
        second = self.words.place() if self.rng.random() < 0.3 else self.word()
        return [(False, [self.word()]), (False, [second])]

    def and3(self):
        return [(False, [self.form(COMMON)]), (False, [self.word()]), (False, [self.word()])]

    def phrase(self):
        rng, words = self.rng, self.words
        choice = rng.randrange(4)
        if choice == 0:
            return [(False, [f"{self.form(which=1)} i {words.place()}"])]
        if choice == 1:
            return [(False, [words.time()])]
        if choice == 2:
            return [(False, [f"{words.place()}s bygdegård"])]
        return [(False, [rng.choice(PHRASES)])]

    def exclude(self):
        wanted = self.form(COMMON) if self.rng.random() < 0.5 else self.words.place()
        return [(False, [wanted]), (True, [self.word()])]

    def or_(self):
        rng = self.rng
        if rng.random() < 0.5:
            return [(False, [self.word(), self.word()])]
        return [(False, [self.word()]), (False, [self.words.place(), self.words.place()])]

    def colon_genitive(self):
        rng, words = self.rng, self.words
        choice = rng.randrange(5)
        if choice == 0:
            return [(False, [rng.choice(AUTHORITIES)])]
        if choice == 1:
            return [(False, [rng.choice(AUTHORITIES)]), (False, [self.form(which=3)])]
        if choice == 2:
            return [
                (False, [f"{rng.choice(PROPERTIES)} {rng.randint(1, 30)}:{rng.randint(1, 40)}"])
            ]
        if choice == 3:
            return [(False, [f"{rng.randint(2015, 2026)}/{rng.randint(1, 2000)}"])]
        return [(False, ["EU:s"]), (False, [words.time()])]

    def all(self):
        makers = {"or": self.or_}
        queries = []
        for kind, count in MIX.items():
            make = makers.get(kind) or getattr(self, kind)
            queries.extend(Query(kind, make()) for _ in range(count))
        return queries


def queries(seed=7):
    return QuerySource(seed).all()
