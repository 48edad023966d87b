"""Alert e-mails are sent by the task worker (`manage.py db_worker`), never in
the request that caused them."""

import logging

from django_tasks import task

from paragraf.alerts import committee_alerts, mail, search_alerts
from paragraf.alerts.models import Subscription

logger = logging.getLogger(__name__)


@task()
def send_confirmation(subscription_id):
    """The confirmation e-mail, unless the subscription is gone or confirmed."""
    subscription = Subscription.objects.unconfirmed().filter(pk=subscription_id).first()
    if subscription is None:
        return False
    mail.confirmation(subscription).send()
    return True


@task()
def send_committee_alerts(event, meeting_id, notice_id=None):
    return committee_alerts.send_committee_alerts(event, meeting_id, notice_id)


@task()
def send_search_alerts():
    searches, hits = search_alerts.run_all()
    return {"searches": searches, "hits": hits}
