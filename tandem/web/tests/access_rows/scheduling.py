"""Access rows for the scheduling pages (see tandem/web/tests/test_access_matrix.py).

Columns: anonymous, midwife, health visitor, team leader, administrator, reviewer,
outsider, analyst, system admin, woman. The calendar feed answers everyone, signed in or not: its
URL's token is the credential (a bad token is 404, see test_scheduling_feed).
"""

from datetime import timedelta
from types import SimpleNamespace

from django.utils import timezone

from tandem.pathway.models import ReferralStatus, ReviewOutcome
from tandem.scheduling.services.feed import feed_token, regenerate_feed
from tandem.scheduling.tests.factories import BusyPeriodFactory, WorkingHoursFactory, booked_visit
from tandem.web.tests.access_rows.personas import SIGN_IN

CALENDAR = (SIGN_IN, 200, 200, 200, 403, 403, 200, 403, 403, 403)
OWN_ITEM_REMOVED = (SIGN_IN, 302, 404, 404, 403, 403, 404, 403, 403, 403)
BOOKING = (SIGN_IN, 200, 200, 200, 200, 403, 404, 403, 403, 403)

# url name: (the object kind its id names or None, the method, the answer per persona)
ROWS: dict = {
    "web:my-calendar": (None, "get", CALENDAR),
    "web:working-hours-new": (None, "get", CALENDAR),
    "web:busy-period-new": (None, "get", CALENDAR),
    "web:calendar-import": (None, "get", CALENDAR),
    "web:working-hours-remove": ("midwife_working_hours", "post", OWN_ITEM_REMOVED),
    "web:busy-period-remove": ("midwife_busy_period", "post", OWN_ITEM_REMOVED),
    "web:calendar-feed-regenerate": (
        None,
        "post",
        (SIGN_IN, 302, 302, 302, 403, 403, 302, 403, 403, 403),
    ),
    "web:calendar-feed": ("midwife_feed_token", "get", (200,) * 10),
    "web:visit-book": ("decided_referral", "get", BOOKING),
    "web:visit": ("visit", "get", (SIGN_IN, 200, 200, 200, 200, 200, 404, 403, 403, 403)),
    "web:visit-reschedule": ("visit", "get", BOOKING),
    "web:visit-cancel": ("visit", "get", BOOKING),
}


def _decided(referral):
    referral.status = ReferralStatus.DECIDED
    referral.current_outcome = ReviewOutcome.JOINT_VISIT
    referral.decided_at = timezone.now()
    referral.save()
    return referral


def _feed_token(context):
    midwife = context.personas.midwife
    feed = regenerate_feed(by=midwife, practitioner=midwife.practitioner)
    return SimpleNamespace(pk=feed_token(feed))


def _busy_period(context):
    starts_at = timezone.now() + timedelta(days=1)
    return BusyPeriodFactory(
        practitioner=context.personas.midwife.practitioner,
        starts_at=starts_at,
        ends_at=starts_at + timedelta(hours=2),
    )


# object kind: a function of the test context (personas, contact, referral) returning it
OBJECTS: dict = {
    "midwife_working_hours": lambda context: WorkingHoursFactory(
        practitioner=context.personas.midwife.practitioner
    ),
    "midwife_busy_period": _busy_period,
    "midwife_feed_token": _feed_token,
    "decided_referral": lambda context: _decided(context.referral),
    "visit": lambda context: booked_visit(
        context.personas.pregnancy,
        by=context.personas.administrator,
        midwife=context.personas.midwife.practitioner,
        health_visitor=context.personas.health_visitor.practitioner,
        referral=context.referral,
    ),
}
