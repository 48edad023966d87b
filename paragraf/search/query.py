"""The visitor's words turned into Tantivy queries, by hand.

Tantivy's own query parser rejects colons (`EU:s`, `13:00`), apostrophes, a
lone `-ai` and unbalanced quotes, and its lenient parser silently drops what it
cannot read, so the syntax offered here is parsed here: words (all must
match), "quoted phrases", -word to exclude, OR between two words or phrases.
Every word goes through the index's own Swedish analyzer, so "skolklass" finds
"skolklasser". Filters go into the same query, so the engine applies them
before it takes the top hits.
"""

import datetime
import logging
import re
from dataclasses import dataclass, field

import tantivy
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from paragraf.search import index

logger = logging.getLogger(__name__)

PAGE_SIZE = 20
MAX_PAGE = 50
MAX_CLAUSES = 20
TITLE_BOOST = 2.0
SNIPPET_CHARS = 240
SORT_RELEVANCE = "relevans"
SORT_DATE = "datum"

# A quoted phrase, or a run of anything but space and quotes.
TOKEN = re.compile(r'(-?)"([^"]*)"|(\S+?)(?=\s|"|$)')


@dataclass
class Clause:
    terms: list
    excluded: bool = False


@dataclass
class Filters:
    committee: str = ""
    kind: str = ""
    year: int | None = None
    since: datetime.date | None = None
    until: datetime.date | None = None


@dataclass
class Hit:
    kind: str
    title: str
    url: str
    label: str
    committee_name: str
    day: datetime.date
    snippet: str = ""
    kind_label: str = ""
    reference: str = ""
    is_public: bool = True


@dataclass
class Results:
    hits: list = field(default_factory=list)
    total: int = 0
    message: str = ""


def clauses(text):
    """[[Clause, …], …]: groups that must all match, each a list of OR alternatives."""
    text = text or ""
    if text.count('"') % 2:
        # An unbalanced quote is most likely a typo: its words count one by one.
        head, _quote, tail = text.rpartition('"')
        text = f"{head} {tail}"
    groups = []
    join_next = False
    for match in TOKEN.finditer(text):
        minus, phrase, word = match.groups()
        if word is not None and word == "OR":
            join_next = bool(groups)
            continue
        if word is not None:
            minus = "-" if word.startswith("-") else ""
            word = word[1:] if minus else word
        terms = index.ANALYZE.analyze(phrase if word is None else word)
        if not terms:
            join_next = False
            continue
        clause = Clause(terms=terms, excluded=bool(minus))
        if join_next and not clause.excluded and not groups[-1][-1].excluded:
            groups[-1].append(clause)
        else:
            groups.append([clause])
        join_next = False
    return groups[:MAX_CLAUSES]


def _field_query(terms, name):
    if len(terms) == 1:
        return tantivy.Query.term_query(index.SCHEMA, name, terms[0])
    return tantivy.Query.phrase_query(index.SCHEMA, name, list(enumerate(terms)))


def _clause_query(clause):
    """A word or phrase in the title or the case's number and title (counting
    double), or in the text."""
    title = tantivy.Query.boost_query(_field_query(clause.terms, "title"), TITLE_BOOST)
    case = tantivy.Query.boost_query(_field_query(clause.terms, "case"), TITLE_BOOST)
    text = _field_query(clause.terms, "text")
    either = tantivy.Occur.Should
    return tantivy.Query.boolean_query([(either, title), (either, case), (either, text)])


def _filter_queries(filters):
    schema, found = index.SCHEMA, []
    if filters.committee:
        found.append(tantivy.Query.term_query(schema, "committee", filters.committee))
    if filters.kind:
        found.append(tantivy.Query.term_query(schema, "kind", filters.kind))
    since, until = filters.since, filters.until
    if filters.year:
        since = max(since or datetime.date.min, datetime.date(filters.year, 1, 1))
        until = min(until or datetime.date.max, datetime.date(filters.year, 12, 31))
    if since or until:
        found.append(
            tantivy.Query.range_query(
                schema,
                "day",
                tantivy.FieldType.Integer,
                index.day_number(since or datetime.date.min),
                index.day_number(until or datetime.date.max),
            )
        )
    # Filters narrow the hits; they should not change their order.
    return [tantivy.Query.const_score_query(query, 0.0) for query in found]


def build(text, filters):
    """(query, text_query, message): the query is None when there is nothing to search."""
    groups = clauses(text)
    wanted = [group for group in groups if not group[0].excluded]
    if not wanted:
        if groups:
            message = _("Add at least one word to search for, not only words to leave out.")
        else:
            message = _("Type one or more words to search for.")
        return None, None, message
    parts = []
    for group in groups:
        if group[0].excluded:
            parts.append((tantivy.Occur.MustNot, _clause_query(group[0])))
        elif len(group) == 1:
            parts.append((tantivy.Occur.Must, _clause_query(group[0])))
        else:
            alternatives = [(tantivy.Occur.Should, _clause_query(clause)) for clause in group]
            parts.append((tantivy.Occur.Must, tantivy.Query.boolean_query(alternatives)))
    # A boolean query of one clause scores as the clause alone but costs more to run
    # (measured: a common word 8.1 ms bare, 10.5 ms wrapped), so one clause stays bare.
    words = _all_of(parts)
    filters_ = [(tantivy.Occur.Must, query) for query in _filter_queries(filters)]
    return _all_of([(tantivy.Occur.Must, words), *filters_]), words, ""


def _all_of(parts):
    if len(parts) == 1 and parts[0][0] == tantivy.Occur.Must:
        return parts[0][1]
    return tantivy.Query.boolean_query(parts)


def _escaped(utf8):
    return escape(utf8.decode(errors="ignore"))


def snippet_html(generator, document):
    """The text around the best match, escaped, with the matched words in <mark>."""
    snippet = generator.snippet_from_doc(document)
    fragment = snippet.fragment().encode()  # the ranges count bytes
    parts, position = [], 0
    for found in sorted(snippet.highlighted(), key=lambda found: found.start):
        if found.start < position:
            continue
        parts.append(_escaped(fragment[position : found.start]))
        parts.append(f"<mark>{_escaped(fragment[found.start : found.end])}</mark>")
        position = found.end
    parts.append(_escaped(fragment[position:]))
    return mark_safe("".join(parts))  # noqa: S308 - every piece is escaped above


def _members_query(query, committees):
    """The query, limited inside the engine to the committees' entries."""
    mine = tantivy.Query.term_set_query(index.SCHEMA, "committee", sorted(committees))
    only = tantivy.Query.const_score_query(mine, 0.0)
    return tantivy.Query.boolean_query([(tantivy.Occur.Must, query), (tantivy.Occur.Must, only)])


def _sources(query, committees):
    """(index, query, public) to search: the public index, and the members' index
    for a reader who is a member of some committees."""
    found = [(index.open_index(index.PUBLIC), query, True)]
    if committees:
        try:
            members = index.open_index(index.MEMBERS)
        except index.SearchUnavailable as error:
            logger.warning("Members' search index unavailable: %s", error)
        else:
            found.append((members, _members_query(query, committees), False))
    return found


def search(text, filters=None, sort=SORT_RELEVANCE, page=1, committees=()):
    """Results for a visitor's query; raises index.SearchUnavailable without an index.

    `committees`: slugs of the committees whose non-public entries the reader may
    see (from the members' index). Each index gives its best hits up to this page,
    filters applied inside the engine; the two lists are merged by score or date.
    """
    query, words, message = build(text, filters or Filters())
    if query is None:
        return Results(message=message)
    page = min(max(page, 1), MAX_PAGE)
    options = {"limit": page * PAGE_SIZE}
    if sort == SORT_DATE:
        options["order_by_field"] = "day"
    ranked, total = [], 0
    for source_index, source_query, public in _sources(query, committees):
        searcher = source_index.searcher()
        found = searcher.search(source_query, **options)
        total += found.count
        ranked += [(order, public, searcher, address) for order, address in found.hits]
    ranked.sort(key=lambda hit: hit[0], reverse=True)  # stable: public first on ties
    generators = {}
    hits = []
    for _order, public, searcher, address in ranked[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]:
        if public not in generators:
            generator = tantivy.SnippetGenerator.create(searcher, words, index.SCHEMA, "text")
            generator.set_max_num_chars(SNIPPET_CHARS)
            generators[public] = generator
        hits.append(_hit(searcher.doc(address), generators[public], public))
    if not total:
        message = _("Nothing matched your search. Try fewer or other words.")
    return Results(hits=hits, total=total, message=message)


def _hit(document, generator, public):
    snippet = snippet_html(generator, document)
    if not snippet:
        # Found by the title or the case number only: show how the text begins.
        snippet = escape(document.get_first("text")[:SNIPPET_CHARS])
    return Hit(
        kind=document.get_first("kind"),
        title=document.get_first("title"),
        url=document.get_first("url"),
        label=document.get_first("label") or "",
        committee_name=document.get_first("committee_name"),
        day=index.number_day(document.get_first("day")),
        snippet=snippet,
        reference=document.get_first("reference") or "",
        is_public=public,
    )
