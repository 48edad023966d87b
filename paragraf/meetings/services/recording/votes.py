"""Open votes (votering): each serving member's ballot and the result."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from paragraf.meetings.models import Ballot, Vote
from paragraf.meetings.services.recording.attendance import serving_members
from paragraf.meetings.services.recording.items import lock_item

Choice = Ballot.Choice


def compute_result(ballots, chair):
    """(result, decided_by_chair) from {person: choice}.

    More yes than no wins; abstentions do not count. At a tie the chair of
    the meeting has the casting vote (KL 6:33 for committees, 5:56 for the
    council), which is the chair's own yes or no. If the chair has not voted
    yes or no (absent from the item, conflicted or abstaining) there is no
    casting vote to apply, so the vote is refused rather than guessed.
    """
    yes = sum(1 for choice in ballots.values() if choice == Choice.YES)
    no = sum(1 for choice in ballots.values() if choice == Choice.NO)
    if yes > no:
        return Vote.Result.YES, False
    if no > yes:
        return Vote.Result.NO, False
    chair_choice = next(
        (c for person, c in ballots.items() if chair and person.pk == chair.pk), None
    )
    if chair_choice == Choice.YES:
        return Vote.Result.YES, True
    if chair_choice == Choice.NO:
        return Vote.Result.NO, True
    raise ValidationError(
        _(
            "The vote is tied (%(yes)s yes, %(no)s no). The chair of the meeting has the "
            "casting vote but has not voted yes or no. Record the chair's vote, or set "
            "who chairs the meeting."
        )
        % {"yes": yes, "no": no},
        code="tie_without_chair",
    )


@transaction.atomic
def record_vote(item, question, ballots, yes_means="", no_means=""):
    """Record an open vote with each serving member's ballot ({person: choice}).

    Everyone who votes must serve on the item, each once. The same vote
    submitted twice (same question and ballots) gives the one vote.
    """
    item = lock_item(item)
    question = question.strip()
    if not question:
        raise ValidationError(_("Write the question put to the vote."), code="question")
    if not ballots:
        raise ValidationError(_("Record at least one ballot."), code="no_ballots")
    pairs = list(ballots.items())
    if len({person.pk for person, _choice in pairs}) != len(pairs):
        raise ValidationError(_("Each member can vote only once."), code="twice")
    serving = {person.pk for person in serving_members(item.meeting, item)}
    for person, choice in pairs:
        if person.pk not in serving:
            raise ValidationError(
                _("%(person)s does not serve on this item and cannot vote.") % {"person": person},
                code="not_serving",
            )
        if choice not in Choice.values:
            raise ValidationError(
                _("Choose yes, no or abstain for %(person)s.") % {"person": person},
                code="choice",
            )
    result, by_chair = compute_result(ballots, item.meeting.chair)
    wanted = {(person.pk, str(choice)) for person, choice in pairs}
    for vote in Vote.objects.filter(item=item, question=question):
        if set(vote.ballots.values_list("person_id", "choice")) == wanted:
            return vote
    vote = Vote.objects.create(
        item=item,
        question=question,
        yes_means=yes_means,
        no_means=no_means,
        result=result,
        decided_by_chair=by_chair,
    )
    # One by one, not bulk_create, so the audit log's signals see each ballot.
    for person, choice in pairs:
        Ballot.objects.create(vote=vote, person=person, choice=choice)
    return vote
