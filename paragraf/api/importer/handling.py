"""How an item was handled, as Paragraf's API shows it in the minutes:
votes with their ballots, reservations and conflicts of interest
(`paragraf:votes`, `paragraf:reservations`, `paragraf:conflicts`)."""

from paragraf.meetings.models import Ballot, Conflict, Reservation, Vote
from paragraf.organisation.models import Person


def _person(runner, reader, url):
    person = runner.ref(url, Person, "Person") if isinstance(url, str) else None
    if person is None:
        reader.note("person", f"{url!r} is unknown")
    return person


def _entries(reader, key):
    return [e for e in reader.objects(key) if isinstance(e, dict)]


def _short(value, limit):
    return value.strip()[:limit] if isinstance(value, str) else ""


def record(runner, reader, item, fresh):
    """Write what the source records; an item imported again is written anew."""
    if not fresh:
        Ballot.objects.filter(vote__item=item).delete()
        Vote.objects.filter(item=item).delete()
        Reservation.objects.filter(item=item).delete()
        Conflict.objects.filter(item=item).delete()
    for data in _entries(reader, "paragraf:votes"):
        question = _short(data.get("question"), 500)
        if not question:
            continue
        result = data.get("result") if data.get("result") in Vote.Result.values else ""
        vote = Vote.objects.create(
            item=item,
            question=question,
            yes_means=_short(data.get("yesMeans"), 300),
            no_means=_short(data.get("noMeans"), 300),
            result=result,
            decided_by_chair=data.get("decidedByChair") is True,
        )
        voters = set()
        for ballot in data.get("ballots") if isinstance(data.get("ballots"), list) else []:
            if not isinstance(ballot, dict) or ballot.get("vote") not in Ballot.Choice.values:
                continue
            person = _person(runner, reader, ballot.get("person"))
            if person is not None and person.pk not in voters:
                voters.add(person.pk)
                Ballot.objects.create(vote=vote, person=person, choice=ballot["vote"])
    for data in _entries(reader, "paragraf:reservations"):
        person = _person(runner, reader, data.get("person"))
        if person is not None:
            Reservation.objects.create(
                item=item,
                person=person,
                against=_short(data.get("against"), 300),
                grounds=data.get("grounds") if isinstance(data.get("grounds"), str) else "",
            )
    conflicted = set()
    for data in _entries(reader, "paragraf:conflicts"):
        person = _person(runner, reader, data.get("person"))
        if person is None or person.pk in conflicted:
            continue
        conflicted.add(person.pk)
        substitute = data.get("substitute")
        substitute = _person(runner, reader, substitute) if substitute else None
        if substitute == person:
            substitute = None
        Conflict.objects.create(item=item, person=person, substitute=substitute)
